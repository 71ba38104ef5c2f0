// The recent-files list: newest first, each file once however it was
// reached, at most RecentFiles::kMax; the menu that shows it; and the folder
// the next Open or Save As starts in: the one a scenario was last opened
// from or saved to, while it exists.

#include "window/appsettings.h"
#include "window/recentfiles.h"
#include "window/recentfilesmenu.h"
#include "window/scenariodocument.h"

#include "controls/scenarioeditor.h"
#include "model/presets.h"
#include "model/scenariojson.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <memory>

using LatencyLab::Ui::RecentFiles;
using LatencyLab::Ui::RecentFilesMenu;

class TestRecentFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestComesFirst();
    void aFileOpenedAgainMovesToTheFront();
    void oneFileReachedTwoWaysIsOneEntry();
    void theOldestFallOffPastTheMaximum();
    void restoringKeepsTheOrder();
    void removeForgetsAFile();
    void menuListsTheFilesAndReportsTheChoice();
    void anEmptyMenuIsDisabled();
    void theNextDialogStartsInTheFolderLastUsed();
};

void TestRecentFiles::newestComesFirst()
{
    RecentFiles files;
    files.add(QStringLiteral("/a.json"));
    files.add(QStringLiteral("/b.json"));
    QCOMPARE(files.paths(), (QStringList{QStringLiteral("/b.json"), QStringLiteral("/a.json")}));
}

void TestRecentFiles::aFileOpenedAgainMovesToTheFront()
{
    RecentFiles files;
    for (const char *path : {"/a.json", "/b.json", "/c.json", "/a.json"})
        files.add(QLatin1String(path));
    QCOMPARE(files.paths(), (QStringList{QStringLiteral("/a.json"), QStringLiteral("/c.json"), QStringLiteral("/b.json")}));
}

void TestRecentFiles::oneFileReachedTwoWaysIsOneEntry()
{
    RecentFiles files;
    files.add(QStringLiteral("/home/me/../me/s.json"));
    files.add(QStringLiteral("/home/me/s.json"));
    QCOMPARE(files.paths(), QStringList{QStringLiteral("/home/me/s.json")});
    files.add(QStringLiteral("relative.json"));
    QCOMPARE(files.paths().first(), QDir::current().absoluteFilePath(QStringLiteral("relative.json")));
}

void TestRecentFiles::theOldestFallOffPastTheMaximum()
{
    RecentFiles files;
    for (int i = 0; i < RecentFiles::kMax + 3; ++i)
        files.add(QStringLiteral("/%1.json").arg(i));
    QCOMPARE(files.paths().size(), RecentFiles::kMax);
    QCOMPARE(files.paths().first(), QStringLiteral("/%1.json").arg(RecentFiles::kMax + 2));
    QVERIFY(!files.paths().contains(QStringLiteral("/2.json")));
    QVERIFY(files.paths().contains(QStringLiteral("/3.json")));
}

void TestRecentFiles::restoringKeepsTheOrder()
{
    const QStringList saved{QStringLiteral("/new.json"), QStringLiteral("/old.json"), QStringLiteral("/new.json"), QString()};
    QCOMPARE(RecentFiles(saved).paths(), (QStringList{QStringLiteral("/new.json"), QStringLiteral("/old.json")}));
}

void TestRecentFiles::removeForgetsAFile()
{
    RecentFiles files({QStringLiteral("/a.json"), QStringLiteral("/b.json")});
    files.remove(QStringLiteral("/x/../a.json"));
    QCOMPARE(files.paths(), QStringList{QStringLiteral("/b.json")});
}

void TestRecentFiles::menuListsTheFilesAndReportsTheChoice()
{
    RecentFilesMenu menu;
    menu.setFiles(RecentFiles({QStringLiteral("/s/web.latency.json"), QStringLiteral("/s/three.json")}));
    QVERIFY(menu.isEnabled());
    const QList<QAction *> actions = menu.actions();
    QCOMPARE(actions.size(), 4); // two files, a separator, Clear List
    QCOMPARE(actions.at(0)->text(), QStringLiteral("&1 web.latency.json"));
    QCOMPARE(actions.at(1)->text(), QStringLiteral("&2 three.json"));
    QCOMPARE(actions.at(1)->toolTip(), QStringLiteral("/s/three.json"));

    QSignalSpy chosen(&menu, &RecentFilesMenu::fileChosen);
    actions.at(1)->trigger();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toString(), QStringLiteral("/s/three.json"));

    QSignalSpy cleared(&menu, &RecentFilesMenu::clearRequested);
    actions.at(3)->trigger();
    QCOMPARE(cleared.size(), 1);
}

void TestRecentFiles::anEmptyMenuIsDisabled()
{
    RecentFilesMenu menu;
    menu.setFiles(RecentFiles({QStringLiteral("/a.json")}));
    menu.setFiles(RecentFiles());
    QVERIFY(!menu.isEnabled());
}

void TestRecentFiles::theNextDialogStartsInTheFolderLastUsed()
{
    QTemporaryDir settingsFolder;
    QTemporaryDir x;
    auto y = std::make_unique<QTemporaryDir>();
    QVERIFY(settingsFolder.isValid() && x.isValid() && y->isValid());
    const QString settingsFile = settingsFolder.filePath(QStringLiteral("latencylab.conf"));
    const auto settingsIn = [&] { return std::make_unique<LatencyLab::Ui::AppSettings>(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat)); };
    const QString scenarioInX = QDir(x.path()).filePath(QStringLiteral("three.latency.json"));
    QVERIFY(LatencyLab::Core::ScenarioJson::save(*LatencyLab::Core::Presets::load(QStringLiteral("three-requests")), scenarioInX));
    // Where a dialog starts when nothing was used yet: Documents, or home on a machine without one.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString nothingUsed = QFileInfo(documents).isDir() ? documents : QDir::homePath();

    QWidget window;
    LatencyLab::Ui::ScenarioEditor editor;
    RecentFilesMenu menu;
    {
        const auto settings = settingsIn();
        LatencyLab::Ui::ScenarioDocument document(&editor, settings.get(), &menu, &window);
        QCOMPARE(document.dialogFolder(), nothingUsed);
        QVERIFY(document.openFile(scenarioInX));
        QCOMPARE(document.dialogFolder(), x.path());
    }
    // The next launch, on a preset: still X.
    const auto settings = settingsIn();
    LatencyLab::Ui::ScenarioDocument document(&editor, settings.get(), &menu, &window);
    document.showPreset(QStringLiteral("n-requests"), *LatencyLab::Core::Presets::load(QStringLiteral("n-requests")));
    QCOMPARE(document.dialogFolder(), x.path());
    // Saved elsewhere: there.
    QVERIFY(document.saveFile(QDir(y->path()).filePath(QStringLiteral("n.latency.json"))));
    QCOMPARE(document.dialogFolder(), y->path());
    // That folder deleted since, with the file in it: back where nothing was used.
    y.reset();
    QCOMPARE(document.dialogFolder(), nothingUsed);
}

QTEST_MAIN(TestRecentFiles)
#include "tst_recentfiles.moc"
