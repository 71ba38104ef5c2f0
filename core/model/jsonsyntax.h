#pragma once

#include <QByteArrayView>
#include <QJsonParseError>
#include <QString>

namespace LatencyLab::Core {

// `line L, column C` of a byte offset into UTF-8 text, both counted from 1;
// columns count characters, not bytes.
QString jsonTextPosition(QByteArrayView json, qsizetype offset);

// Why QJsonDocument refused `json`, for people: `line 4, column 12: expected
// a field name in double quotes after ',', got another ','`. QJsonParseError
// names few causes (a stray comma is an "unterminated object") and its offset
// lies after the fault, so the text is scanned again to find the first fault
// and word what was expected there; the parser's own code and offset are the
// fallback for what the scan does not judge (numbers beyond a double,
// nesting, size).
QString describeJsonSyntaxError(QByteArrayView json, const QJsonParseError &error);

} // namespace LatencyLab::Core
