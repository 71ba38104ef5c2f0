// A trace file split into its outline and one text per span: the outline
// keeps the structure, each span parses from its own text, anything the
// outline would not reproduce exactly is not split, and an import of a split
// file gives what the whole parsed file gives, messages included.

#include "traces/spanlisttext.h"
#include "traces/traceimport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab::Core;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(LATENCYLAB_TRACES_DIR "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The same document with a key written with an escape added at its top: a
// text the splitter refuses, so its import parses the whole text.
QByteArray unsplittable(const QByteArray &object)
{
    const qsizetype brace = object.indexOf('{');
    return object.left(brace + 1) + R"("\u0078": 0, )" + object.mid(brace + 1);
}

QString requestText(const ImportedRequest &request)
{
    QString text = QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8:")
                       .arg(request.traceId, request.service, request.endpoint)
                       .arg(request.arrival)
                       .arg(request.queued)
                       .arg(request.response)
                       .arg(request.queueStartKnown)
                       .arg(request.steps.size());
    for (const Step &step : request.steps)
        text += QStringLiteral(" %1/%2").arg(int(step.kind)).arg(step.duration);
    return text;
}

QStringList importText(const Result<ImportedTraces> &traces)
{
    if (!traces)
        return {QStringLiteral("error: ") + traces.error()};
    QStringList lines{QStringLiteral("%1 traces, %2 spans").arg(traces->traceCount).arg(traces->spanCount)};
    for (const ImportedRequest &request : traces->requests)
        lines << requestText(request);
    return lines + traces->problems;
}

} // namespace

class TestSpanListText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outlineKeepsTheStructure();
    void spansParseFromTheirOwnText();
    void unusualTextIsNotSplit_data();
    void unusualTextIsNotSplit();
    void importsAsTheWholeTextDoes_data();
    void importsAsTheWholeTextDoes();
    void syntaxErrorInASpanNamesItsPlaceInTheFile();
    void syntaxErrorInAListNoReaderReads();
};

void TestSpanListText::outlineKeepsTheStructure()
{
    const QByteArray text = R"({"resourceSpans": [{"resource": {"a": [1, "x"]}, "scopeSpans": [{"spans": [{"b": {"c": "}"}}, 7, {"d": []}]}]}]})";
    const std::optional<SpanListText> split = SpanListText::split(text);
    QVERIFY(split);
    // Whitespace outside the spans goes; each span object becomes 0; other items stay.
    QCOMPARE(split->outline(), QByteArray(R"({"resourceSpans":[{"resource":{"a":[1,"x"]},"scopeSpans":[{"spans":[0,7,0]}]}]})"));

    const std::optional<SpanListText> zipkin = SpanListText::split(" [ {\"a\": 1} , {\"b\": [2]} ] \n");
    QVERIFY(zipkin);
    QCOMPARE(zipkin->outline(), QByteArray("[0,0]"));
}

void TestSpanListText::spansParseFromTheirOwnText()
{
    const QByteArray text = R"({"data": [{"spans": [{"spanID": "a", "tags": [{"key": "k"}]}, null]}]})";
    const std::optional<SpanListText> split = SpanListText::split(text);
    QVERIFY(split);
    const QString list = QStringLiteral("data[0].spans");
    const QJsonValue first = split->item(list, 0, QJsonValue(0));
    QCOMPARE(first.toObject().value(u"spanID").toString(), QStringLiteral("a"));
    QCOMPARE(first.toObject().value(u"tags")[0][u"key"].toString(), QStringLiteral("k"));
    // An item kept in the outline is the outline's own value.
    QCOMPARE(split->item(list, 1, QJsonValue(QJsonValue::Null)), QJsonValue(QJsonValue::Null));
    QVERIFY(split->everySpanParses());

    // A span that is not JSON is undefined, and the file must be parsed whole.
    const QByteArray broken = R"([{"id": tru}])";
    const std::optional<SpanListText> brokenSplit = SpanListText::split(broken);
    QVERIFY(brokenSplit);
    QVERIFY(brokenSplit->item(QString(), 0, QJsonValue(0)).isUndefined());
    QVERIFY(!brokenSplit->everySpanParses());
}

