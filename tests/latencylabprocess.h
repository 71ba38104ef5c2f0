// Runs the real `latencylab` binary the way a user or a script would, for the
// tests that check its command line. Every run strips DISPLAY,
// WAYLAND_DISPLAY and QT_QPA_PLATFORM, so each passing case also shows the
// headless commands need no display. The including test defines
// LATENCYLAB_BINARY (the binary's path).

#pragma once

#include <QDebug>
#include <QProcess>
#include <QStringList>

#include <functional>

namespace LatencyLab::Tests {

inline constexpr int kProcessTimeoutMs = 60'000;

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

inline QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

inline QProcessEnvironment headlessEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *variable : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(variable));
    return environment;
}

// Returns false (with a message) when the binary did not run to its end: a
// crash or a hang. `childSetup` runs in the child before it starts (limits).
inline bool runLatencyLab(const QStringList &arguments, Outcome &outcome, const std::function<void()> &childSetup = {})
{
    QProcess process;
    process.setProcessEnvironment(headlessEnvironment());
    if (childSetup)
        process.setChildProcessModifier(childSetup);
    process.start(QStringLiteral(LATENCYLAB_BINARY), arguments);
    if (!process.waitForFinished(kProcessTimeoutMs) || process.exitStatus() != QProcess::NormalExit) {
        qWarning() << "latencylab" << arguments << "did not finish normally (a crash or a hang):" << process.errorString()
                   << process.readAllStandardError();
        process.kill();
        process.waitForFinished();
        return false;
    }
    outcome.exitCode = process.exitCode();
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return true;
}

} // namespace LatencyLab::Tests
