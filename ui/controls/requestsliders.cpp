#include "controls/requestsliders.h"

#include "controls/scenarioeditor.h"
#include "controls/scenarioedits.h"
#include "controls/valueslider.h"

#include "engine/report.h"

#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

namespace LatencyLab::Ui {

namespace {

constexpr int kPositions = 500; // 10 ms a step over 0–5 s

QString formatValue(double seconds)
{
    return Core::formatSeconds(seconds);
}

} // namespace

RequestSliders::RequestSliders(ScenarioEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    connect(m_editor, &ScenarioEditor::scenarioLoaded, this, &RequestSliders::rebuild);
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, &RequestSliders::refresh);
    rebuild();
}

bool RequestSliders::appliesTo(const Core::Scenario &scenario)
{
    return !scenario.generator && !scenario.requests.isEmpty() && scenario.requests.size() <= kMaxRequests;
}

void RequestSliders::rebuild()
{
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_duration.clear();
    m_arrival.clear();
    m_shares.clear();

    const Core::Scenario &scenario = m_editor->scenario();
    if (!appliesTo(scenario))
        return;
    const bool open = scenario.client.kind == Core::ClientModel::Kind::Open;
    const ValueSlider::Range range{0.0, kMaxSeconds, kPositions, ValueSlider::Scale::Linear};
    for (qsizetype i = 0; i < scenario.requests.size(); ++i) {
        const Core::RequestSpec &request = scenario.requests.at(i);
        auto *name = new QLabel(QStringLiteral("<b>%1</b>").arg(request.name.toHtmlEscaped()));
        m_layout->addSpacing(i == 0 ? 0 : 6);
        m_layout->addWidget(name);

        auto *duration = new ValueSlider(tr("Duration"), range, formatValue);
        duration->slider()->setObjectName(QStringLiteral("request%1Duration").arg(i + 1));
        duration->setToolTips(tr("How long %1 works on its own (its green boxes); its cpu and io steps scale together.").arg(request.name));
        connect(duration, &ValueSlider::valueEdited, this, [this, i](double seconds) { editDuration(i, seconds); });
        connectGesture(duration);
        m_layout->addWidget(duration);
        m_duration << duration;

        ValueSlider *arrival = nullptr;
        if (open) {
            arrival = new ValueSlider(tr("Arrival"), range, formatValue);
            arrival->slider()->setObjectName(QStringLiteral("request%1Arrival").arg(i + 1));
            arrival->setToolTips(tr("When %1 reaches the server, from the start of the scenario.").arg(request.name));
            connect(arrival, &ValueSlider::valueEdited, this, [this, i](double seconds) { editArrival(i, seconds); });
            connectGesture(arrival);
            m_layout->addWidget(arrival);
        }
        m_arrival << arrival;
        m_shares << ScenarioEdits::stepShares(request);
    }
    refresh();
}

void RequestSliders::connectGesture(ValueSlider *slider)
{
    connect(slider, &ValueSlider::gestureStarted, m_editor, &ScenarioEditor::beginGesture);
    connect(slider, &ValueSlider::gestureFinished, m_editor, &ScenarioEditor::endGesture);
}

void RequestSliders::refresh()
{
    const Core::Scenario &scenario = m_editor->scenario();
    if (m_duration.size() != scenario.requests.size())
        return; // not built for this scenario (generated, or too many requests)
    for (qsizetype i = 0; i < scenario.requests.size(); ++i) {
        const Core::RequestSpec &request = scenario.requests.at(i);
        const Core::NanosSum own = request.ownDuration();
        m_duration[i]->setValue(Core::sumToSeconds(own));
        m_duration[i]->setEnabled(!request.steps.isEmpty());
        if (own > 0)
            m_shares[i] = ScenarioEdits::stepShares(request);
        if (m_arrival[i])
            m_arrival[i]->setValue(Core::toSeconds(request.arrival));
    }
}

void RequestSliders::editDuration(qsizetype request, double seconds)
{
    const Core::Scenario &scenario = m_editor->scenario();
    const Core::Scenario edited = ScenarioEdits::withRequestDuration(scenario, request, Core::fromSeconds(seconds), m_shares.at(request));
    m_editor->edit(tr("Set the duration of %1 to %2").arg(scenario.requests.at(request).name, formatValue(seconds)), edited,
                   QStringLiteral("duration/%1").arg(request));
}

void RequestSliders::editArrival(qsizetype request, double seconds)
{
    const Core::Scenario &scenario = m_editor->scenario();
    const Core::Scenario edited = ScenarioEdits::withRequestArrival(scenario, request, Core::fromSeconds(seconds));
    m_editor->edit(tr("Set the arrival of %1 to %2").arg(scenario.requests.at(request).name, formatValue(seconds)), edited,
                   QStringLiteral("arrival/%1").arg(request));
}

} // namespace LatencyLab::Ui
