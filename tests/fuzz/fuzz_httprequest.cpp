// libFuzzer target: the demo server's request reading, fed a connection's
// byte stream as the network might deliver it.
//
// The first input byte sets the size of the pieces the rest arrives in. The
// stream is read as the server's connection loop reads it — append what
// arrived, take every whole request (pipelined ones too), stop at a refusal
// or at a request that closes the connection — once whole and once in
// pieces. Properties beyond "no crash, no leak, no undefined behaviour":
// both readings see the same requests and the same refusal, a request never
// takes more bytes than have arrived, and a refusal is one of the statuses
// the server answers with.

#include "net/httprequestreader.h"

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace LatencyLab::Core;

namespace {

[[noreturn]] void fail(const char *what)
{
    fprintf(stderr, "fuzz_httprequest: %s\n", what);
    abort();
}

struct Reading
{
    QList<QByteArray> requests; // method, target path and keep-alive of each
    int refusal = 0;

    friend bool operator==(const Reading &, const Reading &) = default;
};

Reading readStream(QByteArrayView stream, qsizetype pieceSize)
{
    const HttpRequestLimits limits{512, 1024}; // small, so the fuzzer reaches them
    Reading reading;
    QByteArray buffer;
    for (qsizetype at = 0; at < stream.size(); at += pieceSize) {
        buffer += stream.sliced(at, std::min(pieceSize, stream.size() - at));
        for (;;) {
            const HttpRequestRead read = readHttpRequest(buffer, limits);
            if (read.state == HttpRequestRead::State::Incomplete)
                break;
            if (read.state == HttpRequestRead::State::Refused) {
                if (read.status != 400 && read.status != 413 && read.status != 431 && read.status != 501)
                    fail("a refusal with a status the server does not answer with");
                if (read.problem.isEmpty() || read.problem.contains(QLatin1Char('\n')))
                    fail("a refusal must say what is wrong in one line");
                reading.refusal = read.status;
                return reading;
            }
            if (read.consumed <= 0 || read.consumed > buffer.size())
                fail("a request took bytes that have not arrived");
            reading.requests << read.method + ' ' + httpTargetPath(read.target) + (read.keepAlive ? " keep" : " close");
            buffer.remove(0, read.consumed);
            if (!read.keepAlive)
                return reading;
        }
    }
    return reading;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype pieceSize = 1 + data[0] % 64;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if (readStream(stream, qMax<qsizetype>(1, stream.size())) != readStream(stream, pieceSize))
        fail("the requests read depend on how the bytes arrived");
    return 0;
}
