#include "charts/ganttlabels.h"

#include "charts/ganttchart.h"
#include "charts/ganttrowindex.h"
#include "charts/ganttstyle.h"
#include "charts/timescale.h"

#include "engine/report.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace LatencyLab::Ui {

using Core::Nanos;
using Core::RequestIndex;
using Core::SpanState;

QString formatDifference(Nanos difference)
{
    if (difference == 0)
        return QStringLiteral("±0 s");
    const QString sign = difference > 0 ? QStringLiteral("+") : QStringLiteral("−");
    return sign + Core::formatDuration(difference > 0 ? difference : -difference);
}

std::optional<Nanos> responseDifference(const GanttSection &section, RequestIndex request)
{
    if (!section.run || !section.reference)
        return std::nullopt;
    const Core::Timeline &timeline = section.run->timeline;
    const Core::Timeline &reference = section.reference->timeline;
    if (request < 0 || request >= timeline.requestCount() || request >= reference.requestCount())
        return std::nullopt;
    if (!timeline.isFinished(request) || !reference.isFinished(request))
        return std::nullopt;
    return timeline.response(request) - reference.response(request);
}

QString rowLabel(const GanttSection &section, RequestIndex request)
{
    const Core::Timeline &timeline = section.run->timeline;
    const Nanos own = timeline.ownDuration(request);
    QString label = timeline.requestName(request) + QStringLiteral("  ") + Core::formatDuration(own);
    if (!timeline.isFinished(request))
        return label + QStringLiteral(" → unfinished");
    const Nanos response = timeline.response(request);
    label += QStringLiteral(" → ") + Core::formatDuration(response);
    if (own > 0)
        label += QStringLiteral(" (") + Core::formatFactor(double(response) / double(own)) + QLatin1Char(')');
    if (timeline.isTimedOut(request))
        label += QStringLiteral("  timed out");
    if (const std::optional<Nanos> difference = responseDifference(section, request))
        label += QStringLiteral("  Δ ") + formatDifference(*difference);
    return label;
}

QString runSummary(const Core::Metrics &metrics)
{
    QStringList parts{
        QStringLiteral("makespan ") + Core::formatSeconds(metrics.makespanSeconds),
        QStringLiteral("mean ") + Core::formatSeconds(metrics.latencySeconds.mean),
        QStringLiteral("p99 ") + Core::formatSeconds(metrics.latencySeconds.p99),
        Core::formatRate(metrics.throughputRps),
    };
    if (metrics.timeouts > 0)
        parts << QStringLiteral("%1 timeouts").arg(metrics.timeouts);
    return parts.join(QStringLiteral(" · "));
}

