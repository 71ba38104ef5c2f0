#include "cli/servecommand.h"

#include "cli/headless.h"
#include "net/demoservertrace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <memory>
#include <optional>
#include <fcntl.h>
#include <unistd.h>

namespace LatencyLab::Core {

namespace {

// SIGINT and SIGTERM reach the event loop through a pipe: the handler only
// writes a byte (async-signal-safe), and a QSocketNotifier on the read end
// quits the loop. The previous handlers come back when this goes.
class QuitOnTerminationSignals
{
public:
    QuitOnTerminationSignals()
    {
        if (::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = &QuitOnTerminationSignals::handle;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, &m_previousInt);
        ::sigaction(SIGTERM, &action, &m_previousTerm);
        m_notifier = std::make_unique<QSocketNotifier>(s_pipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [] {
            char bytes[16];
            while (::read(s_pipe[0], bytes, sizeof bytes) > 0) {
            }
            QCoreApplication::quit();
        });
        m_installed = true;
    }

    ~QuitOnTerminationSignals()
    {
        if (!m_installed)
            return;
        ::sigaction(SIGINT, &m_previousInt, nullptr);
        ::sigaction(SIGTERM, &m_previousTerm, nullptr);
        m_notifier.reset();
        ::close(s_pipe[0]);
        ::close(s_pipe[1]);
        s_pipe[0] = s_pipe[1] = -1;
    }

    QuitOnTerminationSignals(const QuitOnTerminationSignals &) = delete;
    QuitOnTerminationSignals &operator=(const QuitOnTerminationSignals &) = delete;

    bool isInstalled() const { return m_installed; }

private:
    static void handle(int)
    {
        const int savedErrno = errno;
        const char byte = 1;
        [[maybe_unused]] const ssize_t written = ::write(s_pipe[1], &byte, 1);
        errno = savedErrno;
    }

    static inline int s_pipe[2] = {-1, -1};
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
    std::unique_ptr<QSocketNotifier> m_notifier;
    bool m_installed = false;
};

} // namespace

DemoServer::Config demoServerConfigFrom(const AppOptions &options)
{
    DemoServer::Config config;
    if (options.server.model == QLatin1String("async"))
        config.model = DemoServer::Model::Async;
    config.workers = options.server.workers.value_or(config.workers);
    config.delay = options.delay.value_or(config.delay);
    return config;
}

int runServeCommand(const AppOptions &options, QTextStream &out, QTextStream &err)
{
    QuitOnTerminationSignals termination;
    if (!termination.isInstalled())
        return reportBadInput(err, QStringLiteral("cannot watch for SIGINT and SIGTERM"));
    DemoServer server(demoServerConfigFrom(options));
    std::optional<DemoServerTrace> trace;
    if (!options.otlpPath.isEmpty()) {
        // Found out now, not after a whole session's traces were gathered.
        if (!QFileInfo(options.otlpPath).absoluteDir().exists())
            return reportBadInput(err, QStringLiteral("--otlp %1: its folder does not exist").arg(options.otlpPath));
        trace.emplace(server);
    }
    const Result<quint16> port = server.listen(quint16(options.port.value_or(kDefaultServePort)));
    if (!port)
        return reportBadInput(err, port.error());
    out << QStringLiteral("listening on http://127.0.0.1:%1\n").arg(*port)
        << QStringLiteral("%1; try %2 (Ctrl+C stops)\n").arg(server.describe(), server.url().toString());
    out.flush();
    QCoreApplication::exec();
    const qint64 answered = server.answeredCount();
    server.close();
    out << QStringLiteral("stopped after answering %L1 requests\n").arg(answered);
    out.flush();
    if (trace) {
        if (const Status written = trace->write(options.otlpPath); !written)
            return reportBadInput(err, written.error());
        out << QStringLiteral("wrote %L1 traces to %2\n").arg(trace->requestCount()).arg(options.otlpPath);
        out.flush();
    }
    return kExitSuccess;
}

} // namespace LatencyLab::Core
