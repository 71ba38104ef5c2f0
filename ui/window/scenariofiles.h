#pragma once

#include <QLatin1StringView>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace LatencyLab::Ui {

// Scenario files: the MIME type's own suffix first; any JSON still opens.
inline constexpr QLatin1StringView kScenarioSuffix(".latency.json");

// "Web load (wrk -c20 -d15s)" → "web-load-wrk-c20-d15s", for file names.
QString slugOf(const QString &name);

// A standard folder if this machine has it, else the home folder.
QString folderOr(QStandardPaths::StandardLocation location);

// Where a file dialog starts: the first of `candidates` that is still a
// folder (the one last used, then the current file's…), else `location`
// (folderOr()).
QString startFolder(const QStringList &candidates, QStandardPaths::StandardLocation location);

} // namespace LatencyLab::Ui
