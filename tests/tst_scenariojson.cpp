#include "model/jsonduplicatekeys.h"
#include "model/scenariojson.h"
#include "scenariobuilder.h"
#include "wallclock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

namespace {

// A small valid scenario, broken one field at a time by the malformed-input rows.
QJsonObject validScenario()
{
    return QJsonDocument::fromJson(R"({"format": "latencylab-scenario", "version": 1, "name": "Test",
                                       "server": {"model": "sync"},
                                       "requests": [{"steps": [{"cpu": 0.1}]}]})")
        .object();
}

// The valid scenario with top-level members replaced, as in a JSON merge
// patch (RFC 7396): a null removes the member.
QByteArray patched(const QJsonObject &patch)
{
    QJsonObject object = validScenario();
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it->isNull())
            object.remove(it.key());
        else
            object.insert(it.key(), *it);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray patched(const QByteArray &patchJson)
{
    QJsonParseError error;
    const QJsonDocument patch = QJsonDocument::fromJson(patchJson, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad patch in the test itself: %s", patchJson.constData());
    return patched(patch.object());
}

QJsonArray repeated(const QJsonValue &value, qsizetype count)
{
    QJsonArray array;
    for (qsizetype i = 0; i < count; ++i)
        array.append(value);
    return array;
}

constexpr auto kClosedClient = R"("client": {"kind": "closed", "connections": 4, "duration": 10})";

StepSpec stepSpec(StepKind kind, Distribution duration)
{
    return {kind, duration};
}

Scenario handWrittenScenario()
{
    Scenario scenario = openScenario({request(0.0, {cpu(0.05), io(0.9), cpu(0.05)}),
                                      request(0.125, {io(1.5)}),
                                      request(2.5, {cpu(0.000001)})});
    scenario.name = QStringLiteral("Every feature");
    scenario.description = QStringLiteral("Hand-built, with “quotes” and ünïcödé.");
    scenario.requests[1].name = QStringLiteral("GET /api/sun");
    scenario.server.model = QStringLiteral("threads");
    scenario.server.workers = 2;
    scenario.server.threads = 8;
    scenario.server.gil = false;
    scenario.server.cores = 4;
    ServerSpec processes;
    processes.model = QStringLiteral("processes");
    processes.cores = 2;
    ServerSpec async;
    async.model = QStringLiteral("async");
    ServerSpec slicedThreads;
    slicedThreads.model = QStringLiteral("threads");
    slicedThreads.switchInterval = fromSeconds(0.25);
    slicedThreads.slices = true;
    scenario.compare = {processes, async, slicedThreads};
    scenario.client.timeout = fromSeconds(5.0);
    return scenario;
}

Scenario generatedWith(ArrivalProcess arrival)
{
    Scenario scenario = generatedScenario(1000,
                                          1.0,
                                          {stepSpec(StepKind::Cpu, Distribution::fixed(0.001)),
                                           stepSpec(StepKind::Io, Distribution::exponential(0.02)),
                                           stepSpec(StepKind::Cpu, Distribution::uniform(0.001, 0.003)),
                                           stepSpec(StepKind::Io, Distribution::logNormal(0.1, 0.05))},
                                          quint64(1) << 40);
    scenario.generator->arrival = arrival;
    ServerSpec sync;
    scenario.compare = {sync};
    return scenario;
}

ArrivalProcess poisson(double rate)
{
    ArrivalProcess arrival;
    arrival.rate = rate;
    return arrival;
}

ArrivalProcess uniformGaps(double low, double high)
{
    ArrivalProcess arrival;
    arrival.kind = ArrivalProcess::Kind::Uniform;
    arrival.low = low;
    arrival.high = high;
    return arrival;
}

ArrivalProcess bursts(int size, double every)
{
    ArrivalProcess arrival;
    arrival.kind = ArrivalProcess::Kind::Burst;
    arrival.burstSize = size;
    arrival.burstEvery = every;
    return arrival;
}

ClientModel closedClient(int connections, double duration, double timeout)
{
    ClientModel client;
    client.kind = ClientModel::Kind::Closed;
    client.connections = connections;
    client.duration = fromSeconds(duration);
    client.timeout = fromSeconds(timeout);
    return client;
}

} // namespace

