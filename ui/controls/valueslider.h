#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QSlider;

namespace LatencyLab::Ui {

class ValueField;

// A labelled slider over a range of real values, linear or logarithmic, with
// the current value beside its name in a field the user can type into
// ("Duration   [1.234 s]"). A typed value may lie past the slider's ends (the
// field tells the exact value; the handle waits at the end).
// Programmatic setValue() never emits; valueEdited() means the user moved
// the slider, stepped the field or typed into it.
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

    // What may be typed: typed values are clamped to [min, max], rounded when
    // `whole`, and read by `parse` (`expected` completes "Type …").
    struct Typing
    {
        double min = 0;
        double max = 1;
        std::function<std::optional<double>(const QString &text, double current)> parse;
        QString expected;
        bool whole = false;
    };
    // A duration in seconds, with or without a unit ("1.2 s", "350 ms").
    static Typing secondsTyping(double min, double max);
    // A number, bare or followed by one of `units` (what the formatter writes after it).
    static Typing numberTyping(double min, double max, const QStringList &units, const QString &expected, bool whole = false);

    // Typing defaults to a bare number within the slider's range.
    ValueSlider(const QString &name, Range range, Formatter format, QWidget *parent = nullptr);

    void setToolTips(const QString &toolTip);
    void setRounder(Rounder rounder) { m_round = std::move(rounder); }
    void setTyping(Typing typing);
    // Names the slider `name` and its field `name` + "Field" (for tests and
    // accessibility tools).
    void setObjectNames(const QString &name);

    // Shows `value` (the field tells the exact value even when the slider
    // has to clamp it to its range).
    void setValue(double value);
    double value() const { return m_value; }
    QSlider *slider() const { return m_slider; }
    ValueField *field() const { return m_field; }

    // The value a slider position stands for, and the nearest position for a value.
    double valueAt(int position) const;
    int positionOf(double value) const;

Q_SIGNALS:
    void valueEdited(double value);
    void gestureStarted();  // the handle was grabbed
    void gestureFinished(); // … and released; also around a typed value, which is an edit of its own

private:
    void onSliderMoved(int position);
    void onValueTyped(double typed);
    void onStepRequested(int steps);

    Range m_range;
    Typing m_typing;
    Rounder m_round;
    double m_value = 0;
    QLabel *m_name;
    ValueField *m_field;
    QSlider *m_slider;
};

} // namespace LatencyLab::Ui
