// The Load view's labels at every size an export allows (each side 200 to
// 16384 px) and at the window's: none covers another, each stays on the
// canvas, bars and labels on the data stay inside their plots; at the
// usual sizes nothing that matters is dropped; words cut short to fit keep
// their whole text for a tool tip.

#include "charts/ganttstyle.h"
#include "charts/windowcharts.h"
#include "load/loadcanvas.h"
#include "load/loadgeometry.h"

#include "model/presets.h"

#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Ui;

namespace {

const LoadChart &webLoad()
{
    static const LoadChart chart = [] {
        const Core::Result<Core::Scenario> scenario = Core::Presets::load(QStringLiteral("web-load"));
        Q_ASSERT(scenario);
        const Core::Result<WindowCharts> charts = WindowCharts::compute(*scenario);
        Q_ASSERT(charts && charts->load);
        return *charts->load;
    }();
    return chart;
}

struct NamedRect
{
    QString what;
    QRectF rect;
};

void addText(QList<NamedRect> &labels, const QString &what, const LoadText &text)
{
    if (!text.isEmpty())
        labels << NamedRect{what + QStringLiteral(" \"") + text.text + QLatin1Char('"'), text.rect};
}

void addFrame(QList<NamedRect> &labels, const QString &what, const LoadPlotFrame &frame)
{
    addText(labels, what + QStringLiteral(" title"), frame.title.title);
    addText(labels, what + QStringLiteral(" note"), frame.title.note);
    for (const LoadYTick &tick : frame.yTicks)
        addText(labels, what + QStringLiteral(" y tick"), tick.label);
    if (frame.xLabels) {
        for (const LoadXTick &tick : frame.xTicks)
            addText(labels, what + QStringLiteral(" x tick"), tick.label);
    }
}

// Every piece of text drawn, gathered here from the geometry's own fields.
QList<NamedRect> everyLabel(const LoadGeometry &g)
{
    QList<NamedRect> labels;
    addText(labels, QStringLiteral("title"), g.header.title);
    addText(labels, QStringLiteral("client"), g.header.client);
    for (const LoadLegendEntry &entry : g.header.legend)
        labels << NamedRect{QStringLiteral("legend \"%1\"").arg(entry.text.text), entry.swatch.united(entry.text.rect)};
    if (g.rate) {
        addFrame(labels, QStringLiteral("rate"), g.rate->frame);
        for (const LoadRatePanel::Total &total : g.rate->totals)
            addText(labels, QStringLiteral("total"), total.label);
    }
    addFrame(labels, QStringLiteral("latency"), g.latency.frame);
    if (g.latency.timeout)
        addText(labels, QStringLiteral("timeout"), g.latency.timeout->label);
    for (const LoadSendsBlock &block : g.sends) {
        addFrame(labels, QStringLiteral("sends"), block.frame);
        addText(labels, QStringLiteral("first lane"), block.firstLane);
        addText(labels, QStringLiteral("last lane"), block.lastLane);
    }
    addText(labels, QStringLiteral("time axis"), g.timeAxisTitle);
    for (const LoadHistogram &histogram : g.histograms) {
        addFrame(labels, QStringLiteral("histogram"), histogram.frame);
        for (const LoadMarker &marker : histogram.markers)
            addText(labels, QStringLiteral("marker"), marker.label);
    }
    if (g.summary) {
        addText(labels, QStringLiteral("table title"), g.summary->title.title);
        addText(labels, QStringLiteral("table note"), g.summary->title.note);
        for (const LoadSummaryTable::Header &header : g.summary->header)
            addText(labels, QStringLiteral("table header"), header.title);
        for (const LoadSummaryTable::Row &row : g.summary->rows) {
            addText(labels, QStringLiteral("row"), row.label);
            for (const LoadSummaryTable::Cell &cell : row.cells)
                addText(labels, QStringLiteral("cell"), cell.value);
        }
    }
    return labels;
}

bool inside(const QRectF &outer, const QRectF &inner)
{
    constexpr double kSlack = 1e-6;
    return inner.left() >= outer.left() - kSlack && inner.right() <= outer.right() + kSlack && inner.top() >= outer.top() - kSlack
        && inner.bottom() <= outer.bottom() + kSlack;
}

QString describe(const QRectF &r)
{
    return QStringLiteral("(%1, %2 %3×%4)").arg(r.left()).arg(r.top()).arg(r.width()).arg(r.height());
}

} // namespace

