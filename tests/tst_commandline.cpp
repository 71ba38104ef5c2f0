#include "cli/commandline.h"
#include "cli/headless.h"
#include "model/scenario.h"

#include <QTest>

#include <limits>

using namespace LatencyLab::Core;

namespace LatencyLab::Core {

// Readable QCOMPARE failures.
char *toString(const AppOptions &o)
{
    const auto opt = [](const auto &value) { return value ? QString::number(*value) : QStringLiteral("-"); };
    const QString text =
        QStringLiteral("{command %1, preset \"%2\", file \"%3\", model \"%4\", workers %5, threads %6, gil %7, cores %8, "
                       "seed %9, json %10, perRequest %11, csv \"%12\", chart %13, out %14, size %15x%16, scale %17, "
                       "time scale %18, slide %19}")
            .arg(int(o.command))
            .arg(o.preset, o.scenarioFile, o.server.model, opt(o.server.workers), opt(o.server.threads),
                 o.server.gil ? QString::number(*o.server.gil) : QStringLiteral("-"), opt(o.server.cores), opt(o.seed))
            .arg(o.json)
            .arg(o.perRequest)
            .arg(o.timelineCsvPath, o.chart, o.outPath)
            .arg(o.exportSize.width())
            .arg(o.exportSize.height())
            .arg(o.exportScale)
            .arg(o.timeScale)
            .arg(o.slide);
    return qstrdup(text.toUtf8().constData());
}

char *toString(const ServerSpec &s)
{
    const auto opt = [](const auto &value) { return value ? QString::number(*value) : QStringLiteral("-"); };
    return qstrdup(QStringLiteral("{%1 workers %2 threads %3 gil %4 cores %5 switch interval %6 slices %7}")
                       .arg(s.model, opt(s.workers), opt(s.threads), s.gil ? QString::number(*s.gil) : QStringLiteral("-"),
                            opt(s.cores), opt(s.switchInterval), s.slices ? QString::number(*s.slices) : QStringLiteral("-"))
                       .toUtf8()
                       .constData());
}

} // namespace LatencyLab::Core

namespace {

AppOptions command(Command which)
{
    AppOptions options;
    options.command = which;
    return options;
}

AppOptions window(const QString &preset, const QString &file = {})
{
    AppOptions options = command(Command::Gui);
    options.preset = preset;
    options.scenarioFile = file;
    return options;
}

AppOptions simulatePreset(const QString &preset)
{
    AppOptions options = command(Command::Simulate);
    options.preset = preset;
    return options;
}

AppOptions runPreset(const QString &preset, double timeScale = 1.0)
{
    AppOptions options = command(Command::Run);
    options.preset = preset;
    options.timeScale = timeScale;
    return options;
}

AppOptions simulateFile(const QString &file)
{
    AppOptions options = command(Command::Simulate);
    options.scenarioFile = file;
    return options;
}

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void helpNamesEveryCommandAndOption();
    void chooseServer_data();
    void chooseServer();
};

