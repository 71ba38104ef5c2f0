// Exporting for a slide: 1920×1080, a caption with the scenario and its
// takeaway, and (for every export) the chart filling the image's height
// rather than leaving the bottom blank.

#include "ganttfixtures.h"

#include "charts/takeaway.h"
#include "export/chartexporter.h"
#include "export/exportpreset.h"

#include "model/presets.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

// The share of the image's height between the first and the last row of
// pixels that differ from the white background.
double contentHeightShare(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    int first = -1;
    int last = -1;
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if ((line[x] & 0xffffff) != 0xffffff) {
                if (first < 0)
                    first = y;
                last = y;
                break;
            }
        }
    }
    return first < 0 ? 0.0 : double(last - first + 1) / double(argb.height());
}

// A section whose metrics are written by hand: the takeaway reads only
// these, the model's name and (for an open client's few requests) the timeline.
GanttSection sectionWith(const char *model, double throughput, qint64 completed, qint64 timeouts, double meanSeconds)
{
    auto run = std::make_shared<SimulationRun>();
    run->server = Tests::model(model);
    run->client.kind = ClientModel::Kind::Closed;
    run->metrics.completed = completed;
    run->metrics.requests = completed;
    run->metrics.throughputRps = throughput;
    run->metrics.timeouts = timeouts;
    run->metrics.latencySeconds.mean = meanSeconds;
    return GanttSection::fromRun(std::move(run));
}

GanttChart chartWith(const QList<GanttSection> &sections)
{
    GanttChart chart;
    chart.title = QStringLiteral("Hand-made");
    chart.sections = sections;
    return chart;
}

// The wrk experiment as the preset has it: 20 connections for 15 s, a 2 s
// timeout, requests of 2 ms + 470 ms + 470 ms + 2 ms (944 ms), 5 blocking
// workers against an event loop.
GanttChart webLoad()
{
    const Core::Result<Scenario> scenario = Core::Presets::load(QStringLiteral("web-load"));
    Q_ASSERT(scenario);
    return chartOf(*scenario, {model("sync", 5), model("async")});
}

} // namespace

class TestSlideExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void slideIsFullHd();
    void captionIsInTheGeometry();
    void chartFillsTheHeight_data();
    void chartFillsTheHeight();
    void takeaway_data();
    void takeaway();
    void pinnedSectionsAreNotTheTakeaway();

private:
    QTemporaryDir m_dir;
};

void TestSlideExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestSlideExport::slideIsFullHd()
{
    const QString path = m_dir.filePath(QStringLiteral("slide.png"));
    // The size asked for does not matter: a slide has its own.
    const Core::Status written = exportChart(threeRequestComparison(), path, QSize(640, 480), 1.0, {}, ExportPreset::Slide);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error()));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), QSize(1920, 1080));
    QCOMPARE(renderChart(threeRequestComparison(), QSize(640, 480), 2.0, ExportPreset::Slide).size(), QSize(3840, 2160));
}

void TestSlideExport::captionIsInTheGeometry()
{
    const GanttGeometry geometry = layOutForExport(threeRequestComparison(), kSlideSize, ExportPreset::Slide);
    QList<GanttText> captions;
    for (const GanttText &text : geometry.texts()) {
        if (text.role == GanttText::Role::Caption)
            captions << text;
    }
    QCOMPARE(captions.size(), 1);
    // Request 3 waits for requests 1 and 2 under sync (answered at 2.7 s,
    // sent at 0.1 s) and runs at once under async (its own 500 ms): the
    // largest ratio of any request's two responses, 5.2.
    QCOMPARE(captions.first().text, QStringLiteral("Three requests — async answers Request 3 in 500 ms instead of 2.60 s under sync"));
    const QRectF rect = captions.first().rect;
    QVERIFY(rect.top() > geometry.axisLine().y1());
    QVERIFY(rect.bottom() <= kSlideSize.height());

    // Larger type than the standard export.
    QVERIFY(exportStyle(ExportPreset::Slide).textPixelSize > exportStyle(ExportPreset::Standard).textPixelSize);
    QVERIFY(exportStyle(ExportPreset::Slide).lineWidth > exportStyle(ExportPreset::Standard).lineWidth);
    // A standard export has no caption.
    const GanttGeometry standard = layOutForExport(threeRequestComparison(), QSize(1600, 900), ExportPreset::Standard);
    for (const GanttText &text : standard.texts())
        QVERIFY(text.role != GanttText::Role::Caption);
}

