// Pin and Unpin: the Gantt and Compare charts kept, greyed, below the live
// ones while the scenario is edited, titled with what changed since.
//
// The three-requests preset by hand: requests of 1.00 s, 1.20 s and 500 ms
// (cpu 50 ms, io, cpu 50 ms) arriving at 0, 50 ms and 100 ms. Under sync,
// request 1 runs 0–1.0 s, request 2 1.0–2.2 s, request 3 2.2–2.7 s (response
// 2.60 s). With request 2 at 3.00 s of work, it runs 1.0–4.0 s and request 3
// 4.0–4.5 s (response 4.40 s).

#include "windowexport.h"
#include "windowfixtures.h"

#include "charts/pinnedresult.h"
#include "controls/scenarioeditor.h"
#include "export/chartexporter.h"
#include "gantt/ganttgeometry.h"
#include "gantt/ganttview.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Ui::MainWindow;

namespace {

constexpr int kComputeTimeoutMs = 10'000;
const QString kLongerLabel = QStringLiteral("pinned: Request 2 duration 1.20 s → now 3.00 s");

Core::Step step(Core::StepKind kind, double seconds)
{
    return Core::Step{kind, Core::fromSeconds(seconds)};
}

Core::Nanos seconds(double value)
{
    return Core::fromSeconds(value);
}

} // namespace

class TestPinResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void pinThenEditKeepsTheOldRunBelowTheLiveOne();
    void pinnedSectionsAreDrawnGreyed();
    void unpinRemovesThePinnedSections();
    void pinningAgainReplacesThePin();
    void anotherScenarioUnpinsAndSaysSo();
    void exportsIncludeThePin();
    void labelCountsWhatItCannotName();

private:
    bool open(const QString &name);
    // Request 2 from 1.20 s to 3.00 s of work, and the charts recomputed.
    bool lengthenRequest2();

    QTemporaryDir m_settingsFolder;
    std::unique_ptr<MainWindow> m_window;
};

void TestPinResult::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsFolder.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsFolder.path());
}

void TestPinResult::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
}

void TestPinResult::cleanup()
{
    m_window.reset();
}

bool TestPinResult::open(const QString &name)
{
    return showPresetAndWait(*m_window, name, kComputeTimeoutMs);
}

bool TestPinResult::lengthenRequest2()
{
    Core::Scenario edited = m_window->editor()->scenario();
    edited.requests[1].steps = {step(Core::StepKind::Cpu, 0.05), step(Core::StepKind::Io, 2.9), step(Core::StepKind::Cpu, 0.05)};
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    m_window->editor()->edit(QStringLiteral("Set the duration of Request 2 to 3.00 s"), edited);
    return shown.wait(kComputeTimeoutMs);
}

void TestPinResult::pinThenEditKeepsTheOldRunBelowTheLiveOne()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    QVERIFY(!m_window->actions().unpin->isEnabled());
    m_window->actions().pin->trigger();
    QVERIFY(m_window->actions().unpin->isEnabled());
    QCOMPARE(m_window->ganttView()->chart().sections.size(), 2);
    QCOMPARE(m_window->ganttView()->chart().sections[1].title, QStringLiteral("pinned: nothing changed since"));

    QVERIFY(lengthenRequest2());
    const Ui::GanttChart &gantt = m_window->ganttView()->chart();
    QCOMPARE(gantt.sections.size(), 2);
    const Ui::GanttSection &live = gantt.sections[0];
    const Ui::GanttSection &pinned = gantt.sections[1];
    QVERIFY(!live.pinned);
    QVERIFY(pinned.pinned);
    QCOMPARE(pinned.title, kLongerLabel);
    QVERIFY2(pinned.summary.startsWith(QStringLiteral("sync (1 × blocking) · ")), qPrintable(pinned.summary));

    // The live run has the new values, the pinned one the old.
    QCOMPARE(live.run->timeline.requestCount(), 3);
    QCOMPARE(pinned.run->timeline.requestCount(), 3);
    QCOMPARE(live.run->timeline.ownDuration(1), seconds(3.0));
    QCOMPARE(pinned.run->timeline.ownDuration(1), seconds(1.2));
    QCOMPARE(live.run->timeline.response(2), seconds(4.4));
    QCOMPARE(pinned.run->timeline.response(2), seconds(2.6));

    // Compare: sync and async live, then the same two pinned.
    const Ui::GanttChart &compare = m_window->compareView()->chart();
    QCOMPARE(compare.sections.size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(compare.sections[i].pinned, i >= 2);
    QCOMPARE(compare.sections[3].run->server.name, QStringLiteral("async"));
    QCOMPARE(compare.sections[3].title, kLongerLabel);
    QCOMPARE(compare.sections[3].run->timeline.ownDuration(1), seconds(1.2));
    QCOMPARE(compare.sections[3].run->timeline.response(1), seconds(1.2)); // async: nobody else holds the loop that long

    // One time axis: it reaches the later of the two runs' ends (live sync, 4.5 s).
    QCOMPARE(gantt.end(), seconds(4.5));
}

