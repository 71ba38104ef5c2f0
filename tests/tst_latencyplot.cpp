// The producer/consumer latency plot: points arrive live through the slot a
// real run feeds, redraws are coalesced (under 30 a second), series stay
// bounded at 100,000 items, a replay at time t shows exactly the items taken
// by t, and the exported PNG/SVG is the plot.

#include "pipelinefixtures.h"
#include "wallclock.h"

#include "charts/latencytrace.h"
#include "controls/replaycontroller.h"
#include "export/latencyexport.h"
#include "latency/latencychart.h"
#include "latency/latencyplot.h"

#include <QElapsedTimer>
#include <QImage>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <set>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Ui::LatencyChart;
using Ui::LatencyPlot;
using Mode = Core::PipelineSpec::Mode;

namespace {

QList<QPointF> pointsOf(const QLineSeries *series)
{
    return series->points();
}

bool samePoints(const QList<QPointF> &actual, const QList<QPointF> &expected)
{
    if (actual.size() != expected.size())
        return false;
    for (qsizetype i = 0; i < actual.size(); ++i) {
        if (std::abs(actual[i].x() - expected[i].x()) > 1e-9 || std::abs(actual[i].y() - expected[i].y()) > 1e-9)
            return false;
    }
    return true;
}

// An item taken at `taken` s after waiting `latency` s.
Core::PipelineItem itemTakenAt(double taken, double latency, int index = 1)
{
    return pipelineItem({0, index, taken - latency, taken, taken + 0.5});
}

int countColour(const QImage &image, QColor colour, int tolerance)
{
    int count = 0;
    for (int y = 0; y < image.height(); y += 1) {
        for (int x = 0; x < image.width(); x += 1) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) <= tolerance && std::abs(c.green() - colour.green()) <= tolerance
                && std::abs(c.blue() - colour.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestLatencyPlot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decimateKeepsEachRunsExtremes();
    void decimateLeavesSmallSeriesAlone();
    void liveItemsBecomePoints();
    void aBurstIsOneRedraw();
    void redrawsStayUnderThirtyASecond();
    void seriesAreBoundedAtAHundredThousandItems();
    void replayShowsExactlyTheItemsTakenByThen_data();
    void replayShowsExactlyTheItemsTakenByThen();
    void queueIsAStepLineUpToTheCursor();
    void legendCarriesTotalAndMeanPerMode();
    void subtitleSaysWhatEachModeWasGiven();
    void axesCoverTheWholeRun();
    void replayAdvancesAtItsSpeed();
    void replayStopsAtTheEndAndRestartsFromZero();
    void exportedPngIsThePlot();
    void exportedSvgIsValid();
};

void TestLatencyPlot::decimateKeepsEachRunsExtremes()
{
    // Ten points, at most four: two runs of five, each giving its lowest and highest in x order.
    const QList<QPointF> points{{0, 5}, {1, 9}, {2, 1}, {3, 4}, {4, 6}, {5, 2}, {6, 2}, {7, 8}, {8, 0}, {9, 3}};
    const QList<QPointF> kept = Ui::decimate(points.constData(), points.size(), 4);
    QVERIFY(samePoints(kept, {{1, 9}, {2, 1}, {7, 8}, {8, 0}}));
}

void TestLatencyPlot::decimateLeavesSmallSeriesAlone()
{
    const QList<QPointF> points{{0, 1}, {1, 2}, {2, 3}};
    QVERIFY(samePoints(Ui::decimate(points.constData(), points.size(), 3), points));
    QVERIFY(Ui::decimate(points.constData(), 0, 3).isEmpty());
}

void TestLatencyPlot::liveItemsBecomePoints()
{
    LatencyPlot plot;
    plot.beginLive({Mode::Sync, Mode::Async});
    QLineSeries *async = plot.latencyChart()->latencySeries(Mode::Async);
    QLineSeries *sync = plot.latencyChart()->latencySeries(Mode::Sync);
    QSignalSpy replaced(async, &QXYSeries::pointsReplaced);

    // Fed through the slot a real run's itemConsumed is connected to.
    const Core::PipelineRun run = asyncFour();
    for (const Core::PipelineItem &item : run.items)
        plot.addItem(Mode::Async, item);
    QVERIFY(plot.isRefreshPending());
    QVERIFY(replaced.wait(2000));
    // (taken, latency) from asyncFour's comment.
    QVERIFY(samePoints(pointsOf(async), {{0.0, 0.0}, {1.0, 0.8}, {2.0, 0.5}, {3.0, 1.4}}));
    QCOMPARE(sync->count(), 0);
    QVERIFY(async->isVisible());
    QVERIFY(async->name().contains(QStringLiteral("4 items so far")));
}

void TestLatencyPlot::aBurstIsOneRedraw()
{
    LatencyPlot plot;
    plot.beginLive({Mode::Async});
    QLineSeries *series = plot.latencyChart()->latencySeries(Mode::Async);
    QSignalSpy replaced(series, &QXYSeries::pointsReplaced);
    for (int i = 0; i < 10'000; ++i)
        plot.addItem(Mode::Async, itemTakenAt(0.001 * i, 0.25, i + 1));
    QCOMPARE(replaced.size(), 0); // nothing is drawn per item
    QVERIFY(replaced.wait(2000));
    QTest::qWait(3 * LatencyPlot::kRefreshMs); // and nothing more comes after the one redraw
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(series->count(), 4000); // 10,000 points decimated to the cap
}

void TestLatencyPlot::redrawsStayUnderThirtyASecond()
{
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        LatencyPlot plot;
        plot.beginLive({Mode::Async});
        QLineSeries *series = plot.latencyChart()->latencySeries(Mode::Async);
        QSignalSpy replaced(series, &QXYSeries::pointsReplaced);

        // Items every millisecond or so for a second, the event loop running in between.
        QElapsedTimer clock;
        clock.start();
        int fed = 0;
        while (clock.elapsed() < 1000) {
            for (int i = 0; i < 5; ++i, ++fed)
                plot.addItem(Mode::Async, itemTakenAt(0.001 * fed, 0.1, fed + 1));
            QTest::qWait(1);
        }
        const qint64 elapsedMs = clock.elapsed();
        QVERIFY(replaced.wait(2000) || !plot.isRefreshPending());
        const double perSecond = replaced.size() * 1000.0 / double(elapsedMs + LatencyPlot::kRefreshMs);
        qInfo("%d items in %lld ms: %d redraws (%.1f a second)", fed, elapsedMs, int(replaced.size()), perSecond);
        // A redraw waits kRefreshMs after the first change it covers, so over
        // T ms there are at most T / kRefreshMs + 1 of them.
        QVERIFY2(replaced.size() <= elapsedMs / LatencyPlot::kRefreshMs + 2, qPrintable(QString::number(replaced.size())));
        QVERIFY(perSecond <= 30.0);
        // It did redraw while items came, not only at the end (unless a loaded
        // machine held this thread for most of the second).
        if (replaced.size() < 5)
            missed = QStringLiteral("%1 redraws in %2 ms").arg(replaced.size()).arg(elapsedMs);
        QCOMPARE(plot.latencyChart()->trace(Mode::Async).itemCount(), fed);
    });
}

void TestLatencyPlot::seriesAreBoundedAtAHundredThousandItems()
{
    LatencyPlot plot;
    plot.beginLive({Mode::Async});
    constexpr int kItems = 100'000;
    constexpr int kPeakAt = 54'321;
    constexpr int kDipAt = 77'777;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < kItems; ++i) {
        // A sawtooth between 0.1 and 0.2 s, with one peak of 9 s and one dip to 0.
        double latency = 0.1 + 0.001 * (i % 100);
        if (i == kPeakAt)
            latency = 9.0;
        if (i == kDipAt)
            latency = 0.0;
        plot.addItem(Mode::Async, itemTakenAt(0.01 * i + 10.0, latency, i + 1));
    }
    QSignalSpy refreshed(&plot, &LatencyPlot::refreshed);
    QVERIFY(refreshed.wait(5000));
    qInfo("100,000 items fed and drawn in %lld ms", clock.elapsed());

