#include "cli/commandline.h"

#include "cli/commandtables.h"
#include "model/presets.h"
#include "net/recording.h"

namespace LatencyLab::Core {

namespace {

using namespace CommandLine;

// `latencylab WORD` opens a file only when WORD looks like one, so a mistyped
// command ("simulat") is reported as such rather than as an unreadable file.
bool looksLikeScenarioFile(const QString &argument)
{
    return argument.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || argument.contains(QLatin1Char('/'));
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

// export --chart sweep|crossover: the parameters its chart needs, and none it has no place for.
Status checkExploreChart(const AppOptions &options, const QStringList &given, bool exploreChart)
{
    if (options.command != Command::Export)
        return success();
    if (!exploreChart) {
        for (const QString &sweepOption : {QStringLiteral("--param"), QStringLiteral("--param2"), QStringLiteral("--metric"), QStringLiteral("--dark")}) {
            if (given.contains(sweepOption))
                return fail(QStringLiteral("%1: only --chart sweep or crossover takes it, not --chart %2").arg(sweepOption, options.chart));
        }
        return success();
    }
    if (!options.sweepAxis)
        return fail(QStringLiteral("--chart %1: needs --param NAME=FROM:TO:N[:log], the parameter to vary").arg(options.chart));
    if (options.chart == QLatin1String("crossover") && !options.sweepAxis2)
        return fail(QStringLiteral("--chart crossover: a map needs a second parameter, --param2 NAME=FROM:TO:N[:log]; for one use --chart sweep"));
    if (options.chart == QLatin1String("sweep") && options.sweepAxis2)
        return fail(QStringLiteral("--param2: --chart sweep draws one parameter; use --chart crossover for a map of two"));
    return success();
}

// A bundle draws every chart of the scenario file as it stands, so it takes
// no chart of its own and nothing that would draw other than the file says.
Status checkBundle(const QStringList &given)
{
    for (const char *chartOption : {"--chart", "--out", "--order", "--omission", "--param", "--param2", "--metric", "--dark"}) {
        if (given.contains(QLatin1String(chartOption)))
            return fail(QStringLiteral("%1: not used with --bundle, which draws every chart the scenario has").arg(QLatin1String(chartOption)));
    }
    for (const char *serverOption : {"--model", "--workers", "--threads", "--gil", "--no-gil", "--cores", "--switch-interval",
                                     "--slices", "--no-slices"}) {
        if (given.contains(QLatin1String(serverOption)))
            return fail(QStringLiteral("%1: not used with --bundle, whose scenario.json must draw what it holds; change the "
                                       "scenario instead").arg(QLatin1String(serverOption)));
    }
    return success();
}

// export --animation: a Gantt chart replayed, in place of --out; --fps and
// --duration belong to it.
Status checkAnimation(const AppOptions &options, const QStringList &given)
{
    if (options.command != Command::Export)
        return success();
    if (options.animationPath.isEmpty()) {
        for (const char *animationOption : {"--fps", "--duration"}) {
            if (given.contains(QLatin1String(animationOption)))
                return fail(QStringLiteral("%1: only --animation takes it").arg(QLatin1String(animationOption)));
        }
        return success();
    }
    if (given.contains(QLatin1String("--out")))
        return fail(QStringLiteral("--out: not used with --animation, which names the file it writes"));
    if (options.chart != QLatin1String("gantt") && options.chart != QLatin1String("compare"))
        return fail(QStringLiteral("--animation: only --chart gantt or compare is replayed, not --chart %1").arg(options.chart));
    return success();
}

// Options that are each fine but do not go together.
Status checkCombinations(const AppOptions &options, const QStringList &given)
{
    if (given.contains(QLatin1String("--bundle")))
        return checkBundle(given);
    if (const Status animation = checkAnimation(options, given); !animation)
        return animation;
    if (options.command == Command::Record && options.recordSync && options.connections.value_or(1) != 1)
        return fail(QStringLiteral("--connections: --mode sync sends one request at a time; use --mode concurrent for %1 connections")
                        .arg(*options.connections));
    const bool ganttChart = options.chart == QLatin1String("gantt") || options.chart == QLatin1String("compare");
    const bool exploreChart = options.chart == QLatin1String("sweep") || options.chart == QLatin1String("crossover");
    if (options.slide && !ganttChart && !exploreChart)
        return fail(QStringLiteral("--slide: only --chart gantt, compare, sweep or crossover is drawn as a slide, not --chart %1").arg(options.chart));
    if (given.contains(QLatin1String("--order")) && !ganttChart)
        return fail(QStringLiteral("--order: only --chart gantt or compare has rows to order, not --chart %1").arg(options.chart));
    if (const Status explore = checkExploreChart(options, given, exploreChart); !explore)
        return explore;
    if (options.sweepAxis && options.sweepAxis2) {
        SweepSpec spec{*options.sweepAxis, options.sweepAxis2, options.sweepMetric};
        if (const Status valid = spec.validate(); !valid)
            return fail(QStringLiteral("--param2: ") + valid.error());
    }
    if (options.command == Command::Serve && options.server.model == QLatin1String("async") && given.contains(QLatin1String("--workers")))
        return fail(QStringLiteral("--workers: only for --model sync (async serves every request at once)"));
    return success();
}

Status checkScenario(const CommandDef &command, AppOptions &options, const QStringList &positionals)
{
    if (command.scenario == ScenarioArgument::Url)
        return checkUrl(command, options, positionals);
    if (command.scenario == ScenarioArgument::TraceFile) {
        if (positionals.size() != 1)
            return fail(positionals.isEmpty() ? QStringLiteral("%1: expected a FILE of traces or a HAR").arg(command.displayName())
                                              : QStringLiteral("unexpected argument \"%1\": %2 takes one FILE").arg(positionals.at(1), command.displayName()));
        options.traceFile = positionals.first();
        return success();
    }
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

    // --bundle stands in for --chart and --out, --animation for --out (its chart is compare unless told).
    const bool bundle = given.contains(QLatin1String("--bundle"));
    const bool animation = given.contains(QLatin1String("--animation"));
    if (animation && !given.contains(QLatin1String("--chart")))
        options.chart = QStringLiteral("compare");
    for (const QLatin1String &required : command->required) {
        if (!given.contains(required) && !bundle && !(animation && (required == QLatin1String("--out") || required == QLatin1String("--chart")))) {
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
