#include "cli/commandline.h"

#include "model/presets.h"
#include "model/scenario.h"
#include "net/demoserver.h"
#include "net/recording.h"
#include "realtime/realrunlimits.h"

#include <limits>

namespace LatencyLab::Core {

namespace {

// How a command treats a scenario (--preset NAME or a positional FILE).
// `Url`: the command takes one positional URL instead of a scenario.
enum class ScenarioArgument : quint8 { None, Optional, Required, Url };

// Stores an option's value in the options; flags receive an empty value.
// Returns an error naming `option` when the value is unusable.
using ApplyOption = Status (*)(AppOptions &options, const QString &option, const QString &value);

struct OptionDef
{
    QLatin1String name;
    QLatin1String valueName; // empty for a flag
    QString help;
    ApplyOption apply;
    QLatin1String excludes{}; // an option that may not be given together with this one
    // Set for a command's own row of an option other commands share by name
    // (serve's --model takes sync or async only).
    std::optional<Command> onlyFor{};

    bool takesValue() const { return !valueName.isEmpty(); }
};

struct CommandDef
{
    QLatin1String name; // the word after `latencylab`; empty for the window
    Command command;
    QLatin1String synopsis;
    QLatin1String summary;
    ScenarioArgument scenario;
    QList<QLatin1String> options;
    QList<QLatin1String> required{}; // options the command cannot do without

