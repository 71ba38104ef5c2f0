#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace LatencyLab::Ui {

class ReplayController;

// The replay's controls: play/pause, the speed, a scrubber over the run's
// time and where the replay stands ("12.3 s of 30.2 s").
class ReplayBar : public QWidget
{
    Q_OBJECT

public:
    // Scrubber steps over the whole run: fine enough for any drag.
    static constexpr int kScrubberSteps = 10'000;

    explicit ReplayBar(ReplayController *replay, QWidget *parent = nullptr);

    QToolButton *playButton() const { return m_play; }
    QComboBox *speedBox() const { return m_speed; }
    QSlider *scrubber() const { return m_scrubber; }
    QLabel *positionLabel() const { return m_position; }

private:
    void showPosition();
    void showPlaying(bool playing);
    void scrubbed(int value);

    ReplayController *m_replay;
    QToolButton *m_play;
    QComboBox *m_speed;
    QSlider *m_scrubber;
    QLabel *m_position;
};

} // namespace LatencyLab::Ui
