#include "controls/metricstable.h"

#include "engine/report.h"

namespace LatencyLab::Ui {

MetricsTable::MetricsTable(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MetricsTable::setRuns(Runs runs, QStringList names)
{
    beginResetModel();
    m_runs = std::move(runs);
    m_names = std::move(names);
    endResetModel();
}

QString MetricsTable::name(int row) const
{
    const QString given = m_names.value(row);
    return given.isEmpty() ? m_runs.at(row)->server.describe() : given;
}

int MetricsTable::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int MetricsTable::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetricsTable::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Core::SimulationRun &run = *m_runs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Model ? name(index.row()) : text(run, index.column());
    case kValueRole:
        return index.column() == Model ? name(index.row()) : value(run, index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(index.column() == Model ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == Model)
            return run.server.describe();
        return headerData(index.column(), Qt::Horizontal, Qt::ToolTipRole);
    default:
        return {};
    }
}

QVariant MetricsTable::value(const Core::SimulationRun &run, int column) const
{
    const Core::Metrics &m = run.metrics;
    switch (column) {
    case Requests:
        return m.requests;
    case Completed:
        return m.completed;
    case Timeouts:
        return m.timeouts;
    case Makespan:
        return m.makespanSeconds;
    case Throughput:
        return m.throughputRps;
    case MeanLatency:
        return m.latencySeconds.mean;
    case P50Latency:
        return m.latencySeconds.p50;
    case P99Latency:
        return m.latencySeconds.p99;
    case MaxSlowdown:
        return m.slowdownMax;
    default:
        return {};
    }
}

QString MetricsTable::text(const Core::SimulationRun &run, int column) const
{
    const Core::Metrics &m = run.metrics;
    // No response within the timeout: there is no latency to report, not a latency of 0.
    const bool noLatency = m.completed - m.timeouts <= 0;
    switch (column) {
    case Requests:
    case Completed:
    case Timeouts:
        return QStringLiteral("%L1").arg(value(run, column).toLongLong());
    case Makespan:
        return Core::formatSeconds(m.makespanSeconds);
    case Throughput:
        return Core::formatRate(m.throughputRps);
    case MeanLatency:
    case P50Latency:
    case P99Latency:
        return noLatency ? QStringLiteral("—") : Core::formatSeconds(value(run, column).toDouble());
    case MaxSlowdown:
        return Core::formatFactor(m.slowdownMax);
    default:
        return {};
    }
}

QVariant MetricsTable::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Model: return tr("Model");
        case Requests: return tr("Requests");
        case Completed: return tr("Completed");
        case Timeouts: return tr("Timeouts");
        case Makespan: return tr("Makespan");
        case Throughput: return tr("Throughput");
        case MeanLatency: return tr("Mean");
        case P50Latency: return tr("p50");
        case P99Latency: return tr("p99");
        case MaxSlowdown: return tr("Max slowdown");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Model: return tr("The server model simulated, measured or recorded.");
        case Requests: return tr("Requests sent (closed client: sent before it stopped).");
        case Completed: return tr("Requests answered, timeouts included (as wrk counts them).");
        case Timeouts: return tr("Responses slower than the client's timeout.");
        case Makespan: return tr("From the first arrival to the last counted answer.");
        case Throughput: return tr("Completed requests per second.");
        case MeanLatency: return tr("Mean response time the clients perceived (within the timeout).");
        case P50Latency: return tr("Median response time: half the requests were answered faster.");
        case P99Latency: return tr("99th percentile response time: 1 request in 100 waited longer.");
        case MaxSlowdown: return tr("The worst response time ÷ the request's own duration.");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(section == Model ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace LatencyLab::Ui
