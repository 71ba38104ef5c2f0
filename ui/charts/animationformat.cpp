#include "charts/animationformat.h"

#include <QDir>
#include <QFileInfo>

namespace LatencyLab::Ui {

Core::Result<AnimationFormat> animationFormatFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("gif"))
        return AnimationFormat::Gif;
    if (suffix == QLatin1String("mp4"))
        return AnimationFormat::Mp4;
    if (suffix == QLatin1String("webm"))
        return AnimationFormat::WebM;
    if (suffix.isEmpty())
        return AnimationFormat::Frames;
    return Core::Result<AnimationFormat>::failure(QStringLiteral("“%1”: an animation is a .gif, .mp4 or .webm file, or a folder "
                                                                 "for PNG frames")
                                                      .arg(QDir::toNativeSeparators(path)));
}

} // namespace LatencyLab::Ui
