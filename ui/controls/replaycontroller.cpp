#include "controls/replaycontroller.h"

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

ReplayController::ReplayController(QObject *parent)
    : QObject(parent)
{
    m_tick.setInterval(kTickMs);
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &ReplayController::tick);
}

void ReplayController::setDuration(Core::Nanos duration)
{
    pause();
    m_duration = std::max<Core::Nanos>(0, duration);
    m_position = m_duration;
    Q_EMIT durationChanged(m_duration);
    Q_EMIT positionChanged(m_position);
}

void ReplayController::setDurationKeepingPosition(Core::Nanos duration)
{
    if (isAtEnd() || isPlaying() || m_position > duration) {
        setDuration(duration);
        return;
    }
    m_duration = duration;
    Q_EMIT durationChanged(m_duration);
    Q_EMIT positionChanged(m_position);
}

double ReplayController::speedToPlayWithin(Core::Nanos duration, Core::Nanos wall)
{
    for (const double speed : kSpeeds) {
        if (double(duration) <= speed * double(wall))
            return speed;
    }
    return std::end(kSpeeds)[-1];
}

void ReplayController::setSpeed(double speed)
{
    if (!(speed > 0 && std::isfinite(speed)) || speed == m_speed)
        return;
    m_speed = speed;
    Q_EMIT speedChanged(m_speed);
}

void ReplayController::seek(Core::Nanos position)
{
    position = std::clamp<Core::Nanos>(position, 0, m_duration);
    if (position == m_position)
        return;
    m_position = position;
    Q_EMIT positionChanged(m_position);
}

void ReplayController::play()
{
    if (isPlaying() || m_duration <= 0)
        return;
    if (isAtEnd())
        seek(0);
    m_sinceTick.start();
    m_tick.start();
    Q_EMIT playingChanged(true);
}

void ReplayController::pause()
{
    if (!isPlaying())
        return;
    m_tick.stop();
    Q_EMIT playingChanged(false);
}

void ReplayController::togglePlaying()
{
    if (isPlaying())
        pause();
    else
        play();
}

void ReplayController::advance(Core::Nanos wallElapsed)
{
    const double step = double(wallElapsed) * m_speed;
    seek(m_position + Core::Nanos(std::min(step, double(m_duration))));
    if (isAtEnd())
        pause();
}

// Real time since the last tick, not the nominal interval: a late timer
// does not slow the replay down.
void ReplayController::tick()
{
    advance(m_sinceTick.nsecsElapsed());
    m_sinceTick.start();
}

} // namespace LatencyLab::Ui
