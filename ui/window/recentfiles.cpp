#include "window/recentfiles.h"

#include <QDir>
#include <QFileInfo>

namespace LatencyLab::Ui {

namespace {

QString normalised(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

RecentFiles::RecentFiles(const QStringList &paths)
{
    // Oldest first, so that the newest ends up in front.
    for (auto it = paths.crbegin(); it != paths.crend(); ++it) {
        if (!it->isEmpty())
            add(*it);
    }
}

void RecentFiles::add(const QString &path)
{
    const QString entry = normalised(path);
    m_paths.removeAll(entry);
    m_paths.prepend(entry);
    while (m_paths.size() > kMax)
        m_paths.removeLast();
}

void RecentFiles::remove(const QString &path)
{
    m_paths.removeAll(normalised(path));
}

} // namespace LatencyLab::Ui
