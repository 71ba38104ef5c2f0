#include "window/charttabexport.h"

#include "window/appsettings.h"
#include "window/charttab.h"
#include "window/exportdialog.h"
#include "window/exportprogress.h"
#include "window/scenariofiles.h"

#include <QDir>
#include <QFileInfo>

namespace LatencyLab::Ui {

ChartTabExport::ChartTabExport(AppSettings *settings, QStatusBar *statusBar, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
    , m_progress(new ExportProgress(statusBar, QStringLiteral("exportProgress"), this))
{
    connect(m_progress, &ExportProgress::finished, this, &ChartTabExport::finished);
    connect(m_progress, &ExportProgress::failed, this,
            [this](const QString &message) { Q_EMIT errorOccurred(tr("Cannot Export the Chart"), message); });
}

void ChartTabExport::exportWithDialog(ChartTab *tab, const QString &folder)
{
    const ChartName name = tab->name();
    const QString startIn = startFolder({m_settings->lastFolder(FolderUse::Exports), folder}, QStandardPaths::PicturesLocation);
    ExportDialog dialog(name.title, QDir(startIn).filePath(name.file + QStringLiteral(".png")), m_window);
    const ExportSettings remembered = m_settings->exportSettings();
    dialog.setChartSize(remembered.size);
    dialog.setScale(remembered.scale);
    dialog.setSlideAvailable(tab->hasSlide());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings->setExportSettings({dialog.chartSize(), dialog.scale()});
    m_settings->setLastFolder(FolderUse::Exports, QFileInfo(dialog.path()).absolutePath());
    start(tab, dialog.path(), dialog.chartSize(), dialog.scale(), dialog.preset());
}

bool ChartTabExport::start(ChartTab *tab, const QString &path, QSize size, double scale, ExportPreset preset)
{
    const QString cannot = tr("Cannot Export the Chart");
    if (m_progress->isRunning()) {
        Q_EMIT errorOccurred(cannot, tr("Another export is still running; wait for it to end or cancel it."));
        return false;
    }
    Core::Result<ChartTab::Export> exported = !tab                            ? Core::Error{tr("There is no chart to export yet.")}
                                              : preset == ExportPreset::Slide ? tab->exportSlideTo(path, scale)
                                                                              : tab->exportTo(path, size, scale);
    if (!exported) {
        Q_EMIT errorOccurred(cannot, exported.error());
        return false;
    }
    if (const auto *written = std::get_if<Core::Status>(&*exported)) {
        m_progress->finish(path, *written, false);
        return true;
    }
    return m_progress->start(path, std::get<ExportJob::Work>(std::move(*exported)));
}

void ChartTabExport::cancel()
{
    m_progress->cancel();
}

} // namespace LatencyLab::Ui
