#include "controls/generatorsliders.h"

#include "controls/scenarioeditor.h"
#include "controls/scenarioedits.h"
#include "controls/valueslider.h"
#include "controls/valuetext.h"

#include "engine/report.h"

#include <QSlider>
#include <QVBoxLayout>

#include <cmath>

namespace LatencyLab::Ui {

namespace {

// Request counts read better as 12,000 than 12,023.
double twoSignificantDigits(double value)
{
    return value < 100 ? std::round(value) : ValueText::roundToSignificantDigits(value, 2);
}

// A log slider's positions fall between round numbers: 11.2 ms, not 11.220185 ms.
double threeSignificantDigits(double value)
{
    return ValueText::roundToSignificantDigits(value, 3);
}

QString formatCount(double count)
{
    return GeneratorSliders::tr("%L1 requests").arg(qint64(count));
}

QString formatShare(double share)
{
    return GeneratorSliders::tr("%1 cpu").arg(Core::formatPercent(share));
}

QString formatRate(double perSecond)
{
    return GeneratorSliders::tr("%1 req/s").arg(ValueText::shortNumber(perSecond));
}

// Typed shares are percentages: "20", "20 %" or "20 % cpu" is a fifth.
ValueSlider::Typing shareTyping()
{
    const QStringList units{QStringLiteral("%"), GeneratorSliders::tr("% cpu"), GeneratorSliders::tr("cpu")};
    ValueSlider::Typing typing = ValueSlider::numberTyping(0.0, 1.0, units, GeneratorSliders::tr("a percentage such as 20 %"));
    typing.parse = [units](const QString &text, double) -> std::optional<double> {
        const std::optional<double> percent = ValueText::parseNumber(text, units);
        return percent ? std::optional<double>(*percent / 100.0) : std::nullopt;
    };
    return typing;
}

// As a scenario file has them: a rate above 0 and at most 1e9 per second, a mean gap of at most 1,000,000 s.
constexpr double kMinRate = 1e-6;
constexpr double kMaxRate = 1e9;

} // namespace

GeneratorSliders::GeneratorSliders(ScenarioEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_count(new ValueSlider(tr("Requests (N)"), {kMinCount, kMaxCount, 500, ValueSlider::Scale::Logarithmic}, formatCount))
    , m_meanDuration(new ValueSlider(tr("Mean request duration"), {0.001, 10.0, 400, ValueSlider::Scale::Logarithmic}, ValueText::exactSeconds))
    , m_cpuShare(new ValueSlider(tr("cpu : io"), {0.0, 1.0, 100, ValueSlider::Scale::Linear}, formatShare))
    , m_arrivalRate(new ValueSlider(tr("Arrival rate"), {0.1, 100'000.0, 600, ValueSlider::Scale::Logarithmic}, formatRate))
{
    m_count->setRounder(twoSignificantDigits);
    m_meanDuration->setRounder(threeSignificantDigits);
    m_arrivalRate->setRounder(threeSignificantDigits);
    m_count->setTyping(ValueSlider::numberTyping(1, kMaxCount, {tr("request"), tr("requests")}, tr("a number of requests such as 12000"), true));
    m_count->setObjectNames(QStringLiteral("requestCount"));
    m_count->setToolTips(tr("How many requests the client sends (logarithmic, 10 to 1,000,000)."));
    m_meanDuration->setTyping(ValueSlider::secondsTyping(0.0, Core::Limits::kMaxSeconds));
    m_meanDuration->setObjectNames(QStringLiteral("meanDuration"));
    m_meanDuration->setToolTips(tr("A request's mean own duration; every step's distribution scales with it."));
    m_cpuShare->setTyping(shareTyping());
    m_cpuShare->setObjectNames(QStringLiteral("cpuShare"));
    m_cpuShare->setToolTips(tr("Share of a request's time spent computing (cpu) rather than waiting (io); the mean duration stays."));
    m_arrivalRate->setTyping(ValueSlider::numberTyping(kMinRate, kMaxRate, {tr("req/s"), QStringLiteral("/s"), tr("requests/s")},
                                                       tr("a rate such as 900 req/s")));
    m_arrivalRate->setObjectNames(QStringLiteral("arrivalRate"));
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
        m_editor->edit(tr("Set the mean request duration to %1").arg(ValueText::exactSeconds(seconds)),
                       ScenarioEdits::withMeanRequestSeconds(m_editor->scenario(), seconds), QStringLiteral("meanDuration"));
    });
    connect(m_cpuShare, &ValueSlider::valueEdited, this, [this](double share) {
        m_editor->edit(tr("Set the cpu share to %1").arg(Core::formatPercent(share)), ScenarioEdits::withCpuShare(m_editor->scenario(), share),
                       QStringLiteral("cpuShare"));
    });
    connect(m_arrivalRate, &ValueSlider::valueEdited, this, [this](double rate) {
        m_editor->edit(tr("Set the arrival rate to %1").arg(formatRate(rate)), ScenarioEdits::withArrivalRate(m_editor->scenario(), rate),
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
