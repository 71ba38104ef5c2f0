#pragma once

#include "model/scenario.h"

#include <QElapsedTimer>
#include <QObject>

class QUndoStack;

namespace LatencyLab::Ui {

// The scenario the window shows and edits. Every edit (a slider, the model
// panel) goes through edit(), which pushes an undoable command; views and
// controls watch scenarioChanged() rather than each other. Edits of one
// control that follow each other closely — a slider drag, a held arrow key —
// merge into a single undo step.
class ScenarioEditor : public QObject
{
    Q_OBJECT

public:
    // Edits of the same control further apart than this start a new undo step.
    static constexpr int kMergeWindowMs = 800;

    explicit ScenarioEditor(QObject *parent = nullptr);
    ~ScenarioEditor() override;

    const Core::Scenario &scenario() const { return m_scenario; }
    QUndoStack *undoStack() const { return m_undo; }
    // Whether the scenario differs from what was loaded or last saved.
    bool isModified() const;

    // A new scenario (preset or file): forgets the undo history.
    void load(const Core::Scenario &scenario);
    // The scenario as it is now has been saved.
    void markSaved();

    // `key` names the control; an empty key never merges. Does nothing when
    // `edited` equals the current scenario.
    void edit(const QString &text, const Core::Scenario &edited, const QString &key = {});

    // A slider is held down: its edits merge however slow the drag is, until
    // endGesture() (released).
    void beginGesture();
    void endGesture();

Q_SIGNALS:
    // After load(), edit(), undo and redo.
    void scenarioChanged();
    // A new scenario was loaded: controls rebuild rather than update.
    void scenarioLoaded();
    void modifiedChanged(bool modified);

private:
    friend class ScenarioEditCommand;
    void apply(const Core::Scenario &scenario);

    Core::Scenario m_scenario;
    QUndoStack *m_undo;

    // What the next edit may merge with.
    QString m_lastKey;
    int m_indexAfterLastEdit = -1;
    bool m_gestureOpen = false;
    QElapsedTimer m_sinceLastEdit;
};

} // namespace LatencyLab::Ui
