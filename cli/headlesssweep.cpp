#include "cli/headlesssweep.h"

#include "cli/headless.h"
#include "explore/closedformmetric.h"
#include "explore/sweepparameter.h"

#include <cmath>
#include <memory>
#include <unistd.h>

namespace LatencyLab::Core {

namespace {

// Progress on standard error: one updated line on a terminal, a line every
// quarter otherwise (a log keeps a few lines, not one per point).
std::function<void(double)> progressPrinter(QTextStream &err, int points, bool terminal)
{
    auto lastQuarter = std::make_shared<int>(0);
    return [&err, points, terminal, lastQuarter](double fraction) {
        const int done = int(std::lround(fraction * points));
        if (terminal) {
            err << QStringLiteral("\rsweep: %1 of %2 points").arg(done).arg(points) << Qt::flush;
            return;
        }
        const int quarter = int(fraction * 4);
        if (quarter > *lastQuarter) {
            *lastQuarter = quarter;
            err << QStringLiteral("sweep: %1 of %2 points\n").arg(done).arg(points) << Qt::flush;
        }
    };
}

} // namespace

SweepSpec sweepSpecOf(const AppOptions &options)
{
    Q_ASSERT(options.sweepAxis);
    return SweepSpec{*options.sweepAxis, options.sweepAxis2, options.sweepMetric};
}

Scenario sweepBaseScenario(const Scenario &scenario, const AppOptions &options)
{
    Scenario base = withExplicitComparison(scenario);
    ServerSpec overrides = options.server;
    overrides.model.clear(); // each compared model keeps its own; --workers etc. apply to all
    const ServerSpec primary = chooseServer(scenario, options);
    for (ServerSpec &spec : base.compare)
        spec = spec.overriddenBy(overrides);
    base.server = primary;
    return base;
}

Result<HeadlessSweep> runHeadlessSweep(const AppOptions &options, QTextStream &err, const std::function<Status()> &beforeRun)
{
    const Result<Scenario> loaded = loadScenario(options);
    if (!loaded)
        return Error{loaded.error()};
    HeadlessSweep sweep;
    sweep.scenario = sweepBaseScenario(*loaded, options);
    sweep.spec = sweepSpecOf(options);
    Result<QList<SweepPoint>> planned = planSweep(sweep.scenario, sweep.spec);
    if (!planned)
        return Error{planned.error()};
    sweep.planned = std::move(*planned);
    if (beforeRun) {
        if (const Status ready = beforeRun(); !ready)
            return Error{ready.error()};
    }

    SweepOptions run;
    run.closedForm = closedFormMetric;
    const bool terminal = isatty(STDERR_FILENO) == 1;
    run.progress = progressPrinter(err, sweep.spec.pointCount(), terminal);
    Result<SweepResult> result = runSweep(sweep.scenario, sweep.spec, run);
    if (terminal)
        err << QStringLiteral("\n") << Qt::flush;
    if (!result)
        return Error{result.error()};
    sweep.result = std::move(*result);
    return sweep;
}

} // namespace LatencyLab::Core
