#pragma once

#include <QList>
#include <QWidget>

class QVBoxLayout;

namespace LatencyLab::Core {
struct Scenario;
}

namespace LatencyLab::Ui {

class ScenarioEditor;
class ValueSlider;

// One group per hand-written request: its own duration (scaling its steps,
// keeping their cpu:io proportions) and, for an open client, its arrival.
class RequestSliders : public QWidget
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxRequests = 12; // beyond that, sliders stop being readable
    static constexpr double kMaxSeconds = 5.0;

    explicit RequestSliders(ScenarioEditor *editor, QWidget *parent = nullptr);

    // Whether the scenario is small and hand-written enough for per-request sliders.
    static bool appliesTo(const Core::Scenario &scenario);

    ValueSlider *durationSlider(qsizetype request) const { return m_duration.value(request); }
    ValueSlider *arrivalSlider(qsizetype request) const { return m_arrival.value(request); }

private:
    void rebuild();
    void refresh();
    void editDuration(qsizetype request, double seconds);
    void editArrival(qsizetype request, double seconds);
    void connectGesture(ValueSlider *slider);

    ScenarioEditor *m_editor;
    QVBoxLayout *m_layout;
    QList<ValueSlider *> m_duration;
    QList<ValueSlider *> m_arrival; // null for a closed client: it decides when requests go
    // Each request's step proportions, remembered while its duration is
    // above 0 so that dragging back up from 0 s restores them.
    QList<QList<double>> m_shares;
};

} // namespace LatencyLab::Ui
