#include "controls/scenarioproperties.h"

#include "controls/distributioneditor.h"
#include "controls/narrowcombo.h"
#include "controls/requestsliders.h"
#include "controls/scenarioeditor.h"
#include "controls/scenarioedits.h"
#include "controls/scenariofilecheck.h"
#include "controls/valuefield.h"
#include "controls/valueslider.h"
#include "controls/valuetext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace LatencyLab::Ui {

namespace {

using ClientKind = Core::ClientModel::Kind;
using ArrivalKind = Core::ArrivalProcess::Kind;

// What a client switched to closed starts with when it had no values of its own (wrk's timeout, a 10 s test).
constexpr Core::Nanos kNewClosedDuration = 10 * Core::kNanosPerSecond;
constexpr qint64 kNewOpenCount = 100; // requests a generator switched to an open client sends

QLabel *sectionTitle(const QString &text)
{
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
    title->setContentsMargins(0, 6, 0, 0);
    return title;
}

QString rateText(double perSecond)
{
    return ScenarioProperties::tr("%1 req/s").arg(ValueText::shortNumber(perSecond));
}

QString burstSizeText(double size)
{
    return ScenarioProperties::tr("%L1 requests").arg(qint64(size));
}

void setComboData(QComboBox *box, const QVariant &data)
{
    const QSignalBlocker quiet(box);
    box->setCurrentIndex(box->findData(data));
}

} // namespace

ScenarioProperties::ScenarioProperties(ScenarioEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("scenarioProperties"));
    m_message->setObjectName(QStringLiteral("propertiesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    auto *layout = new QVBoxLayout(this);
    constexpr int kIndent = 12; // as a group's contents, under the disclosure's arrow
    layout->setContentsMargins(kIndent, 0, kIndent, 0);
    layout->addWidget(m_message);

    connect(m_editor, &ScenarioEditor::scenarioLoaded, this, [this] {
        m_message->hide();
        rebuild();
    });
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, &ScenarioProperties::onScenarioChanged);
    rebuild();
}

ScenarioProperties::Shape ScenarioProperties::shapeOf(const Core::Scenario &scenario)
{
    Shape shape;
    shape.pipeline = scenario.pipeline.has_value();
    shape.client = scenario.client.kind;
    shape.generator = scenario.generator.has_value();
    if (scenario.generator) {
        shape.arrival = scenario.generator->arrival.kind;
        shape.steps = scenario.generator->steps.size();
    } else {
        // Names as far as the request sliders go: a file of 10⁶ requests is no form of 10⁶ rows.
        shape.requests = std::min(scenario.requests.size(), RequestSliders::kMaxRequests);
    }
    return shape;
}

void ScenarioProperties::onScenarioChanged()
{
    if (shapeOf(m_editor->scenario()) != m_shape)
        rebuild();
    else
        refresh();
}

// Rows made afresh for the scenario's shape (rows kept otherwise, so that focus stays where it was).
void ScenarioProperties::rebuild()
{
    if (m_rows) {
        // Later: the rows' own list or field may be what emitted this edit. Out of the window now.
        m_rows->hide();
        m_rows->setParent(nullptr);
        m_rows->deleteLater();
    }
    m_stepKinds.clear();
    m_stepDurations.clear();
    m_requestNames.clear();
    m_seed = nullptr;
    m_firstMode = nullptr;
    m_clientKind = nullptr;
    m_openTimeout = nullptr;
    m_arrivalKind = nullptr;
    m_arrivalFirst = m_arrivalSecond = nullptr;

    const Core::Scenario &scenario = m_editor->scenario();
    m_shape = shapeOf(scenario);
    m_rows = new QWidget;
    m_form = new QFormLayout(m_rows);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    static_cast<QVBoxLayout *>(layout())->addWidget(m_rows); // under the message

    m_name = lineEdit(QStringLiteral("scenarioName"), [this](const QString &text) {
        Core::Scenario edited = m_editor->scenario();
        edited.name = text;
        applyEdited(tr("Rename the scenario to %1").arg(text), QStringLiteral("name"), edited);
    });
    m_description = lineEdit(QStringLiteral("scenarioDescription"), [this](const QString &text) {
        Core::Scenario edited = m_editor->scenario();
        edited.description = text;
        applyEdited(tr("Set the description"), QStringLiteral("description"), edited);
    });
    m_name->setToolTip(tr("The scenario's name, in the window's title and the charts' titles"));
    m_description->setToolTip(tr("What the scenario shows, under the scenario chooser"));
    m_form->addRow(tr("Name"), m_name);
    m_form->addRow(tr("Description"), m_description);
    if (m_shape.pipeline) {
        addPipelineRows();
    } else {
        addClientRows();
        if (m_shape.generator) {
            addArrivalRows();
            addGeneratorStepRows();
        } else {
            addRequestNameRows();
        }
    }
    refresh();
}

