#include "sweepcharts/exploreform.h"

#include "sweepcharts/exploreaxiseditor.h"
#include "sweepcharts/sweepdefaults.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace LatencyLab::Ui {

namespace {

// A map multiplies the points: its second axis starts coarser.
constexpr int kSecondAxisPoints = 6;

} // namespace

ExploreForm::ExploreForm(QWidget *parent)
    : QWidget(parent)
    , m_first(new ExploreAxisEditor(ExploreAxisEditor::Presence::Required))
    , m_second(new ExploreAxisEditor(ExploreAxisEditor::Presence::Optional))
    , m_metric(new QComboBox)
    , m_run(new QPushButton(tr("Run")))
{
    for (const QString &name : Core::sweepMetricNames())
        m_metric->addItem(name, name);
    m_metric->setCurrentIndex(m_metric->findData(Core::sweepMetricName(Core::SweepMetric::P99)));
    m_metric->setToolTip(tr("What the models are compared by: lower wins, but for throughput"));
    m_run->setToolTip(tr("Simulate every point under every compared model"));
    m_run->setDefault(true);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(8, 6, 8, 2);
    layout->addWidget(new QLabel(tr("Sweep")), 0, 0);
    layout->addWidget(m_first, 0, 1);
    layout->addWidget(new QLabel(tr("metric")), 0, 2);
    layout->addWidget(m_metric, 0, 3);
    layout->addWidget(new QLabel(tr("Map by")), 1, 0);
    layout->addWidget(m_second, 1, 1);
    layout->addWidget(m_run, 1, 3);
    layout->setColumnStretch(4, 1);

    connect(m_run, &QPushButton::clicked, this, &ExploreForm::runRequested);
    connect(m_first, &ExploreAxisEditor::parameterChosen, this, [this](std::optional<Core::SweepParameter> parameter) {
        if (parameter)
            m_first->setAxis(defaultSweepAxis(m_scenario, *parameter));
    });
    connect(m_second, &ExploreAxisEditor::parameterChosen, this, [this](std::optional<Core::SweepParameter> parameter) {
        if (!parameter)
            return;
        Core::SweepAxis axis = defaultSweepAxis(m_scenario, *parameter);
        axis.points = std::min(axis.points, kSecondAxisPoints);
        m_second->setAxis(axis);
    });
}

void ExploreForm::setScenario(const Core::Scenario &scenario)
{
    m_scenario = scenario;
    m_first->setAxis(defaultSweepAxis(scenario, defaultSweepParameter(scenario)));
    m_second->setAxis(std::nullopt);
}

Core::SweepSpec ExploreForm::spec() const
{
    Core::SweepSpec spec;
    if (const std::optional<Core::SweepAxis> axis = m_first->axis())
        spec.axis = *axis;
    spec.second = m_second->axis();
    spec.metric = Core::sweepMetricFromName(m_metric->currentData().toString()).value_or(Core::SweepMetric::P99);
    return spec;
}

void ExploreForm::setSpec(const Core::SweepSpec &spec)
{
    m_first->setAxis(spec.axis);
    m_second->setAxis(spec.second);
    m_metric->setCurrentIndex(m_metric->findData(Core::sweepMetricName(spec.metric)));
}

} // namespace LatencyLab::Ui
