#include "net/httprequestreader.h"

#include "net/httphead.h"

#include <QUrl>

#include <algorithm>

namespace LatencyLab::Core {

namespace {

HttpRequestRead refused(int status, const QString &problem)
{
    HttpRequestRead read;
    read.state = HttpRequestRead::State::Refused;
    read.status = status;
    read.problem = problem;
    return read;
}

} // namespace

HttpRequestRead readHttpRequest(QByteArrayView buffer, const HttpRequestLimits &limits)
{
    HttpHeadParse parse = parseRequestHead(buffer, limits.maxHeadBytes);
    switch (parse.state) {
    case HttpHeadParse::State::Incomplete:
        return {};
    case HttpHeadParse::State::TooLarge:
        return refused(431, parse.problem);
    case HttpHeadParse::State::Malformed:
        return refused(400, parse.problem);
    case HttpHeadParse::State::Complete:
        break;
    }
    if (!parse.head.field("transfer-encoding").isNull())
        return refused(501, QStringLiteral("request bodies with Transfer-Encoding are not supported"));
    const qint64 bodyLength = httpContentLength(parse.head);
    if (bodyLength == -2)
        return refused(400, QStringLiteral("bad Content-Length"));
    if (bodyLength > limits.maxBodyBytes)
        return refused(413, QStringLiteral("request body over %1 bytes").arg(limits.maxBodyBytes));
    const qint64 length = parse.consumed + std::max<qint64>(0, bodyLength);
    if (buffer.size() < length)
        return {}; // the body is still on its way
    HttpRequestRead read;
    read.state = HttpRequestRead::State::Complete;
    read.consumed = qsizetype(length);
    read.keepAlive = parse.head.keepsAlive();
    read.method = std::move(parse.head.start[0]);
    read.target = std::move(parse.head.start[1]);
    return read;
}

QByteArray httpTargetPath(const QByteArray &target)
{
    QByteArray path = target;
    if (!path.startsWith('/')) {
        const QUrl url(QString::fromLatin1(target));
        path = url.isValid() ? url.path(QUrl::FullyEncoded).toLatin1() : QByteArray();
    }
    const qsizetype query = path.indexOf('?');
    return query >= 0 ? path.left(query) : path;
}

} // namespace LatencyLab::Core