QLineEdit *ScenarioProperties::lineEdit(const QString &objectName, std::function<void(const QString &)> commit)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    connect(edit, &QLineEdit::editingFinished, this, [edit, commit] {
        if (edit->isModified()) {
            edit->setModified(false);
            commit(edit->text());
        }
    });
    return edit;
}

ValueField *ScenarioProperties::secondsField(const QString &objectName, std::function<void(double)> commit)
{
    // Up to the largest double, so that the file's message, not a clamp, says what is too long.
    const ValueSlider::Typing seconds = ValueSlider::secondsTyping(0, std::numeric_limits<double>::max());
    auto *field = new ValueField(ValueText::exactSeconds, seconds.parse, seconds.expected);
    field->setObjectName(objectName);
    field->setWidthSample(QStringLiteral("999.999 ms0"));
    connect(field, &ValueField::valueTyped, this, std::move(commit));
    return field;
}

void ScenarioProperties::addPipelineRows()
{
    m_form->addRow(sectionTitle(tr("Producers and consumers")));
    m_firstMode = narrowComboBox(QStringLiteral("pipelineMode"));
    m_firstMode->setToolTip(tr("The mode the Gantt tab shows and the file names first; the Latency tab shows both."));
    for (const Core::PipelineSpec::Mode mode : {Core::PipelineSpec::Mode::Sync, Core::PipelineSpec::Mode::Async})
        m_firstMode->addItem(Core::pipelineModeName(mode), int(mode));
    connect(m_firstMode, &QComboBox::activated, this, [this](int index) {
        Core::Scenario edited = m_editor->scenario();
        edited.pipeline->mode = Core::PipelineSpec::Mode(m_firstMode->itemData(index).toInt());
        applyEdited(tr("Show %1 mode first").arg(m_firstMode->itemText(index)), {}, edited);
    });
    m_form->addRow(tr("Mode shown first"), m_firstMode);
    m_seed = lineEdit(QStringLiteral("seed"), [this](const QString &text) { editSeed(text); });
    m_seed->setToolTip(tr("The pauses and processing times drawn from distributions come from this seed: the same seed, the same run."));
    m_form->addRow(tr("Seed"), m_seed);
}

void ScenarioProperties::addClientRows()
{
    m_form->addRow(sectionTitle(tr("Client")));
    m_clientKind = narrowComboBox(QStringLiteral("clientKind"));
    m_clientKind->addItem(tr("Open"), int(ClientKind::Open));
    m_clientKind->setItemData(0, tr("Requests arrive at their own times, whatever the server does"), Qt::ToolTipRole);
    m_clientKind->addItem(tr("Closed (like wrk)"), int(ClientKind::Closed));
    m_clientKind->setItemData(1, tr("Connections each send the next request when the last is answered"), Qt::ToolTipRole);
    m_clientKind->setToolTip(tr("Open: requests arrive at their own times. Closed: connections send in turn, as wrk does."));
    connect(m_clientKind, &QComboBox::activated, this,
            [this](int index) { editClientKind(ClientKind(m_clientKind->itemData(index).toInt())); });
    m_form->addRow(tr("Kind"), m_clientKind);
    if (m_shape.client != ClientKind::Open)
        return; // a closed client's connections, duration and timeout have sliders
    m_openTimeout = secondsField(QStringLiteral("openTimeout"), [this](double seconds) {
        Core::Scenario edited = m_editor->scenario();
        edited.client.timeout = Core::fromSeconds(seconds);
        applyEdited(tr("Set the timeout to %1").arg(ValueText::exactSeconds(seconds)), QStringLiteral("openTimeout"), edited);
    });
    m_openTimeout->setToolTip(tr("A response slower than this counts as a timeout; 0 s: none."));
    m_form->addRow(tr("Timeout"), m_openTimeout);
}

