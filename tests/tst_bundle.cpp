// Bundles: `latencylab export … --bundle OUT.zip` and File → Export Bundle….
// The archive is opened with libzip here, its files are checked against a
// list written by hand, and every command its README gives is run again in
// a folder holding only the bundled scenario: each must make its file again,
// byte for byte. A bundle that cannot be written, or is cancelled, leaves
// nothing behind.

#include "unwritablepath.h"

#include "cli/commandline.h"
#include "cli/exportcommand.h"
#include "cli/headless.h"
#include "export/bundlewriter.h"
#include "window/appsettings.h"
#include "window/bundleexport.h"
#include "window/exportprogress.h"

#include "model/presets.h"
#include "model/scenariojson.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <zip.h>

using namespace LatencyLab;
using namespace LatencyLab::Ui;

namespace {

// An archive's files in its order, read with libzip.
struct Unzipped
{
    QStringList names;
    QHash<QString, QByteArray> bytes;
    QString error;
};

Unzipped unzip(const QString &path)
{
    Unzipped unzipped;
    int code = 0;
    zip_t *archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!archive) {
        unzipped.error = QStringLiteral("zip_open failed with code %1").arg(code);
        return unzipped;
    }
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t index = 0; index < count; ++index) {
        zip_stat_t stat;
        zip_file_t *file = zip_stat_index(archive, zip_uint64_t(index), 0, &stat) == 0 ? zip_fopen_index(archive, zip_uint64_t(index), 0) : nullptr;
        if (!file) {
            unzipped.error = QStringLiteral("cannot open entry %1").arg(index);
            break;
        }
        QByteArray bytes(qsizetype(stat.size), Qt::Uninitialized);
        const zip_int64_t read = zip_fread(file, bytes.data(), stat.size);
        zip_fclose(file);
        if (read != zip_int64_t(stat.size)) {
            unzipped.error = QStringLiteral("short read of %1").arg(QString::fromUtf8(stat.name));
            break;
        }
        const QString name = QString::fromUtf8(stat.name);
        unzipped.names << name;
        unzipped.bytes.insert(name, bytes);
    }
    zip_discard(archive);
    return unzipped;
}

// The commands a README lists, each without its leading `latencylab`.
QStringList readmeCommands(const QByteArray &readme)
{
    static const QRegularExpression command(QStringLiteral("`latencylab ([^`]+)`"));
    QStringList commands;
    for (const QRegularExpressionMatch &match : command.globalMatch(QString::fromUtf8(readme)))
        commands << match.captured(1);
    return commands;
}

// Runs `line` as the program would in the current folder ("… > FILE" sends
// standard output to FILE); returns what went to standard error.
QString runCommand(const QString &line)
{
    QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString redirect;
    if (words.size() > 2 && words.at(words.size() - 2) == QLatin1String(">")) {
        redirect = words.last();
        words.resize(words.size() - 2);
    }
    const Core::Result<Core::AppOptions> options = Core::parseCommandLine(words);
    if (!options)
        return options.error();
    QString outText;
    QString errText;
    QTextStream out(&outText);
    QTextStream err(&errText);
    const int code = options->command == Core::Command::Export ? runExportCommand(*options, out, err) : Core::runHeadless(*options, out, err);
    out.flush();
    if (code != 0)
        return errText.isEmpty() ? QStringLiteral("exit code %1").arg(code) : errText;
    if (!redirect.isEmpty()) {
        QFile file(redirect);
        if (!file.open(QIODevice::WriteOnly) || file.write(outText.toUtf8()) != outText.toUtf8().size())
            return QStringLiteral("cannot write ") + redirect;
    }
    return {};
}

Core::Scenario preset(const char *name)
{
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(QLatin1String(name));
    Q_ASSERT(scenario);
    return *scenario;
}

