// libFuzzer target: how the recorder reads an answer (HttpResponseReader):
// the head, interim answers, and the body's framing by Content-Length,
// chunked coding or the server's close.
//
// The first input byte sets the size of the pieces the rest arrives in; the
// second says whether the server then closes the connection. Properties
// beyond "no crash, no leak, no undefined behaviour": the answer reads the
// same whole and in pieces (state, status, whether the connection is kept,
// the problem named), a finished reading stays finished, and a failure says
// what is wrong in one line.

#include "net/httpresponsereader.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace LatencyLab::Core;
using State = HttpResponseReader::State;

namespace {

[[noreturn]] void fail(const char *what)
{
    fprintf(stderr, "fuzz_httpresponse: %s\n", what);
    abort();
}

HttpResponseReader readStream(QByteArrayView stream, qsizetype pieceSize, bool closeAtEnd)
{
    HttpResponseReader reader;
    State before = reader.state();
    for (qsizetype at = 0; at < stream.size(); at += pieceSize) {
        const State state = reader.read(stream.sliced(at, std::min(pieceSize, stream.size() - at)));
        if ((before == State::Complete || before == State::Failed) && state != before)
            fail("a finished reading changed");
        if (before == State::Body && state == State::Head)
            fail("the reading went back to the head");
        before = state;
    }
    if (closeAtEnd)
        reader.closed();
    if (reader.state() == State::Failed && (reader.problem().isEmpty() || reader.problem().contains(QLatin1Char('\n'))))
        fail("a failure must say what is wrong in one line");
    if (reader.state() == State::Complete && !reader.hasHead())
        fail("an answer completed without a head");
    return reader;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const qsizetype pieceSize = 1 + data[0] % 64;
    const bool closeAtEnd = data[1] & 1;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const HttpResponseReader whole = readStream(stream, qMax<qsizetype>(1, stream.size()), closeAtEnd);
    const HttpResponseReader pieces = readStream(stream, pieceSize, closeAtEnd);
    if (whole.state() != pieces.state() || whole.status() != pieces.status() || whole.problem() != pieces.problem()
        || (whole.hasHead() && whole.keepsAlive() != pieces.keepsAlive()))
        fail("the answer read depends on how the bytes arrived");
    return 0;
}
