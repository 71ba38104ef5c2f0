// What the window's value fields write and read back (ValueText): exact
// durations in the largest whole unit, durations typed with or without a
// unit, numbers with their unit words and group separators.
#include "controls/valuetext.h"

#include "base/units.h"

#include <QTest>

using namespace LatencyLab;
namespace Text = Ui::ValueText;

using OptionalSeconds = std::optional<double>;
Q_DECLARE_METATYPE(OptionalSeconds)

class TestValueText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactSeconds_data();
    void exactSeconds();
    void everyNanosecondReadsBackExactly();
    void parseSeconds_data();
    void parseSeconds();
    void parseNumber_data();
    void parseNumber();
    void shortNumberAndRounding();
};

void TestValueText::exactSeconds_data()
{
    QTest::addColumn<qint64>("nanos");
    QTest::addColumn<QString>("text");
    QTest::addRow("typed 1.234 s") << qint64(1'234'000'000) << QStringLiteral("1.234 s");
    QTest::addRow("a whole second") << qint64(1'000'000'000) << QStringLiteral("1 s");
    QTest::addRow("one nanosecond over a second") << qint64(1'000'000'001) << QStringLiteral("1.000000001 s");
    QTest::addRow("below a second: ms") << qint64(350'000'000) << QStringLiteral("350 ms");
    QTest::addRow("ms with a fraction") << qint64(61'700'001) << QStringLiteral("61.700001 ms");
    QTest::addRow("below a ms: µs") << qint64(1'500) << QStringLiteral("1.5 µs");
    QTest::addRow("below a µs: ns") << qint64(100) << QStringLiteral("100 ns");
    QTest::addRow("zero") << qint64(0) << QStringLiteral("0 s");
    QTest::addRow("the file's longest, 1,000,000 s") << qint64(1'000'000) * Core::kNanosPerSecond << QStringLiteral("1000000 s");
}

void TestValueText::exactSeconds()
{
    QFETCH(qint64, nanos);
    QFETCH(QString, text);
    QCOMPARE(Text::exactSeconds(Core::toSeconds(nanos)), text);
}

// What a field shows is what it holds: written and read back, every value lands on its nanosecond.
void TestValueText::everyNanosecondReadsBackExactly()
{
    const qint64 values[] = {0, 1, 999, 1'000, 1'234'567, 999'999'999, 1'000'000'000, 1'234'000'000, 3'150'000'000, 987'654'321'012};
    for (const qint64 nanos : values) {
        const double seconds = Core::toSeconds(nanos);
        const QString text = Text::exactSeconds(seconds);
        const std::optional<double> read = Text::parseSeconds(text, Text::unitOfSeconds(seconds));
        QVERIFY2(read, qPrintable(text));
        QCOMPARE(Core::fromSeconds(*read), nanos);
    }
}

void TestValueText::parseSeconds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("defaultUnit");
    QTest::addColumn<OptionalSeconds>("seconds");
    QTest::addRow("seconds") << QStringLiteral("1.234 s") << 1.0 << OptionalSeconds(1.234);
    QTest::addRow("no space") << QStringLiteral("350ms") << 1.0 << OptionalSeconds(0.35);
    QTest::addRow("spaces around") << QStringLiteral("  350 ms ") << 1.0 << OptionalSeconds(0.35);
    QTest::addRow("unit in capitals") << QStringLiteral("2 MS") << 1.0 << OptionalSeconds(0.002);
    QTest::addRow("minutes") << QStringLiteral("2 min") << 1.0 << OptionalSeconds(120.0);
    QTest::addRow("µs") << QStringLiteral("1.5 µs") << 1.0 << OptionalSeconds(1.5e-6);
    QTest::addRow("us for µs") << QStringLiteral("1.5 us") << 1.0 << OptionalSeconds(1.5e-6);
    QTest::addRow("ns") << QStringLiteral("100 ns") << 1.0 << OptionalSeconds(1e-7);
    QTest::addRow("a word") << QStringLiteral("3 seconds") << 1.0 << OptionalSeconds(3.0);
    QTest::addRow("an exponent") << QStringLiteral("1e3 ms") << 1.0 << OptionalSeconds(1.0);
    QTest::addRow("a leading point") << QStringLiteral(".5 s") << 1.0 << OptionalSeconds(0.5);
    QTest::addRow("bare, in a field showing seconds") << QStringLiteral("2") << 1.0 << OptionalSeconds(2.0);
    QTest::addRow("bare, in a field showing ms") << QStringLiteral("400") << 1e-3 << OptionalSeconds(0.4);
    QTest::addRow("not a number") << QStringLiteral("fast") << 1.0 << OptionalSeconds();
    QTest::addRow("empty") << QString() << 1.0 << OptionalSeconds();
    QTest::addRow("negative") << QStringLiteral("-1 s") << 1.0 << OptionalSeconds();
    QTest::addRow("an unknown unit") << QStringLiteral("1 parsec") << 1.0 << OptionalSeconds();
    QTest::addRow("two numbers") << QStringLiteral("1.2.3 s") << 1.0 << OptionalSeconds();
    QTest::addRow("too large for a double") << QStringLiteral("1e400 s") << 1.0 << OptionalSeconds();
}

void TestValueText::parseSeconds()
{
    QFETCH(QString, text);
    QFETCH(double, defaultUnit);
    QFETCH(OptionalSeconds, seconds);
    const std::optional<double> read = Text::parseSeconds(text, defaultUnit);
    QCOMPARE(read.has_value(), seconds.has_value());
    if (seconds)
        QCOMPARE(Core::fromSeconds(*read), Core::fromSeconds(*seconds)); // to the nanosecond
}

void TestValueText::parseNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<OptionalSeconds>("number");
    QTest::addRow("bare") << QStringLiteral("20") << OptionalSeconds(20);
    QTest::addRow("with its unit") << QStringLiteral("20 connections") << OptionalSeconds(20);
    QTest::addRow("singular unit") << QStringLiteral("1 connection") << OptionalSeconds(1);
    QTest::addRow("group separators") << QStringLiteral("12,000 connections") << OptionalSeconds(12'000);
    QTest::addRow("an exponent") << QStringLiteral("1e5") << OptionalSeconds(100'000);
    QTest::addRow("a fraction") << QStringLiteral("20.5") << OptionalSeconds(20.5);
    QTest::addRow("another unit") << QStringLiteral("20 ms") << OptionalSeconds();
    QTest::addRow("not a number") << QStringLiteral("many") << OptionalSeconds();
}

void TestValueText::parseNumber()
{
    QFETCH(QString, text);
    QFETCH(OptionalSeconds, number);
    const std::optional<double> read = Text::parseNumber(text, {QStringLiteral("connection"), QStringLiteral("connections")});
    QCOMPARE(read.has_value(), number.has_value());
    if (number)
        QCOMPARE(*read, *number);
    // Units with spaces or signs inside read however they are spaced.
    QCOMPARE(Text::parseNumber(QStringLiteral("16.7 %cpu"), {QStringLiteral("% cpu")}), std::optional<double>(16.7));
    QCOMPARE(Text::parseNumber(QStringLiteral("900 req/s"), {QStringLiteral("req/s")}), std::optional<double>(900));
}

void TestValueText::shortNumberAndRounding()
{
    QCOMPARE(Text::shortNumber(123.4), QStringLiteral("123.4"));
    QCOMPARE(Text::shortNumber(0.15), QStringLiteral("0.15"));
    QCOMPARE(Text::shortNumber(1'000'000), QStringLiteral("1000000"));
    QCOMPARE(Text::shortNumber(2.0 / 3.0), QStringLiteral("0.666667"));
    QCOMPARE(Text::shortNumber(0), QStringLiteral("0"));
    // A log slider's 0.0112201845 s is 11.2 ms, its 46415.888 req/s 46400 req/s.
    QCOMPARE(Core::fromSeconds(Text::roundToSignificantDigits(0.0112201845, 3)), Core::Nanos(11'200'000));
    QCOMPARE(Text::roundToSignificantDigits(46'415.888, 3), 46'400.0);
}

QTEST_MAIN(TestValueText)
#include "tst_valuetext.moc"
