// Settings written by one AppSettings are read back by the next, from a
// temporary file: never the user's own settings.

#include "window/appsettings.h"
#include "window/scenariofiles.h"

#include <QDir>

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab;
using Ui::AppSettings;

class TestAppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void freshSettingsHaveDefaults();
    void windowRoundTrip();
    void lastScenarioRoundTrip_data();
    void lastScenarioRoundTrip();
    void lastScenarioNeedsExactlyOneSource();
    void themeExportAndRecentRoundTrip();
    void rowOrderRoundTrip();
    void lastFoldersRoundTrip();
    void aDialogStartsInTheFirstFolderThatExists();

private:
    std::unique_ptr<AppSettings> open() const
    {
        return std::make_unique<AppSettings>(std::make_unique<QSettings>(m_path, QSettings::IniFormat));
    }

    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_path;
};

void TestAppSettings::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    m_path = m_folder->filePath(QStringLiteral("latencylab.conf"));
}

void TestAppSettings::freshSettingsHaveDefaults()
{
    const auto settings = open();
    QVERIFY(settings->windowGeometry().isEmpty());
    QVERIFY(!settings->lastScenario());
    QCOMPARE(settings->theme(), QStringLiteral("system"));
    QCOMPARE(settings->rowOrder(), Ui::RowOrder::Arrival);
    QCOMPARE(settings->exportSettings(), Ui::ExportSettings{});
    QVERIFY(settings->recentFiles().isEmpty());
}

void TestAppSettings::windowRoundTrip()
{
    open()->setWindow(QByteArray("geometry\0bytes", 14), QByteArray("state"));
    const auto settings = open();
    QCOMPARE(settings->windowGeometry(), QByteArray("geometry\0bytes", 14));
    QCOMPARE(settings->windowState(), QByteArray("state"));
}

void TestAppSettings::lastScenarioRoundTrip_data()
{
    QTest::addColumn<Ui::LastScenario>("last");
    Ui::LastScenario preset{QStringLiteral("web-load"), {}, std::nullopt};
    QTest::addRow("a preset as it comes") << preset;
    Core::ServerSpec threads;
    threads.model = QStringLiteral("threads");
    threads.threads = 8;
    threads.gil = false;
    preset.server = threads;
    QTest::addRow("a preset with the model chosen for it: threads, 8 per worker, no GIL") << preset;
    threads.gil = true;
    threads.switchInterval = Core::fromSeconds(0.25);
    threads.slices = true;
    preset.server = threads;
    QTest::addRow("threads under a GIL, time slices of 250 ms drawn") << preset;
    QTest::addRow("a file") << Ui::LastScenario{{}, QStringLiteral("/home/me/my scenario.latency.json"), std::nullopt};
}

void TestAppSettings::lastScenarioRoundTrip()
{
    QFETCH(Ui::LastScenario, last);
    {
        const auto settings = open();
        // Overwrites whatever was there before, server included.
        Core::ServerSpec stale;
        stale.workers = 5;
        settings->setLastScenario({QStringLiteral("cores"), {}, stale});
        settings->setLastScenario(last);
    }
    const std::optional<Ui::LastScenario> read = open()->lastScenario();
    QVERIFY(read);
    QCOMPARE(*read, last);
}

void TestAppSettings::lastScenarioNeedsExactlyOneSource()
{
    open()->setLastScenario({QStringLiteral("web-load"), QStringLiteral("/tmp/x.json"), std::nullopt});
    QVERIFY(!open()->lastScenario());
}

void TestAppSettings::themeExportAndRecentRoundTrip()
{
    {
        const auto settings = open();
        settings->setTheme(QStringLiteral("dark"));
        settings->setExportSettings({QSize(800, 450), 3.0});
        settings->setRecentFiles({QStringLiteral("/a.latency.json"), QStringLiteral("/b.json")});
    }
    const auto settings = open();
    QCOMPARE(settings->theme(), QStringLiteral("dark"));
    QCOMPARE(settings->exportSettings(), (Ui::ExportSettings{QSize(800, 450), 3.0}));
    QCOMPARE(settings->recentFiles(), (QStringList{QStringLiteral("/a.latency.json"), QStringLiteral("/b.json")}));

    // One file is still a list.
    settings->setRecentFiles({QStringLiteral("/only.json")});
    QCOMPARE(open()->recentFiles(), QStringList{QStringLiteral("/only.json")});
}

void TestAppSettings::rowOrderRoundTrip()
{
    open()->setRowOrder(Ui::RowOrder::Slowdown);
    QCOMPARE(open()->rowOrder(), Ui::RowOrder::Slowdown);
    open()->setRowOrder(Ui::RowOrder::OwnDuration);
    QCOMPARE(open()->rowOrder(), Ui::RowOrder::OwnDuration);
    // Kept as the command line's word, so a file edited by hand reads plainly.
    QCOMPARE(QSettings(m_path, QSettings::IniFormat).value(QStringLiteral("appearance/rowOrder")).toString(), QStringLiteral("own"));
    // A word it does not know (edited by hand, or from a later version): arrival.
    QSettings(m_path, QSettings::IniFormat).setValue(QStringLiteral("appearance/rowOrder"), QStringLiteral("fastest first"));
    QCOMPARE(open()->rowOrder(), Ui::RowOrder::Arrival);
}

void TestAppSettings::lastFoldersRoundTrip()
{
    QVERIFY(open()->lastFolder(Ui::FolderUse::Scenarios).isEmpty());
    {
        const auto settings = open();
        settings->setLastFolder(Ui::FolderUse::Scenarios, QStringLiteral("/home/me/scenarios"));
        settings->setLastFolder(Ui::FolderUse::Exports, QStringLiteral("/home/me/slides"));
    }
    QCOMPARE(open()->lastFolder(Ui::FolderUse::Scenarios), QStringLiteral("/home/me/scenarios"));
    QCOMPARE(open()->lastFolder(Ui::FolderUse::Exports), QStringLiteral("/home/me/slides"));
}

void TestAppSettings::aDialogStartsInTheFirstFolderThatExists()
{
    const QString gone = m_folder->filePath(QStringLiteral("deleted since"));
    const QString file = m_folder->filePath(QStringLiteral("a file, not a folder"));
    QFile(file).open(QIODevice::WriteOnly);
    QVERIFY(QFileInfo(file).isFile());
    const QString there = m_folder->path();
    QCOMPARE(Ui::startFolder({gone, file, QString(), there}, QStandardPaths::PicturesLocation), there);
    QCOMPARE(Ui::startFolder({there, gone}, QStandardPaths::PicturesLocation), there);
    // None left: the standard folder, or home where there is none.
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QCOMPARE(Ui::startFolder({gone}, QStandardPaths::PicturesLocation), QFileInfo(pictures).isDir() ? pictures : QDir::homePath());
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
