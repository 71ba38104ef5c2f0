#include "model/jsonreader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Core {

namespace {
// Long strings are cut in messages, which must stay on one readable line.
constexpr qsizetype kMaxQuotedLength = 40;
// Whole numbers below this are shown without an exponent (11000000, not 1.1e+07).
constexpr double kPlainIntegerLimit = 1e15;

// Messages are one line, even when a key or value quoted in them holds a line break.
QString oneLine(const QString &text)
{
    QString line;
    line.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\n')
            line += QStringLiteral("\\n");
        else if (c == u'\r')
            line += QStringLiteral("\\r");
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line
                 || c.category() == QChar::Separator_Paragraph)
            line += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            line += c;
    }
    return line;
}

// A string shown in a message: quoted, and cut if long.
QString quoted(const QString &text)
{
    if (text.size() <= kMaxQuotedLength)
        return QLatin1Char('"') + text + QLatin1Char('"');
    return QLatin1Char('"') + QStringView(text).left(kMaxQuotedLength) + QStringLiteral("…\"");
}

} // namespace

JsonPath JsonPath::member(QStringView key) const
{
    JsonPath path = *this;
    path.m_segments.append({key, -1, {}});
    return path;
}

JsonPath JsonPath::item(qsizetype index, const QString &label) const
{
    JsonPath path = *this;
    path.m_segments.append({{}, index, label});
    return path;
}

bool JsonPath::isRootMember(QStringView key) const
{
    return m_segments.size() == 1 && m_segments.front().index < 0 && m_segments.front().key == key;
}

QString JsonPath::toString() const
{
    QString text;
    for (const Segment &segment : m_segments) {
        if (segment.index >= 0) {
            text += QLatin1Char('[') + QString::number(segment.index) + QLatin1Char(']');
            if (!segment.label.isEmpty())
                text += QStringLiteral(" (") + quoted(segment.label) + QLatin1Char(')');
        } else {
            if (!text.isEmpty())
                text += QLatin1Char('.');
            text += segment.key;
        }
    }
    return text;
}

JsonField JsonField::member(QStringView key) const
{
    return {value.toObject().value(key), path.member(key)};
}

JsonField JsonField::item(qsizetype index, JsonItemLabeller labeller) const
{
    const QJsonValue itemValue = value.toArray().at(index);
    return {itemValue, path.item(index, labeller ? labeller(path, index, itemValue) : QString())};
}

void JsonReader::raiseError(const JsonPath &path, const QString &message)
{
    if (hasError())
        return;
    m_error = oneLine(path.isRoot() ? message : path.toString() + QStringLiteral(": ") + message);
}

void JsonReader::raiseExpected(const JsonField &field, QStringView what)
{
    if (field.isPresent())
        raiseError(field.path, QStringLiteral("expected ") + what + QStringLiteral(", got ") + describe(field.value));
    else
        raiseError(field.path, QStringLiteral("missing, expected ") + what);
}

bool JsonReader::checkObject(const JsonField &field, std::span<const QStringView> allowedKeys)
{
    if (!field.value.isObject()) {
        raiseExpected(field, u"an object");
        return false;
    }
    const QJsonObject object = field.value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (std::find(allowedKeys.begin(), allowedKeys.end(), key) == allowedKeys.end()) {
            raiseError(field.path.member(key),
                       QStringLiteral("unknown field (expected one of: ") + joined(allowedKeys) + QLatin1Char(')'));
            return false;
        }
    }
    return true;
}

std::optional<QString> JsonReader::checkSingleMember(const JsonField &field, std::span<const QStringView> allowedKeys)
{
    if (!field.value.isObject()) {
        raiseExpected(field, QString(QStringLiteral("an object with one of: ") + joined(allowedKeys)));
        return std::nullopt;
    }
    if (!checkObject(field, allowedKeys))
        return std::nullopt;
    const QJsonObject object = field.value.toObject();
    if (object.size() != 1) {
        const QString got = object.isEmpty() ? QStringLiteral("an empty object")
                                             : object.keys().join(QStringLiteral(" and "));
        raiseError(field.path, QStringLiteral("expected exactly one of: ") + joined(allowedKeys) + QStringLiteral(", got ") + got);
        return std::nullopt;
    }
    return object.begin().key();
}

bool JsonReader::checkArray(const JsonField &field, qsizetype minSize, qsizetype maxSize, QStringView noun)
{
    const auto expected = [&]() -> QString {
        const QString count = minSize == maxSize ? QString::number(minSize)
            : minSize == 0                       ? QStringLiteral("at most %1").arg(maxSize)
                                                 : QStringLiteral("%1 to %2").arg(minSize).arg(maxSize);
        return QStringLiteral("an array of ") + count + QLatin1Char(' ') + noun;
    };
    if (!field.value.isArray()) {
        raiseExpected(field, expected());
        return false;
    }
    const qsizetype size = field.value.toArray().size();
    if (size < minSize || size > maxSize) {
        const QString got = size == 0 ? QStringLiteral("an empty array") : QStringLiteral("an array of %1").arg(size);
        raiseError(field.path, QStringLiteral("expected ") + expected() + QStringLiteral(", got ") + got);
        return false;
    }
    return true;
}

QString JsonReader::string(const JsonField &field, QStringView what)
{
    if (!field.value.isString()) {
        raiseExpected(field, what);
        return {};
    }
    return field.value.toString();
}

QString JsonReader::nonEmptyString(const JsonField &field)
{
    const QString text = string(field, u"a non-empty string");
    if (field.value.isString() && text.isEmpty())
        raiseExpected(field, u"a non-empty string");
    return text;
}

bool JsonReader::boolean(const JsonField &field)
{
    if (!field.value.isBool()) {
        raiseExpected(field, u"true or false");
        return false;
    }
    return field.value.toBool();
}

qint64 JsonReader::integer(const JsonField &field, qint64 min, qint64 max)
{
    // toInteger() is exact even beyond 2^53 and gives 0 for 2.5, NaN or 1e300.
    const qint64 value = field.value.toInteger();
    const bool whole = field.value.isDouble() && (value != 0 || field.value.toDouble() == 0.0);
    if (!whole || value < min || value > max) {
        raiseExpected(field, QStringLiteral("a whole number from %1 to %2").arg(min).arg(max));
        return min;
    }
    return value;
}

double JsonReader::number(const JsonField &field, QStringView what)
{
    if (!field.value.isDouble() || !std::isfinite(field.value.toDouble())) {
        raiseExpected(field, what);
        return 0.0;
    }
    return field.value.toDouble();
}

QString JsonReader::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::isfinite(number) && std::trunc(number) == number && std::abs(number) < kPlainIntegerLimit)
            return QString::number(qint64(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String:
        return quoted(value.toString());
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString JsonReader::joined(std::span<const QStringView> words)
{
    QString text;
    for (QStringView word : words) {
        if (!text.isEmpty())
            text += QStringLiteral(", ");
        text += word;
    }
    return text;
}

} // namespace LatencyLab::Core
