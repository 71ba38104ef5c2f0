#pragma once

#include "charts/loadchart.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;

namespace LatencyLab::Ui {

class LoadCanvas;
class LoadRenderer;
struct GanttStyle;

// The Load tab: what a load generator sees of the scenario's models — answers
// per second and latency over time, histograms, wrk's summary — and, for a
// closed client, a "Coordinated omission" switch that overlays where each
// connection would have sent at a steady pace and the corrected latencies,
// with a paragraph saying what that means.
class LoadView : public QWidget
{
    Q_OBJECT

public:
    explicit LoadView(QWidget *parent = nullptr);

    void setChart(LoadChart chart);
    // What the view draws: during a replay, the chart as it stood at the
    // replay's moment (a view out of sight, on another tab, catches up when shown).
    const LoadChart &chart() const;
    // The chart set last, whole.
    const LoadChart &wholeChart() const { return m_whole; }
    // A replay's moment: the view shows the chart set last as it stood then
    // (loadChartAsOf), and so every chart set after, until the moment is none.
    void setReplayTime(std::optional<Core::Nanos> time);
    // The chart's colours: the window picks the dark style in a dark theme.
    void setChartStyle(const GanttStyle &style);

    // The switch is on and the client is closed: the overlay is drawn.
    bool isOmissionShown() const;
    void setOmissionRequested(bool requested);
    QCheckBox *omissionSwitch() const { return m_omission; }
    QLabel *explanation() const { return m_explanation; }
    // What the tab paints, for export and the clipboard.
    const LoadRenderer &renderer() const;
    LoadCanvas *canvas() const { return m_canvas; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void present();
    // present(), or, out of sight during a replay, once shown: a replay's
    // frame recounts only the charts someone sees.
    void presentWhenSeen();
    void updateOmissionControls();

    LoadCanvas *m_canvas;
    QCheckBox *m_omission;
    QLabel *m_note;
    QLabel *m_explanation;
    LoadChart m_whole;
    std::optional<Core::Nanos> m_replayTime;
    bool m_presentPending = false; // out of sight, what it draws is not the chart and moment it was given
};

} // namespace LatencyLab::Ui
