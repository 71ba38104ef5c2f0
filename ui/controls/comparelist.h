#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QToolButton;

namespace LatencyLab::Ui {

class ModelPanel;
class ScenarioEditor;

// "Compare with": the models the Compare tab shows beside the server model
// (ModelEdits::comparedModels), with Add (a preset on the server's machine)
// and Remove, and a model panel for the selected one. Every change is an
// undoable edit of the scenario, within the file's limits (at most
// Limits::kMaxCompare models, and the model panel's ranges).
class CompareList : public QWidget
{
    Q_OBJECT

public:
    explicit CompareList(ScenarioEditor *editor, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QToolButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    // Edits the selected model; hidden while none is selected.
    ModelPanel *selectedPanel() const { return m_panel; }

    // What the Add menu's entries and the Remove button do.
    void addModel(const QString &name);
    void removeSelected();

private:
    void refresh();
    void selectionChanged();

    ScenarioEditor *m_editor;
    QLabel *m_caption;
    QListWidget *m_list;
    QToolButton *m_add;
    QPushButton *m_remove;
    QWidget *m_selected;
    QLabel *m_selectedTitle;
    ModelPanel *m_panel;
};

} // namespace LatencyLab::Ui
