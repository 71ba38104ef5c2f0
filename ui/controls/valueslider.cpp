#include "controls/valueslider.h"

#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

ValueSlider::ValueSlider(const QString &name, Range range, Formatter format, QWidget *parent)
    : QWidget(parent)
    , m_range(range)
    , m_format(std::move(format))
    , m_name(new QLabel(name))
    , m_valueLabel(new QLabel)
    , m_slider(new QSlider(Qt::Horizontal))
{
    Q_ASSERT(range.positions > 0 && range.max > range.min);
    Q_ASSERT(range.scale == Scale::Linear || range.min > 0);
    m_slider->setRange(0, range.positions);
    m_slider->setSingleStep(std::max(1, range.positions / 100));
    m_slider->setPageStep(std::max(1, range.positions / 10));
    m_name->setBuddy(m_slider);
    m_valueLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(0);
    layout->addWidget(m_name, 0, 0);
    layout->addWidget(m_valueLabel, 0, 1);
    layout->addWidget(m_slider, 1, 0, 1, 2);

    connect(m_slider, &QSlider::valueChanged, this, &ValueSlider::onSliderMoved);
    connect(m_slider, &QSlider::sliderPressed, this, &ValueSlider::gestureStarted);
    connect(m_slider, &QSlider::sliderReleased, this, &ValueSlider::gestureFinished);
    setValue(range.min);
}

void ValueSlider::setToolTips(const QString &toolTip)
{
    for (QWidget *widget : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_valueLabel), static_cast<QWidget *>(m_slider)})
        widget->setToolTip(toolTip);
}

void ValueSlider::setValue(double value)
{
    m_value = value;
    m_valueLabel->setText(m_format(value));
    // Leave the handle alone if it already stands for this value (rounded
    // values have several positions; moving it would make a drag jitter).
    if (valueAt(m_slider->value()) == value)
        return;
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(positionOf(value));
}

double ValueSlider::valueAt(int position) const
{
    const double t = double(std::clamp(position, 0, m_range.positions)) / double(m_range.positions);
    double value = m_range.scale == Scale::Linear ? m_range.min + t * (m_range.max - m_range.min)
                                                  : m_range.min * std::pow(m_range.max / m_range.min, t);
    // The ends are exact, whatever pow() rounds to.
    if (position <= 0)
        value = m_range.min;
    else if (position >= m_range.positions)
        value = m_range.max;
    return m_round ? m_round(value) : value;
}

int ValueSlider::positionOf(double value) const
{
    if (!std::isfinite(value))
        return value > 0 ? m_range.positions : 0;
    double t = 0;
    if (m_range.scale == Scale::Linear)
        t = (value - m_range.min) / (m_range.max - m_range.min);
    else
        t = value > 0 ? std::log(value / m_range.min) / std::log(m_range.max / m_range.min) : 0.0;
    return std::clamp(int(std::lround(t * m_range.positions)), 0, m_range.positions);
}

void ValueSlider::onSliderMoved(int position)
{
    m_value = valueAt(position);
    m_valueLabel->setText(m_format(m_value));
    Q_EMIT valueEdited(m_value);
}

} // namespace LatencyLab::Ui
