#pragma once

#include <QAbstractSpinBox>

#include <functional>
#include <optional>

namespace LatencyLab::Ui {

// A value the user can type, units and all ("350 ms", "20 connections"): a
// formatter writes the text and a parser reads it back. Enter, Tab or a
// click elsewhere commits what was typed (valueTyped); Escape, or text that
// reads as no value, puts the value back, and a tooltip says what the field
// expects. Up/Down, Page Up/Down and the wheel (once the field has focus, so
// scrolling the panel does not change values) ask the owner to step.
// setValue() never emits.
class ValueField : public QAbstractSpinBox
{
    Q_OBJECT

public:
    using Formatter = std::function<QString(double)>;
    // `current` is the value shown, for text without a unit ("400" in a field showing "350 ms").
    using Parser = std::function<std::optional<double>(const QString &text, double current)>;

    // `expected` completes "Type …", e.g. "a duration such as 1.2 s or 350 ms".
    ValueField(Formatter format, Parser parse, QString expected, QWidget *parent = nullptr);

    void setValue(double value);
    double value() const { return m_value; }
    // The text the field is made wide enough for.
    void setWidthSample(const QString &sample);
    void setParser(Parser parse, QString expected);
    QString expected() const { return m_expected; }

    QValidator::State validate(QString &input, int &position) const override;
    void stepBy(int steps) override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void valueTyped(double value);
    void stepRequested(int steps);

protected:
    StepEnabled stepEnabled() const override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void commit();
    void showValue();

    Formatter m_format;
    Parser m_parse;
    QString m_expected;
    QString m_widthSample;
    double m_value = 0;
    bool m_typing = false; // the text was edited since the value was shown
};

} // namespace LatencyLab::Ui
