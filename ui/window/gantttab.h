#pragma once

#include "window/charttab.h"

#include "export/exportpreset.h"

namespace LatencyLab::Ui {

class GanttView;

// A tab that shows a Gantt chart: Gantt, Compare, Measured and Recorded.
class GanttTab : public ChartTab
{
public:
    GanttTab(GanttView *view, QString kind, QString caption, const ScenarioEditor *scenario);
    // The chart inside `shown`, a tab with controls around it (Imported).
    GanttTab(QWidget *shown, GanttView *view, QString kind, QString caption, const ScenarioEditor *scenario);

    Core::Result<Export> exportTo(const QString &path, QSize size, double scale) override;
    bool hasSlide() const override { return true; }
    Core::Result<Export> exportSlideTo(const QString &path, double scale) override;
    QImage render() override;
    ZoomControl *zoomControl() const override;
    const GanttChart *requestChart() const override;

protected:
    QString ownTitle() const override;

private:
    Core::Result<Export> exportAs(ExportPreset preset, const QString &path, QSize size, double scale);

    GanttView *m_view;
};

} // namespace LatencyLab::Ui
