// What one frame of a replay costs on the UI thread, beyond painting: the
// Compare chart cut at the cursor (chartAsOf) and the Load chart of the same
// runs recounted at it (loadChartAsOf), for generated cpu–io–cpu workloads
// (Poisson 1000/s) under sync with 400 workers and async, up to the
// 50,000 requests a model that a replay plays (RequestReplay::kMaxRequests).
// Each is timed at ten cursors across the run; the median and the worst are
// printed, in milliseconds.
//
//   build/tests/benchmarks/bench_replay [--requests N]...

#include "../ganttfixtures.h"

#include "charts/ganttreplay.h"
#include "charts/loadchart.h"
#include "charts/loadreplay.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

constexpr int kCursors = 10;

struct Timing
{
    double medianMs = 0;
    double worstMs = 0;
};

// `work` at ten cursors spread over [start, end], each timed once.
Timing timeAtCursors(Nanos start, Nanos end, const std::function<void(Nanos)> &work)
{
    std::vector<double> ms;
    for (int k = 1; k <= kCursors; ++k) {
        const Nanos cursor = start + (end - start) * k / (kCursors + 1);
        QElapsedTimer clock;
        clock.start();
        work(cursor);
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.back()};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The cost of a replay frame's chart cuts."));
    parser.addHelpOption();
    const QCommandLineOption requestsOption(QStringLiteral("requests"), QStringLiteral("Requests a model (repeatable)."),
                                            QStringLiteral("N"));
    parser.addOption(requestsOption);
    parser.process(app);
    QList<qint64> counts;
    for (const QString &value : parser.values(requestsOption))
        counts << value.toLongLong();
    if (counts.isEmpty())
        counts = {1'000, 10'000, 50'000};

    QTextStream out(stdout);
    out << "requests/model  chartAsOf median/worst ms  loadChartAsOf median/worst ms\n";
    for (const qint64 count : std::as_const(counts)) {
        const Scenario scenario = generatedScenario(count, 1000,
                                                    {{StepKind::Cpu, Distribution::exponential(0.0002)},
                                                     {StepKind::Io, Distribution::exponential(0.3)},
                                                     {StepKind::Cpu, Distribution::exponential(0.0002)}});
        const GanttChart compare = chartOf(scenario, {model("sync", 400), model("async")});
        const LoadChart load = LoadChart::fromChart(compare);
        qint64 kept = 0; // so that the work is not optimised away
        const Timing gantt = timeAtCursors(compare.start(), compare.end(), [&](Nanos cursor) {
            kept += chartAsOf(compare, cursor).rowCount();
        });
        const Timing loadTiming = timeAtCursors(compare.start(), compare.end(), [&](Nanos cursor) {
            kept += loadChartAsOf(load, cursor).models.first().series.answers;
        });
        out << QStringLiteral("%1  %2 / %3  %4 / %5  (%6)\n")
                   .arg(count, 14)
                   .arg(gantt.medianMs, 14, 'f', 2)
                   .arg(gantt.worstMs, 6, 'f', 2)
                   .arg(loadTiming.medianMs, 16, 'f', 2)
                   .arg(loadTiming.worstMs, 6, 'f', 2)
                   .arg(kept);
        out.flush();
    }
    return 0;
}
