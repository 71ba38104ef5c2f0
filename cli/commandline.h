#pragma once

#include "base/result.h"
#include "base/units.h"
#include "charts/roworder.h"
#include "explore/sweepspec.h"
#include "model/servermodel.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace LatencyLab::Core {

enum class Command : quint8 {
    Gui,      // `latencylab [FILE.json | --preset NAME]`
    Presets,  // `latencylab presets`
    Simulate, // `latencylab simulate (--preset NAME | FILE) [options]`
    Run,      // `latencylab run (--preset NAME | FILE) [options] [--time-scale X]`
    Export,   // `latencylab export (--preset NAME | FILE) (--chart KIND --out OUT.png|OUT.svg [--order ROWS | --param …] | --bundle OUT.zip | --animation OUT.gif …)`
    Record,   // `latencylab record URL [options]`: real HTTP requests, scored like wrk
    Serve,    // `latencylab serve [options]`: the demo HTTP server on 127.0.0.1
    Import,   // `latencylab import FILE [--format auto|otlp|jaeger|zipkin|har] [--out SCENARIO.json]`
    Sweep,    // `latencylab sweep (--preset NAME | FILE) --param NAME=FROM:TO:N[:log] [--param2 …] [--metric M] [--json | --csv OUT]`
    Help,     // `--help` anywhere
    Version,  // `--version` anywhere
};

// A ServerSpec that overrides nothing, not even the model.
inline ServerSpec noServerOverrides()
{
    ServerSpec spec;
    spec.model.clear();
    return spec;
}

// Everything the command line asked for, already validated.
struct AppOptions
{
    Command command = Command::Gui;

    // Where the scenario comes from: at most one of these is set.
    QString preset;
    QString scenarioFile;

    // Command-line overrides of the server. `model` is empty unless --model
    // was given (then the scenario's own model of that name is used); the
    // optional fields are set only by --workers, --threads, --gil/--no-gil
    // and --cores.
    ServerSpec server = noServerOverrides();

    std::optional<quint64> seed; // replaces the generator's seed
    bool json = false;
    bool perRequest = false;
    QString timelineCsvPath; // empty: no CSV
    // simulate: the requests as OTLP/JSON traces; serve: the requests served,
    // traced as the server worked, written when it stops (empty: none)
    QString otlpPath;

    // run: every duration is multiplied by this (0.1 runs 30 s in 3 s)
    double timeScale = 1.0;

    // export
    QString chart;               // "gantt", "compare", "throughput", "latency", "sweep" or "crossover"
    QString outPath;
    QSize exportSize{1600, 900}; // logical pixels
    double exportScale = 1.0;    // device pixels per logical pixel (2 for HiDPI)
    bool omission = false;       // throughput: the coordinated-omission overlay
    bool slide = false;          // gantt, compare: a slide (exportSize is then the slide's)
    Ui::RowOrder order = Ui::RowOrder::Arrival; // gantt, compare: the rows top to bottom
    bool dark = false;           // sweep, crossover: in the window's dark style
    QString bundlePath;          // --bundle OUT.zip: every chart, the CSV, the JSON and the scenario in one file
    QString animationPath;       // --animation OUT.gif|.mp4|.webm|FOLDER: the chart's replay (gantt or compare)
    int animationFps = 30;       // --fps (AnimationLimits::kDefaultFps)

    // record: the URL as given (already checked to be http:// with a host);
    // unset values take RecordOptions' defaults.
    QString url;
    bool recordSync = false;           // --mode sync
    std::optional<int> connections;
    std::optional<Nanos> duration;
    std::optional<qint64> requestCount;
    std::optional<Nanos> timeout;
    QString harPath; // the recorded requests as HAR 1.2 (empty: none)

    // sweep, and export --chart sweep|crossover: the first axis (required), a second for a map,
    // what decides the winner, the CSV to write (sweep only)
    std::optional<SweepAxis> sweepAxis;
    std::optional<SweepAxis> sweepAxis2;
    SweepMetric sweepMetric = SweepMetric::P99;
    QString csvPath;

    // import: the trace or HAR file, its format ("auto" tells it by the file's
    // top level); the scenario to write goes to `outPath`
    QString traceFile;
    QString traceFormat = QStringLiteral("auto");

    // serve (its --model and --workers land in `server`)
    std::optional<int> port;
    std::optional<Nanos> delay;

    friend bool operator==(const AppOptions &, const AppOptions &) = default;
};

// Parses the arguments after argv[0]. Pure: touches no file and no
// QCoreApplication, so it is tested directly. Every error is one line that
// names the option or argument at fault.
Result<AppOptions> parseCommandLine(const QStringList &arguments);

// The usage text printed by --help, generated from the parser's own tables.
QString helpText();

} // namespace LatencyLab::Core
