// The Load tab: it builds for the closed web-load experiment (sync vs async,
// with the coordinated-omission switch) and for an open scenario (switch off,
// with a note), the window opens web-load on it, and its export is a real
// image of the requested size with the models' colours and the timeout in it.

#include "charts/chartbuilder.h"
#include "charts/ganttstyle.h"
#include "charts/windowcharts.h"
#include "export/loadexport.h"
#include "gantt/ganttview.h"
#include "load/loadcanvas.h"
#include "load/loadview.h"
#include "window/mainwindow.h"
#include "windowexport.h"

#include "model/presets.h"

#include <QCheckBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

constexpr int kComputeTimeoutMs = 20'000;

Core::Scenario preset(const QString &name)
{
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(name);
    Q_ASSERT(scenario);
    return *scenario;
}

LoadChart loadChartOf(const QString &presetName)
{
    const Core::Result<WindowCharts> charts = WindowCharts::compute(preset(presetName));
    Q_ASSERT(charts);
    return *charts->load;
}

// Pixels that differ from the background (sampled every other pixel).
double inkedShare(const QImage &image, QColor background)
{
    qint64 inked = 0;
    qint64 total = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            ++total;
            if (image.pixelColor(x, y) != background)
                ++inked;
        }
    }
    return total > 0 ? double(inked) / double(total) : 0.0;
}

bool contains(const QImage &image, QColor colour)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y) == colour)
                return true;
        }
    }
    return false;
}

} // namespace

class TestLoadView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void webLoadComparesSyncAndAsync();
    void openScenarioHasNoOmissionSwitch();
    void omissionSwitchExplainsAndOverlays();
    void exportedPngIsARealImage();
    void exportedSvgIsADrawing();
    void darkStyleDarkensTheCanvas();
    void windowOpensWebLoadOnTheLoadTab();
};

void TestLoadView::webLoadComparesSyncAndAsync()
{
    const LoadChart chart = loadChartOf(QStringLiteral("web-load"));
    QCOMPARE(chart.models.size(), 2);
    QCOMPARE(chart.models[0].name, QStringLiteral("sync"));
    QCOMPARE(chart.models[1].name, QStringLiteral("async"));
    QVERIFY(chart.closedClient);
    QVERIFY(chart.hasOmission());
    QCOMPARE(chart.connections, 20);
    QCOMPARE(chart.timeout, 2 * Core::kNanosPerSecond);
    // 15 s in 200 ms buckets; the histograms share bins.
    QCOMPARE(chart.window.bucketWidth, 200 * 1'000'000LL);
    QCOMPARE(chart.models[0].series.buckets.size(), size_t(75));
    QCOMPARE(chart.smoothingSigma, 2.5); // 15 s ÷ 40 = 0.375 s → 0.5 s, in 0.2 s buckets
    QCOMPARE(chart.models[0].histogram.withinTimeout.size(), size_t(chart.bins.count()));
    QCOMPARE(chart.models[1].histogram.withinTimeout.size(), size_t(chart.bins.count()));
    // The sync model's answers beyond the timeout have phantom samples; the async ones none.
    QVERIFY(chart.models[0].omission->corrected.phantomCount() > 0);
    QCOMPARE(chart.models[1].omission->corrected.phantomCount(), qint64(0));
    QVERIFY(chart.models[0].omission->correctedSeconds.p50 < chart.models[0].omission->measuredSeconds.p50);

    LoadView view;
    view.resize(1100, 600);
    view.setChart(chart);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.omissionSwitch()->isEnabled());
    QVERIFY(!view.isOmissionShown());
    const QImage shown = view.canvas()->grab().toImage();
    QVERIFY(inkedShare(shown, GanttStyle::standard().background) > 0.03);
}

void TestLoadView::openScenarioHasNoOmissionSwitch()
{
    const LoadChart chart = loadChartOf(QStringLiteral("three-requests"));
    QVERIFY(!chart.closedClient);
    QVERIFY(!chart.hasOmission());
    QCOMPARE(chart.models.size(), 2);
    LoadView view;
    view.resize(900, 500);
    view.setChart(chart);
    view.setOmissionRequested(true);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.omissionSwitch()->isEnabled());
    QVERIFY(!view.isOmissionShown());
    QVERIFY(view.explanation()->isHidden());
    const QList<QLabel *> labels = view.findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
                        [](const QLabel *label) { return label->isVisible() && label->text().contains(QStringLiteral("closed client")); }));
    // Throughput and latency over time still draw.
    QVERIFY(inkedShare(renderLoadChart(chart, true, QSize(900, 500)), Qt::white) > 0.03);
}