void TestCommandLine::parses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<AppOptions>("expected");

    QTest::addRow("no arguments open the window on the three-requests preset") << QStringList() << window(QStringLiteral("three-requests"));
    QTest::addRow("a json file opens the window on it") << words("scenario.json") << window({}, QStringLiteral("scenario.json"));
    QTest::addRow("a path opens the window on it even without .json")
        << words("./my-scenario") << window({}, QStringLiteral("./my-scenario"));
    QTest::addRow("--preset opens the window on another preset") << words("--preset web-load") << window(QStringLiteral("web-load"));
    QTest::addRow("presets lists the presets") << words("presets") << command(Command::Presets);
    QTest::addRow("--help asks for help") << words("--help") << command(Command::Help);
    QTest::addRow("-h asks for help") << words("-h") << command(Command::Help);
    QTest::addRow("--help wins over a bad option after a command") << words("simulate --workers 0 --help") << command(Command::Help);
    QTest::addRow("--version asks for the version") << words("--version") << command(Command::Version);
    QTest::addRow("simulate a preset") << words("simulate --preset three-requests") << simulatePreset(QStringLiteral("three-requests"));
    QTest::addRow("simulate a file") << words("simulate my.json") << simulateFile(QStringLiteral("my.json"));
    QTest::addRow("options may come before the file") << words("simulate --json my.json") << [] {
        AppOptions o = simulateFile(QStringLiteral("my.json"));
        o.json = true;
        return o;
    }();

    AppOptions everything = simulatePreset(QStringLiteral("cores"));
    everything.server.model = QStringLiteral("threads");
    everything.server.workers = 2;
    everything.server.threads = 8;
    everything.server.gil = true;
    everything.server.cores = 4;
    everything.seed = 42;
    everything.json = true;
    everything.perRequest = true;
    everything.timelineCsvPath = QStringLiteral("out.csv");
    QTest::addRow("simulate takes every option at once")
        << words("simulate --preset cores --model threads --workers 2 --threads 8 --gil --cores 4 --seed 42 --json "
                 "--per-request --timeline-csv out.csv")
        << everything;

    QTest::addRow("--no-gil turns the GIL off") << words("simulate --preset cores --no-gil") << [] {
        AppOptions o = simulatePreset(QStringLiteral("cores"));
        o.server.gil = false;
        return o;
    }();
    QTest::addRow("--switch-interval and --slices draw the turns") << words("simulate --preset cores --switch-interval 0.05 --slices")
                                                                  << [] {
                                                                         AppOptions o = simulatePreset(QStringLiteral("cores"));
                                                                         o.server.switchInterval = fromSeconds(0.05);
                                                                         o.server.slices = true;
                                                                         return o;
                                                                     }();
    QTest::addRow("--no-slices turns them off") << words("export --preset cores --chart gantt --out a.png --no-slices") << [] {
        AppOptions o = simulatePreset(QStringLiteral("cores"));
        o.command = Command::Export;
        o.chart = QStringLiteral("gantt");
        o.outPath = QStringLiteral("a.png");
        o.server.slices = false;
        return o;
    }();
    QTest::addRow("a value may follow an equals sign") << words("simulate --preset=web-load --workers=3") << [] {
        AppOptions o = simulatePreset(QStringLiteral("web-load"));
        o.server.workers = 3;
        return o;
    }();
    QTest::addRow("--cores 0 lifts the core limit") << words("simulate --preset cores --cores 0") << [] {
        AppOptions o = simulatePreset(QStringLiteral("cores"));
        o.server.cores = 0;
        return o;
    }();
    QTest::addRow("the largest workers count is accepted") << words("simulate --preset cores --workers 100000") << [] {
        AppOptions o = simulatePreset(QStringLiteral("cores"));
        o.server.workers = Limits::kMaxWorkers;
        return o;
    }();
    QTest::addRow("the largest 64-bit seed is accepted") << words("simulate --preset n-requests --seed 18446744073709551615") << [] {
        AppOptions o = simulatePreset(QStringLiteral("n-requests"));
        o.seed = std::numeric_limits<quint64>::max();
        return o;
    }();
    QTest::addRow("seed 0 is accepted") << words("simulate --preset n-requests --seed 0") << [] {
        AppOptions o = simulatePreset(QStringLiteral("n-requests"));
        o.seed = 0;
        return o;
    }();
    QTest::addRow("-- lets a file name start with a dash") << words("simulate -- -odd.json") << simulateFile(QStringLiteral("-odd.json"));
    QTest::addRow("run a preset in real time by default") << words("run --preset three-requests")
                                                          << runPreset(QStringLiteral("three-requests"));
    QTest::addRow("run a preset at a tenth of its time") << words("run --preset three-requests --time-scale 0.1")
                                                         << runPreset(QStringLiteral("three-requests"), 0.1);
    QTest::addRow("run takes the smallest time scale")
        << words("run --preset cores --time-scale=0.001") << runPreset(QStringLiteral("cores"), 0.001);
    QTest::addRow("run takes the model options, --json, --per-request and --timeline-csv")
        << words("run my.json --model async --workers 2 --time-scale 10 --json --per-request --timeline-csv t.csv") << [] {
               AppOptions o = command(Command::Run);
               o.scenarioFile = QStringLiteral("my.json");
               o.server.model = QStringLiteral("async");
               o.server.workers = 2;
               o.timeScale = 10;
               o.json = true;
               o.perRequest = true;
               o.timelineCsvPath = QStringLiteral("t.csv");
               return o;
           }();
    QTest::addRow("export a comparison with the default size") << words("export --preset web-load --chart compare --out c.png") << [] {
        AppOptions o = command(Command::Export);
        o.preset = QStringLiteral("web-load");
        o.chart = QStringLiteral("compare");
        o.outPath = QStringLiteral("c.png");
        return o;
    }();
    QTest::addRow("export a gantt at a size and scale") << words("export s.json --chart gantt --out g.SVG --size 800x600 --scale 2 --model async")
                                                        << [] {
                                                               AppOptions o = command(Command::Export);
                                                               o.scenarioFile = QStringLiteral("s.json");
                                                               o.chart = QStringLiteral("gantt");
                                                               o.outPath = QStringLiteral("g.SVG");
                                                               o.exportSize = QSize(800, 600);
                                                               o.exportScale = 2;
                                                               o.server.model = QStringLiteral("async");
                                                               return o;
                                                           }();
    QTest::addRow("export a comparison as a slide: 1920x1080") << words("export --preset three-requests --chart compare --out s.png --slide --scale 2")
                                                               << [] {
                                                                      AppOptions o = command(Command::Export);
                                                                      o.preset = QStringLiteral("three-requests");
                                                                      o.chart = QStringLiteral("compare");
                                                                      o.outPath = QStringLiteral("s.png");
                                                                      o.slide = true;
                                                                      o.exportSize = QSize(1920, 1080);
                                                                      o.exportScale = 2;
                                                                      return o;
                                                                  }();
}

