#pragma once

#include "base/result.h"

#include <QJsonObject>
#include <QString>

namespace LatencyLab::Core {

// Writes `document` to `path` whole or not at all (QSaveFile): a failed write
// leaves the previous file untouched. The error names the path and the cause.
Status writeJsonAtomically(const QJsonObject &document, const QString &path);

} // namespace LatencyLab::Core
