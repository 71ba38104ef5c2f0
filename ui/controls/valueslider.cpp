#include "controls/valueslider.h"

#include "controls/valuefield.h"
#include "controls/valuetext.h"

#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

ValueSlider::Typing ValueSlider::secondsTyping(double min, double max)
{
    return {min, max, [](const QString &text, double current) { return ValueText::parseSeconds(text, ValueText::unitOfSeconds(current)); },
            tr("a duration such as 1.2 s or 350 ms"), false};
}

ValueSlider::Typing ValueSlider::numberTyping(double min, double max, const QStringList &units, const QString &expected, bool whole)
{
    return {min, max, [units](const QString &text, double) { return ValueText::parseNumber(text, units); }, expected, whole};
}

ValueSlider::ValueSlider(const QString &name, Range range, Formatter format, QWidget *parent)
    : QWidget(parent)
    , m_range(range)
    , m_typing(numberTyping(range.min, range.max, {}, tr("a number")))
    , m_name(new QLabel(name))
    , m_field(new ValueField(format, m_typing.parse, m_typing.expected))
    , m_slider(new QSlider(Qt::Horizontal))
{
    Q_ASSERT(range.positions > 0 && range.max > range.min);
    Q_ASSERT(range.scale == Scale::Linear || range.min > 0);
    m_slider->setRange(0, range.positions);
    m_slider->setSingleStep(std::max(1, range.positions / 100));
    m_slider->setPageStep(std::max(1, range.positions / 10));
    m_name->setBuddy(m_slider);
    m_field->setAccessibleName(name);

    // Wide enough for the values along the slider, and a digit more for typed ones.
    constexpr int kSamples = 40;
    QString sample;
    for (int i = 0; i <= kSamples; ++i) {
        if (const QString text = format(valueAt(range.positions * i / kSamples + (i % 2))); text.size() > sample.size())
            sample = text;
    }
    m_field->setWidthSample(sample + QLatin1Char('0'));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_name, 0, 0);
    layout->addWidget(m_field, 0, 1, Qt::AlignRight);
    layout->addWidget(m_slider, 1, 0, 1, 2);
    layout->setColumnStretch(0, 1);

    connect(m_slider, &QSlider::valueChanged, this, &ValueSlider::onSliderMoved);
    connect(m_slider, &QSlider::sliderPressed, this, &ValueSlider::gestureStarted);
    connect(m_slider, &QSlider::sliderReleased, this, &ValueSlider::gestureFinished);
    connect(m_field, &ValueField::valueTyped, this, &ValueSlider::onValueTyped);
    connect(m_field, &ValueField::stepRequested, this, &ValueSlider::onStepRequested);
    setValue(range.min);
}

void ValueSlider::setToolTips(const QString &toolTip)
{
    for (QWidget *widget : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_field), static_cast<QWidget *>(m_slider)})
        widget->setToolTip(toolTip);
}

void ValueSlider::setTyping(Typing typing)
{
    Q_ASSERT(typing.parse && typing.max >= typing.min);
    m_typing = std::move(typing);
    m_field->setParser(m_typing.parse, m_typing.expected);
}

void ValueSlider::setObjectNames(const QString &name)
{
    m_slider->setObjectName(name);
    m_field->setObjectName(name + QStringLiteral("Field"));
}

void ValueSlider::setValue(double value)
{
    m_value = value;
    m_field->setValue(value);
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
    m_field->setValue(m_value);
    Q_EMIT valueEdited(m_value);
}

void ValueSlider::onValueTyped(double typed)
{
    double value = std::clamp(typed, m_typing.min, m_typing.max);
    if (m_typing.whole)
        value = std::round(value);
    if (value == m_value)
        return;
    setValue(value);
    // Its own undo step: nothing before merges into it, and nothing after.
    Q_EMIT gestureFinished();
    Q_EMIT valueEdited(value);
    Q_EMIT gestureFinished();
}

void ValueSlider::onStepRequested(int steps)
{
    // As the slider's arrow keys do: an edit that merges with its neighbours.
    m_slider->setValue(m_slider->value() + steps * m_slider->singleStep());
}

} // namespace LatencyLab::Ui
