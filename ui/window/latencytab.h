#pragma once

#include "window/charttab.h"

namespace LatencyLab::Ui {

class PipelinePanel;

// The Latency tab of producer/consumer scenarios. Its plot is drawn by Qt
// Charts, which draw on the UI thread only: it exports there (a few thousand
// points per series take milliseconds).
class LatencyTab : public ChartTab
{
public:
    LatencyTab(PipelinePanel *panel, const ScenarioEditor *scenario);

    Core::Result<Export> exportTo(const QString &path, QSize size, double scale) override;
    QImage render() override;

private:
    PipelinePanel *m_panel;
    const ScenarioEditor *m_scenario;
};

} // namespace LatencyLab::Ui
