#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QString>

namespace LatencyLab::Core {

// Reads a whole file of at most `maxBytes`, refusing it before reading when
// its size is known to be larger, and while reading when it is not (a pipe
// or special file), so memory stays bounded whatever the path names.
// Errors are `<path>: <reason>`; `noun` names the kind of file in them
// ("scenario file": "is a folder, not a scenario file", "the limit for scenario files").
Result<QByteArray> readBoundedFile(const QString &path, qint64 maxBytes, const QString &noun);

} // namespace LatencyLab::Core
