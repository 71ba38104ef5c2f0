#pragma once

// The process's resident memory, for tests that a hostile peer cannot make
// it grow without bound.

#include <QFile>
#include <QtGlobal>
#include <QTimer>

#include <unistd.h>

#include <algorithm>

namespace LatencyLab::Tests {

inline constexpr qint64 kMebibyte = 1024 * 1024;

// Bytes resident now (Linux: /proc/self/statm, its second field in pages);
// -1 when it cannot be read.
inline qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    bool ok = false;
    const qint64 pages = fields.value(1).toLongLong(&ok);
    return ok ? pages * sysconf(_SC_PAGESIZE) : -1;
}

// Whether growing `grown` bytes stays under `limit`. AddressSanitizer keeps
// freed memory resident in its quarantine (256 MiB by default), so in the
// sanitized suite a larger growth proves nothing: it is reported, not failed.
inline bool residentGrowthWithin(qint64 grown, qint64 limit)
{
    if (grown < limit)
        return true;
#ifdef LATENCYLAB_SANITIZED
    qWarning("resident memory grew %lld bytes, over %lld: not a failure under the sanitizers, whose quarantine keeps "
             "freed memory",
             grown, limit);
    return true;
#else
    return false;
#endif
}

// The most the resident memory grows above what it was at construction,
// sampled every few milliseconds while the event loop runs: memory taken and
// given back during a call shows, not only what is left after it.
class ResidentGrowth
{
public:
    ResidentGrowth()
        : m_before(residentBytes())
        , m_peak(m_before)
    {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { sample(); });
        m_timer.start(5);
    }

    bool isReadable() const { return m_before >= 0; }
    qint64 bytes()
    {
        sample();
        return m_peak - m_before;
    }

private:
    void sample() { m_peak = std::max(m_peak, residentBytes()); }

    qint64 m_before;
    qint64 m_peak;
    QTimer m_timer;
};

} // namespace LatencyLab::Tests
