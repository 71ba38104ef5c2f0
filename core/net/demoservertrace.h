#pragma once

#include "base/result.h"
#include "net/demoserver.h"
#include "traces/tracespan.h"

#include <QString>

#include <vector>

namespace LatencyLab::Core {

// A demo server tracing itself as an instrumented service would, for
// `serve --otlp`: per answered request, one trace (ids from its number,
// otlpwriter.h) with a SERVER root span named "METHOD path" from the moment a
// worker took the request to its answer, carrying the moment the request was
// read as latencylab.queue_start_unix_nano, and a CLIENT child span per
// upstream wait. Spans are kept in memory until written.
class DemoServerTrace
{
public:
    static constexpr QStringView kService = u"latencylab-demo";

    // Observes `server` from now on; the server must outlive this.
    explicit DemoServerTrace(DemoServer &server);
    ~DemoServerTrace();
    DemoServerTrace(const DemoServerTrace &) = delete;
    DemoServerTrace &operator=(const DemoServerTrace &) = delete;

    qint64 requestCount() const { return m_requests; }
    const std::vector<TraceSpan> &spans() const { return m_spans; }
    // Every trace so far as an OTLP/JSON file at `path`, whole or not at all.
    Status write(const QString &path) const;

private:
    void add(const DemoServer::ServedRequest &request);

    DemoServer &m_server;
    std::vector<TraceSpan> m_spans;
    qint64 m_requests = 0;
};

} // namespace LatencyLab::Core
