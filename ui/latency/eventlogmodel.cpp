#include "latency/eventlogmodel.h"

#include <QFont>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

namespace {

using Mode = Core::PipelineSpec::Mode;

using Kind = Core::PipelineEvent::Kind;

// Time order; at one instant an item is generated before it is processed,
// as the example's output shows (and pipelineEventLog orders them).
bool earlier(const LogEvent &a, const LogEvent &b)
{
    if (a.event.time != b.event.time)
        return a.event.time < b.event.time;
    if (a.event.kind != b.event.kind)
        return a.event.kind < b.event.kind;
    return a.mode < b.mode;
}

int modeBit(Mode mode)
{
    return mode == Mode::Sync ? 1 : 2;
}

bool isDigitAt(QStringView text, qsizetype at)
{
    return at >= 0 && at < text.size() && text[at].isDigit();
}

// Whether `line` holds `text` in any case, a whole number at either end of
// `text` matching only a whole number: "item 7" finds item 7, not item 17 or
// item 70. A decimal at the end still matches longer decimals ("after 0.4"
// finds 0.42).
bool containsWhole(QStringView line, QStringView text)
{
    const bool numberFirst = isDigitAt(text, 0);
    qsizetype trailingNumber = text.size();
    while (trailingNumber > 0 && (text[trailingNumber - 1].isDigit() || text[trailingNumber - 1] == u'.'))
        --trailingNumber;
    const bool wholeNumberLast = isDigitAt(text, text.size() - 1) && !text.sliced(trailingNumber).contains(u'.');
    for (qsizetype at = line.indexOf(text, 0, Qt::CaseInsensitive); at >= 0;
         at = line.indexOf(text, at + 1, Qt::CaseInsensitive)) {
        const bool cutBefore = numberFirst && isDigitAt(line, at - 1);
        const bool cutAfter = wholeNumberLast && isDigitAt(line, at + text.size());
        if (!cutBefore && !cutAfter)
            return true;
    }
    return false;
}

} // namespace

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

QColor EventLogModel::kindColor(Kind kind, bool dark)
{
    // The example's yellow and cyan, darkened on white until they read at
    // 4.5:1 or better, and kept bright on a dark background.
    if (kind == Kind::Generated)
        return dark ? QColor(0xf2, 0xcd, 0x4b) : QColor(0x85, 0x66, 0x00);
    return dark ? QColor(0x5c, 0xd6, 0xe6) : QColor(0x00, 0x6d, 0x7a);
}

void EventLogModel::clear()
{
    beginResetModel();
    m_events.clear();
    m_rows.clear();
    m_producers = 0;
    m_modesSeen = 0;
    m_timeWidth = 6;
    endResetModel();
}

void EventLogModel::addEvents(Mode mode, const std::vector<Core::PipelineEvent> &events)
{
    m_events.reserve(m_events.size() + events.size());
    for (const Core::PipelineEvent &event : events) {
        m_events.push_back({event, mode});
        m_producers = std::max(m_producers, event.producer + 1);
    }
    if (!events.empty())
        m_modesSeen |= modeBit(mode);
}

void EventLogModel::setRuns(const QList<Core::PipelineRun> &runs)
{
    beginResetModel();
    m_events.clear();
    m_producers = 0;
    m_modesSeen = 0;
    for (const Core::PipelineRun &run : runs)
        addEvents(run.spec.mode, Core::pipelineEventLog(run));
    // Each run's log is in order already; two runs interleave.
    std::stable_sort(m_events.begin(), m_events.end(), earlier);
    updateTimeWidth();
    rebuildRows();
    endResetModel();
}

