#include "model/scenariojson.h"

#include "model/jsonduplicatekeys.h"
#include "model/jsonreader.h"
#include "model/jsonsyntax.h"
#include "model/scenarioreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>

// The reading half of ScenarioJson: bytes and files to a checked scenario
// (ScenarioReader reads the fields; scenariowriter.cpp writes them).
namespace LatencyLab::Core::ScenarioJson {

namespace {

// Files are read in pieces so a pipe or special file (no size up front) is still cut off at the limit.
constexpr qint64 kReadChunkBytes = 1024 * 1024;

// `line L, column C: <what>`. Another kind of file fails on its first
// character, or is not UTF-8: say what a scenario is there.
QString describeParseError(QByteArrayView json, const QJsonParseError &error)
{
    const auto isSpace = [](char byte) { return byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r'; };
    const qsizetype first = std::find_if_not(json.begin(), json.end(), isSpace) - json.begin();
    const bool utf16 = json.startsWith("\xff\xfe") || json.startsWith("\xfe\xff");
    const bool opens = first < json.size() && (json[first] == '{' || json[first] == '[');
    if (utf16)
        return jsonTextPosition(json, first) + QStringLiteral(": text in UTF-16 (scenario files must be saved as UTF-8)");
    if (!opens)
        return jsonTextPosition(json, first) + QStringLiteral(": expected a JSON object, which starts with {");
    if (error.error == QJsonParseError::IllegalUTF8String)
        return jsonTextPosition(json, error.offset)
            + QStringLiteral(": text that is not valid UTF-8 (scenario files must be saved as UTF-8)");
    return describeJsonSyntaxError(json, error);
}

} // namespace

Result<Scenario> parse(const QByteArray &json)
{
    if (QByteArrayView(json).trimmed().isEmpty())
        return Result<Scenario>::failure(QStringLiteral("the input is empty; expected a LatencyLab scenario (a JSON object)"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<Scenario>::failure(describeParseError(json, error));
    if (!document.isObject())
        return Result<Scenario>::failure(QStringLiteral("expected a JSON object at the top level, got an array"));
    if (const std::optional<QString> duplicate = findDuplicateKey(json, document.object(), ScenarioReader::itemLabel)) {
        // Through the reader, which keeps a key's line breaks from breaking the message's one line.
        JsonReader message;
        message.raiseError({}, *duplicate + QStringLiteral(": duplicate field (given more than once in the same "
                                                           "object; only one value can count)"));
        return Result<Scenario>::failure(message.errorString());
    }
    return fromJson(document.object());
}

Result<Scenario> fromJson(const QJsonObject &object)
{
    return ScenarioReader().read(object);
}

Result<Scenario> load(const QString &path)
{
    const auto failure = [&path](const QString &reason) {
        return Result<Scenario>::failure(QDir::toNativeSeparators(path) + QStringLiteral(": ") + reason);
    };
    const QFileInfo info(path);
    if (!info.exists())
        return failure(QStringLiteral("no such file"));
    if (info.isDir())
        return failure(QStringLiteral("is a folder, not a scenario file"));
    const QString tooLarge = QStringLiteral("the file is larger than %1 MB, the limit for scenario files").arg(kMaxFileBytes / (1024 * 1024));
    if (info.size() > kMaxFileBytes)
        return failure(tooLarge);

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot open the file: ") + file.errorString());
    QByteArray data;
    data.reserve(qsizetype(info.size()));
    while (data.size() <= kMaxFileBytes) {
        const QByteArray chunk = file.read(kReadChunkBytes);
        if (chunk.isEmpty())
            break;
        data += chunk;
    }
    if (file.error() != QFileDevice::NoError)
        return failure(QStringLiteral("cannot read the file: ") + file.errorString());
    if (data.size() > kMaxFileBytes)
        return failure(tooLarge);

    Result<Scenario> scenario = parse(data);
    if (!scenario)
        return failure(scenario.error());
    return scenario;
}

} // namespace LatencyLab::Core::ScenarioJson
