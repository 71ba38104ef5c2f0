#pragma once

#include "window/windowactions.h"

#include <QObject>

class QMimeData;

namespace LatencyLab::Ui {

class AppSettings;
class ChartTabs;
class RunTabs;
class ScenarioDocument;
class TraceReplay;

// Traces in the window: File → Import Traces… (its dialog starts where
// scenarios were last opened, and remembers the folder), dropped trace and
// HAR files, and "Simulate these requests" (the action and the Imported
// tab's button), which opens the requests shown and turns to `compare`.
class TraceActions : public QObject
{
    Q_OBJECT

public:
    TraceActions(const WindowActions &actions, RunTabs *runs, ScenarioDocument *document, TraceReplay *replay, AppSettings *settings,
                 ChartTabs *tabs, QWidget *compare, QWidget *window);

    void importTraces(const QString &path);
    bool simulate();
    // Whether a drag carries a file this window takes: a scenario or traces.
    static bool accepts(const QMimeData *mime);
    // Opens a dropped scenario, or imports dropped traces: a JSON file that
    // is no scenario is read as traces, and if it is neither the message
    // says both. False if the drag carries neither kind of file.
    bool drop(const QMimeData *mime);

private:
    void importWithDialog();

    RunTabs *m_runs;
    ScenarioDocument *m_document;
    TraceReplay *m_replay;
    AppSettings *m_settings;
    ChartTabs *m_tabs;
    QWidget *m_compare;
    QWidget *m_window;
};

} // namespace LatencyLab::Ui
