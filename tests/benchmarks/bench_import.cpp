// Wall time and peak memory of importing large trace files: an OTLP/JSON file
// just under the 64 MB limit holding as many spans as fit (traces of a SERVER
// root with a db call, an http call and an internal span, as an instrumented
// service writes them), as many spans of a root and a CLIENT child in Zipkin
// v2 form as fit (10⁶ would take 73 MB), and 10⁶ one-span Zipkin traces
// (62 MB). Each file is generated into a temporary folder and
// imported by a fresh run of this program (`--load`), so each case's peak
// resident memory is its own: VmHWM, the peak of this process image, since
// getrusage's ru_maxrss survives exec and would carry the generator's peak.
// Best of three loads per case.
//
//   build/tests/benchmarks/bench_import [--keep DIR]
//
// --keep DIR writes the files there and leaves them, for a profiler:
//   heaptrack build/tests/benchmarks/bench_import --load DIR/otlp.json

#include "traces/traceimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

using namespace LatencyLab::Core;

namespace {

constexpr qint64 kMebibyte = 1024 * 1024;
constexpr Nanos kFirstStart = 1'700'000'000'000'000'000; // 2023-11-14, nanoseconds since 1970

// /proc/self/status's "VmHWM:   123456 kB"; -1 when it cannot be read.
qint64 peakResidentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

QByteArray hexId(quint64 value, int digits)
{
    return QByteArray::number(value, 16).rightJustified(digits, '0');
}

QByteArray otlpSpan(quint64 trace, int index, int parent, const char *name, int kind, Nanos start, Nanos end, const QByteArray &attributes)
{
    QByteArray span = "{\"traceId\":\"" + hexId(trace, 32) + "\",\"spanId\":\"" + hexId(trace * 8 + quint64(index), 16) + '"';
    if (parent >= 0)
        span += ",\"parentSpanId\":\"" + hexId(trace * 8 + quint64(parent), 16) + '"';
    span += ",\"name\":\"" + QByteArray(name) + "\",\"kind\":" + QByteArray::number(kind) + ",\"startTimeUnixNano\":\""
        + QByteArray::number(start) + "\",\"endTimeUnixNano\":\"" + QByteArray::number(end) + "\",\"attributes\":[" + attributes + "]}";
    return span;
}

QByteArray stringAttribute(const char *key, const char *value)
{
    return "{\"key\":\"" + QByteArray(key) + "\",\"value\":{\"stringValue\":\"" + QByteArray(value) + "\"}}";
}

// One request of the "checkout" service: a 20 ms root (read 1 ms before its
// handler started), a 6 ms db call, a 5 ms http call and a 2 ms internal span.
QByteArray otlpTrace(quint64 trace)
{
    const Nanos start = kFirstStart + Nanos(trace) * 10'000'000;
    const QByteArray queueStart = "{\"key\":\"latencylab.queue_start_unix_nano\",\"value\":{\"intValue\":\""
        + QByteArray::number(start - 1'000'000) + "\"}}";
    return otlpSpan(trace, 0, -1, "GET /api/checkout", 2, start, start + 20'000'000,
                    stringAttribute("http.route", "/api/checkout") + ',' + queueStart)
        + ',' + otlpSpan(trace, 1, 0, "SELECT orders", 3, start + 2'000'000, start + 8'000'000, stringAttribute("db.system", "postgresql"))
        + ',' + otlpSpan(trace, 2, 0, "GET inventory", 3, start + 9'000'000, start + 14'000'000, stringAttribute("http.method", "GET"))
        + ',' + otlpSpan(trace, 3, 0, "render", 1, start + 15'000'000, start + 17'000'000, {});
}

// `head`, then traces from `nextTrace(number)` joined by commas until the
// next would pass `limit` bytes, then `tail`; the span count in `spans`.
template<typename NextTrace>
QByteArray fileUpTo(qint64 limit, const QByteArray &head, const QByteArray &tail, int spansPerTrace, NextTrace nextTrace, qint64 &spans)
{
    QByteArray file = head;
    file.reserve(limit);
    spans = 0;
    for (quint64 trace = 1;; ++trace) {
        const QByteArray next = nextTrace(trace);
        if (file.size() + 1 + next.size() + tail.size() > limit)
            break;
        if (trace > 1)
            file += ',';
        file += next;
        spans += spansPerTrace;
    }
    return file + tail;
}

QByteArray otlpFile(qint64 limit, qint64 &spans)
{
    const QByteArray head = R"({"resourceSpans":[{"resource":{"attributes":[)" + stringAttribute("service.name", "checkout")
        + R"(]},"scopeSpans":[{"scope":{"name":"bench"},"spans":[)";
    return fileUpTo(limit, head, "]}]}]}\n", 4, otlpTrace, spans);
}

// A root span and one CLIENT child in as few bytes as Zipkin v2 allows:
// short ids, times in microseconds near 1970.
QByteArray zipkinTrace(quint64 trace)
{
    const QByteArray id = hexId(trace, 1);
    const qint64 start = 1'000'000 + qint64(trace) * 10;
    return "{\"traceId\":\"" + id + "\",\"id\":\"1\",\"timestamp\":" + QByteArray::number(start) + ",\"duration\":9},{\"traceId\":\"" + id
        + "\",\"id\":\"2\",\"parentId\":\"1\",\"kind\":\"CLIENT\",\"timestamp\":" + QByteArray::number(start + 2) + ",\"duration\":5}";
}

QByteArray zipkinFile(qint64 limit, qint64 &spans)
{
    return fileUpTo(limit, "[", "]\n", 2, zipkinTrace, spans);
}

// `count` traces of one span each, ids and times as short as they come.
QByteArray zipkinOneSpanTraces(qint64 count)
{
    QByteArray file = "[";
    file.reserve(count * 64);
    for (qint64 k = 1; k <= count; ++k) {
        const QByteArray id = hexId(quint64(k), 1);
        file += (k > 1 ? ",{\"traceId\":\"" : "{\"traceId\":\"") + id + "\",\"id\":\"" + id + "\",\"timestamp\":" + QByteArray::number(k)
            + ",\"duration\":1}";
    }
    return file + "]\n";
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The child's run: one import, its figures on one line.
int loadOnce(const QString &path)
{
    const qint64 baseline = peakResidentBytes();
    QElapsedTimer clock;
    clock.start();
    const Result<ImportedTraces> traces = TraceImport::load(path);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (!traces) {
        QTextStream(stderr) << traces.error() << '\n';
        return 1;
    }
    QTextStream(stdout) << seconds << ' ' << peakResidentBytes() << ' ' << baseline << ' ' << traces->spanCount << ' '
                        << traces->requests.size() << ' ' << traces->problems.size() << '\n';
    return 0;
}

void measure(const QString &title, const QString &path, QTextStream &out)
{
    const qint64 fileBytes = QFileInfo(path).size();
    double bestSeconds = 1e9;
    qint64 peak = 0, baseline = 0;
    QString counts;
    for (int repeat = 0; repeat < 3; ++repeat) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--load"), path});
        if (!child.waitForFinished(-1) || child.exitCode() != 0)
            qFatal("the import of %s failed: %s", qPrintable(path), child.readAllStandardError().constData());
        const QStringList fields = QString::fromUtf8(child.readAllStandardOutput()).split(QLatin1Char(' '));
        bestSeconds = std::min(bestSeconds, fields.value(0).toDouble());
        peak = fields.value(1).toLongLong();
        baseline = fields.value(2).toLongLong();
        counts = QStringLiteral("%1 spans, %2 requests, %3 problems").arg(fields.value(3), fields.value(4), fields.value(5).trimmed());
    }
    out << title << ": " << QString::number(double(fileBytes) / double(kMebibyte), 'f', 1) << " MB, " << counts << '\n'
        << "  load " << QString::number(bestSeconds, 'f', 2) << " s, peak RSS " << peak / kMebibyte << " MB (program before the load "
        << baseline / kMebibyte << " MB): " << QString::number(double(peak) / double(fileBytes), 'f', 1) << "× the file\n";
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() == 3 && arguments[1] == u"--load")
        return loadOnce(arguments[2]);

