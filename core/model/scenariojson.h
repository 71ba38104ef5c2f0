#pragma once

#include "base/result.h"
#include "model/scenario.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace LatencyLab::Core::ScenarioJson {

inline constexpr auto kFormat = "latencylab-scenario";
inline constexpr int kVersion = 1;
inline constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

// Parses and validates a scenario. Every error names the field path and what
// was expected, e.g. `requests[2] ("Request 3").steps[0].io: expected a
// non-negative number of seconds, got "fast"` (a request also by the name the
// window gives it), or for text that is not JSON the line and column of the
// fault. Unknown fields are errors. Limits are checked before anything is
// allocated.
Result<Scenario> parse(const QByteArray &json);
Result<Scenario> fromJson(const QJsonObject &object);
Result<Scenario> load(const QString &path);

QJsonObject toJson(const Scenario &scenario);
QByteArray serialize(const Scenario &scenario); // indented, readable by people
Status save(const Scenario &scenario, const QString &path); // atomic (QSaveFile)

} // namespace LatencyLab::Core::ScenarioJson
