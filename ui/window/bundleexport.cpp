#include "window/bundleexport.h"

#include "window/appsettings.h"
#include "window/exportprogress.h"
#include "window/scenariofiles.h"

#include "export/bundlewriter.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

namespace LatencyLab::Ui {

BundleExport::BundleExport(AppSettings *settings, QStatusBar *statusBar, QWidget *window)
    : QObject(window)
    , m_progress(new ExportProgress(statusBar, QStringLiteral("bundleProgress"), this))
    , m_settings(settings)
    , m_window(window)
{
    connect(m_progress, &ExportProgress::failed, this,
            [this](const QString &message) { Q_EMIT errorOccurred(tr("Cannot Export the Bundle"), message); });
}

void BundleExport::exportWithDialog(const Core::Scenario &scenario, const QString &folder)
{
    const QString startIn = startFolder({m_settings->lastFolder(FolderUse::Exports), folder}, QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(startIn).filePath(slugOf(scenario.name) + QStringLiteral("-bundle.zip"));
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Bundle"), suggested, tr("Zip files (*.zip)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
        path += QStringLiteral(".zip");
    m_settings->setLastFolder(FolderUse::Exports, QFileInfo(path).absolutePath());
    const ExportSettings remembered = m_settings->exportSettings();
    start(scenario, path, BundleOptions{remembered.size, remembered.scale});
}

bool BundleExport::start(const Core::Scenario &scenario, const QString &path, const BundleOptions &options)
{
    const QString cannot = tr("Cannot Export the Bundle");
    if (m_progress->isRunning()) {
        Q_EMIT errorOccurred(cannot, tr("Another export is still running; wait for it to end or cancel it."));
        return false;
    }
    // The latency plot (Qt Charts) is drawn here; the rest on the worker,
    // which shares the writer and with it the staged files.
    auto writer = std::make_shared<BundleWriter>(scenario, options);
    if (const Core::Status drawn = writer->drawOnGuiThread(); !drawn) {
        Q_EMIT errorOccurred(cannot, drawn.error());
        return false;
    }
    return m_progress->start(path, [writer, path](const Core::WorkControl &control) { return writer->write(path, control); });
}

} // namespace LatencyLab::Ui
