// Shows a preset in the window and waits for its charts, as a user waits
// for the chart to appear; and recomputes at once and waits again.

#pragma once

#include "window/mainwindow.h"

#include "model/presets.h"

#include <QSignalSpy>
#include <QTest>

namespace LatencyLab::Tests {

inline constexpr int kWindowComputeTimeoutMs = 10'000;

inline bool showPresetAndWait(Ui::MainWindow &window, const QString &name)
{
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(name);
    if (!scenario)
        return false;
    QSignalSpy shown(&window, &Ui::MainWindow::chartsShown);
    window.showPreset(name, *scenario);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    return shown.size() > 0 || shown.wait(kWindowComputeTimeoutMs);
}

inline bool recomputeAndWait(Ui::MainWindow &window)
{
    QSignalSpy shown(&window, &Ui::MainWindow::chartsShown);
    window.recomputeNow(); // a small scenario may be shown before this returns
    return shown.size() > 0 || shown.wait(kWindowComputeTimeoutMs);
}

} // namespace LatencyLab::Tests