void ScenarioProperties::addArrivalRows()
{
    m_form->addRow(sectionTitle(tr("Generated requests")));
    m_seed = lineEdit(QStringLiteral("seed"), [this](const QString &text) { editSeed(text); });
    m_seed->setToolTip(tr("Each request's durations and arrival are drawn from this seed: the same seed, the same requests."));
    m_form->addRow(tr("Seed"), m_seed);
    if (m_shape.client != ClientKind::Open)
        return; // a closed client's connections decide when requests go
    m_arrivalKind = narrowComboBox(QStringLiteral("arrivalKind"));
    m_arrivalKind->addItem(tr("Poisson (random, at a rate)"), int(ArrivalKind::Poisson));
    m_arrivalKind->addItem(tr("Uniform gaps"), int(ArrivalKind::Uniform));
    m_arrivalKind->addItem(tr("Bursts"), int(ArrivalKind::Burst));
    m_arrivalKind->setToolTip(tr("How generated requests arrive; another kind keeps the average rate"));
    connect(m_arrivalKind, &QComboBox::activated, this,
            [this](int index) { editArrivalKind(ArrivalKind(m_arrivalKind->itemData(index).toInt())); });
    m_form->addRow(tr("Arrivals"), m_arrivalKind);

    const auto arrivalEdit = [this](const QString &text, const std::function<void(Core::ArrivalProcess &)> &change) {
        Core::Scenario edited = m_editor->scenario();
        change(edited.generator->arrival);
        applyEdited(text, QStringLiteral("arrival"), edited);
    };
    switch (m_shape.arrival) {
    case ArrivalKind::Poisson: {
        const ValueSlider::Typing rate = ValueSlider::numberTyping(0, 0, {tr("req/s"), tr("requests/s")}, tr("a rate such as 20 req/s"));
        m_arrivalFirst = new ValueField(rateText, rate.parse, rate.expected);
        m_arrivalFirst->setObjectName(QStringLiteral("arrivalRate"));
        m_arrivalFirst->setToolTip(tr("Requests per second, on average"));
        connect(m_arrivalFirst, &ValueField::valueTyped, this, [arrivalEdit](double perSecond) {
            arrivalEdit(tr("Set the arrival rate to %1").arg(rateText(perSecond)), [perSecond](auto &arrival) { arrival.rate = perSecond; });
        });
        m_form->addRow(tr("Rate"), m_arrivalFirst);
        break;
    }
    case ArrivalKind::Uniform:
        m_arrivalFirst = secondsField(QStringLiteral("arrivalLow"), [arrivalEdit](double low) {
            arrivalEdit(tr("Set the shortest gap to %1").arg(ValueText::exactSeconds(low)), [low](auto &arrival) { arrival.low = low; });
        });
        m_arrivalSecond = secondsField(QStringLiteral("arrivalHigh"), [arrivalEdit](double high) {
            arrivalEdit(tr("Set the longest gap to %1").arg(ValueText::exactSeconds(high)), [high](auto &arrival) { arrival.high = high; });
        });
        m_arrivalFirst->setToolTip(tr("The shortest gap between two arrivals"));
        m_arrivalSecond->setToolTip(tr("The longest gap between two arrivals"));
        m_form->addRow(tr("Gap from"), m_arrivalFirst);
        m_form->addRow(tr("Gap to"), m_arrivalSecond);
        break;
    case ArrivalKind::Burst: {
        const ValueSlider::Typing size = ValueSlider::numberTyping(0, 0, {tr("request"), tr("requests")}, tr("a number of requests such as 10"));
        m_arrivalFirst = new ValueField(burstSizeText, size.parse, size.expected);
        m_arrivalFirst->setObjectName(QStringLiteral("burstSize"));
        connect(m_arrivalFirst, &ValueField::valueTyped, this, [this](double typed) {
            const Core::Result<Core::Scenario> checked =
                ScenarioFileCheck::readBackWith(m_editor->scenario(), {QStringLiteral("generate"), QStringLiteral("arrival"), QStringLiteral("burst"), QStringLiteral("size")}, typed);
            apply(tr("Set the burst size to %1").arg(burstSizeText(typed)), QStringLiteral("arrival"), checked);
        });
        m_arrivalSecond = secondsField(QStringLiteral("burstEvery"), [arrivalEdit](double every) {
            arrivalEdit(tr("Send a burst every %1").arg(ValueText::exactSeconds(every)), [every](auto &arrival) { arrival.burstEvery = every; });
        });
        m_arrivalFirst->setToolTip(tr("Requests arriving together in each burst"));
        m_arrivalSecond->setToolTip(tr("The time from one burst to the next"));
        m_form->addRow(tr("Burst size"), m_arrivalFirst);
        m_form->addRow(tr("Every"), m_arrivalSecond);
        break;
    }
    }
}

