#pragma once

#include "model/scenario.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace LatencyLab::Ui {

class ScenarioEditor;

// Edits one server of the scenario — the primary (Scenario::server, the
// Gantt's) or a compared model, by its place (ModelEdits): the model and the
// values that override its defaults — workers, threads per worker, the GIL,
// the machine's cores, and how cpu steps that share them are drawn (the
// switch interval, and whether to show each time slice).
//
// The model box names what is simulated (a sync server given 4 threads per
// worker shows "threads"). When choosing a model changes values the panel
// shows, or an edit renames the model, a notice under the summary says so
// until the next change.
class ModelPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ModelPanel(ScenarioEditor *editor, QWidget *parent = nullptr);

    // Which server the panel edits (ModelEdits::kPrimary, or a compared model's place).
    void setPlace(qsizetype place);
    qsizetype place() const { return m_place; }

    // What a model of that preset name is, for tool tips.
    static QString modelToolTip(const QString &name);

    QComboBox *modelBox() const { return m_model; }
    QSpinBox *workersBox() const { return m_workers; }
    QSpinBox *threadsBox() const { return m_threads; }
    QCheckBox *gilBox() const { return m_gil; }
    QSpinBox *coresBox() const { return m_cores; }
    QDoubleSpinBox *switchIntervalBox() const { return m_switchInterval; }
    QCheckBox *slicesBox() const { return m_slices; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *noticeLabel() const { return m_notice; }

private:
    void refresh();
    void chooseModel(int index);
    // One undoable edit of this panel's server; `key` merges a control's quick edits.
    void editServer(const QString &text, const QString &key, const std::function<void(Core::ServerSpec &)> &change);
    void edited(const QString &text, const Core::Scenario &scenario, const QString &key = {});
    void showNotice(const QString &text, const QString &key = {});

    ScenarioEditor *m_editor;
    qsizetype m_place = 0;
    QComboBox *m_model;
    QSpinBox *m_workers;
    QSpinBox *m_threads;
    QCheckBox *m_gil;
    QSpinBox *m_cores;
    QDoubleSpinBox *m_switchInterval; // milliseconds
    QCheckBox *m_slices;
    QLabel *m_summary;
    QLabel *m_notice;
    // The control whose edit is being applied, and the one whose edit the notice is about.
    bool m_editing = false;
    QString m_editingKey;
    QString m_noticeKey;
};

} // namespace LatencyLab::Ui
