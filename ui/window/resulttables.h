#pragma once

#include "window/shownruns.h"

#include <QObject>

#include <optional>

class QLabel;
class QSplitter;
class QWidget;

namespace LatencyLab::Ui {

class ChartTabs;
class MetricsTable;
class RequestReplays;
class RequestTable;
class RunTabs;

// The tables below the chart, added to `splitter`: the models' summary and,
// for small open scenarios, one row per request (hidden while it has none).
// Stacked rather than side by side, so that neither table needs a horizontal
// scroll bar. They follow the tab shown: a Measured or Recorded tab shows
// its own runs, every other tab the simulated scenario; each table's caption
// says which ("Server models — Recorded: demo server, 12:03").
class ResultTables : public QObject
{
    Q_OBJECT

public:
    ResultTables(QSplitter *splitter, MetricsTable *metrics, RequestTable *requests, QObject *parent);

    // Follows the current tab of `tabs`, asking `runs` about the tabs it
    // owns, and `replays` what moment the tab shows: the figures as of then
    // (requests not yet answered say so).
    void follow(ChartTabs *tabs, RunTabs *runs, RequestReplays *replays);
    // The simulated scenario's runs, shown unless a tab has runs of its own.
    void setSimulated(const ShownRuns &simulated);

    // The models' table with its caption.
    QWidget *modelsBlock() const { return m_modelsBlock; }
    // The requests' table with its caption (hidden while it has no rows).
    QWidget *requestsBlock() const { return m_requestsBlock; }
    // "Simulated: Three requests": where the rows shown come from.
    QString source() const { return m_source; }

private:
    void showCurrentTab();
    void show(const ShownRuns &shown);

    MetricsTable *m_metrics;
    RequestTable *m_requests;
    QWidget *m_modelsBlock;
    QWidget *m_requestsBlock;
    QLabel *m_modelsCaption;
    QLabel *m_requestsCaption;
    ChartTabs *m_tabs = nullptr;
    RunTabs *m_runs = nullptr;
    RequestReplays *m_replays = nullptr;
    ShownRuns m_simulated;
    QString m_source;
};

} // namespace LatencyLab::Ui
