#include "model/timeline.h"

#include "model/scenario.h"

#include <algorithm>
#include <limits>

namespace LatencyLab::Core {

namespace {

// Marks a span state whose work is kept in the shared-span arrays.
constexpr quint8 kSharedBit = 0x80;

} // namespace

QString spanStateName(SpanState state)
{
    switch (state) {
    case SpanState::Queued:
        return QStringLiteral("queued");
    case SpanState::Cpu:
        return QStringLiteral("cpu");
    case SpanState::Io:
        return QStringLiteral("io");
    case SpanState::Ready:
        return QStringLiteral("ready");
    }
    return QString();
}

Span Timeline::span(RequestIndex request, int k) const
{
    const size_t first = m_firstSpan[size_t(request)];
    const size_t index = first + size_t(k);
    Span span;
    span.start = k == 0 ? arrival(request) : m_spanEnd[index - 1];
    span.end = m_spanEnd[index];
    const quint8 state = quint8(m_spanState[index]);
    span.state = SpanState(state & ~kSharedBit);
    span.blame = m_spanBlame[index];
    span.work = span.length();
    if (state & kSharedBit) {
        const auto shared = std::lower_bound(m_sharedSpans.cbegin(), m_sharedSpans.cend(), quint32(index));
        span.work = m_sharedWork[size_t(shared - m_sharedSpans.cbegin())];
    }
    return span;
}

// Sums over one request's spans stay within 64 bits: the spans tile
// [arrival, end], so their lengths add up to at most the response.
Nanos Timeline::totalIn(RequestIndex request, SpanState state) const
{
    Nanos total = 0;
    const int count = requestSpanCount(request);
    for (int k = 0; k < count; ++k) {
        const Span s = span(request, k);
        if (s.state == state)
            total += s.length();
    }
    return total;
}

Nanos Timeline::ownDuration(RequestIndex request) const
{
    Nanos total = 0;
    const int count = requestSpanCount(request);
    for (int k = 0; k < count; ++k) {
        const Span s = span(request, k);
        if (s.state == SpanState::Cpu || s.state == SpanState::Io)
            total += s.work;
    }
    return total;
}

Nanos Timeline::queuedBeforeStart(RequestIndex request) const
{
    if (requestSpanCount(request) == 0)
        return 0;
    const Span first = span(request, 0);
    return first.state == SpanState::Queued ? first.length() : 0;
}

QString Timeline::requestName(RequestIndex request) const
{
    if (request >= 0 && request < m_names.size() && !m_names.at(request).isEmpty())
        return m_names.at(request);
    return RequestSpec::defaultName(request);
}

Nanos Timeline::firstArrival() const
{
    return m_arrival.empty() ? 0 : m_arrival.front();
}

Nanos Timeline::lastEnd() const
{
    Nanos last = firstArrival();
    for (size_t i = 0; i < m_end.size(); ++i) {
        if (m_flags[i] & Finished)
            last = std::max(last, m_end[i]);
    }
    return last;
}

quint64 Timeline::memoryBytes() const
{
    const auto bytes = [](const auto &v) { return quint64(v.capacity() * sizeof(typename std::decay_t<decltype(v)>::value_type)); };
    quint64 total = bytes(m_arrival) + bytes(m_end) + bytes(m_firstSpan) + bytes(m_spanCount) + bytes(m_flags)
        + bytes(m_spanEnd) + bytes(m_spanBlame) + bytes(m_spanState) + bytes(m_sharedSpans) + bytes(m_sharedWork);
    for (const QString &name : m_names)
        total += quint64(name.capacity()) * sizeof(QChar) + sizeof(QString);
    return total;
}

void Timeline::reserve(qsizetype requests, qsizetype spans)
{
    m_arrival.reserve(size_t(requests));
    m_end.reserve(size_t(requests));
    m_firstSpan.reserve(size_t(requests));
    m_spanCount.reserve(size_t(requests));
    m_flags.reserve(size_t(requests));
    m_spanEnd.reserve(size_t(spans));
    m_spanBlame.reserve(size_t(spans));
    m_spanState.reserve(size_t(spans));
}

RequestIndex Timeline::addRequest(Nanos arrival)
{
    Q_ASSERT(m_arrival.empty() || arrival >= m_arrival.back());
    Q_ASSERT(m_arrival.size() < size_t(std::numeric_limits<RequestIndex>::max()));
    m_arrival.push_back(arrival);
    m_end.push_back(arrival);
    m_firstSpan.push_back(0);
    m_spanCount.push_back(0);
    m_flags.push_back(0);
    return RequestIndex(m_arrival.size() - 1);
}

void Timeline::setName(RequestIndex request, const QString &name)
{
    if (m_names.size() <= request)
        m_names.resize(request + 1);
    m_names[request] = name;
}

void Timeline::completeRequest(RequestIndex request, Nanos end, const PendingSpan *spans, int count, quint8 flags)
{
    Q_ASSERT(count <= std::numeric_limits<quint16>::max());
    const size_t index = size_t(request);
    m_end[index] = end;
    m_firstSpan[index] = quint32(m_spanEnd.size());
    m_spanCount[index] = quint16(count);
    m_flags[index] |= flags;
    Nanos start = m_arrival[index];
    for (int k = 0; k < count; ++k) {
        const PendingSpan &span = spans[k];
        quint8 state = quint8(span.state);
        if (span.state == SpanState::Cpu && span.work >= 0 && span.work < span.end - start) {
            Q_ASSERT(m_spanEnd.size() <= std::numeric_limits<quint32>::max());
            m_sharedSpans.push_back(quint32(m_spanEnd.size()));
            m_sharedWork.push_back(span.work);
            state |= kSharedBit;
        }
        m_spanEnd.push_back(span.end);
        m_spanBlame.push_back(span.blame);
        m_spanState.push_back(SpanState(state));
        start = span.end;
    }
}

void Timeline::shrinkToFit()
{
    m_arrival.shrink_to_fit();
    m_end.shrink_to_fit();
    m_firstSpan.shrink_to_fit();
    m_spanCount.shrink_to_fit();
    m_flags.shrink_to_fit();
    m_spanEnd.shrink_to_fit();
    m_spanBlame.shrink_to_fit();
    m_spanState.shrink_to_fit();
    m_sharedSpans.shrink_to_fit();
    m_sharedWork.shrink_to_fit();
}

} // namespace LatencyLab::Core
