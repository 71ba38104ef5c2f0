#include "controls/pipelinesliders.h"

#include "controls/distributioneditor.h"
#include "controls/narrowcombo.h"
#include "controls/scenarioeditor.h"
#include "controls/scenarioedits.h"
#include "controls/scenariofilecheck.h"
#include "controls/valueslider.h"
#include "controls/valuetext.h"

#include "model/scenario.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace LatencyLab::Ui {

namespace {

using Mode = Core::PipelineSpec::Mode;
using Kind = Core::Distribution::Kind;

constexpr double kSliderSeconds = 5.0; // the sliders' end; typed values may go further
constexpr int kSecondsPositions = 500; // 10 ms a step
constexpr int kSliderCount = 20;
constexpr int kSliderItems = 100;
// Typed counts are only kept within int: past that the file's own limits say what is wrong.
constexpr double kTypedCountLimit = 1e9;

// The pause's low and high, when it is a range the sliders can show (fixed: a range of one value).
std::optional<std::pair<double, double>> pauseRange(const Core::Distribution &delay)
{
    if (delay.kind == Kind::Uniform)
        return std::pair{delay.first, delay.second};
    if (delay.kind == Kind::Fixed)
        return std::pair{delay.first, delay.first};
    return std::nullopt;
}

QString scopeKey(PipelineSliders::Scope scope)
{
    switch (scope) {
    case PipelineSliders::Scope::BothModes:
        break;
    case PipelineSliders::Scope::SyncMode:
        return QStringLiteral("/sync");
    case PipelineSliders::Scope::AsyncMode:
        return QStringLiteral("/async");
    }
    return {};
}

// What `overrides` sets, in the sliders' words.
QStringList namesOf(const Core::PipelineOverrides &overrides)
{
    QStringList names;
    const auto add = [&names](bool set, const QString &name) {
        if (set)
            names << name;
    };
    add(overrides.producers.has_value(), PipelineSliders::tr("producers"));
    add(overrides.itemsPerProducer.has_value(), PipelineSliders::tr("items"));
    add(overrides.delay.has_value(), PipelineSliders::tr("pause"));
    add(overrides.consumers.has_value(), PipelineSliders::tr("consumers"));
    add(overrides.processing.has_value(), PipelineSliders::tr("processing time"));
    add(overrides.processingKind.has_value(), PipelineSliders::tr("processing kind"));
    add(overrides.maxQueue.has_value(), PipelineSliders::tr("queue capacity"));
    return names;
}

QString queueText(double capacity)
{
    const qint64 n = qint64(capacity);
    return n == 0 ? PipelineSliders::tr("unbounded") : n == 1 ? PipelineSliders::tr("1 item") : PipelineSliders::tr("%L1 items").arg(n);
}

} // namespace

