#pragma once

#include "base/result.h"
#include "model/scenario.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace LatencyLab::Ui {

class DistributionEditor;
class ScenarioEditor;
class ValueField;

// The scenario's fields that no slider covers, as a form: its name and
// description; a pipeline's seed and the mode shown first; a request
// scenario's client kind (open or closed) and open timeout, its requests'
// names, and a generator's seed, arrival process and each step's kind and
// distribution. Every edit is one undo step, checked as the scenario file
// would check it: a refused one shows the file's message.
class ScenarioProperties : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioProperties(ScenarioEditor *editor, QWidget *parent = nullptr);

    // The file's message for the last refused edit; hidden after an accepted one.
    QLabel *messageLabel() const { return m_message; }

private:
    // What decides which rows the form has: they are made again when it changes.
    struct Shape
    {
        bool pipeline = false;
        Core::ClientModel::Kind client = Core::ClientModel::Kind::Open;
        bool generator = false;
        Core::ArrivalProcess::Kind arrival = Core::ArrivalProcess::Kind::Poisson;
        qsizetype steps = 0;
        qsizetype requests = 0;

        friend bool operator==(const Shape &, const Shape &) = default;
    };
    static Shape shapeOf(const Core::Scenario &scenario);

    void onScenarioChanged();
    void rebuild();
    void addPipelineRows();
    void addClientRows();
    void addArrivalRows();
    void addGeneratorStepRows();
    void addRequestNameRows();
    void refresh();
    QLineEdit *lineEdit(const QString &objectName, std::function<void(const QString &)> commit);
    ValueField *secondsField(const QString &objectName, std::function<void(double)> commit);
    void apply(const QString &text, const QString &key, const Core::Result<Core::Scenario> &checked);
    void applyEdited(const QString &text, const QString &key, const Core::Scenario &edited);
    void editSeed(const QString &typed);
    void editClientKind(Core::ClientModel::Kind kind);
    void editArrivalKind(Core::ArrivalProcess::Kind kind);

    ScenarioEditor *m_editor;
    Shape m_shape;
    QWidget *m_rows = nullptr; // made again with the shape
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QLineEdit *m_seed = nullptr;
    QComboBox *m_firstMode = nullptr;
    QComboBox *m_clientKind = nullptr;
    ValueField *m_openTimeout = nullptr;
    QComboBox *m_arrivalKind = nullptr;
    ValueField *m_arrivalFirst = nullptr;
    ValueField *m_arrivalSecond = nullptr;
    QList<QComboBox *> m_stepKinds;
    QList<DistributionEditor *> m_stepDurations;
    QList<QLineEdit *> m_requestNames;
    QLabel *m_message;
};

} // namespace LatencyLab::Ui
