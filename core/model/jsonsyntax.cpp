#include "model/jsonsyntax.h"

#include <algorithm>
#include <optional>
#include <variant>
#include <vector>

namespace LatencyLab::Core {

namespace {

// Past this many characters a word quoted in a message is cut.
constexpr qsizetype kMaxQuotedWord = 20;
// QJsonDocument refuses objects and arrays nested deeper than this.
constexpr int kQtNestingLimit = 1024;

struct Fault
{
    qsizetype offset;
    QString what;
};

// What the scan waits for next.
enum class Expect : quint8 {
    Value,       // the top-level value, or a field's value after ':'
    FirstItem,   // after '[': a value or ']'
    NextItem,    // after ',' in an array: a value
    FirstKey,    // after '{': a field name or '}'
    NextKey,     // after ',' in an object: a field name
    Colon,       // after a field name
    AfterMember, // after a field's value: ',' or '}'
    AfterItem,   // after an item: ',' or ']'
    End,         // after the top-level value: nothing
};

struct Open
{
    char bracket;    // '{' or '['
    qsizetype at;    // where it opened
    QByteArrayView key; // objects: the field read last, as written
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isWordCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A field name as written, quoted; cut if long, and kept on one line (QJsonDocument lets a raw line break into a name).
QString quotedKey(QByteArrayView key)
{
    const QString name = QString::fromUtf8(key);
    QString text;
    for (const QChar c : QStringView(name).left(kMaxQuotedWord)) {
        if (c.unicode() < 0x20)
            text += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            text += c;
    }
    if (name.size() > kMaxQuotedWord)
        text += QStringLiteral("…");
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// What stands at `at`, for "got …": a word (NaN, tru) whole, another character alone.
QString describeAt(QByteArrayView json, qsizetype at)
{
    if (at >= json.size())
        return QStringLiteral("the end of the file");
    const char c = json[at];
    if (isWordCharacter(c)) {
        qsizetype end = at;
        while (end < json.size() && end - at < kMaxQuotedWord && isWordCharacter(json[end]))
            ++end;
        return QString::fromLatin1(json.sliced(at, end - at));
    }
    if (c == '"')
        return QStringLiteral("a string");
    if (uchar(c) >= 0x20 && uchar(c) < 0x7f)
        return QStringLiteral("'") + QLatin1Char(c) + QLatin1Char('\'');
    const QString character = QString::fromUtf8(json.sliced(at, std::min<qsizetype>(4, json.size() - at)));
    const char32_t code = character.isEmpty() ? 0 : character.toUcs4().value(0);
    if (code < 0x20 || code == 0xfffd)
        return QStringLiteral("the byte 0x%1").arg(uchar(c), 2, 16, QLatin1Char('0'));
    return QStringLiteral("'") + QString::fromUcs4(&code, 1) + QLatin1Char('\'');
}

QString valueWanted(QByteArrayView json, qsizetype at, QStringView where)
{
    const QString got = describeAt(json, at);
    QString text = QStringLiteral("expected a value ") + where + QStringLiteral(", got ") + got;
    if (got == u"NaN" || got == u"Infinity" || got == u"inf")
        return text + QStringLiteral(" (JSON numbers are finite: it has no NaN or Infinity)");
    if (isWordCharacter(json[at]) && !isDigit(json[at]))
        return text + QStringLiteral(" (a number, a string in double quotes, true, false, null, an object or an array)");
    return text;
}

// What the scan still waits for when the text ends.
QString stillExpected(Expect expect, char bracket)
{
    switch (expect) {
    case Expect::Value:
    case Expect::NextItem:
        return QStringLiteral("a value");
    case Expect::FirstItem:
        return QStringLiteral("a value or ']'");
    case Expect::FirstKey:
        return QStringLiteral("a field name or '}'");
    case Expect::NextKey:
        return QStringLiteral("a field name");
    case Expect::Colon:
        return QStringLiteral("':'");
    case Expect::AfterMember:
    case Expect::AfterItem:
    case Expect::End:
        break;
    }
    return bracket == '{' ? QStringLiteral("',' or '}'") : QStringLiteral("',' or ']'");
}

// A string from its opening quote: where it ends (after the closing quote), or a fault.
// As lenient as QJsonDocument: any character may follow a backslash but u, which wants four hex digits.
std::variant<qsizetype, Fault> scanString(QByteArrayView json, qsizetype open)
{
    qsizetype i = open + 1;
    while (i < json.size()) {
        const char c = json[i];
        if (c == '"')
            return i + 1;
        if (c == '\\') {
            if (i + 1 < json.size() && json[i + 1] == 'u') {
                const bool hex = i + 6 <= json.size() && std::all_of(json.begin() + i + 2, json.begin() + i + 6, isHexDigit);
                if (!hex)
                    return Fault{i, QStringLiteral("expected four hexadecimal digits after \\u in a string")};
                i += 6;
                continue;
            }
            i += 2;
            continue;
        }
        ++i;
    }
    return Fault{json.size(), QStringLiteral("the file ends inside the string opened at %1 (expected a closing \")")
                                  .arg(jsonTextPosition(json, open))};
}

// A number as QJsonDocument reads one (it stops where its characters stop and
// then converts what it took): where it ends, or a fault.
std::variant<qsizetype, Fault> scanNumber(QByteArrayView json, qsizetype start)
{
    qsizetype i = start;
    const auto digits = [&] {
        const qsizetype first = i;
        while (i < json.size() && isDigit(json[i]))
            ++i;
        return i - first;
    };
    bool wellFormed = true;
    if (i < json.size() && json[i] == '-')
        ++i;
    if (i < json.size() && json[i] == '0')
        ++i;
    else
        wellFormed = digits() > 0;
    if (i < json.size() && json[i] == '.') {
        ++i;
        wellFormed = digits() > 0 && wellFormed;
    }
    if (i < json.size() && (json[i] == 'e' || json[i] == 'E')) {
        ++i;
        if (i < json.size() && (json[i] == '-' || json[i] == '+'))
            ++i;
        wellFormed = digits() > 0 && wellFormed;
    }
    const QByteArrayView text = json.sliced(start, i - start);
    bool ok = false;
    [[maybe_unused]] const double value = text.toDouble(&ok);
    if (ok)
        return i;
    const QString number = QString::fromLatin1(text.first(std::min(text.size(), kMaxQuotedWord)));
    if (wellFormed)
        return Fault{start, QStringLiteral("the number %1 is beyond what a double can hold (about 1.8e308)").arg(number)};
    return Fault{start, QStringLiteral("%1 is not a number as JSON writes them (like 12, -0.5 or 1e-3)").arg(number)};
}

// A value starting at `at` (not a space): where it ends and what comes next, or a fault.
std::variant<qsizetype, Fault> scanScalar(QByteArrayView json, qsizetype at, QStringView where)
{
    const char c = json[at];
    if (c == '"')
        return scanString(json, at);
    if (c == '-' || isDigit(c))
        return scanNumber(json, at);
    for (const QByteArrayView literal : {QByteArrayView("true"), QByteArrayView("false"), QByteArrayView("null")}) {
        if (json.sliced(at).startsWith(literal) && (at + literal.size() == json.size() || !isWordCharacter(json[at + literal.size()])))
            return at + literal.size();
    }
    return Fault{at, valueWanted(json, at, where)};
}

// The first syntax fault, by a scan that judges no more than QJsonDocument
// does; none when the text is well formed as far as the scan can tell.
std::optional<Fault> findSyntaxFault(QByteArrayView json)
{
    std::vector<Open> open;
    Expect expect = Expect::Value;
    qsizetype lastComma = -1;
    bool afterString = false; // the value just read was a string
    const auto afterValue = [&] {
        if (open.empty())
            expect = Expect::End;
        else
            expect = open.back().bracket == '{' ? Expect::AfterMember : Expect::AfterItem;
    };
    qsizetype i = 0;
    while (true) {
        while (i < json.size() && isSpace(json[i]))
            ++i;
        if (i == json.size()) {
            if (expect == Expect::End)
                return std::nullopt;
            if (open.empty())
                return Fault{i, QStringLiteral("the file ends where a value was expected")};
            const Open &inner = open.back();
            return Fault{i, QStringLiteral("the file ends inside the %1 opened at %2 (expected %3)")
                                .arg(inner.bracket == '{' ? QStringLiteral("object") : QStringLiteral("array"),
                                     jsonTextPosition(json, inner.at), stillExpected(expect, inner.bracket))};
        }
        const char c = json[i];
        const auto got = [&] { return describeAt(json, i); };
        switch (expect) {
        case Expect::End:
            return Fault{i, QStringLiteral("expected nothing after the end of the top-level %1, got %2")
                                .arg(json.trimmed().startsWith('[') ? QStringLiteral("array") : QStringLiteral("object"), got())};
        case Expect::Colon:
            if (c != ':')
                return Fault{i, QStringLiteral("expected ':' after the field name %1, got %2").arg(quotedKey(open.back().key), got())};
            expect = Expect::Value;
            ++i;
            continue;
        case Expect::AfterMember:
        case Expect::AfterItem: {
            const bool object = expect == Expect::AfterMember;
            if (c == ',') {
                lastComma = i;
                expect = object ? Expect::NextKey : Expect::NextItem;
                ++i;
                continue;
            }
            if (c == (object ? '}' : ']')) {
                afterString = false;
                open.pop_back();
                afterValue();
                ++i;
                continue;
            }
            const QString after = object ? QStringLiteral("the value of ") + quotedKey(open.back().key) : QStringLiteral("an item");
            // A word straight after a string is most often the rest of a string whose closing quote went missing.
            const QString hint = afterString && isWordCharacter(c) ? QStringLiteral(" (is a closing \" missing before it?)") : QString();
            return Fault{i, QStringLiteral("expected ',' or '%1' after %2, got %3").arg(QString(QChar(object ? u'}' : u']')), after, got())
                                + hint};
        }
        case Expect::FirstKey:
        case Expect::NextKey: {
            const bool first = expect == Expect::FirstKey;
            if (c == '"') {
                std::variant<qsizetype, Fault> end = scanString(json, i);
                if (Fault *fault = std::get_if<Fault>(&end))
                    return *fault;
                open.back().key = json.sliced(i + 1, std::get<qsizetype>(end) - i - 2);
                i = std::get<qsizetype>(end);
                expect = Expect::Colon;
                continue;
            }
            if (first && c == '}') {
                afterString = false;
                open.pop_back();
                afterValue();
                ++i;
                continue;
            }
            if (!first && c == '}')
                return Fault{lastComma, QStringLiteral("a ',' with no field after it, before '}' (JSON allows no trailing comma)")};
            const QString gotHere = !first && c == ',' ? QStringLiteral("another ','") : got();
            return Fault{i, first ? QStringLiteral("expected a field name in double quotes or '}' after '{', got %1").arg(gotHere)
                                  : QStringLiteral("expected a field name in double quotes after ',', got %1").arg(gotHere)};
        }
        case Expect::Value:
        case Expect::FirstItem:
        case Expect::NextItem: {
            if (expect == Expect::FirstItem && c == ']') {
                afterString = false;
                open.pop_back();
                afterValue();
                ++i;
                continue;
            }
            if (expect == Expect::NextItem && c == ']')
                return Fault{lastComma, QStringLiteral("a ',' with no item after it, before ']' (JSON allows no trailing comma)")};
            if (c == '{' || c == '[') {
                if (int(open.size()) >= kQtNestingLimit)
                    return std::nullopt; // the parser's own DeepNesting says it
                open.push_back({c, i, {}});
                expect = c == '{' ? Expect::FirstKey : Expect::FirstItem;
                ++i;
                continue;
            }
            if (open.empty()) // QJsonDocument reads only an object or an array at the top
                return Fault{i, QStringLiteral("expected a JSON object or array, which starts with { or [, got %1").arg(got())};
            const QString where = expect == Expect::NextItem ? QStringLiteral("after ','")
                : expect == Expect::FirstItem                ? QStringLiteral("after '['")
                                                             : QStringLiteral("after ':'");
            if (c == ',' && expect == Expect::NextItem)
                return Fault{i, QStringLiteral("expected a value after ',', got another ','")};
            std::variant<qsizetype, Fault> end = scanScalar(json, i, where);
            if (Fault *fault = std::get_if<Fault>(&end))
                return *fault;
            afterString = c == '"';
            i = std::get<qsizetype>(end);
            afterValue();
            continue;
        }
        }
    }
}

// For faults the scan leaves to the parser.
QString parserFault(const QJsonParseError &error)
{
    switch (error.error) {
    case QJsonParseError::DeepNesting:
        return QStringLiteral("too deeply nested: more than %1 objects and arrays inside one another").arg(kQtNestingLimit);
    case QJsonParseError::DocumentTooLarge:
        return QStringLiteral("the document is too large for the JSON parser");
    case QJsonParseError::IllegalUTF8String:
        return QStringLiteral("text that is not valid UTF-8");
    case QJsonParseError::IllegalNumber:
        return QStringLiteral("a number JSON cannot hold (beyond a double, or not written as JSON writes numbers)");
    case QJsonParseError::IllegalEscapeSequence:
        return QStringLiteral("expected four hexadecimal digits after \\u in a string");
    case QJsonParseError::UnterminatedString:
        return QStringLiteral("the file ends inside a string (expected a closing \")");
    case QJsonParseError::UnterminatedObject:
        return QStringLiteral("expected ',' or '}' in an object");
    case QJsonParseError::UnterminatedArray:
        return QStringLiteral("expected ',' or ']' in an array");
    case QJsonParseError::MissingNameSeparator:
        return QStringLiteral("expected ':' after a field name");
    case QJsonParseError::MissingValueSeparator:
        return QStringLiteral("expected ',' between two items of an array");
    case QJsonParseError::MissingObject:
        return QStringLiteral("expected a field or a value after ','");
    case QJsonParseError::IllegalValue:
        return QStringLiteral("expected a value (a number, a string in double quotes, true, false, null, an object or an array)");
    case QJsonParseError::TerminationByNumber:
        return QStringLiteral("the file ends in a number");
    case QJsonParseError::GarbageAtEnd:
        return QStringLiteral("expected nothing after the end of the top-level value");
    case QJsonParseError::NoError:
        break;
    }
    return error.errorString();
}

} // namespace

QString jsonTextPosition(QByteArrayView json, qsizetype offset)
{
    const QByteArrayView before = json.first(std::clamp<qsizetype>(offset, 0, json.size()));
    const qsizetype line = std::count(before.begin(), before.end(), '\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const auto isCharacterStart = [](char byte) { return (uchar(byte) & 0xC0) != 0x80; }; // not a UTF-8 continuation byte
    const qsizetype column = std::count_if(before.begin() + lineStart, before.end(), isCharacterStart) + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

QString describeJsonSyntaxError(QByteArrayView json, const QJsonParseError &error)
{
    const bool parserJudges = error.error == QJsonParseError::DeepNesting || error.error == QJsonParseError::DocumentTooLarge
        || error.error == QJsonParseError::IllegalUTF8String;
    if (!parserJudges) {
        if (const std::optional<Fault> fault = findSyntaxFault(json))
            return jsonTextPosition(json, fault->offset) + QStringLiteral(": ") + fault->what;
    }
    return jsonTextPosition(json, error.offset) + QStringLiteral(": ") + parserFault(error);
}

} // namespace LatencyLab::Core
