#include "window/scenariodrop.h"

#include <QMimeData>
#include <QUrl>

namespace LatencyLab::Ui {

QString scenarioFileIn(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return {};
    const QString path = urls.first().toLocalFile();
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? path : QString();
}

} // namespace LatencyLab::Ui
