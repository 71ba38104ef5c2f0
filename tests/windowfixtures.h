// Opening the window on a preset, as a user would, and waiting until its
// charts are shown.

#pragma once

#include "window/mainwindow.h"

#include "model/presets.h"

#include <QSignalSpy>
#include <QTest>

namespace LatencyLab::Tests {

inline Core::Scenario presetScenario(const QString &name)
{
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(name);
    Q_ASSERT(scenario);
    return *scenario;
}

// False when the window was not shown or its charts did not arrive in time.
inline bool showPresetAndWait(Ui::MainWindow &window, const QString &name, int timeoutMs = 10'000)
{
    QSignalSpy shown(&window, &Ui::MainWindow::chartsShown);
    window.showPreset(name, presetScenario(name));
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    return shown.size() > 0 || shown.wait(timeoutMs);
}

} // namespace LatencyLab::Tests
