#include "net/recordinghar.h"

#include "traces/jsonsavefile.h"

#include <QCoreApplication>

#include <algorithm>
#include <iterator>

namespace LatencyLab::Core {

std::vector<HarExchange> harExchanges(const Recording &recording)
{
    const Timeline &timeline = recording.run.timeline;
    const QString url = recording.options.url.toString(QUrl::FullyEncoded);
    std::vector<HarExchange> exchanges;
    exchanges.reserve(size_t(timeline.requestCount()));
    for (RequestIndex row = 0; row < RequestIndex(timeline.requestCount()); ++row) {
        const RequestOutcome &outcome = recording.outcomes[size_t(row)];
        HarExchange exchange;
        exchange.started = recording.startedUnixNanos + timeline.arrival(row);
        exchange.method = QStringLiteral("GET");
        exchange.url = url;
        exchange.status = outcome.status;
        exchange.error = requestErrorName(outcome.error == RequestError::Status ? RequestError::None : outcome.error);
        const bool answered = outcome.headers >= 0 && outcome.status != 0;
        const Nanos head = answered ? std::clamp(outcome.headers, timeline.arrival(row), timeline.end(row)) : timeline.end(row);
        exchange.wait = head - timeline.arrival(row);
        exchange.receive = timeline.end(row) - head;
        exchanges.push_back(std::move(exchange));
    }
    return exchanges;
}

Status writeRecordingsHar(std::span<const Recording> recordings, const QString &path)
{
    std::vector<HarExchange> exchanges;
    for (const Recording &recording : recordings) {
        std::vector<HarExchange> more = harExchanges(recording);
        exchanges.insert(exchanges.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return writeJsonAtomically(harDocument(exchanges, QCoreApplication::applicationVersion()), path);
}

} // namespace LatencyLab::Core
