// `latencylab export --chart sweep|crossover`: the sweep runs headless and the
// Explore tab's painters draw it to a file — the size asked for, every model
// in its palette colour, and on pure-io requests a map that async wins in
// every cell.

#include "commandoutput.h"
#include "scenariobuilder.h"

#include "charts/ganttstyle.h"
#include "charts/modelpalette.h"
#include "cli/exportcommand.h"
#include "model/scenariojson.h"
#include "sweepcharts/explorechart.h"
#include "sweepcharts/exploreframe.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace LatencyLab;
using namespace LatencyLab::Tests;

namespace {

const QStringList kModels{QStringLiteral("sync"), QStringLiteral("async")};

// 2,000 requests of one exponential io step, mean 10 ms, one blocking worker
// against an event loop.
Scenario pureIo()
{
    Scenario scenario = generatedScenario(2000, 1.0, {{StepKind::Io, Distribution::exponential(0.010)}}, 7);
    scenario.name = QStringLiteral("pure io");
    ServerSpec sync;
    sync.workers = 1;
    ServerSpec async;
    async.model = QStringLiteral("async");
    scenario.server = sync;
    scenario.compare = {sync, async};
    return scenario;
}

using Output = CommandOutput;

Output runExport(const QStringList &arguments)
{
    return runCommandLine(arguments, Ui::runExportCommand);
}

// Whether `pixel` is `colour` washed over `background` by some share from
// `least` to all: on the segment between the two, channel by channel.
bool isWashOf(QColor pixel, QColor colour, QColor background, double least)
{
    const int channels[3][3] = {{pixel.red(), colour.red(), background.red()},
                                {pixel.green(), colour.green(), background.green()},
                                {pixel.blue(), colour.blue(), background.blue()}};
    int widest = 0;
    for (int c = 1; c < 3; ++c) {
        if (std::abs(channels[c][1] - channels[c][2]) > std::abs(channels[widest][1] - channels[widest][2]))
            widest = c;
    }
    const double share = double(channels[widest][0] - channels[widest][2]) / (channels[widest][1] - channels[widest][2]);
    if (share < least || share > 1.01)
        return false;
    for (const auto &channel : channels) {
        if (std::abs(channel[2] + share * (channel[1] - channel[2]) - channel[0]) > 3)
            return false;
    }
    return true;
}

// Pixels of the plot in the hue of `colour` (lines are drawn a shade darker
// or lighter than the palette's colour, and antialiased: the hue stays).
int pixelsInHueOf(const QImage &image, const QRectF &plot, QColor colour)
{
    int count = 0;
    const QRect area = plot.toAlignedRect().intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor pixel(image.pixel(x, y));
            if (pixel.hsvSaturationF() > 0.5 && pixel.valueF() > 0.3 && std::abs(pixel.hsvHueF() - colour.hsvHueF()) * 360 < 8)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestExploreExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_scenario = m_dir.filePath(QStringLiteral("pure-io.json"));
        QVERIFY(Core::ScenarioJson::save(pureIo(), m_scenario));
    }

    void sweepDrawsEveryModelInItsColour()
    {
        const QString path = m_dir.filePath(QStringLiteral("sweep.png"));
        const Output output = runExport({QStringLiteral("export"), m_scenario, QStringLiteral("--chart"), QStringLiteral("sweep"),
                                         QStringLiteral("--param"), QStringLiteral("rho=0.2:0.8:4"), QStringLiteral("--size"),
                                         QStringLiteral("1000x600"), QStringLiteral("--out"), path});
        QVERIFY2(output.exitCode == Core::kExitSuccess, qPrintable(output.err));
        QVERIFY2(output.out.contains(QLatin1String("4 points")), qPrintable(output.out));
        const QImage image = QImage(path).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(image.size(), QSize(1000, 600));

        Ui::ExploreChart chart;
        chart.spec = Core::SweepSpec{{SweepParameter::Rho, 0.2, 0.8, 4, false}, std::nullopt, SweepMetric::P99};
        chart.models = kModels;
        const Ui::ExploreFrame frame = Ui::ExploreFrame::build(chart, QSizeF(image.size()), Ui::GanttStyle::standard());
        for (int m = 0; m < kModels.size(); ++m) {
            const QColor colour = Ui::modelColour(kModels, m, false);
            const int pixels = pixelsInHueOf(image, frame.plot, colour);
            // Four markers and three segments of a 2 px line: well over a hundred pixels.
            QVERIFY2(pixels > 100, qPrintable(QStringLiteral("%1 (%2): %3 pixels").arg(kModels[m], colour.name()).arg(pixels)));
        }
    }

