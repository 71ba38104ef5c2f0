#pragma once

#include "engine/simulator.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

#include <memory>

namespace LatencyLab::Ui {

// One row per request of a small open scenario: name, arrival and own
// duration, then its response and slowdown under each model side by side —
// where "request 3 waits 5× its own duration" is read off directly.
// Empty for large or closed-client scenarios (their requests differ per model).
class RequestTable : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxRows = 50;
    static constexpr int kValueRole = Qt::UserRole;

    enum FixedColumn : int { Name, Arrival, OwnDuration, FixedColumnCount };
    enum PerModelColumn : int { Response, Slowdown, PerModelColumnCount };

    explicit RequestTable(QObject *parent = nullptr);

    using Runs = QList<std::shared_ptr<const Core::SimulationRun>>;
    // Each run's columns are headed by `names` where given ("sync, measured"), else by its model.
    void setRuns(Runs runs, QStringList names = {});
    bool isEmpty() const { return m_rows == 0; }
    // The column of `kind` for the run at `model` in the list given to setRuns().
    static int columnFor(int model, PerModelColumn kind) { return FixedColumnCount + model * PerModelColumnCount + kind; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant value(int row, int column) const;
    QString text(int row, int column) const;
    QString modelName(int model) const;

    Runs m_runs;
    QStringList m_names;
    int m_rows = 0;
};

} // namespace LatencyLab::Ui