    QString displayName() const { return name.isEmpty() ? QStringLiteral("the window") : QString(name); }
};

Status fail(const QString &message)
{
    return Status::failure(message);
}

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

Status requireNonEmpty(const QString &option, const QString &value, const QString &what)
{
    if (value.isEmpty())
        return fail(QStringLiteral("%1: expected %2, got an empty value").arg(option, what));
    return success();
}

// Each side and the scale are bounded, and so is their product: a 16384² image
// at scale 4 would need 17 GB.
constexpr int kMinExportSide = 200;
constexpr int kMaxExportSide = 16384;
constexpr double kMinExportScale = 0.5;
constexpr double kMaxExportScale = 4.0;
constexpr double kMaxExportDevicePixels = 100e6; // 400 MB of ARGB

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
                        "answers per second, latency over time, histograms, wrk's summary) or latency (a producer/consumer "
                        "pipeline: each item's latency over time, sync against async)"),
         [](AppOptions &o, const QString &option, const QString &value) {
             static const QStringList kinds{QStringLiteral("gantt"), QStringLiteral("compare"), QStringLiteral("throughput"),
                                            QStringLiteral("latency")};
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
         }},
        {QLatin1String("--scale"), QLatin1String("F"), QStringLiteral("device pixels per logical pixel, %1 to %2 (2 for HiDPI)").arg(kMinExportScale).arg(kMaxExportScale),
         [](AppOptions &o, const QString &option, const QString &value) {
             bool ok = false;
             const double scale = value.toDouble(&ok);
             if (!ok || !(scale >= kMinExportScale && scale <= kMaxExportScale))
                 return fail(QStringLiteral("%1: expected a number from %2 to %3, got \"%4\"").arg(option).arg(kMinExportScale).arg(kMaxExportScale).arg(value));
             o.exportScale = scale;
             return success();
         }},
        {QLatin1String("--omission"), {},
         QStringLiteral("--chart throughput of a closed client: overlay coordinated omission (where each connection would "
                        "have sent at a steady pace, and the latencies corrected from those send times)"),
         [](AppOptions &o, const QString &, const QString &) {
             o.omission = true;
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
         QStringLiteral("send for D seconds, at most %1 (default %2)").arg(toSeconds(RecordLimits::kMaxDuration)).arg(toSeconds(RecordLimits::kDefaultDuration)),
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

// Options shared by every command that computes a scenario (simulate, run and export).
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
             + QList<QLatin1String>{QLatin1String("--json"), QLatin1String("--per-request"), QLatin1String("--timeline-csv")}},
        {QLatin1String("run"), Command::Run, QLatin1String("(--preset NAME | FILE.json) [options]"),
         QLatin1String("run it for real (the same requests, measured) and print measured and predicted metrics"),
         ScenarioArgument::Required,
         kScenarioOptions
             + QList<QLatin1String>{QLatin1String("--time-scale"), QLatin1String("--json"), QLatin1String("--per-request"),
                                    QLatin1String("--timeline-csv")}},
        {QLatin1String("export"), Command::Export, QLatin1String("(--preset NAME | FILE.json) --chart gantt|compare|throughput|latency --out OUT.png|OUT.svg [options]"),
         QLatin1String("draw a chart to a PNG or SVG file"), ScenarioArgument::Required,
         kScenarioOptions
             + QList<QLatin1String>{QLatin1String("--chart"), QLatin1String("--out"), QLatin1String("--size"), QLatin1String("--scale"),
                                    QLatin1String("--omission")},
         {QLatin1String("--chart"), QLatin1String("--out")}},
        {QLatin1String("record"), Command::Record, QLatin1String("URL [options]"),
         QLatin1String("send real HTTP requests to an http:// URL and score them like wrk"), ScenarioArgument::Url,
         {QLatin1String("--mode"), QLatin1String("--connections"), QLatin1String("--duration"), QLatin1String("--requests"),
          QLatin1String("--timeout"), QLatin1String("--json"), QLatin1String("--per-request"), QLatin1String("--timeline-csv")}},
        {QLatin1String("serve"), Command::Serve, QLatin1String("[options]"),
         QLatin1String("the demo server on 127.0.0.1 (GET /api/sun, /health) until interrupted"), ScenarioArgument::None,
         {QLatin1String("--port"), QLatin1String("--model"), QLatin1String("--workers"), QLatin1String("--delay")}},
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

// `latencylab WORD` opens a file only when WORD looks like one, so a mistyped
// command ("simulat") is reported as such rather than as an unreadable file.
bool looksLikeScenarioFile(const QString &argument)
{
    return argument.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || argument.contains(QLatin1Char('/'));
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

bool isOption(const QString &argument)
{
    return argument.startsWith(QLatin1Char('-')) && argument != QLatin1String("-");
}

AppOptions onlyCommand(Command command)
{
    AppOptions options;
    options.command = command;
    return options;
}

Status checkUrl(const CommandDef &command, AppOptions &options, const QStringList &positionals)
{
    if (positionals.isEmpty())
        return fail(QStringLiteral("%1: expected a URL, e.g. http://127.0.0.1:8000/api/sun").arg(command.displayName()));
    if (positionals.size() > 1)
        return fail(QStringLiteral("unexpected argument \"%1\": %2 takes one URL").arg(positionals.at(1), command.displayName()));
    if (const Result<QUrl> url = parseRecordUrl(positionals.first()); !url)
        return fail(url.error());
    options.url = positionals.first();
    return success();
}

// Options that are each fine but do not go together.
Status checkCombinations(const AppOptions &options, const QStringList &given)
{
    if (options.command == Command::Record && options.recordSync && options.connections.value_or(1) != 1)
        return fail(QStringLiteral("--connections: --mode sync sends one request at a time; use --mode concurrent for %1 connections")
                        .arg(*options.connections));
    if (options.command == Command::Serve && options.server.model == QLatin1String("async") && given.contains(QLatin1String("--workers")))
        return fail(QStringLiteral("--workers: only for --model sync (async serves every request at once)"));
    return success();
}

Status checkScenario(const CommandDef &command, AppOptions &options, const QStringList &positionals)
{
    if (command.scenario == ScenarioArgument::Url)
        return checkUrl(command, options, positionals);
    if (command.scenario == ScenarioArgument::None) {
        if (!positionals.isEmpty())
            return fail(QStringLiteral("unexpected argument \"%1\": %2 takes no file").arg(positionals.first(), command.displayName()));
        return success();
    }
    if (positionals.size() > 1)
        return fail(QStringLiteral("unexpected argument \"%1\": %2 takes one scenario FILE")
                        .arg(positionals.at(1), command.displayName()));
    if (!positionals.isEmpty())
        options.scenarioFile = positionals.first();
    if (!options.preset.isEmpty() && !options.scenarioFile.isEmpty())
        return fail(QStringLiteral("--preset: give either --preset NAME or a scenario FILE, not both (got --preset %1 and \"%2\")")
                        .arg(options.preset, options.scenarioFile));
    if (options.preset.isEmpty() && options.scenarioFile.isEmpty()) {
        if (command.scenario == ScenarioArgument::Required)
            return fail(QStringLiteral("%1: expected --preset NAME or a scenario FILE").arg(command.displayName()));
        options.preset = kDefaultPreset;
    }
    return success();
}

} // namespace

Result<AppOptions> parseCommandLine(const QStringList &arguments)
{
    // --help and --version win wherever they appear (before a lone "--").
    for (const QString &argument : arguments) {
        if (argument == QLatin1String("--"))
            break;
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h"))
            return onlyCommand(Command::Help);
        if (argument == QLatin1String("--version"))
            return onlyCommand(Command::Version);
    }

    const CommandDef *command = &guiCommand();
    qsizetype next = 0;
    if (!arguments.isEmpty() && !isOption(arguments.first())) {
        if (const CommandDef *named = findCommand(arguments.first())) {
            command = named;
            next = 1;
        } else if (!looksLikeScenarioFile(arguments.first())) {
            return Result<AppOptions>::failure(QStringLiteral("unknown command \"%1\" (expected %2, or a scenario FILE.json)")
                                                   .arg(arguments.first(), commandList()));
        }
    }

    AppOptions options;
    options.command = command->command;
    QStringList given;
    QStringList positionals;
    bool optionsEnded = false;
    for (; next < arguments.size(); ++next) {
        const QString &argument = arguments.at(next);
        if (!optionsEnded && argument == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        if (optionsEnded || !isOption(argument)) {
            positionals << argument;
            continue;
        }

        // Both `--workers 4` and `--workers=4`.
        const qsizetype equals = argument.indexOf(QLatin1Char('='));
        const QString name = equals > 0 ? argument.left(equals) : argument;
        const OptionDef *option = findOption(*command, name);
        if (!option)
            return Result<AppOptions>::failure(QStringLiteral("%1: unknown option for %2").arg(name, command->displayName()));
        if (given.contains(name))
            return Result<AppOptions>::failure(QStringLiteral("%1: given more than once").arg(name));
        if (!option->excludes.isEmpty() && given.contains(option->excludes))
            return Result<AppOptions>::failure(QStringLiteral("%1: cannot be combined with %2").arg(name, option->excludes));
        given << name;

        QString value;
        if (option->takesValue()) {
            if (equals > 0)
                value = argument.mid(equals + 1);
            else if (next + 1 < arguments.size() && !arguments.at(next + 1).startsWith(QLatin1String("--")))
                value = arguments.at(++next);
            else
                return Result<AppOptions>::failure(QStringLiteral("%1: missing value %2").arg(name, option->valueName));
        } else if (equals > 0) {
            return Result<AppOptions>::failure(QStringLiteral("%1: takes no value, got \"%2\"").arg(name, argument.mid(equals + 1)));
        }
        if (const Status applied = option->apply(options, name, value); !applied)
            return Result<AppOptions>::failure(applied.error());
    }

    for (const QLatin1String &required : command->required) {
        if (!given.contains(required)) {
            const OptionDef *option = findOption(*command, required);
            return Result<AppOptions>::failure(QStringLiteral("%1: required by %2 (%1 %3)").arg(required, command->displayName(), option->valueName));
        }
    }
    if (const Status combined = checkCombinations(options, given); !combined)
        return Result<AppOptions>::failure(combined.error());
    const double devicePixels = double(options.exportSize.width()) * options.exportSize.height() * options.exportScale * options.exportScale;
    if (devicePixels > kMaxExportDevicePixels)
        return Result<AppOptions>::failure(QStringLiteral("--size: %1x%2 at --scale %3 is %L4 million pixels; at most %L5 million")
                                               .arg(options.exportSize.width()).arg(options.exportSize.height()).arg(options.exportScale)
                                               .arg(devicePixels / 1e6, 0, 'f', 0).arg(kMaxExportDevicePixels / 1e6, 0, 'f', 0));
    if (const Status scenario = checkScenario(*command, options, positionals); !scenario)
        return Result<AppOptions>::failure(scenario.error());
    return options;
}

QString helpText()
{
    QString text = QStringLiteral("LatencyLab shows why asynchronous scheduling changes the latency people perceive.\n\nUsage:\n");
    // "  left        right", with right in one column; a long left gets a line of its own.
    const auto line = [](const QString &left, const QString &right, qsizetype column) -> QString {
        QString text = QStringLiteral("  ") + left;
        if (text.size() >= column)
            text += QLatin1Char('\n') + QString(column, QLatin1Char(' '));
        else
            text += QString(column - text.size(), QLatin1Char(' '));
        return text + right + QLatin1Char('\n');
    };
    constexpr qsizetype kUsageColumn = 44;
    constexpr qsizetype kOptionColumn = 24;
    for (const CommandDef &command : commandTable()) {
        QStringList words{QStringLiteral("latencylab")};
        if (!command.name.isEmpty())
            words << command.name;
        if (!command.synopsis.isEmpty())
            words << command.synopsis;
        text += line(words.join(QLatin1Char(' ')), command.summary, kUsageColumn);
    }
    text += line(QStringLiteral("latencylab --help | --version"), QStringLiteral("this text, or the version"), kUsageColumn);

    for (const CommandDef &command : commandTable()) {
        if (command.command == Command::Gui || command.options.isEmpty())
            continue;
        text += QStringLiteral("\nOptions of %1:\n").arg(command.name);
        for (const QLatin1String &name : command.options) {
            const OptionDef *option = findOption(command, name);
            QString left = name;
            if (option->takesValue())
                left += QLatin1Char(' ') + option->valueName;
            text += line(left, option->help, kOptionColumn);
        }
    }
    text += QStringLiteral("\nBad input exits with status 2 and one line on standard error.\n");
    return text;
}

} // namespace LatencyLab::Core
