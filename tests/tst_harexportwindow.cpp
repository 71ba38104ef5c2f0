// Run → Export Recording as HAR…: offered once something is recorded, and
// the file it writes (on a worker thread) imports as the Recorded tab's rows.
#include "run/recordsession.h"
#include "window/harexport.h"
#include "window/mainwindow.h"

#include "model/presets.h"
#include "traces/traceimport.h"
#include "traces/tracescenario.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab;

class TestHarExportWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportsTheRecordedRows();
};

void TestHarExportWindow::exportsTheRecordedRows()
{
    Ui::MainWindow window;
    window.showPreset(QStringLiteral("web-load"), *Core::Presets::load(QStringLiteral("web-load")));
    auto *action = window.findChild<QAction *>(QStringLiteral("exportHarAction"));
    QVERIFY(action);
    QVERIFY(!action->isEnabled()); // nothing recorded yet
    bool inRunMenu = false;
    for (QObject *holder : action->associatedObjects()) {
        if (auto *menu = qobject_cast<QMenu *>(holder))
            inRunMenu = inRunMenu || menu->actions().contains(window.actions().recordDemo);
    }
    QVERIFY(inRunMenu);

    Core::RecordLoad load;
    load.connections = 2;
    load.duration = 300'000'000;
    window.startRecording(Core::RecordPlan::demoComparison(2, 50'000'000, load));
    Ui::RecordSession *session = window.recordSession();
    QTRY_VERIFY_WITH_TIMEOUT(!session->isRunning() && session->recordings().size() == 2, 10'000);
    QVERIFY(action->isEnabled());

    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("window.har"));
    auto *harExport = window.findChild<Ui::HarExport *>();
    QVERIFY(harExport);
    QSignalSpy written(harExport, &Ui::HarExport::written);
    harExport->exportTo(path);
    QVERIFY(written.wait(10'000));

    const Core::Result<Core::ImportedTraces> imported = Core::TraceImport::load(path);
    QVERIFY2(imported, qPrintable(imported ? QString() : imported.error()));
    QList<Core::Nanos> recorded;
    for (const Core::Recording &recording : session->recordings()) {
        for (Core::RequestIndex r = 0; r < Core::RequestIndex(recording.run.timeline.requestCount()); ++r)
            recorded << recording.run.timeline.response(r);
    }
    QVERIFY(recorded.size() >= 4);
    const Core::Timeline measured = Core::measuredTimeline(*imported);
    QCOMPARE(measured.requestCount(), recorded.size());
    // Sync, then async: the file's order is the recordings' order, each row's response to the nanosecond.
    for (Core::RequestIndex r = 0; r < Core::RequestIndex(recorded.size()); ++r)
        QVERIFY2(std::abs(measured.response(r) - recorded[r]) <= 1, qPrintable(QString::number(r)));
}

QTEST_MAIN(TestHarExportWindow)
#include "tst_harexportwindow.moc"
