#include "net/demoservertrace.h"

#include "traces/jsonsavefile.h"
#include "traces/otlpwriter.h"

namespace LatencyLab::Core {

DemoServerTrace::DemoServerTrace(DemoServer &server)
    : m_server(server)
{
    m_server.setServedObserver([this](const DemoServer::ServedRequest &request) { add(request); });
}

DemoServerTrace::~DemoServerTrace()
{
    m_server.setServedObserver({});
}

void DemoServerTrace::add(const DemoServer::ServedRequest &request)
{
    const Nanos epoch = m_server.startedUnixNanos();
    const qint64 number = m_requests++;
    TraceSpan root;
    root.traceId = otlpTraceId(number);
    root.spanId = otlpSpanId(number, 0);
    root.service = kService.toString();
    root.name = QString::fromLatin1(request.method + ' ' + request.path).trimmed();
    root.start = epoch + request.started;
    root.end = epoch + request.answered;
    root.queueStart = epoch + request.read;
    m_spans.push_back(root);
    for (size_t k = 0; k < request.upstreamWaits.size(); ++k) {
        TraceSpan wait;
        wait.traceId = root.traceId;
        wait.spanId = otlpSpanId(number, qint64(k) + 1);
        wait.parentId = root.spanId;
        wait.service = root.service;
        wait.name = QStringLiteral("upstream call %1").arg(k + 1);
        wait.start = epoch + request.upstreamWaits[k].start;
        wait.end = epoch + request.upstreamWaits[k].end;
        wait.waitsOutside = true;
        m_spans.push_back(wait);
    }
}

Status DemoServerTrace::write(const QString &path) const
{
    return writeJsonAtomically(otlpDocument(m_spans), path);
}

} // namespace LatencyLab::Core
