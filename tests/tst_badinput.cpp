// The bad-input catalogue against the real binary: every malformed or hostile
// scenario file (tests/badinput/manifest.tsv and the cases made on the fly)
// and every mistaken command line (arguments.tsv), and every malformed trace
// file given to `latencylab import` (traces.tsv), ends with exit code 2,
// nothing on standard output and exactly one line on standard error naming
// the problem — never a crash or a hang. Then writes that fail half-way (a
// full disk, simulated by a file-size limit) leave no file behind.

#include "badinputcatalogue.h"
#include "latencylabprocess.h"
#include "unwritablepath.h"
#include "wallclock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace LatencyLab::Tests;

namespace {

// Writes past this many bytes fail with EFBIG, as on a full disk; the signal
// that would kill the writer is ignored, so the write just fails.
constexpr rlim_t kFileSizeLimit = 16 * 1024;

bool run(const QStringList &arguments, Outcome &outcome, bool fullDisk = false)
{
    if (!fullDisk)
        return runLatencyLab(arguments, outcome);
    return runLatencyLab(arguments, outcome, [] {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{kFileSizeLimit, kFileSizeLimit};
        setrlimit(RLIMIT_FSIZE, &limit);
    });
}

// Exit code 2, nothing on standard output, one line on standard error.
#define VERIFY_BAD_INPUT(outcome, expected)                                                                            \
    do {                                                                                                               \
        QVERIFY2((outcome).exitCode == 2, qPrintable(QStringLiteral("exit code %1: %2").arg((outcome).exitCode).arg((outcome).err))); \
        QCOMPARE((outcome).out, QString());                                                                            \
        QVERIFY2((outcome).err.startsWith(QLatin1String("latencylab: ")), qPrintable((outcome).err));                 \
        QVERIFY2((outcome).err.count(QLatin1Char('\n')) == 1 && (outcome).err.endsWith(QLatin1Char('\n')),            \
                 qPrintable((outcome).err));                                                                           \
        QVERIFY2((outcome).err.contains(expected), qPrintable(QStringLiteral("expected \"%1\" in: %2").arg(expected, (outcome).err))); \
    } while (false)

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theCatalogueIsLargeEnough();
    void badFileExitsTwoWithOneLine_data();
    void badFileExitsTwoWithOneLine();
    void badTraceFileExitsTwoWithOneLine_data();
    void badTraceFileExitsTwoWithOneLine();
    void badArgumentsExitTwoWithOneLine_data();
    void badArgumentsExitTwoWithOneLine();
    void writesThatFailHalfWayLeaveNoFile_data();
    void writesThatFailHalfWayLeaveNoFile();
    void aReadOnlyFolderLeavesNoFile();

private:
    QTemporaryDir m_scratch;
};

void TestBadInput::initTestCase()
{
    QVERIFY(m_scratch.isValid());
}

void TestBadInput::theCatalogueIsLargeEnough()
{
    QVERIFY2(badInputCases(m_scratch.path()).size() >= 30, "at least 30 bad scenario files");
    QVERIFY2(badArgumentsCases(m_scratch.path()).size() >= 20, "at least 20 bad command lines");
    QVERIFY2(badTraceCases().size() >= 20, "at least 20 bad trace files");
}

void TestBadInput::badFileExitsTwoWithOneLine_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    for (const BadInputCase &badCase : badInputCases(m_scratch.path()))
        QTest::addRow("%s", qPrintable(badCase.name)) << badCase.path << badCase.expected;
}

void TestBadInput::badFileExitsTwoWithOneLine()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    Outcome outcome;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(run({QStringLiteral("simulate"), path}, outcome));
    VERIFY_BAD_INPUT(outcome, expected);
    // The message says which file, before what is wrong with it.
    QVERIFY2(outcome.err.startsWith(QStringLiteral("latencylab: ") + path + QStringLiteral(": ")), qPrintable(outcome.err));
    // A hang, not a slow machine: one-sided and generous, so measured once.
    VERIFY_WALL_CLOCK(clock.elapsed() < 20'000, qPrintable(QStringLiteral("%1 ms").arg(clock.elapsed())));
}

