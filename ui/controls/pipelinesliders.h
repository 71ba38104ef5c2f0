#pragma once

#include "model/pipelinespec.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;

namespace LatencyLab::Core {
struct Scenario;
}

namespace LatencyLab::Ui {

class DistributionEditor;
class ScenarioEditor;
class ValueSlider;

// Sliders for a producer/consumer pipeline: producers, items per producer,
// the pause after each item (low–high), consumers, the processing time and
// the queue's capacity, then the pause's and processing's distributions and
// whether processing holds the loop. They edit the values both modes share,
// or — chosen above them — one mode's own values (the file's "modes"). Every
// edit is checked as the scenario file would check it; a refused one leaves
// the scenario as it was and shows the file's message.
class PipelineSliders : public QWidget
{
    Q_OBJECT

public:
    // Whose values the sliders edit: the pipeline's own, or one mode's overrides of them.
    enum class Scope : quint8 { BothModes, SyncMode, AsyncMode };

    explicit PipelineSliders(ScenarioEditor *editor, QWidget *parent = nullptr);

    static bool appliesTo(const Core::Scenario &scenario);

    void setScope(Scope scope);
    Scope scope() const { return m_scope; }

    QComboBox *scopeBox() const { return m_scopeBox; }
    ValueSlider *producersSlider() const { return m_producers; }
    ValueSlider *itemsSlider() const { return m_items; }
    ValueSlider *pauseLowSlider() const { return m_pauseLow; }
    ValueSlider *pauseHighSlider() const { return m_pauseHigh; }
    ValueSlider *consumersSlider() const { return m_consumers; }
    ValueSlider *processingSlider() const { return m_processing; }
    ValueSlider *queueSlider() const { return m_queue; }
    DistributionEditor *pauseEditor() const { return m_pauseDistribution; }
    DistributionEditor *processingEditor() const { return m_processingDistribution; }
    QComboBox *processingKindBox() const { return m_processingKind; }
    QPushButton *resetModeButton() const { return m_resetMode; }
    // The file's message for the last refused edit; hidden after an accepted one.
    QLabel *messageLabel() const { return m_message; }
    // Under "Both modes": which values a mode keeps of its own (the sliders show the shared ones).
    QLabel *ownValuesLabel() const { return m_ownValues; }

private:
    using Change = std::function<void(Core::PipelineOverrides &)>;

    ValueSlider *countSlider(const QString &name, int max, const QString &one, const QString &many);
    ValueSlider *secondsSlider(const QString &name);
    void connectSlider(ValueSlider *slider, const QString &key, std::function<Change(double)> change, std::function<QString(double)> describe);
    // The values shown: the pipeline's own, or as the chosen mode runs.
    Core::PipelineSpec shownValues() const;
    std::optional<Core::PipelineSpec::Mode> scopeMode() const;
    void edit(const QString &text, const QString &key, const Change &change);
    void resetMode();
    void refresh();

    ScenarioEditor *m_editor;
    Scope m_scope = Scope::BothModes;
    QComboBox *m_scopeBox;
    QPushButton *m_resetMode;
    ValueSlider *m_producers;
    ValueSlider *m_items;
    ValueSlider *m_pauseLow;
    ValueSlider *m_pauseHigh;
    ValueSlider *m_consumers;
    ValueSlider *m_processing;
    ValueSlider *m_queue;
    DistributionEditor *m_pauseDistribution;
    DistributionEditor *m_processingDistribution;
    QComboBox *m_processingKind;
    QLabel *m_message;
    QLabel *m_ownValues;
};

} // namespace LatencyLab::Ui