void ScenarioProperties::addGeneratorStepRows()
{
    for (qsizetype i = 0; i < m_shape.steps; ++i) {
        const QString prefix = QStringLiteral("generatorStep%1").arg(i + 1);
        QComboBox *kind = narrowComboBox(prefix + QStringLiteral("Kind"));
        kind->setToolTip(tr("cpu computes (needs a processor, and the loop or GIL where the model has one); io waits"));
        kind->addItem(tr("cpu"), int(Core::StepKind::Cpu));
        kind->addItem(tr("io"), int(Core::StepKind::Io));
        connect(kind, &QComboBox::activated, this, [this, i, kind](int index) {
            Core::Scenario edited = m_editor->scenario();
            edited.generator->steps[i].kind = Core::StepKind(kind->itemData(index).toInt());
            applyEdited(tr("Make step %1 %2").arg(i + 1).arg(kind->itemText(index)), {}, edited);
        });
        auto *duration = new DistributionEditor;
        duration->setObjectNames(prefix);
        connect(duration, &DistributionEditor::edited, this, [this, i](const Core::Distribution &distribution) {
            Core::Scenario edited = m_editor->scenario();
            edited.generator->steps[i].duration = distribution;
            applyEdited(tr("Set the duration of step %1").arg(i + 1), {}, edited);
        });
        m_form->addRow(tr("Step %1").arg(i + 1), kind);
        m_form->addRow(duration);
        m_stepKinds << kind;
        m_stepDurations << duration;
    }
}

void ScenarioProperties::addRequestNameRows()
{
    m_form->addRow(sectionTitle(tr("Request names")));
    for (qsizetype i = 0; i < m_shape.requests; ++i) {
        QLineEdit *name = lineEdit(QStringLiteral("request%1Name").arg(i + 1), [this, i](const QString &text) {
            Core::Scenario edited = m_editor->scenario();
            edited.requests[i].name = text;
            applyEdited(tr("Rename request %1 to %2").arg(i + 1).arg(text), {}, edited);
        });
        name->setToolTip(tr("The request's name in the charts and tables"));
        m_form->addRow(tr("Request %1").arg(i + 1), name);
        m_requestNames << name;
    }
}

