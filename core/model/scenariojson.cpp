#include "model/scenariojson.h"

#include "model/boundedfile.h"
#include "model/jsonduplicatekeys.h"
#include "model/jsonreader.h"
#include "model/jsonsyntax.h"
#include "model/scenarioreader.h"

#include <QDir>
#include <QJsonDocument>

#include <algorithm>

// The reading half of ScenarioJson: bytes and files to a checked scenario
// (ScenarioReader reads the fields; scenariowriter.cpp writes them).
namespace LatencyLab::Core::ScenarioJson {

namespace {

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
    const Result<QByteArray> data = readBoundedFile(path, kMaxFileBytes, QStringLiteral("scenario file"));
    if (!data)
        return Result<Scenario>::failure(data.error());
    Result<Scenario> scenario = parse(*data);
    if (!scenario)
        return Result<Scenario>::failure(QDir::toNativeSeparators(path) + QStringLiteral(": ") + scenario.error());
    return scenario;
}

} // namespace LatencyLab::Core::ScenarioJson
