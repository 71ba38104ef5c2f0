// No lost work: the edited scenario is autosaved a moment after each edit and
// offered back after a crash; a clean end leaves nothing behind; saves and
// exports that fail (a folder that cannot be written, a disk that fills up
// half-way) say so and leave neither a partial file nor a damaged original.

#include "controls/scenarioeditor.h"
#include "window/autosave.h"
#include "window/mainwindow.h"
#include "unwritablepath.h"
#include "windowexport.h"

#include "model/presets.h"
#include "model/scenariojson.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <csignal>
#include <memory>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Ui::Autosave;
using Ui::AutosaveLeftover;
using Ui::AutosaveOrigin;
using Ui::LeftoverAction;
using Ui::MainWindow;

Q_DECLARE_METATYPE(LatencyLab::Ui::LeftoverAction)

namespace {

// Above the kernel's largest process id (2^22): never a running process.
constexpr qint64 kDeadPid = 999'999'999;

Core::Scenario preset(const QString &name)
{
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(name);
    Q_ASSERT(scenario);
    return *scenario;
}

Core::Scenario edited(Core::Scenario scenario, const QString &name)
{
    scenario.name = name;
    scenario.server.workers = 3;
    return scenario;
}

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

// What a window that died leaves: its autosave files, relabelled as a process that is gone.
bool leaveAsCrashed(const Autosave &autosave)
{
    const QString pid = QStringLiteral("session-%1").arg(QCoreApplication::applicationPid());
    const QString dead = QStringLiteral("session-%1").arg(kDeadPid);
    for (const QString &path : {autosave.markerPath(), autosave.scenarioPath()}) {
        if (!QFile::copy(path, QString(path).replace(pid, dead)))
            return false;
    }
    return true;
}

// Writes past `bytes` fail with EFBIG, as on a full disk (the signal that would end the process is ignored).
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_previous);
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{bytes, m_previous.rlim_max};
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_previous);
        std::signal(SIGXFSZ, m_previousHandler);
    }

private:
    rlimit m_previous{};
    void (*m_previousHandler)(int) = nullptr;
};

} // namespace

class TestNoLostWork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void leftoverDecision_data();
    void leftoverDecision();
    void editsAreWrittenOnceTheyPause();
    void aCleanEndLeavesNothing();
    void aCrashLeavesTheEditsBehind();
    void aRunningWindowsFilesAreLeftAlone();
    void leftoversWithNothingToRestoreAreRemoved();

    void theWindowAutosavesItsEdits();
    void aRestoreAfterACrashBringsTheEditsBackUnsaved();
    void aDeclinedRestoreForgetsTheEdits();
    void aRestoredPresetKeepsItsPreset();

    void aSaveThatFailsKeepsTheOriginalAndLeavesNoFile();
    void anExportThatFailsHalfWayLeavesNoFile();
    void anExportToAnUnwritableFolderIsReported();

private:
    QString autosaveFolder() const { return Autosave::defaultFolder(); }
    // Opens the window on a scenario file and waits for its charts.
    bool openFile(const QString &path);
    // Edits the open scenario, then ends the window as a crash would: its
    // autosave left behind. Then a new window, on the preset `next`.
    bool crashAfterEditing(const Core::Scenario &changed);
    void launchOn(const QString &next);

    QTemporaryDir m_config;
    QTemporaryDir m_files;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_errors;
};