class TestScenarioJson : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void serializeWritesOnlyWhatIsSet();
    void omittedFieldsTakeTheirDefaults();
    void malformedInputNamesTheField_data();
    void malformedInputNamesTheField();
    void nonFiniteNumbersFromCodeAreRejected_data();
    void nonFiniteNumbersFromCodeAreRejected();
    void generatedCountOverTheLimitFailsFast();
    void duplicateKeyScan_data();
    void duplicateKeyScan();
    void saveToMissingFolderFailsAndLeavesNoFile();
    void saveThenLoadRoundTrips();
    void loadMissingFileNamesThePath();
    void loadRefusesOversizedFileBeforeReading();
    void loadPrefixesParseErrorsWithThePath();
};

void TestScenarioJson::roundTrip_data()
{
    QTest::addColumn<Scenario>("scenario");

    QTest::addRow("hand-written requests, an open client with a timeout, and compared models")
        << handWrittenScenario();
    QTest::addRow("generated with Poisson arrivals and every step distribution") << generatedWith(poisson(900.0));
    QTest::addRow("generated with uniform gaps between arrivals") << generatedWith(uniformGaps(0.01, 0.03));
    QTest::addRow("generated in bursts") << generatedWith(bursts(50, 1.5));

    Scenario closedRequests = openScenario({request(0.0, {cpu(0.002), io(0.47), io(0.47), cpu(0.002)})});
    closedRequests.client = closedClient(20, 15.0, 2.0);
    QTest::addRow("a closed client sending hand-written requests") << closedRequests;

    Scenario closedGenerated = generatedWith(ArrivalProcess{});
    closedGenerated.generator->count = 0; // a closed client has no count and no arrivals
    closedGenerated.client = closedClient(100, 30.0, 0.5);
    QTest::addRow("a closed client with generated steps") << closedGenerated;
}

void TestScenarioJson::roundTrip()
{
    QFETCH(Scenario, scenario);

    const QByteArray json = ScenarioJson::serialize(scenario);
    const Result<Scenario> parsed = ScenarioJson::parse(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error()));
    QCOMPARE(ScenarioJson::serialize(*parsed), json); // readable diff first, then the full structure
    QVERIFY(*parsed == scenario);
}

void TestScenarioJson::serializeWritesOnlyWhatIsSet()
{
    const Scenario scenario = openScenario({request(0.0, {cpu(0.1)})});
    const QJsonObject json = ScenarioJson::toJson(scenario);

    QCOMPARE(json.keys(),
             (QStringList{QStringLiteral("client"), QStringLiteral("format"), QStringLiteral("name"),
                          QStringLiteral("requests"), QStringLiteral("server"), QStringLiteral("version")}));
    QCOMPARE(json.value(u"format").toString(), QStringLiteral("latencylab-scenario"));
    QCOMPARE(json.value(u"version").toInt(), 1);
    QCOMPARE(json.value(u"server").toObject().keys(), QStringList{QStringLiteral("model")});
    QCOMPARE(json.value(u"client").toObject().keys(), QStringList{QStringLiteral("kind")});
    QVERIFY(ScenarioJson::serialize(scenario).contains("\n    \"name\": \"test\"")); // indented for people
}

