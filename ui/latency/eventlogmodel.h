#pragma once

#include "pipeline/pipelineeventlog.h"

#include <QAbstractListModel>
#include <QColor>

#include <limits>
#include <optional>
#include <vector>

namespace LatencyLab::Ui {

// One line of the event log: the example's line as data, and the run it
// comes from.
struct LogEvent
{
    Core::PipelineEvent event;
    Core::PipelineSpec::Mode mode = Core::PipelineSpec::Mode::Async;

    Core::Nanos time() const { return event.time; }
    bool isGenerated() const { return event.kind == Core::PipelineEvent::Kind::Generated; }
};

// What the log shows; every field narrows it.
struct EventLogFilter
{
    bool generated = true;
    bool processed = true;
    int producer = -1; // 0-based; -1: every producer
    std::optional<Core::PipelineSpec::Mode> mode;
    // Case-insensitive, anywhere in the line; a number in it matches whole
    // numbers only ("item 7" is not item 17).
    QString text;

    friend bool operator==(const EventLogFilter &, const EventLogFilter &) = default;
};

// The event log as a list model, time-ordered, filtered in place (rows are
// indices of the events that pass, so 10^5 lines cost a few megabytes and a
// filter change one pass). Lines after the cursor (the replay's position)
// have not happened yet and are drawn dimmed; the last line that has is
// tinted. Colours follow the example: generated yellow, processed cyan, in
// shades readable on a light or a dark background.
class EventLogModel : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr Core::Nanos kNoCursor = std::numeric_limits<Core::Nanos>::max();
    enum Role { TimeRole = Qt::UserRole + 1, KindRole };

    explicit EventLogModel(QObject *parent = nullptr);

    void clear();
    // Finished runs (one per mode): two lines per consumed item.
    void setRuns(const QList<Core::PipelineRun> &runs);
    // Live lines. Rows stay in time order: lines that land among those
    // shown (two modes, or two threads, a little out of step) reset the model.
    void appendEvents(Core::PipelineSpec::Mode mode, std::vector<Core::PipelineEvent> events);

    void setFilter(const EventLogFilter &filter);
    const EventLogFilter &filter() const { return m_filter; }
    void setCursor(Core::Nanos cursor);
    Core::Nanos cursor() const { return m_cursor; }
    void setDark(bool dark);

    qsizetype totalCount() const { return qsizetype(m_events.size()); }
    // Shown rows whose time is at most `time`; the last of them is row count − 1.
    int rowsUntil(Core::Nanos time) const;
    const LogEvent &eventAt(int row) const { return m_events[m_rows[size_t(row)]]; }
    // The line as printed: "  2.31 s  generated item 7 (value 49) by producer 2".
    QString lineText(const LogEvent &event) const;
    // Producers in the largest run, for the filter's choices.
    int producerCount() const { return m_producers; }
    bool hasBothModes() const { return m_modesSeen == 3; }

    static QColor kindColor(Core::PipelineEvent::Kind kind, bool dark);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void addEvents(Core::PipelineSpec::Mode mode, const std::vector<Core::PipelineEvent> &events);
    bool accepts(const LogEvent &event) const;
    void rebuildRows();
    void updateTimeWidth();
    int currentRow() const;

    std::vector<LogEvent> m_events; // time order
    std::vector<quint32> m_rows;    // indices into m_events that pass the filter
    EventLogFilter m_filter;
    Core::Nanos m_cursor = kNoCursor;
    int m_timeWidth = 6; // characters of the widest time, so the lines align
    int m_producers = 0;
    int m_modesSeen = 0; // bit per mode
    bool m_dark = false;
};

} // namespace LatencyLab::Ui
