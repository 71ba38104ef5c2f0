#include "controls/requestsliders.h"

#include "controls/requestedits.h"
#include "controls/scenarioeditor.h"
#include "controls/scenarioedits.h"
#include "controls/stepseditor.h"
#include "controls/valueslider.h"
#include "controls/valuetext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

namespace LatencyLab::Ui {

namespace {

constexpr int kPositions = 500; // 10 ms a step over 0–5 s

bool isOpen(const Core::Scenario &scenario)
{
    return scenario.client.kind == Core::ClientModel::Kind::Open;
}

// Hidden at once, deleted later: its own Remove button may be the one being clicked.
void discard(QWidget *block)
{
    block->hide();
    block->deleteLater();
}

} // namespace

RequestSliders::RequestSliders(ScenarioEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_blocksLayout(new QVBoxLayout)
    , m_add(new QPushButton(tr("+ Add Request")))
{
    m_blocksLayout->setContentsMargins(0, 0, 0, 0);
    m_blocksLayout->setSpacing(12);
    m_add->setObjectName(QStringLiteral("addRequest"));
    connect(m_add, &QPushButton::clicked, this, &RequestSliders::addRequest);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_blocksLayout);
    layout->addWidget(m_add, 0, Qt::AlignLeft);

    connect(m_editor, &ScenarioEditor::scenarioLoaded, this, &RequestSliders::rebuild);
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, &RequestSliders::sync);
    rebuild();
}

bool RequestSliders::appliesTo(const Core::Scenario &scenario)
{
    return !scenario.generator && !scenario.requests.isEmpty() && scenario.requests.size() <= kMaxRequests;
}

ValueSlider *RequestSliders::durationSlider(qsizetype request) const
{
    return request >= 0 && request < m_blocks.size() ? m_blocks.at(request).duration : nullptr;
}

ValueSlider *RequestSliders::arrivalSlider(qsizetype request) const
{
    return request >= 0 && request < m_blocks.size() ? m_blocks.at(request).arrival : nullptr;
}

StepsEditor *RequestSliders::stepsEditor(qsizetype request) const
{
    return request >= 0 && request < m_blocks.size() ? m_blocks.at(request).steps : nullptr;
}

QToolButton *RequestSliders::removeButton(qsizetype request) const
{
    return request >= 0 && request < m_blocks.size() ? m_blocks.at(request).remove : nullptr;
}

// A new scenario: blocks made afresh, steps folded.
void RequestSliders::rebuild()
{
    while (!m_blocks.isEmpty())
        discard(m_blocks.takeLast().widget);
    m_builtOpen = isOpen(m_editor->scenario());
    sync();
}

// After an edit, undo or redo: a block for each request (added or removed at
// the end, as the requests are numbered), then their values. Blocks are kept
// rather than made again, so focus and unfolded steps stay where they were.
void RequestSliders::sync()
{
    const Core::Scenario &scenario = m_editor->scenario();
    const bool applies = appliesTo(scenario);
    const qsizetype wanted = applies ? scenario.requests.size() : 0;
    if (applies && isOpen(scenario) != m_builtOpen) {
        while (!m_blocks.isEmpty())
            discard(m_blocks.takeLast().widget);
        m_builtOpen = isOpen(scenario);
    }
    while (m_blocks.size() > wanted)
        discard(m_blocks.takeLast().widget);
    while (m_blocks.size() < wanted) {
        m_blocks << makeBlock(m_blocks.size(), m_builtOpen);
        m_blocksLayout->addWidget(m_blocks.last().widget);
    }
    m_add->setVisible(applies);
    refresh();
}

