#pragma once

#include "model/stepkind.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;
class QVBoxLayout;

namespace LatencyLab::Core {
struct RequestSpec;
}

namespace LatencyLab::Ui {

class ScenarioEditor;
class ValueField;

// One hand-written request's steps, in order, folded under a "Steps" button
// that names them: each row sets a step's kind (cpu or io) and duration,
// moves it up or down, splits it in two or removes it; buttons below add a
// cpu or an io step. Every change is one undo step of `editor`.
class StepsEditor : public QWidget
{
    Q_OBJECT

public:
    // Rows beyond this stop being readable in the side panel; a file holds more.
    static constexpr qsizetype kMaxSteps = 20;
    // What Up/Down in a step's field adds or takes away.
    static constexpr double kStepSeconds = 0.01;

    StepsEditor(ScenarioEditor *editor, qsizetype request, QWidget *parent = nullptr);

    // Shows the request's steps as they are in the editor's scenario.
    void refresh();
    void setExpanded(bool expanded);
    bool isExpanded() const;

private:
    struct Row
    {
        QWidget *widget = nullptr;
        QLabel *number = nullptr;
        QComboBox *kind = nullptr;
        ValueField *duration = nullptr;
        QToolButton *up = nullptr;
        QToolButton *down = nullptr;
        QToolButton *split = nullptr;
        QToolButton *remove = nullptr;
    };

    const Core::RequestSpec *request() const;
    QString requestName() const;
    Row makeRow(qsizetype step);
    void showRows(const Core::RequestSpec &request);
    void showRow(const Row &row, const Core::RequestSpec &request, qsizetype step);

    void addStep(Core::StepKind kind);
    void removeStep(qsizetype step);
    void moveStep(qsizetype step, qsizetype to);
    void splitStep(qsizetype step);
    void setKind(qsizetype step, Core::StepKind kind);
    void setDuration(qsizetype step, double seconds, const QString &mergeKey);

    ScenarioEditor *m_editor;
    qsizetype m_request;
    QToolButton *m_toggle;
    QWidget *m_body;
    QVBoxLayout *m_rowsLayout;
    QLabel *m_tooMany;
    QToolButton *m_addCpu;
    QToolButton *m_addIo;
    QList<Row> m_rows;
};

} // namespace LatencyLab::Ui
