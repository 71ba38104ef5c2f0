#pragma once

#include "export/bundlefile.h"

#include "model/scenario.h"

#include <QObject>

class QStatusBar;
class QWidget;

namespace LatencyLab::Ui {

class AppSettings;
class ExportProgress;

// File → Export Bundle…: the scenario's reproducible bundle (BundleWriter) at
// the size and scale last chosen for a chart export, written on a worker
// thread with its progress and Cancel in `statusBar` (ExportProgress); a
// cancelled or failed bundle leaves no file.
class BundleExport : public QObject
{
    Q_OBJECT

public:
    BundleExport(AppSettings *settings, QStatusBar *statusBar, QWidget *window);

    // Asks where, suggesting a file in the folder last exported to, else in `folder`, then exports.
    void exportWithDialog(const Core::Scenario &scenario, const QString &folder);
    // False, with the error reported, if nothing was started.
    bool start(const Core::Scenario &scenario, const QString &path, const BundleOptions &options);
    // Its progress, Cancel, and end (ExportProgress::finished).
    ExportProgress *progress() const { return m_progress; }

Q_SIGNALS:
    void errorOccurred(const QString &title, const QString &message);

private:
    ExportProgress *m_progress;
    AppSettings *m_settings;
    QWidget *m_window;
};

} // namespace LatencyLab::Ui
