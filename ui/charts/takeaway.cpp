#include "charts/takeaway.h"

#include "base/numberformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <optional>

namespace LatencyLab::Ui {

namespace {

// More requests than this are a workload, not people to name: aggregates speak for them.
constexpr qsizetype kMaxNamedRequests = 20;

QString tr(const char *text)
{
    return QCoreApplication::translate("LatencyLab::Ui::Takeaway", text);
}

struct Candidate
{
    double ratio = 0; // how many times better the better model is; the largest wins
    QString sentence;
};

// The sections worth a sentence: live runs with metrics.
QList<GanttSection> comparable(const GanttChart &chart)
{
    QList<GanttSection> sections;
    for (const GanttSection &section : chart.sections) {
        if (!section.pinned && section.run && section.run->metrics.completed > 0)
            sections << section;
    }
    return sections;
}

// Requests the same in every section, few enough to name one: an open client's.
bool hasNamedRequests(const QList<GanttSection> &sections)
{
    const qsizetype count = sections.first().run->timeline.requestCount();
    return count > 0 && count <= kMaxNamedRequests && std::all_of(sections.cbegin(), sections.cend(), [count](const GanttSection &s) {
               return s.run->client.kind == Core::ClientModel::Kind::Open && s.run->timeline.requestCount() == count;
           });
}

// The index of the smallest and the largest of `values` (the first of equals).
template<typename Value>
std::pair<qsizetype, qsizetype> extremes(const QList<Value> &values)
{
    const auto [low, high] = std::minmax_element(values.cbegin(), values.cend());
    return {low - values.cbegin(), high - values.cbegin()};
}

std::optional<Candidate> requestCandidate(const QList<GanttSection> &sections, const QStringList &names)
{
    std::optional<Candidate> best;
    const Core::Timeline &first = sections.first().run->timeline;
    for (Core::RequestIndex r = 0; r < first.requestCount(); ++r) {
        QList<Core::Nanos> responses;
        for (const GanttSection &section : sections) {
            if (!section.run->timeline.isFinished(r))
                break;
            responses << section.run->timeline.response(r);
        }
        if (responses.size() != sections.size())
            continue;
        const auto [fast, slow] = extremes(responses);
        if (responses[fast] <= 0)
            continue;
        const double ratio = double(responses[slow]) / double(responses[fast]);
        if (!best || ratio > best->ratio) {
            best = Candidate{ratio, tr("%1 answers %2 in %3 instead of %4 under %5")
                                        .arg(names[fast], first.requestName(r), Core::formatDuration(responses[fast]),
                                             Core::formatDuration(responses[slow]), names[slow])};
        }
    }
    return best;
}

std::optional<Candidate> throughputCandidate(const QList<GanttSection> &sections, const QStringList &names)
{
    QList<double> rates;
    for (const GanttSection &section : sections)
        rates << section.run->metrics.throughputRps;
    const auto [slow, fast] = extremes(rates);
    if (rates[slow] <= 0)
        return std::nullopt;
    return Candidate{rates[fast] / rates[slow], tr("%1 answers %2 instead of %3 under %4")
                                                    .arg(names[fast], Core::formatRate(rates[fast]), Core::formatRate(rates[slow]), names[slow])};
}

std::optional<Candidate> timeoutCandidate(const QList<GanttSection> &sections, const QStringList &names)
{
    QList<double> shares;
    for (const GanttSection &section : sections)
        shares << double(section.run->metrics.timeouts) / double(section.run->metrics.completed);
    const auto [good, bad] = extremes(shares);
    if (shares[bad] <= 0)
        return std::nullopt;
    const Core::Metrics &g = sections[good].run->metrics;
    const Core::Metrics &b = sections[bad].run->metrics;
    // None timed out: as if one had, so that the ratio stays finite and grows with the answers.
    const double goodShare = std::max(shares[good], 1.0 / double(g.completed));
    return Candidate{shares[bad] / goodShare, tr("%1 times out %2 of %3 answers instead of %4 of %5 under %6")
                                                  .arg(names[good])
                                                  .arg(g.timeouts)
                                                  .arg(g.completed)
                                                  .arg(b.timeouts)
                                                  .arg(b.completed)
                                                  .arg(names[bad])};
}

std::optional<Candidate> meanCandidate(const QList<GanttSection> &sections, const QStringList &names)
{
    QList<double> means;
    for (const GanttSection &section : sections) {
        if (section.run->metrics.timeouts > 0)
            return std::nullopt; // the mean leaves timeouts out: it would flatter the slower model
        means << section.run->metrics.latencySeconds.mean;
    }
    const auto [fast, slow] = extremes(means);
    if (means[fast] <= 0)
        return std::nullopt;
    return Candidate{means[slow] / means[fast], tr("%1 answers in %2 on average instead of %3 under %4")
                                                    .arg(names[fast], Core::formatSeconds(means[fast]), Core::formatSeconds(means[slow]), names[slow])};
}

QString comparedTakeaway(const QList<GanttSection> &sections)
{
    const QStringList names = modelNames(sections);
    std::optional<Candidate> best;
    const auto consider = [&best](const std::optional<Candidate> &candidate) {
        if (candidate && (!best || candidate->ratio > best->ratio))
            best = candidate;
    };
    if (hasNamedRequests(sections))
        consider(requestCandidate(sections, names));
    consider(throughputCandidate(sections, names));
    consider(timeoutCandidate(sections, names));
    consider(meanCandidate(sections, names));
    return best ? best->sentence : QString();
}

QString singleTakeaway(const GanttSection &section)
{
    const QString name = section.run->server.name;
    const Core::Timeline &timeline = section.run->timeline;
    const Core::Metrics &metrics = section.run->metrics;
    if (hasNamedRequests({section})) {
        std::optional<Core::RequestIndex> slowest;
        double worst = 0;
        for (Core::RequestIndex r = 0; r < timeline.requestCount(); ++r) {
            if (!timeline.isFinished(r) || timeline.ownDuration(r) <= 0)
                continue;
            const double slowdown = double(timeline.response(r)) / double(timeline.ownDuration(r));
            if (!slowest || slowdown > worst) {
                slowest = r;
                worst = slowdown;
            }
        }
        if (slowest) {
            return tr("%1 answers %2 in %3, %4 its own %5 of work")
                .arg(name, timeline.requestName(*slowest), Core::formatDuration(timeline.response(*slowest)), Core::formatFactor(worst),
                     Core::formatDuration(timeline.ownDuration(*slowest)));
        }
    }
    if (metrics.timeouts > 0)
        return tr("%1 times out %2 of %3 answers").arg(name).arg(metrics.timeouts).arg(metrics.completed);
    return tr("under %1 a response takes %2 its request's own work on average").arg(name, Core::formatFactor(metrics.slowdownMean));
}

} // namespace

QString takeaway(const GanttChart &chart)
{
    const QList<GanttSection> sections = comparable(chart);
    if (sections.isEmpty())
        return {};
    return sections.size() == 1 ? singleTakeaway(sections.first()) : comparedTakeaway(sections);
}

QString slideCaption(const GanttChart &chart)
{
    const QString said = takeaway(chart);
    if (said.isEmpty())
        return chart.title;
    return chart.title.isEmpty() ? said : tr("%1 — %2").arg(chart.title, said);
}

} // namespace LatencyLab::Ui