QStringList filesIn(const QString &directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void holdsTheListedFiles_data();
    void holdsTheListedFiles();
    void readmeCommandsMakeEveryFileAgain_data();
    void readmeCommandsMakeEveryFileAgain();
    void keepsTheSeed();
    void drawsAtTheSizeAndScaleAsked();
    void metricsAreThoseOfTheScenario();
    void unwritablePathLeavesNothing();
    void commandLineWritesTheBundle();
    void windowWritesTheBundle();
    void cancelledWindowExportLeavesNoFile();

private:
    // The bundle of `scenario` written into a fresh folder, and that folder.
    QString writeBundle(const Core::Scenario &scenario, const BundleOptions &options = {});

    QTemporaryDir m_dir;
    int m_written = 0;
};

void TestBundle::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setApplicationVersion(QStringLiteral("7.8.9"));
}

QString TestBundle::writeBundle(const Core::Scenario &scenario, const BundleOptions &options)
{
    const QString folder = m_dir.filePath(QStringLiteral("bundle%1").arg(++m_written));
    QDir().mkpath(folder);
    BundleWriter writer(scenario, options);
    Core::Status written = writer.drawOnGuiThread();
    if (written)
        written = writer.write(QDir(folder).filePath(QStringLiteral("b.zip")));
    if (!written)
        qWarning("%s", qPrintable(written.error()));
    return written ? QDir(folder).filePath(QStringLiteral("b.zip")) : QString();
}

void TestBundle::holdsTheListedFiles_data()
{
    QTest::addColumn<QString>("presetName");
    QTest::addColumn<QStringList>("expected");
    const QStringList around{QStringLiteral("timeline.csv"), QStringLiteral("metrics.json"), QStringLiteral("VERSION"),
                             QStringLiteral("README.md")};
    QTest::newRow("requests") << QStringLiteral("three-requests")
                              << QStringList{QStringLiteral("scenario.json"), QStringLiteral("gantt.png"), QStringLiteral("gantt.svg"),
                                             QStringLiteral("compare.png"), QStringLiteral("compare.svg"),
                                             QStringLiteral("throughput.png"), QStringLiteral("throughput.svg")}
            + around;
    QTest::newRow("pipeline") << QStringLiteral("producer-consumer")
                              << QStringList{QStringLiteral("scenario.json"), QStringLiteral("gantt.png"), QStringLiteral("gantt.svg"),
                                             QStringLiteral("compare.png"), QStringLiteral("compare.svg"),
                                             QStringLiteral("latency.png"), QStringLiteral("latency.svg")}
            + around;
}

void TestBundle::holdsTheListedFiles()
{
    QFETCH(QString, presetName);
    QFETCH(QStringList, expected);
    const QString path = writeBundle(preset(qPrintable(presetName)));
    QVERIFY(!path.isEmpty());
    const Unzipped bundle = unzip(path);
    QVERIFY2(bundle.error.isEmpty(), qPrintable(bundle.error));
    QCOMPARE(bundle.names, expected);
    QCOMPARE(bundle.bytes.value(QStringLiteral("VERSION")), QByteArray("latencylab 7.8.9\n"));
    // The README names every file, each once.
    const QString readme = QString::fromUtf8(bundle.bytes.value(QStringLiteral("README.md")));
    for (const QString &name : expected)
        QCOMPARE(readme.count(QStringLiteral("| `%1` |").arg(name)), 1);
    // The bundled scenario is the scenario.
    const Core::Result<Core::Scenario> bundled = Core::ScenarioJson::parse(bundle.bytes.value(QStringLiteral("scenario.json")));
    if (!bundled)
        QFAIL(qPrintable(bundled.error()));
    QVERIFY(*bundled == preset(qPrintable(presetName)));
}

void TestBundle::readmeCommandsMakeEveryFileAgain_data()
{
    QTest::addColumn<QString>("presetName");
    QTest::addColumn<double>("scale");
    QTest::newRow("three-requests") << QStringLiteral("three-requests") << 1.0;
    QTest::newRow("three-requests at scale 2") << QStringLiteral("three-requests") << 2.0;
    QTest::newRow("producer-consumer") << QStringLiteral("producer-consumer") << 1.0;
}

