#include "export/atomicwrite.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace LatencyLab::Ui {

QString quotedPath(const QString &path)
{
    return QStringLiteral("“%1”").arg(QDir::toNativeSeparators(path));
}

Core::Status writeAtomically(const QString &path, const QByteArray &bytes)
{
    const QFileInfo directory(QFileInfo(path).absolutePath());
    if (!directory.exists())
        return Core::Status::failure(QStringLiteral("Cannot write %1: the directory %2 does not exist")
                                         .arg(quotedPath(path), quotedPath(directory.filePath())));
    if (!directory.isDir())
        return Core::Status::failure(
            QStringLiteral("Cannot write %1: %2 is not a directory").arg(quotedPath(path), quotedPath(directory.filePath())));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Core::Status::failure(QStringLiteral("Cannot write %1: %2").arg(quotedPath(path), file.errorString()));
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return Core::Status::failure(QStringLiteral("Cannot write %1: %2").arg(quotedPath(path), reason));
    }
    if (!file.commit())
        return Core::Status::failure(QStringLiteral("Cannot write %1: %2").arg(quotedPath(path), file.errorString()));
    return Core::success();
}

} // namespace LatencyLab::Ui