void TestPinResult::pinnedSectionsAreDrawnGreyed()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    m_window->actions().pin->trigger();
    QVERIFY(lengthenRequest2());
    const Ui::GanttChart &chart = m_window->compareView()->chart();

    const QSize size(1200, 900);
    const Ui::GanttGeometry geometry = Ui::layOutForExport(chart, size, Ui::ExportPreset::Standard);
    // A response bar per request: three rows in each of the two live and two pinned sections.
    QCOMPARE(geometry.bars()[Ui::GanttLayer::Response].size(), 6);
    QCOMPARE(geometry.bars(true)[Ui::GanttLayer::Response].size(), 6);
    QVERIFY(!geometry.ioHatch(true).isEmpty()); // io stays hatched, greyed or not

    int pinnedTitles = 0;
    for (const Ui::GanttText &text : geometry.texts()) {
        if (text.role == Ui::GanttText::Role::PinnedTitle) {
            ++pinnedTitles;
            QCOMPARE(text.text, kLongerLabel);
        }
    }
    QCOMPARE(pinnedTitles, 2);

    // Painted: a live cpu box in the style's green, a pinned one in a grey.
    const QImage image = Ui::renderChart(chart, size);
    const QColor liveCpu = image.pixelColor(geometry.bars()[Ui::GanttLayer::Cpu].first().center().toPoint());
    const QColor pinnedCpu = image.pixelColor(geometry.bars(true)[Ui::GanttLayer::Cpu].first().center().toPoint());
    QCOMPARE(liveCpu, Ui::exportStyle(Ui::ExportPreset::Standard).cpu);
    QCOMPARE(pinnedCpu.red(), pinnedCpu.green());
    QCOMPARE(pinnedCpu.green(), pinnedCpu.blue());
    QVERIFY(pinnedCpu.lightness() < 200); // still darker than the greyed io around it: cpu reads as the darker ink
}

void TestPinResult::unpinRemovesThePinnedSections()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    m_window->actions().pin->trigger();
    QVERIFY(lengthenRequest2());
    QCOMPARE(m_window->compareView()->chart().sections.size(), 4);

    m_window->actions().unpin->trigger();
    QVERIFY(!m_window->actions().unpin->isEnabled());
    QCOMPARE(m_window->ganttView()->chart().sections.size(), 1);
    const Ui::GanttChart &compare = m_window->compareView()->chart();
    QCOMPARE(compare.sections.size(), 2);
    for (const Ui::GanttSection &section : compare.sections) {
        QVERIFY(!section.pinned);
        QCOMPARE(section.run->timeline.ownDuration(1), seconds(3.0)); // what is left is the live runs
    }
    QCOMPARE(m_window->ganttView()->chart().end(), seconds(4.5));
}

void TestPinResult::pinningAgainReplacesThePin()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    m_window->actions().pin->trigger();
    QVERIFY(lengthenRequest2());
    m_window->actions().pin->trigger(); // the 3.00 s run is now the reference

    const Ui::GanttChart &gantt = m_window->ganttView()->chart();
    QCOMPARE(gantt.sections.size(), 2);
    QCOMPARE(gantt.sections[1].title, QStringLiteral("pinned: nothing changed since"));
    QCOMPARE(gantt.sections[1].run->timeline.ownDuration(1), seconds(3.0));
}

void TestPinResult::anotherScenarioUnpinsAndSaysSo()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    m_window->actions().pin->trigger();
    QVERIFY(open(QStringLiteral("cores")));
    QVERIFY(!m_window->actions().unpin->isEnabled());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Unpinned: another scenario was opened")),
             qPrintable(m_window->statusBar()->currentMessage()));
    for (const Ui::GanttSection &section : m_window->compareView()->chart().sections)
        QVERIFY(!section.pinned);
    QCOMPARE(m_window->compareView()->chart().sections.size(), 3); // threads, processes, async
}

void TestPinResult::exportsIncludeThePin()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    m_window->actions().pin->trigger();
    QVERIFY(lengthenRequest2());
    m_window->chartTabs()->setCurrentWidget(m_window->compareView());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString svg = dir.filePath(QStringLiteral("pinned.svg"));
    QVERIFY(exportAndWait(*m_window, svg, QSize(1200, 800), 1.0));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QCOMPARE(text.count(kLongerLabel.toHtmlEscaped()), 2); // both pinned sections' titles

    // As a slide too: its own size, the pin included.
    const QString png = dir.filePath(QStringLiteral("pinned-slide.png"));
    QSignalSpy finished(m_window.get(), &MainWindow::exportFinished);
    QVERIFY(m_window->exportCurrentChart(png, QSize(800, 600), 1.0, Ui::ExportPreset::Slide));
    QVERIFY(finished.wait(60'000));
    QVERIFY(finished.first().first().toBool());
    QImage image;
    QVERIFY(image.load(png, "PNG"));
    QCOMPARE(image.size(), Ui::kSlideSize);
}

void TestPinResult::labelCountsWhatItCannotName()
{
    Ui::PinnedResult pinned;
    pinned.scenario = presetScenario(QStringLiteral("three-requests"));
    Core::Scenario now = pinned.scenario;
    now.requests[0].arrival = seconds(0.2);
    now.requests[1].arrival = seconds(0.3);
    now.requests[2].arrival = seconds(0.4);
    QCOMPARE(pinned.labelFor(now), QStringLiteral("pinned: Request 1 arrival 0 s → now 200 ms; Request 2 arrival 50.0 ms → now 300 ms; "
                                                  "and 1 more change"));
}

QTEST_MAIN(TestPinResult)
#include "tst_pinresult.moc"
