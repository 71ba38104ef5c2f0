#include "model/timelinecsv.h"

#include <QSaveFile>

namespace LatencyLab::Core {

namespace {

// Flushing in chunks keeps memory flat for millions of spans.
constexpr qsizetype kFlushBytes = 1 << 20;

// Exact seconds from integer nanoseconds, without binary floating-point noise:
// 2600000000 → "2.6".
QByteArray secondsText(Nanos nanos)
{
    const bool negative = nanos < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(nanos) : quint64(nanos);
    QByteArray text = QByteArray::number(magnitude / quint64(kNanosPerSecond));
    if (const quint64 fraction = magnitude % quint64(kNanosPerSecond); fraction != 0) {
        QByteArray digits = QByteArray::number(fraction).rightJustified(9, '0');
        while (digits.endsWith('0'))
            digits.chop(1);
        text += '.' + digits;
    }
    return negative ? '-' + text : text;
}

// RFC 4180: quote a field that holds a separator, a quote or a line break.
QByteArray csvField(const QString &value)
{
    QByteArray utf8 = value.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r'))
        return utf8;
    utf8.replace('"', "\"\"");
    return '"' + utf8 + '"';
}

// A cpu span's share of a core: "1", or "0.125" when it was time-shared;
// empty for every other state.
QByteArray shareText(const Span &span)
{
    if (span.state != SpanState::Cpu)
        return QByteArray();
    return span.isTimeShared() ? QByteArray::number(span.share(), 'g', 6) : QByteArrayLiteral("1");
}

QByteArray requestNumber(RequestIndex request)
{
    return request == kNoRequest ? QByteArray() : QByteArray::number(qint64(request) + 1);
}

Status failure(const QString &path, const QString &reason)
{
    return Status::failure(QStringLiteral("cannot write timeline CSV \"%1\": %2").arg(path, reason));
}

} // namespace

Status writeTimelineCsv(const Timeline &timeline, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(path, file.errorString());

    QByteArray buffer = "request,name,state,start_s,end_s,blame,share\n";
    const auto flush = [&] {
        const bool written = file.write(buffer) == buffer.size();
        buffer.clear();
        return written;
    };
    for (RequestIndex r = 0; r < timeline.requestCount(); ++r) {
        const QByteArray request = requestNumber(r);
        const QByteArray name = csvField(timeline.requestName(r));
        for (int k = 0; k < timeline.requestSpanCount(r); ++k) {
            const Span span = timeline.span(r, k);
            buffer += request + ',' + name + ',' + spanStateName(span.state).toUtf8() + ',' + secondsText(span.start) + ','
                + secondsText(span.end) + ',' + requestNumber(span.blame) + ',' + shareText(span) + '\n';
        }
        if (buffer.size() >= kFlushBytes && !flush())
            return failure(path, file.errorString()); // QSaveFile discards the temporary file
    }
    if (!flush() || !file.commit())
        return failure(path, file.errorString());
    return success();
}

} // namespace LatencyLab::Core