void TestScenarioJson::omittedFieldsTakeTheirDefaults()
{
    const Result<Scenario> open = ScenarioJson::parse(patched(R"({"requests": [{"steps": [{"cpu": 0.1}]}, {"steps": [{"io": 1}]}]})"));
    QVERIFY2(open.ok(), qPrintable(open.ok() ? QString() : open.error()));
    QCOMPARE(open->client.kind, ClientModel::Kind::Open);
    QCOMPARE(open->client.timeout, Nanos(0));
    QCOMPARE(open->requests.size(), 2);
    QCOMPARE(open->requests[1].name, QStringLiteral("Request 2"));
    QCOMPARE(open->requests[1].arrival, Nanos(0));
    QCOMPARE(open->requests[1].steps, (QList<Step>{io(1.0)}));
    QCOMPARE(open->server, ServerSpec{});

    const Result<Scenario> closed = ScenarioJson::parse(patched(
        R"({"client": {"kind": "closed", "connections": 3, "duration": 5}, "requests": null,
            "generate": {"steps": [{"io": {"exp": 0.1}}]}})"));
    QVERIFY2(closed.ok(), qPrintable(closed.ok() ? QString() : closed.error()));
    QCOMPARE(closed->client.timeout, ClientModel::kWrkDefaultTimeout);
    QCOMPARE(closed->client.duration, 5 * kNanosPerSecond);
    QVERIFY(closed->generator.has_value());
    QCOMPARE(closed->generator->seed, quint64(1));
}

