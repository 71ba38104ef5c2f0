#pragma once

#include "charts/ganttchart.h"

#include "traces/importedtraces.h"

#include <QObject>

#include <memory>

namespace LatencyLab::Ui {

class ScenarioDocument;

// "Simulate these requests": opens imported requests as the window's
// scenario (their arrivals and steps, TraceImport's scenarioFromTraces) and
// keeps what was measured beside it, so that Compare shows the measured rows
// first on the same time axis and the status bar says how far the scenario's
// own model is from them. Forgotten once another scenario is opened; edits
// of this one keep it, as they are what the comparison is for.
class TraceReplay : public QObject
{
    Q_OBJECT

public:
    explicit TraceReplay(ScenarioDocument *document, QObject *parent = nullptr);

    // Opens `traces` as an untitled scenario named `name`, once unsaved edits
    // are dealt with as opening a file does: false if the user kept the
    // current scenario or the requests make no scenario (errorOccurred()).
    bool simulate(const Core::ImportedTraces &traces, const QString &name);
    // The editor loaded a scenario: unless it is the one simulate() opens, the measured rows no longer apply.
    void scenarioLoaded();
    bool isActive() const { return m_measured != nullptr; }
    const std::shared_ptr<const Core::SimulationRun> &measured() const { return m_measured; }

    // `compare` with the measured rows as its first section, each row's Δ
    // against `gantt`'s run (the scenario's own model); unchanged when inactive.
    GanttChart withMeasured(GanttChart compare, const GanttChart &gantt) const;
    // "sync (1 × blocking) against the measured requests: Δ mean 2.1 %, worst
    // +20.0 ms (simulated − measured)"; empty when inactive.
    QString distance(const GanttChart &gantt) const;

Q_SIGNALS:
    void errorOccurred(const QString &title, const QString &message);

private:
    ScenarioDocument *m_document;
    std::shared_ptr<const Core::SimulationRun> m_measured;
    bool m_opening = false; // simulate() is loading the scenario
};

} // namespace LatencyLab::Ui
