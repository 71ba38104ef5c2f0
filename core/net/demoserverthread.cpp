#include "net/demoserverthread.h"

namespace LatencyLab::Core {

DemoServerThread::~DemoServerThread()
{
    stop();
}

Result<QUrl> DemoServerThread::start(const DemoServer::Config &config)
{
    stop();
    if (const Status valid = DemoServer::checkConfig(config); !valid)
        return Error{valid.error()};
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("demo server"));
    m_context = std::make_unique<QObject>();
    m_context->moveToThread(m_thread.get());
    m_thread->start();
    // The server is made, listens and is destroyed on its thread: its sockets
    // and timers belong to that thread's event loop.
    Result<QUrl> url = Error{QStringLiteral("the demo server's thread did not start")};
    QMetaObject::invokeMethod(
        m_context.get(),
        [&] {
            auto server = std::make_unique<DemoServer>(config);
            const Result<quint16> port = server->listen(0);
            if (!port) {
                url = Error{port.error()};
                return;
            }
            url = server->url();
            m_description = server->describe();
            m_server = server.release();
        },
        Qt::BlockingQueuedConnection);
    if (!url)
        stop();
    return url;
}

void DemoServerThread::stop()
{
    if (!m_thread)
        return;
    if (m_server) {
        DemoServer *server = m_server;
        QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        m_server = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    m_context.reset(); // its thread has ended: safe to delete here
    m_thread.reset();
}

} // namespace LatencyLab::Core