void TestScenarioJson::malformedInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("prefix"); // the message starts with the field path (or the position)
    QTest::addColumn<QStringList>("words");

    const auto row = [](const char *name, const QByteArray &json, const char *prefix, QStringList words) {
        QTest::addRow("%s", name) << json << QString::fromUtf8(prefix) << words;
    };
    const auto words = [](std::initializer_list<const char *> list) {
        QStringList result;
        for (const char *word : list)
            result.append(QString::fromUtf8(word));
        return result;
    };

    row("truncated JSON names the line and column",
        "{\n  \"format\": \"latencylab-scenario\",\n  \"version\": 1,\n  \"name\": \"Trun",
        "line 4, column 16: ", words({"the file ends inside the string opened at line 4, column 11", "expected a closing \""}));
    row("an empty file says it is empty", "  \n", "the input is empty", words({"JSON object"}));
    row("a top-level array is not a scenario", R"([{"format": "latencylab-scenario"}])",
        "expected a JSON object at the top level", words({"got an array"}));
    row("a file without a format is not a scenario", patched(R"({"format": null})"), "format: ",
        words({"missing", "\"latencylab-scenario\"", "not a LatencyLab scenario file"}));
    row("another program's format is refused", patched(R"({"format": "vega-lite"})"), "format: ",
        words({"expected \"latencylab-scenario\"", "got \"vega-lite\""}));
    row("a newer version is refused", patched(R"({"version": 2})"), "version: ",
        words({"unsupported version 2", "reads version 1"}));
    row("a scenario needs a name", patched(R"({"name": null})"), "name: ", words({"missing", "non-empty string"}));
    row("an empty name is refused", patched(R"({"name": ""})"), "name: ", words({"non-empty string", "got \"\""}));
    row("an unknown top-level field is an error", patched(R"({"seed": 7})"), "seed: ",
        words({"unknown field", "format, version, name, description, server, compare, client, requests, generate"}));
    row("a misspelt server field lists the right ones", patched(R"({"server": {"model": "sync", "worker": 2}})"),
        "server.worker: ", words({"unknown field (expected one of: model, workers, threads, gil, cores, switch_interval, slices)"}));
    row("a switch interval of zero is refused", patched(R"({"server": {"model": "threads", "switch_interval": 0}})"),
        "server.switch_interval: ", words({"seconds from 1e-06 to 10", "got 0"}));
    row("a switch interval in words is refused", patched(R"({"compare": [{"model": "threads", "switch_interval": "5ms"}]})"),
        "compare[0] (\"threads\").switch_interval: ", words({"seconds from 1e-06 to 10", "got \"5ms\""}));
    row("slices are true or false", patched(R"({"server": {"model": "threads", "slices": 1}})"), "server.slices: ",
        words({"true or false", "got 1"}));
    row("an unknown server model lists the models", patched(R"({"server": {"model": "fast"}})"), "server.model: ",
        words({"unknown server model \"fast\"", "sync, async, threads, processes"}));
    row("a line break in a quoted value keeps the message on one line",
        patched(R"({"server": {"model": "sy\nnc"}})"), "server.model: ", words({"unknown server model \"sy\\nnc\""}));
    row("a server without a model is refused", patched(R"({"server": {"workers": 2}})"), "server.model: ",
        words({"missing", "sync, async, threads, processes"}));
    row("a null server is refused", patched(R"({"server": null, "client": {"kind": "open"}})"), "server: ",
        words({"missing", "an object"}));
    row("zero workers are refused", patched(R"({"server": {"model": "sync", "workers": 0}})"), "server.workers: ",
        words({"whole number from 1 to 100000", "got 0"}));
    row("two and a half workers are refused", patched(R"({"server": {"model": "sync", "workers": 2.5}})"),
        "server.workers: ", words({"whole number", "got 2.5"}));
    row("workers given as a string are refused", patched(R"({"server": {"model": "sync", "workers": "4"}})"),
        "server.workers: ", words({"whole number", "got \"4\""}));
    row("a negative cpu time is refused", patched(R"({"requests": [{"steps": [{"cpu": -0.05}]}]})"),
        "requests[0] (\"Request 1\").steps[0].cpu: ", words({"expected a non-negative number of seconds, got -0.05"}));
    row("a word where seconds belong is quoted",
        patched(R"({"requests": [{"steps": [{"cpu": 1}]}, {"steps": [{"cpu": 1}]}, {"steps": [{"io": "fast"}]}]})"),
        "requests[2] (\"Request 3\").steps[0].io: ", words({"expected a non-negative number of seconds, got \"fast\""}));
    row("NaN is not valid JSON", R"({"format": "latencylab-scenario", "version": 1, "x": NaN})",
        "line 1, column 54: ", words({"expected a value after ':', got NaN", "no NaN or Infinity"}));
    row("a duration of 1e300 seconds is over the limit", patched(R"({"requests": [{"steps": [{"io": 1e300}]}]})"),
        "requests[0] (\"Request 1\").steps[0].io: ", words({"at most 1000000 seconds", "got 1e+300"}));
    row("an arrival of an object is refused", patched(R"({"requests": [{"arrival": {}, "steps": [{"io": 1}]}]})"),
        "requests[0] (\"Request 1\").arrival: ", words({"non-negative number of seconds", "got an object"}));
    row("a step with two kinds is refused", patched(R"({"requests": [{"steps": [{"cpu": 0.1, "io": 0.2}]}]})"),
        "requests[0] (\"Request 1\").steps[0]: ", words({"exactly one of: cpu, io", "got cpu and io"}));
    row("a step of an unknown kind is refused", patched(R"({"requests": [{"steps": [{"gpu": 0.1}]}]})"),
        "requests[0] (\"Request 1\").steps[0].gpu: ", words({"unknown field", "cpu, io"}));
    row("an empty step is refused", patched(R"({"requests": [{"steps": [{}]}]})"), "requests[0] (\"Request 1\").steps[0]: ",
        words({"exactly one of: cpu, io", "got an empty object"}));
    row("a request without steps is refused", patched(R"({"requests": [{"steps": []}]})"), "requests[0] (\"Request 1\").steps: ",
        words({"array of 1 to 10000 steps", "got an empty array"}));
    row("a request with more steps than the limit is refused",
        patched(QJsonObject{{QStringLiteral("requests"),
                             QJsonArray{QJsonObject{{QStringLiteral("steps"), repeated(QJsonObject{{QStringLiteral("cpu"), 1}}, 10001)}}}}}),
        "requests[0] (\"Request 1\").steps: ", words({"array of 1 to 10000 steps", "got an array of 10001"}));
    row("requests given as an object are refused", patched(R"({"requests": {}})"), "requests: ",
        words({"array of 1 to 10000000 requests", "got an object"}));
    row("requests and generate together are refused",
        patched(R"({"generate": {"count": 1, "arrival": {"poisson": 1}, "steps": [{"cpu": 1}]}})"), "generate: ",
        words({"not allowed together with requests"}));
    row("a scenario without requests or generate is refused", patched(R"({"requests": null})"),
        "missing requests or generate", words({"needs one of them"}));
    row("generating zero requests is refused",
        patched(R"({"requests": null, "generate": {"count": 0, "arrival": {"poisson": 1}, "steps": [{"cpu": 1}]}})"),
        "generate.count: ", words({"whole number from 1 to 10000000", "got 0"}));
    row("generating eleven million requests is over the limit",
        patched(R"({"requests": null, "generate": {"count": 11000000, "arrival": {"poisson": 1}, "steps": [{"cpu": 1}]}})"),
        "generate.count: ", words({"from 1 to 10000000", "got 11000000"}));
    row("generating more steps in all than the limit is refused",
        patched(R"({"requests": null, "generate": {"count": 10000000, "arrival": {"poisson": 1},
                    "steps": [{"cpu": 1}, {"io": 1}, {"cpu": 1}, {"io": 1}, {"cpu": 1}, {"io": 1}]}})"),
        "generate: ", words({"at most 50000000 generated steps", "got 60000000"}));
    row("an open generator needs arrivals",
        patched(R"({"requests": null, "generate": {"count": 5, "steps": [{"cpu": 1}]}})"), "generate.arrival: ",
        words({"missing", "poisson, uniform, burst"}));
    row("a Poisson rate of zero is refused",
        patched(R"({"requests": null, "generate": {"count": 5, "arrival": {"poisson": 0}, "steps": [{"cpu": 1}]}})"),
        "generate.arrival.poisson: ", words({"rate per second above 0", "got 0"}));
    row("a burst of zero requests is refused",
        patched(R"({"requests": null, "generate": {"count": 5, "arrival": {"burst": {"size": 0, "every": 1}},
                    "steps": [{"cpu": 1}]}})"),
        "generate.arrival.burst.size: ", words({"whole number from 1", "got 0"}));
    row("uniform arrival gaps with low above high are refused",
        patched(R"({"requests": null, "generate": {"count": 5, "arrival": {"uniform": [2, 1]}, "steps": [{"cpu": 1}]}})"),
        "generate.arrival.uniform: ", words({"low ≤ high", "got [2, 1]"}));
    row("a uniform step with low above high is refused",
        patched(R"({"requests": null, "generate": {"count": 5, "arrival": {"poisson": 1},
                    "steps": [{"cpu": {"uniform": [0.5, 0.1]}}]}})"),
        "generate.steps[0].cpu.uniform: ", words({"low ≤ high", "got [0.5, 0.1]"}));
    row("a log-normal step needs a mean and a deviation",
        patched(R"({"requests": null, "generate": {"count": 5, "arrival": {"poisson": 1},
                    "steps": [{"io": {"lognormal": [0.1]}}]}})"),
        "generate.steps[0].io.lognormal: ", words({"array of 2 numbers of seconds, [mean, sd]", "got an array of 1"}));
    row("a step distribution of a string is refused",
        patched(R"({"requests": null, "generate": {"count": 5, "arrival": {"poisson": 1}, "steps": [{"io": "slow"}]}})"),
        "generate.steps[0].io: ", words({"number of seconds or a distribution", "got \"slow\""}));
    row("a negative seed is refused",
        patched(R"({"requests": null, "generate": {"count": 5, "arrival": {"poisson": 1}, "steps": [{"cpu": 1}], "seed": -1}})"),
        "generate.seed: ", words({"whole number from 0", "got -1"}));
    row("an unknown client kind is refused", patched(R"({"client": {"kind": "half-open"}})"), "client.kind: ",
        words({"expected \"open\" or \"closed\"", "got \"half-open\""}));
    row("an open client has no connections", patched(R"({"client": {"kind": "open", "connections": 3}})"),
        "client.connections: ", words({"unknown field", "kind, timeout"}));
    row("a closed client needs connections", patched(R"({"client": {"kind": "closed", "duration": 10}})"),
        "client.connections: ", words({"missing", "whole number from 1 to 100000"}));
    row("a closed client needs a positive duration",
        patched(R"({"client": {"kind": "closed", "connections": 2, "duration": 0}})"), "client.duration: ",
        words({"positive number of seconds", "got 0"}));
    row("a closed client's requests have no arrival",
        patched(QByteArray("{") + kClosedClient + R"(, "requests": [{"arrival": 1, "steps": [{"io": 1}]}]})"),
        "requests[0] (\"Request 1\").arrival: ", words({"not used with a closed client", "connections send requests on their own"}));
    row("a closed client's generator has no count",
        patched(QByteArray("{") + kClosedClient + R"(, "requests": null, "generate": {"count": 5, "steps": [{"io": 1}]}})"),
        "generate.count: ", words({"not used with a closed client"}));
    row("a closed client with zero-time requests would never stop",
        patched(QByteArray("{") + kClosedClient + R"(, "requests": [{"steps": [{"io": 0}]}, {"steps": [{"cpu": 0}]}]})"),
        "requests: ", words({"closed client", "zero seconds", "infinitely many requests"}));
    row("a closed client with zero-time generated steps would never stop",
        patched(QByteArray("{") + kClosedClient
                + R"(, "requests": null, "generate": {"steps": [{"io": {"exp": 0}}, {"cpu": {"uniform": [0, 0]}}]}})"),
        "generate.steps: ", words({"closed client", "infinitely many requests"}));
    row("more than sixteen compared models are refused",
        patched(QJsonObject{{QStringLiteral("compare"), repeated(QJsonObject{{QStringLiteral("model"), QStringLiteral("async")}}, 17)}}),
        "compare: ", words({"array of at most 16 server objects", "got an array of 17"}));
    row("a bad model in compare names its index", patched(R"({"compare": [{"model": "async"}, {"model": "fast"}]})"),
        "compare[1] (\"fast\").model: ", words({"unknown server model \"fast\""}));
    row("text that is not UTF-8 is refused clearly",
        QByteArray(R"({"format": "latencylab-scenario", "version": 1, "name": "Caf)") + "\xE9" + R"("})",
        "line 1, column 61: ", words({"not valid UTF-8", "saved as UTF-8"}));
    row("a field given twice is refused",
        R"({"format": "latencylab-scenario", "version": 1, "name": "Twice",
            "server": {"model": "sync", "workers": 2, "workers": 0}, "requests": [{"steps": [{"cpu": 1}]}]})",
        "server.workers: ", words({"duplicate field"}));

    // JSON syntax: the line and column of the fault itself, and what belonged there.
    row("a stray double comma names its line and column",
        "{\n  \"format\": \"latencylab-scenario\",,\n  \"version\": 1}", "line 2, column 35: ",
        words({"expected a field name in double quotes after ',', got another ','"}));
    row("a double comma in an array", R"({"a": [1,, 2]})", "line 1, column 10: ",
        words({"expected a value after ',', got another ','"}));
    row("a trailing comma in an object points at the comma", R"({"format": "latencylab-scenario", "version": 1,})",
        "line 1, column 47: ", words({"a ',' with no field after it, before '}'", "no trailing comma"}));
    row("a missing closing brace is found at the end", "{\"format\": \"latencylab-scenario\",\n \"version\": 1\n",
        "line 3, column 1: ", words({"the file ends inside the object opened at line 1, column 1", "expected ',' or '}'"}));
    row("a missing colon names the field", R"({"format" "latencylab-scenario"})", "line 1, column 11: ",
        words({"expected ':' after the field name \"format\", got a string"}));
    row("a line break in a field name keeps the message on one line", "{\"na\nme\" 1}", "line 2, column 5: ",
        words({"expected ':' after the field name \"na\\u000ame\", got 1"}));
    row("a missing comma between fields names the field before", R"({"format": "x" "version": 1})",
        "line 1, column 16: ", words({"expected ',' or '}' after the value of \"format\", got a string"}));
    row("a misspelt literal is quoted whole", R"({"format": tru})", "line 1, column 12: ",
        words({"expected a value after ':', got tru"}));
    row("columns count characters, not bytes", "{\"name\": \"Caf\xC3\xA9\",, \"version\": 1}", "line 1, column 17: ",
        words({"got another ','"}));

    // Items the window numbers from 1 are named as it names them, beside their index.
    row("an error in the second request names it \"Request 2\"",
        patched(R"({"requests": [{"steps": [{"cpu": 1}]}, {"steps": [{"io": "soon"}]}]})"),
        "requests[1] (\"Request 2\").steps[0].io: ", words({"expected a non-negative number of seconds, got \"soon\""}));
    row("a request with a name is named by it",
        patched(R"({"requests": [{"steps": [{"cpu": 1}]}, {"name": "GET /api/sun", "steps": [{"io": -1}]}]})"),
        "requests[1] (\"GET /api/sun\").steps[0].io: ", words({"got -1"}));
    row("an unknown field of a request names the request", patched(R"({"requests": [{"steps": [{"cpu": 1}]}, {"colour": 1}]})"),
        "requests[1] (\"Request 2\").colour: ", words({"unknown field"}));
    row("a field given twice in the second request names it",
        R"({"format": "latencylab-scenario", "version": 1, "name": "Twice", "server": {"model": "sync"},
            "requests": [{"steps": [{"cpu": 1}]}, {"steps": [{"cpu": 1, "cpu": 2}]}]})",
        "requests[1] (\"Request 2\").steps[0].cpu: ", words({"duplicate field"}));
}

