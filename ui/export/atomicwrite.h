#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QString>

namespace LatencyLab::Ui {

// “path” as the user would type it, for messages.
QString quotedPath(const QString &path);

// All or nothing: QSaveFile writes a temporary file beside `path` and renames
// it over the target only once every byte is written. On failure no file (and
// no partial file) is left, and the one-line message names the path.
Core::Status writeAtomically(const QString &path, const QByteArray &bytes);

} // namespace LatencyLab::Ui