    const QLineSeries *series = plot.latencyChart()->latencySeries(Mode::Async);
    QVERIFY(series->count() <= LatencyChart::kMaxPointsPerSeries);
    QVERIFY(series->count() >= LatencyChart::kMaxPointsPerSeries / 2);
    // The extremes survive decimation.
    const QList<QPointF> points = series->points();
    const QPointF peak(0.01 * kPeakAt + 10.0, 9.0);
    const QPointF dip(0.01 * kDipAt + 10.0, 0.0);
    auto has = [&points](QPointF p) {
        return std::any_of(points.begin(), points.end(), [p](QPointF q) { return std::abs(q.x() - p.x()) < 1e-6 && std::abs(q.y() - p.y()) < 1e-6; });
    };
    QVERIFY(has(peak));
    QVERIFY(has(dip));
    QVERIFY(std::is_sorted(points.begin(), points.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); }));
    // A dense series draws no markers.
    QVERIFY(!series->pointsVisible());
    // The axis reaches the peak.
    QVERIFY(plot.latencyChart()->latencyAxis()->max() >= 9.0);
}

void TestLatencyPlot::replayShowsExactlyTheItemsTakenByThen_data()
{
    QTest::addColumn<double>("cursor");
    QTest::addColumn<int>("syncItems");
    QTest::addColumn<int>("asyncItems");
    // syncFour takes items at 4, 4.5, 5, 5.5; asyncFour at 0, 1, 2, 3.
    QTest::addRow("at the start only async's first item was taken") << 0.0 << 0 << 1;
    QTest::addRow("just before 1 s") << 0.999 << 0 << 1;
    QTest::addRow("at 1 s the second is (inclusive)") << 1.0 << 0 << 2;
    QTest::addRow("at 3.9 s async is done, sync has not begun") << 3.9 << 0 << 4;
    QTest::addRow("at 4.75 s sync has taken two") << 4.75 << 2 << 4;
    QTest::addRow("at 5.5 s everything was taken") << 5.5 << 4 << 4;
}

