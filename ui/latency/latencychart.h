#pragma once

#include "charts/latencytrace.h"

#include "pipeline/pipelinerun.h"

#include <QChart>

#include <array>
#include <limits>
#include <optional>

class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace LatencyLab::Ui {

struct GanttStyle;

// The producer/consumer latency plot: each consumed item's latency (taken
// from the queue − produced) against the time it was taken, one series per
// mode, and each mode's queue length as a step line on a second axis. The
// legend carries each mode's total time and mean latency; the title compares
// the modes' means, and under it a subtitle says what each mode was given
// (and when the two were given different work, that they were). The window shows
// it in a QChartView and export renders the very same chart offscreen.
// Points are drawn decimated (at most kMaxPointsPerSeries per series) and
// every redraw replaces a series' points in one call.
class LatencyChart : public QChart
{
    Q_OBJECT

public:
    using Mode = Core::PipelineSpec::Mode;
    static constexpr int kModes = 2;
    static constexpr int kMaxPointsPerSeries = 4000;
    // Fewer points than this are drawn with markers: each item stays visible.
    static constexpr int kMaxMarkedPoints = 250;
    static constexpr double kNoCursor = std::numeric_limits<double>::infinity();

    explicit LatencyChart(QGraphicsItem *parent = nullptr);

    // The scenario's name, for the title.
    void setScenarioName(const QString &name);
    void setChartStyle(const GanttStyle &style);

    // Forgets every mode.
    void clearModes();
    // Shows a finished run for its mode (replacing what that mode had).
    void setRun(const Core::PipelineRun &run);
    // Starts an empty live trace for `mode`; items then arrive through trace(mode).addItem().
    void beginLive(Mode mode);
    // The axes reach at least as far as these runs do (a live run's
    // prediction), so a live plot fills a fixed canvas instead of
    // rescaling under every item. Cleared by clearModes().
    void setAxisReference(const QList<Core::PipelineRun> &runs);
    LatencyTrace &trace(Mode mode) { return m_modes[index(mode)].trace; }
    const LatencyTrace &trace(Mode mode) const { return m_modes[index(mode)].trace; }
    bool hasMode(Mode mode) const { return m_modes[index(mode)].shown; }

    // Draws what happened up to `cursorSeconds` (everything at kNoCursor),
    // with a vertical cursor line there unless it is kNoCursor. One
    // replace() per series.
    void refresh(double cursorSeconds = kNoCursor);
    double cursorSeconds() const { return m_cursor; }
    // Marks one item (e.g. the event log's selection); none when empty.
    void setHighlight(std::optional<QPointF> point);

    // The series, for tests: latency and queue length of a mode.
    QLineSeries *latencySeries(Mode mode) const { return m_modes[index(mode)].latency; }
    QLineSeries *queueSeries(Mode mode) const { return m_modes[index(mode)].queue; }
    QValueAxis *timeAxis() const { return m_time; }
    QValueAxis *latencyAxis() const { return m_latencyAxis; }
    QValueAxis *queueAxis() const { return m_queueAxis; }
    // "sync — total 30.2 s · mean latency 15.1 s"
    QString legendText(Mode mode) const;
    // The title's first line, as plain text: "Producer/consumer: latency of
    // each item — async's mean latency is 52× lower". (title() is rich text
    // when a subtitle stands under it.)
    QString headline() const { return m_headline; }
    // Under the title, once both modes' specs are known: "sync: 1 producer ×
    // 20 items; async: 2 producers × 20 items — different workloads", or
    // "both modes: 2 producers × 20 items".
    QString subtitle() const;
    // The time axis reaches this far: the longest mode's end.
    double endSeconds() const;

    static QColor modeColor(Mode mode, bool dark);

private:
    struct ModeSeries
    {
        QLineSeries *latency = nullptr;
        QLineSeries *queue = nullptr;
        LatencyTrace trace;
        std::optional<Core::PipelineSpec> spec; // what the run was given, once known
        bool shown = false;
    };

    static int index(Mode mode) { return mode == Mode::Sync ? 0 : 1; }
    void showMode(Mode mode);
    void applyModeStyle(Mode mode);
    void updateAxes();
    void updateTitle();

    std::array<ModeSeries, kModes> m_modes;
    QLineSeries *m_cursorLine = nullptr;
    QScatterSeries *m_highlight = nullptr;
    QValueAxis *m_time = nullptr;
    QValueAxis *m_latencyAxis = nullptr;
    QValueAxis *m_queueAxis = nullptr;
    QString m_scenarioName;
    QString m_headline;
    LatencyTrace m_reference[kModes]; // extents only: see setAxisReference()
    std::optional<Core::PipelineSpec> m_referenceSpec[kModes]; // a live run's, until it ends
    bool m_dark = false;
    int m_subtitlePixelSize = 12;
    QColor m_subtitleColor;
    double m_cursor = kNoCursor;
};

} // namespace LatencyLab::Ui
