#pragma once

#include "latency/latencychart.h"

#include <QChartView>
#include <QTimer>

namespace LatencyLab::Ui {

// The latency plot on screen: a LatencyChart in a view. Whole runs show at
// once; a live run's items arrive one by one through addItem() (connected to
// the real run's itemConsumed) and are drawn on a coalescing timer, at most
// about 30 times a second however fast they come. A click on the plot asks
// to move the cursor there (timeClicked).
class LatencyPlot : public QChartView
{
    Q_OBJECT

public:
    using Mode = Core::PipelineSpec::Mode;
    // Redraws are at least this far apart: under 30 a second.
    static constexpr int kRefreshMs = 34;

    explicit LatencyPlot(QWidget *parent = nullptr);

    LatencyChart *latencyChart() const { return m_chart; }

    // Finished runs, one per mode (at most one of each), drawn right away.
    void setRuns(const QList<Core::PipelineRun> &runs);
    // Empties the plot and expects live items for these modes. The axes
    // reach at least as far as `expected` (their prediction) does.
    void beginLive(const QList<Mode> &modes, const QList<Core::PipelineRun> &expected = {});
    // A mode's live run ended: its whole run (with queue lengths) replaces the live trace.
    void finishLive(const Core::PipelineRun &run);

    // Draws what happened by `seconds` (a replay's position), with the cursor
    // there; LatencyChart::kNoCursor shows everything. Coalesced like live items.
    void setCursorSeconds(double seconds);
    double cursorSeconds() const { return m_cursor; }
    void setHighlight(std::optional<QPointF> point);

    bool isRefreshPending() const { return m_refresh.isActive(); }
    QSize sizeHint() const override;

public Q_SLOTS:
    void addItem(LatencyLab::Core::PipelineSpec::Mode mode, const LatencyLab::Core::PipelineItem &item);
    void addQueueSample(LatencyLab::Core::PipelineSpec::Mode mode, const LatencyLab::Core::QueueSample &sample);

Q_SIGNALS:
    void timeClicked(double seconds);
    // After each redraw.
    void refreshed();

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    void scheduleRefresh();
    void refreshNow();

    LatencyPlot(LatencyChart *chart, QWidget *parent);

    LatencyChart *m_chart;
    QTimer m_refresh;
    double m_cursor = LatencyChart::kNoCursor;
};

} // namespace LatencyLab::Ui