    void crossoverOfPureIoIsAsyncInEveryCell()
    {
        // Pure io: the event loop answers each request in its own duration
        // while the blocking worker queues them, an M/M/1 queue whose p99 at
        // ρ ≥ 0.6 is ln(100)·E[S] ÷ (1 − ρ) ≥ 11.5·E[S], 2.5 times the loop's.
        const QString path = m_dir.filePath(QStringLiteral("map.png"));
        const Output output = runExport({QStringLiteral("export"), m_scenario, QStringLiteral("--chart"), QStringLiteral("crossover"),
                                         QStringLiteral("--param"), QStringLiteral("rho=0.6:0.9:3"), QStringLiteral("--param2"),
                                         QStringLiteral("duration=0.005:0.05:3:log"), QStringLiteral("--size"), QStringLiteral("900x700"),
                                         QStringLiteral("--out"), path});
        QVERIFY2(output.exitCode == Core::kExitSuccess, qPrintable(output.err));
        const QImage image = QImage(path).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(image.size(), QSize(900, 700));

        Ui::ExploreChart chart;
        chart.spec = Core::SweepSpec{{SweepParameter::Rho, 0.6, 0.9, 3, false}, SweepAxis{SweepParameter::Duration, 0.005, 0.05, 3, true},
                                     SweepMetric::P99};
        chart.models = kModels;
        chart.columns = {0.6, 0.75, 0.9};
        chart.rows = {0.005, 0.005 * std::sqrt(10.0), 0.05};
        const Ui::GanttStyle &style = Ui::GanttStyle::standard();
        const Ui::ExploreFrame frame = Ui::ExploreFrame::build(chart, QSizeF(image.size()), style);
        const QColor async = Ui::modelColour(kModels, 1, false);
        const QColor sync = Ui::modelColour(kModels, 0, false);
        for (int row = 0; row < 3; ++row) {
            for (int column = 0; column < 3; ++column) {
                const QColor pixel(image.pixel(frame.cellRect(chart, column, row).center().toPoint()));
                QVERIFY2(isWashOf(pixel, async, style.background, 0.25) && !isWashOf(pixel, sync, style.background, 0.05),
                         qPrintable(QStringLiteral("cell %1,%2: %3").arg(column).arg(row).arg(pixel.name())));
            }
        }
    }

    void slideIsTheSameMapInLargerType()
    {
        // A slide's type is 20 px where an export's is 12 (1.67 times): the
        // map's cells start that much further right, past larger axis labels.
        const auto plotLeft = [this](const QStringList &options) {
            const QString path = m_dir.filePath(QStringLiteral("map-%1.png").arg(options.join(QString())));
            const Output output = runExport(QStringList{QStringLiteral("export"), m_scenario, QStringLiteral("--chart"), QStringLiteral("crossover"),
                                                        QStringLiteral("--param"), QStringLiteral("rho=0.6:0.9:3"), QStringLiteral("--param2"),
                                                        QStringLiteral("duration=0.005:0.05:3"), QStringLiteral("--out"), path}
                                            + options);
            const QImage image = QImage(path).convertToFormat(QImage::Format_RGB32);
            [&] { QCOMPARE(image.size(), QSize(1920, 1080)); }();
            // The first run of 40 equal pixels that are not the background: a cell, not a glyph.
            const int y = image.height() / 2;
            const QRgb background = image.pixel(0, y);
            for (int x = 0; x + 40 < image.width(); ++x) {
                const QRgb pixel = image.pixel(x, y);
                bool run = pixel != background;
                for (int d = 1; run && d < 40; ++d)
                    run = image.pixel(x + d, y) == pixel;
                if (run)
                    return x;
            }
            return -1;
        };
        const int standard = plotLeft({QStringLiteral("--size"), QStringLiteral("1920x1080")});
        const int slide = plotLeft({QStringLiteral("--slide")});
        QVERIFY2(standard > 0 && slide > 0, qPrintable(QStringLiteral("%1, %2").arg(standard).arg(slide)));
        const double ratio = double(slide) / standard;
        QVERIFY2(ratio > 1.6 && ratio < 1.75, qPrintable(QStringLiteral("%1 against %2: %3").arg(slide).arg(standard).arg(ratio)));
    }

