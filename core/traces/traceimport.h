#pragma once

#include "base/result.h"
#include "traces/importedtraces.h"

#include <QByteArray>
#include <QString>

namespace LatencyLab::Core::TraceImport {

// Files larger than this are refused before they are read, as scenario files are.
inline constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

// Reads traces (or a HAR) in `format` (Auto: told by the top level) into
// requests. Fails with one line when the text is not JSON, its format cannot
// be told, its structure is wrong, it holds more than 10⁶ spans, or no trace
// in it could be mapped (then the line is the first problem and how many
// more there were). Otherwise every trace or span that could not be mapped
// is a line of `problems` and the rest are requests. Pure and thread-safe:
// the window runs it on a worker thread.
Result<ImportedTraces> parse(const QByteArray &json, TraceFormat format = TraceFormat::Auto);
// The same from a file, its path leading any error.
Result<ImportedTraces> load(const QString &path, TraceFormat format = TraceFormat::Auto);

} // namespace LatencyLab::Core::TraceImport
