#include "traces/traceimport.h"

#include "model/boundedfile.h"
#include "model/jsonsyntax.h"
#include "traces/harreader.h"
#include "traces/jaegerreader.h"
#include "traces/otlpreader.h"
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

Result<ImportedTraces> read(const QJsonDocument &document, TraceFormat format)
{
    const auto wrongTop = [format](QStringView expected) {
        return Result<ImportedTraces>::failure(QStringLiteral("expected %1 at the top level of %2").arg(expected, traceFormatTitle(format)));
    };
    switch (format) {
    case TraceFormat::Otlp:
        if (!document.isObject() || !document.object().contains(u"resourceSpans"))
            return wrongTop(u"an object with resourceSpans");
        return mapped(readOtlpSpans(document.object()), format);
    case TraceFormat::Jaeger:
        if (!document.isObject())
            return wrongTop(u"an object with data (or one trace with traceID and spans)");
        return mapped(readJaegerSpans(document.object()), format);
    case TraceFormat::Zipkin:
        if (!document.isArray())
            return wrongTop(u"a list of spans");
        return mapped(readZipkinSpans(document.array()), format);
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

} // namespace

Result<ImportedTraces> parse(const QByteArray &json, TraceFormat format)
{
    if (QByteArrayView(json).trimmed().isEmpty())
        return Result<ImportedTraces>::failure(QStringLiteral("the input is empty; expected traces or a HAR (JSON)"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<ImportedTraces>::failure(describeJsonSyntaxError(json, error));
    if (format == TraceFormat::Auto) {
        const Result<TraceFormat> sniffed = sniffTraceFormat(document);
        if (!sniffed)
            return Result<ImportedTraces>::failure(sniffed.error());
        format = *sniffed;
    }
    Result<ImportedTraces> traces = read(document, format);
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
