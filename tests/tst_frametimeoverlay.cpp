// The developer's frame-time overlay: asked for by LATENCYLAB_FRAME_TIMES,
// painted in the top-right corner of the chart as one bar per frame against
// the 16 ms line, and shown by the Gantt view only when asked for.

#include "ganttfixtures.h"

#include "gantt/frametimeoverlay.h"
#include "gantt/ganttview.h"
#include "gantt/zoomcontrol.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Ui;

namespace {

constexpr qint64 kMs = 1'000'000; // nanoseconds
const QRectF kArea(40, 30, 700, 300);

bool isRed(QRgb pixel)
{
    return qRed(pixel) > 200 && qGreen(pixel) < 150 && qBlue(pixel) < 150;
}

bool isGreen(QRgb pixel)
{
    return qGreen(pixel) > 150 && qRed(pixel) < qGreen(pixel) - 50 && qBlue(pixel) < qGreen(pixel) - 50;
}

bool isYellow(QRgb pixel)
{
    return qRed(pixel) > 200 && qGreen(pixel) > 170 && qBlue(pixel) < 150;
}

bool isDark(QRgb pixel)
{
    return qRed(pixel) < 80 && qGreen(pixel) < 80 && qBlue(pixel) < 80;
}

QImage painted(const FrameTimeOverlay &overlay)
{
    QImage image(800, 400, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    overlay.paint(painter, kArea);
    return image;
}

} // namespace

class TestFrameTimeOverlay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void theVariableAsksForIt_data();
    void theVariableAsksForIt();
    void sitsInTheTopRightCornerOfTheChart();
    void oneBarPerFrameAgainstTheBudgetLine();
    void theViewShowsItOnlyWhenAskedFor();
};

void TestFrameTimeOverlay::cleanup()
{
    qunsetenv(FrameTimeOverlay::kVariable);
}

void TestFrameTimeOverlay::theVariableAsksForIt_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("requested");
    QTest::addRow("unset or empty") << QByteArray() << false;
    QTest::addRow("0 turns it off") << QByteArray("0") << false;
    QTest::addRow("1") << QByteArray("1") << true;
    QTest::addRow("any other word") << QByteArray("yes") << true;
}

void TestFrameTimeOverlay::theVariableAsksForIt()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, requested);
    QCOMPARE(FrameTimeOverlay::requestedBy(value), requested);
    qputenv(FrameTimeOverlay::kVariable, value);
    QCOMPARE(FrameTimeOverlay::requested(), requested);
}

void TestFrameTimeOverlay::sitsInTheTopRightCornerOfTheChart()
{
    const FrameTimeOverlay overlay(QApplication::font());
    const QRectF panel = overlay.panelIn(kArea);
    QVERIFY2(kArea.contains(panel), "the panel stays inside the chart");
    QVERIFY(kArea.right() - panel.right() > 0 && kArea.right() - panel.right() <= 16);
    QVERIFY(panel.top() - kArea.top() > 0 && panel.top() - kArea.top() <= 16);

    // 60 frames of a 3-pixel slot, and the height of twice the 16 ms budget.
    const QRectF graph = overlay.graphIn(kArea);
    QCOMPARE(graph.width(), 180.0);
    QCOMPARE(graph.height(), 32.0);
    QVERIFY(panel.contains(graph));
    QVERIFY2(panel.bottom() - graph.bottom() > QFontMetricsF(QApplication::font()).height(),
             "the words fit under the graph");
}

void TestFrameTimeOverlay::oneBarPerFrameAgainstTheBudgetLine()
{
    FrameTimeOverlay overlay(QApplication::font());
    overlay.record(8 * kMs);  // a quarter of the graph's 32 ms: 8 pixels
    overlay.record(40 * kMs); // over the budget, and cut at the graph's top
    const QImage image = painted(overlay);
    const QRectF graph = overlay.graphIn(kArea);
    const int right = int(graph.right());
    const int bottom = int(graph.bottom()); // the first row under the bars
    const int top = int(graph.top());

    // The newest frame ends on the right edge: columns right-2 and right-1.
    QVERIFY(isRed(image.pixel(right - 1, bottom - 1)));
    QVERIFY(isRed(image.pixel(right - 2, top)));
    QVERIFY2(isDark(image.pixel(right - 3, bottom - 1)), "a gap between bars");
    // The 8 ms frame before it: columns right-5 and right-4, rows bottom-8 to bottom-1.
    QVERIFY(isGreen(image.pixel(right - 4, bottom - 1)));
    QVERIFY(isGreen(image.pixel(right - 4, bottom - 8)));
    QVERIFY(isDark(image.pixel(right - 4, bottom - 9)));
    // No third frame yet.
    QVERIFY(isDark(image.pixel(right - 7, bottom - 1)));
    // The 16 ms line halfway up, across the whole graph.
    QVERIFY(isYellow(image.pixel(int(graph.left()) + 1, bottom - 16)));
    QVERIFY(isYellow(image.pixel(right - 7, bottom - 16)));
    QVERIFY(isDark(image.pixel(right - 7, bottom - 15)));
    // Words under the graph: light pixels there.
    const QRectF panel = overlay.panelIn(kArea);
    int light = 0;
    for (int y = bottom + 1; y < int(panel.bottom()); ++y) {
        for (int x = int(panel.left()); x < int(panel.right()); ++x)
            light += qGray(image.pixel(x, y)) > 200 ? 1 : 0;
    }
    QVERIFY2(light > 20, qPrintable(QStringLiteral("%1 light pixels under the graph").arg(light)));
    // Nothing outside the panel.
    QCOMPARE(image.pixel(int(kArea.right()) - 2, int(kArea.top()) + 2), QColor(Qt::white).rgb());
    QCOMPARE(image.pixel(int(panel.left()) - 2, int(panel.top()) + 10), QColor(Qt::white).rgb());
}

void TestFrameTimeOverlay::theViewShowsItOnlyWhenAskedFor()
{
    // The three requests: in the top-right corner of the plot, the first
    // row has long ended (it runs 0–1 s of 2.7 s), so the chart is blank there.
    for (const bool asked : {false, true}) {
        if (asked)
            qputenv(FrameTimeOverlay::kVariable, "1");
        ZoomControl zoom;
        GanttView view(&zoom);
        view.resize(1000, 600);
        view.setChart(Tests::threeRequestComparison());
        const QImage image = view.grab().toImage();
        GanttRenderer renderer;
        renderer.setChart(view.chart());
        const QRectF panel = FrameTimeOverlay(view.font()).panelIn(renderer.plotArea(view.size()));
        const QRgb corner = image.pixel(int(panel.left()) + 2, int(panel.top()) + 2);
        if (asked)
            QVERIFY2(isDark(corner), "the panel is drawn");
        else
            QVERIFY2(qGray(corner) > 150, "the chart shows there, no panel");
    }
}

QTEST_MAIN(TestFrameTimeOverlay)
#include "tst_frametimeoverlay.moc"