void TestBundle::readmeCommandsMakeEveryFileAgain()
{
    QFETCH(QString, presetName);
    QFETCH(double, scale);
    const QString path = writeBundle(preset(qPrintable(presetName)), BundleOptions{QSize(900, 500), scale});
    QVERIFY(!path.isEmpty());
    const Unzipped bundle = unzip(path);
    QVERIFY2(bundle.error.isEmpty(), qPrintable(bundle.error));

    // A folder with the bundled scenario alone, as a reader who unzipped it
    // and removed the rest would have.
    const QString again = QFileInfo(path).absolutePath() + QStringLiteral("/again");
    QVERIFY(QDir().mkpath(again));
    QFile scenarioFile(QDir(again).filePath(QStringLiteral("scenario.json")));
    QVERIFY(scenarioFile.open(QIODevice::WriteOnly));
    scenarioFile.write(bundle.bytes.value(QStringLiteral("scenario.json")));
    scenarioFile.close();
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(again));
    const QStringList commands = readmeCommands(bundle.bytes.value(QStringLiteral("README.md")));
    QCOMPARE(commands.size(), bundle.names.size() - 1); // all but scenario.json
    for (const QString &command : commands) {
        const QString error = runCommand(command);
        QVERIFY2(error.isEmpty(), qPrintable(command + QStringLiteral(": ") + error));
    }
    QDir::setCurrent(previous);

    // Each file again, byte for byte; the README and the rest also inside the bundle made again.
    const Unzipped madeAgain = unzip(QDir(again).filePath(QStringLiteral("BUNDLE.zip")));
    QVERIFY2(madeAgain.error.isEmpty(), qPrintable(madeAgain.error));
    QCOMPARE(madeAgain.names, bundle.names);
    for (const QString &name : bundle.names) {
        QFile file(QDir(again).filePath(name));
        QVERIFY2(name == QLatin1String("README.md") || file.open(QIODevice::ReadOnly), qPrintable(name + QStringLiteral(" was not made")));
        if (file.isOpen())
            QVERIFY2(file.readAll() == bundle.bytes.value(name), qPrintable(name + QStringLiteral(" differs from the bundle's")));
        QVERIFY2(madeAgain.bytes.value(name) == bundle.bytes.value(name), qPrintable(name + QStringLiteral(" differs in the bundle made again")));
    }
}

void TestBundle::keepsTheSeed()
{
    Core::Scenario scenario = preset("n-requests");
    QVERIFY(scenario.generator);
    scenario.generator->seed = 4242;
    const Unzipped bundle = unzip(writeBundle(scenario));
    QVERIFY2(bundle.error.isEmpty(), qPrintable(bundle.error));
    const QJsonObject file = QJsonDocument::fromJson(bundle.bytes.value(QStringLiteral("scenario.json"))).object();
    QCOMPARE(file.value(QStringLiteral("generate")).toObject().value(QStringLiteral("seed")).toInteger(), 4242);
}

void TestBundle::drawsAtTheSizeAndScaleAsked()
{
    const Unzipped bundle = unzip(writeBundle(preset("three-requests"), BundleOptions{QSize(640, 360), 2.0}));
    QVERIFY2(bundle.error.isEmpty(), qPrintable(bundle.error));
    for (const char *chart : {"gantt.png", "compare.png", "throughput.png"}) {
        const QImage image = QImage::fromData(bundle.bytes.value(QLatin1String(chart)), "PNG");
        QCOMPARE(image.size(), QSize(1280, 720)); // 640 × 360 logical pixels at 2 device pixels each
    }
    QVERIFY(bundle.bytes.value(QStringLiteral("gantt.svg")).contains("<svg width=\"640\" height=\"360\""));
}

