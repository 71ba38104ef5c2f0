#pragma once

#include "base/units.h"

#include <QList>
#include <QObject>

#include <optional>
#include <vector>

class QKeyEvent;
class QWidget;

namespace LatencyLab::Ui {

class GanttView;
class ReplayBar;
class ReplayController;

// Plays request charts as their requests happened, on one cursor for every
// section of every view it plays (the pipeline's ReplayController): at time
// t each view shows what had happened by t (GanttView::setReplayTime), so
// sync and async play side by side, and momentChanged tells whatever else
// shows the same runs (the tables, a Load view). The position is the time
// since the first arrival. New charts (a slider moved, a run measured) keep
// a paused replay's moment. Keys on the played views and on `otherViews`:
// Space plays or pauses; while a replay is under way (paused or playing
// before the end), ←/→ step to the previous/next event (an arrival or the
// end of a span) and Home/End go to the start and the end; otherwise the
// view's own keys (pan, fit) apply.
class RequestReplay : public QObject
{
    Q_OBJECT

public:
    // Past this many requests in a section a frame would cut too many timelines; the bar says so.
    static constexpr qint64 kMaxRequests = 50'000;
    // A new chart's replay is played at the slowest speed that fits it in this much real time.
    static constexpr Core::Nanos kComfortablePlayTime = 12 * Core::kNanosPerSecond;

    RequestReplay(QList<GanttView *> played, QList<QWidget *> otherViews, QObject *parent = nullptr);

    ReplayController *controller() const { return m_controller; }
    ReplayBar *bar() const { return m_bar; }
    // The views whose charts it plays, then the other views of the same runs.
    QList<QWidget *> views() const;
    // Whether a replay is under way: the charts show a moment before the end.
    bool isReplaying() const;
    // The moment shown; none: the whole run.
    std::optional<Core::Nanos> moment() const { return m_moment; }
    // Moves to the next (+1) or previous (−1) event; false when there is none.
    bool stepToEvent(int direction);

Q_SIGNALS:
    void momentChanged(std::optional<LatencyLab::Core::Nanos> time);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chartsShown();
    void positionChanged(Core::Nanos position);
    bool handleKey(const QKeyEvent *key);
    void listEvents();

    QList<GanttView *> m_played;
    QList<QWidget *> m_otherViews;
    ReplayController *m_controller;
    ReplayBar *m_bar;
    std::optional<Core::Nanos> m_moment;
    Core::Nanos m_start = 0;              // the first arrival: position 0
    std::vector<Core::Nanos> m_events;    // arrivals and span ends, since m_start, sorted, distinct
    bool m_eventsListed = false;          // m_events is of the charts shown
    bool m_speedChosen = false;           // the user picked a speed: new charts keep it
    bool m_settingSpeed = false;
};

} // namespace LatencyLab::Ui
