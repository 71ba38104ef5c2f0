#include "controls/replaybar.h"

#include "charts/glyphicon.h"
#include "controls/replaycontroller.h"
#include "controls/scrubberslider.h"

#include "base/numberformat.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <cmath>

namespace LatencyLab::Ui {

ReplayBar::ReplayBar(ReplayController *replay, QWidget *parent)
    : QWidget(parent)
    , m_replay(replay)
    , m_play(new QToolButton)
    , m_speed(new QComboBox)
    , m_scrubber(new ScrubberSlider)
    , m_position(new QLabel)
{
    m_play->setObjectName(QStringLiteral("replayPlay"));
    m_play->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_play->setAutoRaise(true);
    connect(m_play, &QToolButton::clicked, m_replay, &ReplayController::togglePlaying);

    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    m_speed->setToolTip(tr("Replay speed: run-seconds per real second."));
    for (const double speed : ReplayController::kSpeeds)
        m_speed->addItem(tr("%1×").arg(speed), speed);
    m_speed->setCurrentIndex(m_speed->findData(m_replay->speed()));
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { m_replay->setSpeed(m_speed->currentData().toDouble()); });
    connect(m_replay, &ReplayController::speedChanged, this, [this](double speed) {
        const QSignalBlocker quiet(m_speed);
        m_speed->setCurrentIndex(m_speed->findData(speed));
    });

    m_scrubber->setObjectName(QStringLiteral("replayScrubber"));
    m_scrubber->setRange(0, kScrubberSteps);
    m_scrubber->setToolTip(tr("Drag to see what had happened by then."));
    connect(m_scrubber, &QSlider::valueChanged, this, &ReplayBar::scrubbed);

    m_position->setObjectName(QStringLiteral("replayPosition"));
    m_position->setTextFormat(Qt::PlainText);
    // Wide enough for "1000.0 s of 1000.0 s": the label does not jump as digits change.
    m_position->setMinimumWidth(m_position->fontMetrics().horizontalAdvance(QStringLiteral("0000.00 s of 0000.00 s")));

    auto *speedLabel = new QLabel(tr("&Speed"));
    speedLabel->setBuddy(m_speed);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_play);
    layout->addWidget(speedLabel);
    layout->addWidget(m_speed);
    layout->addWidget(m_scrubber, 1);
    layout->addWidget(m_position);

    connect(m_replay, &ReplayController::positionChanged, this, &ReplayBar::showPosition);
    connect(m_replay, &ReplayController::durationChanged, this, &ReplayBar::showPosition);
    connect(m_replay, &ReplayController::playingChanged, this, &ReplayBar::showPlaying);
    showPlaying(false);
    showPosition();
}

void ReplayBar::showPlaying(bool playing)
{
    m_play->setIcon(glyphIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay)));
    m_play->setText(playing ? tr("Pause") : tr("Replay"));
    m_play->setToolTip(playing ? tr("Pause the replay") : tr("Replay the run from the start (or from the scrubber)"));
}

void ReplayBar::showPosition()
{
    const double position = Core::toSeconds(m_replay->position());
    const double duration = Core::toSeconds(m_replay->duration());
    const QStringList times = Core::formatSecondsAlike({position, duration});
    m_position->setText(tr("%1 of %2").arg(times[0], times[1]));
    const bool enabled = m_replay->duration() > 0;
    m_play->setEnabled(enabled);
    m_scrubber->setEnabled(enabled);
    const QSignalBlocker quiet(m_scrubber); // the slider follows; it does not seek back
    m_scrubber->setValue(enabled ? int(std::lround(double(m_replay->position()) / double(m_replay->duration()) * kScrubberSteps)) : 0);
}

void ReplayBar::scrubbed(int value)
{
    m_replay->seek(Core::Nanos(std::llround(double(m_replay->duration()) * value / kScrubberSteps)));
}

} // namespace LatencyLab::Ui
