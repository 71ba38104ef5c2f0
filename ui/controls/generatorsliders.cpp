#include "controls/generatorsliders.h"

#include "controls/scenarioeditor.h"
#include "controls/scenarioedits.h"
#include "controls/valueslider.h"

#include "engine/report.h"

#include <QSlider>
#include <QVBoxLayout>

#include <cmath>

namespace LatencyLab::Ui {

namespace {

// Request counts read better as 12,000 than 12,023.
double twoSignificantDigits(double value)
{
    if (value < 100)
        return std::round(value);
    const double unit = std::pow(10.0, std::floor(std::log10(value)) - 1);
    return std::round(value / unit) * unit;
}

QString formatCount(double count)
{
    return GeneratorSliders::tr("%L1 requests").arg(qint64(count));
}

QString formatShare(double share)
{
    return GeneratorSliders::tr("%1 cpu").arg(Core::formatPercent(share));
}

} // namespace

GeneratorSliders::GeneratorSliders(ScenarioEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_count(new ValueSlider(tr("Requests (N)"), {kMinCount, kMaxCount, 500, ValueSlider::Scale::Logarithmic}, formatCount))
    , m_meanDuration(new ValueSlider(tr("Mean request duration"), {0.001, 10.0, 400, ValueSlider::Scale::Logarithmic},
                                     [](double seconds) { return Core::formatSeconds(seconds); }))
    , m_cpuShare(new ValueSlider(tr("cpu : io"), {0.0, 1.0, 100, ValueSlider::Scale::Linear}, formatShare))
    , m_arrivalRate(new ValueSlider(tr("Arrival rate"), {0.1, 100'000.0, 600, ValueSlider::Scale::Logarithmic},
                                    [](double rate) { return Core::formatRate(rate); }))
{
    m_count->setRounder(twoSignificantDigits);
    m_count->slider()->setObjectName(QStringLiteral("requestCount"));
    m_count->setToolTips(tr("How many requests the client sends (logarithmic, 10 to 1,000,000)."));
    m_meanDuration->slider()->setObjectName(QStringLiteral("meanDuration"));
    m_meanDuration->setToolTips(tr("A request's mean own duration; every step's distribution scales with it."));
    m_cpuShare->slider()->setObjectName(QStringLiteral("cpuShare"));
    m_cpuShare->setToolTips(tr("Share of a request's time spent computing (cpu) rather than waiting (io); the mean duration stays."));
    m_arrivalRate->slider()->setObjectName(QStringLiteral("arrivalRate"));
    m_arrivalRate->setToolTips(tr("How many requests arrive per second, on average."));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (ValueSlider *slider : {m_count, m_meanDuration, m_cpuShare, m_arrivalRate}) {
        layout->addWidget(slider);
        connectGesture(slider);
    }

    connect(m_count, &ValueSlider::valueEdited, this, [this](double count) {
        m_editor->edit(tr("Set the request count to %1").arg(formatCount(count)),
                       ScenarioEdits::withRequestCount(m_editor->scenario(), qint64(count)), QStringLiteral("count"));
    });
    connect(m_meanDuration, &ValueSlider::valueEdited, this, [this](double seconds) {
        m_editor->edit(tr("Set the mean request duration to %1").arg(Core::formatSeconds(seconds)),
                       ScenarioEdits::withMeanRequestSeconds(m_editor->scenario(), seconds), QStringLiteral("meanDuration"));
    });
    connect(m_cpuShare, &ValueSlider::valueEdited, this, [this](double share) {
        m_editor->edit(tr("Set the cpu share to %1").arg(Core::formatPercent(share)), ScenarioEdits::withCpuShare(m_editor->scenario(), share),
                       QStringLiteral("cpuShare"));
    });
    connect(m_arrivalRate, &ValueSlider::valueEdited, this, [this](double rate) {
        m_editor->edit(tr("Set the arrival rate to %1").arg(Core::formatRate(rate)), ScenarioEdits::withArrivalRate(m_editor->scenario(), rate),
                       QStringLiteral("arrivalRate"));
    });
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, &GeneratorSliders::refresh);
    refresh();
}

bool GeneratorSliders::appliesTo(const Core::Scenario &scenario)
{
    return scenario.generator.has_value();
}

void GeneratorSliders::connectGesture(ValueSlider *slider)
{
    connect(slider, &ValueSlider::gestureStarted, m_editor, &ScenarioEditor::beginGesture);
    connect(slider, &ValueSlider::gestureFinished, m_editor, &ScenarioEditor::endGesture);
}

void GeneratorSliders::refresh()
{
    const Core::Scenario &scenario = m_editor->scenario();
    if (!scenario.generator)
        return;
    const Core::GeneratorSpec &generator = *scenario.generator;
    // A closed client decides itself how many requests go, and when.
    const bool open = scenario.client.kind == Core::ClientModel::Kind::Open;
    m_count->setVisible(open);
    m_arrivalRate->setVisible(open);
    m_count->setValue(double(generator.count));
    m_meanDuration->setValue(ScenarioEdits::meanRequestSeconds(generator));
    m_cpuShare->setValue(ScenarioEdits::cpuShare(generator));
    m_cpuShare->setEnabled(ScenarioEdits::hasCpuAndIo(generator));
    m_arrivalRate->setValue(ScenarioEdits::arrivalRate(generator));
}

} // namespace LatencyLab::Ui
