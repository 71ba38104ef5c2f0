#include "controls/clientsliders.h"

#include "controls/scenarioeditor.h"
#include "controls/scenarioedits.h"
#include "controls/valueslider.h"
#include "controls/valuetext.h"

#include "model/scenario.h"

#include <QSlider>
#include <QVBoxLayout>

#include <cmath>

namespace LatencyLab::Ui {

namespace {

QString formatConnections(double connections)
{
    const int n = int(connections);
    return n == 1 ? ClientSliders::tr("1 connection") : ClientSliders::tr("%1 connections").arg(n);
}

QString formatSeconds(double seconds)
{
    return ValueText::exactSeconds(seconds);
}

// As a scenario file has it: a closed client's duration and timeout are positive, a nanosecond at least.
constexpr double kShortestSeconds = 1e-9;

} // namespace

ClientSliders::ClientSliders(ScenarioEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_connections(new ValueSlider(tr("Connections"), {1, 200, 199, ValueSlider::Scale::Linear}, formatConnections))
    , m_duration(new ValueSlider(tr("Test duration"), {1, 60, 118, ValueSlider::Scale::Linear}, formatSeconds))
    , m_timeout(new ValueSlider(tr("Timeout"), {0.1, 10, 99, ValueSlider::Scale::Linear}, formatSeconds))
{
    m_connections->setRounder([](double value) { return std::round(value); });
    m_connections->setTyping(ValueSlider::numberTyping(1, Core::Limits::kMaxConnections, {tr("connection"), tr("connections")},
                                                       tr("a number of connections such as 20"), true));
    m_connections->setObjectNames(QStringLiteral("connections"));
    m_connections->setToolTips(tr("Open connections; each sends its next request as soon as the last one is answered (wrk -c)."));
    m_duration->setTyping(ValueSlider::secondsTyping(kShortestSeconds, Core::Limits::kMaxSeconds));
    m_duration->setObjectNames(QStringLiteral("clientDuration"));
    m_duration->setToolTips(tr("How long the connections keep sending; requests still unanswered then are not counted (wrk -d)."));
    m_timeout->setTyping(ValueSlider::secondsTyping(kShortestSeconds, Core::Limits::kMaxSeconds));
    m_timeout->setObjectNames(QStringLiteral("timeout"));
    m_timeout->setToolTips(tr("A response slower than this counts as a timeout and is left out of the latency figures (wrk's 2 s)."));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (ValueSlider *slider : {m_connections, m_duration, m_timeout}) {
        layout->addWidget(slider);
        connect(slider, &ValueSlider::gestureStarted, m_editor, &ScenarioEditor::beginGesture);
        connect(slider, &ValueSlider::gestureFinished, m_editor, &ScenarioEditor::endGesture);
    }

    connect(m_connections, &ValueSlider::valueEdited, this, [this](double connections) {
        m_editor->edit(tr("Set the client to %1").arg(formatConnections(connections)),
                       ScenarioEdits::withConnections(m_editor->scenario(), int(connections)), QStringLiteral("connections"));
    });
    connect(m_duration, &ValueSlider::valueEdited, this, [this](double seconds) {
        m_editor->edit(tr("Set the test duration to %1").arg(formatSeconds(seconds)),
                       ScenarioEdits::withClientDuration(m_editor->scenario(), Core::fromSeconds(seconds)), QStringLiteral("clientDuration"));
    });
    connect(m_timeout, &ValueSlider::valueEdited, this, [this](double seconds) {
        m_editor->edit(tr("Set the timeout to %1").arg(formatSeconds(seconds)),
                       ScenarioEdits::withTimeout(m_editor->scenario(), Core::fromSeconds(seconds)), QStringLiteral("timeout"));
    });
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, &ClientSliders::refresh);
    refresh();
}

bool ClientSliders::appliesTo(const Core::Scenario &scenario)
{
    return scenario.client.kind == Core::ClientModel::Kind::Closed;
}

void ClientSliders::refresh()
{
    const Core::ClientModel &client = m_editor->scenario().client;
    if (client.kind != Core::ClientModel::Kind::Closed)
        return;
    m_connections->setValue(client.connections);
    m_duration->setValue(Core::toSeconds(client.duration));
    m_timeout->setValue(Core::toSeconds(client.timeout));
}

} // namespace LatencyLab::Ui
