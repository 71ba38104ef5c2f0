#include "sweepcharts/exploreaxiseditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace LatencyLab::Ui {

namespace {

QDoubleSpinBox *valueBox(const QString &toolTip)
{
    auto *box = new QDoubleSpinBox;
    box->setDecimals(4);
    box->setRange(0, 1e6); // what a parameter refuses is said by the sweep's message, not clamped away
    box->setToolTip(toolTip);
    box->setKeyboardTracking(false);
    return box;
}

} // namespace

ExploreAxisEditor::ExploreAxisEditor(Presence presence, QWidget *parent)
    : QWidget(parent)
    , m_parameter(new QComboBox)
    , m_from(valueBox(tr("The first value")))
    , m_to(valueBox(tr("The last value")))
    , m_points(new QSpinBox)
    , m_log(new QCheckBox(tr("log")))
{
    if (presence == Presence::Optional)
        m_parameter->addItem(tr("none (a sweep)"));
    for (const QString &name : Core::sweepParameterNames())
        m_parameter->addItem(name, name);
    m_points->setRange(1, Core::SweepAxis::kMaxPoints);
    m_points->setToolTip(tr("How many values, both ends included"));
    m_log->setToolTip(tr("Values evenly spaced on a log scale"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_parameter);
    layout->addWidget(new QLabel(tr("from")));
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to")));
    layout->addWidget(m_to);
    layout->addWidget(new QLabel(tr("points")));
    layout->addWidget(m_points);
    layout->addWidget(m_log);

    connect(m_parameter, &QComboBox::activated, this, [this] {
        enableRange();
        const QString name = m_parameter->currentData().toString();
        Q_EMIT parameterChosen(name.isEmpty() ? std::nullopt : Core::sweepParameterFromName(name));
    });
    enableRange();
}

std::optional<Core::SweepAxis> ExploreAxisEditor::axis() const
{
    const std::optional<Core::SweepParameter> parameter = Core::sweepParameterFromName(m_parameter->currentData().toString());
    if (!parameter)
        return std::nullopt;
    return Core::SweepAxis{*parameter, m_from->value(), m_to->value(), m_points->value(), m_log->isChecked()};
}

void ExploreAxisEditor::setAxis(const std::optional<Core::SweepAxis> &axis)
{
    const QSignalBlocker blocker(m_parameter);
    if (!axis) {
        m_parameter->setCurrentIndex(0); // "none" on an optional axis
        enableRange();
        return;
    }
    m_parameter->setCurrentIndex(m_parameter->findData(Core::sweepParameterName(axis->parameter)));
    m_from->setValue(axis->from);
    m_to->setValue(axis->to);
    m_points->setValue(axis->points);
    m_log->setChecked(axis->logarithmic);
    enableRange();
}

void ExploreAxisEditor::enableRange()
{
    const bool chosen = !m_parameter->currentData().toString().isEmpty();
    for (QWidget *part : {static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to), static_cast<QWidget *>(m_points),
                          static_cast<QWidget *>(m_log)})
        part->setEnabled(chosen);
}

} // namespace LatencyLab::Ui
