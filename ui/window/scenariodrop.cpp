#include "window/scenariodrop.h"

#include <QMimeData>
#include <QUrl>

namespace LatencyLab::Ui {

namespace {

// The one local file a drag carries, if its name ends in `suffix`.
QString oneLocalFile(const QMimeData *mime, QLatin1String suffix)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return {};
    const QString path = urls.first().toLocalFile();
    return path.endsWith(suffix, Qt::CaseInsensitive) ? path : QString();
}

} // namespace

QString scenarioFileIn(const QMimeData *mime)
{
    return oneLocalFile(mime, QLatin1String(".json"));
}

QString harFileIn(const QMimeData *mime)
{
    return oneLocalFile(mime, QLatin1String(".har"));
}

} // namespace LatencyLab::Ui
