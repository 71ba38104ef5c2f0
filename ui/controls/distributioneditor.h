#pragma once

#include "model/distribution.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace LatencyLab::Ui {

class ValueField;

// A duration as a scenario file may give it: a fixed value, or drawn from an
// exponential, uniform or log-normal distribution. The kind is chosen from a
// list and its parameters typed. Choosing another kind keeps the mean; the
// owner checks what is edited (as the file would) and shows it back with
// setDistribution(), which never emits.
class DistributionEditor : public QWidget
{
    Q_OBJECT

public:
    explicit DistributionEditor(QWidget *parent = nullptr);

    void setDistribution(const Core::Distribution &distribution);
    const Core::Distribution &distribution() const { return m_distribution; }
    // Names the kind list `name` + "Distribution" and the fields `name` + "First" / "Second".
    void setObjectNames(const QString &name);

    QComboBox *kindBox() const { return m_kind; }
    ValueField *firstField() const { return m_first; }
    ValueField *secondField() const { return m_second; }

    // The same shape's neighbour of another kind with the same mean: what choosing that kind gives.
    static Core::Distribution withKind(const Core::Distribution &distribution, Core::Distribution::Kind kind);

Q_SIGNALS:
    void edited(const LatencyLab::Core::Distribution &distribution);

private:
    void showParameters();
    void onKindChosen(int index);

    Core::Distribution m_distribution;
    QComboBox *m_kind;
    QLabel *m_firstName;
    ValueField *m_first;
    QLabel *m_secondName;
    ValueField *m_second;
};

} // namespace LatencyLab::Ui
