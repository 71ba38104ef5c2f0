#pragma once

#include "model/jsonreader.h"

#include <QByteArrayView>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace LatencyLab::Core {

// QJsonDocument silently keeps the last of two equal keys in one object, so a
// pasted-in second "workers" would win without a word. This scan finds the
// first such key and returns its path (`server.workers`), its array items
// labelled by `labeller` from the parsed `document` when both are given.
// The input must already have been accepted by QJsonDocument: the scan
// tracks only strings and nesting and does not validate anything else.
std::optional<QString> findDuplicateKey(QByteArrayView json, const QJsonValue &document = {},
                                        JsonItemLabeller labeller = nullptr);

} // namespace LatencyLab::Core
