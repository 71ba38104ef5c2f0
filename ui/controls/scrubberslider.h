#pragma once

#include <QSlider>

namespace LatencyLab::Ui {

// A horizontal slider that moves where it is clicked and keeps dragging from
// there, as a media player's scrubber does (a plain QSlider steps a page
// towards the click instead).
class ScrubberSlider : public QSlider
{
    Q_OBJECT

public:
    explicit ScrubberSlider(QWidget *parent = nullptr);

protected:
    void mousePressEvent(QMouseEvent *event) override;
};

} // namespace LatencyLab::Ui
