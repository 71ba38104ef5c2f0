#include "cli/commandtables.h"

#include "charts/animationformat.h"

#include "export/exportpreset.h"

#include "model/presets.h"
#include "model/scenario.h"
#include "net/demoserver.h"
#include "net/recording.h"
#include "realtime/realrunlimits.h"
#include "traces/traceformat.h"

#include <limits>

namespace LatencyLab::Core::CommandLine {

Status fail(const QString &message)
{
    return Status::failure(message);
}

namespace {

bool isInteger(const QString &text)
{
    // QString::toLongLong() tolerates spaces and a '+': the command line should not.
    const QStringView digits = text.startsWith(QLatin1Char('-')) ? QStringView(text).mid(1) : QStringView(text);
    if (digits.isEmpty())
        return false;
    for (QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

Result<int> parseIntInRange(const QString &option, const QString &value, int min, int max)
{
    bool ok = isInteger(value);
    const qint64 number = ok ? value.toLongLong(&ok) : 0;
    if (!ok || number < min || number > max)
        return Result<int>::failure(QStringLiteral("%1: expected an integer from %2 to %3, got \"%4\"")
                                        .arg(option).arg(min).arg(max).arg(value));
    return int(number);
}

// Parses a bounded integer into one of the optional server fields.
template<int Min, int Max>
Status setServerInt(std::optional<int> ServerSpec::*field, AppOptions &options, const QString &option, const QString &value)
{
    const auto number = parseIntInRange(option, value, Min, Max);
    if (!number)
        return fail(number.error());
    options.server.*field = *number;
    return success();
}

// Sets one of the server's yes/no fields: --gil and --no-gil, --slices and --no-slices.
template<std::optional<bool> ServerSpec::*Field, bool Value>
Status setServerFlag(AppOptions &options, const QString &, const QString &)
{
    options.server.*Field = Value;
    return success();
}

// Seconds from the command line, as integer nanoseconds within [min, max]
// (`min` itself excluded when `minExcluded`).
Result<Nanos> parseSecondsInRange(const QString &option, const QString &value, Nanos min, Nanos max, bool minExcluded = false)
{
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    const bool inRange = ok && seconds >= toSeconds(min) && seconds <= toSeconds(max) && !(minExcluded && seconds <= toSeconds(min));
    if (!inRange) {
        const QString range = minExcluded ? QStringLiteral("seconds above %1, at most %2") : QStringLiteral("seconds from %1 to %2");
        return Result<Nanos>::failure(QStringLiteral("%1: expected %2, got \"%3\"")
                                          .arg(option, range.arg(toSeconds(min)).arg(toSeconds(max)), value));
    }
    return fromSeconds(seconds);
}

// "arrival, response, own, slowdown": the words --order takes.
QString rowOrderKeys()
{
    QStringList keys;
    for (const Ui::RowOrder order : Ui::allRowOrders())
        keys << Ui::rowOrderKey(order);
    return keys.join(QStringLiteral(", "));
}

Status requireNonEmpty(const QString &option, const QString &value, const QString &what)
{
    if (value.isEmpty())
        return fail(QStringLiteral("%1: expected %2, got an empty value").arg(option, what));
    return success();
}

Status setSweepAxis(std::optional<SweepAxis> &axis, const QString &option, const QString &value)
{
    Result<SweepAxis> parsed = SweepAxis::parse(value, option);
    if (!parsed)
        return fail(parsed.error());
    axis = *parsed;
    return success();
}

} // namespace

const QList<OptionDef> &optionTable()
{
    static const QList<OptionDef> table = {
        {QLatin1String("--preset"), QLatin1String("NAME"), QStringLiteral("a preset scenario (see `latencylab presets`)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             o.preset = value;
             return requireNonEmpty(option, value, QStringLiteral("a preset name"));
         }},
        {QLatin1String("--model"), QLatin1String("NAME"),
         QStringLiteral("sync, async, threads or processes (default: the scenario's server)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             const QStringList names = ServerModel::presetNames();
             if (!names.contains(value))
                 return fail(QStringLiteral("%1: unknown model \"%2\" (expected one of: %3)")
                                 .arg(option, value, names.join(QStringLiteral(", "))));
             o.server.model = value;
             return success();
         }},
        {QLatin1String("--workers"), QLatin1String("N"), QStringLiteral("worker processes, 1 to %1").arg(Limits::kMaxWorkers),
         [](AppOptions &o, const QString &option, const QString &value) {
             return setServerInt<1, Limits::kMaxWorkers>(&ServerSpec::workers, o, option, value);
         }},
        {QLatin1String("--threads"), QLatin1String("K"), QStringLiteral("requests at a time per worker, 1 to %1").arg(Limits::kMaxThreads),
         [](AppOptions &o, const QString &option, const QString &value) {
             return setServerInt<1, Limits::kMaxThreads>(&ServerSpec::threads, o, option, value);
         }},
        {QLatin1String("--gil"), {}, QStringLiteral("threads of one worker share one processor for cpu steps"),
         setServerFlag<&ServerSpec::gil, true>, QLatin1String("--no-gil")},
        {QLatin1String("--no-gil"), {}, QStringLiteral("threads run cpu steps in parallel"), setServerFlag<&ServerSpec::gil, false>,
         QLatin1String("--gil")},
        {QLatin1String("--cores"), QLatin1String("P"), QStringLiteral("cpu steps running at once on the machine, 0 (no limit) to %1").arg(Limits::kMaxCores),
         [](AppOptions &o, const QString &option, const QString &value) {
             return setServerInt<0, Limits::kMaxCores>(&ServerSpec::cores, o, option, value);
         }},
        {QLatin1String("--switch-interval"), QLatin1String("S"),
         QStringLiteral("seconds a thread keeps the GIL, or a core, while another waits, %1 to %2 (default %3, CPython's)")
             .arg(toSeconds(ServerModel::kMinSwitchInterval)).arg(toSeconds(ServerModel::kMaxSwitchInterval))
             .arg(toSeconds(ServerModel::kDefaultSwitchInterval)),
         [](AppOptions &o, const QString &option, const QString &value) {
             const auto interval = parseSecondsInRange(option, value, ServerModel::kMinSwitchInterval, ServerModel::kMaxSwitchInterval);
             if (!interval)
                 return fail(interval.error());
             o.server.switchInterval = *interval;
             return success();
         }},
        {QLatin1String("--slices"), {}, QStringLiteral("time-shared cpu steps take turns of a switch interval, drawn one by one"),
         setServerFlag<&ServerSpec::slices, true>, QLatin1String("--no-slices")},
        {QLatin1String("--no-slices"), {}, QStringLiteral("time-shared cpu steps run at their share of a core (the default)"),
         setServerFlag<&ServerSpec::slices, false>, QLatin1String("--slices")},
        {QLatin1String("--seed"), QLatin1String("S"), QStringLiteral("seed of generated requests (a non-negative integer)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             bool ok = isInteger(value) && !value.startsWith(QLatin1Char('-'));
             const quint64 seed = ok ? value.toULongLong(&ok) : 0;
             if (!ok)
                 return fail(QStringLiteral("%1: expected a non-negative integer up to %2, got \"%3\"")
                                 .arg(option).arg(std::numeric_limits<quint64>::max()).arg(value));
             o.seed = seed;
             return success();
         }},
        {QLatin1String("--json"), {}, QStringLiteral("print one JSON object instead of a table"),
         [](AppOptions &o, const QString &, const QString &) {
             o.json = true;
             return success();
         }},
        {QLatin1String("--per-request"), {}, QStringLiteral("add every request's arrival, duration, response and slowdown"),
         [](AppOptions &o, const QString &, const QString &) {
             o.perRequest = true;
             return success();
         }},
        {QLatin1String("--timeline-csv"), QLatin1String("OUT"), QStringLiteral("write every span of the timeline to OUT as CSV"),
         [](AppOptions &o, const QString &option, const QString &value) {
             o.timelineCsvPath = value;
             return requireNonEmpty(option, value, QStringLiteral("a file path"));
         }},
        {QLatin1String("--otlp"), QLatin1String("OUT.json"),
         QStringLiteral("write the requests as OpenTelemetry OTLP/JSON traces to OUT.json, one trace per request "
                        "(serve: those it answered, when it stops)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             o.otlpPath = value;
             return requireNonEmpty(option, value, QStringLiteral("a file path"));
         }},
        {QLatin1String("--har"), QLatin1String("OUT.har"), QStringLiteral("write the recorded requests to OUT.har as HAR 1.2 (a browser's DevTools opens it)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             o.harPath = value;
             return requireNonEmpty(option, value, QStringLiteral("a file path"));
         }},
        {QLatin1String("--time-scale"), QLatin1String("X"),
         QStringLiteral("multiply every duration by X, %1 to %2 (0.1 runs 30 s in 3 s; default 1)")
             .arg(RealRunLimits::kMinTimeScale).arg(RealRunLimits::kMaxTimeScale),
         [](AppOptions &o, const QString &option, const QString &value) {
             bool ok = false;
             const double scale = value.toDouble(&ok);
             if (!ok || !(scale >= RealRunLimits::kMinTimeScale && scale <= RealRunLimits::kMaxTimeScale))
                 return fail(QStringLiteral("%1: expected a number from %2 to %3, got \"%4\"")
                                 .arg(option).arg(RealRunLimits::kMinTimeScale).arg(RealRunLimits::kMaxTimeScale).arg(value));
             o.timeScale = scale;
             return success();
         }},
        {QLatin1String("--chart"), QLatin1String("KIND"),
         QStringLiteral("gantt (the scenario's model), compare (all its models on one axis), throughput (the load view: "
                        "answers per second, latency over time, histograms, wrk's summary), latency (a producer/consumer "
                        "pipeline: each item's latency over time, sync against async), sweep (the Explore tab's metric "
                        "against --param, one line per model) or crossover (its map of who wins over --param and --param2)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             static const QStringList kinds{QStringLiteral("gantt"),   QStringLiteral("compare"), QStringLiteral("throughput"),
                                            QStringLiteral("latency"), QStringLiteral("sweep"),   QStringLiteral("crossover")};
             if (!kinds.contains(value))
                 return fail(QStringLiteral("%1: unknown chart \"%2\" (expected one of: %3)").arg(option, value, kinds.join(QStringLiteral(", "))));
             o.chart = value;
             return success();
         }},
        {QLatin1String("--out"), QLatin1String("OUT"), QStringLiteral("the image to write: OUT.png or OUT.svg"),
         [](AppOptions &o, const QString &option, const QString &value) {
             if (const Status given = requireNonEmpty(option, value, QStringLiteral("a file path")); !given)
                 return given;
             if (!value.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) && !value.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive))
                 return fail(QStringLiteral("%1: expected a file name ending in .png or .svg, got \"%2\"").arg(option, value));
             o.outPath = value;
             return success();
         }},
        {QLatin1String("--size"), QLatin1String("WxH"), QStringLiteral("image size in logical pixels, each side %1 to %2 (default 1600x900)").arg(kMinExportSide).arg(kMaxExportSide),
         [](AppOptions &o, const QString &option, const QString &value) {
             const QStringList sides = value.split(QLatin1Char('x'));
             const auto bad = [&] {
                 return fail(QStringLiteral("%1: expected WIDTHxHEIGHT with each side from %2 to %3, got \"%4\"")
                                 .arg(option).arg(kMinExportSide).arg(kMaxExportSide).arg(value));
             };
             if (sides.size() != 2)
                 return bad();
             const auto width = parseIntInRange(option, sides[0], kMinExportSide, kMaxExportSide);
             const auto height = parseIntInRange(option, sides[1], kMinExportSide, kMaxExportSide);
             if (!width || !height)
                 return bad();
             o.exportSize = QSize(*width, *height);
             return success();
         },
         QLatin1String("--slide")},
        {QLatin1String("--scale"), QLatin1String("F"), QStringLiteral("device pixels per logical pixel, %1 to %2 (2 for HiDPI)").arg(kMinExportScale).arg(kMaxExportScale),
         [](AppOptions &o, const QString &option, const QString &value) {
             bool ok = false;
             const double scale = value.toDouble(&ok);
             if (!ok || !(scale >= kMinExportScale && scale <= kMaxExportScale))
                 return fail(QStringLiteral("%1: expected a number from %2 to %3, got \"%4\"").arg(option).arg(kMinExportScale).arg(kMaxExportScale).arg(value));
             o.exportScale = scale;
             return success();
         }},
        {QLatin1String("--slide"), {},
         QStringLiteral("--chart gantt, compare, sweep or crossover as a slide: %1x%2 (16:9), larger type and strokes (gantt "
                        "and compare: a caption with the scenario and its takeaway)").arg(Ui::kSlideSize.width()).arg(Ui::kSlideSize.height()),
         [](AppOptions &o, const QString &, const QString &) {
             o.slide = true;
             o.exportSize = Ui::kSlideSize;
             return success();
         },
         QLatin1String("--size")},
        {QLatin1String("--order"), QLatin1String("ROWS"),
         QStringLiteral("--chart gantt or compare: the rows top to bottom by arrival (default), response (response time), "
                        "own (own duration) or slowdown (response ÷ own duration); all but arrival put the slowest at the bottom"),
         [](AppOptions &o, const QString &option, const QString &value) {
             const std::optional<Ui::RowOrder> order = Ui::rowOrderFromKey(value);
             if (!order)
                 return fail(QStringLiteral("%1: unknown order \"%2\" (expected one of: %3)").arg(option, value, rowOrderKeys()));
             o.order = *order;
             return success();
         }},
        {QLatin1String("--dark"), {}, QStringLiteral("--chart sweep or crossover in the window's dark style"),
         [](AppOptions &o, const QString &, const QString &) {
             o.dark = true;
             return success();
         }},
        {QLatin1String("--omission"), {},
         QStringLiteral("--chart throughput of a closed client: overlay coordinated omission (where each connection would "
                        "have sent at a steady pace, and the latencies corrected from those send times)"),
         [](AppOptions &o, const QString &, const QString &) {
             o.omission = true;
             return success();
         }},
        {QLatin1String("--bundle"), QLatin1String("OUT.zip"),
         QStringLiteral("instead of --chart and --out: one zip file with the PNG and SVG of every chart, the timeline CSV, the "
                        "metrics JSON, the scenario with its seed, the version and a README with the command that makes each again"),
         [](AppOptions &o, const QString &option, const QString &value) {
             if (const Status given = requireNonEmpty(option, value, QStringLiteral("a file path")); !given)
                 return given;
             if (!value.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
                 return fail(QStringLiteral("%1: expected a file name ending in .zip, got \"%2\"").arg(option, value));
             o.bundlePath = value;
             return success();
         }},
        {QLatin1String("--animation"), QLatin1String("OUT"),
         QStringLiteral("instead of --out: --chart gantt or compare (the default) replayed as the requests happened, as a "
                        ".gif, .mp4 or .webm (encoded by ffmpeg) or PNG frames into a new folder (a path without an extension)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             if (const Status given = requireNonEmpty(option, value, QStringLiteral("a file or folder path")); !given)
                 return given;
             if (const Core::Result<Ui::AnimationFormat> format = Ui::animationFormatFor(value); !format)
                 return fail(QStringLiteral("%1: %2").arg(option, format.error()));
             o.animationPath = value;
             return success();
         }},
        {QLatin1String("--fps"), QLatin1String("N"),
         QStringLiteral("--animation: frames per second, 1 to %1 (default %2)").arg(Ui::AnimationLimits::kMaxFps).arg(Ui::AnimationLimits::kDefaultFps),
         [](AppOptions &o, const QString &option, const QString &value) {
             const auto number = parseIntInRange(option, value, 1, Ui::AnimationLimits::kMaxFps);
             if (!number)
                 return fail(number.error());
             o.animationFps = *number;
             return success();
         }},
        // --- record ---
        {QLatin1String("--mode"), QLatin1String("MODE"), QStringLiteral("sync (one request at a time) or concurrent (default: --connections in flight)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             if (value != QLatin1String("sync") && value != QLatin1String("concurrent"))
                 return fail(QStringLiteral("%1: unknown mode \"%2\" (expected one of: sync, concurrent)").arg(option, value));
             o.recordSync = value == QLatin1String("sync");
             return success();
         }},
        {QLatin1String("--connections"), QLatin1String("C"),
         QStringLiteral("connections, each with one request in flight, 1 to %1 (default %2)").arg(RecordLimits::kMaxConnections).arg(RecordLimits::kDefaultConnections),
         [](AppOptions &o, const QString &option, const QString &value) {
             const auto number = parseIntInRange(option, value, 1, RecordLimits::kMaxConnections);
             if (!number)
                 return fail(number.error());
             o.connections = *number;
             return success();
         }},
        {QLatin1String("--duration"), QLatin1String("D"),
         QStringLiteral("record: send for D seconds, at most %1 (default %2); export --animation: play the replay in D "
                        "seconds, at most %3 (default %4)")
             .arg(toSeconds(RecordLimits::kMaxDuration)).arg(toSeconds(RecordLimits::kDefaultDuration))
             .arg(Ui::AnimationLimits::kMaxSeconds).arg(Ui::AnimationLimits::kDefaultSeconds),
         [](AppOptions &o, const QString &option, const QString &value) {
             const auto seconds = parseSecondsInRange(option, value, 0, RecordLimits::kMaxDuration, true);
             if (!seconds)
                 return fail(seconds.error());
             o.duration = *seconds;
             return success();
         },
         QLatin1String("--requests")},
        {QLatin1String("--requests"), QLatin1String("N"), QStringLiteral("send N requests instead, 1 to %L1").arg(RecordLimits::kMaxRequests),
         [](AppOptions &o, const QString &option, const QString &value) {
             const auto number = parseIntInRange(option, value, 1, int(RecordLimits::kMaxRequests));
             if (!number)
                 return fail(number.error());
             o.requestCount = *number;
             return success();
         },
         QLatin1String("--duration")},
        {QLatin1String("--timeout"), QLatin1String("T"),
         QStringLiteral("answers later than T count as timeouts (as in wrk), %1 to %2 s (default %3)")
             .arg(toSeconds(RecordLimits::kMinTimeout)).arg(toSeconds(RecordLimits::kMaxTimeout)).arg(toSeconds(RecordLimits::kDefaultTimeout)),
         [](AppOptions &o, const QString &option, const QString &value) {
             const auto seconds = parseSecondsInRange(option, value, RecordLimits::kMinTimeout, RecordLimits::kMaxTimeout);
             if (!seconds)
                 return fail(seconds.error());
             o.timeout = *seconds;
             return success();
         }},
        // --- sweep ---
        {QLatin1String("--param"), QLatin1String("NAME=FROM:TO:N[:log]"),
         QStringLiteral("the parameter to sweep over N points (at most %1), evenly or on a log scale; NAME one of: %2")
             .arg(SweepAxis::kMaxPoints).arg(sweepParameterNames().join(QStringLiteral(", "))),
         [](AppOptions &o, const QString &option, const QString &value) { return setSweepAxis(o.sweepAxis, option, value); }},
        {QLatin1String("--param2"), QLatin1String("NAME=FROM:TO:N[:log]"),
         QStringLiteral("a second parameter: a map of cells, each naming the model that wins (or a tie), at most %1 cells")
             .arg(SweepSpec::kMaxCells),
         [](AppOptions &o, const QString &option, const QString &value) { return setSweepAxis(o.sweepAxis2, option, value); }},
        {QLatin1String("--metric"), QLatin1String("M"),
         QStringLiteral("what the models are compared by: %1 (default p99; throughput: higher wins)").arg(sweepMetricNames().join(QStringLiteral(", "))),
         [](AppOptions &o, const QString &option, const QString &value) {
             const std::optional<SweepMetric> metric = sweepMetricFromName(value);
             if (!metric)
                 return fail(QStringLiteral("%1: unknown metric \"%2\" (expected one of: %3)").arg(option, value, sweepMetricNames().join(QStringLiteral(", "))));
             o.sweepMetric = *metric;
             return success();
         }},
        {QLatin1String("--csv"), QLatin1String("OUT"), QStringLiteral("write one row per point and model to OUT as CSV instead of printing"),
         [](AppOptions &o, const QString &option, const QString &value) {
             o.csvPath = value;
             return requireNonEmpty(option, value, QStringLiteral("a file path"));
         },
         QLatin1String("--json")},
        // --- import ---
        {QLatin1String("--format"), QLatin1String("F"),
         QStringLiteral("auto (told by the file; default), otlp (OpenTelemetry OTLP/JSON), jaeger (Jaeger JSON), zipkin "
                        "(Zipkin v2 JSON) or har (HAR 1.2)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             if (!traceFormatFromKey(value))
                 return fail(QStringLiteral("%1: unknown format \"%2\" (expected one of: %3)").arg(option, value, traceFormatKeys().join(QStringLiteral(", "))));
             o.traceFormat = value;
             return success();
         }},
        {QLatin1String("--out"), QLatin1String("SCENARIO.json"), QStringLiteral("write the requests as a scenario to SCENARIO.json (replaced whole, or not at all)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             if (!value.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
                 return fail(QStringLiteral("%1: expected a scenario file name ending in .json, got \"%2\"").arg(option, value));
             o.outPath = value;
             return success();
         },
         {}, Command::Import},
        // --- serve ---
        {QLatin1String("--port"), QLatin1String("P"), QStringLiteral("port on 127.0.0.1, 0 (any free one) to 65535 (default 8000)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             const auto number = parseIntInRange(option, value, 0, 65535);
             if (!number)
                 return fail(number.error());
             o.port = *number;
             return success();
         }},
        {QLatin1String("--delay"), QLatin1String("S"),
         QStringLiteral("seconds GET /api/sun waits, as two upstream calls, 0 to %1 (default %2)")
             .arg(toSeconds(DemoServer::kMaxDelay)).arg(toSeconds(DemoServer::kDefaultDelay)),
         [](AppOptions &o, const QString &option, const QString &value) {
             const auto seconds = parseSecondsInRange(option, value, 0, DemoServer::kMaxDelay);
             if (!seconds)
                 return fail(seconds.error());
             o.delay = *seconds;
             return success();
         }},
        {QLatin1String("--model"), QLatin1String("NAME"), QStringLiteral("sync (--workers requests at a time; default) or async (all at once)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             if (value != QLatin1String("sync") && value != QLatin1String("async"))
                 return fail(QStringLiteral("%1: the demo server runs sync or async, got \"%2\"").arg(option, value));
             o.server.model = value;
             return success();
         },
         {}, Command::Serve},
        {QLatin1String("--workers"), QLatin1String("W"),
         QStringLiteral("sync: requests served at a time, 1 to %1 (default %2)").arg(DemoServer::kMaxWorkers).arg(DemoServer::kDefaultWorkers),
         [](AppOptions &o, const QString &option, const QString &value) {
             return setServerInt<1, DemoServer::kMaxWorkers>(&ServerSpec::workers, o, option, value);
         },
         {}, Command::Serve},
    };
    return table;
}

// Options shared by every command that computes a scenario (simulate, run, sweep and export).
const QList<QLatin1String> kScenarioOptions = {
    QLatin1String("--preset"), QLatin1String("--model"), QLatin1String("--workers"), QLatin1String("--threads"),
    QLatin1String("--gil"), QLatin1String("--no-gil"), QLatin1String("--cores"), QLatin1String("--switch-interval"),
    QLatin1String("--slices"), QLatin1String("--no-slices"), QLatin1String("--seed"),
};

// Adding a command is adding a row here (and its handler in headless.cpp).
const QList<CommandDef> &commandTable()
{
    static const QList<CommandDef> table = {
        {{}, Command::Gui, QLatin1String("[FILE.json | --preset NAME]"),
         QLatin1String("open the window (on the three-requests preset by default)"), ScenarioArgument::Optional,
         {QLatin1String("--preset")}},
        {QLatin1String("presets"), Command::Presets, {}, QLatin1String("list the preset scenarios"), ScenarioArgument::None, {}},
        {QLatin1String("simulate"), Command::Simulate, QLatin1String("(--preset NAME | FILE.json) [options]"),
         QLatin1String("simulate in virtual time and print the metrics"), ScenarioArgument::Required,
         kScenarioOptions
             + QList<QLatin1String>{QLatin1String("--json"), QLatin1String("--per-request"), QLatin1String("--timeline-csv"),
                                    QLatin1String("--otlp")}},
        {QLatin1String("run"), Command::Run, QLatin1String("(--preset NAME | FILE.json) [options]"),
         QLatin1String("run it for real (the same requests, measured) and print measured and predicted metrics"),
         ScenarioArgument::Required,
         kScenarioOptions
             + QList<QLatin1String>{QLatin1String("--time-scale"), QLatin1String("--json"), QLatin1String("--per-request"),
                                    QLatin1String("--timeline-csv")}},
        {QLatin1String("export"), Command::Export, QLatin1String("(--preset NAME | FILE.json) (--chart gantt|compare|throughput|latency|sweep|crossover --out OUT.png|OUT.svg | --bundle OUT.zip | [--chart gantt|compare] --animation OUT.gif|OUT.mp4|OUT.webm|FOLDER) [options]"),
         QLatin1String("draw a chart to a PNG or SVG file, every chart and its data to a zip file, or a chart's replay to an animation"), ScenarioArgument::Required,
         kScenarioOptions
             + QList<QLatin1String>{QLatin1String("--chart"), QLatin1String("--out"), QLatin1String("--size"), QLatin1String("--slide"),
                                    QLatin1String("--scale"), QLatin1String("--order"), QLatin1String("--omission"), QLatin1String("--param"),
                                    QLatin1String("--param2"), QLatin1String("--metric"), QLatin1String("--dark"), QLatin1String("--bundle"),
                                    QLatin1String("--animation"), QLatin1String("--fps"), QLatin1String("--duration")},
         {QLatin1String("--chart"), QLatin1String("--out")}},
        {QLatin1String("sweep"), Command::Sweep, QLatin1String("(--preset NAME | FILE.json) --param NAME=FROM:TO:N[:log] [--param2 NAME=FROM:TO:N[:log]] [--metric M] [--json | --csv OUT]"),
         QLatin1String("simulate every compared model over a range of a parameter (or a map of two) and name the winner"),
         ScenarioArgument::Required,
         kScenarioOptions
             + QList<QLatin1String>{QLatin1String("--param"), QLatin1String("--param2"), QLatin1String("--metric"), QLatin1String("--json"),
                                    QLatin1String("--csv")},
         {QLatin1String("--param")}},
        {QLatin1String("record"), Command::Record, QLatin1String("URL [options]"),
         QLatin1String("send real HTTP requests to an http:// URL and score them like wrk"), ScenarioArgument::Url,
         {QLatin1String("--mode"), QLatin1String("--connections"), QLatin1String("--duration"), QLatin1String("--requests"),
          QLatin1String("--timeout"), QLatin1String("--json"), QLatin1String("--per-request"), QLatin1String("--timeline-csv"),
          QLatin1String("--har")}},
        {QLatin1String("import"), Command::Import, QLatin1String("FILE [--format auto|otlp|jaeger|zipkin|har] [--out SCENARIO.json]"),
         QLatin1String("read traces (OpenTelemetry, Jaeger, Zipkin) or a HAR into requests, and write them as a scenario"),
         ScenarioArgument::TraceFile, {QLatin1String("--format"), QLatin1String("--out")}},
        {QLatin1String("serve"), Command::Serve, QLatin1String("[options]"),
         QLatin1String("the demo server on 127.0.0.1 (GET /api/sun, /health) until interrupted"), ScenarioArgument::None,
         {QLatin1String("--port"), QLatin1String("--model"), QLatin1String("--workers"), QLatin1String("--delay"), QLatin1String("--otlp")}},
    };
    return table;
}

const CommandDef &guiCommand()
{
    return commandTable().constFirst();
}

const CommandDef *findCommand(const QString &word)
{
    for (const CommandDef &command : commandTable()) {
        if (!command.name.isEmpty() && command.name == word)
            return &command;
    }
    return nullptr;
}

const OptionDef *findOption(const CommandDef &command, const QString &name)
{
    if (!command.options.contains(name))
        return nullptr;
    // A row of the command's own comes before the shared one.
    for (const OptionDef &option : optionTable()) {
        if (option.name == name && option.onlyFor == command.command)
            return &option;
    }
    for (const OptionDef &option : optionTable()) {
        if (option.name == name && !option.onlyFor)
            return &option;
    }
    Q_ASSERT_X(false, "findOption", "a command lists an option missing from the option table");
    return nullptr;
}

QString commandList()
{
    QStringList names;
    for (const CommandDef &command : commandTable()) {
        if (!command.name.isEmpty())
            names << command.name;
    }
    return names.join(QStringLiteral(", "));
}

} // namespace LatencyLab::Core::CommandLine
