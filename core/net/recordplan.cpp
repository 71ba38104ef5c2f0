#include "net/recordplan.h"

#include "engine/report.h"

namespace LatencyLab::Core {

namespace {

RecordOptions concurrentLoad(const RecordLoad &load)
{
    RecordOptions options;
    options.mode = RecordMode::Concurrent;
    options.connections = load.connections;
    options.duration = load.duration;
    options.timeout = load.timeout;
    return options;
}

// A stand-in URL for checking a demo target's options before its server
// listens: loopback, as the server's own will be.
const QUrl kDemoPlaceholder(QStringLiteral("http://127.0.0.1/api/sun"));

} // namespace

std::optional<ServerModel> RecordTarget::serverModel() const
{
    if (!demo)
        return std::nullopt;
    ServerSpec spec;
    spec.model = DemoServer::modelName(demo->model);
    if (demo->model == DemoServer::Model::Sync)
        spec.workers = demo->workers;
    const Result<ServerModel> model = spec.resolve();
    return model ? std::optional<ServerModel>(*model) : std::nullopt;
}

RecordPlan RecordPlan::demoComparison(int workers, Nanos delay, RecordLoad load)
{
    RecordPlan plan;
    for (const DemoServer::Model model : {DemoServer::Model::Sync, DemoServer::Model::Async}) {
        RecordTarget target;
        target.demo = DemoServer::Config{model, workers, delay};
        target.options = concurrentLoad(load);
        target.title = model == DemoServer::Model::Sync
            ? QStringLiteral("Demo server: sync, %1 %2").arg(workers).arg(workers == 1 ? QStringLiteral("worker") : QStringLiteral("workers"))
            : QStringLiteral("Demo server: async");
        plan.targets << target;
    }
    return plan;
}

RecordPlan RecordPlan::server(const RecordOptions &options)
{
    RecordPlan plan;
    plan.targets << RecordTarget{options.url.toString(), options, std::nullopt};
    return plan;
}

Status RecordPlan::check() const
{
    if (targets.isEmpty())
        return Status::failure(QStringLiteral("nothing to record"));
    for (const RecordTarget &target : targets) {
        if (target.demo) {
            if (const Status valid = DemoServer::checkConfig(*target.demo); !valid)
                return valid;
            RecordOptions options = target.options;
            options.url = kDemoPlaceholder;
            if (const Status valid = checkRecordOptions(options); !valid)
                return valid;
        } else if (const Status valid = checkRecordOptions(target.options); !valid) {
            return valid;
        }
    }
    return success();
}

QString RecordPlan::describe() const
{
    if (targets.isEmpty())
        return {};
    const RecordOptions &options = targets.first().options;
    const QString extent = options.byDuration() ? formatSeconds(toSeconds(options.duration))
                                                : QStringLiteral("%L1 requests").arg(options.requestCount);
    const QString load = options.mode == RecordMode::Sync
        ? QStringLiteral("one request at a time, %1").arg(extent)
        : QStringLiteral("%1 %2, %3").arg(options.connections).arg(options.connections == 1 ? QStringLiteral("connection") : QStringLiteral("connections"), extent);
    if (targets.size() > 1)
        return QStringLiteral("the demo server, sync vs async, %1 each").arg(load);
    const RecordTarget &target = targets.first();
    return QStringLiteral("%1, %2").arg(target.demo ? QStringLiteral("the demo server") : options.url.toString(), load);
}

Nanos RecordPlan::expectedDuration() const
{
    Nanos total = 0;
    for (const RecordTarget &target : targets)
        total += target.options.byDuration() ? target.options.duration : 0;
    return total;
}

} // namespace LatencyLab::Core
