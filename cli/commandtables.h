#pragma once

// The command line's tables: every option and every command, with how each
// option's value is checked and stored. parseCommandLine (commandline.cpp)
// walks them, and helpText prints them.

#include "cli/commandline.h"

#include <QLatin1String>
#include <QList>

#include <optional>

namespace LatencyLab::Core::CommandLine {

// How a command treats a scenario (--preset NAME or a positional FILE).
// `Url`: the command takes one positional URL instead of a scenario;
// `TraceFile`: one positional file of traces (or a HAR).
enum class ScenarioArgument : quint8 { None, Optional, Required, Url, TraceFile };

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

// Each side and the scale are bounded, and so is their product: a 16384² image
// at scale 4 would need 17 GB.
constexpr int kMinExportSide = 200;
constexpr int kMaxExportSide = 16384;
constexpr double kMinExportScale = 0.5;
constexpr double kMaxExportScale = 4.0;
constexpr double kMaxExportDevicePixels = 100e6; // 400 MB of ARGB

// The table of every option, and that of every command.
const QList<OptionDef> &optionTable();
const QList<CommandDef> &commandTable();
// The window's row of commandTable(): what `latencylab` alone takes.
const CommandDef &guiCommand();
const CommandDef *findCommand(const QString &word);
// `command`'s row for option `name` (its own row first), or null when the command does not take it.
const OptionDef *findOption(const CommandDef &command, const QString &name);
// "presets, simulate, run, export, sweep, record, serve".
QString commandList();
Status fail(const QString &message);

} // namespace LatencyLab::Core::CommandLine
