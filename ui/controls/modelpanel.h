#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace LatencyLab::Ui {

class ScenarioEditor;

// Edits the scenario's primary server (Scenario::server): the model and the
// values that override its defaults — workers, threads per worker, the GIL,
// the machine's cores, and how cpu steps that share them are drawn (the
// switch interval, and whether to show each time slice).
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
    QDoubleSpinBox *switchIntervalBox() const { return m_switchInterval; }
    QCheckBox *slicesBox() const { return m_slices; }

private:
    void refresh();
    void chooseModel(int index);

    ScenarioEditor *m_editor;
    QComboBox *m_model;
    QSpinBox *m_workers;
    QSpinBox *m_threads;
    QCheckBox *m_gil;
    QSpinBox *m_cores;
    QDoubleSpinBox *m_switchInterval; // milliseconds
    QCheckBox *m_slices;
    QLabel *m_summary;
};

} // namespace LatencyLab::Ui
