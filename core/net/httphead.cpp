#include "net/httphead.h"

namespace LatencyLab::Core {

namespace {

using State = HttpHeadParse::State;

// RFC 9110's tchar: the characters of methods and field names.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Visible characters, spaces and tabs: no other control character belongs in a head.
bool isPrintable(QByteArrayView text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

HttpHeadParse malformed(const QString &problem)
{
    HttpHeadParse parse;
    parse.state = State::Malformed;
    parse.problem = problem;
    return parse;
}

bool parseRequestLine(QByteArrayView line, HttpHead &head, QString &problem)
{
    const QList<QByteArrayView> parts = [&] {
        QList<QByteArrayView> list;
        qsizetype from = 0;
        for (qsizetype space = line.indexOf(' '); space >= 0; space = line.indexOf(' ', from)) {
            list << line.sliced(from, space - from);
            from = space + 1;
        }
        list << line.sliced(from);
        return list;
    }();
    if (parts.size() != 3 || parts[1].isEmpty()) {
        problem = QStringLiteral("request line is not METHOD TARGET VERSION");
        return false;
    }
    if (!isToken(parts[0])) {
        problem = QStringLiteral("bad method");
        return false;
    }
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0") {
        problem = QStringLiteral("unsupported version (expected HTTP/1.0 or HTTP/1.1)");
        return false;
    }
    for (int i = 0; i < 3; ++i)
        head.start[i] = parts[i].toByteArray();
    return true;
}

bool parseStatusLine(QByteArrayView line, HttpHead &head, QString &problem)
{
    // "HTTP/1.1 200 OK"; the reason may hold spaces or be missing.
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || !isDigits(line.sliced(7, 1)) || line[8] != ' '
        || !isDigits(line.sliced(9, 3)) || (line.size() > 12 && line[12] != ' ')) {
        problem = QStringLiteral("status line is not HTTP/1.x CODE REASON");
        return false;
    }
    head.start[0] = line.first(8).toByteArray();
    head.start[1] = line.sliced(9, 3).toByteArray();
    head.start[2] = line.size() > 13 ? line.sliced(13).toByteArray() : QByteArray();
    return true;
}

using StartLineParser = bool (*)(QByteArrayView, HttpHead &, QString &);

HttpHeadParse parseHead(QByteArrayView buffer, qsizetype maxBytes, bool skipLeadingEmptyLines, StartLineParser parseStartLine)
{
    HttpHeadParse parse;
    qsizetype position = 0;
    if (skipLeadingEmptyLines) {
        while (position < buffer.size() && (buffer[position] == '\r' || buffer[position] == '\n'))
            ++position;
    }
    bool startLineSeen = false;
    for (;;) {
        const qsizetype newline = buffer.indexOf('\n', position);
        if (newline < 0 || newline >= maxBytes) {
            if (buffer.size() >= maxBytes || newline >= maxBytes) {
                parse.state = State::TooLarge;
                parse.problem = QStringLiteral("head longer than %1 bytes").arg(maxBytes);
            }
            return parse;
        }
        QByteArrayView line = buffer.sliced(position, newline - position);
        if (line.endsWith('\r'))
            line.chop(1);
        position = newline + 1;
        if (!isPrintable(line))
            return malformed(QStringLiteral("control character in the head"));

        if (!startLineSeen) {
            QString problem;
            if (!parseStartLine(line, parse.head, problem))
                return malformed(problem);
            startLineSeen = true;
            continue;
        }
        if (line.isEmpty()) {
            parse.state = State::Complete;
            parse.consumed = position;
            return parse;
        }
        if (line.front() == ' ' || line.front() == '\t')
            return malformed(QStringLiteral("folded header line"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return malformed(QStringLiteral("header line is not NAME: VALUE"));
        parse.head.fields.append({line.first(colon).toByteArray().toLower(), line.sliced(colon + 1).trimmed().toByteArray()});
    }
}

} // namespace

QByteArray HttpHead::field(QByteArrayView name) const
{
    for (const auto &[fieldName, value] : fields) {
        if (fieldName == name)
            return value.isNull() ? QByteArray("") : value;
    }
    return {};
}

bool HttpHead::fieldHasToken(QByteArrayView name, QByteArrayView token) const
{
    for (const auto &[fieldName, value] : fields) {
        if (fieldName != name)
            continue;
        for (const QByteArray &item : value.split(',')) {
            if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool HttpHead::keepsAlive() const
{
    // The version is start[2] in a request and start[0] in a response.
    const bool http10 = start[0] == "HTTP/1.0" || start[2] == "HTTP/1.0";
    if (http10)
        return fieldHasToken("connection", "keep-alive");
    return !fieldHasToken("connection", "close");
}

HttpHeadParse parseRequestHead(QByteArrayView buffer, qsizetype maxBytes)
{
    HttpHeadParse parse = parseHead(buffer, maxBytes, true, parseRequestLine);
    if (parse.state == State::Complete && parse.head.start[2] == "HTTP/1.1" && parse.head.field("host").isNull())
        return malformed(QStringLiteral("HTTP/1.1 request without Host"));
    return parse;
}

HttpHeadParse parseResponseHead(QByteArrayView buffer, qsizetype maxBytes)
{
    return parseHead(buffer, maxBytes, false, parseStatusLine);
}

qint64 httpContentLength(const HttpHead &head)
{
    qint64 length = -1;
    for (const auto &[name, value] : head.fields) {
        if (name != "content-length")
            continue;
        // At most 18 digits: no overflow, and far beyond any body here.
        if (!isDigits(value) || value.size() > 18)
            return -2;
        const qint64 number = value.toLongLong();
        if (length >= 0 && number != length)
            return -2;
        length = number;
    }
    return length;
}

} // namespace LatencyLab::Core
