// libFuzzer target: the trace readers (OpenTelemetry, Jaeger, Zipkin, HAR),
// the mapping of spans to requests, and the scenario and measured rows made
// of what they accept.
//
// The first input byte picks the format as --format would (auto, otlp,
// jaeger, zipkin, har); the rest is the file. Properties checked beyond "no
// crash, no leak, no undefined behaviour": every message is one line; each
// request's steps are non-negative and add up to its response less what it
// queued; requests come in arrival order; the scenario made of them, when
// its rules accept it, is read back from its file as the same scenario; and
// the measured rows answer each request at its measured response.

#include "model/scenariojson.h"
#include "traces/traceimport.h"
#include "traces/tracescenario.h"

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace LatencyLab::Core;

namespace {

constexpr TraceFormat kFormats[] = {TraceFormat::Auto, TraceFormat::Otlp, TraceFormat::Jaeger, TraceFormat::Zipkin, TraceFormat::Har};

[[noreturn]] void fail(const char *what)
{
    fprintf(stderr, "fuzz_traces: %s\n", what);
    abort();
}

void checkOneLine(const QString &message)
{
    if (message.isEmpty() || message.contains(QLatin1Char('\n')) || message.contains(QLatin1Char('\r')))
        fail("a message that is not one line");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const TraceFormat format = kFormats[data[0] % std::size(kFormats)];
    const QByteArray json(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    const Result<ImportedTraces> traces = TraceImport::parse(json, format);
    if (!traces) {
        checkOneLine(traces.error());
        return 0;
    }
    for (const QString &problem : traces->problems)
        checkOneLine(problem);
    if (traces->requests.empty())
        fail("an import with no request succeeded");
    Nanos previous = traces->requests.front().arrival;
    for (const ImportedRequest &request : traces->requests) {
        if (request.arrival < previous)
            fail("requests out of arrival order");
        previous = request.arrival;
        NanosSum own = 0;
        for (const Step &step : request.steps) {
            if (step.duration < 0)
                fail("a negative step");
            own += step.duration;
        }
        if (request.queued < 0 || own != NanosSum(request.response) - request.queued)
            fail("steps that do not add up to the response less the queueing");
    }

    const Result<Scenario> scenario = scenarioFromTraces(*traces, QStringLiteral("fuzzed"));
    if (!scenario) {
        checkOneLine(scenario.error());
        return 0;
    }
    const Result<Scenario> reread = ScenarioJson::parse(ScenarioJson::serialize(*scenario));
    if (!reread || !(*reread == *scenario))
        fail("the scenario of an import does not read back as itself");
    const Timeline measured = measuredTimeline(*traces);
    for (RequestIndex k = 0; k < RequestIndex(measured.requestCount()); ++k) {
        if (measured.response(k) != traces->requests[size_t(k)].response)
            fail("a measured row that does not answer at the measured response");
    }
    return 0;
}
