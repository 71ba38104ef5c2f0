#include "window/animationexportaction.h"

#include "window/appsettings.h"
#include "window/exportprogress.h"
#include "window/scenariofiles.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

namespace LatencyLab::Ui {

AnimationExportAction::AnimationExportAction(AppSettings *settings, QStatusBar *statusBar, QWidget *window)
    : QObject(window)
    , m_progress(new ExportProgress(statusBar, QStringLiteral("animationProgress"), this))
    , m_settings(settings)
    , m_window(window)
{
    connect(m_progress, &ExportProgress::failed, this,
            [this](const QString &message) { Q_EMIT errorOccurred(tr("Cannot Export the Animation"), message); });
}

void AnimationExportAction::exportWithDialog(const GanttChart &chart, const QString &name, const QString &folder)
{
    const bool encoder = !ffmpegProgram().isEmpty();
    const QString startIn = startFolder({m_settings->lastFolder(FolderUse::Exports), folder}, QStandardPaths::DocumentsLocation);
    QString path;
    if (encoder) {
        const QString suggested = QDir(startIn).filePath(slugOf(name) + QStringLiteral(".gif"));
        path = QFileDialog::getSaveFileName(m_window, tr("Export Animation"), suggested,
                                            tr("GIF (*.gif);;MP4 video (*.mp4);;WebM video (*.webm)"));
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".gif");
    } else {
        Q_EMIT errorOccurred(tr("Export Animation"),
                             tr("Encoding a GIF, MP4 or WebM needs ffmpeg (sudo apt install ffmpeg). The frames can be "
                                "written as PNG files into a new folder instead: choose one."));
        path = QFileDialog::getSaveFileName(m_window, tr("Export Animation Frames (a new folder)"),
                                            QDir(startIn).filePath(slugOf(name) + QStringLiteral("-frames")));
    }
    if (path.isEmpty())
        return;
    m_settings->setLastFolder(FolderUse::Exports, QFileInfo(path).absolutePath());
    const ExportSettings remembered = m_settings->exportSettings();
    AnimationOptions options;
    options.path = path;
    options.size = remembered.size;
    options.scale = remembered.scale;
    start(chart, options);
}

bool AnimationExportAction::start(const GanttChart &chart, const AnimationOptions &options)
{
    if (m_progress->isRunning()) {
        Q_EMIT errorOccurred(tr("Cannot Export the Animation"), tr("Another export is still running; wait for it to end or cancel it."));
        return false;
    }
    return m_progress->start(options.path, [chart, options](const Core::WorkControl &control) { return exportAnimation(chart, options, control); });
}

} // namespace LatencyLab::Ui