void TestLatencyPlot::replayShowsExactlyTheItemsTakenByThen()
{
    QFETCH(double, cursor);
    QFETCH(int, syncItems);
    QFETCH(int, asyncItems);

    LatencyPlot plot;
    plot.setRuns({syncFour(), asyncFour()});
    QSignalSpy refreshed(&plot, &LatencyPlot::refreshed);
    plot.setCursorSeconds(cursor);
    QVERIFY(refreshed.wait(2000));
    const LatencyChart *chart = plot.latencyChart();
    QCOMPARE(chart->latencySeries(Mode::Sync)->count(), syncItems);
    QCOMPARE(chart->latencySeries(Mode::Async)->count(), asyncItems);
    // Exactly those: the first items of each run.
    const QList<QPointF> syncAll{{4.0, 4.0}, {4.5, 3.5}, {5.0, 3.0}, {5.5, 2.5}};
    QVERIFY(samePoints(chart->latencySeries(Mode::Sync)->points(), syncAll.first(syncItems)));
}

void TestLatencyPlot::queueIsAStepLineUpToTheCursor()
{
    LatencyPlot plot;
    plot.setRuns({syncFour()});
    QSignalSpy refreshed(&plot, &LatencyPlot::refreshed);
    plot.setCursorSeconds(2.5);
    QVERIFY(refreshed.wait(2000));
    // Queue 1 at 0, 2 at 1, 3 at 2; then flat to the cursor at 2.5.
    QVERIFY(samePoints(plot.latencyChart()->queueSeries(Mode::Sync)->points(),
                       {{0, 0}, {0, 1}, {1, 1}, {1, 2}, {2, 2}, {2, 3}, {2.5, 3}}));
    // The cursor line stands at 2.5 s.
    QCOMPARE(plot.latencyChart()->cursorSeconds(), 2.5);
}