void TestBundle::metricsAreThoseOfTheScenario()
{
    // Three requests, three rows; the CSV's request column numbers them 1 to 3.
    const Unzipped bundle = unzip(writeBundle(preset("three-requests")));
    QVERIFY2(bundle.error.isEmpty(), qPrintable(bundle.error));
    const QJsonObject metrics = QJsonDocument::fromJson(bundle.bytes.value(QStringLiteral("metrics.json"))).object();
    QCOMPARE(metrics.value(QStringLiteral("scenario")).toString(), QStringLiteral("Three requests"));
    QCOMPARE(metrics.value(QStringLiteral("per_request")).toArray().size(), 3);
    const QStringList rows = QString::fromUtf8(bundle.bytes.value(QStringLiteral("timeline.csv"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(rows.size() > 3);
    QSet<QString> requests;
    for (const QString &row : rows.mid(1))
        requests.insert(row.section(QLatin1Char(','), 0, 0));
    QCOMPARE(requests, (QSet<QString>{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
}

void TestBundle::unwritablePathLeavesNothing()
{
    const QString folder = m_dir.filePath(QStringLiteral("unwritable"));
    QVERIFY(QDir().mkpath(folder));
    const QString throughFile = QDir(Tests::regularFileIn(folder)).filePath(QStringLiteral("b.zip"));
    const QString missingFolder = QDir(folder).filePath(QStringLiteral("no-such-folder/b.zip"));
    for (const QString &path : {throughFile, missingFolder}) {
        BundleWriter writer(preset("three-requests"));
        const Core::Status written = writer.write(path);
        QVERIFY(!written);
        QVERIFY2(written.error().contains(QDir::toNativeSeparators(path)), qPrintable(written.error()));
        QVERIFY(!written.error().contains(QLatin1Char('\n')));
    }
    QCOMPARE(filesIn(folder), QStringList{Tests::kRegularFileName});
}

void TestBundle::commandLineWritesTheBundle()
{
    const QString folder = m_dir.filePath(QStringLiteral("cli"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = QDir(folder).filePath(QStringLiteral("b.zip"));
    QCOMPARE(runCommand(QStringLiteral("export --preset three-requests --bundle %1 --size 800x450").arg(path)), QString());
    const Unzipped bundle = unzip(path);
    QVERIFY2(bundle.error.isEmpty(), qPrintable(bundle.error));
    QCOMPARE(bundle.names.size(), 11);
    QCOMPARE(QImage::fromData(bundle.bytes.value(QStringLiteral("gantt.png")), "PNG").size(), QSize(800, 450));
    QCOMPARE(filesIn(folder), QStringList{QStringLiteral("b.zip")});
}

void TestBundle::windowWritesTheBundle()
{
    QMainWindow window;
    AppSettings settings(std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    BundleExport bundle(&settings, window.statusBar(), &window);
    QSignalSpy finished(bundle.progress(), &ExportProgress::finished);
    const QString path = m_dir.filePath(QStringLiteral("window.zip"));
    QVERIFY(bundle.start(preset("producer-consumer"), path, BundleOptions{QSize(800, 450), 1.0}));
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    const Unzipped written = unzip(path);
    QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
    QVERIFY(written.names.contains(QStringLiteral("latency.png")));
    QCOMPARE(QImage::fromData(written.bytes.value(QStringLiteral("latency.png")), "PNG").size(), QSize(800, 450));
}

void TestBundle::cancelledWindowExportLeavesNoFile()
{
    // Enough requests that the charts take far longer than the cancel.
    Core::Scenario scenario = preset("n-requests");
    QVERIFY(scenario.generator);
    scenario.generator->count = 200000;
    const QString folder = m_dir.filePath(QStringLiteral("cancelled"));
    QVERIFY(QDir().mkpath(folder));
    QMainWindow window;
    AppSettings settings(std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    BundleExport bundle(&settings, window.statusBar(), &window);
    QSignalSpy finished(bundle.progress(), &ExportProgress::finished);
    QVERIFY(bundle.start(scenario, QDir(folder).filePath(QStringLiteral("b.zip")), {}));
    QVERIFY(bundle.progress()->isRunning());
    bundle.progress()->cancel();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Export cancelled; nothing was written"));
    QCOMPARE(filesIn(folder), QStringList{});
}

QTEST_MAIN(TestBundle)
#include "tst_bundle.moc"
