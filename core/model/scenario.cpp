#include "model/scenario.h"

namespace LatencyLab::Core {

NanosSum RequestSpec::ownDuration() const
{
    NanosSum total = 0;
    for (const Step &step : steps)
        total += step.duration;
    return total;
}

QString RequestSpec::defaultName(qsizetype index)
{
    return QStringLiteral("Request %1").arg(index + 1);
}

QList<ServerSpec> Scenario::models() const
{
    QList<ServerSpec> all{server};
    all += compare;
    return all;
}

QList<ServerSpec> Scenario::comparedModels() const
{
    if (!compare.isEmpty())
        return models();
    return {modelNamed(QStringLiteral("sync")), modelNamed(QStringLiteral("async"))};
}

ServerSpec Scenario::modelNamed(const QString &name) const
{
    for (const ServerSpec &spec : models()) {
        if (spec.model == name)
            return spec;
    }
    ServerSpec spec;
    spec.model = name;
    return spec;
}

qint64 Scenario::openRequestCount() const
{
    if (client.kind != ClientModel::Kind::Open)
        return 0;
    return generator ? generator->count : requests.size();
}

} // namespace LatencyLab::Core
