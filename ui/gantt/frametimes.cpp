#include "gantt/frametimes.h"

#include <algorithm>

namespace LatencyLab::Ui {

FrameTimes::FrameTimes(int capacity)
    : m_capacity(std::max(1, capacity))
{
    m_samples.reserve(m_capacity);
}

void FrameTimes::add(qint64 nanos)
{
    nanos = std::max<qint64>(0, nanos);
    if (m_samples.size() < m_capacity) {
        m_samples.append(nanos);
        return;
    }
    m_samples[m_oldest] = nanos;
    m_oldest = (m_oldest + 1) % m_capacity;
}

QList<qint64> FrameTimes::samples() const
{
    QList<qint64> ordered;
    ordered.reserve(m_samples.size());
    ordered.append(m_samples.mid(m_oldest));
    ordered.append(m_samples.first(m_oldest));
    return ordered;
}

qint64 FrameTimes::last() const
{
    if (m_samples.isEmpty())
        return 0;
    return m_samples[(m_oldest + m_samples.size() - 1) % m_samples.size()];
}

qint64 FrameTimes::max() const
{
    return m_samples.isEmpty() ? 0 : *std::max_element(m_samples.cbegin(), m_samples.cend());
}

QString FrameTimes::summary() const
{
    if (m_samples.isEmpty())
        return {};
    const auto ms = [](qint64 nanos) { return QString::number(double(nanos) / 1e6, 'f', 1); };
    return QStringLiteral("last %1 ms · max %2 ms").arg(ms(last()), ms(max()));
}

} // namespace LatencyLab::Ui
