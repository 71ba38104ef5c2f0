#pragma once

#include "base/units.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace LatencyLab::Core {

enum class SpanState : quint8 {
    Queued, // waiting for a worker
    Cpu,    // the request's own work, on a processor
    Io,     // the request's own waiting (database, web service)
    Ready,  // io done, waiting for the loop, the GIL or a core
};

QString spanStateName(SpanState state);

using RequestIndex = qint32;
inline constexpr RequestIndex kNoRequest = -1;

// One span of one request, as read back from a Timeline.
struct Span
{
    Nanos start = 0;
    Nanos end = 0;
    SpanState state = SpanState::Cpu;
    RequestIndex blame = kNoRequest; // queued/ready: who held the resource when the wait began
    // The request's own work in the span: its length, except for a cpu span
    // that shared a core or a GIL (docs/model.md), which did less.
    Nanos work = 0;

    Nanos length() const { return end - start; }
    // The share of a core the span ran at: 1 unless it was time-shared.
    double share() const { return length() > 0 ? double(work) / double(length()) : 1.0; }
    bool isTimeShared() const { return work < length(); }
};

// What happened to every request: arrival, spans, end. Struct of arrays, so a
// million requests take tens of megabytes. Requests are indexed in arrival
// order; a request's spans tile [arrival, end] without gaps, so only their
// ends are stored.
class Timeline
{
public:
    enum RequestFlag : quint8 {
        Finished = 0x1,
        TimedOut = 0x2,     // answered after the client's timeout
        Uncounted = 0x4,    // answered after a closed client stopped counting
    };

    qsizetype requestCount() const { return qsizetype(m_arrival.size()); }
    qsizetype spanCount() const { return qsizetype(m_spanEnd.size()); }
    bool isEmpty() const { return m_arrival.empty(); }

    Nanos arrival(RequestIndex request) const { return m_arrival[size_t(request)]; }
    Nanos end(RequestIndex request) const { return m_end[size_t(request)]; }
    Nanos response(RequestIndex request) const { return end(request) - arrival(request); }
    quint8 flags(RequestIndex request) const { return m_flags[size_t(request)]; }
    bool isFinished(RequestIndex request) const { return flags(request) & Finished; }
    bool isTimedOut(RequestIndex request) const { return flags(request) & TimedOut; }
    bool isCounted(RequestIndex request) const
    {
        return (flags(request) & (Finished | Uncounted)) == Finished;
    }

    int requestSpanCount(RequestIndex request) const { return m_spanCount[size_t(request)]; }
    Span span(RequestIndex request, int k) const;
    // The work of its cpu and io spans: the request's own duration (the green
    // boxes; a time-shared cpu span counts the work it did, not its length).
    Nanos ownDuration(RequestIndex request) const;
    // Time spent queued for a worker before the request's first step.
    Nanos queuedBeforeStart(RequestIndex request) const;
    Nanos totalIn(RequestIndex request, SpanState state) const;
    // Cpu spans that ran at less than a whole core, in all.
    qsizetype sharedSpanCount() const { return qsizetype(m_sharedSpans.size()); }

    QString requestName(RequestIndex request) const;
    // Whether the request was given a name (else it is "Request N").
    bool hasOwnName(RequestIndex request) const { return request < m_names.size() && !m_names.at(request).isEmpty(); }
    // Earliest arrival and latest end of finished requests.
    Nanos firstArrival() const;
    Nanos lastEnd() const;

    quint64 memoryBytes() const;

    // --- building ---------------------------------------------------------
    static constexpr Nanos kWholeSpan = -1;

    struct PendingSpan
    {
        Nanos end;
        RequestIndex blame;
        SpanState state;
        // A cpu span's work when it was time-shared (less than its length);
        // kWholeSpan when it ran at a whole core throughout.
        Nanos work = kWholeSpan;
    };

    void reserve(qsizetype requests, qsizetype spans);
    // Requests must be added in arrival order.
    RequestIndex addRequest(Nanos arrival);
    void setName(RequestIndex request, const QString &name);
    // Stores a finished (or abandoned) request's spans in one go.
    void completeRequest(RequestIndex request, Nanos end, const PendingSpan *spans, int count, quint8 flags);
    void addFlags(RequestIndex request, quint8 flags) { m_flags[size_t(request)] |= flags; }
    void shrinkToFit();

private:
    std::vector<Nanos> m_arrival;
    std::vector<Nanos> m_end;
    std::vector<quint32> m_firstSpan;
    std::vector<quint16> m_spanCount;
    std::vector<quint8> m_flags;

    std::vector<Nanos> m_spanEnd;
    std::vector<RequestIndex> m_spanBlame;
    std::vector<SpanState> m_spanState; // kSharedBit set: the span's work is in m_sharedWork

    // Time-shared cpu spans only, in span order: most runs have none.
    std::vector<quint32> m_sharedSpans;
    std::vector<Nanos> m_sharedWork;

    QStringList m_names; // only for hand-written requests; generated ones are "Request N"
};

} // namespace LatencyLab::Core
