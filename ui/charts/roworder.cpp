#include "charts/roworder.h"

#include <QObject>

#include <algorithm>
#include <limits>
#include <numeric>

namespace LatencyLab::Ui {

using Core::Nanos;
using Core::RequestIndex;

QList<RowOrder> allRowOrders()
{
    return {RowOrder::Arrival, RowOrder::Response, RowOrder::OwnDuration, RowOrder::Slowdown};
}

QString rowOrderKey(RowOrder order)
{
    switch (order) {
    case RowOrder::Arrival:
        return QStringLiteral("arrival");
    case RowOrder::Response:
        return QStringLiteral("response");
    case RowOrder::OwnDuration:
        return QStringLiteral("own");
    case RowOrder::Slowdown:
        return QStringLiteral("slowdown");
    }
    return {};
}

QString rowOrderTitle(RowOrder order)
{
    switch (order) {
    case RowOrder::Arrival:
        return QObject::tr("Arrival");
    case RowOrder::Response:
        return QObject::tr("Response time");
    case RowOrder::OwnDuration:
        return QObject::tr("Own duration");
    case RowOrder::Slowdown:
        return QObject::tr("Slowdown");
    }
    return {};
}

std::optional<RowOrder> rowOrderFromKey(QStringView key)
{
    for (const RowOrder order : allRowOrders()) {
        if (key == rowOrderKey(order))
            return order;
    }
    return std::nullopt;
}

std::vector<RequestIndex> orderedRequests(const Core::Timeline &timeline, RowOrder order, const Core::WorkControl &control)
{
    const qsizetype count = timeline.requestCount();
    std::vector<RequestIndex> requests(static_cast<size_t>(count));
    std::iota(requests.begin(), requests.end(), RequestIndex(0));
    if (order == RowOrder::Arrival || count == 0)
        return requests;

    // Each request's key beside its index, so sorting moves compact pairs
    // and compares numbers only; ties fall to arrival order, as a stable sort's.
    std::vector<std::pair<double, RequestIndex>> keyed(static_cast<size_t>(count));
    for (qsizetype r = 0; r < count; ++r) {
        if (r % 65536 == 0 && control.isCancelled())
            return {};
        const RequestIndex request = RequestIndex(r);
        double key = std::numeric_limits<double>::infinity(); // unfinished: last
        if (timeline.isFinished(request)) {
            const Nanos response = timeline.response(request);
            switch (order) {
            case RowOrder::Arrival:
                break;
            case RowOrder::Response:
                key = double(response);
                break;
            case RowOrder::OwnDuration:
                key = double(timeline.ownDuration(request));
                break;
            case RowOrder::Slowdown: {
                const Nanos own = timeline.ownDuration(request);
                key = own > 0 ? double(response) / double(own) : (response > 0 ? std::numeric_limits<double>::max() : 1.0);
                break;
            }
            }
        }
        keyed[size_t(r)] = {key, request};
    }
    control.report(0.3);
    if (control.isCancelled())
        return {};
    std::sort(keyed.begin(), keyed.end());
    for (size_t p = 0; p < keyed.size(); ++p)
        requests[p] = keyed[p].second;
    control.report(1.0);
    return requests;
}

} // namespace LatencyLab::Ui
