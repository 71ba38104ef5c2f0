#pragma once

#include "base/result.h"
#include "base/workcontrol.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace LatencyLab::Ui {

// One file of a zip archive: its name inside the archive and its bytes.
struct ZipEntry
{
    QString name;
    QByteArray bytes;
};

// The zip archive holding `entries` in their order (deflated), built in
// memory by libzip, so the caller decides where and how atomically it lands.
// Fails naming libzip's reason, or when `control` is cancelled.
Core::Result<QByteArray> zipArchive(const QList<ZipEntry> &entries, const Core::WorkControl &control = {});

} // namespace LatencyLab::Ui