void TestSpanListText::unusualTextIsNotSplit_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("no span list (HAR)") << QByteArray(R"({"log": {"entries": [{"a": 1}]}})");
    QTest::newRow("a key with an escape") << QByteArray(R"({"sp\u0061ns": [{"a": 1}], "spans": [{"b": 2}]})");
    QTest::newRow("one list path twice") << QByteArray(R"({"spans": [{"a": 1}], "spans": [{"b": 2}]})");
    QTest::newRow("text after the document") << QByteArray(R"([{"a": 1}] x)");
    QTest::newRow("an unclosed span") << QByteArray(R"([{"a": "}])");
    QTest::newRow("not json") << QByteArray("traces!");
    QTest::newRow("nesting near the parser's limit") << QByteArray("[" + QByteArray(600, '[') + QByteArray(600, ']') + "]");
    QTest::newRow("a span nested near the limit")
        << QByteArray("[{\"a\": " + QByteArray(600, '[') + QByteArray(600, ']') + "}]");
}

void TestSpanListText::unusualTextIsNotSplit()
{
    QFETCH(QByteArray, text);
    QVERIFY(!SpanListText::split(text));
}

void TestSpanListText::importsAsTheWholeTextDoes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("OTLP") << fixture("otlp-shop.json");
    QTest::newRow("Jaeger") << fixture("jaeger-dispatch.json");
    // A span that is no object, a span with a wrong field, a trace whose parent is missing.
    QTest::newRow("problems") << QByteArray(R"({"resourceSpans": [{"scopeSpans": [{"spans": [5,
        {"traceId": "a", "spanId": "a1", "startTimeUnixNano": "1", "endTimeUnixNano": "3"},
        {"traceId": "b", "spanId": "b1", "startTimeUnixNano": "x", "endTimeUnixNano": "3"},
        {"traceId": "c", "spanId": "c1", "parentSpanId": "ff", "startTimeUnixNano": "1", "endTimeUnixNano": "3"}]}]}]})");
}

// The split import against the whole one (the same document made unsplittable).
void TestSpanListText::importsAsTheWholeTextDoes()
{
    QFETCH(QByteArray, text);
    QVERIFY(!text.isEmpty());
    QVERIFY(SpanListText::split(text));
    QVERIFY(!SpanListText::split(unsplittable(text)));
    const QStringList split = importText(TraceImport::parse(text));
    QVERIFY2(split.size() > 1, qPrintable(split.join(u'\n')));
    QCOMPARE(split, importText(TraceImport::parse(unsplittable(text))));
}

// The message names the line and column in the whole file, as the parser of
// the whole text does: the stray `x` is on line 2, column 30 (counted by hand).
void TestSpanListText::syntaxErrorInASpanNamesItsPlaceInTheFile()
{
    const QByteArray text = "[{\"traceId\": \"a\", \"id\": \"a\", \"timestamp\": 1, \"duration\": 1},\n"
                            " {\"traceId\": \"b\", \"id\": \"b\", x \"timestamp\": 1, \"duration\": 1}]";
    QCOMPARE(text.indexOf('x') - text.indexOf('\n'), 30); // the column, 1-based, on the second line
    const Result<ImportedTraces> traces = TraceImport::parse(text);
    QVERIFY(!traces);
    QVERIFY2(traces.error().contains(QStringLiteral("line 2, column 30")), qPrintable(traces.error()));

    // load() drops the file's text once every span is read; here one is not, so it still has it for the message.
    QTemporaryDir folder;
    QFile file(folder.filePath(QStringLiteral("broken.json")));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text) == text.size());
    file.close();
    const Result<ImportedTraces> loaded = TraceImport::load(file.fileName());
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().contains(QStringLiteral("broken.json: line 2, column 30")), qPrintable(loaded.error()));
}

// OTLP's older list name beside the newer one: the reader reads scopeSpans
// only, yet a broken span in the other list still refuses the file, as a
// parser of the whole text would.
void TestSpanListText::syntaxErrorInAListNoReaderReads()
{
    const QByteArray text = R"({"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "a", "spanId": "a1", "startTimeUnixNano": "1", "endTimeUnixNano": "3"}]}],
 "instrumentationLibrarySpans": [{"spans": [{"traceId": tru}]}]}]})";
    const Result<ImportedTraces> traces = TraceImport::parse(text);
    QVERIFY(!traces);
    QVERIFY2(traces.error().contains(QStringLiteral("line 2")), qPrintable(traces.error()));
}

QTEST_GUILESS_MAIN(TestSpanListText)
#include "tst_spanlisttext.moc"
