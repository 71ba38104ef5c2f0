// Exports the window's current chart and waits for the background export to
// end, as the user would wait for the status bar to say so.

#pragma once

#include "window/mainwindow.h"

#include <QSignalSpy>

namespace LatencyLab::Tests {

// True when the file was written; false when the export could not start,
// failed (the window reported why) or was cancelled.
inline bool exportAndWait(Ui::MainWindow &window, const QString &path, QSize size, double scale)
{
    QSignalSpy finished(&window, &Ui::MainWindow::exportFinished);
    if (!window.exportCurrentChart(path, size, scale))
        return false;
    if (finished.isEmpty() && !finished.wait(60'000))
        return false;
    return finished.first().first().toBool();
}

} // namespace LatencyLab::Tests
