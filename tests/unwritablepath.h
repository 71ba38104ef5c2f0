#pragma once

// Paths no user can write, root included, on any machine: a path that runs
// through a regular file (`<file>/chart.png`) fails with ENOTDIR whatever the
// permissions, and needs neither /sys nor /proc, which a container or chroot
// may lack.

#include <QDir>
#include <QFile>
#include <QString>

namespace LatencyLab::Tests {

inline const QString kRegularFileName = QStringLiteral("a-regular-file");

// An empty regular file in `directory` (made unless it is there); a path
// under it cannot be created.
inline QString regularFileIn(const QString &directory)
{
    const QString path = QDir(directory).filePath(kRegularFileName);
    QFile file(path);
    if (!file.exists())
        file.open(QIODevice::WriteOnly);
    return path;
}

} // namespace LatencyLab::Tests
