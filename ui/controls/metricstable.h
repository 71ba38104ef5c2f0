#pragma once

#include "engine/simulator.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

#include <memory>

namespace LatencyLab::Ui {

// One row per run (a simulated server model, a measurement, a recording):
// requests, completed, timeouts, makespan, throughput, mean/p50/p99 latency
// and the worst slowdown.
// Qt::DisplayRole gives text with units; kValueRole the number itself.
class MetricsTable : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int {
        Model,
        Requests,
        Completed,
        Timeouts,
        Makespan,
        Throughput,
        MeanLatency,
        P50Latency,
        P99Latency,
        MaxSlowdown,
        ColumnCount,
    };
    static constexpr int kValueRole = Qt::UserRole; // seconds, requests per second, counts, factors

    explicit MetricsTable(QObject *parent = nullptr);

    using Runs = QList<std::shared_ptr<const Core::SimulationRun>>;
    // Each row is named by `names` where given ("measured at 0.5× — sync …"), else by its model's description.
    void setRuns(Runs runs, QStringList names = {});
    const Runs &runs() const { return m_runs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant value(const Core::SimulationRun &run, int column) const;
    QString text(const Core::SimulationRun &run, int column) const;
    QString name(int row) const;

    Runs m_runs;
    QStringList m_names;
};

} // namespace LatencyLab::Ui
