#pragma once

class QSplitter;
class QWidget;

namespace LatencyLab::Ui {

class MetricsTable;
class RequestTable;

// The tables below the chart, added to `splitter`: the models' summary and,
// for small open scenarios, one row per request (hidden while it has none).
// Stacked rather than side by side, so that neither table needs a horizontal
// scroll bar. Returns the models' table with its caption.
QWidget *addResultTables(QSplitter *splitter, MetricsTable *metrics, RequestTable *requests);

} // namespace LatencyLab::Ui
