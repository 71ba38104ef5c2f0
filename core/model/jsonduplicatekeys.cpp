#include "model/jsonduplicatekeys.h"

#include "model/jsonreader.h"

#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>
#include <vector>

namespace LatencyLab::Core {

namespace {

// No object in a scenario has more than a handful of fields. Past this many
// keys an object has unknown fields anyway (reported later), so stop
// comparing rather than spend quadratic time on a hostile file.
constexpr qsizetype kMaxKeysCompared = 64;

// One open object or array.
struct Container
{
    bool isObject = false;
    bool expectsKey = false;  // objects: the next string is a key
    qsizetype index = 0;      // arrays: the item being read
    QByteArrayView key;       // objects: the key being read, as written (escapes undecoded)
    QVarLengthArray<QByteArrayView, 8> keys;
};

// The end of the string whose opening quote is at `open`: the closing quote.
qsizetype closingQuote(QByteArrayView json, qsizetype open)
{
    qsizetype i = open + 1;
    while (i < json.size() && json[i] != '"')
        i += json[i] == '\\' ? 2 : 1;
    return std::min(i, json.size());
}

QString pathTo(const std::vector<Container> &open, QByteArrayView duplicate, const QJsonValue &document,
               JsonItemLabeller labeller)
{
    QStringList keys; // owns the decoded text the path's views point into
    keys.reserve(qsizetype(open.size()));
    JsonField field{document, {}}; // followed down the document for the labels
    for (size_t depth = 0; depth < open.size(); ++depth) {
        const Container &container = open[depth];
        if (!container.isObject) {
            field = field.item(container.index, labeller);
            continue;
        }
        keys.append(QString::fromUtf8(depth + 1 == open.size() ? duplicate : container.key));
        field = field.member(keys.constLast());
    }
    return field.path.toString();
}

} // namespace

std::optional<QString> findDuplicateKey(QByteArrayView json, const QJsonValue &document, JsonItemLabeller labeller)
{
    std::vector<Container> open;
    for (qsizetype i = 0; i < json.size(); ++i) {
        switch (json[i]) {
        case '{':
            open.push_back({true, true, 0, {}, {}});
            break;
        case '[':
            open.push_back({false, false, 0, {}, {}});
            break;
        case '}':
        case ']':
            if (!open.empty())
                open.pop_back();
            break;
        case ',':
            if (!open.empty()) {
                Container &container = open.back();
                if (container.isObject)
                    container.expectsKey = true;
                else
                    ++container.index;
            }
            break;
        case '"': {
            const qsizetype close = closingQuote(json, i);
            if (!open.empty() && open.back().expectsKey) {
                Container &object = open.back();
                const QByteArrayView key = json.sliced(i + 1, close - i - 1);
                if (std::find(object.keys.cbegin(), object.keys.cend(), key) != object.keys.cend())
                    return pathTo(open, key, document, labeller);
                if (object.keys.size() < kMaxKeysCompared)
                    object.keys.append(key);
                object.key = key;
                object.expectsKey = false;
            }
            i = close;
            break;
        }
        default:
            break;
        }
    }
    return std::nullopt;
}

} // namespace LatencyLab::Core