class TestLoadLabels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingOverlapsAtAnySize_data();
    void nothingOverlapsAtAnySize();
    void theUsualSizesKeepEveryLabel_data();
    void theUsualSizesKeepEveryLabel();
    void wordsCutShortAreInATooltip();

private:
    static void addSizes(bool extremes);
};

void TestLoadLabels::addSizes(bool extremes)
{
    QTest::addColumn<QSizeF>("size");
    QTest::addColumn<bool>("omission");
    QList<std::pair<const char *, QSizeF>> sizes{{"the default export, 1600×900", QSizeF(1600, 900)},
                                                  {"the window's Load tab, 1100×570", QSizeF(1100, 570)}};
    if (extremes) {
        sizes << std::pair{"the smallest export, 200×200", QSizeF(200, 200)} << std::pair{"the widest, 16384×200", QSizeF(16384, 200)}
              << std::pair{"the tallest, 200×16384", QSizeF(200, 16384)} << std::pair{"the largest, 16384×16384", QSizeF(16384, 16384)}
              << std::pair{"the window's least, 480×320", QSizeF(480, 320)};
    }
    for (const auto &[name, size] : sizes) {
        QTest::addRow("%s", name) << size << false;
        QTest::addRow("%s, coordinated omission", name) << size << true;
    }
}

void TestLoadLabels::nothingOverlapsAtAnySize_data()
{
    addSizes(true);
}

void TestLoadLabels::nothingOverlapsAtAnySize()
{
    QFETCH(QSizeF, size);
    QFETCH(bool, omission);
    const LoadGeometry g = LoadGeometry::build(webLoad(), size, GanttStyle::standard(), omission);
    QVERIFY(!g.placeholder);
    const QRectF canvas(QPointF(0, 0), size);
    const QList<NamedRect> labels = everyLabel(g);
    QVERIFY(labels.size() > 5);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        QVERIFY2(inside(canvas, labels[i].rect), qPrintable(labels[i].what + describe(labels[i].rect)));
        for (qsizetype j = i + 1; j < labels.size(); ++j)
            QVERIFY2(!labels[i].rect.intersects(labels[j].rect), qPrintable(labels[i].what + describe(labels[i].rect) + QStringLiteral(" over ") + labels[j].what + describe(labels[j].rect)));
    }
    // Bars and the labels on the data inside their plots.
    if (g.rate) {
        const QRectF plot = g.rate->frame.plot;
        for (const LoadRatePanel::Bar &bar : g.rate->bars) {
            QVERIFY2(inside(plot, bar.rect), qPrintable(describe(bar.rect)));
            if (bar.notch)
                QVERIFY(inside(plot, *bar.notch));
            if (bar.timedOut)
                QVERIFY(inside(plot, *bar.timedOut));
        }
        for (const LoadRatePanel::Total &total : g.rate->totals)
            QVERIFY(inside(plot, total.label.rect));
    }
    if (g.latency.timeout && !g.latency.timeout->label.isEmpty())
        QVERIFY(inside(g.latency.frame.plot, g.latency.timeout->label.rect));
    for (const LoadHistogram &histogram : g.histograms) {
        const QRectF plot = histogram.frame.plot;
        for (const LoadHistogram::Bar &bar : histogram.bars) {
            for (const std::optional<QRectF> &part : {bar.within, bar.timedOut}) {
                if (part)
                    QVERIFY2(inside(plot, *part), qPrintable(describe(*part) + QStringLiteral(" out of ") + describe(plot)));
            }
        }
        for (const LoadMarker &marker : histogram.markers) {
            if (!marker.label.isEmpty()) {
                QVERIFY(inside(plot, marker.label.rect));
                // The bars stay under the markers' labels.
                for (const LoadHistogram::Bar &bar : histogram.bars) {
                    for (const std::optional<QRectF> &part : {bar.within, bar.timedOut}) {
                        if (part)
                            QVERIFY2(!part->intersects(marker.label.rect), qPrintable(marker.label.text));
                    }
                }
            }
        }
    }
    for (const LoadSendsBlock &block : g.sends) {
        for (const QList<QLineF> &lines : {block.sends, block.ghosts}) {
            for (const QLineF &line : lines)
                QVERIFY(inside(block.frame.plot.adjusted(-0.5, 0, 0.5, 0), QRectF(line.p1(), line.p2()).normalized()));
        }
    }
}

void TestLoadLabels::theUsualSizesKeepEveryLabel_data()
{
    addSizes(false);
}

