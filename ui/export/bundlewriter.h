#pragma once

#include "export/bundlefile.h"

#include "charts/pipelinecharts.h"

#include "base/result.h"
#include "base/workcontrol.h"
#include "model/scenario.h"

#include <QTemporaryDir>

#include <functional>

#include <optional>

namespace LatencyLab::Ui {

// A reproducible bundle: one zip file holding a scenario (its seed included),
// the PNG and SVG of every chart `latencylab export` draws of it (gantt,
// compare, and throughput for requests or latency for a producer/consumer
// pipeline), the timeline CSV and metrics JSON `simulate` writes, the
// version, and a README.md with the command that makes each file again.
// Every image goes through the same exporter as `export --chart`, so opening
// the bundle's scenario and exporting again gives the same bytes.
//
// Two steps: the latency plot is drawn by Qt Charts, which only the GUI
// thread may use, so drawOnGuiThread() comes first there; write() does the
// rest on any thread. The files are staged in a temporary folder and the
// archive replaces `path` only once whole: a failure or a cancel leaves no
// file and no part of one.
class BundleWriter
{
public:
    explicit BundleWriter(Core::Scenario scenario, BundleOptions options = {});

    Core::Status drawOnGuiThread();
    Core::Status write(const QString &path, const Core::WorkControl &control = {});

    // What the bundle holds, in its order, once written.
    const QList<BundleFile> &files() const { return m_files; }

private:
    Core::Status drawRequestCharts(const Core::WorkControl &control);
    Core::Status drawPipelineCharts(const Core::WorkControl &control);
    using ExportTo = std::function<Core::Status(const QString &path, const Core::WorkControl &control)>;
    // `chart`.png and `chart`.svg, listed in `listed`.
    Core::Status drawBoth(const QString &chart, const QString &description, const Core::WorkControl &control,
                          const ExportTo &exportTo, QList<BundleFile> &listed);
    Core::Status writeSimulation();
    QString exportCommand(const QString &chart, const QString &fileName) const;
    // --size and --scale, or --slide and --scale, as this bundle draws.
    QString drawingOptions(bool slide) const;
    QString staged(const QString &name) const { return m_staging.filePath(name); }

    Core::Scenario m_scenario;
    BundleOptions m_options;
    QTemporaryDir m_staging;
    std::optional<PipelineCharts> m_pipeline;
    QList<BundleFile> m_drawnOnGuiThread; // listed after the charts write() draws
    QList<BundleFile> m_files;
};

} // namespace LatencyLab::Ui