void EventLogModel::appendEvents(Mode mode, std::vector<Core::PipelineEvent> events)
{
    if (events.empty())
        return;
    const size_t oldSize = m_events.size();
    const int oldWidth = m_timeWidth;
    const bool wasBothModes = hasBothModes();
    addEvents(mode, events);
    std::stable_sort(m_events.begin() + qsizetype(oldSize), m_events.end(), earlier);
    updateTimeWidth();
    const bool inOrder = oldSize == 0 || !earlier(m_events[oldSize], m_events[oldSize - 1]);
    if (!inOrder || oldWidth != m_timeWidth || wasBothModes != hasBothModes()) {
        // Lines land among those shown, or every line's layout changes: start over.
        beginResetModel();
        std::inplace_merge(m_events.begin(), m_events.begin() + qsizetype(oldSize), m_events.end(), earlier);
        rebuildRows();
        endResetModel();
        return;
    }
    std::vector<quint32> added;
    for (size_t i = oldSize; i < m_events.size(); ++i) {
        if (accepts(m_events[i]))
            added.push_back(quint32(i));
    }
    if (added.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_rows.insert(m_rows.end(), added.begin(), added.end());
    endInsertRows();
}

void EventLogModel::updateTimeWidth()
{
    // Sorted but for a batch just added: the latest is the last or in that batch.
    Core::Nanos last = 0;
    for (const LogEvent &event : m_events)
        last = std::max(last, event.time());
    // "  2.31": room for times up to 999.99 s, wider beyond.
    m_timeWidth = std::max(6, int(QString::number(Core::toSeconds(last), 'f', 2).size()));
}

bool EventLogModel::accepts(const LogEvent &event) const
{
    if (event.isGenerated() ? !m_filter.generated : !m_filter.processed)
        return false;
    if (m_filter.producer >= 0 && event.event.producer != m_filter.producer)
        return false;
    if (m_filter.mode && event.mode != *m_filter.mode)
        return false;
    return m_filter.text.isEmpty() || containsWhole(lineText(event), m_filter.text);
}

void EventLogModel::rebuildRows()
{
    m_rows.clear();
    for (size_t i = 0; i < m_events.size(); ++i) {
        if (accepts(m_events[i]))
            m_rows.push_back(quint32(i));
    }
}

void EventLogModel::setFilter(const EventLogFilter &filter)
{
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    rebuildRows();
    endResetModel();
}

void EventLogModel::setCursor(Core::Nanos cursor)
{
    if (cursor == m_cursor)
        return;
    m_cursor = cursor;
    if (!m_rows.empty()) // the views repaint what they show, not every row
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {Qt::ForegroundRole, Qt::BackgroundRole});
}

void EventLogModel::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {Qt::ForegroundRole, Qt::BackgroundRole});
}

int EventLogModel::rowsUntil(Core::Nanos time) const
{
    const auto end = std::upper_bound(m_rows.begin(), m_rows.end(), time,
                                      [this](Core::Nanos t, quint32 row) { return t < m_events[row].time(); });
    return int(end - m_rows.begin());
}

int EventLogModel::currentRow() const
{
    return m_cursor == kNoCursor ? -1 : rowsUntil(m_cursor) - 1;
}

// Called for every line when the text filter changes: no translation lookups
// or chained arg() here, just concatenation.
QString EventLogModel::lineText(const LogEvent &event) const
{
    QString line = QString::number(Core::toSeconds(event.time()), 'f', 2).rightJustified(m_timeWidth) + QStringLiteral(" s  ");
    if (hasBothModes())
        line += event.mode == Mode::Sync ? QStringLiteral("sync   ") : QStringLiteral("async  ");
    return line + event.event.text();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const LogEvent &event = eventAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return lineText(event);
    case Qt::ForegroundRole:
        if (event.time() > m_cursor) // not happened yet at the replay's position
            return m_dark ? QColor(0x6b, 0x71, 0x78) : QColor(0xa8, 0xac, 0xb1);
        return kindColor(event.event.kind, m_dark);
    case Qt::BackgroundRole:
        if (index.row() == currentRow())
            return m_dark ? QColor(0x8a, 0xb4, 0xf8, 48) : QColor(0x21, 0x66, 0xac, 30);
        return {};
    case TimeRole:
        return event.time();
    case KindRole:
        return int(event.event.kind);
    default:
        return {};
    }
}

} // namespace LatencyLab::Ui
