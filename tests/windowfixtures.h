// Opening the window on a preset, as a user would, and waiting until its
// charts are shown; recomputing at once and waiting again.

#pragma once

#include "window/mainwindow.h"

#include "model/presets.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

namespace LatencyLab::Tests {

inline Core::Scenario presetScenario(const QString &name)
{
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(name);
    Q_ASSERT(scenario);
    return *scenario;
}

inline constexpr int kWindowComputeTimeoutMs = 10'000;

// Windows made from now on keep their settings in `folder`, never in the
// user's own: false if QSettings would still write elsewhere.
inline bool keepSettingsIn(const QString &folder)
{
    QCoreApplication::setOrganizationName(QStringLiteral("LatencyLabTests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
    return QSettings().fileName().startsWith(folder);
}

// False when the window was not shown or its charts did not arrive in time.
inline bool showPresetAndWait(Ui::MainWindow &window, const QString &name, int timeoutMs = kWindowComputeTimeoutMs)
{
    QSignalSpy shown(&window, &Ui::MainWindow::chartsShown);
    window.showPreset(name, presetScenario(name));
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    return shown.size() > 0 || shown.wait(timeoutMs);
}

inline bool recomputeAndWait(Ui::MainWindow &window, int timeoutMs = kWindowComputeTimeoutMs)
{
    QSignalSpy shown(&window, &Ui::MainWindow::chartsShown);
    window.recomputeNow(); // a small scenario may be shown before this returns
    return shown.size() > 0 || shown.wait(timeoutMs);
}

} // namespace LatencyLab::Tests