namespace {

// Times of one request share a unit, chosen by how late the request ends, so
// its lines line up: "0.10–2.20 s", or "120–450 µs" for a fast request.
struct TimeUnit
{
    double nanos;
    QString suffix;
    int minDecimals;
};

TimeUnit unitFor(Nanos latest)
{
    const Nanos magnitude = std::abs(latest);
    if (magnitude >= Core::kNanosPerSecond)
        return {1e9, QStringLiteral(" s"), 2};
    if (magnitude >= 1'000'000)
        return {1e6, QStringLiteral(" ms"), 0};
    if (magnitude >= 1'000)
        return {1e3, QStringLiteral(" µs"), 0};
    return {1.0, QStringLiteral(" ns"), 0};
}

// "2.20–2.25 s": enough decimals that the span's length shows.
QString timeRange(Nanos start, Nanos end, const TimeUnit &unit)
{
    const double length = double(end - start) / unit.nanos;
    int decimals = unit.minDecimals;
    if (length > 0)
        decimals = std::max(decimals, int(-std::floor(std::log10(length))));
    decimals = std::clamp(decimals, 0, 9);
    return QString::number(double(start) / unit.nanos, 'f', decimals) + QStringLiteral("–")
        + QString::number(double(end) / unit.nanos, 'f', decimals) + unit.suffix;
}

QColor stateColour(SpanState state, const GanttStyle &style)
{
    switch (state) {
    case SpanState::Queued:
        return style.queued;
    case SpanState::Cpu:
        return style.cpu;
    case SpanState::Io:
        return style.io;
    case SpanState::Ready:
        return style.ready;
    }
    return style.text;
}

QString swatch(const QColor &colour)
{
    return QStringLiteral("<span style=\"color:%1\">■</span> ").arg(colour.name());
}

constexpr int kMaxSpanLines = 24;

QString seconds(Nanos nanos)
{
    return Core::formatSeconds(Core::toSeconds(nanos));
}

} // namespace

QString describeRequest(const GanttSection &section, RequestIndex request, int span, const GanttStyle &style)
{
    if (!section.run || request < 0 || request >= section.run->timeline.requestCount())
        return {};
    const Core::Timeline &timeline = section.run->timeline;
    const Nanos own = timeline.ownDuration(request);

    QStringList lines;
    QString heading = QStringLiteral("<b>%1</b>").arg(timeline.requestName(request).toHtmlEscaped());
    if (!section.title.isEmpty())
        heading += QStringLiteral(" · ") + section.title.toHtmlEscaped();
    lines << heading;
    lines << QStringLiteral("arrival ") + seconds(timeline.arrival(request));
    lines << QStringLiteral("own duration ") + seconds(own);
    if (timeline.isFinished(request)) {
        lines << QStringLiteral("response ") + seconds(timeline.response(request));
        if (own > 0)
            lines << QStringLiteral("slowdown ") + Core::formatFactor(double(timeline.response(request)) / double(own));
        if (const std::optional<Nanos> difference = responseDifference(section, request)) {
            lines << QStringLiteral("%1 response %2 (difference %3)")
                         .arg(section.referenceName.toHtmlEscaped(), seconds(section.reference->timeline.response(request)),
                              formatDifference(*difference));
        }
    } else {
        lines << QStringLiteral("unfinished");
    }
    if (timeline.isTimedOut(request)) {
        const Nanos timeout = section.run->client.timeout;
        QString why = timeout > 0 ? QStringLiteral("timed out: answered after the client's %1 timeout").arg(Core::formatDuration(timeout))
                                  : QStringLiteral("timed out");
        lines << QStringLiteral("<span style=\"color:%1\">%2</span>").arg(style.timeout.name(), why);
    }

    const int spanCount = timeline.requestSpanCount(request);
    if (spanCount > 0)
        lines << QString();
    const TimeUnit unit = unitFor(timeline.end(request));
    // A request with thousands of spans gets a window around the one pointed at.
    const int first = std::clamp(span - kMaxSpanLines / 2, 0, std::max(0, spanCount - kMaxSpanLines));
    const int last = std::min(spanCount, first + kMaxSpanLines);
    if (first > 0)
        lines << QStringLiteral("… %1 earlier spans").arg(first);
    for (int k = first; k < last; ++k) {
        const Core::Span s = timeline.span(request, k);
        QString line = swatch(stateColour(s.state, style)) + Core::spanStateName(s.state) + QLatin1Char(' ')
            + timeRange(s.start, s.end, unit) + QStringLiteral(" (") + seconds(s.length()) + QLatin1Char(')');
        if (s.blame != Core::kNoRequest && (s.state == SpanState::Queued || s.state == SpanState::Ready))
            line += QStringLiteral(" — waiting for ") + timeline.requestName(s.blame).toHtmlEscaped();
        if (s.state == SpanState::Cpu && s.isTimeShared())
            line += QStringLiteral(" — at %1 of a core, shared: %2 of work").arg(Core::formatPercent(s.share()), seconds(s.work));
        if (k == span)
            line = QStringLiteral("<b>") + line + QStringLiteral("</b>");
        lines << line;
    }
    if (last < spanCount)
        lines << QStringLiteral("… %1 later spans").arg(spanCount - last);
    return QStringLiteral("<html><body style=\"white-space:nowrap\">") + lines.join(QStringLiteral("<br/>"))
        + QStringLiteral("</body></html>");
}

QString describeBand(const GanttSection &section, qsizetype first, qsizetype end, const GanttStyle &style)
{
    if (!section.run)
        return {};
    const Core::Timeline &timeline = section.run->timeline;
    const GanttRowIndex *index = section.index.get();
    first = std::max<qsizetype>(first, 0);
    end = std::min(end, timeline.requestCount());
    if (end <= first)
        return {};
    const auto requestAt = [index](qsizetype p) { return index ? index->requestAt(p) : RequestIndex(p); };

    const QLocale english(QLocale::English);
    const QString range = QStringLiteral("%1–%2").arg(english.toString(qint64(first + 1)), english.toString(qint64(end)));
    const RowOrder order = index ? index->order() : RowOrder::Arrival;
    QString heading = order == RowOrder::Arrival
        ? QStringLiteral("<b>Requests %1</b>").arg(range)
        : QStringLiteral("<b>Rows %1 by %2</b>").arg(range, rowOrderTitle(order).toLower());
    if (!section.title.isEmpty())
        heading += QStringLiteral(" · ") + section.title.toHtmlEscaped();

    constexpr SpanState kStates[] = {SpanState::Queued, SpanState::Ready, SpanState::Cpu, SpanState::Io};
    std::array<double, std::size(kStates)> inState{};
    std::vector<Nanos> responses;
    responses.reserve(size_t(end - first));
    double total = 0;
    for (qsizetype p = first; p < end; ++p) {
        const RequestIndex r = requestAt(p);
        for (int k = 0; k < timeline.requestSpanCount(r); ++k) {
            const Core::Span span = timeline.span(r, k);
            const auto state = std::find(std::begin(kStates), std::end(kStates), span.state);
            inState[size_t(state - std::begin(kStates))] += double(span.length());
            total += double(span.length());
        }
        if (timeline.isFinished(r))
            responses.push_back(timeline.response(r));
    }
    QStringList shares;
    for (size_t s = 0; s < std::size(kStates); ++s) {
        if (total > 0 && inState[s] > 0)
            shares << swatch(stateColour(kStates[s], style)) + Core::formatPercent(inState[s] / total) + QLatin1Char(' ')
                    + Core::spanStateName(kStates[s]);
    }
    QStringList lines{heading};
    lines << QStringLiteral("%1 requests: of their time, %2").arg(english.toString(qint64(end - first)), shares.join(QStringLiteral(", ")));
    if (!responses.empty()) {
        // Nearest rank, as the run's summary has it.
        const auto rank = [&responses](double p) {
            const size_t k = size_t(std::clamp<qint64>(qint64(std::ceil(p * double(responses.size()))) - 1, 0, qint64(responses.size()) - 1));
            std::nth_element(responses.begin(), responses.begin() + qint64(k), responses.end());
            return responses[k];
        };
        double sum = 0;
        for (const Nanos response : responses)
            sum += double(response);
        const Nanos mean = Nanos(std::llround(sum / double(responses.size())));
        const Nanos p50 = rank(0.5);
        const Nanos p99 = rank(0.99);
        lines << QStringLiteral("response mean %1 · p50 %2 · p99 %3").arg(seconds(mean), seconds(p50), seconds(p99));
    }
    lines << QStringLiteral("<i>zoom in to see each request</i>");
    return QStringLiteral("<html><body style=\"white-space:nowrap\">") + lines.join(QStringLiteral("<br/>"))
        + QStringLiteral("</body></html>");
}

} // namespace LatencyLab::Ui