void TestCommandLine::parses()
{
    QFETCH(QStringList, arguments);
    QFETCH(AppOptions, expected);

    const Result<AppOptions> parsed = parseCommandLine(arguments);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error()));
    QCOMPARE(*parsed, expected);
}

void TestCommandLine::rejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions"); // what the one-line message must name

    const auto row = [](const char *name, const char *arguments, QStringList mentions) {
        QTest::addRow("%s", name) << words(arguments) << mentions;
    };
    row("an unknown option", "simulate --preset cores --frobnicate", {QStringLiteral("--frobnicate")});
    row("an unknown command", "simulat --preset cores", {QStringLiteral("simulat")});
    row("an option of simulate given to the window", "--json", {QStringLiteral("--json")});
    row("an option given to presets", "presets --json", {QStringLiteral("--json")});
    row("a file given to presets", "presets extra.json", {QStringLiteral("extra.json")});
    row("--workers without its value", "simulate --preset cores --workers", {QStringLiteral("--workers")});
    row("--workers followed by another option", "simulate --workers --json --preset cores", {QStringLiteral("--workers")});
    row("--workers 0", "simulate --preset cores --workers 0", {QStringLiteral("--workers"), QStringLiteral("\"0\"")});
    row("--workers above the limit", "simulate --preset cores --workers 100001", {QStringLiteral("--workers"), QStringLiteral("100000")});
    row("--workers beyond 64 bits", "simulate --preset cores --workers 99999999999999999999", {QStringLiteral("--workers")});
    row("--workers spelled out", "simulate --preset cores --workers four", {QStringLiteral("--workers"), QStringLiteral("four")});
    row("--workers with a fraction", "simulate --preset cores --workers 2.5", {QStringLiteral("--workers"), QStringLiteral("2.5")});
    row("--workers with a plus sign", "simulate --preset cores --workers +2", {QStringLiteral("--workers")});
    row("--threads 0", "simulate --preset cores --threads 0", {QStringLiteral("--threads")});
    row("--threads above the limit", "simulate --preset cores --threads 100001", {QStringLiteral("--threads")});
    row("negative --cores", "simulate --preset cores --cores -1", {QStringLiteral("--cores"), QStringLiteral("-1")});
    row("--cores above the limit", "simulate --preset cores --cores 100001", {QStringLiteral("--cores")});
    row("a negative seed", "simulate --preset cores --seed -1", {QStringLiteral("--seed"), QStringLiteral("-1")});
    row("a seed beyond 64 bits", "simulate --preset cores --seed 18446744073709551616", {QStringLiteral("--seed")});
    row("a seed that is not a number", "simulate --preset cores --seed lucky", {QStringLiteral("--seed"), QStringLiteral("lucky")});
    row("an unknown model", "simulate --preset cores --model fast", {QStringLiteral("--model"), QStringLiteral("fast")});
    row("--model without its value", "simulate --preset cores --model", {QStringLiteral("--model")});
    row("both --preset and a file", "simulate --preset cores my.json", {QStringLiteral("--preset"), QStringLiteral("my.json")});
    row("neither --preset nor a file", "simulate --json", {QStringLiteral("--preset"), QStringLiteral("FILE")});
    row("both --preset and a file for the window", "--preset cores my.json", {QStringLiteral("--preset")});
    row("--gil then --no-gil", "simulate --preset cores --gil --no-gil", {QStringLiteral("--no-gil"), QStringLiteral("--gil")});
    row("--no-gil then --gil", "simulate --preset cores --no-gil --gil", {QStringLiteral("--gil")});
    row("--slices then --no-slices", "simulate --preset cores --slices --no-slices", {QStringLiteral("--no-slices"), QStringLiteral("--slices")});
    row("a switch interval of zero", "simulate --preset cores --switch-interval 0", {QStringLiteral("--switch-interval"), QStringLiteral("\"0\"")});
    row("a switch interval above 10 s", "run --preset cores --switch-interval 11", {QStringLiteral("--switch-interval"), QStringLiteral("10")});
    row("a switch interval in milliseconds", "simulate --preset cores --switch-interval 5ms", {QStringLiteral("--switch-interval"), QStringLiteral("5ms")});
    row("an option given twice", "simulate --preset cores --workers 2 --workers 3", {QStringLiteral("--workers")});
    row("a flag given a value", "simulate --preset cores --json=yes", {QStringLiteral("--json")});
    row("two files", "simulate a.json b.json", {QStringLiteral("b.json")});
    row("an empty --timeline-csv", "simulate --preset cores --timeline-csv=", {QStringLiteral("--timeline-csv")});
    row("an empty --preset", "simulate --preset=", {QStringLiteral("--preset")});
    row("export without --chart", "export --preset cores --out a.png", {QStringLiteral("--chart"), QStringLiteral("required")});
    row("export without --out", "export --preset cores --chart gantt", {QStringLiteral("--out"), QStringLiteral("required")});
    row("an unknown chart", "export --preset cores --chart pie --out a.png", {QStringLiteral("--chart"), QStringLiteral("pie")});
    row("an image format that is not png or svg", "export --preset cores --chart gantt --out a.jpg", {QStringLiteral("--out"), QStringLiteral("a.jpg")});
    row("a size without an x", "export --preset cores --chart gantt --out a.png --size 800", {QStringLiteral("--size"), QStringLiteral("800")});
    row("a size too small", "export --preset cores --chart gantt --out a.png --size 10x10", {QStringLiteral("--size")});
    row("a size too large", "export --preset cores --chart gantt --out a.png --size 20000x10", {QStringLiteral("--size")});
    row("a scale of zero", "export --preset cores --chart gantt --out a.png --scale 0", {QStringLiteral("--scale"), QStringLiteral("\"0\"")});
    row("a scale that is not a number", "export --preset cores --chart gantt --out a.png --scale big", {QStringLiteral("--scale"), QStringLiteral("big")});
    row("a slide has its own size", "export --preset cores --chart gantt --out a.png --slide --size 800x600",
        {QStringLiteral("--size"), QStringLiteral("cannot be combined with --slide")});
    row("a size, then a slide", "export --preset cores --chart gantt --out a.png --size 800x600 --slide",
        {QStringLiteral("--slide"), QStringLiteral("cannot be combined with --size")});
    row("a slide of the load view", "export --preset web-load --chart throughput --out a.png --slide",
        {QStringLiteral("--slide"), QStringLiteral("--chart throughput")});
    row("a slide is for export only", "simulate --preset cores --slide", {QStringLiteral("--slide"), QStringLiteral("unknown option")});
    row("an image too large in pixels", "export --preset cores --chart gantt --out a.png --size 16000x16000 --scale 2", {QStringLiteral("--size"), QStringLiteral("million")});
    row("export options given to simulate", "simulate --preset cores --chart gantt", {QStringLiteral("--chart")});
    row("run without a scenario", "run --time-scale 0.1", {QStringLiteral("--preset"), QStringLiteral("FILE")});
    row("a time scale of zero", "run --preset cores --time-scale 0", {QStringLiteral("--time-scale"), QStringLiteral("\"0\"")});
    row("a time scale below the smallest", "run --preset cores --time-scale 0.0001", {QStringLiteral("--time-scale"), QStringLiteral("0.001")});
    row("a time scale above the largest", "run --preset cores --time-scale 11", {QStringLiteral("--time-scale"), QStringLiteral("10")});
    row("a time scale that is not a number", "run --preset cores --time-scale fast", {QStringLiteral("--time-scale"), QStringLiteral("fast")});
    row("a time scale that is not finite", "run --preset cores --time-scale nan", {QStringLiteral("--time-scale"), QStringLiteral("nan")});
    row("--time-scale without its value", "run --preset cores --time-scale", {QStringLiteral("--time-scale")});
    row("--time-scale given to simulate", "simulate --preset cores --time-scale 0.1", {QStringLiteral("--time-scale")});
}