void TestScenarioJson::malformedInputNamesTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, prefix);
    QFETCH(QStringList, words);

    const Result<Scenario> result = ScenarioJson::parse(json);
    QVERIFY2(!result.ok(), "the malformed input was accepted");
    const QString &message = result.error();
    QVERIFY2(message.startsWith(prefix), qPrintable(QStringLiteral("message: ") + message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    for (const QString &word : words)
        QVERIFY2(message.contains(word), qPrintable(QStringLiteral("no \"%1\" in: %2").arg(word, message)));
}

void TestScenarioJson::nonFiniteNumbersFromCodeAreRejected_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addRow("not a number") << std::numeric_limits<double>::quiet_NaN();
    QTest::addRow("infinity") << std::numeric_limits<double>::infinity();
}

void TestScenarioJson::nonFiniteNumbersFromCodeAreRejected()
{
    // JSON text cannot hold them, but a QJsonObject built in code can.
    QFETCH(double, seconds);
    QJsonObject object = validScenario();
    QJsonObject step;
    step.insert(u"io", seconds);
    QJsonObject request;
    request.insert(u"steps", QJsonArray{step});
    object.insert(u"requests", QJsonArray{request});

    const Result<Scenario> result = ScenarioJson::fromJson(object);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().startsWith(QStringLiteral("requests[0] (\"Request 1\").steps[0].io: expected a non-negative number of seconds")),
             qPrintable(result.error()));
}