void TestLatencyPlot::legendCarriesTotalAndMeanPerMode()
{
    LatencyChart chart;
    chart.setScenarioName(QStringLiteral("Producer/consumer"));
    chart.setRun(syncFour());
    chart.setRun(asyncFour());
    chart.refresh();
    // Means from the fixtures' comments: 3.25 s and 0.675 s; totals 6 and 4 s.
    QCOMPARE(chart.latencySeries(Mode::Sync)->name(), QStringLiteral("sync — total 6.00 s · mean latency 3.25 s"));
    QCOMPARE(chart.latencySeries(Mode::Async)->name(), QStringLiteral("async — total 4.00 s · mean latency 675 ms"));
    QCOMPARE(chart.queueSeries(Mode::Sync)->name(), QStringLiteral("sync — queue length"));
    // 3.25 / 0.675 = 4.8: "5× lower".
    QVERIFY2(chart.headline().contains(QStringLiteral("5× lower")), qPrintable(chart.headline()));
    QVERIFY(chart.headline().startsWith(QStringLiteral("Producer/consumer")));
    QVERIFY(chart.title().contains(chart.headline()));
}

void TestLatencyPlot::subtitleSaysWhatEachModeWasGiven()
{
    LatencyChart chart;
    chart.setScenarioName(QStringLiteral("Sync < async?"));
    chart.setRun(syncFour());
    QCOMPARE(chart.subtitle(), QString()); // one mode: nothing to compare
    QCOMPARE(chart.title(), QStringLiteral("Sync < async?: latency of each item"));
    // syncFour: 1 producer; asyncFour: 2 (both the spec's default 20 items each).
    chart.setRun(asyncFour());
    chart.refresh();
    QCOMPARE(chart.subtitle(), QStringLiteral("sync: 1 producer × 20 items; async: 2 producers × 20 items — different workloads"));
    // A second line of rich text: the name's "<" escaped, not taken for markup.
    QVERIFY(chart.headline().startsWith(QStringLiteral("Sync < async?: latency of each item")));
    QVERIFY2(chart.title().contains(QStringLiteral(">Sync &lt; async?: latency of each item")), qPrintable(chart.title()));
    QVERIFY2(chart.title().contains(QStringLiteral("<br>")), qPrintable(chart.title()));
    QVERIFY2(chart.title().contains(chart.subtitle()), qPrintable(chart.title()));

    Core::PipelineRun sameItems = syncFour();
    sameItems.spec.producers = 2;
    chart.setRun(sameItems);
    chart.refresh();
    QCOMPARE(chart.subtitle(), QStringLiteral("both modes: 2 producers × 20 items"));
}

void TestLatencyPlot::axesCoverTheWholeRun()
{
    LatencyPlot plot;
    plot.setRuns({syncFour(), asyncFour()});
    const LatencyChart *chart = plot.latencyChart();
    // Whole runs, even when a replay shows only the start.
    plot.setCursorSeconds(0.5);
    QSignalSpy refreshed(&plot, &LatencyPlot::refreshed);
    QVERIFY(refreshed.wait(2000));
    QCOMPARE(chart->timeAxis()->min(), 0.0);
    QVERIFY(chart->timeAxis()->max() >= 6.0 && chart->timeAxis()->max() <= 7.5);
    QVERIFY(chart->latencyAxis()->max() >= 4.0 && chart->latencyAxis()->max() <= 5.0);
    QVERIFY(chart->queueAxis()->max() >= 4.0 && chart->queueAxis()->max() <= 6.0);
    QCOMPARE(chart->timeAxis()->titleText(), QStringLiteral("time since start (s)"));
    QVERIFY(chart->latencyAxis()->titleText().endsWith(QStringLiteral("(s)")));
    QVERIFY(chart->queueAxis()->titleText().endsWith(QStringLiteral("(items)")));
}

