#pragma once

#include <QScrollArea>

class QComboBox;
class QGroupBox;
class QLabel;
class QToolButton;

namespace LatencyLab::Core {
struct Scenario;
}

namespace LatencyLab::Ui {

class ClientSliders;
class GeneratorSliders;
class ModelPanel;
class PipelineSliders;
class RequestSliders;
class ScenarioEditor;
class ScenarioProperties;

// The window's left side: the preset (or file) chooser with the scenario's
// description, the server model, and the sliders that apply to the scenario
// (client, generated requests, hand-written requests, producers and
// consumers), and below them, folded, the scenario's other properties — all
// editing through `editor`.
class ScenarioControls : public QScrollArea
{
    Q_OBJECT

public:
    explicit ScenarioControls(ScenarioEditor *editor, QWidget *parent = nullptr);

    // The chooser shows the preset, or the file as an entry of its own.
    void showOrigin(const QString &presetName, const QString &filePath);
    // Shows the description and the groups that apply to `scenario`.
    void showScenario(const Core::Scenario &scenario);

    ModelPanel *modelPanel() const { return m_modelPanel; }
    RequestSliders *requestSliders() const { return m_requestSliders; }
    GeneratorSliders *generatorSliders() const { return m_generatorSliders; }
    ClientSliders *clientSliders() const { return m_clientSliders; }
    PipelineSliders *pipelineSliders() const { return m_pipelineSliders; }
    ScenarioProperties *properties() const { return m_properties; }
    // Unfolds (or folds) the properties.
    QToolButton *propertiesToggle() const { return m_propertiesToggle; }

Q_SIGNALS:
    // The user chose a preset in the chooser.
    void presetChosen(const QString &name);

private:
    void showRequestGroupTitle(const Core::Scenario &scenario);

    QComboBox *m_presets;
    QLabel *m_description;
    ModelPanel *m_modelPanel;
    QGroupBox *m_modelGroup;
    QGroupBox *m_requestGroup;
    RequestSliders *m_requestSliders;
    QLabel *m_tooManyRequests;
    QGroupBox *m_generatorGroup;
    GeneratorSliders *m_generatorSliders;
    QGroupBox *m_clientGroup;
    ClientSliders *m_clientSliders;
    QGroupBox *m_pipelineGroup;
    PipelineSliders *m_pipelineSliders;
    QToolButton *m_propertiesToggle;
    ScenarioProperties *m_properties;
};

} // namespace LatencyLab::Ui
