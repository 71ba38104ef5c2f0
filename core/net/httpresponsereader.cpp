#include "net/httpresponsereader.h"

#include "net/httphead.h"

#include <algorithm>

namespace LatencyLab::Core {

void HttpResponseReader::reset()
{
    *this = HttpResponseReader();
}

HttpResponseReader::State HttpResponseReader::read(QByteArrayView bytes)
{
    if (m_state == State::Complete || m_state == State::Failed)
        return m_state;
    m_buffer.append(bytes);
    if (m_state == State::Head)
        readHead();
    if (m_state == State::Body)
        readBody();
    return m_state;
}

HttpResponseReader::State HttpResponseReader::closed()
{
    if (m_state == State::Body && m_body == Body::UntilClose)
        m_state = State::Complete;
    else if (m_state == State::Head || m_state == State::Body)
        fail(QStringLiteral("the server closed the connection before answering"));
    return m_state;
}

void HttpResponseReader::fail(const QString &problem)
{
    m_state = State::Failed;
    m_problem = problem;
    m_buffer.clear();
}

void HttpResponseReader::readHead()
{
    for (;;) {
        const HttpHeadParse parse = parseResponseHead(m_buffer, kMaxHeadBytes);
        if (parse.state == HttpHeadParse::State::Incomplete)
            return;
        if (parse.state != HttpHeadParse::State::Complete)
            return fail(QStringLiteral("the answer is not HTTP: %1").arg(parse.problem));
        m_buffer.remove(0, parse.consumed);
        const int status = parse.head.start[1].toInt();
        if (status == 101)
            return fail(QStringLiteral("the server switched protocols"));
        if (status >= 100 && status < 200)
            continue; // an interim answer (100 Continue): the real one follows
        m_status = status;
        m_hasHead = true;
        m_keepAlive = parse.head.keepsAlive();
        const qint64 length = httpContentLength(parse.head);
        if (status == 204 || status == 304) {
            m_body = Body::Length;
            m_remaining = 0;
        } else if (parse.head.fieldHasToken("transfer-encoding", "chunked")) {
            m_body = Body::Chunked;
            m_chunk = Chunk::Size;
        } else if (length == -2) {
            return fail(QStringLiteral("the answer has a bad Content-Length"));
        } else if (length >= 0) {
            m_body = Body::Length;
            m_remaining = length;
        } else {
            m_body = Body::UntilClose;
            m_keepAlive = false;
        }
        m_state = State::Body;
        return;
    }
}

void HttpResponseReader::consumeData()
{
    const qint64 taken = std::min<qint64>(m_remaining, m_buffer.size());
    m_remaining -= taken;
    m_buffer.remove(0, taken);
}

void HttpResponseReader::readBody()
{
    switch (m_body) {
    case Body::Length:
        consumeData();
        if (m_remaining == 0)
            m_state = State::Complete;
        return;
    case Body::Chunked:
        return readChunked();
    case Body::UntilClose:
        m_buffer.clear(); // complete when the server closes
        return;
    }
}

// Chunked transfer coding (RFC 9112, 7.1): size line, data, CRLF, ..., a zero
// size, then trailer lines up to an empty one.
void HttpResponseReader::readChunked()
{
    const QString malformed = QStringLiteral("the answer's chunked body is malformed");
    for (;;) {
        if (m_chunk == Chunk::Data) {
            consumeData();
            if (m_remaining > 0)
                return;
            m_chunk = Chunk::DataEnd;
        }
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline < 0) {
            if (m_buffer.size() > kMaxChunkLineBytes)
                fail(malformed);
            return;
        }
        if (newline > kMaxChunkLineBytes)
            return fail(malformed);
        QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        switch (m_chunk) {
        case Chunk::Size: {
            const qsizetype extension = line.indexOf(';');
            const QByteArray digits = (extension >= 0 ? line.left(extension) : line).trimmed();
            bool ok = !digits.isEmpty() && digits.size() <= 15;
            const qint64 size = ok ? digits.toLongLong(&ok, 16) : 0;
            if (!ok || size < 0)
                return fail(malformed);
            m_remaining = size;
            m_chunk = size == 0 ? Chunk::Trailer : Chunk::Data;
            break;
        }
        case Chunk::DataEnd:
            if (!line.isEmpty())
                return fail(malformed);
            m_chunk = Chunk::Size;
            break;
        case Chunk::Trailer:
            if (line.isEmpty()) {
                m_state = State::Complete;
                return;
            }
            break;
        case Chunk::Data:
            break;
        }
    }
}

} // namespace LatencyLab::Core