    QTemporaryDir temporary;
    const QString folder = arguments.size() == 3 && arguments[1] == u"--keep" ? arguments[2] : temporary.path();
    QDir().mkpath(folder);
    QTextStream out(stdout);

    qint64 otlpSpans = 0;
    const QString otlpPath = QDir(folder).filePath(QStringLiteral("otlp.json"));
    if (!writeFile(otlpPath, otlpFile(TraceImport::kMaxFileBytes, otlpSpans)))
        qFatal("cannot write %s", qPrintable(otlpPath));
    measure(QStringLiteral("OTLP/JSON, %1 spans").arg(otlpSpans), otlpPath, out);

    // 10⁶ such spans would take 73 MB: as many as fit instead.
    qint64 zipkinSpans = 0;
    const QString zipkinPath = QDir(folder).filePath(QStringLiteral("zipkin.json"));
    if (!writeFile(zipkinPath, zipkinFile(TraceImport::kMaxFileBytes, zipkinSpans)))
        qFatal("cannot write %s", qPrintable(zipkinPath));
    measure(QStringLiteral("Zipkin v2, %1 spans").arg(zipkinSpans), zipkinPath, out);

    const QString millionPath = QDir(folder).filePath(QStringLiteral("zipkin-million.json"));
    if (!writeFile(millionPath, zipkinOneSpanTraces(1'000'000)))
        qFatal("cannot write %s", qPrintable(millionPath));
    measure(QStringLiteral("Zipkin v2, 1000000 one-span traces"), millionPath, out);
    return 0;
}
