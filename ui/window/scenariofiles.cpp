#include "window/scenariofiles.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace LatencyLab::Ui {

QString slugOf(const QString &name)
{
    QString slug = name.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^\\p{L}\\p{N}]+")), QStringLiteral("-"));
    slug.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return slug.isEmpty() ? QStringLiteral("scenario") : slug;
}

QString folderOr(QStandardPaths::StandardLocation location)
{
    const QString folder = QStandardPaths::writableLocation(location);
    return QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

QString startFolder(const QStringList &candidates, QStandardPaths::StandardLocation location)
{
    for (const QString &folder : candidates) {
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    }
    return folderOr(location);
}

} // namespace LatencyLab::Ui
