#pragma once

#include "charts/ganttchart.h"
#include "export/animationexport.h"

#include <QObject>

class QStatusBar;
class QWidget;

namespace LatencyLab::Ui {

class AppSettings;
class ExportProgress;

// File → Export Animation…: the Gantt or Compare chart's replay
// (exportAnimation) at the size and scale last chosen for a chart export, as
// a GIF, MP4 or WebM encoded by ffmpeg, or PNG frames into a folder; on a
// worker thread with progress and Cancel in the status bar (ExportProgress).
// A cancelled or failed animation leaves nothing. Without ffmpeg, the dialog
// offers only the frames, and says how to install it.
class AnimationExportAction : public QObject
{
    Q_OBJECT

public:
    AnimationExportAction(AppSettings *settings, QStatusBar *statusBar, QWidget *window);

    // Asks where, suggesting a GIF in the folder last exported to, else in `folder`, then exports.
    void exportWithDialog(const GanttChart &chart, const QString &name, const QString &folder);
    // False, with the error reported, if nothing was started.
    bool start(const GanttChart &chart, const AnimationOptions &options);
    ExportProgress *progress() const { return m_progress; }

Q_SIGNALS:
    void errorOccurred(const QString &title, const QString &message);

private:
    ExportProgress *m_progress;
    AppSettings *m_settings;
    QWidget *m_window;
};

} // namespace LatencyLab::Ui
