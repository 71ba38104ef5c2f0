#pragma once

#include "base/units.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace LatencyLab::Ui {

// Plays a finished run back in time: a position between 0 and the run's
// duration that advances, while playing, at `speed` run-seconds per real
// second, about 30 times a second. The plot, the event log and the scrubber
// all follow positionChanged(); seeking pauses nothing, reaching the end does.
class ReplayController : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTickMs = 33;
    static constexpr double kSpeeds[] = {0.1, 0.25, 0.5, 1, 2, 5, 10, 30};
    static constexpr double kDefaultSpeed = 5;

    explicit ReplayController(QObject *parent = nullptr);

    // A new run to replay; the position goes to its end (everything shown) and playback stops.
    void setDuration(Core::Nanos duration);
    // The same run changed (a slider moved): a replay paused part way stays
    // at its moment when the new run lasts that long; otherwise as setDuration.
    void setDurationKeepingPosition(Core::Nanos duration);
    // The slowest of kSpeeds that plays `duration` within `wall` of real time.
    static double speedToPlayWithin(Core::Nanos duration, Core::Nanos wall);
    Core::Nanos duration() const { return m_duration; }
    Core::Nanos position() const { return m_position; }
    bool isAtEnd() const { return m_position >= m_duration; }
    bool isPlaying() const { return m_tick.isActive(); }
    double speed() const { return m_speed; }

    void setSpeed(double speed);
    // Clamped to [0, duration].
    void seek(Core::Nanos position);
    // From the start when at the end.
    void play();
    void pause();
    void togglePlaying();
    // Moves on by `wallElapsed` of real time at the current speed; the tick
    // calls it, tests call it directly.
    void advance(Core::Nanos wallElapsed);

Q_SIGNALS:
    void positionChanged(LatencyLab::Core::Nanos position);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void durationChanged(LatencyLab::Core::Nanos duration);

private:
    void tick();

    Core::Nanos m_duration = 0;
    Core::Nanos m_position = 0;
    double m_speed = kDefaultSpeed;
    QTimer m_tick;
    QElapsedTimer m_sinceTick;
};

} // namespace LatencyLab::Ui