void TestBadInput::badTraceFileExitsTwoWithOneLine_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    for (const BadInputCase &badCase : badTraceCases())
        QTest::addRow("%s", qPrintable(badCase.name)) << badCase.path << badCase.expected;
}

void TestBadInput::badTraceFileExitsTwoWithOneLine()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString scenario = dir.filePath(QStringLiteral("never.json"));
    Outcome outcome;
    QVERIFY(run({QStringLiteral("import"), path, QStringLiteral("--out"), scenario}, outcome));
    VERIFY_BAD_INPUT(outcome, expected);
    QVERIFY2(outcome.err.startsWith(QStringLiteral("latencylab: ") + path + QStringLiteral(": ")), qPrintable(outcome.err));
    QVERIFY(!QFile::exists(scenario));
}

void TestBadInput::badArgumentsExitTwoWithOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    for (const BadArgumentsCase &badCase : badArgumentsCases(m_scratch.path()))
        QTest::addRow("%s", qPrintable(badCase.arguments.join(QLatin1Char(' ')))) << badCase.arguments << badCase.expected;
}

void TestBadInput::badArgumentsExitTwoWithOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const QStringList before = QDir(m_scratch.path()).entryList(QDir::Files);
    Outcome outcome;
    QVERIFY(run(arguments, outcome));
    VERIFY_BAD_INPUT(outcome, expected);
    QCOMPARE(QDir(m_scratch.path()).entryList(QDir::Files), before); // nothing written, not even in part
}

void TestBadInput::writesThatFailHalfWayLeaveNoFile_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("file");
    // Each output is far larger than the 16 kB the writer may write.
    QTest::addRow("a PNG chart") << QStringList{QStringLiteral("export"), QStringLiteral("--preset"), QStringLiteral("web-load"),
                                              QStringLiteral("--chart"), QStringLiteral("compare"), QStringLiteral("--out")}
                                 << QStringLiteral("chart.png");
    QTest::addRow("an SVG chart") << QStringList{QStringLiteral("export"), QStringLiteral("--preset"), QStringLiteral("web-load"),
                                               QStringLiteral("--chart"), QStringLiteral("compare"), QStringLiteral("--out")}
                                  << QStringLiteral("chart.svg");
    QTest::addRow("a timeline CSV") << QStringList{QStringLiteral("simulate"), QStringLiteral("--preset"), QStringLiteral("n-requests"),
                                                 QStringLiteral("--timeline-csv")}
                                    << QStringLiteral("timeline.csv");
}

void TestBadInput::writesThatFailHalfWayLeaveNoFile()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(file);

    // Without the limit the same command writes the file: the limit is what fails it.
    Outcome written;
    QVERIFY(run(arguments + QStringList{path}, written));
    QVERIFY2(written.exitCode == 0, qPrintable(written.err));
    QVERIFY(QFileInfo(path).size() > qint64(kFileSizeLimit));
    QVERIFY(QFile::remove(path));

    Outcome outcome;
    QVERIFY(run(arguments + QStringList{path}, outcome, true));
    VERIFY_BAD_INPUT(outcome, path);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList()); // no partial file, no temporary
}

void TestBadInput::aReadOnlyFolderLeavesNoFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Root writes into read-only folders anyway; a path through a regular
    // file refuses everyone.
    const QString regularFile = regularFileIn(dir.path());
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    });
    const QString folder = geteuid() == 0 ? regularFile : dir.path();
    const QStringList entriesBefore = QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden);
    const QString path = QDir(folder).filePath(QStringLiteral("latencylab-chart.png"));
    Outcome outcome;
    QVERIFY(run({QStringLiteral("export"), QStringLiteral("--preset"), QStringLiteral("three-requests"), QStringLiteral("--chart"),
                 QStringLiteral("gantt"), QStringLiteral("--out"), path},
                outcome));
    VERIFY_BAD_INPUT(outcome, path);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden), entriesBefore);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