void TestNoLostWork::initTestCase()
{
    // The window's settings and autosaves in a folder of this test's own,
    // apart from other window tests that may run at the same time.
    QVERIFY(m_config.isValid());
    QVERIFY(m_files.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QVERIFY2(autosaveFolder().startsWith(m_config.path()), qPrintable(autosaveFolder()));
}

void TestNoLostWork::init()
{
    m_errors.clear();
    QDir(autosaveFolder()).removeRecursively();
}

void TestNoLostWork::cleanup()
{
    m_window.reset();
}

bool TestNoLostWork::openFile(const QString &path)
{
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([this](const QString &, const QString &message) { m_errors << message; });
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    QSignalSpy failed(m_window.get(), &MainWindow::computationFailed);
    const bool opened = m_window->openFile(path) && (!shown.isEmpty() || shown.wait(10'000)); // shown at once when quick
    if (!opened)
        qWarning() << "could not open" << path << m_errors << failed << m_window->statusText();
    return opened;
}

void TestNoLostWork::leftoverDecision_data()
{
    QTest::addColumn<bool>("ownerRunning");
    QTest::addColumn<bool>("readable");
    QTest::addColumn<LeftoverAction>("expected");
    QTest::addRow("another window's, still open") << true << true << LeftoverAction::Keep;
    QTest::addRow("another window's, still open, nothing saved yet") << true << false << LeftoverAction::Keep;
    QTest::addRow("a crashed window's edits") << false << true << LeftoverAction::Offer;
    QTest::addRow("a crashed window with no edits, or unreadable ones") << false << false << LeftoverAction::Remove;
}

void TestNoLostWork::leftoverDecision()
{
    QFETCH(bool, ownerRunning);
    QFETCH(bool, readable);
    QFETCH(LeftoverAction, expected);
    QCOMPARE(Ui::leftoverAction(ownerRunning, readable), expected);
}

void TestNoLostWork::editsAreWrittenOnceTheyPause()
{
    QTemporaryDir folder;
    Autosave autosave(folder.path());
    QVERIFY(QFile::exists(autosave.markerPath()));
    const Core::Scenario first = edited(preset(QStringLiteral("three-requests")), QStringLiteral("First"));
    const Core::Scenario second = edited(preset(QStringLiteral("three-requests")), QStringLiteral("Second"));

    autosave.scheduleSave(first, {QStringLiteral("three-requests"), {}});
    QTest::qWait(Autosave::kDelayMs / 2);
    QVERIFY(!QFile::exists(autosave.scenarioPath()));
    // Another edit restarts the wait: a burst of edits is written once.
    autosave.scheduleSave(second, {QStringLiteral("three-requests"), {}});
    QTest::qWait(Autosave::kDelayMs * 3 / 4);
    QVERIFY(!QFile::exists(autosave.scenarioPath()));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(autosave.scenarioPath()), Autosave::kDelayMs * 2);
    const Core::Result<Core::Scenario> written = Core::ScenarioJson::load(autosave.scenarioPath());
    QVERIFY(written);
    QVERIFY(*written == second);
    // Only the two files: the scenario went through a temporary file, now renamed.
    QCOMPARE(filesIn(folder.path()).size(), 2);
}

void TestNoLostWork::aCleanEndLeavesNothing()
{
    QTemporaryDir folder;
    {
        Autosave autosave(folder.path());
        autosave.scheduleSave(preset(QStringLiteral("cores")), {QStringLiteral("cores"), {}});
        QVERIFY(autosave.flush());
        QCOMPARE(filesIn(folder.path()).size(), 2);
        // Saved or discarded: the scenario goes, the marker stays while the window does.
        autosave.clear();
        QCOMPARE(filesIn(folder.path()), QStringList{QFileInfo(autosave.markerPath()).fileName()});
        autosave.scheduleSave(preset(QStringLiteral("cores")), {QStringLiteral("cores"), {}});
        QVERIFY(autosave.flush());
    }
    QCOMPARE(filesIn(folder.path()), QStringList());
}

void TestNoLostWork::aCrashLeavesTheEditsBehind()
{
    QTemporaryDir folder;
    const Core::Scenario scenario = edited(preset(QStringLiteral("web-load")), QStringLiteral("Edited before the crash"));
    const QString source = m_files.filePath(QStringLiteral("web.latency.json"));
    // A child process edits, autosaves and dies without cleaning up, as a crash would.
    const pid_t child = fork();
    if (child == 0) {
        Autosave autosave(folder.path());
        autosave.scheduleSave(scenario, {{}, source});
        _exit(autosave.flush() ? 0 : 1);
    }
    QVERIFY(child > 0);
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    Autosave next(folder.path());
    const QList<AutosaveLeftover> leftovers = next.leftoversToOffer();
    QCOMPARE(leftovers.size(), 1);
    QCOMPARE(leftovers.first().pid, qint64(child));
    QCOMPARE(leftovers.first().origin, (AutosaveOrigin{{}, source}));
    QVERIFY(leftovers.first().savedAt.isValid());
    QVERIFY(qAbs(leftovers.first().savedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    const Core::Result<Core::Scenario> restored = Autosave::loadLeftover(leftovers.first());
    QVERIFY(restored);
    QVERIFY(*restored == scenario);

    Autosave::removeLeftover(leftovers.first());
    QCOMPARE(filesIn(folder.path()), QStringList{QFileInfo(next.markerPath()).fileName()});
}

void TestNoLostWork::aRunningWindowsFilesAreLeftAlone()
{
    QTemporaryDir folder;
    int ready[2];
    QCOMPARE(pipe(ready), 0);
    // A second window (this same program) still running, with unsaved edits.
    const pid_t child = fork();
    if (child == 0) {
        Autosave autosave(folder.path());
        autosave.scheduleSave(preset(QStringLiteral("cores")), {QStringLiteral("cores"), {}});
        const char done = autosave.flush() ? 'y' : 'n';
        (void)!write(ready[1], &done, 1);
        pause(); // until killed
        _exit(0);
    }
    char done = 0;
    QCOMPARE(read(ready[0], &done, 1), 1);
    QCOMPARE(done, 'y');

    Autosave here(folder.path());
    QCOMPARE(here.leftoversToOffer().size(), 0);
    QCOMPARE(filesIn(folder.path()).size(), 3); // its two files and this marker

    // Once it is gone without cleaning up, its edits are offered.
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    QCOMPARE(here.leftoversToOffer().size(), 1);
    close(ready[0]);
    close(ready[1]);
}

void TestNoLostWork::leftoversWithNothingToRestoreAreRemoved()
{
    QTemporaryDir folder;
    const auto writeFile = [&](const QString &name, const QByteArray &bytes) {
        QFile file(QDir(folder.path()).filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    // A crashed window that had no unsaved edits: its marker alone.
    writeFile(QStringLiteral("session-999999991.json"), R"({"pid": 999999991})");
    // One whose autosave is damaged: nothing can be restored from it.
    writeFile(QStringLiteral("session-999999992.json"), R"({"pid": 999999992, "saved": "2024-01-01T00:00:00.000Z", "preset": "cores", "file": ""})");
    writeFile(QStringLiteral("session-999999992.latency.json"), R"({"format": "latencylab-scenario", "vers)");
    // Not ours: left alone.
    writeFile(QStringLiteral("notes.txt"), "keep me");

    Autosave here(folder.path());
    QCOMPARE(here.leftoversToOffer().size(), 0);
    QCOMPARE(filesIn(folder.path()), (QStringList{QStringLiteral("notes.txt"), QFileInfo(here.markerPath()).fileName()}));
}

void TestNoLostWork::theWindowAutosavesItsEdits()
{
    const QString path = m_files.filePath(QStringLiteral("autosaved.latency.json"));
    QVERIFY(Core::ScenarioJson::save(preset(QStringLiteral("three-requests")), path));
    QVERIFY(openFile(path));
    Autosave *autosave = m_window->autosave();
    QVERIFY(QFile::exists(autosave->markerPath()));
    QVERIFY(!QFile::exists(autosave->scenarioPath()));

    const Core::Scenario changed = edited(m_window->editor()->scenario(), QStringLiteral("Changed"));
    m_window->editor()->edit(QStringLiteral("test edit"), changed);
    QVERIFY(autosave->isSavePending());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(autosave->scenarioPath()), Autosave::kDelayMs * 3);
    QVERIFY(*Core::ScenarioJson::load(autosave->scenarioPath()) == changed);

    // Undone back to what was loaded: nothing left to lose.
    m_window->editor()->undoStack()->undo();
    QVERIFY(!m_window->editor()->isModified());
    QVERIFY(!QFile::exists(autosave->scenarioPath()));

    // Saved: nothing left to restore either.
    m_window->editor()->edit(QStringLiteral("test edit"), changed);
    QVERIFY(autosave->flush());
    QVERIFY(QFile::exists(autosave->scenarioPath()));
    QVERIFY(m_window->saveFile(path));
    QVERIFY(!QFile::exists(autosave->scenarioPath()));

    const QString marker = autosave->markerPath();
    m_window.reset();
    QVERIFY(!QFile::exists(marker));
    QCOMPARE(filesIn(autosaveFolder()), QStringList());
}

bool TestNoLostWork::crashAfterEditing(const Core::Scenario &changed)
{
    m_window->editor()->edit(QStringLiteral("test edit"), changed);
    if (!m_window->autosave()->flush() || !leaveAsCrashed(*m_window->autosave()))
        return false;
    m_window.reset();
    return true;
}

void TestNoLostWork::launchOn(const QString &next)
{
    m_window = std::make_unique<MainWindow>();
    m_window->showPreset(next, preset(next));
}

void TestNoLostWork::aRestoreAfterACrashBringsTheEditsBackUnsaved()
{
    const QString path = m_files.filePath(QStringLiteral("restored.latency.json"));
    const Core::Scenario original = preset(QStringLiteral("web-load"));
    QVERIFY(Core::ScenarioJson::save(original, path));
    QVERIFY(openFile(path));
    const Core::Scenario changed = edited(original, QStringLiteral("Edits worth keeping"));
    QVERIFY(crashAfterEditing(changed));

    // The next launch, on whatever scenario it opens first.
    launchOn(QStringLiteral("cores"));
    QStringList asked;
    m_window->setRestorePrompt([&](const QString &name, const QDateTime &savedAt) {
        asked << name;
        return savedAt.isValid();
    });
    QVERIFY(m_window->offerRestore());
    QCOMPARE(asked, QStringList{QStringLiteral("Edits worth keeping")});
    QVERIFY(m_window->editor()->scenario() == changed);
    QVERIFY(m_window->editor()->isModified());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Edits worth keeping")));
    // On top of the file they were made to: undo gives the file back, and Save writes to it.
    m_window->editor()->undoStack()->undo();
    QVERIFY(m_window->editor()->scenario() == original);
    m_window->editor()->undoStack()->redo();
    m_window->actions().save->trigger();
    QVERIFY(!m_window->editor()->isModified());
    QVERIFY(*Core::ScenarioJson::load(path) == changed);

    // Offered once only.
    QVERIFY(!m_window->offerRestore());
    QCOMPARE(asked.size(), 1);
}

void TestNoLostWork::aDeclinedRestoreForgetsTheEdits()
{
    launchOn(QStringLiteral("three-requests"));
    QVERIFY(crashAfterEditing(edited(preset(QStringLiteral("three-requests")), QStringLiteral("Declined"))));

    launchOn(QStringLiteral("cores"));
    const Core::Scenario shown = preset(QStringLiteral("cores"));
    int asked = 0;
    m_window->setRestorePrompt([&](const QString &, const QDateTime &) {
        ++asked;
        return false;
    });
    QVERIFY(!m_window->offerRestore());
    QCOMPARE(asked, 1);
    QVERIFY(m_window->editor()->scenario() == shown);
    QVERIFY(!m_window->editor()->isModified());
    QVERIFY(!m_window->offerRestore());
    QCOMPARE(asked, 1);
}

void TestNoLostWork::aRestoredPresetKeepsItsPreset()
{
    launchOn(QStringLiteral("n-requests"));
    const Core::Scenario changed = edited(preset(QStringLiteral("n-requests")), QStringLiteral("Edited preset"));
    QVERIFY(crashAfterEditing(changed));

    launchOn(QStringLiteral("cores"));
    m_window->setRestorePrompt([](const QString &, const QDateTime &) { return true; });
    QVERIFY(m_window->offerRestore());
    QVERIFY(m_window->editor()->scenario() == changed);
    m_window->editor()->undoStack()->undo();
    QVERIFY(m_window->editor()->scenario() == preset(QStringLiteral("n-requests")));
}

void TestNoLostWork::aSaveThatFailsKeepsTheOriginalAndLeavesNoFile()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("big.latency.json"));
    // A scenario file far larger than the writes allowed below.
    Core::Scenario big = preset(QStringLiteral("three-requests"));
    for (int i = 0; i < 500; ++i)
        big.requests << big.requests.first();
    QVERIFY(Core::ScenarioJson::save(preset(QStringLiteral("three-requests")), path));
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray before = original.readAll();
    original.close();

    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([this](const QString &, const QString &message) { m_errors << message; });
    QVERIFY(m_window->openFile(path));
    m_window->editor()->edit(QStringLiteral("test edit"), big);
    QVERIFY(Core::ScenarioJson::serialize(m_window->editor()->scenario()).size() > 4 * 16 * 1024);
    {
        const FileSizeLimit full(16 * 1024);
        QVERIFY(!m_window->saveFile(path));
    }
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.first().startsWith(path + QStringLiteral(": cannot save")), qPrintable(m_errors.first()));
    QVERIFY(m_window->editor()->isModified()); // still unsaved, still asked about on close
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), before);
    QCOMPARE(filesIn(folder.path()), QStringList{QStringLiteral("big.latency.json")});

    // Where nothing can be written at all, by anyone.
    const QString nowhere = regularFileIn(folder.path()) + QStringLiteral("/scenario.latency.json");
    QVERIFY(!m_window->saveFile(nowhere));
    QCOMPARE(m_errors.size(), 2);
    QVERIFY2(m_errors.last().contains(nowhere), qPrintable(m_errors.last()));
    QVERIFY(!QFile::exists(nowhere));
}

