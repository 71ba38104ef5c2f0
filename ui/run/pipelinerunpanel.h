#pragma once

#include "base/result.h"
#include "model/scenario.h"
#include "pipeline/pipelinerun.h"

#include <QObject>

#include <array>
#include <memory>

namespace LatencyLab::Core {
class RealPipelineRun;
}

namespace LatencyLab::Ui {

class BusyIndicator;
class PipelinePanel;

// Runs a producer/consumer scenario for real, both modes at once, and draws
// them live in the Latency tab: items appear on the plot and in the log as
// consumers take them; `busy` shows progress and cancels. At the end the
// finished runs replace the live ones (ready to replay) and the status says
// how close each mode came to its virtual-time prediction.
class PipelineRunPanel : public QObject
{
    Q_OBJECT

public:
    using Mode = Core::PipelineSpec::Mode;

    PipelineRunPanel(PipelinePanel *panel, BusyIndicator *busy, QObject *parent = nullptr);
    ~PipelineRunPanel() override;

    // A run in progress is cancelled first.
    void start(const Core::Scenario &scenario, double timeScale);
    void cancel();
    bool isRunning() const;
    Core::RealPipelineRun *run(Mode mode) const { return m_runs[slot(mode)].get(); }

Q_SIGNALS:
    void runningChanged(bool running);
    // What the run came to (or why it was refused), for the status bar.
    void reported(const QString &message, bool isError);

private:
    static int slot(Mode mode) { return mode == Mode::Sync ? 0 : 1; }
    void onProgress(Mode mode, qint64 done, qint64 total);
    void onFinished(Mode mode, const Core::Result<Core::PipelineRun> &run);
    void finish();

    PipelinePanel *m_panel;
    BusyIndicator *m_busy;
    std::array<std::unique_ptr<Core::RealPipelineRun>, 2> m_runs;
    std::array<qint64, 2> m_done{};
    std::array<qint64, 2> m_total{};
    std::array<bool, 2> m_running{};
    QStringList m_outcomes; // one per mode that ended
    QString m_failure;
    bool m_cancelRequested = false;
    bool m_ended = true; // finish() reported this run
    double m_timeScale = 1.0;
};

} // namespace LatencyLab::Ui
