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

    // The key of every request first, so sorting compares numbers only.
    std::vector<double> key(static_cast<size_t>(count));
    for (qsizetype r = 0; r < count; ++r) {
        if (r % 65536 == 0 && control.isCancelled())
            return {};
        if (!timeline.isFinished(RequestIndex(r))) {
            key[size_t(r)] = std::numeric_limits<double>::infinity();
            continue;
        }
        const Nanos response = timeline.response(RequestIndex(r));
        switch (order) {
        case RowOrder::Arrival:
            break;
        case RowOrder::Response:
            key[size_t(r)] = double(response);
            break;
        case RowOrder::OwnDuration:
            key[size_t(r)] = double(timeline.ownDuration(RequestIndex(r)));
            break;
        case RowOrder::Slowdown: {
            const Nanos own = timeline.ownDuration(RequestIndex(r));
            key[size_t(r)] = own > 0 ? double(response) / double(own) : (response > 0 ? std::numeric_limits<double>::max() : 1.0);
            break;
        }
        }
    }
    control.report(0.3);
    if (control.isCancelled())
        return {};
    std::stable_sort(requests.begin(), requests.end(),
                     [&key](RequestIndex a, RequestIndex b) { return key[size_t(a)] < key[size_t(b)]; });
    control.report(1.0);
    return requests;
}

} // namespace LatencyLab::Ui
