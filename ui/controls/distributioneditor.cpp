#include "controls/distributioneditor.h"

#include "controls/narrowcombo.h"
#include "controls/valuefield.h"
#include "controls/valueslider.h"
#include "controls/valuetext.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace LatencyLab::Ui {

namespace {

using Kind = Core::Distribution::Kind;

ValueField *secondsField()
{
    const ValueSlider::Typing seconds = ValueSlider::secondsTyping(0, Core::Distribution::kMaxSampleSeconds);
    auto *field = new ValueField(ValueText::exactSeconds, seconds.parse, seconds.expected);
    field->setWidthSample(QStringLiteral("999.999 ms0"));
    return field;
}

} // namespace

DistributionEditor::DistributionEditor(QWidget *parent)
    : QWidget(parent)
    , m_kind(narrowComboBox({}))
    , m_firstName(new QLabel)
    , m_first(secondsField())
    , m_secondName(new QLabel)
    , m_second(secondsField())
{
    // In the order of Distribution::Kind.
    m_kind->addItem(tr("Fixed"));
    m_kind->addItem(tr("Exponential"));
    m_kind->addItem(tr("Uniform"));
    m_kind->addItem(tr("Log-normal"));
    m_kind->setItemData(0, tr("Always the same duration"), Qt::ToolTipRole);
    m_kind->setItemData(1, tr("Memoryless: mostly short, now and then long (a mean)"), Qt::ToolTipRole);
    m_kind->setItemData(2, tr("Anywhere between a low and a high, evenly"), Qt::ToolTipRole);
    m_kind->setItemData(3, tr("A long right tail, as real service times have (a mean and a standard deviation)"), Qt::ToolTipRole);
    m_kind->setToolTip(tr("How the duration is drawn: always the same, or from a distribution"));
    m_firstName->setBuddy(m_first);
    m_secondName->setBuddy(m_second);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_kind, 0, 0, 1, 4);
    layout->addWidget(m_firstName, 1, 0);
    layout->addWidget(m_first, 1, 1);
    layout->addWidget(m_secondName, 1, 2);
    layout->addWidget(m_second, 1, 3);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(3, 1);

    connect(m_kind, &QComboBox::activated, this, &DistributionEditor::onKindChosen);
    connect(m_first, &ValueField::valueTyped, this, [this](double seconds) {
        Core::Distribution changed = m_distribution;
        changed.first = seconds;
        Q_EMIT edited(changed);
    });
    connect(m_second, &ValueField::valueTyped, this, [this](double seconds) {
        Core::Distribution changed = m_distribution;
        changed.second = seconds;
        Q_EMIT edited(changed);
    });
    showParameters();
}

void DistributionEditor::setObjectNames(const QString &name)
{
    m_kind->setObjectName(name + QStringLiteral("Distribution"));
    m_first->setObjectName(name + QStringLiteral("First"));
    m_second->setObjectName(name + QStringLiteral("Second"));
}

void DistributionEditor::setDistribution(const Core::Distribution &distribution)
{
    m_distribution = distribution;
    showParameters();
}

void DistributionEditor::showParameters()
{
    const QSignalBlocker quiet(m_kind);
    m_kind->setCurrentIndex(int(m_distribution.kind));
    switch (m_distribution.kind) {
    case Kind::Fixed:
        m_firstName->setText(tr("Value"));
        m_first->setToolTip(tr("The duration, every time"));
        break;
    case Kind::Exponential:
        m_firstName->setText(tr("Mean"));
        m_first->setToolTip(tr("The mean duration"));
        break;
    case Kind::Uniform:
        m_firstName->setText(tr("Low"));
        m_first->setToolTip(tr("The shortest duration"));
        m_secondName->setText(tr("High"));
        m_second->setToolTip(tr("The longest duration"));
        break;
    case Kind::LogNormal:
        m_firstName->setText(tr("Mean"));
        m_first->setToolTip(tr("The mean duration"));
        m_secondName->setText(tr("SD"));
        m_second->setToolTip(tr("The standard deviation of the duration"));
        break;
    }
    m_firstName->setToolTip(m_first->toolTip());
    m_secondName->setToolTip(m_second->toolTip());
    const bool two = m_distribution.kind == Kind::Uniform || m_distribution.kind == Kind::LogNormal;
    m_secondName->setVisible(two);
    m_second->setVisible(two);
    m_first->setValue(m_distribution.first);
    m_second->setValue(m_distribution.second);
}

Core::Distribution DistributionEditor::withKind(const Core::Distribution &distribution, Kind kind)
{
    const double mean = distribution.mean();
    switch (kind) {
    case Kind::Fixed:
        return Core::Distribution::fixed(mean);
    case Kind::Exponential:
        return Core::Distribution::exponential(mean);
    case Kind::Uniform:
        return Core::Distribution::uniform(mean / 2, mean * 3 / 2); // as wide as its mean
    case Kind::LogNormal:
        return Core::Distribution::logNormal(mean, mean / 2);
    }
    return distribution;
}

void DistributionEditor::onKindChosen(int index)
{
    const auto kind = Kind(index);
    if (kind == m_distribution.kind)
        return;
    Q_EMIT edited(withKind(m_distribution, kind));
}

} // namespace LatencyLab::Ui
