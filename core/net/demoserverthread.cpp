#include "net/demoserverthread.h"

#include <QThread>

#include <condition_variable>
#include <mutex>
#include <optional>

namespace LatencyLab::Core {

// The server is made, listens, serves and is destroyed inside run(), so its
// sockets and timers belong to this thread's event loop. Whether it listens
// comes back through a mutex and a condition variable: plain pthreads, which
// a ThreadSanitizer build sees, where a blocking queued call would hand the
// result over inside Qt, which it does not.
class DemoServerThread::Runner : public QThread
{
public:
    explicit Runner(const DemoServer::Config &config)
        : m_config(config)
    {
        setObjectName(QStringLiteral("demo server"));
    }

    // The server's URL once it listens, or why it could not.
    Result<QUrl> waitUntilListening(QString &description)
    {
        std::unique_lock lock(m_mutex);
        m_listening.wait(lock, [this] { return m_result.has_value(); });
        description = m_description;
        return *m_result;
    }

protected:
    void run() override
    {
        auto server = std::make_unique<DemoServer>(m_config);
        const Result<quint16> port = server->listen(0);
        {
            const std::lock_guard lock(m_mutex);
            if (port) {
                m_result = server->url();
                m_description = server->describe();
            } else {
                m_result = Result<QUrl>(Error{port.error()});
            }
        }
        m_listening.notify_all();
        if (port)
            exec(); // until stop() quits it; the server is then destroyed here, on its thread
    }

private:
    const DemoServer::Config m_config;
    std::mutex m_mutex;
    std::condition_variable m_listening;
    std::optional<Result<QUrl>> m_result;
    QString m_description;
};

DemoServerThread::DemoServerThread() = default;

DemoServerThread::~DemoServerThread()
{
    stop();
}

Result<QUrl> DemoServerThread::start(const DemoServer::Config &config)
{
    stop();
    if (const Status valid = DemoServer::checkConfig(config); !valid)
        return Error{valid.error()};
    m_thread = std::make_unique<Runner>(config);
    m_thread->start();
    Result<QUrl> url = m_thread->waitUntilListening(m_description);
    if (!url)
        stop();
    return url;
}

void DemoServerThread::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_description.clear();
}

} // namespace LatencyLab::Core