void TestScenarioJson::generatedCountOverTheLimitFailsFast()
{
    QElapsedTimer timer;
    timer.start();
    const Result<Scenario> result = ScenarioJson::parse(
        patched(R"({"requests": null, "generate": {"count": 11000000, "arrival": {"poisson": 1}, "steps": [{"cpu": 1}]}})"));
    QVERIFY(!result.ok());
    QVERIFY(result.error().startsWith(QStringLiteral("generate.count: ")));
    // Generating or reserving eleven million requests would take far longer
    // than this. One-sided and generous, so measured once.
    VERIFY_WALL_CLOCK(timer.elapsed() < 1000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
}

void TestScenarioJson::duplicateKeyScan_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("duplicate"); // empty: none

    QTest::addRow("equal keys in sibling objects are not duplicates")
        << QByteArray(R"({"a": [{"k": 1}, {"k": 2}], "b": {"k": 3}})") << QString();
    QTest::addRow("keys quoted inside string values do not count")
        << QByteArray(R"({"name": "say \"name\": twice, name", "x": ["name", "name"]})") << QString();
    QTest::addRow("a repeated top-level key") << QByteArray(R"({"a": 1, "b": {"a": 2}, "a": 3})") << QStringLiteral("a");
    QTest::addRow("a repeated key deep in arrays names its path")
        << QByteArray(R"({"requests": [{"steps": []}, {"steps": [{"io": 1}, {"cpu": 1, "cpu": 2}]}]})")
        << QStringLiteral("requests[1].steps[1].cpu");
    QTest::addRow("a repeated key with an escaped quote in it")
        << QByteArray(R"({"o": {"a\"b": 1, "c": [], "a\"b": 2}})") << QStringLiteral("o.a\\\"b");
}

