#pragma once

#include "explore/sweepspec.h"
#include "model/scenario.h"

#include <QWidget>

class QComboBox;
class QPushButton;

namespace LatencyLab::Ui {

class ExploreAxisEditor;

// The form above the Explore chart: the swept parameter and its range, an
// optional second one (which makes the sweep a crossover map), the metric
// the models are compared by, and Run.
class ExploreForm : public QWidget
{
    Q_OBJECT

public:
    explicit ExploreForm(QWidget *parent = nullptr);

    // Fills in the defaults for a newly loaded scenario (sweepdefaults.h).
    void setScenario(const Core::Scenario &scenario);
    Core::SweepSpec spec() const;
    void setSpec(const Core::SweepSpec &spec);
    QPushButton *runButton() const { return m_run; }
    ExploreAxisEditor *firstAxis() const { return m_first; }
    ExploreAxisEditor *secondAxis() const { return m_second; }

Q_SIGNALS:
    void runRequested();

private:
    Core::Scenario m_scenario; // what the defaults come from
    ExploreAxisEditor *m_first;
    ExploreAxisEditor *m_second;
    QComboBox *m_metric;
    QPushButton *m_run;
};

} // namespace LatencyLab::Ui
