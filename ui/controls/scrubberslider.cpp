#include "controls/scrubberslider.h"

#include <QMouseEvent>
#include <QStyle>
#include <QStyleOptionSlider>

namespace LatencyLab::Ui {

ScrubberSlider::ScrubberSlider(QWidget *parent)
    : QSlider(Qt::Horizontal, parent)
{
}

void ScrubberSlider::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        QStyleOptionSlider option;
        initStyleOption(&option);
        const QRect groove = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
        const QRect handle = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
        const QPoint at = event->position().toPoint();
        if (!handle.contains(at)) {
            // The handle's centre goes under the pointer; the press below then grabs it.
            const int travel = groove.width() - handle.width();
            const int offset = at.x() - groove.x() - handle.width() / 2;
            setValue(QStyle::sliderValueFromPosition(minimum(), maximum(), offset, travel, option.upsideDown));
        }
    }
    QSlider::mousePressEvent(event);
}

} // namespace LatencyLab::Ui
