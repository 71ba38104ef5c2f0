#pragma once

#include "charts/ganttchart.h"

#include "base/jobtracker.h"
#include "base/result.h"
#include "traces/importedtraces.h"

#include <QFuture>
#include <QObject>

#include <QCoroTask>

class QComboBox;

namespace LatencyLab::Ui {

class BusyIndicator;
class GanttView;
class LoadView;

// Imports a trace or HAR file into the window: reads it on a worker thread
// (TraceImport::load; the window stays responsive, `busy` shows it), then
// shows the measured requests as the Recorded tabs show a recording: their
// rows on the Gantt chart, named "service: endpoint", and their answers on
// the load view. `filter` lists All and every endpoint; the one chosen
// limits the rows. A file with no usable trace leaves what was shown.
class TraceImportSession : public QObject
{
    Q_OBJECT

public:
    TraceImportSession(GanttView *gantt, LoadView *load, QComboBox *filter, BusyIndicator *busy, QObject *parent = nullptr);
    // The worker reports to this object: it must not outlive it.
    ~TraceImportSession() override;

    // Starts importing `path` (an import in progress is dropped unseen).
    // `notScenario`, when given, says why the file did not open as a
    // scenario (a drop), so a failure can name both readings.
    void start(const QString &path, const QString &notScenario = {});
    void cancel();
    bool isRunning() const { return m_jobs.isRunning(); }
    // The last successful import, all of it, and the part the filter shows.
    const Core::ImportedTraces &traces() const { return m_traces; }
    Core::ImportedTraces shownTraces() const;
    const GanttChart &chart() const { return m_chart; }
    // What is shown: "otlp-shop.json", or "otlp-shop.json, shop: GET /orders" when filtered.
    QString shownName() const;
    // Where the rows shown come from: "Imported: otlp-shop.json".
    QString source() const;

Q_SIGNALS:
    // The summary or the failure, for the status bar.
    void reported(const QString &message, bool isError);
    // What the user must read: traces that could not be mapped, or a file with none usable.
    void errorOccurred(const QString &title, const QString &message);
    // An import or the filter changed chart().
    void importChanged();
    void runningChanged(bool running);

private:
    QCoro::Task<> importFile(QString path, QString notScenario);
    void accept(const QString &path, Core::ImportedTraces traces);
    void fillFilter();
    void show();

    GanttView *m_gantt;
    LoadView *m_load;
    QComboBox *m_filter;
    BusyIndicator *m_busy;
    Core::JobTracker m_jobs;
    QFuture<Core::Result<Core::ImportedTraces>> m_running; // waited for on destruction
    Core::ImportedTraces m_traces;
    QString m_fileName;
    GanttChart m_chart;
};

// The lines of a message box about traces that could not be mapped: the
// first `shown` problems, then how many more there were.
QString listProblems(const QStringList &problems, qsizetype shown);

} // namespace LatencyLab::Ui
