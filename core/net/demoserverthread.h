#pragma once

#include "net/demoserver.h"

#include <QUrl>

#include <memory>

namespace LatencyLab::Core {

// A DemoServer serving from a thread of its own, for the window's one-click
// recording: the server's waits are then not delayed by whatever the window's
// thread is doing (painting a chart), and the recorder on that thread
// measures the server as a separate process would show it.
class DemoServerThread
{
public:
    DemoServerThread();
    // Stops the server and its thread.
    ~DemoServerThread();
    DemoServerThread(const DemoServerThread &) = delete;
    DemoServerThread &operator=(const DemoServerThread &) = delete;

    // Starts a server for `config` on 127.0.0.1 and a free port; its
    // /api/sun URL. A server already running is stopped first.
    Result<QUrl> start(const DemoServer::Config &config);
    void stop();
    bool isRunning() const { return m_thread != nullptr; }
    QString describe() const { return m_description; }

private:
    class Runner;
    std::unique_ptr<Runner> m_thread;
    QString m_description;
};

} // namespace LatencyLab::Core
