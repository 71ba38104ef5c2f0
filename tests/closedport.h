// A loopback port with nothing listening on it, for "connection refused".

#pragma once

#include <QHostAddress>
#include <QTcpServer>

namespace LatencyLab::Tests {

// One the system just handed out and took back: free, and nobody else's.
inline quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace LatencyLab::Tests
