#pragma once

#include <QWidget>

namespace LatencyLab::Core {
struct Scenario;
}

namespace LatencyLab::Ui {

class ScenarioEditor;
class ValueSlider;

// Sliders for a generated workload: how many requests (open client), their
// mean duration, how much of it is cpu rather than io, and how fast they
// arrive (open client).
class GeneratorSliders : public QWidget
{
    Q_OBJECT

public:
    static constexpr double kMinCount = 10;
    static constexpr double kMaxCount = 1'000'000;

    explicit GeneratorSliders(ScenarioEditor *editor, QWidget *parent = nullptr);

    static bool appliesTo(const Core::Scenario &scenario);

    ValueSlider *countSlider() const { return m_count; }
    ValueSlider *meanDurationSlider() const { return m_meanDuration; }
    ValueSlider *cpuShareSlider() const { return m_cpuShare; }
    ValueSlider *arrivalRateSlider() const { return m_arrivalRate; }

private:
    void refresh();
    void connectGesture(ValueSlider *slider);

    ScenarioEditor *m_editor;
    ValueSlider *m_count;
    ValueSlider *m_meanDuration;
    ValueSlider *m_cpuShare;
    ValueSlider *m_arrivalRate;
};

} // namespace LatencyLab::Ui
