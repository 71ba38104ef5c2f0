#pragma once

#include "export/exportpreset.h"

#include <QList>
#include <QSize>
#include <QString>

namespace LatencyLab::Ui {

// How a bundle draws its charts: what `latencylab export` takes as --size,
// --scale and --slide (a slide: gantt and compare only, at its own size).
struct BundleOptions
{
    QSize size{1600, 900}; // logical pixels
    double scale = 1.0;    // device pixels per logical pixel
    ExportPreset preset = ExportPreset::Standard;
};

// One file of a bundle, as its README lists it: the name, what it holds, and
// the command that makes it again from the bundle's scenario.json (empty for
// scenario.json itself).
struct BundleFile
{
    QString name;
    QString description;
    QString command;
};

inline constexpr auto kBundleScenarioName = "scenario.json";

// The README.md of a bundle of `scenarioName` listing `files`, each with its
// command, for a reader who has only the unzipped folder.
QByteArray bundleReadme(const QString &scenarioName, const QString &version, const QList<BundleFile> &files);

} // namespace LatencyLab::Ui
