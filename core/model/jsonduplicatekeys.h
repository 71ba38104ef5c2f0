#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace LatencyLab::Core {

// QJsonDocument silently keeps the last of two equal keys in one object, so a
// pasted-in second "workers" would win without a word. This scan finds the
// first such key and returns its path (`server.workers`).
// The input must already have been accepted by QJsonDocument: the scan
// tracks only strings and nesting and does not validate anything else.
std::optional<QString> findDuplicateKey(QByteArrayView json);

} // namespace LatencyLab::Core
