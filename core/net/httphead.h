#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <utility>

namespace LatencyLab::Core {

// The head of one HTTP/1.x message: its start line split in three, and its
// header fields. Shared by the demo server (requests) and the recorder
// (responses), both of which only need the head and a body length.
struct HttpHead
{
    // Request: method, target, version. Response: version, status code, reason.
    QByteArray start[3];
    QList<std::pair<QByteArray, QByteArray>> fields; // names lower-cased, values trimmed

    // The first field of that (lower-case) name, or a null array.
    QByteArray field(QByteArrayView name) const;
    // Whether a comma-separated field (Connection, Transfer-Encoding) lists
    // `token`, ignoring case.
    bool fieldHasToken(QByteArrayView name, QByteArrayView token) const;
    // HTTP/1.1 keeps a connection open unless told to close; HTTP/1.0 closes
    // it unless told to keep it alive.
    bool keepsAlive() const;
};

struct HttpHeadParse
{
    enum class State : quint8 {
        Incomplete, // the blank line that ends the head has not arrived yet
        Complete,
        Malformed,
        TooLarge,   // no end of head within the size limit
    };

    State state = State::Incomplete;
    qsizetype consumed = 0; // bytes of the buffer the head took, blank line included
    HttpHead head;
    QString problem;        // Malformed or TooLarge: what is wrong, in a few words
};

// Parses a request head: `METHOD SP target SP HTTP/1.x`, then fields. Empty
// lines before the request line are skipped (RFC 9112, 2.2); bare LF line
// ends are accepted. The version must be HTTP/1.0 or HTTP/1.1, and an
// HTTP/1.1 request must name its Host.
HttpHeadParse parseRequestHead(QByteArrayView buffer, qsizetype maxBytes);

// Parses a response head: `HTTP/1.x SP 3-digit status [SP reason]`, then fields.
HttpHeadParse parseResponseHead(QByteArrayView buffer, qsizetype maxBytes);

// The Content-Length field as a number: -1 when absent, -2 when malformed
// (not digits, or repeated with different values).
qint64 httpContentLength(const HttpHead &head);

} // namespace LatencyLab::Core