void TestLoadView::omissionSwitchExplainsAndOverlays()
{
    const LoadChart chart = loadChartOf(QStringLiteral("web-load"));
    LoadView view;
    view.resize(1100, 700);
    view.setChart(chart);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.explanation()->isHidden());
    QTest::mouseClick(view.omissionSwitch(), Qt::LeftButton);
    QVERIFY(view.isOmissionShown());
    QVERIFY(view.explanation()->isVisible());
    QVERIFY(view.explanation()->text().contains(QStringLiteral("944 ms"))); // the steady pace: a request's own time
    // The overlay changes the drawing.
    const QImage plain = renderLoadChart(chart, false, QSize(1000, 700));
    const QImage overlaid = renderLoadChart(chart, true, QSize(1000, 700));
    QVERIFY(plain != overlaid);
}

void TestLoadView::exportedPngIsARealImage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("load.png"));
    const LoadChart chart = loadChartOf(QStringLiteral("web-load"));
    const Core::Status written = exportLoadChart(chart, false, path, QSize(800, 450), 2.0);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error()));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), QSize(1600, 900));
    QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));
    QVERIFY2(inkedShare(image, Qt::white) > 0.05, qPrintable(QString::number(inkedShare(image, Qt::white))));
    // The legend's swatches in both models' colours, and the timeout line.
    QImage plain = renderLoadChart(chart, false, QSize(1000, 600));
    plain = plain.convertToFormat(QImage::Format_RGB32);
    QVERIFY(contains(plain, QColor(0xe0, 0x8e, 0x00)));
    QVERIFY(contains(plain, QColor(0x00, 0x72, 0xb2)));
    QVERIFY(contains(plain, GanttStyle::standard().timeout));
    // A bad path is an error that names it, and leaves nothing.
    const Core::Status bad = exportLoadChart(chart, false, dir.filePath(QStringLiteral("missing/load.png")));
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().contains(QStringLiteral("missing")));
}

void TestLoadView::exportedSvgIsADrawing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("load.svg"));
    QVERIFY(exportLoadChart(loadChartOf(QStringLiteral("web-load")), true, path, QSize(1200, 800)).ok());
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".+"))); // whatever the reader cannot resolve
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.defaultSize(), QSize(1200, 800));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.contains("Requests/sec")); // the summary is text, not pixels
    QVERIFY(svg.contains("Omitted requests"));
    QVERIFY(svg.contains("\u2192")); // wrk's figure → the corrected one
}

void TestLoadView::darkStyleDarkensTheCanvas()
{
    LoadView view;
    view.resize(900, 500);
    view.setChart(loadChartOf(QStringLiteral("web-load")));
    view.setChartStyle(GanttStyle::dark());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = view.canvas()->grab().toImage();
    QCOMPARE(image.pixelColor(1, 1), GanttStyle::dark().background);
    QVERIFY(inkedShare(image, GanttStyle::dark().background) > 0.03);
}

void TestLoadView::windowOpensWebLoadOnTheLoadTab()
{
    MainWindow window;
    window.setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
    QSignalSpy shown(&window, &MainWindow::chartsShown);
    window.showPreset(QStringLiteral("web-load"), preset(QStringLiteral("web-load")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(shown.size() > 0 || shown.wait(kComputeTimeoutMs));
    QCOMPARE(window.chartTabs()->currentWidget(), window.loadView());
    QCOMPARE(window.loadView()->chart().models.size(), 2);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tab.png"));
    QVERIFY(exportAndWait(window, path, QSize(800, 500), 1.0));
    QCOMPARE(QImage(path).size(), QSize(800, 500));

    // An open scenario goes back to the comparison.
    QSignalSpy again(&window, &MainWindow::chartsShown);
    window.showPreset(QStringLiteral("three-requests"), preset(QStringLiteral("three-requests")));
    QVERIFY2(again.size() > 0 || again.wait(kComputeTimeoutMs), qPrintable(window.statusText()));
    QCOMPARE(window.chartTabs()->currentWidget(), window.compareView());
    QVERIFY(!window.loadView()->chart().hasOmission());
}

QTEST_MAIN(TestLoadView)
#include "tst_loadview.moc"
