// Gantt chart speed for generated workloads (cpu–io–cpu, Poisson arrivals).
//
//   QT_QPA_PLATFORM=offscreen build/tests/benchmarks/bench_gantt [--repeats N] [--save-images DIR]
//
// prints a table for 10⁴…10⁶ requests under the async model: geometry build
// and paint into a 1600×900 image, for the full range and zoomed to a tenth
// of it, best of N.
//
//   QT_QPA_PLATFORM=offscreen build/tests/benchmarks/bench_gantt --json [--max N] [--order arrival|response|own|slowdown]
//
// prints, as JSON, the frames the window draws for 10⁴, 10⁵, 10⁶ and 10⁷
// requests (up to N), three models stacked as in the Compare tab (sync,
// async, threads; one model at a size whose three runs the memory cap
// refuses, which the output says): the precomputation (GanttRenderer::setChart),
// the full view, zoom steps, pan steps at 1 % zoom, hover and tooltip, and the
// bytes kept per request; each the median (and max) of at least 20 frames,
// with the rows in arrival order or (--order) a latency ladder;
// beside the targets the chart is held to. Progress goes to stderr.
//
// --save-images writes DIR/gantt-three.png (three requests, sync vs async),
// DIR/gantt-web-load.png (the wrk experiment: timeouts) and
// DIR/gantt-million.png (the 10⁶-request chart) to look at.

#include "../ganttfixtures.h"
#include "ganttframebench.h"

#include "charts/chartbuilder.h"
#include "charts/ganttrowindex.h"
#include "charts/ganttstyle.h"
#include "export/chartexporter.h"
#include "gantt/ganttgeometry.h"
#include "gantt/ganttrenderer.h"
#include "gantt/ganttrows.h"
#include "model/presets.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

const QSize kSize(1600, 900);

Scenario generatedWorkload(qint64 count)
{
    Scenario scenario = generatedScenario(count, 1000,
                                          {{StepKind::Cpu, Distribution::exponential(0.0002)},
                                           {StepKind::Io, Distribution::exponential(0.3)},
                                           {StepKind::Cpu, Distribution::exponential(0.0002)}});
    scenario.name = QStringLiteral("%1 requests, Poisson 1000/s, cpu–io–cpu").arg(QLocale(QLocale::English).toString(count));
    return scenario;
}

// Indexed, as the window's chart job hands it over (GanttRowIndex).
GanttChart generatedChart(qint64 count)
{
    GanttChart chart = chartOf(generatedWorkload(count), {model("async")});
    indexChart(chart);
    return chart;
}

// Best of `repeats`, in milliseconds.
double bestMs(int repeats, const std::function<void()> &work)
{
    double best = 1e300;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer clock;
        clock.start();
        work();
        best = std::min(best, double(clock.nsecsElapsed()) / 1e6);
    }
    return best;
}

struct Row
{
    qint64 requests = 0;
    qint64 spans = 0;
    qsizetype rects = 0;
    double buildMs = 0;
    double paintMs = 0;
    double coldMs = 0;
    double zoomedBuildMs = 0;
};

Row measure(const GanttChart &chart, int repeats)
{
    Row row;
    row.requests = chart.rowCount();
    for (const GanttSection &section : chart.sections)
        row.spans += section.run->timeline.spanCount();
    const TimeRange full{chart.start(), chart.end()};
    const TimeRange zoomed{full.start + full.length() * 9 / 20, full.start + full.length() * 11 / 20};
    const GanttStyle &style = GanttStyle::standard();

    // Kept with the chart, as GanttRenderer keeps it: built once, not per rebuild.
    const QList<LatestEnds> latestEnds = latestEndsOf(chart);
    row.buildMs = bestMs(repeats, [&] { row.rects = GanttGeometry::build(chart, latestEnds, full, QSizeF(kSize), style).rectCount(); });
    row.zoomedBuildMs = bestMs(repeats, [&] { GanttGeometry::build(chart, latestEnds, zoomed, QSizeF(kSize), style); });

    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
    GanttRenderer renderer;
    renderer.setChart(chart);
    const auto paint = [&] {
        QPainter painter(&image);
        renderer.paint(painter, QSizeF(kSize), full);
    };
    paint(); // builds and caches the geometry
    row.paintMs = bestMs(repeats, paint);
    row.coldMs = bestMs(repeats, [&] {
        renderer.setChart(chart); // a new revision: build + paint
        paint();
    });
    return row;
}

bool save(const GanttChart &chart, const QString &path, QTextStream &out)
{
    const Core::Status status = exportChart(chart, path, kSize);
    out << (status ? QStringLiteral("wrote %1").arg(path) : status.error()) << Qt::endl;
    return status.ok();
}


// --json: the frames the window draws, against the targets the chart is held to.

constexpr int kFrames = 20;
constexpr quint32 kHoverSeed = 1;
const QStringList kComparedModels{QStringLiteral("sync"), QStringLiteral("async"), QStringLiteral("threads")};
const QString kFallbackModel = QStringLiteral("async");

