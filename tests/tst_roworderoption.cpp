// `latencylab export --order`: the words it takes, the line it prints for
// any other, its refusal for charts without rows, its help, and the chart
// an export draws carrying the order asked for.

#include "cli/commandline.h"
#include "cli/exportcommand.h"
#include "cli/headless.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab;
using Core::AppOptions;
using Ui::RowOrder;

namespace {

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

Core::Result<AppOptions> parse(const QString &text)
{
    return Core::parseCommandLine(words(text));
}

} // namespace

class TestRowOrderOption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acceptsEachWord_data();
    void acceptsEachWord();
    void withoutOrderRowsKeepArrival();
    void refuses_data();
    void refuses();
    void helpDocumentsIt();
    void exportDrawsTheChartInTheOrder_data();
    void exportDrawsTheChartInTheOrder();

private:
    QTemporaryDir m_dir;
};

void TestRowOrderOption::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestRowOrderOption::acceptsEachWord_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<RowOrder>("expected");
    QTest::addRow("arrival, on the Gantt chart") << QStringLiteral("--chart gantt --order arrival") << RowOrder::Arrival;
    QTest::addRow("response, on the comparison") << QStringLiteral("--chart compare --order response") << RowOrder::Response;
    QTest::addRow("own, written with =") << QStringLiteral("--chart gantt --order=own") << RowOrder::OwnDuration;
    QTest::addRow("slowdown, on a slide") << QStringLiteral("--chart compare --slide --order slowdown") << RowOrder::Slowdown;
    QTest::addRow("before --chart") << QStringLiteral("--order response --chart gantt") << RowOrder::Response;
}

void TestRowOrderOption::acceptsEachWord()
{
    QFETCH(QString, arguments);
    QFETCH(RowOrder, expected);
    const Core::Result<AppOptions> options = parse(QStringLiteral("export --preset three-requests --out a.png ") + arguments);
    QVERIFY2(options.ok(), qPrintable(options.ok() ? QString() : options.error()));
    QCOMPARE(options->order, expected);
}

void TestRowOrderOption::withoutOrderRowsKeepArrival()
{
    const Core::Result<AppOptions> options = parse(QStringLiteral("export --preset three-requests --chart gantt --out a.png"));
    QVERIFY(options.ok());
    QCOMPARE(options->order, RowOrder::Arrival);
}

void TestRowOrderOption::refuses_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::addRow("an unknown word")
        << QStringLiteral("export --preset three-requests --chart gantt --out a.png --order fastest")
        << QStringLiteral("--order: unknown order \"fastest\" (expected one of: arrival, response, own, slowdown)");
    QTest::addRow("a word in capitals")
        << QStringLiteral("export --preset three-requests --chart gantt --out a.png --order Response")
        << QStringLiteral("--order: unknown order \"Response\" (expected one of: arrival, response, own, slowdown)");
    QTest::addRow("an empty word") << QStringLiteral("export --preset three-requests --chart gantt --out a.png --order=")
                                   << QStringLiteral("--order: unknown order \"\" (expected one of: arrival, response, own, slowdown)");
    QTest::addRow("no word") << QStringLiteral("export --preset three-requests --chart gantt --out a.png --order")
                             << QStringLiteral("--order: missing value ROWS");
    QTest::addRow("the load view has no rows")
        << QStringLiteral("export --preset web-load --chart throughput --out a.png --order response")
        << QStringLiteral("--order: only --chart gantt or compare has rows to order, not --chart throughput");
    QTest::addRow("neither has the latency plot, even when arrival is asked for")
        << QStringLiteral("export --preset producer-consumer --chart latency --out a.png --order arrival")
        << QStringLiteral("--order: only --chart gantt or compare has rows to order, not --chart latency");
    QTest::addRow("only export draws") << QStringLiteral("simulate --preset three-requests --order response")
                                       << QStringLiteral("--order: unknown option for simulate");
    QTest::addRow("given twice") << QStringLiteral("export --preset three-requests --chart gantt --out a.png --order own --order slowdown")
                                 << QStringLiteral("--order: given more than once");
}

void TestRowOrderOption::refuses()
{
    QFETCH(QString, arguments);
    QFETCH(QString, expected);
    const Core::Result<AppOptions> options = parse(arguments);
    QVERIFY(!options.ok());
    QCOMPARE(options.error(), expected);
}

void TestRowOrderOption::helpDocumentsIt()
{
    const QString help = Core::helpText();
    const qsizetype exportOptions = help.indexOf(QStringLiteral("Options of export:"));
    QVERIFY(exportOptions >= 0);
    const qsizetype order = help.indexOf(QStringLiteral("  --order ROWS"), exportOptions);
    QVERIFY2(order > exportOptions, qPrintable(help));
    const QString line = help.mid(order, help.indexOf(QStringLiteral("\n  --"), order + 1) - order);
    for (const char *word : {"arrival", "response", "own", "slowdown", "gantt", "compare"})
        QVERIFY2(line.contains(QLatin1String(word)), qPrintable(line));
}

void TestRowOrderOption::exportDrawsTheChartInTheOrder_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<RowOrder>("expected");
    QTest::addColumn<int>("sections");
    QTest::addRow("three requests compared, by response time")
        << QStringLiteral("export --preset three-requests --chart compare --order response") << RowOrder::Response << 2;
    QTest::addRow("three requests under their own model, as a slide, by slowdown")
        << QStringLiteral("export --preset three-requests --chart gantt --slide --order slowdown") << RowOrder::Slowdown << 1;
    QTest::addRow("a pipeline's items, by own duration")
        << QStringLiteral("export --preset producer-consumer --chart gantt --order own") << RowOrder::OwnDuration << 1;
    QTest::addRow("without --order, by arrival")
        << QStringLiteral("export --preset three-requests --chart compare") << RowOrder::Arrival << 2;
}

void TestRowOrderOption::exportDrawsTheChartInTheOrder()
{
    QFETCH(QString, arguments);
    QFETCH(RowOrder, expected);
    QFETCH(int, sections);
    const QString path = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')) +
                                        QStringLiteral(".png"));
    const Core::Result<AppOptions> options = parse(arguments + QStringLiteral(" --out ") + path);
    QVERIFY2(options.ok(), qPrintable(options.ok() ? QString() : options.error()));

    // The chart the command draws, built as the command builds it.
    const Core::Result<Core::Scenario> scenario = Core::loadScenario(*options);
    QVERIFY(scenario.ok());
    const Core::Result<Ui::GanttChart> chart = Ui::ganttChartToExport(*scenario, *options);
    QVERIFY2(chart.ok(), qPrintable(chart.ok() ? QString() : chart.error()));
    QCOMPARE(chart->order, expected);
    QCOMPARE(chart->sections.size(), sections);

    // And the command writes it.
    QString printed;
    QString errors;
    QTextStream out(&printed);
    QTextStream err(&errors);
    QCOMPARE(Ui::runExportCommand(*options, out, err), Core::kExitSuccess);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), options->exportSize);
}

QTEST_MAIN(TestRowOrderOption)
#include "tst_roworderoption.moc"
