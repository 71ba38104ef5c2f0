#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QSlider;

namespace LatencyLab::Ui {

// A labelled slider over a range of real values, linear or logarithmic, with
// the current value written beside its name ("Duration      1.20 s").
// Programmatic setValue() never emits; valueEdited() means the user moved it.
class ValueSlider : public QWidget
{
    Q_OBJECT

public:
    enum class Scale : quint8 { Linear, Logarithmic };
    using Formatter = std::function<QString(double)>;
    using Rounder = std::function<double(double)>; // e.g. to whole requests

    struct Range
    {
        double min = 0;
        double max = 1;
        int positions = 100; // slider steps from min to max
        Scale scale = Scale::Linear;
    };

    ValueSlider(const QString &name, Range range, Formatter format, QWidget *parent = nullptr);

    void setToolTips(const QString &toolTip);
    void setRounder(Rounder rounder) { m_round = std::move(rounder); }

    // Shows `value` (the label tells the exact value even when the slider
    // has to clamp it to its range).
    void setValue(double value);
    double value() const { return m_value; }
    QSlider *slider() const { return m_slider; }

    // The value a slider position stands for, and the nearest position for a value.
    double valueAt(int position) const;
    int positionOf(double value) const;

Q_SIGNALS:
    void valueEdited(double value);
    void gestureStarted();  // the handle was grabbed
    void gestureFinished(); // … and released

private:
    void onSliderMoved(int position);

    Range m_range;
    Formatter m_format;
    Rounder m_round;
    double m_value = 0;
    QLabel *m_name;
    QLabel *m_valueLabel;
    QSlider *m_slider;
};

} // namespace LatencyLab::Ui
