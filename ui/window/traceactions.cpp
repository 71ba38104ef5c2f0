#include "window/traceactions.h"

#include "window/appsettings.h"
#include "window/charttabs.h"
#include "window/runtabs.h"
#include "window/scenariodocument.h"
#include "window/scenariodrop.h"
#include "window/tracereplay.h"

#include "run/importedtracespanel.h"
#include "run/traceimportsession.h"

#include "model/scenariojson.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>

namespace LatencyLab::Ui {

TraceActions::TraceActions(const WindowActions &actions, RunTabs *runs, ScenarioDocument *document, TraceReplay *replay,
                           AppSettings *settings, ChartTabs *tabs, QWidget *compare, QWidget *window)
    : QObject(window)
    , m_runs(runs)
    , m_document(document)
    , m_replay(replay)
    , m_settings(settings)
    , m_tabs(tabs)
    , m_compare(compare)
    , m_window(window)
{
    connect(actions.importTraces, &QAction::triggered, this, &TraceActions::importWithDialog);
    connect(actions.simulateTraces, &QAction::triggered, this, &TraceActions::simulate);
    connect(m_runs->importedPanel()->simulateButton(), &QPushButton::clicked, this, &TraceActions::simulate);
    QAction *simulateAction = actions.simulateTraces;
    connect(m_runs->traceImport(), &TraceImportSession::importChanged, simulateAction, [simulateAction] { simulateAction->setEnabled(true); });
}

void TraceActions::importWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Traces"), m_document->dialogFolder(),
                                                      tr("Traces and HAR files (*.json *.har);;All files (*)"));
    if (!path.isEmpty())
        importTraces(path);
}

void TraceActions::importTraces(const QString &path)
{
    m_settings->setLastFolder(FolderUse::Scenarios, QFileInfo(path).absolutePath());
    m_runs->importTraces(path);
}

bool TraceActions::simulate()
{
    const TraceImportSession *imported = m_runs->traceImport();
    if (!m_replay->simulate(imported->shownTraces(), imported->shownName()))
        return false;
    m_tabs->setCurrentWidget(m_compare);
    return true;
}

bool TraceActions::accepts(const QMimeData *mime)
{
    return !scenarioFileIn(mime).isEmpty() || !harFileIn(mime).isEmpty();
}

bool TraceActions::drop(const QMimeData *mime)
{
    if (const QString har = harFileIn(mime); !har.isEmpty()) {
        m_runs->importTraces(har);
        return true;
    }
    const QString path = scenarioFileIn(mime);
    if (path.isEmpty())
        return false;
    if (const Core::Result<Core::Scenario> scenario = Core::ScenarioJson::load(path); !scenario)
        m_runs->importTraces(path, scenario.error());
    else if (m_document->mayReplaceScenario())
        m_document->showFile(path, *scenario);
    return true;
}

} // namespace LatencyLab::Ui
