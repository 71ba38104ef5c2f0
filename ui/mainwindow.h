#pragma once

#include "core/result.h"
#include "core/scenario.h"
#include "core/simulator.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <QCoroTask>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QTableWidget;

namespace LatencyLab::Ui {

// For now: pick a scenario, and compare its server models side by side in a
// table. Every model is simulated in the background; the UI thread only shows
// results.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPreset(const QString &name, const Core::Scenario &scenario);
    void showFile(const QString &path, const Core::Scenario &scenario);

private:
    using CancelFlag = std::shared_ptr<std::atomic<bool>>;

    void onPresetActivated(int index);
    void removeFileEntry();
    void setScenario(const Core::Scenario &scenario, const QString &origin);
    void recompute();
    // Runs one model off the UI thread; drops the result if a newer
    // computation started meanwhile (`generation` no longer current).
    QCoro::Task<> simulateRow(quint64 generation, int row, Core::Scenario scenario, Core::ServerSpec spec, CancelFlag cancel);
    void showRow(int row, const Core::Result<Core::SimulationRun> &run);
    void showSummary();
    void cancelRunning();

    QComboBox *m_presets = nullptr;
    QLabel *m_description = nullptr;
    QTableWidget *m_table = nullptr;

    Core::Scenario m_scenario;
    QString m_origin; // "preset web-load" or a file path, for the status bar

    quint64 m_generation = 0;
    CancelFlag m_cancel;
    qsizetype m_pending = 0;
    qsizetype m_failed = 0;
    QElapsedTimer m_elapsed;
};

} // namespace LatencyLab::Ui
