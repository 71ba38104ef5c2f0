#pragma once

#include "base/result.h"
#include "model/scenario.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class QWidget;

namespace LatencyLab::Ui {

// Where a window's unsaved edits came from, so a restore can put them back
// on top of it (a preset by name, or a file).
struct AutosaveOrigin
{
    QString preset;
    QString filePath;

    friend bool operator==(const AutosaveOrigin &, const AutosaveOrigin &) = default;
};

// What a window that did not close cleanly left behind.
struct AutosaveLeftover
{
    qint64 pid = 0;
    QString markerPath;
    QString scenarioPath; // empty when the window had no unsaved edits
    AutosaveOrigin origin;
    QDateTime savedAt;
};

// What to do with a leftover at launch: the decision alone, apart from any
// dialog and any file, so that it is tested on its own.
enum class LeftoverAction {
    Keep,   // its window is still running: the files are that window's own
    Remove, // nothing to restore (clean marker, unreadable scenario)
    Offer,  // a crashed window's unsaved edits: ask whether to restore them
};
LeftoverAction leftoverAction(bool ownerRunning, bool hasReadableScenario);

// "Restore the unsaved edits?", window-modal over `parent`: true for Restore.
bool askToRestore(QWidget *parent, const QString &name, const QDateTime &savedAt);

// Keeps the edited, unsaved scenario on disk, so that a crash loses at most
// the last seconds of edits. Each window owns two files in `folder`, named by
// its process id: `session-PID.json`, a marker written at start and removed
// when the window goes away normally (so after a crash it is still there),
// and `session-PID.latency.json`, the scenario, written atomically
// (QSaveFile) kDelayMs after the last of a burst of edits and removed when
// the edits are saved or discarded.
class Autosave : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDelayMs = 2000;

    // `pid` names the files; it is this process's own except in tests.
    explicit Autosave(const QString &folder, qint64 pid = -1, QObject *parent = nullptr);
    // A normal end: removes this window's files.
    ~Autosave() override;

    // `autosave/` beside the settings file (~/.config/LatencyLab/autosave).
    static QString defaultFolder();
    QString folder() const { return m_folder; }
    QString markerPath() const;
    QString scenarioPath() const;

    // The scenario differs from what was loaded or saved: written once edits pause for kDelayMs.
    void scheduleSave(const Core::Scenario &scenario, const AutosaveOrigin &origin);
    bool isSavePending() const { return m_savePending; }
    // Writes a pending save at once.
    Core::Status flush();
    // The edits were saved or discarded: nothing is left to restore.
    void clear();

    // Leftovers of other windows in the folder, newest first, with the
    // decision for each; Remove ones are removed on the way.
    QList<AutosaveLeftover> leftoversToOffer() const;
    // Reads a leftover's scenario (the message names the file when it cannot).
    static Core::Result<Core::Scenario> loadLeftover(const AutosaveLeftover &leftover);
    // Deletes a leftover's files once it was restored or declined.
    static void removeLeftover(const AutosaveLeftover &leftover);

Q_SIGNALS:
    // A write failed (a full disk, a folder that went away): the message names the file.
    void failed(const QString &message);

private:
    Core::Status writeMarker(const QDateTime &savedAt);
    static bool isRunning(qint64 pid);

    QString m_folder;
    qint64 m_pid;
    QTimer m_timer;
    Core::Scenario m_pending;
    AutosaveOrigin m_origin;
    bool m_savePending = false;
    bool m_hasScenario = false; // the scenario file is ours and current
};

} // namespace LatencyLab::Ui