void TestLatencyPlot::replayAdvancesAtItsSpeed()
{
    Ui::ReplayController replay;
    replay.setDuration(Core::fromSeconds(30));
    QCOMPARE(replay.position(), Core::fromSeconds(30)); // a new run shows whole
    replay.seek(0);
    replay.setSpeed(5);
    replay.advance(Core::fromSeconds(1.2)); // 1.2 real seconds at 5×
    QCOMPARE(replay.position(), Core::fromSeconds(6));
    replay.setSpeed(30);
    replay.advance(Core::fromSeconds(0.5));
    QCOMPARE(replay.position(), Core::fromSeconds(21));
    replay.seek(Core::fromSeconds(-3));
    QCOMPARE(replay.position(), 0);

    // On the clock: about 0.4 s at 10× reaches about 4 s (a loaded machine is late, never early).
    replay.setSpeed(10);
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        replay.seek(0);
        QSignalSpy moved(&replay, &Ui::ReplayController::positionChanged);
        replay.play();
        QVERIFY(replay.isPlaying());
        QElapsedTimer clock;
        clock.start();
        QTest::qWait(400);
        replay.pause();
        const double reached = Core::toSeconds(replay.position());
        const double wall = double(clock.elapsed()) / 1000.0;
        QVERIFY2(reached <= 10 * wall + 0.01, qPrintable(QString::number(reached)));
        if (reached < 10 * (wall - 0.2) || moved.size() < 3) // it moved in ticks, not once
            missed = QStringLiteral("reached %1 s in %2 s at 10×, in %3 moves").arg(reached).arg(wall).arg(moved.size());
    });
}

void TestLatencyPlot::replayStopsAtTheEndAndRestartsFromZero()
{
    Ui::ReplayController replay;
    replay.setDuration(Core::fromSeconds(2));
    QSignalSpy playing(&replay, &Ui::ReplayController::playingChanged);
    replay.play(); // at the end: starts over
    QCOMPARE(replay.position(), 0);
    QVERIFY(replay.isPlaying());
    replay.advance(Core::fromSeconds(10));
    QCOMPARE(replay.position(), Core::fromSeconds(2));
    QVERIFY(!replay.isPlaying());
    QCOMPARE(playing.size(), 2);
    QCOMPARE(playing.last().at(0).toBool(), false);
}

void TestLatencyPlot::exportedPngIsThePlot()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("lat.png"));
    const Core::Status written = Ui::exportLatencyChart({syncFour(), asyncFour()}, QStringLiteral("Producer/consumer"), path, QSize(1200, 700));
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error()));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), QSize(1200, 700));
    QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white));
    // Both modes' colours are drawn (lines and markers), and so is text (dark pixels).
    const int sync = countColour(image, LatencyChart::modeColor(Mode::Sync, false), 10);
    const int async = countColour(image, LatencyChart::modeColor(Mode::Async, false), 10);
    const int ink = countColour(image, QColor(0x21, 0x21, 0x21), 40);
    QVERIFY2(sync > 100 && async > 100 && ink > 500, qPrintable(QStringLiteral("%1 %2 %3").arg(sync).arg(async).arg(ink)));

    // HiDPI: twice the pixels.
    const QImage doubled = Ui::renderLatencyChart({syncFour()}, QString(), QSize(600, 350), 2.0);
    QCOMPARE(doubled.size(), QSize(1200, 700));
}

void TestLatencyPlot::exportedSvgIsValid()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("lat.svg"));
    const Core::Status written = Ui::exportLatencyChart({syncFour(), asyncFour()}, QStringLiteral("Producer/consumer"), path, QSize(1000, 600));
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error()));
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.defaultSize(), QSize(1000, 600));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.contains("queue length"));
    QVERIFY(svg.contains("time since start"));

    // A bad path fails with the path named and leaves nothing behind.
    const QString bad = dir.filePath(QStringLiteral("missing/lat.png"));
    const Core::Status refused = Ui::exportLatencyChart({syncFour()}, QString(), bad);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().contains(QStringLiteral("lat.png")));
}

QTEST_MAIN(TestLatencyPlot)
#include "tst_latencyplot.moc"
