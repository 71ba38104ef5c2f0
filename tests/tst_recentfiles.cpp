// The recent-files list: newest first, each file once however it was
// reached, at most RecentFiles::kMax; and the menu that shows it.

#include "window/recentfiles.h"
#include "window/recentfilesmenu.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

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

QTEST_MAIN(TestRecentFiles)
#include "tst_recentfiles.moc"
