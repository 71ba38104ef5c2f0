#include "model/boundedfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace LatencyLab::Core {

namespace {
// Files are read in pieces so a pipe or special file (no size up front) is still cut off at the limit.
constexpr qint64 kReadChunkBytes = 1024 * 1024;
} // namespace

Result<QByteArray> readBoundedFile(const QString &path, qint64 maxBytes, const QString &noun)
{
    const auto failure = [&path](const QString &reason) {
        return Result<QByteArray>::failure(QDir::toNativeSeparators(path) + QStringLiteral(": ") + reason);
    };
    const QFileInfo info(path);
    if (!info.exists())
        return failure(QStringLiteral("no such file"));
    if (info.isDir())
        return failure(QStringLiteral("is a folder, not a %1").arg(noun));
    const QString tooLarge = QStringLiteral("the file is larger than %1 MB, the limit for %2s").arg(maxBytes / (1024 * 1024)).arg(noun);
    if (info.size() > maxBytes)
        return failure(tooLarge);

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot open the file: ") + file.errorString());
    QByteArray data;
    data.reserve(qsizetype(info.size()));
    while (data.size() <= maxBytes) {
        const QByteArray chunk = file.read(kReadChunkBytes);
        if (chunk.isEmpty())
            break;
        data += chunk;
    }
    if (file.error() != QFileDevice::NoError)
        return failure(QStringLiteral("cannot read the file: ") + file.errorString());
    if (data.size() > maxBytes)
        return failure(tooLarge);
    return data;
}

} // namespace LatencyLab::Core