void ScenarioProperties::refresh()
{
    const Core::Scenario &scenario = m_editor->scenario();
    const auto showText = [](QLineEdit *edit, const QString &text) {
        if (!edit->isModified() && edit->text() != text) { // never over what is being typed
            edit->setText(text);
            edit->setCursorPosition(0); // a long description shows its start
        }
    };
    showText(m_name, scenario.name);
    showText(m_description, scenario.description);
    if (m_firstMode)
        setComboData(m_firstMode, int(scenario.pipeline->mode));
    if (m_seed)
        showText(m_seed, QString::number(scenario.pipeline ? scenario.pipeline->seed : scenario.generator->seed));
    if (m_clientKind)
        setComboData(m_clientKind, int(scenario.client.kind));
    if (m_openTimeout)
        m_openTimeout->setValue(Core::toSeconds(scenario.client.timeout));
    if (m_arrivalKind) {
        const Core::ArrivalProcess &arrival = scenario.generator->arrival;
        setComboData(m_arrivalKind, int(arrival.kind));
        m_arrivalFirst->setValue(arrival.kind == ArrivalKind::Poisson   ? arrival.rate
                                 : arrival.kind == ArrivalKind::Uniform ? arrival.low
                                                                        : double(arrival.burstSize));
        if (m_arrivalSecond)
            m_arrivalSecond->setValue(arrival.kind == ArrivalKind::Uniform ? arrival.high : arrival.burstEvery);
    }
    for (qsizetype i = 0; i < m_stepKinds.size(); ++i) {
        setComboData(m_stepKinds.at(i), int(scenario.generator->steps.at(i).kind));
        m_stepDurations.at(i)->setDistribution(scenario.generator->steps.at(i).duration);
    }
    for (qsizetype i = 0; i < m_requestNames.size(); ++i)
        showText(m_requestNames.at(i), scenario.requests.at(i).name);
}

void ScenarioProperties::applyEdited(const QString &text, const QString &key, const Core::Scenario &edited)
{
    apply(text, key, ScenarioFileCheck::readBack(edited));
}

void ScenarioProperties::apply(const QString &text, const QString &key, const Core::Result<Core::Scenario> &checked)
{
    ScenarioFileCheck::editChecked(m_editor, m_message, text, checked, key.isEmpty() ? QString() : QStringLiteral("properties/") + key);
    // Back to the values the scenario keeps after a refusal, or shown as typed when the same value was typed again.
    refresh();
}

void ScenarioProperties::editSeed(const QString &typed)
{
    const QString owner = m_shape.pipeline ? QStringLiteral("pipeline") : QStringLiteral("generate");
    apply(tr("Set the seed to %1").arg(typed.trimmed()), {},
          ScenarioFileCheck::readBackWith(m_editor->scenario(), {owner, QStringLiteral("seed")}, ScenarioFileCheck::jsonOfTyped(typed)));
}

// A client of the other kind, with values of its own where it had none.
void ScenarioProperties::editClientKind(ClientKind kind)
{
    Core::Scenario edited = m_editor->scenario();
    if (kind == edited.client.kind)
        return;
    edited.client.kind = kind;
    if (kind == ClientKind::Closed) {
        edited.client.connections = std::max(1, edited.client.connections);
        if (edited.client.duration <= 0)
            edited.client.duration = kNewClosedDuration;
        if (edited.client.timeout <= 0)
            edited.client.timeout = Core::ClientModel::kWrkDefaultTimeout;
    } else if (edited.generator && edited.generator->count <= 0) {
        edited.generator->count = kNewOpenCount;
    }
    applyEdited(kind == ClientKind::Closed ? tr("Make the client closed") : tr("Make the client open"), {}, edited);
}

// Another arrival process sending at the same average rate.
void ScenarioProperties::editArrivalKind(ArrivalKind kind)
{
    Core::Scenario edited = m_editor->scenario();
    Core::ArrivalProcess &arrival = edited.generator->arrival;
    if (kind == arrival.kind)
        return;
    const double rate = Core::ScenarioEdits::arrivalRate(*edited.generator);
    const double gap = rate > 0 ? 1.0 / rate : 1.0;
    arrival.kind = kind;
    arrival.rate = 1.0 / gap;
    arrival.low = gap / 2;
    arrival.high = gap * 3 / 2;
    arrival.burstSize = std::max(1, arrival.burstSize);
    arrival.burstEvery = gap * arrival.burstSize;
    applyEdited(tr("Change the arrivals to %1").arg(m_arrivalKind->currentText()), {}, edited);
}

} // namespace LatencyLab::Ui
