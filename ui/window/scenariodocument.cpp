#include "window/scenariodocument.h"

#include "window/appsettings.h"
#include "window/autosave.h"
#include "window/recentfilesmenu.h"
#include "window/scenariofiles.h"

#include "controls/scenarioeditor.h"

#include "model/presets.h"
#include "model/scenariojson.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

namespace LatencyLab::Ui {

ScenarioDocument::ScenarioDocument(ScenarioEditor *editor, AppSettings *settings, RecentFilesMenu *recentMenu, QWidget *window)
    : QObject(window)
    , m_editor(editor)
    , m_settings(settings)
    , m_recentMenu(recentMenu)
    , m_window(window)
    , m_recent(settings->recentFiles())
    , m_autosave(new Autosave(Autosave::defaultFolder(), -1, this))
    , m_askAboutUnsaved([window](const QString &name) { return askWithMessageBox(window, name); })
    , m_askToRestore([window](const QString &name, const QDateTime &savedAt) { return askToRestore(window, name, savedAt); })
{
    m_recentMenu->setFiles(m_recent);
    connect(m_recentMenu, &RecentFilesMenu::fileChosen, this, &ScenarioDocument::openRecent);
    connect(m_recentMenu, &RecentFilesMenu::clearRequested, this, &ScenarioDocument::clearRecentFiles);
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, &ScenarioDocument::updateAutosave);
    // An edit is reported before the editor counts itself modified: both signals matter.
    connect(m_editor, &ScenarioEditor::modifiedChanged, this, &ScenarioDocument::updateAutosave);
}

void ScenarioDocument::showPreset(const QString &name, const Core::Scenario &scenario)
{
    show(name, {}, scenario);
}

void ScenarioDocument::showFile(const QString &path, const Core::Scenario &scenario)
{
    rememberFile(path);
    show({}, path, scenario);
}

void ScenarioDocument::show(const QString &presetName, const QString &filePath, const Core::Scenario &scenario)
{
    m_presetName = presetName;
    m_filePath = filePath;
    Q_EMIT originChanged();
    m_editor->load(scenario);
    Q_EMIT scenarioShown();
}

bool ScenarioDocument::choosePreset(const QString &name)
{
    if (!mayReplaceScenario())
        return false;
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(name);
    if (!scenario)
        Q_EMIT errorOccurred(tr("Cannot Load the Preset"), scenario.error());
    else
        showPreset(name, *scenario);
    return true;
}

bool ScenarioDocument::showLastScenario()
{
    const std::optional<LastScenario> last = m_settings->lastScenario();
    if (!last)
        return false;
    if (!last->filePath.isEmpty()) {
        const Core::Result<Core::Scenario> scenario = Core::ScenarioJson::load(last->filePath);
        if (!scenario)
            return false; // moved or deleted since: the caller shows the default preset
        showFile(last->filePath, *scenario);
        return true;
    }
    Core::Result<Core::Scenario> scenario = Core::Presets::load(last->preset);
    if (!scenario)
        return false;
    if (last->server && last->server->resolve())
        scenario->server = *last->server;
    showPreset(last->preset, *scenario);
    return true;
}

void ScenarioDocument::rememberLastScenario()
{
    LastScenario last;
    last.preset = m_presetName;
    last.filePath = m_filePath;
    if (!m_presetName.isEmpty())
        last.server = m_editor->scenario().server; // a file keeps its own model
    m_settings->setLastScenario(last);
}

