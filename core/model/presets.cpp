#include "model/presets.h"

#include "model/scenariojson.h"

#include <QFile>

namespace LatencyLab::Core::Presets {

namespace {

QString resourcePath(const QString &name)
{
    return QStringLiteral(":/presets/%1.json").arg(name);
}

} // namespace

QStringList names()
{
    // The order `latencylab presets` and the GUI list them in: simplest first.
    return {QStringLiteral("three-requests"), QStringLiteral("n-requests"), QStringLiteral("producer-consumer"),
            QStringLiteral("web-load"), QStringLiteral("cores")};
}

QString summary(const QString &name)
{
    const Result<Scenario> scenario = load(name);
    return scenario ? scenario->description : QString();
}

Result<Scenario> load(const QString &name)
{
    if (!names().contains(name)) {
        return Result<Scenario>::failure(QStringLiteral("unknown preset \"%1\" (expected one of: %2)")
                                             .arg(name, names().join(QStringLiteral(", "))));
    }
    QFile file(resourcePath(name));
    // A preset listed above but missing from the resources is a build error, not bad input.
    const bool opened = file.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "Presets::load", "preset missing from the resources");
    if (!opened)
        return Result<Scenario>::failure(QStringLiteral("preset \"%1\" is missing from this build").arg(name));
    Result<Scenario> scenario = ScenarioJson::parse(file.readAll());
    if (!scenario)
        return Result<Scenario>::failure(QStringLiteral("preset \"%1\": %2").arg(name, scenario.error()));
    return scenario;
}

} // namespace LatencyLab::Core::Presets
