#include "traces/spanlisttext.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace LatencyLab::Core {

// Copies the text into the outline value by value, cutting out the objects of
// span lists. It checks only what it must to copy faithfully; whether the
// outline and each span are JSON is left to the parser.
class SpanListText::Scanner
{
public:
    explicit Scanner(SpanListText &result) : m_result(result), m_text(result.m_text->constData()), m_size(result.m_text->size()) {}

    bool run()
    {
        m_result.m_outline.reserve(m_size / 16);
        // A top-level list is a list of spans (Zipkin).
        if (!copyValue(QString(), 0, true))
            return false;
        skipSpace();
        return m_position == m_size;
    }

private:
    // Well under the parser's own limit (1024), so that a span's nesting
    // counted from the top of the file never reaches it unnoticed.
    static constexpr int kMaxDepth = 512;

    void skipSpace()
    {
        while (m_position < m_size && (m_text[m_position] == ' ' || m_text[m_position] == '\t' || m_text[m_position] == '\n' || m_text[m_position] == '\r'))
            ++m_position;
    }
    bool at(char c) const { return m_position < m_size && m_text[m_position] == c; }
    void copy(qsizetype from, qsizetype to) { m_result.m_outline.append(m_text + from, to - from); }

    // One past the closing quote of the string opening at `from`, or -1.
    qsizetype stringEnd(qsizetype from, bool &escaped) const
    {
        escaped = false;
        for (qsizetype k = from + 1; k < m_size; ++k) {
            if (m_text[k] == '\\') {
                escaped = true;
                ++k;
            } else if (m_text[k] == '"') {
                return k + 1;
            }
        }
        return -1;
    }

    // One past the bracket closing the object opening at `from`, or -1.
    qsizetype objectEnd(qsizetype from, int depth) const
    {
        int nesting = 0;
        for (qsizetype k = from; k < m_size; ++k) {
            const char c = m_text[k];
            if (c == '"') {
                bool escaped = false;
                k = stringEnd(k, escaped) - 1;
                if (k < 0)
                    return -1;
            } else if (c == '{' || c == '[') {
                if (depth + ++nesting > kMaxDepth)
                    return -1;
            } else if ((c == '}' || c == ']') && --nesting == 0) {
                return k + 1;
            }
        }
        return -1;
    }

    bool copyValue(const QString &path, int depth, bool spanList)
    {
        skipSpace();
        if (m_position >= m_size || depth > kMaxDepth)
            return false;
        const char c = m_text[m_position];
        if (c == '{')
            return copyObject(path, depth);
        if (c == '[')
            return copyArray(path, depth, spanList);
        const qsizetype start = m_position;
        if (c == '"') {
            bool escaped = false;
            m_position = stringEnd(start, escaped);
            if (m_position < 0)
                return false;
        } else {
            while (m_position < m_size && !QByteArrayView(",]} \t\n\r").contains(m_text[m_position]))
                ++m_position;
        }
        copy(start, m_position);
        return m_position > start;
    }

    bool copyObject(const QString &path, int depth)
    {
        m_result.m_outline += '{';
        ++m_position;
        skipSpace();
        for (bool first = true; !at('}'); first = false) {
            if (!first) {
                if (!at(','))
                    return false;
                m_result.m_outline += ',';
                ++m_position;
                skipSpace();
            }
            bool escaped = false;
            const qsizetype keyEnd = at('"') ? stringEnd(m_position, escaped) : -1;
            if (keyEnd < 0 || escaped)
                return false;
            const QString key = QString::fromUtf8(m_text + m_position + 1, keyEnd - m_position - 2);
            copy(m_position, keyEnd);
            m_position = keyEnd;
            skipSpace();
            if (!at(':'))
                return false;
            m_result.m_outline += ':';
            ++m_position;
            if (!copyValue(path.isEmpty() ? key : path + QLatin1Char('.') + key, depth + 1, key == u"spans"))
                return false;
            skipSpace();
        }
        m_result.m_outline += '}';
        ++m_position;
        return true;
    }

    bool copyArray(const QString &path, int depth, bool spanList)
    {
        std::vector<Slice> slices;
        if (spanList && m_result.m_lists.contains(path))
            return false; // two lists at one path: which one a parser keeps is its own affair
        m_result.m_outline += '[';
        ++m_position;
        skipSpace();
        for (qsizetype index = 0; !at(']'); ++index) {
            if (index > 0) {
                if (!at(','))
                    return false;
                m_result.m_outline += ',';
                ++m_position;
                skipSpace();
            }
            if (spanList && at('{')) {
                const qsizetype end = objectEnd(m_position, depth + 1);
                if (end < 0)
                    return false;
                slices.push_back({qint32(m_position), qint32(end - m_position)});
                ++m_result.m_cutOut;
                m_result.m_outline += '0';
                m_position = end;
            } else {
                if (!copyValue(path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']'), depth + 1, false))
                    return false;
                if (spanList)
                    slices.push_back({});
            }
            skipSpace();
        }
        m_result.m_outline += ']';
        ++m_position;
        if (spanList)
            m_result.m_lists.insert(path, std::move(slices));
        return true;
    }

    SpanListText &m_result;
    const char *m_text;
    qsizetype m_size;
    qsizetype m_position = 0;
};

std::optional<SpanListText> SpanListText::split(const QByteArray &text)
{
    // Offsets are kept in 32 bits; trace files are far smaller (TraceImport::kMaxFileBytes).
    if (text.size() > std::numeric_limits<qint32>::max())
        return std::nullopt;
    SpanListText result(text);
    if (!Scanner(result).run() || result.m_lists.isEmpty())
        return std::nullopt;
    return result;
}

std::optional<QJsonObject> SpanListText::parsed(Slice slice) const
{
    QJsonParseError error;
    const QJsonDocument span = QJsonDocument::fromJson(QByteArray::fromRawData(m_text->constData() + slice.offset, slice.length), &error);
    if (error.error != QJsonParseError::NoError || !span.isObject()) {
        m_failed = true;
        return std::nullopt;
    }
    return span.object();
}

QJsonValue SpanListText::item(const QString &listPath, qsizetype index, const QJsonValue &outlineItem) const
{
    const auto list = m_lists.constFind(listPath);
    if (list == m_lists.cend() || index < 0 || size_t(index) >= list->size() || (*list)[size_t(index)].length == 0)
        return outlineItem;
    ++m_parsed;
    const std::optional<QJsonObject> span = parsed((*list)[size_t(index)]);
    return span ? QJsonValue(*span) : QJsonValue(QJsonValue::Undefined);
}

bool SpanListText::everySpanParses() const
{
    if (m_failed || m_parsed >= m_cutOut)
        return !m_failed;
    for (const std::vector<Slice> &list : m_lists) {
        for (const Slice slice : list) {
            if (slice.length > 0 && !parsed(slice))
                return false;
        }
    }
    return true;
}

} // namespace LatencyLab::Core
