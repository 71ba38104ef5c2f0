#pragma once

#include <QWidget>

class QComboBox;
class QPushButton;

namespace LatencyLab::Ui {

class GanttView;

// The Imported tab: above the Gantt chart of the measured requests, the
// endpoint filter and "Simulate these requests".
class ImportedTracesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ImportedTracesPanel(GanttView *view, QWidget *parent = nullptr);

    GanttView *view() const { return m_view; }
    QComboBox *endpointFilter() const { return m_filter; }
    QPushButton *simulateButton() const { return m_simulate; }

private:
    GanttView *m_view;
    QComboBox *m_filter;
    QPushButton *m_simulate;
};

} // namespace LatencyLab::Ui
