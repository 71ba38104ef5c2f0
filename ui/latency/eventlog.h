#pragma once

#include "latency/eventlogmodel.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;

namespace LatencyLab::Ui {

// The event log panel: what the producers generated and the consumers took,
// one line each, coloured as the producer/consumer example prints them, with filters (kind,
// producer, mode, text). It follows the replay: lines not yet reached are
// dimmed and the view scrolls to the cursor. Selecting a line reports its
// event, so the plot's cursor can move there. Live items are added in
// batches, at most about 30 times a second.
class EventLog : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kFlushMs = 34;
    static constexpr int kTextFilterDelayMs = 150; // typing refilters once it pauses

    explicit EventLog(QWidget *parent = nullptr);

    EventLogModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    QCheckBox *generatedBox() const { return m_generated; }
    QCheckBox *processedBox() const { return m_processed; }
    QComboBox *producerBox() const { return m_producer; }
    QComboBox *modeBox() const { return m_mode; }
    QLineEdit *textFilter() const { return m_text; }
    QLabel *countLabel() const { return m_count; }

    void setRuns(const QList<Core::PipelineRun> &runs);
    void beginLive();
    // Follows the replay: dims what comes after `cursor` and scrolls to it.
    void setCursor(Core::Nanos cursor);
    // Applies the filter widgets now instead of after the typing delay.
    void applyFilterNow();
    void flushLiveItems();

public Q_SLOTS:
    // Live lines, from a real run's itemProduced and itemTaken.
    void addGenerated(LatencyLab::Core::PipelineSpec::Mode mode, const LatencyLab::Core::PipelineItem &item);
    void addProcessed(LatencyLab::Core::PipelineSpec::Mode mode, const LatencyLab::Core::PipelineItem &item);

Q_SIGNALS:
    void eventSelected(const LatencyLab::Ui::LogEvent &event);

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleFilter();
    void updateChoices();
    void updateCount();
    void onSelectionChanged();
    void addLive(Core::PipelineSpec::Mode mode, const Core::PipelineEvent &event);
    void applyPalette();

    EventLogModel *m_model;
    QListView *m_view;
    QCheckBox *m_generated;
    QCheckBox *m_processed;
    QComboBox *m_producer;
    QComboBox *m_mode;
    QLineEdit *m_text;
    QLabel *m_count;
    QTimer m_filterDelay;
    QTimer m_flush;
    std::vector<Core::PipelineEvent> m_pending[2]; // by mode: sync, async
    bool m_followTail = false; // live: keep the newest line in view
};

} // namespace LatencyLab::Ui
