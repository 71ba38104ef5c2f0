#pragma once

#include "gantt/ganttrenderer.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace LatencyLab::Ui {

class FrameTimeOverlay;
class GanttChartIndexer;
class ZoomControl;

// The interactive Gantt chart: paints through GanttRenderer (the same code
// as export), zooms with the wheel around the cursor, pans by dragging, fits
// on double-click, and explains the request under the mouse in a tooltip —
// including who held the worker, loop, GIL or core while it waited. With
// LATENCYLAB_FRAME_TIMES set, it also times each frame and shows the last
// ones in a corner (FrameTimeOverlay).
class GanttView : public QWidget
{
    Q_OBJECT

public:
    explicit GanttView(ZoomControl *zoom, QWidget *parent = nullptr);
    ~GanttView() override;

    // The chart is shown at once, or, when it is large and its rows must be
    // ordered anew, once that is done in the background (isPreparingChart).
    void setChart(GanttChart chart);
    // What the view draws: during a replay, the chart as it stood at the
    // replay's moment (a view out of sight, on another tab, catches up when shown).
    const GanttChart &chart() const { return m_renderer.chart(); }
    // The chart set last, whole.
    const GanttChart &wholeChart() const { return m_whole; }
    // A replay's moment: the view shows the chart set last as it stood then
    // (chartAsOf), and so every chart set after, until the moment is none.
    void setReplayTime(std::optional<Core::Nanos> time);
    std::optional<Core::Nanos> replayTime() const { return m_replayTime; }
    bool isPreparingChart() const;
    // What the view says before it is given any chart ("Nothing measured yet…");
    // none: it draws the empty chart as it is.
    void setEmptyText(const QString &text);
    // The chart's colours: the window picks the dark style in a dark theme.
    void setChartStyle(const GanttStyle &style);
    const GanttStyle &chartStyle() const { return m_renderer.style(); }
    ZoomControl *zoomControl() const { return m_zoom; }
    std::optional<GanttHit> hoveredRequest() const { return m_hover; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void hoveredRequestChanged();
    // setChart() gave a new chart; a replay may set its moment before it is shown.
    void wholeChartChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    // The whole chart or, during a replay, its moment: shown now or once indexed.
    void present();
    // present(), or, out of sight during a replay, once shown: a replay's
    // frame cuts only the charts someone sees.
    void presentWhenSeen();
    void showChart(GanttChart chart);
    // The time under a horizontal position, clamped to the plot.
    Core::Nanos timeAt(double x) const;
    void zoomAroundX(double x, double factor);
    void setHover(std::optional<GanttHit> hit);

    ZoomControl *m_zoom;
    GanttChartIndexer *m_indexer;
    mutable GanttRenderer m_renderer;
    GanttChart m_whole;
    QString m_emptyText;
    std::optional<Core::Nanos> m_replayTime;
    bool m_receivingChart = false; // in setChart(): a moment set meanwhile is shown with the chart
    bool m_presentPending = false; // out of sight, what it draws is not the chart and moment it was given
    std::optional<GanttHit> m_hover;
    bool m_dragging = false;
    QPointF m_dragOrigin;
    TimeRange m_dragStartRange;
    std::unique_ptr<FrameTimeOverlay> m_frameTimes; // null unless asked for
};

} // namespace LatencyLab::Ui