void TestSlideExport::chartFillsTheHeight_data()
{
    QTest::addColumn<GanttChart>("chart");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<ExportPreset>("preset");

    const GanttChart compare = threeRequestComparison();
    GanttChart syncAlone = compare;
    syncAlone.sections.removeLast();
    QTest::addRow("three requests, slide") << compare << kSlideSize << ExportPreset::Slide;
    QTest::addRow("three requests, 1600×900") << compare << QSize(1600, 900) << ExportPreset::Standard;
    QTest::addRow("three requests under sync alone, 1600×900") << syncAlone << QSize(1600, 900) << ExportPreset::Standard;
    QTest::addRow("three requests, tall 1000×1400") << compare << QSize(1000, 1400) << ExportPreset::Standard;
    QTest::addRow("web load, slide") << webLoad() << kSlideSize << ExportPreset::Slide;
}

void TestSlideExport::chartFillsTheHeight()
{
    QFETCH(GanttChart, chart);
    QFETCH(QSize, size);
    QFETCH(ExportPreset, preset);
    const QImage image = renderChart(chart, size, 1.0, preset);
    QVERIFY(!image.isNull());
    const double share = contentHeightShare(image);
    QVERIFY2(share >= 0.85, qPrintable(QStringLiteral("the content covers %1 % of the height").arg(share * 100, 0, 'f', 1)));
}

void TestSlideExport::takeaway_data()
{
    QTest::addColumn<GanttChart>("chart");
    QTest::addColumn<QString>("expected");

    QTest::addRow("a few requests: the one whose response differs most")
        << threeRequestComparison() << QStringLiteral("async answers Request 3 in 500 ms instead of 2.60 s under sync");

    GanttChart syncAlone = threeRequestComparison();
    syncAlone.sections.removeLast();
    QTest::addRow("one model: its slowest request against its own work")
        << syncAlone << QStringLiteral("sync answers Request 3 in 2.60 s, 5.20× its own 500 ms of work");

    // 5 workers answer 5 requests every 0.944 s: 15 rounds in 15 s, 75
    // answers, all but the first two rounds (10) later than 2 s. The event
    // loop answers all 20 connections every 0.944 s: 300, none late.
    QTest::addRow("web load: the share of answers timed out")
        << webLoad() << QStringLiteral("async times out 0 of 300 answers instead of 65 of 75 under sync");

    QTest::addRow("throughput four times, mean 1.5 times")
        << chartWith({sectionWith("sync", 5.0, 75, 0, 1.5), sectionWith("async", 20.0, 300, 0, 1.0)})
        << QStringLiteral("async answers 20.0 req/s instead of 5.00 req/s under sync");
    QTest::addRow("mean four times, throughput about the same")
        << chartWith({sectionWith("sync", 1.9, 19, 0, 2.0), sectionWith("async", 2.0, 20, 0, 0.5)})
        << QStringLiteral("async answers in 500 ms on average instead of 2.00 s under sync");
    QTest::addRow("with timeouts the mean is left out, however far apart")
        << chartWith({sectionWith("sync", 1.0, 100, 2, 5.0), sectionWith("async", 1.2, 100, 1, 0.1)})
        << QStringLiteral("async times out 1 of 100 answers instead of 2 of 100 under sync");

    GanttChart pipeline = chartWith({sectionWith("sync", 0, 0, 0, 0)}); // a pipeline's runs carry no request metrics
    QTest::addRow("nothing to compare") << pipeline << QString();
}

void TestSlideExport::takeaway()
{
    QFETCH(GanttChart, chart);
    QFETCH(QString, expected);
    QCOMPARE(Ui::takeaway(chart), expected);
    QCOMPARE(slideCaption(chart), expected.isEmpty() ? chart.title : chart.title + QStringLiteral(" — ") + expected);
}

void TestSlideExport::pinnedSectionsAreNotTheTakeaway()
{
    // Sync alone, live; below it a pinned sync run in which request 3 is
    // 4.50 s long. Counted, the two runs would be compared; left out, the
    // live run speaks alone.
    GanttChart chart = threeRequestComparison();
    chart.sections.removeLast();
    Scenario longer = threeRequests();
    longer.requests[2].steps = {cpu(0.05), io(4.4), cpu(0.05)};
    GanttSection pinned = GanttSection::fromRun(simulated(longer, model("sync")));
    pinned.pinned = true;
    chart.sections << pinned;
    QCOMPARE(Ui::takeaway(chart), QStringLiteral("sync answers Request 3 in 2.60 s, 5.20× its own 500 ms of work"));
}

QTEST_MAIN(TestSlideExport)
#include "tst_slideexport.moc"
