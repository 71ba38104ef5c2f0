// The chart's two palettes (light for exports and light desktops, dark for
// dark desktops) are readable and colour-blind safe: text contrast by WCAG,
// every state's colour apart from every other under simulated colour
// blindness, and ready told from queued by its edge as well as its hue.

#include "ganttfixtures.h"

#include "charts/ganttstyle.h"
#include "charts/glyphicon.h"
#include "charts/theme.h"
#include "controls/explainerpanel.h"
#include "gantt/ganttgeometry.h"
#include "gantt/ganttrenderer.h"

#include <QApplication>
#include <QCheckBox>
#include <QImage>
#include <QPainter>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOptionButton>
#include <QTest>

#include <array>
#include <cmath>
#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

using Rgb = std::array<double, 3>; // linear RGB, 0..1
using Matrix = std::array<Rgb, 3>;

double linear(int channel)
{
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

Rgb linearRgb(const QColor &colour)
{
    return {linear(colour.red()), linear(colour.green()), linear(colour.blue())};
}

double luminance(const Rgb &c)
{
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

// WCAG 2 contrast ratio, 1 to 21.
double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(linearRgb(a));
    const double lb = luminance(linearRgb(b));
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
const Matrix kNormal{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
const Matrix kProtanopia{{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
const Matrix kDeuteranopia{{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
const Matrix kTritanopia{{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};

Rgb seenWith(const Matrix &vision, const Rgb &c)
{
    Rgb out{};
    for (int i = 0; i < 3; ++i)
        out[i] = std::clamp(vision[i][0] * c[0] + vision[i][1] * c[1] + vision[i][2] * c[2], 0.0, 1.0);
    return out;
}

// CIE L*a*b* (D65) of linear RGB.
Rgb lab(const Rgb &c)
{
    const double x = (0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047;
    const double y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    const double z = (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883;
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

// CIE76 colour difference as someone with `vision` sees it.
double deltaE(const Matrix &vision, const QColor &a, const QColor &b)
{
    const Rgb la = lab(seenWith(vision, linearRgb(a)));
    const Rgb lb = lab(seenWith(vision, linearRgb(b)));
    return std::hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

// Request 2 waits on io, then is ready (amber) until request 1 frees the loop.
GanttChart readyChart()
{
    return chartOf(openScenario({request(0, {cpu(1.0)}), request(0, {io(0.5), cpu(0.2)})}), {model("async")});
}

} // namespace

class TestChartPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textIsReadable_data();
    void textIsReadable();
    void workStandsOutFromTheBackground_data();
    void workStandsOutFromTheBackground();
    void ioIsLighterThanCpuInBothThemes_data();
    void ioIsLighterThanCpuInBothThemes();
    void denseIoBoxesKeepTheirHatch_data();
    void denseIoBoxesKeepTheirHatch();
    void statesStayApartForColourBlindViewers_data();
    void statesStayApartForColourBlindViewers();
    void readyIsEdgedInTheChartAndItsLegend_data();
    void readyIsEdgedInTheChartAndItsLegend();
    void darkPalettesGetTheDarkChart();
    void anUntickedCheckBoxShowsOnTheDarkWindow();
    void glyphIconsTakeThePalettesTextColour();
    void explainerShowsTheChartsOwnColours();

private:
    static void addStyles();
};

void TestChartPalette::addStyles()
{
    QTest::addColumn<bool>("dark");
    QTest::addRow("light (window on a light desktop, and every export)") << false;
    QTest::addRow("dark (window on a dark desktop)") << true;
}

static const GanttStyle &styleFor(bool dark)
{
    return dark ? GanttStyle::dark() : GanttStyle::standard();
}

void TestChartPalette::textIsReadable_data()
{
    addStyles();
}

void TestChartPalette::textIsReadable()
{
    QFETCH(bool, dark);
    const GanttStyle &style = styleFor(dark);
    // WCAG AA for normal text: 4.5:1.
    for (const QColor &ink : {style.text, style.secondaryText, style.axis})
        QVERIFY2(contrast(ink, style.background) >= 4.5, qPrintable(QStringLiteral("%1 on %2: %3").arg(ink.name(), style.background.name()).arg(contrast(ink, style.background))));
}

void TestChartPalette::workStandsOutFromTheBackground_data()
{
    addStyles();
}

void TestChartPalette::workStandsOutFromTheBackground()
{
    QFETCH(bool, dark);
    const GanttStyle &style = styleFor(dark);
    // WCAG's 3:1 for graphics: cpu's fill and the timeout tick; io by its
    // fill or its hatch (on white the fill is pale and the hatch marks it;
    // on dark the fill stands out itself).
    for (const QColor &ink : {style.cpu, style.timeout})
        QVERIFY2(contrast(ink, style.background) >= 3.0, qPrintable(QStringLiteral("%1 on %2: %3").arg(ink.name(), style.background.name()).arg(contrast(ink, style.background))));
    QVERIFY(std::max(contrast(style.io, style.background), contrast(style.ioHatch, style.background)) >= 3.0);
    // The hatch stands out from the io fill it is drawn on.
    QVERIFY2(contrast(style.ioHatch, style.io) >= 2.0, qPrintable(QString::number(contrast(style.ioHatch, style.io))));
}

// cpu is the deeper green and io the lighter, hatched one in the window's
// dark chart as in the light export: the two never swap between them.
void TestChartPalette::ioIsLighterThanCpuInBothThemes_data()
{
    addStyles();
}

void TestChartPalette::ioIsLighterThanCpuInBothThemes()
{
    QFETCH(bool, dark);
    const GanttStyle &style = styleFor(dark);
    const double cpuLightness = lab(linearRgb(style.cpu))[0];
    const double ioLightness = lab(linearRgb(style.io))[0];
    QVERIFY2(ioLightness > cpuLightness + 15, qPrintable(QStringLiteral("L* io %1, cpu %2").arg(ioLightness).arg(cpuLightness)));
    // What a density band shows for io (the hatched box's average) is still the lighter one.
    QVERIFY(lab(linearRgb(style.ioBand))[0] > cpuLightness + 10);
    // The hatch is darker than the fill it marks.
    QVERIFY(lab(linearRgb(style.ioHatch))[0] < ioLightness);
}

// At their densest, rows are 3 px apart and boxes 2 px tall: an io box
// there still carries its hatch, so it never reads as a plain cpu box.
void TestChartPalette::denseIoBoxesKeepTheirHatch_data()
{
    addStyles();
}

void TestChartPalette::denseIoBoxesKeepTheirHatch()
{
    QFETCH(bool, dark);
    const GanttStyle &style = styleFor(dark);
    // 120 requests of 1 s of io, one every 10 ms: more rows than fit at
    // the 3 px pitch in 300 px would become bands, so this size gives 3 px.
    QList<Core::RequestSpec> requests;
    for (int i = 0; i < 120; ++i)
        requests << request(i * 0.01, {io(1.0)});
    const GanttChart chart = chartOf(openScenario(requests), {model("async")});
    GanttRenderer renderer;
    renderer.setChart(chart);
    renderer.setStyle(style);
    const QSize size(1000, 560);
    const GanttGeometry geometry = GanttGeometry::build(chart, renderer.fullRange(), QSizeF(size), style);
    QCOMPARE(geometry.sections().first().rowPitch, 3.0);
    const QList<QRectF> &boxes = geometry.rects(GanttLayer::Io);
    QVERIFY(!boxes.isEmpty());
    const QRectF box = boxes.at(boxes.size() / 2);
    QCOMPARE(box.height(), 2.0);

    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    renderer.paint(painter, QSizeF(size), renderer.fullRange());
    painter.end();
    // Along the box: pixels of the hatch, a dash every spacing.
    int hatched = 0;
    int filled = 0;
    const int y = int(box.top());
    for (int x = int(box.left()) + 1; x < int(box.right()) - 1; ++x) {
        const QColor c = image.pixelColor(x, y);
        if (contrast(c, style.io) >= 1.4)
            ++hatched;
        else if (c == style.io)
            ++filled;
    }
    const int dashes = int(box.width() / style.hatchSpacing);
    QVERIFY2(hatched >= dashes / 2, qPrintable(QStringLiteral("%1 hatch pixels for %2 dashes").arg(hatched).arg(dashes)));
    QVERIFY(filled > hatched); // still an io box: mostly its fill
}

void TestChartPalette::statesStayApartForColourBlindViewers_data()
{
    addStyles();
}

void TestChartPalette::statesStayApartForColourBlindViewers()
{
    QFETCH(bool, dark);
    const GanttStyle &style = styleFor(dark);
    const struct
    {
        const char *name;
        QColor colour;
    } states[] = {{"cpu", style.cpu}, {"io", style.io}, {"ready", style.ready}, {"queued", style.queued}, {"timeout", style.timeout}};
    const struct
    {
        const char *name;
        const Matrix &matrix;
    } visions[] = {{"normal", kNormal}, {"protanopia", kProtanopia}, {"deuteranopia", kDeuteranopia}, {"tritanopia", kTritanopia}};
    // ΔE 20 is far beyond "just noticeable" (about 2.3): distinct at a glance, even in thin boxes.
    constexpr double kMinDeltaE = 20;
    for (const auto &vision : visions) {
        for (size_t i = 0; i < std::size(states); ++i) {
            for (size_t j = i + 1; j < std::size(states); ++j) {
                const double d = deltaE(vision.matrix, states[i].colour, states[j].colour);
                QVERIFY2(d >= kMinDeltaE, qPrintable(QStringLiteral("%1 vs %2 under %3: ΔE %4")
                                                         .arg(QLatin1String(states[i].name), QLatin1String(states[j].name), QLatin1String(vision.name))
                                                         .arg(d, 0, 'f', 1)));
            }
        }
    }
}

void TestChartPalette::readyIsEdgedInTheChartAndItsLegend_data()
{
    addStyles();
}

void TestChartPalette::readyIsEdgedInTheChartAndItsLegend()
{
    QFETCH(bool, dark);
    const GanttStyle &style = styleFor(dark);
    const QSize size(1000, 400);
    const GanttChart chart = readyChart();
    GanttRenderer renderer;
    renderer.setChart(chart);
    renderer.setStyle(style);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    renderer.paint(painter, QSizeF(size), renderer.fullRange());
    painter.end();
    QCOMPARE(image.pixelColor(1, 1), style.background);

    const GanttGeometry geometry = GanttGeometry::build(chart, renderer.fullRange(), QSizeF(size), style);
    QCOMPARE(geometry.rects(GanttLayer::Ready).size(), 1);
    QRectF legend;
    for (const GanttLegendSwatch &swatch : geometry.legend()) {
        if (swatch.kind == GanttLegendSwatch::Kind::Ready)
            legend = swatch.rect;
    }
    QVERIFY(!legend.isNull());
    for (const QRectF &box : {geometry.rects(GanttLayer::Ready).first(), legend}) {
        // Down the middle of the box: amber inside, the edge at top and bottom.
        int fill = 0, edge = 0;
        const int x = int(box.center().x());
        for (int y = int(box.top()) - 1; y <= int(box.bottom()) + 1; ++y) {
            const QColor c = image.pixelColor(x, y);
            fill += c == style.ready;
            edge += c == style.readyEdge;
        }
        QVERIFY2(fill >= 2, qPrintable(QString::number(fill)));
        QCOMPARE(edge, 2);
    }
}

void TestChartPalette::darkPalettesGetTheDarkChart()
{
    QVERIFY(isDark(darkPalette()));
    QCOMPARE(&chartStyleFor(darkPalette()), &GanttStyle::dark());
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    QVERIFY(!isDark(light));
    QCOMPARE(&chartStyleFor(light), &GanttStyle::standard());
    // The dark palette's own text is readable too.
    const QPalette dark = darkPalette();
    QVERIFY(contrast(dark.color(QPalette::Text), dark.color(QPalette::Base)) >= 7.0);
    QVERIFY(contrast(dark.color(QPalette::WindowText), dark.color(QPalette::Window)) >= 7.0);
    QVERIFY(contrast(dark.color(QPalette::PlaceholderText), dark.color(QPalette::Window)) >= 4.5);
}

// Fusion draws an unticked box in the base colour inside an outline darker
// than the window: a base darker than the window made it vanish.
void TestChartPalette::anUntickedCheckBoxShowsOnTheDarkWindow()
{
    const QPalette dark = darkPalette();
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QVERIFY(fusion);
    QCheckBox box(QStringLiteral("Global interpreter lock"));
    box.setStyle(fusion.get());
    box.setPalette(dark);
    box.resize(box.sizeHint());
    const QImage image = box.grab().toImage();
    QStyleOptionButton option;
    option.initFrom(&box);
    const QRect indicator = fusion->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
    const QColor window = dark.color(QPalette::Window);
    const QColor inside = image.pixelColor(indicator.center());
    QVERIFY2(contrast(inside, window) >= 1.4, qPrintable(QStringLiteral("%1 on %2").arg(inside.name(), window.name())));
    QVERIFY(contrast(dark.color(QPalette::Text), dark.color(QPalette::Base)) >= 7.0);
}

// The ▶ of Run and Replay: the style's media icon is black, so the window
// draws it in the palette's button text colour, light on a dark window.
void TestChartPalette::glyphIconsTakeThePalettesTextColour()
{
    const QPalette before = QGuiApplication::palette();
    const QIcon play = glyphIcon(QApplication::style()->standardIcon(QStyle::SP_MediaPlay));
    const auto inkOf = [&play] {
        const QImage image = play.pixmap(QSize(32, 32)).toImage();
        double darkest = 1;
        double lightest = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.alpha() == 255) {
                    darkest = std::min(darkest, luminance(linearRgb(c)));
                    lightest = std::max(lightest, luminance(linearRgb(c)));
                }
            }
        }
        return std::pair(darkest, lightest);
    };
    QGuiApplication::setPalette(darkPalette());
    const auto [darkestOnDark, lightestOnDark] = inkOf();
    QVERIFY2(darkestOnDark > 0.5, qPrintable(QString::number(darkestOnDark))); // every opaque pixel light
    QGuiApplication::setPalette(QApplication::style()->standardPalette());
    const auto [darkestOnLight, lightestOnLight] = inkOf();
    QVERIFY2(lightestOnLight < 0.2, qPrintable(QString::number(lightestOnLight))); // every opaque pixel dark
    QGuiApplication::setPalette(before);
}

void TestChartPalette::explainerShowsTheChartsOwnColours()
{
    for (const GanttStyle *style : {&GanttStyle::standard(), &GanttStyle::dark()}) {
        const QString html = ExplainerPanel::html(*style);
        for (const QColor &colour : {style->cpu, style->io, style->ready, style->queued, style->response})
            QVERIFY2(html.contains(colour.name()), qPrintable(colour.name()));
    }
    ExplainerPanel panel;
    for (const char *term : {"green boxes", "response time", "queued", "ready", "Blame"})
        QVERIFY2(panel.text().contains(QLatin1String(term)), term);
}

QTEST_MAIN(TestChartPalette)
#include "tst_chartpalette.moc"