// The targets, in milliseconds (bytes for the last): those at 10⁶ requests
// hold at every smaller size too; at 10⁷ only the full view has one.
struct Targets
{
    double prebuildMs = NAN;
    double fullViewMs = NAN;
    double zoomStepMs = NAN;
    double panStepMs = NAN;
    double hoverMs = NAN;
    double bytesPerRequest = NAN;
};

Targets targetsAt(qint64 requests)
{
    if (requests <= 1'000'000)
        return {200, 16, 16, 8, 2, 40};
    return {NAN, 33, NAN, NAN, NAN, 40};
}

QJsonValue rounded(double value)
{
    return std::isfinite(value) ? QJsonValue(std::round(value * 1000) / 1000) : QJsonValue();
}

// {"median", "max", "frames", "target", "met"}; no target: null, and no "met".
QJsonObject seriesJson(const Bench::FrameSeries &series, double target)
{
    QJsonObject json{{QStringLiteral("median"), rounded(series.median())},
                     {QStringLiteral("max"), rounded(series.max())},
                     {QStringLiteral("frames"), int(series.ms.size())},
                     {QStringLiteral("target"), rounded(target)}};
    if (std::isfinite(target))
        json.insert(QStringLiteral("met"), series.median() <= target);
    return json;
}

QJsonObject targetsJson(const Targets &targets)
{
    return {{QStringLiteral("prebuildMs"), rounded(targets.prebuildMs)},
            {QStringLiteral("fullViewMs"), rounded(targets.fullViewMs)},
            {QStringLiteral("zoomStepMs"), rounded(targets.zoomStepMs)},
            {QStringLiteral("panStepMs"), rounded(targets.panStepMs)},
            {QStringLiteral("hoverMs"), rounded(targets.hoverMs)},
            {QStringLiteral("bytesPerRequest"), rounded(targets.bytesPerRequest)}};
}

// The Compare tab's chart of `count` requests, built as the window builds
// it; one model when the memory cap refuses three (`note` then says so).
Result<GanttChart> comparisonChart(qint64 count, QString *note)
{
    const Scenario scenario = generatedWorkload(count);
    QList<ServerSpec> models;
    for (const QString &name : kComparedModels)
        models << scenario.modelNamed(name);
    Result<GanttChart> chart = buildChart(scenario, models);
    if (chart)
        return chart;
    *note = QStringLiteral("one model (%1) only: the three would not fit: %2").arg(kFallbackModel, chart.error());
    return buildChart(scenario, {scenario.modelNamed(kFallbackModel)});
}

QJsonObject measureFrames(qint64 count, RowOrder order, QTextStream &progress)
{
    QJsonObject run{{QStringLiteral("requests"), count}, {QStringLiteral("order"), rowOrderKey(order)}};
    QElapsedTimer clock;
    clock.start();
    QString note;
    Result<GanttChart> chart = comparisonChart(count, &note);
    if (chart)
        chart->order = order;
    if (!chart) {
        run.insert(QStringLiteral("error"), chart.error());
        return run;
    }
    qint64 spans = 0;
    for (const GanttSection &section : chart->sections)
        spans += section.run->timeline.spanCount();
    progress << QStringLiteral("%1 requests: simulated in %2 s, measuring frames…").arg(count).arg(double(clock.elapsed()) / 1000, 0, 'f', 1)
             << Qt::endl;

    const Targets targets = targetsAt(count);
    Bench::GanttFrameBench bench(*chart, kSize, kFrames);
    const Bench::FrameSeries prebuild = bench.prebuild();
    const double bytesPerRequest = double(bench.precomputedBytes()) / double(chart->rowCount());
    const Bench::GanttFrameBench::Hover hover = bench.hover(kHoverSeed);
    QJsonObject hoverJson = seriesJson(hover.overRequests, targets.hoverMs);
    hoverJson.insert(QStringLiteral("overNothing"), seriesJson(hover.overNothing, targets.hoverMs));
    QJsonObject bytesJson{{QStringLiteral("value"), rounded(bytesPerRequest)}, {QStringLiteral("target"), rounded(targets.bytesPerRequest)}};
    if (std::isfinite(targets.bytesPerRequest))
        bytesJson.insert(QStringLiteral("met"), bytesPerRequest <= targets.bytesPerRequest);

    QJsonArray modelNames;
    for (const QString &name : Ui::modelNames(chart->sections))
        modelNames << name;
    run.insert(QStringLiteral("models"), modelNames);
    run.insert(QStringLiteral("rows"), chart->rowCount());
    run.insert(QStringLiteral("spans"), spans);
    run.insert(QStringLiteral("prebuildMs"), seriesJson(prebuild, targets.prebuildMs));
    run.insert(QStringLiteral("fullViewMs"), seriesJson(bench.fullView(), targets.fullViewMs));
    run.insert(QStringLiteral("zoomStepMs"), seriesJson(bench.zoomSteps(), targets.zoomStepMs));
    run.insert(QStringLiteral("panStepMs"), seriesJson(bench.panSteps(), targets.panStepMs));
    run.insert(QStringLiteral("hoverMs"), hoverJson);
    run.insert(QStringLiteral("precomputedBytes"), bench.precomputedBytes());
    run.insert(QStringLiteral("bytesPerRequest"), bytesJson);
    if (!note.isEmpty())
        run.insert(QStringLiteral("note"), note);
    return run;
}