void TestNoLostWork::anExportThatFailsHalfWayLeavesNoFile()
{
    QVERIFY(openFile(QStringLiteral(":/presets/web-load.json")));
    QTemporaryDir folder;
    for (const QString &name : {QStringLiteral("chart.png"), QStringLiteral("chart.svg")}) {
        const QString path = folder.filePath(name);
        QVERIFY(exportAndWait(*m_window, path, QSize(1600, 900), 2.0));
        QVERIFY2(QFileInfo(path).size() > 16 * 1024, "the export is larger than the writes allowed below");
        QVERIFY(QFile::remove(path));
        m_errors.clear();
        {
            const FileSizeLimit full(16 * 1024);
            QVERIFY(!exportAndWait(*m_window, path, QSize(1600, 900), 2.0));
        }
        QCOMPARE(m_errors.size(), 1);
        QVERIFY2(m_errors.first().contains(path), qPrintable(m_errors.first()));
        QCOMPARE(filesIn(folder.path()), QStringList());
    }
}

void TestNoLostWork::anExportToAnUnwritableFolderIsReported()
{
    QVERIFY(openFile(QStringLiteral(":/presets/three-requests.json")));
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString throughAFile = regularFileIn(folder.path()) + QStringLiteral("/chart.png"); // refuses root too
    for (const QString &path : {throughAFile, QStringLiteral("/no/such/folder/chart.svg")}) {
        m_errors.clear();
        QVERIFY(!exportAndWait(*m_window, path, QSize(800, 600), 1.0));
        QCOMPARE(m_errors.size(), 1);
        QVERIFY2(m_errors.first().contains(path), qPrintable(m_errors.first()));
        QVERIFY(!QFile::exists(path));
    }
}

QTEST_MAIN(TestNoLostWork)
#include "tst_nolostwork.moc"
