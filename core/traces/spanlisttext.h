#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <vector>

namespace LatencyLab::Core {

// A trace file's text split so that its spans need not all be parsed at
// once: a parsed document of a few hundred thousand spans takes six to seven
// times the file in memory, one span a few hundred bytes. The outline is the
// text with every object of a span list (the top-level list, and any array
// under a key "spans") replaced by 0, so it parses into the same structure
// (the same keys, the same list lengths) in little memory; each span is
// parsed from its own text when a reader comes to it, then dropped.
//
// Only a document the outline reproduces exactly is split: anything unusual
// (text that is not JSON, a key with escapes, a span list reached twice by
// one path, nesting near the parser's limit) makes split() give up, and the
// caller parses the whole text instead, so every message is the same.
class SpanListText
{
public:
    // `text` must outlive the result (spans are parsed from it).
    static std::optional<SpanListText> split(const QByteArray &text);

    const QByteArray &outline() const { return m_outline; }

    // Item `index` of the span list at `listPath` (JsonPath::toString's
    // words): parsed from its own text if it was cut out, else `outlineItem`
    // as the outline holds it. A span whose own text does not parse is
    // undefined (and everySpanParses() false).
    QJsonValue item(const QString &listPath, qsizetype index, const QJsonValue &outlineItem) const;
    // Whether every cut-out span parses, as the whole text would have
    // required: those no reader came to (in a list it does not read) are
    // parsed now. When not, the whole text must be parsed for its message.
    bool everySpanParses() const;

private:
    // Where a cut-out span lies in the text; length 0 for an item kept in the outline.
    struct Slice
    {
        qint32 offset = 0;
        qint32 length = 0;
    };
    class Scanner; // spanlisttext.cpp

    explicit SpanListText(const QByteArray &text) : m_text(&text) {}
    std::optional<QJsonObject> parsed(Slice slice) const; // sets m_failed when it does not parse

    const QByteArray *m_text;
    QByteArray m_outline;
    QHash<QString, std::vector<Slice>> m_lists;
    qsizetype m_cutOut = 0;          // spans cut out of the text
    mutable qsizetype m_parsed = 0;  // of them, parsed by item()
    mutable bool m_failed = false;   // one did not parse
};

} // namespace LatencyLab::Core
