#include "model/servermodel.h"

#include "base/numberformat.h"

namespace LatencyLab::Core {

namespace {
constexpr int kDefaultThreads = 4;
constexpr int kDefaultProcessCores = 4;
} // namespace

QStringList ServerModel::presetNames()
{
    return {QStringLiteral("sync"), QStringLiteral("async"), QStringLiteral("threads"), QStringLiteral("processes")};
}

Result<ServerModel> ServerModel::preset(const QString &name)
{
    ServerModel model;
    model.name = name;
    if (name == QLatin1String("sync")) {
        model.concurrency = Concurrency::Blocking;
    } else if (name == QLatin1String("async")) {
        model.concurrency = Concurrency::EventLoop;
    } else if (name == QLatin1String("threads")) {
        model.concurrency = Concurrency::Threads;
        model.threads = kDefaultThreads;
        model.gil = true;
    } else if (name == QLatin1String("processes")) {
        model.concurrency = Concurrency::Blocking;
        model.workers = kDefaultProcessCores;
        model.cores = kDefaultProcessCores;
    } else {
        return Result<ServerModel>::failure(QStringLiteral("unknown server model \"%1\" (expected one of: %2)")
                                                .arg(name, presetNames().join(QStringLiteral(", "))));
    }
    return model;
}

bool ServerModel::fits(const QString &presetName) const
{
    const Result<ServerModel> named = preset(presetName);
    return named && named->concurrency == concurrency;
}

QString ServerModel::presetNameFor(const QString &preferred) const
{
    if (fits(preferred))
        return preferred;
    for (const QString &name : presetNames()) {
        if (fits(name))
            return name;
    }
    return preferred; // every concurrency has a preset
}

int ServerModel::slotsPerWorker() const
{
    switch (concurrency) {
    case Concurrency::Blocking:
        return 1;
    case Concurrency::Threads:
        return threads;
    case Concurrency::EventLoop:
        return 0;
    }
    return 1;
}

bool ServerModel::cpuTakesTurnsPerWorker() const
{
    return concurrency == Concurrency::EventLoop || (concurrency == Concurrency::Threads && gil);
}

qint64 ServerModel::maxCoreContenders() const
{
    if (cpuTakesTurnsPerWorker())
        return workers;
    if (slotsPerWorker() > 0)
        return qint64(workers) * slotsPerWorker();
    return 0;
}

bool ServerModel::timeShared() const
{
    if (hasSharedGil() && threads > 1)
        return true;
    if (cores == kUnlimitedCores)
        return false;
    const qint64 contenders = maxCoreContenders();
    return contenders == 0 || contenders > cores;
}

QString ServerModel::describe() const
{
    QString how;
    switch (concurrency) {
    case Concurrency::Blocking:
        how = QStringLiteral("blocking");
        break;
    case Concurrency::Threads:
        how = QStringLiteral("%1 threads%2").arg(threads).arg(gil ? QStringLiteral(", GIL") : QString());
        break;
    case Concurrency::EventLoop:
        how = QStringLiteral("event loop");
        break;
    }
    QString text = QStringLiteral("%1 (%2 × %3").arg(name).arg(workers).arg(how);
    if (cores != kUnlimitedCores)
        text += QStringLiteral(", %1 %2").arg(cores).arg(cores == 1 ? QStringLiteral("core") : QStringLiteral("cores"));
    if (slices && timeShared())
        text += QStringLiteral(", %1 slices").arg(formatSeconds(toSeconds(switchInterval)));
    return text + QLatin1Char(')');
}

ServerSpec ServerSpec::overriddenBy(const ServerSpec &other) const
{
    ServerSpec merged = *this;
    if (!other.model.isEmpty())
        merged.model = other.model;
    if (other.workers)
        merged.workers = other.workers;
    if (other.threads)
        merged.threads = other.threads;
    if (other.gil)
        merged.gil = other.gil;
    if (other.cores)
        merged.cores = other.cores;
    if (other.switchInterval)
        merged.switchInterval = other.switchInterval;
    if (other.slices)
        merged.slices = other.slices;
    return merged;
}

Result<ServerModel> ServerSpec::resolve() const
{
    auto base = ServerModel::preset(model);
    if (!base)
        return base;
    ServerModel resolved = *base;
    if (cores) {
        resolved.cores = *cores;
        // "processes" is P blocking workers on P cores: naming P sets both
        // (0, no core limit, leaves the preset's workers alone).
        if (model == QLatin1String("processes") && !workers && *cores > 0)
            resolved.workers = *cores;
    }
    if (workers)
        resolved.workers = *workers;
    if (threads) {
        resolved.threads = *threads;
        if (resolved.concurrency == ServerModel::Concurrency::Blocking && *threads > 1)
            resolved.concurrency = ServerModel::Concurrency::Threads;
    }
    if (gil)
        resolved.gil = *gil;
    if (switchInterval)
        resolved.switchInterval = *switchInterval;
    if (slices)
        resolved.slices = *slices;
    resolved.name = resolved.presetNameFor(model);
    if (resolved.workers < 1)
        return Result<ServerModel>::failure(QStringLiteral("server.workers: expected at least 1 worker, got %1").arg(resolved.workers));
    if (resolved.threads < 1)
        return Result<ServerModel>::failure(QStringLiteral("server.threads: expected at least 1 thread, got %1").arg(resolved.threads));
    if (resolved.cores < 0)
        return Result<ServerModel>::failure(QStringLiteral("server.cores: expected 0 (no limit) or more, got %1").arg(resolved.cores));
    if (resolved.switchInterval < ServerModel::kMinSwitchInterval || resolved.switchInterval > ServerModel::kMaxSwitchInterval)
        return Result<ServerModel>::failure(QStringLiteral("server.switch_interval: expected %1 to %2 seconds, got %3")
                                                .arg(toSeconds(ServerModel::kMinSwitchInterval))
                                                .arg(toSeconds(ServerModel::kMaxSwitchInterval))
                                                .arg(toSeconds(resolved.switchInterval)));
    return resolved;
}

} // namespace LatencyLab::Core