RequestSliders::Block RequestSliders::makeBlock(qsizetype i, bool open)
{
    const QString prefix = QStringLiteral("request%1").arg(i + 1);
    Block block;
    block.widget = new QWidget;
    block.name = new QLabel;
    block.remove = new QToolButton;
    block.remove->setText(tr("Remove"));
    block.remove->setAutoRaise(true);
    block.remove->setObjectName(prefix + QStringLiteral("Remove"));
    connect(block.remove, &QToolButton::clicked, this, [this, i] { removeRequest(i); });

    const ValueSlider::Range range{0.0, kMaxSeconds, kPositions, ValueSlider::Scale::Linear};
    block.duration = new ValueSlider(tr("Duration"), range, ValueText::exactSeconds);
    block.duration->setObjectNames(prefix + QStringLiteral("Duration"));
    block.duration->setTyping(ValueSlider::secondsTyping(0.0, Core::Limits::kMaxSeconds));
    connect(block.duration, &ValueSlider::valueEdited, this, [this, i](double seconds) { editDuration(i, seconds); });
    connectGesture(block.duration);
    if (open) {
        block.arrival = new ValueSlider(tr("Arrival"), range, ValueText::exactSeconds);
        block.arrival->setObjectNames(prefix + QStringLiteral("Arrival"));
        block.arrival->setTyping(ValueSlider::secondsTyping(0.0, Core::Limits::kMaxSeconds));
        connect(block.arrival, &ValueSlider::valueEdited, this, [this, i](double seconds) { editArrival(i, seconds); });
        connectGesture(block.arrival);
    }
    block.steps = new StepsEditor(m_editor, i);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(block.name, 1);
    header->addWidget(block.remove);
    auto *layout = new QVBoxLayout(block.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(block.duration);
    if (block.arrival)
        layout->addWidget(block.arrival);
    layout->addWidget(block.steps);
    return block;
}

void RequestSliders::connectGesture(ValueSlider *slider)
{
    connect(slider, &ValueSlider::gestureStarted, m_editor, &ScenarioEditor::beginGesture);
    connect(slider, &ValueSlider::gestureFinished, m_editor, &ScenarioEditor::endGesture);
}

void RequestSliders::refresh()
{
    const Core::Scenario &scenario = m_editor->scenario();
    if (m_blocks.size() != scenario.requests.size())
        return; // not built for this scenario (generated, or too many requests)
    const bool canRemove = scenario.requests.size() > 1;
    for (qsizetype i = 0; i < scenario.requests.size(); ++i) {
        const Core::RequestSpec &request = scenario.requests.at(i);
        Block &block = m_blocks[i];
        block.name->setText(QStringLiteral("<b>%1</b>").arg(request.name.toHtmlEscaped()));
        block.remove->setEnabled(canRemove);
        block.remove->setToolTip(canRemove ? tr("Remove %1 from the scenario").arg(request.name)
                                           : tr("The last request cannot be removed: a scenario needs at least one."));
        block.duration->setToolTips(tr("How long %1 works on its own (its green boxes); its cpu and io steps scale together.").arg(request.name));
        const Core::NanosSum own = request.ownDuration();
        block.duration->setValue(Core::sumToSeconds(own));
        block.duration->setEnabled(!request.steps.isEmpty());
        // Proportions come from the steps unless they are all at 0 s and
        // still the steps the remembered proportions were taken from.
        if (own > 0 || block.shares.size() != request.steps.size())
            block.shares = ScenarioEdits::stepShares(request);
        if (block.arrival) {
            block.arrival->setToolTips(tr("When %1 reaches the server, from the start of the scenario.").arg(request.name));
            block.arrival->setValue(Core::toSeconds(request.arrival));
        }
        block.steps->refresh();
    }
    const bool full = scenario.requests.size() >= kMaxRequests;
    m_add->setEnabled(!full);
    m_add->setToolTip(full ? tr("The editor shows at most %1 requests; a scenario file can hold more.").arg(kMaxRequests)
                      : isOpen(scenario) ? tr("Add a request like the last one, arriving %1 after the latest.")
                                               .arg(ValueText::exactSeconds(Core::toSeconds(RequestEdits::kNewRequestGap)))
                                         : tr("Add a request like the last one; the connections send the requests in turn."));
}

void RequestSliders::editDuration(qsizetype request, double seconds)
{
    const Core::Scenario &scenario = m_editor->scenario();
    const Core::Scenario edited = ScenarioEdits::withRequestDuration(scenario, request, Core::fromSeconds(seconds), m_blocks.at(request).shares);
    m_editor->edit(tr("Set the duration of %1 to %2").arg(scenario.requests.at(request).name, ValueText::exactSeconds(seconds)), edited,
                   QStringLiteral("duration/%1").arg(request));
}

void RequestSliders::editArrival(qsizetype request, double seconds)
{
    const Core::Scenario &scenario = m_editor->scenario();
    const Core::Scenario edited = ScenarioEdits::withRequestArrival(scenario, request, Core::fromSeconds(seconds));
    m_editor->edit(tr("Set the arrival of %1 to %2").arg(scenario.requests.at(request).name, ValueText::exactSeconds(seconds)), edited,
                   QStringLiteral("arrival/%1").arg(request));
}

void RequestSliders::addRequest()
{
    const Core::Scenario &scenario = m_editor->scenario();
    if (scenario.requests.size() >= kMaxRequests)
        return;
    m_editor->edit(tr("Add %1").arg(RequestEdits::newRequestName(scenario)), RequestEdits::withRequestAdded(scenario));
}

void RequestSliders::removeRequest(qsizetype request)
{
    const Core::Scenario &scenario = m_editor->scenario();
    if (request >= scenario.requests.size())
        return;
    m_editor->edit(tr("Remove %1").arg(scenario.requests.at(request).name), RequestEdits::withRequestRemoved(scenario, request));
}

} // namespace LatencyLab::Ui
