// `latencylab serve` run in the background as a user would, for the tests
// that record against it: started on a port the system picks, stopped by a
// signal. The including test defines LATENCYLAB_BINARY (the binary's path).

#pragma once

#include "latencylabprocess.h"

#include <QByteArray>
#include <QDebug>
#include <QProcess>
#include <QStringList>
#include <QTest>

#include <csignal>

namespace LatencyLab::Tests {

inline constexpr int kServeTimeoutMs = 30'000;

// `latencylab serve ARGUMENTS` in the background (pass `--port 0`); the port
// it printed, or 0 when it did not start listening.
inline quint16 startServe(QProcess &process, const QStringList &arguments)
{
    process.setProcessEnvironment(headlessEnvironment());
    process.start(QStringLiteral(LATENCYLAB_BINARY), QStringList{QStringLiteral("serve")} + arguments);
    if (!process.waitForStarted(kServeTimeoutMs))
        return 0;
    QByteArray firstLine;
    const bool printed = QTest::qWaitFor(
        [&] {
            if (process.canReadLine())
                firstLine = process.readLine();
            return !firstLine.isEmpty() || process.state() == QProcess::NotRunning;
        },
        kServeTimeoutMs);
    const QByteArray prefix = "listening on http://127.0.0.1:";
    if (!printed || !firstLine.startsWith(prefix)) {
        qWarning() << "serve printed" << firstLine << process.readAllStandardError();
        return 0;
    }
    return quint16(firstLine.mid(prefix.size()).trimmed().toUInt());
}

// Sends `signal` to a started serve; true when it then ended by itself.
inline bool stopWith(QProcess &process, int signal)
{
    ::kill(pid_t(process.processId()), signal);
    return process.waitForFinished(kServeTimeoutMs) && process.exitStatus() == QProcess::NormalExit;
}

} // namespace LatencyLab::Tests
