#include "window/charttabexport.h"

#include "window/appsettings.h"
#include "window/charttab.h"
#include "window/exportdialog.h"
#include "window/scenariofiles.h"

#include "controls/busyindicator.h"
#include "export/exportjob.h"

#include <QDir>
#include <QFileInfo>
#include <QStatusBar>

namespace LatencyLab::Ui {

namespace {

constexpr int kStatusMessageMs = 4000;

} // namespace

ChartTabExport::ChartTabExport(AppSettings *settings, QStatusBar *statusBar, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_statusBar(statusBar)
    , m_window(window)
    , m_busy(new BusyIndicator)
    , m_job(new ExportJob(this))
{
    m_busy->setObjectName(QStringLiteral("exportProgress"));
    m_statusBar->addPermanentWidget(m_busy);
    connect(m_busy, &BusyIndicator::cancelRequested, this, &ChartTabExport::cancel);
    connect(m_job, &ExportJob::progressed, this, [this](double fraction) {
        m_busy->setProgress(qint64(fraction * 1000), 1000, tr("%1 % done").arg(int(fraction * 100)));
    });
    connect(m_job, &ExportJob::finished, this, [this](const Core::Status &written, bool cancelled) {
        finish(m_job->path(), written, cancelled);
    });
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
    if (m_job->isRunning()) {
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
        finish(path, *written, false);
        return true;
    }
    m_busy->start(tr("Exporting %1").arg(QFileInfo(path).fileName()));
    return m_job->start(path, std::get<ExportJob::Work>(std::move(*exported)));
}

void ChartTabExport::cancel()
{
    m_job->cancel();
}

void ChartTabExport::finish(const QString &path, const Core::Status &written, bool cancelled)
{
    m_busy->stop();
    if (cancelled) {
        m_statusBar->showMessage(tr("Export cancelled; nothing was written"), kStatusMessageMs);
    } else if (!written) {
        Q_EMIT errorOccurred(tr("Cannot Export the Chart"), written.error());
    } else {
        m_statusBar->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
    }
    Q_EMIT finished(written.ok() && !cancelled);
}

} // namespace LatencyLab::Ui
