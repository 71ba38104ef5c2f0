// Gantt chart speed for generated workloads of 10⁴…10⁶ requests (cpu–io–cpu,
// Poisson arrivals, async model): geometry build and paint into a 1600×900
// image, for the full range and zoomed to a tenth of it.
//
//   QT_QPA_PLATFORM=offscreen build/tests/benchmarks/bench_gantt [--repeats N] [--save-images DIR]
//
// --save-images writes DIR/gantt-three.png (three requests, sync vs async),
// DIR/gantt-web-load.png (the wrk experiment: timeouts) and
// DIR/gantt-million.png (the 10⁶-request chart) to look at.

#include "../ganttfixtures.h"

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
#include <QPainter>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

const QSize kSize(1600, 900);

GanttChart generatedChart(qint64 count)
{
    Scenario scenario = generatedScenario(count, 1000,
                                          {{StepKind::Cpu, Distribution::exponential(0.0002)},
                                           {StepKind::Io, Distribution::exponential(0.3)},
                                           {StepKind::Cpu, Distribution::exponential(0.0002)}});
    scenario.name = QStringLiteral("%1 requests, Poisson 1000/s, cpu–io–cpu").arg(QLocale(QLocale::English).toString(count));
    return chartOf(scenario, {model("async")});
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

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    int repeats = 5;
    QString imageDir;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--repeats"))
            repeats = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--save-images"))
            imageDir = args[i + 1];
    }

    QTextStream out(stdout);
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
