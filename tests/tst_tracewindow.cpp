// Imported traces in the window: a file read through MainWindow::importTraces
// (what File → Import Traces… calls) or dropped on the window shows its
// measured requests on the Imported tab, named "service: endpoint", with the
// responses worked out by hand from the fixtures' spans (tests/data/traces);
// the endpoint filter limits the rows; a malformed file is reported and the
// charts shown stay; "Simulate these requests" opens the arrivals and steps
// as the scenario, with the measured rows first in Compare.

#include "tracefixtures.h"

#include "controls/scenarioeditor.h"
#include "gantt/ganttview.h"
#include "load/loadview.h"
#include "run/importedtracespanel.h"
#include "run/traceimportsession.h"
#include "window/mainwindow.h"
#include "window/resulttables.h"
#include "charts/theme.h"

#include "model/presets.h"

#include <QAction>
#include <QComboBox>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;

namespace {

// The rows' names and measured responses, in arrival order.
QStringList rowNames(const Ui::GanttChart &chart)
{
    QStringList names;
    const Core::Timeline &timeline = chart.sections.first().run->timeline;
    for (Core::RequestIndex request = 0; request < timeline.requestCount(); ++request)
        names << timeline.requestName(request);
    return names;
}

Core::Nanos response(const Ui::GanttChart &chart, Core::RequestIndex request)
{
    return chart.sections.first().run->timeline.response(request);
}

// A file dropped on the window's centre, as a file manager delivers it.
bool dropFile(QWidget *window, const QString &path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint centre = window->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QCoreApplication::sendEvent(window, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    drop.setAccepted(false);
    QCoreApplication::sendEvent(window, &drop);
    return drop.isAccepted();
}

} // namespace

class TestTraceWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void anImportShowsTheMeasuredRequests();
    void theEndpointFilterLimitsTheRows();
    void aMalformedFileKeepsWhatWasShown();
    void tracesThatCannotBeMappedAreListed();
    void manyProblemsAreCounted();
    void droppedTraceAndHarFilesImport();
    void simulatingOpensTheRequestsWithTheMeasuredRowsFirst();

private:
    // Imports `path` and waits for the worker; false if it did not end in time.
    bool import(const QString &path);

    std::unique_ptr<Ui::MainWindow> m_window;
    QStringList m_errors;
};

