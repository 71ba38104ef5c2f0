#pragma once

#include <QLatin1StringView>
#include <QStandardPaths>
#include <QString>

namespace LatencyLab::Ui {

// Scenario files: the MIME type's own suffix first; any JSON still opens.
inline constexpr QLatin1StringView kScenarioSuffix(".latency.json");

// "Web load (wrk -c20 -d15s)" → "web-load-wrk-c20-d15s", for file names.
QString slugOf(const QString &name);

// A standard folder if this machine has it, else the home folder.
QString folderOr(QStandardPaths::StandardLocation location);

} // namespace LatencyLab::Ui
