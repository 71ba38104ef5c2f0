#pragma once

#include "traces/importedtraces.h"
#include "traces/tracespan.h"

namespace LatencyLab::Core {

// Turns the spans of any trace format into requests, one per trace, by the
// rules of docs/model.md ("Imported traces"): the root span is the request;
// the time its descendants that wait outside (kind CLIENT or PRODUCER, or a
// db.*, http.* or rpc.* attribute) cover, merged where they overlap, is io;
// the rest of the root's time is cpu. Descendants of such a wait (another
// service's spans) are not looked into; other descendants (the handler's own
// internal spans) are. A trace that cannot be mapped (broken span, no root or
// several, a missing parent, a cycle, a child outside its parent or clock
// skew, too many children or steps) is one problem line; the others map.
ImportedTraces mapTraces(const SpanBatch &batch, TraceFormat format);

} // namespace LatencyLab::Core