// At the default export and in the window, the layout makes room rather
// than dropping: both rates, the timeout, every percentile's name, both
// histograms' and the time axes' tick labels, and, with the overlay, the
// same connections for every model in lanes of 8 px or more.
void TestLoadLabels::theUsualSizesKeepEveryLabel()
{
    QFETCH(QSizeF, size);
    QFETCH(bool, omission);
    const LoadChart &chart = webLoad();
    const LoadGeometry g = LoadGeometry::build(chart, size, GanttStyle::standard(), omission);
    QVERIFY(g.rate);
    QCOMPARE(g.rate->totals.size(), chart.models.size());
    QVERIFY(g.latency.timeout && !g.latency.timeout->label.isEmpty());
    // The timeout's label hides no answer.
    const QRectF timeout = g.latency.timeout->label.rect.adjusted(-g.latency.dotRadius, -g.latency.dotRadius, g.latency.dotRadius, g.latency.dotRadius);
    for (const LoadLatencyPanel::Answers &answers : g.latency.answers) {
        for (const QPointF &dot : answers.dots)
            QVERIFY(!timeout.contains(dot));
    }
    QCOMPARE(g.histograms.size(), chart.models.size());
    for (const LoadHistogram &histogram : g.histograms) {
        QString names;
        for (const LoadMarker &marker : histogram.markers)
            names += marker.label.text + QLatin1Char(' ');
        for (const char *percentile : {"p50", "p75", "p90", "p99"})
            QVERIFY2(names.contains(QLatin1String(percentile)), qPrintable(names));
        if (omission)
            QVERIFY2(names.contains(QLatin1String("corrected")), qPrintable(names));
        QVERIFY(!histogram.frame.yTicks.isEmpty());
        for (const LoadYTick &tick : histogram.frame.yTicks)
            QVERIFY(!tick.label.isEmpty() || tick.label.rect.isNull());
    }
    const QList<LoadPlotFrame> frames = [&g] {
        QList<LoadPlotFrame> all{g.rate->frame, g.latency.frame};
        for (const LoadSendsBlock &block : g.sends)
            all << block.frame;
        return all;
    }();
    for (const LoadPlotFrame &frame : frames) {
        QVERIFY(!frame.title.title.isEmpty());
        for (const LoadYTick &tick : frame.yTicks)
            QVERIFY2(!tick.label.isEmpty(), qPrintable(frame.title.title.text));
        if (frame.xLabels) {
            for (const LoadXTick &tick : frame.xTicks)
                QVERIFY(!tick.label.isEmpty());
        }
    }
    QVERIFY(g.summary);
    QCOMPARE(g.sends.size(), omission ? chart.models.size() : 0);
    for (const LoadSendsBlock &block : g.sends) {
        QCOMPARE(block.frame.plot.height(), g.sends.first().frame.plot.height());
        QCOMPARE(block.lastLane.text, g.sends.first().lastLane.text);
        const int lanes = block.lastLane.text.toInt();
        QVERIFY2(lanes >= 2, qPrintable(block.lastLane.text));
        QVERIFY2(block.frame.plot.height() / lanes >= 8, qPrintable(QString::number(block.frame.plot.height() / lanes)));
        QVERIFY(block.frame.title.title.text.endsWith(QStringLiteral("connections 1–%1 of %2").arg(lanes).arg(chart.connections)));
    }
}

// In the window's Load tab the sends' note is too long for its line: cut
// short with "…", its whole words come back as the canvas' tool tip.
void TestLoadLabels::wordsCutShortAreInATooltip()
{
    const QSizeF size(1100, 570);
    const LoadGeometry g = LoadGeometry::build(webLoad(), size, GanttStyle::standard(), true);
    QVERIFY(!g.sends.isEmpty());
    const LoadText &note = g.sends.first().frame.title.note;
    QVERIFY2(note.text.endsWith(QStringLiteral("…")), qPrintable(note.text));
    QVERIFY2(note.toolTip.endsWith(QStringLiteral("would have sent these too")), qPrintable(note.toolTip));
    QVERIFY(note.toolTip.startsWith(note.text.chopped(1)));

    LoadCanvas canvas;
    canvas.resize(size.toSize());
    canvas.renderer().setChart(webLoad());
    canvas.renderer().setOmissionShown(true);
    QCOMPARE(canvas.toolTipAt(note.rect.center()), note.toolTip);
    // A label shown whole has no tool tip.
    QVERIFY(g.latency.frame.title.title.toolTip.isEmpty());
    QVERIFY(canvas.toolTipAt(g.latency.frame.title.title.rect.center()).isEmpty());
}

QTEST_MAIN(TestLoadLabels)
#include "tst_loadlabels.moc"
