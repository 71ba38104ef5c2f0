#include "controls/requesttable.h"

#include "engine/report.h"

namespace LatencyLab::Ui {

namespace {

// Rows line up across models only when every run saw the same requests.
int sharedRowCount(const RequestTable::Runs &runs)
{
    if (runs.isEmpty())
        return 0;
    const qsizetype rows = runs.first()->timeline.requestCount();
    for (const auto &run : runs) {
        if (run->client.kind != Core::ClientModel::Kind::Open || run->timeline.requestCount() != rows)
            return 0;
    }
    return rows <= RequestTable::kMaxRows ? int(rows) : 0;
}

} // namespace

RequestTable::RequestTable(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RequestTable::setRuns(Runs runs, QStringList names)
{
    beginResetModel();
    m_runs = std::move(runs);
    m_names = std::move(names);
    m_rows = sharedRowCount(m_runs);
    if (m_rows == 0) {
        m_runs.clear();
        m_names.clear();
    }
    endResetModel();
}

int RequestTable::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int RequestTable::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_runs.isEmpty() ? 0 : FixedColumnCount + int(m_runs.size()) * PerModelColumnCount;
}

QVariant RequestTable::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return text(index.row(), index.column());
    case kValueRole:
        return value(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(index.column() == Name ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return headerData(index.column(), Qt::Horizontal, Qt::ToolTipRole);
    default:
        return {};
    }
}

QVariant RequestTable::value(int row, int column) const
{
    const auto request = Core::RequestIndex(row);
    if (column < FixedColumnCount) {
        const Core::Timeline &timeline = m_runs.first()->timeline;
        switch (column) {
        case Name:
            return timeline.requestName(request);
        case Arrival:
            return Core::toSeconds(timeline.arrival(request));
        case OwnDuration:
            return Core::toSeconds(timeline.ownDuration(request));
        }
        return {};
    }
    const Core::Timeline &timeline = m_runs.at((column - FixedColumnCount) / PerModelColumnCount)->timeline;
    if ((column - FixedColumnCount) % PerModelColumnCount == Response)
        return Core::toSeconds(timeline.response(request));
    const std::optional<double> factor = Core::slowdown(timeline, request);
    return factor ? QVariant(*factor) : QVariant();
}

QString RequestTable::text(int row, int column) const
{
    const QVariant number = value(row, column);
    if (column == Name)
        return number.toString();
    if (column < FixedColumnCount)
        return Core::formatSeconds(number.toDouble());
    const auto request = Core::RequestIndex(row);
    const Core::Timeline &timeline = m_runs.at((column - FixedColumnCount) / PerModelColumnCount)->timeline;
    if ((column - FixedColumnCount) % PerModelColumnCount == Slowdown) {
        // No work of its own, or no answer yet (a replay part way): no slowdown to speak of.
        return number.isValid() && timeline.isFinished(request) ? Core::formatFactor(number.toDouble()) : QStringLiteral("—");
    }
    if (!timeline.isFinished(request))
        return tr("unanswered");
    const QString response = Core::formatSeconds(number.toDouble());
    return timeline.isTimedOut(request) ? tr("%1 (timeout)").arg(response) : response;
}

QString RequestTable::modelName(int model) const
{
    if (const QString given = m_names.value(model); !given.isEmpty())
        return given;
    // Two variants of one model (sync with 1 and 5 workers) need their details to be told apart.
    const Core::ServerModel &server = m_runs.at(model)->server;
    for (int other = 0; other < m_runs.size(); ++other) {
        if (other != model && m_runs.at(other)->server.name == server.name)
            return server.describe();
    }
    return server.name;
}

QVariant RequestTable::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const int model = (section - FixedColumnCount) / PerModelColumnCount;
    const bool isResponse = (section - FixedColumnCount) % PerModelColumnCount == Response;
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name: return tr("Request");
        case Arrival: return tr("Arrival");
        case OwnDuration: return tr("Own duration");
        default: return isResponse ? tr("Response (%1)").arg(modelName(model)) : tr("Slowdown (%1)").arg(modelName(model));
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Name: return tr("The request, in arrival order.");
        case Arrival: return tr("When the request reached the server.");
        case OwnDuration: return tr("The request's own work: its cpu and io steps (the green boxes).");
        default:
            return isResponse ? tr("Response time under %1: arrival to answer, as the client perceives it.").arg(m_runs.at(model)->server.describe())
                              : tr("Response time ÷ own duration under %1: 1× means no waiting.").arg(m_runs.at(model)->server.describe());
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(section == Name ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace LatencyLab::Ui
