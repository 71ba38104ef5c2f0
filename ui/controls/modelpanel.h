#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace LatencyLab::Ui {

class ScenarioEditor;

// Edits the scenario's primary server (Scenario::server): the model and the
// values that override its defaults — workers, threads per worker, the GIL
// and the machine's cores.
class ModelPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ModelPanel(ScenarioEditor *editor, QWidget *parent = nullptr);

    QComboBox *modelBox() const { return m_model; }
    QSpinBox *workersBox() const { return m_workers; }
    QSpinBox *threadsBox() const { return m_threads; }
    QCheckBox *gilBox() const { return m_gil; }
    QSpinBox *coresBox() const { return m_cores; }

private:
    void refresh();
    void chooseModel(int index);

    ScenarioEditor *m_editor;
    QComboBox *m_model;
    QSpinBox *m_workers;
    QSpinBox *m_threads;
    QCheckBox *m_gil;
    QSpinBox *m_cores;
    QLabel *m_summary;
};

} // namespace LatencyLab::Ui
