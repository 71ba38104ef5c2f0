#pragma once

#include "export/exportjob.h"

#include "base/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

#include <variant>

class QWidget;

namespace LatencyLab::Ui {

struct GanttChart;
class ScenarioEditor;
class ZoomControl;

// A chart's name for file names ("three-requests-compare") and for people ("Compare (Three requests)").
struct ChartName
{
    QString file;
    QString title;
};

// One tab of the window's chart area as File → Export, Edit → Copy and the
// View zoom actions see it, so that none of them needs to know which tab is
// which. A tab whose data is derived from the simulation builds it only when
// it is shown, exported or copied (shown()).
class ChartTab
{
    Q_DECLARE_TR_FUNCTIONS(ChartTab)

public:
    // How the chart is exported: work for ExportJob's worker thread, or, for
    // charts that can only be drawn on the UI thread, the outcome of an export already done.
    using Export = std::variant<ExportJob::Work, Core::Status>;

    // `scenario` names the chart after the scenario shown; without one (a
    // recording is not the scenario's) the chart is named by its own title.
    ChartTab(QWidget *widget, QString kind, QString caption, const ScenarioEditor *scenario);
    virtual ~ChartTab() = default;
    ChartTab(const ChartTab &) = delete;
    ChartTab &operator=(const ChartTab &) = delete;

    QWidget *widget() const { return m_widget; }
    ChartName name() const;

    // What exporting the chart to `path` takes; an error when there is nothing to export yet.
    virtual Core::Result<Export> exportTo(const QString &path, QSize size, double scale) = 0;
    // The chart as a slide (ExportPreset::Slide: its own size, a caption);
    // only Gantt charts have one.
    virtual bool hasSlide() const { return false; }
    virtual Core::Result<Export> exportSlideTo(const QString &path, double scale);
    // The chart as the tab shows it, for the clipboard; null when there is nothing to copy.
    virtual QImage render() = 0;
    // The zoom the View menu drives; none for charts without a time axis to zoom.
    virtual ZoomControl *zoomControl() const { return nullptr; }
    // The tab became the current one.
    virtual void shown() {}
    // The requests' Gantt chart the tab shows, whole (not as of a replay's
    // moment): what Export Animation plays. None for other kinds of chart.
    virtual const GanttChart *requestChart() const { return nullptr; }

protected:
    // The title of a chart named on its own (a recording).
    virtual QString ownTitle() const { return {}; }

private:
    QWidget *m_widget;
    QString m_kind;
    QString m_caption;
    const ScenarioEditor *m_scenario;
};

} // namespace LatencyLab::Ui
