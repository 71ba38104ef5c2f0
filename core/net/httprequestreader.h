#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace LatencyLab::Core {

// What the demo server makes of the bytes a connection has sent so far: a
// whole request (head and its small body), not yet enough, or a request it
// refuses with a status. Pure, so a byte stream can be fed to it in any split
// (tests/fuzz/fuzz_httprequest.cpp); the server keeps the buffer and the
// connection's state.
struct HttpRequestRead
{
    enum class State : quint8 {
        Incomplete, // wait for more bytes
        Complete,
        Refused,    // answer `status` and close: the rest of the stream cannot be trusted
    };

    State state = State::Incomplete;
    int status = 0;         // Refused: 400, 413, 431 or 501
    QString problem;        // Refused: what is wrong, in a few words
    qsizetype consumed = 0; // Complete: the bytes the request took, body included
    QByteArray method;
    QByteArray target;
    bool keepAlive = true;
};

struct HttpRequestLimits
{
    qsizetype maxHeadBytes = 8 * 1024;
    qint64 maxBodyBytes = 64 * 1024;
};

// Reads the first request in `buffer`. Request bodies are accepted only with
// a Content-Length (Transfer-Encoding is refused with 501), and skipped.
HttpRequestRead readHttpRequest(QByteArrayView buffer, const HttpRequestLimits &limits);

// The path a request target names, without its query: "/api/sun?x=1" and
// "http://127.0.0.1:8000/api/sun" both name "/api/sun"; empty when the
// target is neither a path nor a URL.
QByteArray httpTargetPath(const QByteArray &target);

} // namespace LatencyLab::Core