void TestCommandLine::rejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);

    const Result<AppOptions> parsed = parseCommandLine(arguments);
    QVERIFY(!parsed.ok());
    const QString &message = parsed.error();
    for (const QString &mention : mentions)
        QVERIFY2(message.contains(mention), qPrintable(QStringLiteral("\"%1\" does not mention %2").arg(message, mention)));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
}

void TestCommandLine::helpNamesEveryCommandAndOption()
{
    const QString help = helpText();
    const QStringList expected = words("presets simulate run --preset --model --workers --threads --gil --no-gil --cores "
                                       "--switch-interval --slices --no-slices --seed "
                                       "--time-scale --json --per-request --timeline-csv --help --version");
    for (const QString &word : expected)
        QVERIFY2(help.contains(word), qPrintable(word));
}

void TestCommandLine::chooseServer_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<ServerSpec>("expected");

    ServerSpec fiveSyncWorkers;
    fiveSyncWorkers.workers = 5;
    ServerSpec async;
    async.model = QStringLiteral("async");

    QTest::addRow("without --model the scenario's own server is used") << words("simulate s.json") << fiveSyncWorkers;
    QTest::addRow("--model picks the scenario's model of that name") << words("simulate s.json --model async") << async;
    ServerSpec threads;
    threads.model = QStringLiteral("threads");
    QTest::addRow("--model of a model the scenario lacks gets the preset's defaults") << words("simulate s.json --model threads")
                                                                                      << threads;
    ServerSpec eightWorkers = fiveSyncWorkers;
    eightWorkers.workers = 8;
    QTest::addRow("--workers overrides the scenario's workers and keeps its model") << words("simulate s.json --workers 8")
                                                                                   << eightWorkers;
    ServerSpec asyncOnTwoCores = async;
    asyncOnTwoCores.cores = 2;
    QTest::addRow("--cores applies to the model --model chose") << words("simulate s.json --model async --cores 2") << asyncOnTwoCores;
    ServerSpec noGil = fiveSyncWorkers;
    noGil.gil = false;
    QTest::addRow("--no-gil is an override too") << words("simulate s.json --no-gil") << noGil;
    ServerSpec sliced = fiveSyncWorkers;
    sliced.switchInterval = fromSeconds(0.001);
    sliced.slices = true;
    QTest::addRow("--switch-interval and --slices are overrides too") << words("simulate s.json --slices --switch-interval 0.001")
                                                                     << sliced;
}

void TestCommandLine::chooseServer()
{
    QFETCH(QStringList, arguments);
    QFETCH(ServerSpec, expected);

    Scenario scenario;
    scenario.server.workers = 5; // sync with 5 workers, as in the web-load experiment
    ServerSpec async;
    async.model = QStringLiteral("async");
    scenario.compare = {async};

    const Result<AppOptions> options = parseCommandLine(arguments);
    QVERIFY2(options.ok(), qPrintable(options.ok() ? QString() : options.error()));
    QCOMPARE(LatencyLab::Core::chooseServer(scenario, *options), expected);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
