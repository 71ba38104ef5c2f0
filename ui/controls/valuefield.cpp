#include "controls/valuefield.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QPointer>
#include <QStyle>
#include <QStyleOptionSpinBox>
#include <QToolTip>
#include <QWheelEvent>

namespace LatencyLab::Ui {

ValueField::ValueField(Formatter format, Parser parse, QString expected, QWidget *parent)
    : QAbstractSpinBox(parent)
    , m_format(std::move(format))
    , m_parse(std::move(parse))
    , m_expected(std::move(expected))
{
    setButtonSymbols(QAbstractSpinBox::NoButtons);
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setFocusPolicy(Qt::StrongFocus);
    // The line edit's own modified flag does not survive QAbstractSpinBox's handling of keys.
    connect(lineEdit(), &QLineEdit::textEdited, this, [this] { m_typing = true; });
    connect(this, &QAbstractSpinBox::editingFinished, this, &ValueField::commit);
    showValue();
}

void ValueField::setValue(double value)
{
    m_value = value;
    // Never overwrite what the user is typing; a commit clears the flag first.
    if (!(hasFocus() && m_typing))
        showValue();
}

void ValueField::setWidthSample(const QString &sample)
{
    m_widthSample = sample;
    updateGeometry();
}

void ValueField::setParser(Parser parse, QString expected)
{
    m_parse = std::move(parse);
    m_expected = std::move(expected);
}

void ValueField::showValue()
{
    lineEdit()->setText(m_format(m_value));
    m_typing = false;
}

QValidator::State ValueField::validate(QString &, int &) const
{
    // Anything may be typed: "3" on the way to "350 ms" reads as no value yet.
    return QValidator::Intermediate;
}

void ValueField::commit()
{
    if (!m_typing)
        return;
    const QString text = lineEdit()->text();
    const std::optional<double> typed = m_parse(text, m_value);
    m_typing = false;
    if (!typed) {
        showValue();
        QToolTip::showText(mapToGlobal(QPoint(0, height())), tr("“%1” is not a value here. Type %2.").arg(text.trimmed(), m_expected), this);
        return;
    }
    // The owner may take the value (and show it back through setValue),
    // clamp it, or refuse it; either way the field ends up showing the value.
    const QPointer<ValueField> alive(this);
    Q_EMIT valueTyped(*typed);
    if (alive)
        showValue();
}

void ValueField::stepBy(int steps)
{
    showValue(); // a step replaces whatever was half typed
    Q_EMIT stepRequested(steps);
}

QAbstractSpinBox::StepEnabled ValueField::stepEnabled() const
{
    return isReadOnly() ? StepNone : (StepUpEnabled | StepDownEnabled);
}

void ValueField::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_typing) {
        showValue();
        event->accept();
        return;
    }
    QAbstractSpinBox::keyPressEvent(event);
}

void ValueField::wheelEvent(QWheelEvent *event)
{
    if (!hasFocus()) {
        event->ignore(); // the panel scrolls
        return;
    }
    QAbstractSpinBox::wheelEvent(event);
}

QSize ValueField::sizeHint() const
{
    ensurePolished();
    const QString sample = m_widthSample.isEmpty() ? m_format(m_value) : m_widthSample;
    const int textWidth = fontMetrics().horizontalAdvance(sample + QLatin1Char(' ')) + 2; // room for the cursor
    QStyleOptionSpinBox option;
    initStyleOption(&option);
    return style()->sizeFromContents(QStyle::CT_SpinBox, &option, QSize(textWidth, lineEdit()->sizeHint().height()), this);
}

QSize ValueField::minimumSizeHint() const
{
    return sizeHint();
}

} // namespace LatencyLab::Ui
