#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace LatencyLab::Core {
struct Scenario;
}

namespace LatencyLab::Ui {

class ScenarioEditor;
class StepsEditor;
class ValueSlider;

// The hand-written requests, one block each: its own duration (scaling its
// steps, keeping their cpu:io proportions), its arrival (open client), its
// steps, and a button to remove it; below them, a button to add one. Values
// can be typed as well as dragged.
class RequestSliders : public QWidget
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxRequests = 12; // beyond that, sliders stop being readable
    static constexpr double kMaxSeconds = 5.0;    // the sliders' end; typed values may go further

    explicit RequestSliders(ScenarioEditor *editor, QWidget *parent = nullptr);

    // Whether the scenario is small and hand-written enough for per-request sliders.
    static bool appliesTo(const Core::Scenario &scenario);

    ValueSlider *durationSlider(qsizetype request) const;
    ValueSlider *arrivalSlider(qsizetype request) const;
    StepsEditor *stepsEditor(qsizetype request) const;
    QToolButton *removeButton(qsizetype request) const;
    QPushButton *addButton() const { return m_add; }

private:
    struct Block
    {
        QWidget *widget = nullptr;
        QLabel *name = nullptr;
        QToolButton *remove = nullptr;
        ValueSlider *duration = nullptr;
        ValueSlider *arrival = nullptr; // null for a closed client: it decides when requests go
        StepsEditor *steps = nullptr;
        // The step proportions, remembered while the duration is above 0 so
        // that dragging back up from 0 s restores them.
        QList<double> shares;
    };

    void rebuild();
    void sync();
    void refresh();
    Block makeBlock(qsizetype request, bool open);
    void connectGesture(ValueSlider *slider);
    void editDuration(qsizetype request, double seconds);
    void editArrival(qsizetype request, double seconds);
    void addRequest();
    void removeRequest(qsizetype request);

    ScenarioEditor *m_editor;
    QVBoxLayout *m_blocksLayout;
    QPushButton *m_add;
    QList<Block> m_blocks;
    bool m_builtOpen = true; // the client the blocks were made for
};

} // namespace LatencyLab::Ui