QJsonObject frameReport(qint64 maxRequests, RowOrder order, QTextStream &progress)
{
    QJsonArray runs;
    for (const qint64 count : {10'000LL, 100'000LL, 1'000'000LL, 10'000'000LL}) {
        if (count > maxRequests)
            break;
        runs << measureFrames(count, order, progress);
    }
    return {
        {QStringLiteral("benchmark"), QStringLiteral("Gantt frames")},
        {QStringLiteral("size"), QStringLiteral("%1x%2").arg(kSize.width()).arg(kSize.height())},
        {QStringLiteral("workload"),
         QStringLiteral("N requests per model, cpu-io-cpu (exp 0.2 ms, 0.3 s, 0.2 ms), Poisson 1000/s, seed 1; "
                        "sync, async and threads stacked as in the Compare tab")},
        {QStringLiteral("figures"),
         QStringLiteral("milliseconds, median and max of the frames; every frame paints a range other than the one "
                        "before it (geometry + paint); prebuild is GanttRenderer::setChart on a chart made anew; "
                        "hover is hitTest + describe at random points of the full view (seed %1), over a request "
                        "(overNothing: the points that found none); bytesPerRequest "
                        "is precomputedBytes over rows (requests of every model)").arg(kHoverSeed)},
        {QStringLiteral("targets"),
         QJsonObject{{QStringLiteral("up to 1000000 requests"), targetsJson(targetsAt(1'000'000))},
                     {QStringLiteral("10000000 requests"), targetsJson(targetsAt(10'000'000))}}},
        {QStringLiteral("runs"), runs},
    };
}
} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    int repeats = 5;
    QString imageDir;
    qint64 maxRequests = 10'000'000;
    QString orderKey = QStringLiteral("arrival");
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--repeats"))
            repeats = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--save-images"))
            imageDir = args[i + 1];
        else if (args[i] == QLatin1String("--max"))
            maxRequests = args[i + 1].toLongLong();
        else if (args[i] == QLatin1String("--order"))
            orderKey = args[i + 1];
    }
    const std::optional<RowOrder> order = rowOrderFromKey(orderKey);
    if (!order) {
        QTextStream(stderr) << "bench_gantt: --order: expected arrival, response, own or slowdown" << Qt::endl;
        return 2;
    }

    QTextStream out(stdout);
    if (maxRequests < 10'000) {
        QTextStream(stderr) << "bench_gantt: --max: expected a number of requests of at least 10000" << Qt::endl;
        return 2;
    }
    if (args.contains(QLatin1String("--json"))) {
        QTextStream progress(stderr);
        out << QJsonDocument(frameReport(maxRequests, *order, progress)).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << QStringLiteral("Gantt geometry and paint, %1×%2, best of %3 (ms)\n").arg(kSize.width()).arg(kSize.height()).arg(repeats);
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("requests"), 10)
               .arg(QStringLiteral("spans"), 10)
               .arg(QStringLiteral("rects"), 8)
               .arg(QStringLiteral("build"), 9)
               .arg(QStringLiteral("zoom 10%"), 9)
               .arg(QStringLiteral("paint"), 8)
               .arg(QStringLiteral("build+paint"), 12);
    bool ok = true;
    for (const qint64 count : {10'000LL, 100'000LL, 1'000'000LL}) {
        const GanttChart chart = generatedChart(count);
        const Row row = measure(chart, repeats);
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(row.requests, 10)
                   .arg(row.spans, 10)
                   .arg(row.rects, 8)
                   .arg(row.buildMs, 9, 'f', 2)
                   .arg(row.zoomedBuildMs, 9, 'f', 2)
                   .arg(row.paintMs, 8, 'f', 2)
                   .arg(row.coldMs, 12, 'f', 2);
        out.flush();
        if (!imageDir.isEmpty() && count == 1'000'000)
            ok = save(chart, QDir(imageDir).filePath(QStringLiteral("gantt-million.png")), out) && ok;
    }
    if (!imageDir.isEmpty()) {
        GanttChart three = threeRequestComparison();
        ok = save(three, QDir(imageDir).filePath(QStringLiteral("gantt-three.png")), out) && ok;
        const Result<Scenario> webLoad = Presets::load(QStringLiteral("web-load"));
        if (webLoad) {
            GanttChart chart = chartOf(*webLoad, {*webLoad->server.resolve(), *webLoad->compare.first().resolve()});
            ok = save(chart, QDir(imageDir).filePath(QStringLiteral("gantt-web-load.png")), out) && ok;
        } else {
            out << webLoad.error() << Qt::endl;
        }
    }
    return ok ? 0 : 1;
}