PipelineSliders::PipelineSliders(ScenarioEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_scopeBox(narrowComboBox(QStringLiteral("pipelineScope")))
    , m_resetMode(new QPushButton(tr("Use the Shared Values")))
    , m_producers(countSlider(tr("Producers"), kSliderCount, tr("producer"), tr("producers")))
    , m_items(countSlider(tr("Items per producer"), kSliderItems, tr("item"), tr("items")))
    , m_pauseLow(secondsSlider(tr("Pause after an item, from")))
    , m_pauseHigh(secondsSlider(tr("… to")))
    , m_consumers(countSlider(tr("Consumers"), kSliderCount, tr("consumer"), tr("consumers")))
    , m_processing(secondsSlider(tr("Processing time (mean)")))
    , m_queue(new ValueSlider(tr("Queue capacity"), {0, double(kSliderItems), kSliderItems, ValueSlider::Scale::Linear}, queueText))
    , m_pauseDistribution(new DistributionEditor)
    , m_processingDistribution(new DistributionEditor)
    , m_processingKind(narrowComboBox(QStringLiteral("processingKind")))
    , m_message(new QLabel)
    , m_ownValues(new QLabel)
{
    m_scopeBox->setObjectName(QStringLiteral("pipelineScope"));
    m_scopeBox->addItem(tr("Both modes"));
    m_scopeBox->addItem(tr("Sync mode only"));
    m_scopeBox->addItem(tr("Async mode only"));
    m_scopeBox->setToolTip(tr("Edit the values both modes share, or one mode's own values (which then differ from the "
                              "other's, as the course's sync makes 1 × 20 items and async 2 × 20)."));
    connect(m_scopeBox, &QComboBox::activated, this, [this](int index) { setScope(Scope(index)); });
    m_resetMode->setObjectName(QStringLiteral("pipelineResetMode"));
    connect(m_resetMode, &QPushButton::clicked, this, &PipelineSliders::resetMode);

    m_producers->setObjectNames(QStringLiteral("producers"));
    m_producers->setToolTips(tr("How many producers make items at once."));
    m_items->setObjectNames(QStringLiteral("itemsPerProducer"));
    m_items->setToolTips(tr("How many items each producer makes."));
    m_pauseLow->setObjectNames(QStringLiteral("pauseLow"));
    m_pauseHigh->setObjectNames(QStringLiteral("pauseHigh"));
    m_consumers->setObjectNames(QStringLiteral("consumers"));
    m_consumers->setToolTips(tr("How many consumers take items from the queue."));
    m_processing->setObjectNames(QStringLiteral("processing"));
    m_processing->setToolTips(tr("How long a consumer works on each item it takes, on average (its distribution is below)."));
    m_queue->setObjectNames(QStringLiteral("maxQueue"));
    m_queue->setRounder([](double value) { return std::round(value); });
    m_queue->setTyping(ValueSlider::numberTyping(-kTypedCountLimit, kTypedCountLimit, {tr("item"), tr("items")},
                                                tr("a number of items such as 10, or 0 for an unbounded queue"), true));
    m_queue->setToolTips(tr("How many items the queue holds; a full queue makes producers wait (back-pressure). 0: unbounded."));

    m_pauseDistribution->setObjectNames(QStringLiteral("pause"));
    m_processingDistribution->setObjectNames(QStringLiteral("processing"));
    m_processingKind->setObjectName(QStringLiteral("processingKind"));
    m_processingKind->setToolTip(tr("Whether a consumer's processing is a wait, as the course's sleep, or work that holds the event loop"));
    m_processingKind->addItem(tr("I/O: a wait that holds nothing (a sleep)"), QStringLiteral("io"));
    m_processingKind->addItem(tr("CPU: work that holds the loop"), QStringLiteral("cpu"));
    m_message->setObjectName(QStringLiteral("pipelineMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_ownValues->setObjectName(QStringLiteral("pipelineOwnValues"));
    m_ownValues->setWordWrap(true);
    m_ownValues->setForegroundRole(QPalette::PlaceholderText);

    connectSlider(m_producers, QStringLiteral("producers"), [](double n) -> Change { return [n](auto &v) { v.producers = int(n); }; },
                  [](double n) { return tr("Set the producers to %1").arg(n); });
    connectSlider(m_items, QStringLiteral("items"), [](double n) -> Change { return [n](auto &v) { v.itemsPerProducer = int(n); }; },
                  [](double n) { return tr("Set the items per producer to %1").arg(n); });
    connectSlider(m_consumers, QStringLiteral("consumers"), [](double n) -> Change { return [n](auto &v) { v.consumers = int(n); }; },
                  [](double n) { return tr("Set the consumers to %1").arg(n); });
    connectSlider(m_queue, QStringLiteral("max_queue"), [](double n) -> Change { return [n](auto &v) { v.maxQueue = qint64(n); }; },
                  [](double n) { return tr("Set the queue capacity to %1").arg(queueText(n)); });
    // A low past the high (or a high below the low) takes the other end along: the range stays a range.
    connectSlider(m_pauseLow, QStringLiteral("delay"), [this](double low) -> Change {
        const double high = pauseRange(shownValues().delay).value_or(std::pair{low, low}).second;
        return [low, high](auto &v) { v.delay = Core::Distribution::uniform(low, std::max(low, high)); };
    }, [](double s) { return tr("Set the shortest pause to %1").arg(ValueText::exactSeconds(s)); });
    connectSlider(m_pauseHigh, QStringLiteral("delay"), [this](double high) -> Change {
        const double low = pauseRange(shownValues().delay).value_or(std::pair{high, high}).first;
        return [low, high](auto &v) { v.delay = Core::Distribution::uniform(std::min(low, high), high); };
    }, [](double s) { return tr("Set the longest pause to %1").arg(ValueText::exactSeconds(s)); });
    connectSlider(m_processing, QStringLiteral("processing"), [this](double mean) -> Change {
        const Core::Distribution processing = Core::ScenarioEdits::withMean(shownValues().processing, mean);
        return [processing](auto &v) { v.processing = processing; };
    }, [](double s) { return tr("Set the processing time to %1").arg(ValueText::exactSeconds(s)); });

    connect(m_pauseDistribution, &DistributionEditor::edited, this, [this](const Core::Distribution &delay) {
        edit(tr("Set the pause after an item"), QStringLiteral("delayDistribution"), [delay](auto &v) { v.delay = delay; });
    });
    connect(m_processingDistribution, &DistributionEditor::edited, this, [this](const Core::Distribution &processing) {
        edit(tr("Set the processing time"), QStringLiteral("processingDistribution"), [processing](auto &v) { v.processing = processing; });
    });
    connect(m_processingKind, &QComboBox::activated, this, [this](int index) {
        const Core::StepKind kind = Core::stepKindNamed(m_processingKind->itemData(index).toString());
        edit(tr("Set the processing to %1").arg(Core::stepKindName(kind)), QStringLiteral("processingKind"),
             [kind](auto &v) { v.processingKind = kind; });
    });

    auto *scopeRow = new QHBoxLayout;
    auto *scopeLabel = new QLabel(tr("Values of"));
    scopeLabel->setBuddy(m_scopeBox);
    scopeRow->addWidget(scopeLabel);
    scopeRow->addWidget(m_scopeBox, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(scopeRow);
    layout->addWidget(m_resetMode, 0, Qt::AlignLeft);
    layout->addWidget(m_ownValues);
    layout->addWidget(m_message); // on top: in sight whichever field was edited
    for (ValueSlider *slider : {m_producers, m_items, m_pauseLow, m_pauseHigh, m_consumers, m_processing, m_queue})
        layout->addWidget(slider);
    const auto caption = [layout](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text);
        label->setBuddy(buddy);
        layout->addWidget(label);
        layout->addWidget(buddy);
    };
    caption(tr("Pause after each item"), m_pauseDistribution);
    caption(tr("Processing of each item"), m_processingDistribution);
    caption(tr("Processing is"), m_processingKind);

    connect(m_editor, &ScenarioEditor::scenarioLoaded, this, [this] {
        m_message->hide();
        setScope(Scope::BothModes);
    });
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, &PipelineSliders::refresh);
    refresh();
}

bool PipelineSliders::appliesTo(const Core::Scenario &scenario)
{
    return scenario.pipeline.has_value();
}

ValueSlider *PipelineSliders::countSlider(const QString &name, int max, const QString &one, const QString &many)
{
    auto *slider = new ValueSlider(name, {1, double(max), max - 1, ValueSlider::Scale::Linear},
                                   [one, many](double n) { return QStringLiteral("%L1 %2").arg(qint64(n)).arg(n == 1 ? one : many); });
    slider->setRounder([](double value) { return std::round(value); });
    slider->setTyping(ValueSlider::numberTyping(-kTypedCountLimit, kTypedCountLimit, {one, many}, tr("a whole number such as 3"), true));
    return slider;
}

ValueSlider *PipelineSliders::secondsSlider(const QString &name)
{
    auto *slider = new ValueSlider(name, {0, kSliderSeconds, kSecondsPositions, ValueSlider::Scale::Linear}, ValueText::exactSeconds);
    // Past the file's limit too, so that its message, not a silent clamp, says what is wrong.
    slider->setTyping(ValueSlider::secondsTyping(0, 1e3 * Core::PipelineLimits::kMaxSeconds));
    return slider;
}

void PipelineSliders::connectSlider(ValueSlider *slider, const QString &key, std::function<Change(double)> change,
                                    std::function<QString(double)> describe)
{
    connect(slider, &ValueSlider::gestureStarted, m_editor, &ScenarioEditor::beginGesture);
    connect(slider, &ValueSlider::gestureFinished, m_editor, &ScenarioEditor::endGesture);
    connect(slider, &ValueSlider::valueEdited, this,
            [this, key, change, describe](double value) { edit(describe(value), key, change(value)); });
}

std::optional<Core::PipelineSpec::Mode> PipelineSliders::scopeMode() const
{
    switch (m_scope) {
    case Scope::BothModes:
        break;
    case Scope::SyncMode:
        return Mode::Sync;
    case Scope::AsyncMode:
        return Mode::Async;
    }
    return std::nullopt;
}

Core::PipelineSpec PipelineSliders::shownValues() const
{
    const Core::PipelineSpec &spec = *m_editor->scenario().pipeline;
    const std::optional<Mode> mode = scopeMode();
    return mode ? spec.forMode(*mode) : spec;
}

void PipelineSliders::setScope(Scope scope)
{
    m_scope = scope;
    m_scopeBox->setCurrentIndex(int(scope));
    refresh();
}

void PipelineSliders::edit(const QString &text, const QString &key, const Change &change)
{
    Core::Scenario edited = m_editor->scenario();
    if (!edited.pipeline)
        return;
    Core::PipelineSpec &spec = *edited.pipeline;
    if (const std::optional<Mode> mode = scopeMode()) {
        change(spec.overridesFor(*mode));
    } else {
        Core::PipelineOverrides own;
        change(own);
        spec.applyOverrides(own);
    }
    const std::optional<Mode> mode = scopeMode();
    const QString undoText = mode ? tr("%1 (%2 mode)").arg(text, Core::pipelineModeName(*mode)) : text;
    if (!ScenarioFileCheck::editChecked(m_editor, m_message, undoText, ScenarioFileCheck::readBack(edited),
                                        QStringLiteral("pipeline/") + key + scopeKey(m_scope)))
        refresh(); // back to the values the scenario keeps
}

void PipelineSliders::resetMode()
{
    const std::optional<Mode> mode = scopeMode();
    Core::Scenario edited = m_editor->scenario();
    if (!mode || !edited.pipeline)
        return;
    edited.pipeline->overridesFor(*mode) = {};
    m_message->hide();
    m_editor->edit(tr("Use the shared values in %1 mode").arg(Core::pipelineModeName(*mode)), edited);
}

void PipelineSliders::refresh()
{
    if (!m_editor->scenario().pipeline)
        return;
    const Core::PipelineSpec values = shownValues();
    m_producers->setValue(values.producers);
    m_items->setValue(values.itemsPerProducer);
    m_consumers->setValue(values.consumers);
    m_processing->setValue(values.processing.mean());
    m_queue->setValue(double(values.maxQueue));
    const std::optional<std::pair<double, double>> pause = pauseRange(values.delay);
    const QString pauseTip = pause ? tr("Each producer pauses after each item for a time drawn evenly between these.")
                                   : tr("The pause is drawn from a distribution with no range (below): choose Uniform to set one here.");
    for (ValueSlider *slider : {m_pauseLow, m_pauseHigh}) {
        slider->setEnabled(pause.has_value());
        slider->setToolTips(pauseTip);
    }
    m_pauseLow->setValue(pause ? pause->first : values.delay.mean());
    m_pauseHigh->setValue(pause ? pause->second : values.delay.mean());
    m_pauseDistribution->setDistribution(values.delay);
    m_processingDistribution->setDistribution(values.processing);
    m_processingKind->setCurrentIndex(m_processingKind->findData(Core::stepKindName(values.processingKind).toString()));

    const std::optional<Mode> mode = scopeMode();
    QStringList own;
    for (const Mode each : {Mode::Sync, Mode::Async}) {
        if (const QStringList names = namesOf(m_editor->scenario().pipeline->overridesFor(each)); !names.isEmpty())
            own << tr("%1 mode has its own %2").arg(Core::pipelineModeName(each), names.join(QStringLiteral(", ")));
    }
    m_ownValues->setText(own.join(QStringLiteral("; ")) + QLatin1Char('.'));
    m_ownValues->setVisible(!mode && !own.isEmpty());
    m_resetMode->setVisible(mode.has_value());
    m_resetMode->setEnabled(mode && !m_editor->scenario().pipeline->overridesFor(*mode).isEmpty());
    m_resetMode->setToolTip(mode ? tr("Drop the %1 mode's own values: it runs with the values both modes share.").arg(Core::pipelineModeName(*mode))
                                 : QString());
}

} // namespace LatencyLab::Ui
