#pragma once

#include "window/recentfiles.h"
#include "window/unsavedchanges.h"

#include "model/scenario.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class QWidget;

namespace LatencyLab::Ui {

class AppSettings;
class Autosave;
class RecentFilesMenu;
class ScenarioEditor;

// The current scenario as a document: the preset or file it came from, Open,
// Save and Save As, the recent files, the scenario open at the last close,
// and the autosave of unsaved edits with their restore after a crash.
// Replacing an edited scenario asks first. Dialogs are window-modal over `window`.
class ScenarioDocument : public QObject
{
    Q_OBJECT

public:
    // How the user is asked whether to restore autosaved edits.
    using RestorePrompt = std::function<bool(const QString &name, const QDateTime &savedAt)>;

    ScenarioDocument(ScenarioEditor *editor, AppSettings *settings, RecentFilesMenu *recentMenu, QWidget *window);

    QString filePath() const { return m_filePath; } // where Save writes; empty for a preset
    QString presetName() const { return m_presetName; } // the preset shown; empty for a file
    // Where Open and Save As start: the folder a scenario was last opened
    // from or saved to, else the current file's, else Documents (or home).
    QString dialogFolder() const;
    const RecentFiles &recentFiles() const { return m_recent; }
    Autosave *autosave() const { return m_autosave; }
    void setUnsavedChangesPrompt(UnsavedChangesPrompt prompt) { m_askAboutUnsaved = std::move(prompt); }
    void setRestorePrompt(RestorePrompt prompt) { m_askToRestore = std::move(prompt); }

    void showPreset(const QString &name, const Core::Scenario &scenario);
    void showFile(const QString &path, const Core::Scenario &scenario);
    // A scenario made in the window (from imported traces): neither a preset nor a file, so Save asks where.
    void showUntitled(const Core::Scenario &scenario) { show({}, {}, scenario); }
    // The preset chosen by the user, once any unsaved edits are dealt with:
    // false if the user kept the current scenario.
    bool choosePreset(const QString &name);
    // The scenario open when the window last closed; false if there is none or it cannot be loaded any more.
    bool showLastScenario();
    // Remembers the scenario shown, for showLastScenario() at the next launch.
    void rememberLastScenario();
    // After a crash, offers the unsaved edits back: true if they were restored.
    bool offerRestore();

    // Without dialogs: false, with the error reported, on failure.
    bool openFile(const QString &path);
    bool saveFile(const QString &path);
    // With dialogs.
    void open();
    bool save();
    bool saveAs();
    void openInteractively(const QString &path);

    // Whether the current scenario may be replaced: asks about unsaved edits.
    bool mayReplaceScenario();

Q_SIGNALS:
    // Where the scenario comes from changed (filePath(), presetName()).
    void originChanged();
    // Another scenario was loaded into the editor.
    void scenarioShown();
    void saved(const QString &path);
    void errorOccurred(const QString &title, const QString &message);

private:
    void show(const QString &presetName, const QString &filePath, const Core::Scenario &scenario);
    void openRecent(const QString &path);
    // A file opened or saved: first in the recent files, its folder where the next dialog starts.
    void rememberFile(const QString &path);
    void clearRecentFiles();
    // Shows m_recent in the menu and writes it to the settings.
    void storeRecentFiles();
    void updateAutosave();

    ScenarioEditor *m_editor;
    AppSettings *m_settings;
    RecentFilesMenu *m_recentMenu;
    QWidget *m_window;
    QString m_filePath;
    QString m_presetName;
    RecentFiles m_recent;
    Autosave *m_autosave;
    UnsavedChangesPrompt m_askAboutUnsaved;
    RestorePrompt m_askToRestore;
};

} // namespace LatencyLab::Ui
