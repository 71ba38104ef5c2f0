#include "traces/tracemapper.h"

#include "base/numberformat.h"

#include <QHash>

#include <algorithm>
#include <numeric>

namespace LatencyLab::Core {

namespace {

struct Interval
{
    Nanos start;
    Nanos end;
};

// The spans of one trace: `count` indices into the batch from `first` on in
// the shared list of span indices ordered by trace (one list, not one per
// trace: a file of 10⁶ small traces would spend more on the lists than on the spans).
struct TraceGroup
{
    QString traceId;
    qint32 first = 0;
    qint32 count = 0;
};

class TraceWalk
{
public:
    TraceWalk(const std::vector<TraceSpan> &spans, const std::vector<qint32> &byTrace, const TraceGroup &group)
        : m_all(spans), m_byTrace(byTrace), m_group(group)
    {
    }

    // The request, or the problem that kept the trace from being one.
    std::optional<ImportedRequest> map(QString &problem, QString &note);

private:
    const TraceSpan &span(qint32 local) const { return m_all[size_t(m_byTrace[size_t(m_group.first + local)])]; }
    QString where(qint32 local) const { return QStringLiteral("trace %1 span %2").arg(m_group.traceId, span(local).spanId); }
    bool link(QString &problem);
    bool walk(qint32 root, std::vector<Interval> &waits, QString &problem);
    QString outsideParent(qint32 child, qint32 parent) const;

    const std::vector<TraceSpan> &m_all;
    const std::vector<qint32> &m_byTrace;
    const TraceGroup &m_group;
    std::vector<qint32> m_roots;
    std::vector<std::vector<qint32>> m_children;
};

bool TraceWalk::link(QString &problem)
{
    const qint32 count = m_group.count;
    QHash<QString, qint32> byId;
    byId.reserve(count);
    for (qint32 k = 0; k < count; ++k) {
        if (byId.contains(span(k).spanId)) {
            problem = where(k) + QStringLiteral(": the span id is given twice in the trace");
            return false;
        }
        byId.insert(span(k).spanId, k);
    }
    m_children.resize(size_t(count));
    for (qint32 k = 0; k < count; ++k) {
        const QString &parentId = span(k).parentId;
        if (parentId.isEmpty()) {
            m_roots.push_back(k);
            continue;
        }
        const auto parent = byId.constFind(parentId);
        if (parent == byId.cend()) {
            problem = where(k) + QStringLiteral(": its parent %1 is not in the trace").arg(parentId);
            return false;
        }
        std::vector<qint32> &siblings = m_children[size_t(*parent)];
        if (qint64(siblings.size()) >= TraceLimits::kMaxChildrenPerSpan) {
            problem = where(*parent) + QStringLiteral(": more than %L1 child spans").arg(TraceLimits::kMaxChildrenPerSpan);
            return false;
        }
        siblings.push_back(k);
    }
    if (m_roots.empty()) {
        // Every span has a parent in the trace, so following parents goes round.
        problem = QStringLiteral("trace %1: no root span: its spans' parents form a cycle (span %2 → %3)")
                      .arg(m_group.traceId, span(0).spanId, span(0).parentId);
        return false;
    }
    if (m_roots.size() > 1) {
        problem = QStringLiteral("trace %1: %2 root spans (%3 and %4): a request has one root")
                      .arg(m_group.traceId).arg(m_roots.size()).arg(span(m_roots[0]).spanId, span(m_roots[1]).spanId);
        return false;
    }
    return true;
}

QString TraceWalk::outsideParent(qint32 child, qint32 parent) const
{
    const TraceSpan &c = span(child);
    const TraceSpan &p = span(parent);
    const QString by = c.start < p.start ? QStringLiteral("starts %1 before it").arg(formatDuration(p.start - c.start))
                                         : QStringLiteral("ends %1 after it").arg(formatDuration(c.end - p.end));
    const QString skew = c.service != p.service && !c.service.isEmpty() && !p.service.isEmpty()
        ? QStringLiteral(" (clock skew between %1 and %2?)").arg(c.service, p.service)
        : QString();
    return where(child) + QStringLiteral(": lies outside its parent %1: %2%3").arg(p.spanId, by, skew);
}

// Collects the waits below `root`; looks into the handler's own spans, not
// below a wait. Every span is visited once, so a cycle below the root shows
// as spans never reached.
bool TraceWalk::walk(qint32 root, std::vector<Interval> &waits, QString &problem)
{
    std::vector<qint32> stack{root};
    std::vector<bool> underWait(m_children.size(), false);
    std::vector<bool> reached(m_children.size(), false);
    reached[size_t(root)] = true;
    qint64 reachedCount = 1;
    while (!stack.empty()) {
        const qint32 parent = stack.back();
        stack.pop_back();
        for (const qint32 child : m_children[size_t(parent)]) {
            ++reachedCount;
            reached[size_t(child)] = true;
            stack.push_back(child);
            if (underWait[size_t(parent)]) {
                underWait[size_t(child)] = true;
                continue;
            }
            const TraceSpan &c = span(child);
            if (c.start < span(parent).start || c.end > span(parent).end) {
                problem = outsideParent(child, parent);
                return false;
            }
            if (c.waitsOutside) {
                waits.push_back({c.start, c.end});
                underWait[size_t(child)] = true;
            }
        }
    }
    if (reachedCount < qint64(m_group.count)) {
        // Not reached from the root, yet its parent is in the trace: the parents go round.
        const qint32 first = qint32(std::find(reached.begin(), reached.end(), false) - reached.begin());
        problem = where(first) + QStringLiteral(": its parents form a cycle, apart from the root span");
        return false;
    }
    return true;
}

std::optional<ImportedRequest> TraceWalk::map(QString &problem, QString &note)
{
    if (!link(problem))
        return std::nullopt;
    const qint32 root = m_roots.front();
    std::vector<Interval> waits;
    if (!walk(root, waits, problem))
        return std::nullopt;

    // Parallel calls wait once: merge what overlaps (or touches), then cpu fills the gaps.
    std::sort(waits.begin(), waits.end(), [](const Interval &a, const Interval &b) { return a.start < b.start; });
    const TraceSpan &rootSpan = span(root);
    ImportedRequest request;
    request.traceId = m_group.traceId;
    request.service = rootSpan.service;
    request.endpoint = rootSpan.name;
    Nanos cursor = rootSpan.start;
    request.steps.reserve(qsizetype(waits.size()) * 2 + 1); // at most a cpu and an io per wait, and a last cpu: no growth
    const auto add = [&request](StepKind kind, Nanos duration) {
        if (duration > 0)
            request.steps.append(Step{kind, duration});
    };
    for (size_t k = 0; k < waits.size();) {
        Interval merged = waits[k];
        for (++k; k < waits.size() && waits[k].start <= merged.end; ++k)
            merged.end = std::max(merged.end, waits[k].end);
        add(StepKind::Cpu, merged.start - cursor);
        add(StepKind::Io, merged.end - merged.start);
        cursor = merged.end;
    }
    add(StepKind::Cpu, rootSpan.end - cursor);
    if (request.steps.isEmpty())
        request.steps.append(Step{StepKind::Cpu, 0}); // a root span of no time: one empty step, as a request needs one
    if (request.steps.size() > Limits::kMaxStepsPerRequest) {
        problem = QStringLiteral("trace %1: %L2 steps, more than the %L3 a request may have").arg(m_group.traceId).arg(request.steps.size()).arg(Limits::kMaxStepsPerRequest);
        return std::nullopt;
    }

    request.arrival = rootSpan.start;
    request.response = rootSpan.end - rootSpan.start;
    if (rootSpan.queueStart) {
        if (*rootSpan.queueStart > rootSpan.start) {
            note = where(root) + QStringLiteral(": its queue start is %1 after the span starts (clock skew?); left out")
                                     .arg(formatDuration(*rootSpan.queueStart - rootSpan.start));
        } else {
            request.queueStartKnown = true;
            request.queued = rootSpan.start - *rootSpan.queueStart;
            request.arrival = *rootSpan.queueStart;
            request.response += request.queued;
        }
    }
    return request;
}

// A stable sort by arrival that orders indices and then moves each request
// once, in place: std::stable_sort's buffer would hold half the requests
// again. Files usually list traces in time order, which costs one pass.
void sortByArrival(std::vector<ImportedRequest> &requests)
{
    const auto earlier = [](const ImportedRequest &a, const ImportedRequest &b) { return a.arrival < b.arrival; };
    if (std::is_sorted(requests.begin(), requests.end(), earlier))
        return;
    std::vector<qint32> order(requests.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&requests](qint32 a, qint32 b) { return requests[size_t(a)].arrival < requests[size_t(b)].arrival; });
    // Place k takes the request at order[k]: follow each cycle of the permutation once.
    for (size_t start = 0; start < order.size(); ++start) {
        if (order[start] < 0 || size_t(order[start]) == start)
            continue;
        ImportedRequest first = std::move(requests[start]);
        size_t place = start;
        while (size_t(order[place]) != start) {
            const size_t from = size_t(order[place]);
            requests[place] = std::move(requests[from]);
            order[place] = -1;
            place = from;
        }
        requests[place] = std::move(first);
        order[place] = -1;
    }
}

} // namespace