void TestTraceWindow::init()
{
    m_errors.clear();
    m_window = std::make_unique<Ui::MainWindow>();
    m_window->setErrorReporter([this](const QString &, const QString &message) { m_errors << message; });
    m_window->setUnsavedChangesPrompt([](const QString &) { return Ui::UnsavedChoice::Discard; });
    QSignalSpy shown(m_window.get(), &Ui::MainWindow::chartsShown);
    m_window->showPreset(QStringLiteral("three-requests"), *Core::Presets::load(QStringLiteral("three-requests")));
    m_window->resize(1400, 900);
    // The preset's charts first, so that their status line does not come after an import's.
    QVERIFY(QTest::qWaitFor([&] { return shown.size() >= 1; }, 10'000));
}

void TestTraceWindow::cleanup()
{
    m_window.reset();
}

bool TestTraceWindow::import(const QString &path)
{
    QSignalSpy changed(m_window->traceImport(), &Ui::TraceImportSession::runningChanged);
    m_window->importTraces(path);
    // The worker reads the file: the window has gone on meanwhile.
    return QTest::qWaitFor([&] { return !m_window->traceImport()->isRunning() && changed.size() >= 2; }, 10'000);
}

// otlp-shop.json, by hand from its spans (times after 1700000000 s):
// GET /orders 0–100 ms; GET /cart 200–280 ms; GET /orders whose handler ran
// 500–560 ms but whose queue start attribute says 480 ms, so the client
// waited 560 − 480 = 80 ms.
void TestTraceWindow::anImportShowsTheMeasuredRequests()
{
    QVERIFY(import(traceFixture(QStringLiteral("otlp-shop.json"))));
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
    QCOMPARE(m_window->chartTabs()->currentWidget(), m_window->importedView()->parentWidget()); // the Imported tab
    const Ui::GanttChart &chart = m_window->importedView()->chart();
    QCOMPARE(chart.sections.size(), 1);
    QCOMPARE(rowNames(chart), (QStringList{QStringLiteral("shop: GET /orders"), QStringLiteral("shop: GET /cart"),
                                           QStringLiteral("shop: GET /orders")}));
    QCOMPARE(response(chart, 0), 100 * kMs);
    QCOMPARE(response(chart, 1), 80 * kMs);
    QCOMPARE(response(chart, 2), 80 * kMs);
    QVERIFY(!chart.recorded); // a trace's own work and waits, not a client's view
    // The Load view and the tables show the same requests.
    QCOMPARE(m_window->importedLoadView()->chart().models.size(), 1);
    QCOMPARE(m_window->resultTables()->source(), QStringLiteral("Imported: otlp-shop.json"));
    // Two of the three traces do not say when their request arrived.
    const QString status = m_window->statusText();
    QVERIFY2(status.contains(QStringLiteral("3 traces, 3 requests, 0 problems")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("for 2 of 3 requests: time queued before a server-side root span is invisible")),
             qPrintable(status));
    QVERIFY(m_window->actions().simulateTraces->isEnabled());

    // The dark theme reaches the imported charts as it does the others.
    const Ui::Theme theme = m_window->theme();
    m_window->setTheme(Ui::Theme::Dark);
    QCOMPARE(m_window->importedView()->chartStyle().background, m_window->ganttView()->chartStyle().background);
    QVERIFY(m_window->importedView()->chartStyle().background.lightness() < 128);
    m_window->setTheme(theme);
}

void TestTraceWindow::theEndpointFilterLimitsTheRows()
{
    QVERIFY(import(traceFixture(QStringLiteral("otlp-shop.json"))));
    QComboBox *filter = m_window->findChild<QComboBox *>(QStringLiteral("endpointFilter"));
    QVERIFY(filter);
    QCOMPARE(filter->count(), 3); // All, then the two endpoints
    filter->setCurrentIndex(filter->findText(QStringLiteral("shop: GET /orders")));
    QCOMPARE(rowNames(m_window->importedView()->chart()), (QStringList{QStringLiteral("shop: GET /orders"), QStringLiteral("shop: GET /orders")}));
    filter->setCurrentIndex(filter->findText(QStringLiteral("shop: GET /cart")));
    const Ui::GanttChart &cart = m_window->importedView()->chart();
    QCOMPARE(rowNames(cart), QStringList{QStringLiteral("shop: GET /cart")});
    QCOMPARE(response(cart, 0), 80 * kMs);
    filter->setCurrentIndex(0);
    QCOMPARE(m_window->importedView()->chart().rowCount(), 3);
}

void TestTraceWindow::aMalformedFileKeepsWhatWasShown()
{
    QVERIFY(import(traceFixture(QStringLiteral("otlp-shop.json"))));
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"resourceSpans\": [ {\"scopeSpans\": ");
    file.close();
    QVERIFY(import(broken));
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.first().contains(QStringLiteral("broken.json")), qPrintable(m_errors.first()));
    QVERIFY2(m_window->statusText().contains(QStringLiteral("Cannot import broken.json")), qPrintable(m_window->statusText()));
    QCOMPARE(m_window->importedView()->chart().rowCount(), 3); // the shop's requests stay
    QCOMPARE(m_window->resultTables()->source(), QStringLiteral("Imported: otlp-shop.json"));
}

// Zipkin v2: one trace of a lone 10 ms server span, and one whose only span
// names a parent that is not in the file (no root): the first imports, the
// second is listed by its trace and span.
void TestTraceWindow::tracesThatCannotBeMappedAreListed()
{
    QTemporaryDir dir;
    const QString partial = dir.filePath(QStringLiteral("partial.json"));
    QFile file(partial);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([
  {"traceId": "aaaa000000000001", "id": "a000000000000001", "name": "get /ok", "kind": "SERVER",
   "timestamp": 1700000000000000, "duration": 10000, "localEndpoint": {"serviceName": "front"}},
  {"traceId": "bbbb000000000002", "id": "b000000000000002", "parentId": "b0000000000000ff", "name": "get /lost",
   "kind": "SERVER", "timestamp": 1700000000020000, "duration": 5000, "localEndpoint": {"serviceName": "front"}}
])");
    file.close();
    QVERIFY(import(partial));
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.first().contains(QStringLiteral("1 trace or span could not be mapped")), qPrintable(m_errors.first()));
    QVERIFY2(m_errors.first().contains(QStringLiteral("trace bbbb000000000002 span b000000000000002")), qPrintable(m_errors.first()));
    const Ui::GanttChart &chart = m_window->importedView()->chart();
    QCOMPARE(rowNames(chart), QStringList{QStringLiteral("front: get /ok")});
    QCOMPARE(response(chart, 0), 10 * kMs);
    QVERIFY2(m_window->statusText().contains(QStringLiteral("2 traces, 1 request, 1 problem")), qPrintable(m_window->statusText()));
}

// A message box lists the first problems and counts the rest.
void TestTraceWindow::manyProblemsAreCounted()
{
    QStringList problems;
    for (int i = 1; i <= 10; ++i)
        problems << QStringLiteral("trace %1: no root span").arg(i);
    const QStringList lines = Ui::listProblems(problems, 8).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 9);
    QCOMPARE(lines[7], QStringLiteral("trace 8: no root span"));
    QCOMPARE(lines[8], QStringLiteral("… and 2 more."));
    QCOMPARE(Ui::listProblems(problems.mid(0, 3), 8).split(QLatin1Char('\n')).size(), 3);
}

