#include "traces/jsonsavefile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace LatencyLab::Core {

Status writeJsonAtomically(const QJsonObject &document, const QString &path)
{
    const auto failure = [&path](const QString &reason) {
        return Status::failure(QDir::toNativeSeparators(path) + QStringLiteral(": ") + reason);
    };
    if (!QFileInfo(path).absoluteDir().exists())
        return failure(QStringLiteral("cannot write, its folder does not exist"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(QStringLiteral("cannot write: ") + file.errorString());
    // A write cut short (a full disk) sets no error of its own: count the bytes.
    const QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return failure(QStringLiteral("cannot write: the disk is full or the file too large"));
    }
    if (!file.commit())
        return failure(QStringLiteral("cannot write: ") + file.errorString());
    return success();
}

} // namespace LatencyLab::Core
