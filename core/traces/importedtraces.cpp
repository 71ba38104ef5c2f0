#include "traces/importedtraces.h"

#include <algorithm>

namespace LatencyLab::Core {

QString ImportedRequest::name() const
{
    if (service.isEmpty())
        return endpoint.isEmpty() ? traceId : endpoint;
    return endpoint.isEmpty() ? service : service + QStringLiteral(": ") + endpoint;
}

qint64 ImportedTraces::requestsWithoutQueueStart() const
{
    return std::count_if(requests.begin(), requests.end(), [](const ImportedRequest &request) { return !request.queueStartKnown; });
}

} // namespace LatencyLab::Core
