#pragma once

#include "export/exportpreset.h"

#include "base/result.h"

#include <QObject>
#include <QSize>

class QStatusBar;
class QWidget;

namespace LatencyLab::Ui {

class AppSettings;
class ChartTab;
class ExportProgress;

// Exporting a chart tab to PNG or SVG: the dialog, which remembers the size
// and scale last chosen, the export on a worker thread with its progress and
// Cancel in `statusBar` (ExportProgress), and what came of it.
class ChartTabExport : public QObject
{
    Q_OBJECT

public:
    ChartTabExport(AppSettings *settings, QStatusBar *statusBar, QWidget *window);

    // Asks where and how large, suggesting a file in the folder last exported
    // to, else in `folder`, then exports.
    void exportWithDialog(ChartTab *tab, const QString &folder);
    // False, with the error reported, if nothing was started. A slide has
    // its own size and ignores `size`.
    bool start(ChartTab *tab, const QString &path, QSize size, double scale, ExportPreset preset = ExportPreset::Standard);
    void cancel();

Q_SIGNALS:
    // `written` is false when it failed or was cancelled.
    void finished(bool written);
    void errorOccurred(const QString &title, const QString &message);

private:
    AppSettings *m_settings;
    QWidget *m_window;
    ExportProgress *m_progress;
};

} // namespace LatencyLab::Ui
