#include "window/requestreplay.h"

#include "charts/ganttchart.h"
#include "controls/replaybar.h"
#include "controls/replaycontroller.h"
#include "gantt/ganttview.h"

#include <QKeyEvent>
#include <QWidget>

#include <algorithm>

namespace LatencyLab::Ui {

namespace {

// Every moment something happens in the chart: an arrival, a span's end.
void addEvents(const GanttChart &chart, std::vector<Core::Nanos> &events)
{
    for (const GanttSection &section : chart.sections) {
        if (!section.run)
            continue;
        const Core::Timeline &timeline = section.run->timeline;
        for (Core::RequestIndex r = 0; r < Core::RequestIndex(timeline.requestCount()); ++r) {
            events.push_back(timeline.arrival(r));
            for (int k = 0; k < timeline.requestSpanCount(r); ++k)
                events.push_back(timeline.span(r, k).end);
        }
    }
}

// The most requests one section of `chart` holds.
qint64 largestSection(const GanttChart &chart)
{
    qint64 largest = 0;
    for (const GanttSection &section : chart.sections) {
        if (section.run)
            largest = std::max(largest, qint64(section.run->timeline.requestCount()));
    }
    return largest;
}

} // namespace

RequestReplay::RequestReplay(QList<GanttView *> played, QList<QWidget *> otherViews, QObject *parent)
    : QObject(parent)
    , m_played(std::move(played))
    , m_otherViews(std::move(otherViews))
    , m_controller(new ReplayController(this))
    , m_bar(new ReplayBar(m_controller))
{
    for (GanttView *view : std::as_const(m_played))
        connect(view, &GanttView::wholeChartChanged, this, &RequestReplay::chartsShown);
    connect(m_controller, &ReplayController::positionChanged, this, &RequestReplay::positionChanged);
    // Played to the end: the charts show whole again, without a cursor.
    connect(m_controller, &ReplayController::playingChanged, this, [this] { positionChanged(m_controller->position()); });
    connect(m_controller, &ReplayController::speedChanged, this, [this] { m_speedChosen = m_speedChosen || !m_settingSpeed; });
    for (QWidget *view : views())
        view->installEventFilter(this);
    chartsShown(); // nothing to play yet, most often
}

QList<QWidget *> RequestReplay::views() const
{
    QList<QWidget *> views(m_played.cbegin(), m_played.cend());
    return views + m_otherViews;
}

bool RequestReplay::isReplaying() const
{
    return m_controller->duration() > 0 && (m_controller->isPlaying() || !m_controller->isAtEnd());
}

void RequestReplay::chartsShown()
{
    std::optional<Core::Nanos> start;
    Core::Nanos end = 0;
    qint64 largest = 0;
    for (const GanttView *view : std::as_const(m_played)) {
        const GanttChart &chart = view->wholeChart();
        if (chart.isEmpty())
            continue;
        start = std::min(start.value_or(chart.start()), chart.start());
        end = std::max(end, chart.end());
        largest = std::max(largest, largestSection(chart));
    }
    const bool tooLarge = largest > kMaxRequests;
    Core::Nanos duration = 0;
    if (start && !tooLarge) {
        m_start = *start;
        duration = std::max<Core::Nanos>(0, end - m_start);
    }
    m_eventsListed = false; // listed when first stepped through: a slider's drag need not sort them
    m_bar->setEnabled(duration > 0);
    m_bar->setToolTip(tooLarge ? tr("Replay plays charts of up to %L1 requests a model.").arg(kMaxRequests) : QString());
    if (!m_speedChosen && duration > 0) {
        m_settingSpeed = true;
        m_controller->setSpeed(ReplayController::speedToPlayWithin(duration, kComfortablePlayTime));
        m_settingSpeed = false;
    }
    m_controller->setDurationKeepingPosition(duration);
}

void RequestReplay::positionChanged(Core::Nanos position)
{
    const bool whole = m_controller->duration() <= 0 || (position >= m_controller->duration() && !m_controller->isPlaying());
    const std::optional<Core::Nanos> moment = whole ? std::nullopt : std::optional<Core::Nanos>(m_start + position);
    if (moment == m_moment)
        return;
    m_moment = moment;
    for (GanttView *view : std::as_const(m_played))
        view->setReplayTime(moment);
    Q_EMIT momentChanged(moment);
}

void RequestReplay::listEvents()
{
    m_events.clear();
    m_eventsListed = true;
    if (m_controller->duration() <= 0)
        return;
    for (const GanttView *view : std::as_const(m_played))
        addEvents(view->wholeChart(), m_events);
    for (Core::Nanos &event : m_events)
        event -= m_start;
    std::sort(m_events.begin(), m_events.end());
    m_events.erase(std::unique(m_events.begin(), m_events.end()), m_events.end());
}

bool RequestReplay::stepToEvent(int direction)
{
    if (!m_eventsListed)
        listEvents();
    const Core::Nanos position = m_controller->position();
    if (direction > 0) {
        const auto next = std::upper_bound(m_events.begin(), m_events.end(), position);
        if (next == m_events.end())
            return false;
        m_controller->pause();
        m_controller->seek(*next);
        return true;
    }
    const auto before = std::lower_bound(m_events.begin(), m_events.end(), position);
    if (before == m_events.begin())
        return false;
    m_controller->pause();
    m_controller->seek(*std::prev(before));
    return true;
}

bool RequestReplay::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && handleKey(static_cast<QKeyEvent *>(event)))
        return true;
    return QObject::eventFilter(watched, event);
}

bool RequestReplay::handleKey(const QKeyEvent *key)
{
    if (key->modifiers() & ~Qt::KeypadModifier || m_controller->duration() <= 0)
        return false;
    switch (key->key()) {
    case Qt::Key_Space:
        m_controller->togglePlaying();
        return true;
    case Qt::Key_Right:
        return isReplaying() && stepToEvent(+1);
    case Qt::Key_Left:
        return isReplaying() && stepToEvent(-1);
    case Qt::Key_Home:
        if (!isReplaying())
            return false;
        m_controller->pause();
        m_controller->seek(0);
        return true;
    case Qt::Key_End:
        if (!isReplaying())
            return false;
        m_controller->pause();
        m_controller->seek(m_controller->duration());
        return true;
    default:
        return false;
    }
}

} // namespace LatencyLab::Ui
