#pragma once

#include <QWidget>

namespace LatencyLab::Core {
struct Scenario;
}

namespace LatencyLab::Ui {

class ScenarioEditor;
class ValueSlider;

// Sliders for a closed client (a load generator like wrk): how many
// connections keep sending, for how long, and when a response counts as a
// timeout.
class ClientSliders : public QWidget
{
    Q_OBJECT

public:
    explicit ClientSliders(ScenarioEditor *editor, QWidget *parent = nullptr);

    static bool appliesTo(const Core::Scenario &scenario);

    ValueSlider *connectionsSlider() const { return m_connections; }
    ValueSlider *durationSlider() const { return m_duration; }
    ValueSlider *timeoutSlider() const { return m_timeout; }

private:
    void refresh();

    ScenarioEditor *m_editor;
    ValueSlider *m_connections;
    ValueSlider *m_duration;
    ValueSlider *m_timeout;
};

} // namespace LatencyLab::Ui