bool ScenarioDocument::offerRestore()
{
    // The newest stands first; any older one (several windows crashed) is offered at a later launch.
    const QList<AutosaveLeftover> leftovers = m_autosave->leftoversToOffer();
    if (leftovers.isEmpty())
        return false;
    const AutosaveLeftover &leftover = leftovers.first();
    const Core::Result<Core::Scenario> restored = Autosave::loadLeftover(leftover);
    const bool restore = restored && m_askToRestore(restored->name, leftover.savedAt);
    Autosave::removeLeftover(leftover);
    if (!restore)
        return false;
    // What the edits were made to, then the edits as one undoable step: shown as unsaved, as they were.
    const AutosaveOrigin &origin = leftover.origin;
    const Core::Result<Core::Scenario> file = origin.filePath.isEmpty() ? Core::Error{} : Core::ScenarioJson::load(origin.filePath);
    const QString preset = Core::Presets::names().contains(origin.preset) ? origin.preset : QString(Core::kDefaultPreset);
    if (file)
        showFile(origin.filePath, *file);
    else
        showPreset(preset, *Core::Presets::load(preset)); // a file gone since: Save asks where
    m_editor->edit(tr("Restore Unsaved Edits"), *restored);
    return true;
}

bool ScenarioDocument::openFile(const QString &path)
{
    const Core::Result<Core::Scenario> scenario = Core::ScenarioJson::load(path);
    if (!scenario) {
        Q_EMIT errorOccurred(tr("Cannot Open the Scenario"), scenario.error());
        return false;
    }
    showFile(path, *scenario);
    return true;
}

bool ScenarioDocument::saveFile(const QString &path)
{
    const Core::Status written = Core::ScenarioJson::save(m_editor->scenario(), path);
    if (!written) {
        Q_EMIT errorOccurred(tr("Cannot Save the Scenario"), written.error());
        return false;
    }
    m_filePath = path;
    m_editor->markSaved();
    m_autosave->clear();
    Q_EMIT originChanged();
    rememberFile(path);
    Q_EMIT saved(path);
    return true;
}

void ScenarioDocument::open()
{
    if (!mayReplaceScenario())
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Scenario"), dialogFolder(),
                                                      tr("LatencyLab scenarios (*.latency.json *.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool ScenarioDocument::save()
{
    return m_filePath.isEmpty() ? saveAs() : saveFile(m_filePath);
}

bool ScenarioDocument::saveAs()
{
    const QString name = m_filePath.isEmpty() ? slugOf(m_editor->scenario().name) + kScenarioSuffix : QFileInfo(m_filePath).fileName();
    const QString suggested = QDir(dialogFolder()).filePath(name);
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save Scenario"), suggested,
                                                      tr("LatencyLab scenarios (*.latency.json);;JSON files (*.json)"));
    return !path.isEmpty() && saveFile(path);
}

void ScenarioDocument::openInteractively(const QString &path)
{
    if (mayReplaceScenario())
        openFile(path);
}

bool ScenarioDocument::mayReplaceScenario()
{
    return mayDiscardChanges(m_editor->isModified(), m_editor->scenario().name, m_askAboutUnsaved, [this] { return save(); });
}

void ScenarioDocument::openRecent(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        // Gone since: say so, and stop offering it.
        m_recent.remove(path);
        storeRecentFiles();
        Q_EMIT errorOccurred(tr("Cannot Open the Scenario"), tr("%1 no longer exists.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    openInteractively(path);
}

QString ScenarioDocument::dialogFolder() const
{
    const QString current = m_filePath.isEmpty() ? QString() : QFileInfo(m_filePath).absolutePath();
    return startFolder({m_settings->lastFolder(FolderUse::Scenarios), current}, QStandardPaths::DocumentsLocation);
}

void ScenarioDocument::rememberFile(const QString &path)
{
    m_recent.add(path);
    storeRecentFiles();
    m_settings->setLastFolder(FolderUse::Scenarios, QFileInfo(path).absolutePath());
}

void ScenarioDocument::clearRecentFiles()
{
    m_recent.clear();
    storeRecentFiles();
}

void ScenarioDocument::storeRecentFiles()
{
    m_recentMenu->setFiles(m_recent);
    m_settings->setRecentFiles(m_recent.paths());
}

void ScenarioDocument::updateAutosave()
{
    if (m_editor->isModified())
        m_autosave->scheduleSave(m_editor->scenario(), {m_presetName, m_filePath});
    else
        m_autosave->clear();
}

} // namespace LatencyLab::Ui
