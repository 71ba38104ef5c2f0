// The shared visible range: zoom keeps the anchor in place, pan and zoom
// never leave the data, and every change is announced once.

#include "gantt/zoomcontrol.h"

#include <QSignalSpy>
#include <QTest>

using namespace LatencyLab::Ui;
using LatencyLab::Core::Nanos;

class TestZoomControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newDataFitsTheView();
    void zoomKeepsTheAnchorWhereItWas_data();
    void zoomKeepsTheAnchorWhereItWas();
    void zoomStopsAtOneMicrosecond();
    void zoomOutStopsAtEverything();
    void panStopsAtTheEdges();
    void newDataKeepsTheZoomWhileItCoversIt();
    void fitUndoesZoom();
    void nonsenseFactorsAreIgnored();
};

void TestZoomControl::newDataFitsTheView()
{
    ZoomControl zoom;
    QSignalSpy changed(&zoom, &ZoomControl::visibleRangeChanged);
    zoom.setFullRange({0, 3'000'000'000});
    QCOMPARE(zoom.visibleRange(), (TimeRange{0, 3'000'000'000}));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!zoom.isZoomed());
}

void TestZoomControl::zoomKeepsTheAnchorWhereItWas_data()
{
    QTest::addColumn<qint64>("anchor");
    QTest::addColumn<double>("factor");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    // Full 0–1000 µs. Zooming 2× at 250 µs: 250 keeps its quarter position.
    QTest::addRow("twice as close around the first quarter") << qint64(250'000) << 2.0 << qint64(125'000) << qint64(625'000);
    QTest::addRow("four times as close around the middle") << qint64(500'000) << 4.0 << qint64(375'000) << qint64(625'000);
    QTest::addRow("around the left edge") << qint64(0) << 2.0 << qint64(0) << qint64(500'000);
}

void TestZoomControl::zoomKeepsTheAnchorWhereItWas()
{
    QFETCH(qint64, anchor);
    QFETCH(double, factor);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    ZoomControl zoom;
    zoom.setFullRange({0, 1'000'000});
    zoom.zoomAround(anchor, factor);
    QCOMPARE(zoom.visibleRange(), (TimeRange{start, end}));
    QVERIFY(zoom.isZoomed());
}

void TestZoomControl::zoomStopsAtOneMicrosecond()
{
    ZoomControl zoom;
    zoom.setFullRange({0, 10'000'000'000});
    for (int i = 0; i < 100; ++i)
        zoom.zoomAround(5'000'000'000, 10);
    QCOMPARE(zoom.visibleRange().length(), ZoomControl::kMinimumLength);
    QVERIFY(zoom.visibleRange().contains(5'000'000'000));
}

void TestZoomControl::zoomOutStopsAtEverything()
{
    ZoomControl zoom;
    zoom.setFullRange({100, 2'000'100});
    zoom.zoomAround(1'000'000, 0.01);
    QCOMPARE(zoom.visibleRange(), (TimeRange{100, 2'000'100}));
}

void TestZoomControl::panStopsAtTheEdges()
{
    ZoomControl zoom;
    zoom.setFullRange({0, 1'000'000});
    zoom.setVisibleRange({400'000, 600'000});
    zoom.pan(100'000);
    QCOMPARE(zoom.visibleRange(), (TimeRange{500'000, 700'000}));
    zoom.pan(10'000'000);
    QCOMPARE(zoom.visibleRange(), (TimeRange{800'000, 1'000'000}));
    zoom.pan(-10'000'000);
    QCOMPARE(zoom.visibleRange(), (TimeRange{0, 200'000}));
}

void TestZoomControl::newDataKeepsTheZoomWhileItCoversIt()
{
    ZoomControl zoom;
    zoom.setFullRange({0, 2'700'000'000});
    zoom.setVisibleRange({1'000'000'000, 1'700'000'000});
    zoom.setFullRange({0, 3'200'000'000}); // an edit made the chart longer
    QCOMPARE(zoom.visibleRange(), (TimeRange{1'000'000'000, 1'700'000'000}));
    QCOMPARE(zoom.fullRange(), (TimeRange{0, 3'200'000'000}));
    zoom.setFullRange({0, 1'500'000'000}); // the data no longer reaches 1.7 s
    QCOMPARE(zoom.visibleRange(), (TimeRange{0, 1'500'000'000}));
    QVERIFY(!zoom.isZoomed());
    zoom.setFullRange({0, 2'000'000'000}); // not zoomed: the view follows the data
    QCOMPARE(zoom.visibleRange(), (TimeRange{0, 2'000'000'000}));
}

void TestZoomControl::fitUndoesZoom()
{
    ZoomControl zoom;
    zoom.setFullRange({0, 1'000'000});
    zoom.zoomAround(300'000, 8);
    QSignalSpy changed(&zoom, &ZoomControl::visibleRangeChanged);
    zoom.fit();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(zoom.visibleRange(), zoom.fullRange());
    zoom.fit();
    QCOMPARE(changed.count(), 1); // nothing changed, nothing announced
}

void TestZoomControl::nonsenseFactorsAreIgnored()
{
    ZoomControl zoom;
    zoom.setFullRange({0, 1'000'000});
    zoom.zoomAround(500'000, 0);
    zoom.zoomAround(500'000, -3);
    zoom.zoomAround(500'000, std::numeric_limits<double>::infinity());
    zoom.zoomAround(500'000, std::numeric_limits<double>::quiet_NaN());
    QCOMPARE(zoom.visibleRange(), zoom.fullRange());
}

QTEST_GUILESS_MAIN(TestZoomControl)
#include "tst_zoomcontrol.moc"
