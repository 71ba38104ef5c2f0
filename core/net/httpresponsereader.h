#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace LatencyLab::Core {

// Reads one HTTP/1.x answer as bytes arrive, as the recorder needs it: the
// head (skipping interim 1xx answers), then the body's framing — a
// Content-Length, chunked transfer coding, or until the server closes — only
// counted, never kept. Pure: no socket, no clock, so it can be fed any byte
// stream (tests/fuzz/fuzz_httpresponse.cpp).
class HttpResponseReader
{
public:
    enum class State : quint8 {
        Head,     // waiting for the head
        Body,     // the head has arrived; reading the body
        Complete, // the whole answer has arrived
        Failed,   // not an answer this reader accepts: problem() says why
    };

    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;
    static constexpr qsizetype kMaxChunkLineBytes = 4 * 1024;

    // Ready for the next answer on the same connection.
    void reset();
    // Takes the bytes that arrived and reads as far as they go. Bytes after
    // the end of the answer are left unread (a server may not send any).
    State read(QByteArrayView bytes);
    // The server closed the connection: an answer that ends at the close is
    // complete; any other that has not ended fails.
    State closed();

    State state() const { return m_state; }
    bool hasHead() const { return m_hasHead; }
    int status() const { return m_status; }
    // Whether the connection may carry the next request.
    bool keepsAlive() const { return m_keepAlive; }
    bool endsAtClose() const { return m_body == Body::UntilClose; }
    const QString &problem() const { return m_problem; }

private:
    enum class Body : quint8 { Length, Chunked, UntilClose };
    enum class Chunk : quint8 { Size, Data, DataEnd, Trailer };

    void readHead();
    void readBody();
    void readChunked();
    // Takes up to m_remaining bytes of data from the buffer.
    void consumeData();
    void fail(const QString &problem);

    QByteArray m_buffer;
    State m_state = State::Head;
    QString m_problem;
    int m_status = 0;
    bool m_hasHead = false;
    bool m_keepAlive = true;
    Body m_body = Body::Length;
    Chunk m_chunk = Chunk::Size;
    qint64 m_remaining = 0; // Length: bytes of body left; Chunked: bytes of the chunk left
};

} // namespace LatencyLab::Core