// page.har, by hand from its timings: the first entry 15 ms to resolve and
// connect, 31 ms sent and waited, 4 ms received: 50 ms; the second blocked
// 25.5 ms for a connection, then 20.5 + 2 ms: 48 ms.
void TestTraceWindow::droppedTraceAndHarFilesImport()
{
    QSignalSpy changed(m_window->traceImport(), &Ui::TraceImportSession::importChanged);
    QVERIFY(dropFile(m_window.get(), traceFixture(QStringLiteral("page.har"))));
    QVERIFY(QTest::qWaitFor([&] { return changed.size() >= 1; }, 10'000));
    const Ui::GanttChart &page = m_window->importedView()->chart();
    QCOMPARE(page.rowCount(), 3);
    QCOMPARE(response(page, 0), 50 * kMs);
    QCOMPARE(response(page, 1), 48 * kMs);
    QVERIFY(page.recorded); // what a browser saw, as a recording
    QVERIFY2(m_window->statusText().contains(QStringLiteral("page.har (HAR 1.2): 3 entries, 3 requests")), qPrintable(m_window->statusText()));

    // A JSON file that is no scenario but traces imports; the scenario stays.
    const QString scenarioName = m_window->editor()->scenario().name;
    QVERIFY(dropFile(m_window.get(), traceFixture(QStringLiteral("zipkin-frontend.json"))));
    QVERIFY(QTest::qWaitFor([&] { return changed.size() >= 2; }, 10'000));
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
    QCOMPARE(m_window->resultTables()->source(), QStringLiteral("Imported: zipkin-frontend.json"));
    QCOMPARE(m_window->editor()->scenario().name, scenarioName);
}

// Under the scenario's sync server with one worker the three requests never
// overlap (each done before the next arrives: 0+100 ≤ 200, 200+80 ≤ 480),
// so each is answered in its own time: 100, 80 and 60 ms against the
// measured 100, 80 and 80 (the last queued 20 ms). Δ = 0, 0, −20 ms; mean
// |Δ| ÷ measured = (20/80) ÷ 3 = 8.3 %.
void TestTraceWindow::simulatingOpensTheRequestsWithTheMeasuredRowsFirst()
{
    QVERIFY(import(traceFixture(QStringLiteral("otlp-shop.json"))));
    QVERIFY(m_window->simulateImportedTraces());
    const Core::Scenario &scenario = m_window->editor()->scenario();
    QCOMPARE(scenario.requests.size(), 3);
    QCOMPARE(scenario.requests[0].arrival, 0);
    QCOMPARE(scenario.requests[1].arrival, 200 * kMs);
    QCOMPARE(scenario.requests[2].arrival, 480 * kMs);
    QCOMPARE(stepsInMs(scenario.requests[0].steps), QStringLiteral("cpu 10, io 50, cpu 40"));
    QCOMPARE(stepsInMs(scenario.requests[1].steps), QStringLiteral("cpu 30, io 20, cpu 30"));
    QCOMPARE(stepsInMs(scenario.requests[2].steps), QStringLiteral("cpu 20, io 20, cpu 20"));
    QVERIFY(!m_window->editor()->isModified());

    // The charts of this scenario (the preset's, computed before, may come first).
    const auto measuredFirst = [this] {
        const Ui::GanttChart &chart = m_window->compareView()->chart();
        return !chart.sections.isEmpty() && chart.sections.first().title == QStringLiteral("measured");
    };
    QVERIFY(QTest::qWaitFor(measuredFirst, 10'000));
    QCOMPARE(m_window->chartTabs()->currentWidget(), static_cast<QWidget *>(m_window->compareView()));
    const Ui::GanttChart &compare = m_window->compareView()->chart();
    QVERIFY(compare.sections.size() >= 2);
    const Ui::GanttSection &measured = compare.sections.first();
    QCOMPARE(measured.title, QStringLiteral("measured"));
    QCOMPARE(measured.run->timeline.response(2), 80 * kMs);
    QVERIFY(measured.reference);
    QCOMPARE(measured.reference->timeline.response(2), 60 * kMs);
    const QString status = m_window->statusText();
    QVERIFY2(status.contains(QStringLiteral("against the measured requests: Δ mean 8.3 %, worst −20.0 ms (simulated − measured)")),
             qPrintable(status));

    // Another scenario: the measured rows no longer apply.
    m_window->showPreset(QStringLiteral("three-requests"), *Core::Presets::load(QStringLiteral("three-requests")));
    QVERIFY(QTest::qWaitFor([&] { return !measuredFirst(); }, 10'000));
    QVERIFY(!m_window->statusText().contains(QStringLiteral("measured")));
}

QTEST_MAIN(TestTraceWindow)
#include "tst_tracewindow.moc"
