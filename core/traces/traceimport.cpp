#include "traces/traceimport.h"

#include "model/boundedfile.h"
#include "model/jsonsyntax.h"
#include "traces/harreader.h"
#include "traces/jaegerreader.h"
#include "traces/otlpreader.h"
#include "traces/spanlisttext.h"
#include "traces/traceformat.h"
#include "traces/tracemapper.h"
#include "traces/zipkinreader.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace LatencyLab::Core::TraceImport {

namespace {

// What a read from an outline (spanlisttext.h) needs: the text, and what to
// call once every span in it was read and parsed, before the mapping: from
// then on the result is the one the whole text gives, and the text may go.
struct OutlineRead
{
    const SpanListText *text = nullptr;
    std::function<void()> spansRead;
};

// With an outline, a span that does not parse fails (the caller then parses
// the whole text for its message).
Result<ImportedTraces> mapped(const Result<SpanBatch> &batch, TraceFormat format, const OutlineRead &outline)
{
    if (!batch)
        return Result<ImportedTraces>::failure(batch.error());
    if (outline.text) {
        if (!outline.text->everySpanParses())
            return Result<ImportedTraces>::failure(QStringLiteral("a span does not parse"));
        outline.spansRead();
    }
    return mapTraces(*batch, format);
}

Result<ImportedTraces> read(const QJsonDocument &document, TraceFormat format, const OutlineRead &outline)
{
    const SpanListText *text = outline.text;
    const auto wrongTop = [format](QStringView expected) {
        return Result<ImportedTraces>::failure(QStringLiteral("expected %1 at the top level of %2").arg(expected, traceFormatTitle(format)));
    };
    switch (format) {
    case TraceFormat::Otlp:
        if (!document.isObject() || !document.object().contains(u"resourceSpans"))
            return wrongTop(u"an object with resourceSpans");
        return mapped(readOtlpSpans(document.object(), text), format, outline);
    case TraceFormat::Jaeger:
        if (!document.isObject())
            return wrongTop(u"an object with data (or one trace with traceID and spans)");
        return mapped(readJaegerSpans(document.object(), text), format, outline);
    case TraceFormat::Zipkin:
        if (!document.isArray())
            return wrongTop(u"a list of spans");
        return mapped(readZipkinSpans(document.array(), text), format, outline);
    case TraceFormat::Har:
        if (!document.isObject())
            return wrongTop(u"an object with log");
        return readHar(document.object());
    case TraceFormat::Auto:
        break;
    }
    Q_ASSERT_X(false, "TraceImport::read", "the format is told before reading");
    return Result<ImportedTraces>::failure(QStringLiteral("no trace format"));
}

// The document's traces in `format` (Auto: told by the top level), or why there are none.
Result<ImportedTraces> readDocument(const QJsonDocument &document, TraceFormat format, const OutlineRead &outline = {})
{
    if (format == TraceFormat::Auto) {
        const Result<TraceFormat> sniffed = sniffTraceFormat(document);
        if (!sniffed)
            return Result<ImportedTraces>::failure(sniffed.error());
        format = *sniffed;
    }
    Result<ImportedTraces> traces = read(document, format, outline);
    if (traces && traces->requests.empty() && !traces->problems.isEmpty()) {
        const qsizetype more = traces->problems.size() - 1;
        return Result<ImportedTraces>::failure(traces->problems.first()
                                               + (more > 0 ? QStringLiteral(" (and %L1 more problems; no trace could be imported)").arg(more)
                                                           : QString()));
    }
    if (traces && traces->requests.empty())
        return Result<ImportedTraces>::failure(QStringLiteral("no traces in the file (%1)").arg(traceFormatTitle(format)));
    return traces;
}

// parse() of a text it may drop once every span was read from it (load's,
// so that the file's bytes are gone before the mapping).
Result<ImportedTraces> parseText(QByteArray json, TraceFormat format)
{
    if (QByteArrayView(json).trimmed().isEmpty())
        return Result<ImportedTraces>::failure(QStringLiteral("the input is empty; expected traces or a HAR (JSON)"));
    // A whole parsed document takes six to seven times the file; its outline
    // and one span at a time take little more than the file. Text it cannot
    // split, a span that does not parse, or a failure before every span was
    // read is parsed whole, so every message is the one the whole text gives.
    if (const std::optional<SpanListText> text = SpanListText::split(json)) {
        QJsonParseError error;
        const QJsonDocument outline = QJsonDocument::fromJson(text->outline(), &error);
        bool settled = false;
        if (error.error == QJsonParseError::NoError) {
            Result<ImportedTraces> traces = readDocument(outline, format, {&*text, [&] {
                                                                               settled = true;
                                                                               json = QByteArray();
                                                                           }});
            if (settled)
                return traces;
        }
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<ImportedTraces>::failure(describeJsonSyntaxError(json, error));
    return readDocument(document, format);
}

} // namespace

Result<ImportedTraces> parse(const QByteArray &json, TraceFormat format)
{
    return parseText(json, format);
}

Result<ImportedTraces> load(const QString &path, TraceFormat format)
{
    Result<QByteArray> data = readBoundedFile(path, kMaxFileBytes, QStringLiteral("trace file"));
    if (!data)
        return Result<ImportedTraces>::failure(data.error());
    Result<ImportedTraces> traces = parseText(std::move(*data), format);
    if (!traces)
        return Result<ImportedTraces>::failure(QDir::toNativeSeparators(path) + QStringLiteral(": ") + traces.error());
    return traces;
}

} // namespace LatencyLab::Core::TraceImport
