#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

#include <optional>
#include <span>

namespace LatencyLab::Core {

// Where a value sits in a JSON document, spelled `requests[2].steps[0].io`.
// An array item may carry a label, what the window calls it, named beside its
// 0-based index: `requests[1] ("Request 2").steps[0].io`.
// Copied by value and cheap: the text is built only when an error needs it.
// Keys are views, so pass string literals (u"steps") or strings that outlive the path.
class JsonPath
{
public:
    JsonPath member(QStringView key) const;
    JsonPath item(qsizetype index, const QString &label = {}) const;

    bool isRoot() const { return m_segments.isEmpty(); }
    // Whether this is the root object's member `key` (`requests`, not `generate.requests`).
    bool isRootMember(QStringView key) const;
    QString toString() const;

private:
    struct Segment
    {
        QStringView key;
        qsizetype index = -1; // an array item when there is no key
        QString label;        // an item's name in the window, if it has one
    };
    QVarLengthArray<Segment, 8> m_segments;
};

// Names item `index` of the array at `list` as the window does, for
// messages; empty when the window gives it no name.
using JsonItemLabeller = QString (*)(const JsonPath &list, qsizetype index, const QJsonValue &item);

// A value and the path that leads to it. A field missing from its object has
// an undefined value, so optional fields are tested with isPresent().
struct JsonField
{
    QJsonValue value;
    JsonPath path;

    bool isPresent() const { return !value.isUndefined(); }
    // Of an object value (absent if the key is missing or this is no object).
    JsonField member(QStringView key) const;
    // Of an array value, labelled by `labeller` when one is given.
    JsonField item(qsizetype index, JsonItemLabeller labeller = nullptr) const;
};

// Reads typed values out of a parsed document and words what was wrong with
// them. Like QXmlStreamReader, it keeps the first error and carries on
// quietly, so reading code stays linear; check hasError() before any work
// that depends on what was read, such as allocating.
class JsonReader
{
public:
    bool hasError() const { return !m_error.isEmpty(); }
    const QString &errorString() const { return m_error; }

    // `<path>: <message>`; later errors are usually consequences of the first, so they are dropped.
    void raiseError(const JsonPath &path, const QString &message);
    // `<path>: expected <what>, got <value>`, or `<path>: missing, expected <what>`.
    void raiseExpected(const JsonField &field, QStringView what);

    // An object whose keys are all among `allowedKeys`.
    bool checkObject(const JsonField &field, std::span<const QStringView> allowedKeys);
    // An object with exactly one key, one of `allowedKeys`; returns that key.
    std::optional<QString> checkSingleMember(const JsonField &field, std::span<const QStringView> allowedKeys);
    // An array of `minSize` to `maxSize` items (`noun` names them: "steps").
    // Check the size this way before allocating anything for the items.
    bool checkArray(const JsonField &field, qsizetype minSize, qsizetype maxSize, QStringView noun);

    QString string(const JsonField &field, QStringView what = u"a string");
    QString nonEmptyString(const JsonField &field);
    bool boolean(const JsonField &field);
    // A whole number in [min, max]: 2.5 workers is an error, not 2.
    qint64 integer(const JsonField &field, qint64 min, qint64 max);
    // A finite number; `what` words the expectation, e.g. "a non-negative number of seconds".
    double number(const JsonField &field, QStringView what);

    // A value shown compactly in a message: strings quoted, numbers as
    // written, `an object`, `an array`, `null`.
    static QString describe(const QJsonValue &value);
    static QString joined(std::span<const QStringView> words);

private:
    QString m_error;
};

} // namespace LatencyLab::Core