    void svgToo()
    {
        const QString path = m_dir.filePath(QStringLiteral("sweep.svg"));
        const Output output = runExport({QStringLiteral("export"), m_scenario, QStringLiteral("--chart"), QStringLiteral("sweep"),
                                         QStringLiteral("--param"), QStringLiteral("workers=1:4:4"), QStringLiteral("--metric"),
                                         QStringLiteral("mean"), QStringLiteral("--dark"), QStringLiteral("--out"), path});
        QVERIFY2(output.exitCode == Core::kExitSuccess, qPrintable(output.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("workers"));
    }

    void chartAndParametersMustAgree_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addRow("crossover of one parameter") << QStringList{QStringLiteral("--chart"), QStringLiteral("crossover"), QStringLiteral("--param"),
                                                                   QStringLiteral("rho=0.2:0.8:3")}
                                                    << QStringLiteral("--chart crossover: a map needs a second parameter");
        QTest::addRow("sweep of two") << QStringList{QStringLiteral("--chart"), QStringLiteral("sweep"), QStringLiteral("--param"),
                                                     QStringLiteral("rho=0.2:0.8:3"), QStringLiteral("--param2"), QStringLiteral("duration=0.01:0.1:3")}
                                      << QStringLiteral("--param2: --chart sweep draws one parameter");
        QTest::addRow("sweep of none") << QStringList{QStringLiteral("--chart"), QStringLiteral("sweep")}
                                       << QStringLiteral("--chart sweep: needs --param");
        QTest::addRow("no such folder") << QStringList{QStringLiteral("--chart"), QStringLiteral("sweep"), QStringLiteral("--param"),
                                                       QStringLiteral("rho=0.2:0.8:3"), QStringLiteral("--out"), QStringLiteral("/no/such/folder/map.png")}
                                        << QStringLiteral("latencylab: --out: cannot write /no/such/folder/map.png: the folder /no/such/folder does not exist");
        QTest::addRow("gantt with a parameter") << QStringList{QStringLiteral("--chart"), QStringLiteral("gantt"), QStringLiteral("--param"),
                                                               QStringLiteral("rho=0.2:0.8:3")}
                                                << QStringLiteral("--param: only --chart sweep or crossover takes it, not --chart gantt");
    }

    void chartAndParametersMustAgree()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QStringLiteral("refused.png"));
        QStringList command{QStringLiteral("export"), m_scenario};
        if (!arguments.contains(QStringLiteral("--out")))
            command << QStringLiteral("--out") << path;
        const Output output = runExport(command + arguments);
        QCOMPARE(output.exitCode, Core::kExitBadInput);
        QVERIFY2(output.err.startsWith(message), qPrintable(output.err));
        // One line, before any progress: the sweep never ran.
        QCOMPARE(output.err.count(QLatin1Char('\n')), output.err.startsWith(QLatin1String("latencylab: ")) ? 1 : 0);
        QVERIFY(output.out.isEmpty());
        QVERIFY(!QFile::exists(path));
    }

private:
    QTemporaryDir m_dir;
    QString m_scenario;
};

QTEST_MAIN(TestExploreExport)
#include "tst_exploreexport.moc"
