#pragma once

#include "base/result.h"
#include "model/scenario.h"
#include "model/servermodel.h"
#include "theory/servicetime.h"

#include <QString>

#include <optional>

namespace LatencyLab::Core::Theory {

// The queueing model a scenario under a server model is, with its parameters
// (docs/model.md, "Closed forms"). Its figures are none where the queue is
// unstable (ρ ≥ 1) or the form says nothing (a quantile of M/G/1).
struct ClosedForm
{
    enum class Kind : quint8 {
        MM1,              // exponential service, first come first served, one server
        MD1,              // fixed service, first come first served, one server
        MG1,              // any service, first come first served, one server (Pollaczek–Khinchine)
        MMc,              // exponential service, one queue, c servers (Erlang C)
        MGcApproximation, // any service, one queue, c servers: Allen–Cunneen, not exact
        ProcessorSharing, // M/G/1-PS: every request present gets an equal share of one processor
        ExponentialMean,  // exponential service, c processors shared in an order no closed form follows: the mean only
        NoWaiting,        // M/G/∞: nothing ever waits, the response is the service
    };

    Kind kind = Kind::MM1;
    double lambda = 0.0; // arrivals per second
    ServiceTime service; // of the work the servers serve (docs/model.md says which)
    int servers = 1;     // c; unused for NoWaiting
    QString label;       // the model and its mean's formula, for a legend: "M/M/1: W = 1/(μ−λ)"

    // Whether the figures are exact for the model (all but MGcApproximation).
    bool isExact() const { return kind != Kind::MGcApproximation; }
    double mu() const { return 1.0 / service.mean; }
    // λ_max = cμ; none for NoWaiting, which never saturates.
    std::optional<double> saturationRate() const;
    // ρ = λ ÷ (cμ); none for NoWaiting.
    std::optional<double> utilisation() const;
    // Mean response time in seconds.
    std::optional<double> meanResponse() const;
    // The response time's q-quantile in seconds, where it is closed: M/M/1,
    // M/M/c, and NoWaiting of an exponential or fixed service.
    std::optional<double> responseQuantile(double q) const;
    // E[T | x], the mean response of a request of work x: processor sharing's
    // x ÷ (1 − ρ), and x itself when nothing waits.
    std::optional<double> responseForWork(double work) const;
};

// Which closed form applies to the scenario's requests under `server`, or a
// short phrase saying why none does ("closed client: arrivals wait for
// answers"), for a legend. A form is returned whatever the load: past
// saturation it still has its λ_max, and its figures are none.
Result<ClosedForm> closedFormFor(const Scenario &scenario, const ServerModel &server);

} // namespace LatencyLab::Core::Theory