void TestScenarioJson::duplicateKeyScan()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, duplicate);

    QVERIFY2(!QJsonDocument::fromJson(json).isNull(), "the test input must be valid JSON");
    QCOMPARE(findDuplicateKey(json).value_or(QString()), duplicate);
}

void TestScenarioJson::saveToMissingFolderFailsAndLeavesNoFile()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("missing/scenario.json"));

    const Status status = ScenarioJson::save(handWrittenScenario(), path);

    QVERIFY(!status.ok());
    QVERIFY2(status.error().contains(QDir::toNativeSeparators(path)), qPrintable(status.error()));
    QVERIFY2(status.error().contains(QStringLiteral("does not exist")), qPrintable(status.error()));
    QVERIFY(!QFile::exists(path));
    QVERIFY(QDir(folder.path()).isEmpty());
}

void TestScenarioJson::saveThenLoadRoundTrips()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("scenario.json"));
    const Scenario scenario = generatedWith(bursts(3, 0.25));

    const Status saved = ScenarioJson::save(scenario, path);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error()));
    const Result<Scenario> loaded = ScenarioJson::load(path);

    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error()));
    QVERIFY(*loaded == scenario);
    // The save is atomic: no temporary file is left beside the scenario.
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("scenario.json")});
}

void TestScenarioJson::loadMissingFileNamesThePath()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("nowhere.json"));

    const Result<Scenario> result = ScenarioJson::load(path);

    QVERIFY(!result.ok());
    QCOMPARE(result.error(), QDir::toNativeSeparators(path) + QStringLiteral(": no such file"));
}

void TestScenarioJson::loadRefusesOversizedFileBeforeReading()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("huge.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(ScenarioJson::kMaxFileBytes + 1)); // sparse: costs no disk and no time
    file.close();

    const Result<Scenario> result = ScenarioJson::load(path);

    QVERIFY(!result.ok());
    QVERIFY2(result.error().startsWith(QDir::toNativeSeparators(path) + QStringLiteral(": ")), qPrintable(result.error()));
    QVERIFY2(result.error().contains(QStringLiteral("larger than 64 MB")), qPrintable(result.error()));
}

void TestScenarioJson::loadPrefixesParseErrorsWithThePath()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(patched(R"({"server": {"model": "sync", "workers": 0}})"));
    file.close();

    const Result<Scenario> result = ScenarioJson::load(path);

    QVERIFY(!result.ok());
    QVERIFY2(result.error().startsWith(QDir::toNativeSeparators(path) + QStringLiteral(": server.workers: ")),
             qPrintable(result.error()));
}

QTEST_GUILESS_MAIN(TestScenarioJson)
#include "tst_scenariojson.moc"