ImportedTraces mapTraces(const SpanBatch &batch, TraceFormat format)
{
    ImportedTraces traces;
    traces.format = format;
    traces.spanCount = batch.spanCount;
    traces.problems = batch.problems;

    // Traces in the order they first appear, each span's in the order read.
    std::vector<TraceGroup> groups;
    QHash<QString, qint32> groupOf;
    std::vector<qint32> groupOfSpan(batch.spans.size());
    for (qint32 k = 0; k < qint32(batch.spans.size()); ++k) {
        const QString &traceId = batch.spans[size_t(k)].traceId;
        auto found = groupOf.constFind(traceId);
        if (found == groupOf.cend()) {
            found = groupOf.insert(traceId, qint32(groups.size()));
            groups.push_back({traceId, 0, 0});
        }
        groupOfSpan[size_t(k)] = *found;
        ++groups[size_t(*found)].count;
    }
    qint32 first = 0;
    for (TraceGroup &group : groups) {
        group.first = first;
        first += group.count;
        group.count = 0; // counts again as its spans are placed
    }
    std::vector<qint32> byTrace(batch.spans.size());
    for (qint32 k = 0; k < qint32(batch.spans.size()); ++k) {
        TraceGroup &group = groups[size_t(groupOfSpan[size_t(k)])];
        byTrace[size_t(group.first + group.count++)] = k;
    }
    groupOfSpan = {};
    traces.traceCount = qint64(groups.size());
    for (const QString &broken : batch.brokenTraces)
        traces.traceCount += groupOf.contains(broken) ? 0 : 1;
    groupOf = {};

    traces.requests.reserve(groups.size());
    for (const TraceGroup &group : groups) {
        if (batch.brokenTraces.contains(group.traceId))
            continue; // its unreadable span is already a problem line
        QString problem, note;
        std::optional<ImportedRequest> request = TraceWalk(batch.spans, byTrace, group).map(problem, note);
        if (request)
            traces.requests.push_back(std::move(*request));
        if (!problem.isEmpty())
            traces.problems << problem;
        if (!note.isEmpty())
            traces.problems << note;
    }
    sortByArrival(traces.requests);
    return traces;
}

} // namespace LatencyLab::Core
