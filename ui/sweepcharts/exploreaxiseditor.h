#pragma once

#include "explore/sweepspec.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace LatencyLab::Ui {

// One axis of a sweep in the Explore tab's form: the parameter, from, to,
// points and log. An optional axis (a map's second) can also be "none".
class ExploreAxisEditor : public QWidget
{
    Q_OBJECT

public:
    enum class Presence : quint8 { Required, Optional };

    explicit ExploreAxisEditor(Presence presence, QWidget *parent = nullptr);

    // None: "none" is chosen (an optional axis only).
    std::optional<Core::SweepAxis> axis() const;
    void setAxis(const std::optional<Core::SweepAxis> &axis);
    QComboBox *parameterBox() const { return m_parameter; }

Q_SIGNALS:
    // The user chose another parameter (none: "none"): the form fills in its range.
    void parameterChosen(std::optional<LatencyLab::Core::SweepParameter> parameter);

private:
    void enableRange();

    QComboBox *m_parameter;
    QDoubleSpinBox *m_from;
    QDoubleSpinBox *m_to;
    QSpinBox *m_points;
    QCheckBox *m_log;
};

} // namespace LatencyLab::Ui
