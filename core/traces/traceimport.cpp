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

namespace LatencyLab::Core::TraceImport {

namespace {

Result<ImportedTraces> mapped(const Result<SpanBatch> &batch, TraceFormat format)
{
    if (!batch)
        return Result<ImportedTraces>::failure(batch.error());
    return mapTraces(*batch, format);
}

Result<ImportedTraces> read(const QJsonDocument &document, TraceFormat format, const SpanListText *text)
{
    const auto wrongTop = [format](QStringView expected) {
        return Result<ImportedTraces>::failure(QStringLiteral("expected %1 at the top level of %2").arg(expected, traceFormatTitle(format)));
    };
    switch (format) {
    case TraceFormat::Otlp:
        if (!document.isObject() || !document.object().contains(u"resourceSpans"))
            return wrongTop(u"an object with resourceSpans");
        return mapped(readOtlpSpans(document.object(), text), format);
    case TraceFormat::Jaeger:
        if (!document.isObject())
            return wrongTop(u"an object with data (or one trace with traceID and spans)");
        return mapped(readJaegerSpans(document.object(), text), format);
    case TraceFormat::Zipkin:
        if (!document.isArray())
            return wrongTop(u"a list of spans");
        return mapped(readZipkinSpans(document.array(), text), format);
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
Result<ImportedTraces> readDocument(const QJsonDocument &document, TraceFormat format, const SpanListText *text)
{
    if (format == TraceFormat::Auto) {
        const Result<TraceFormat> sniffed = sniffTraceFormat(document);
        if (!sniffed)
            return Result<ImportedTraces>::failure(sniffed.error());
        format = *sniffed;
    }
    Result<ImportedTraces> traces = read(document, format, text);
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

} // namespace

Result<ImportedTraces> parse(const QByteArray &json, TraceFormat format)
{
    if (QByteArrayView(json).trimmed().isEmpty())
        return Result<ImportedTraces>::failure(QStringLiteral("the input is empty; expected traces or a HAR (JSON)"));
    // A whole parsed document takes six to seven times the file; its outline
    // and one span at a time take little more than the file. Text it cannot
    // split, a span that does not parse, or any failure is parsed whole, so
    // every message is the one the whole text gives.
    if (const std::optional<SpanListText> text = SpanListText::split(json)) {
        QJsonParseError error;
        const QJsonDocument outline = QJsonDocument::fromJson(text->outline(), &error);
        if (error.error == QJsonParseError::NoError) {
            Result<ImportedTraces> traces = readDocument(outline, format, &*text);
            if (traces && text->everySpanParses())
                return traces;
        }
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<ImportedTraces>::failure(describeJsonSyntaxError(json, error));
    return readDocument(document, format, nullptr);
}

Result<ImportedTraces> load(const QString &path, TraceFormat format)
{
    const Result<QByteArray> data = readBoundedFile(path, kMaxFileBytes, QStringLiteral("trace file"));
    if (!data)
        return Result<ImportedTraces>::failure(data.error());
    Result<ImportedTraces> traces = parse(*data, format);
    if (!traces)
        return Result<ImportedTraces>::failure(QDir::toNativeSeparators(path) + QStringLiteral(": ") + traces.error());
    return traces;
}

} // namespace LatencyLab::Core::TraceImport
