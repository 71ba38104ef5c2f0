// The property panel: the scenario's fields no slider covers, each edit one
// undo step and checked with the file's message; and every field the
// scenario writer writes, for rich scenarios of each kind, reachable from the
// window through a widget that edits it.

#include "controls/scenarioeditor.h"
#include "controls/scenarioproperties.h"
#include "window/mainwindow.h"
#include "windowfixtures.h"

#include "model/scenariojson.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Ui::MainWindow;

namespace {

// Every leaf of a scenario file as a path: "generate.steps[1].io.exp".
void collectLeaves(const QJsonValue &value, const QString &path, QStringList &leaves)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectLeaves(it.value(), path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(), leaves);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectLeaves(array.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), leaves);
    } else {
        leaves << path;
    }
}

// Which widgets edit a field of the file: a pattern of its path, and the
// object names of the widgets (\1, \2: the pattern's indexes, counted from 1).
// An entry "a|b" is one of the two (the kind of client decides which).
struct FieldWidgets
{
    QString pattern;
    QStringList widgets;
};

const QList<FieldWidgets> &fieldWidgets()
{
    static const QList<FieldWidgets> table = {
        {QStringLiteral(R"(name)"), {QStringLiteral("scenarioName")}},
        {QStringLiteral(R"(description)"), {QStringLiteral("scenarioDescription")}},
        {QStringLiteral(R"(server\.model)"), {QStringLiteral("model")}},
        {QStringLiteral(R"(server\.workers)"), {QStringLiteral("workers")}},
        {QStringLiteral(R"(server\.threads)"), {QStringLiteral("threads")}},
        {QStringLiteral(R"(server\.gil)"), {QStringLiteral("gil")}},
        {QStringLiteral(R"(server\.cores)"), {QStringLiteral("cores")}},
        {QStringLiteral(R"(server\.switch_interval)"), {QStringLiteral("switchInterval")}},
        {QStringLiteral(R"(server\.slices)"), {QStringLiteral("slices")}},
        {QStringLiteral(R"(compare\[\d+\]\..+)"), {QStringLiteral("comparedModels"), QStringLiteral("selectedCompared")}},
        {QStringLiteral(R"(client\.kind)"), {QStringLiteral("clientKind")}},
        {QStringLiteral(R"(client\.timeout)"), {QStringLiteral("openTimeout|timeout")}},
        {QStringLiteral(R"(client\.connections)"), {QStringLiteral("connections")}},
        {QStringLiteral(R"(client\.duration)"), {QStringLiteral("clientDuration")}},
        {QStringLiteral(R"(generate\.count)"), {QStringLiteral("requestCount")}},
        {QStringLiteral(R"(generate\.seed)"), {QStringLiteral("seed")}},
        {QStringLiteral(R"(generate\.arrival\.poisson)"), {QStringLiteral("arrivalKind"), QStringLiteral("arrivalRate")}},
        {QStringLiteral(R"(generate\.arrival\.uniform\[0\])"), {QStringLiteral("arrivalKind"), QStringLiteral("arrivalLow")}},
        {QStringLiteral(R"(generate\.arrival\.uniform\[1\])"), {QStringLiteral("arrivalKind"), QStringLiteral("arrivalHigh")}},
        {QStringLiteral(R"(generate\.arrival\.burst\.size)"), {QStringLiteral("arrivalKind"), QStringLiteral("burstSize")}},
        {QStringLiteral(R"(generate\.arrival\.burst\.every)"), {QStringLiteral("arrivalKind"), QStringLiteral("burstEvery")}},
        {QStringLiteral(R"(generate\.steps\[(\d+)\]\.(cpu|io)(\..+)?)"),
         {QStringLiteral("generatorStep\\1Kind"), QStringLiteral("generatorStep\\1Distribution"), QStringLiteral("generatorStep\\1First")}},
        {QStringLiteral(R"(requests\[(\d+)\]\.name)"), {QStringLiteral("request\\1Name")}},
        {QStringLiteral(R"(requests\[(\d+)\]\.arrival)"), {QStringLiteral("request\\1Arrival")}},
        {QStringLiteral(R"(requests\[(\d+)\]\.steps\[(\d+)\]\.(cpu|io))"),
         {QStringLiteral("request\\1Step\\2Kind"), QStringLiteral("request\\1Step\\2Duration")}},
        {QStringLiteral(R"(pipeline\.mode)"), {QStringLiteral("pipelineMode")}},
        {QStringLiteral(R"(pipeline\.seed)"), {QStringLiteral("seed")}},
        {QStringLiteral(R"(pipeline\.(modes\.(sync|async)\.)?producers)"), {QStringLiteral("pipelineScope"), QStringLiteral("producers")}},
        {QStringLiteral(R"(pipeline\.(modes\.(sync|async)\.)?items)"), {QStringLiteral("pipelineScope"), QStringLiteral("itemsPerProducer")}},
        {QStringLiteral(R"(pipeline\.(modes\.(sync|async)\.)?delay(\..+)?)"),
         {QStringLiteral("pipelineScope"), QStringLiteral("pauseDistribution"), QStringLiteral("pauseFirst")}},
        {QStringLiteral(R"(pipeline\.(modes\.(sync|async)\.)?consumers)"), {QStringLiteral("pipelineScope"), QStringLiteral("consumers")}},
        {QStringLiteral(R"(pipeline\.(modes\.(sync|async)\.)?processing(\..+)?)"),
         {QStringLiteral("pipelineScope"), QStringLiteral("processing"), QStringLiteral("processingDistribution")}},
        {QStringLiteral(R"(pipeline\.(modes\.(sync|async)\.)?processing_kind)"), {QStringLiteral("pipelineScope"), QStringLiteral("processingKind")}},
        {QStringLiteral(R"(pipeline\.(modes\.(sync|async)\.)?max_queue)"), {QStringLiteral("pipelineScope"), QStringLiteral("maxQueue")}},
    };
    return table;
}

// What the file is rather than what the scenario holds.
const QStringList kFormatFields = {QStringLiteral("format"), QStringLiteral("version")};

// The widgets editing `field`, as the table names them; empty when no entry matches.
std::optional<QStringList> widgetsFor(const QString &field)
{
    for (const FieldWidgets &entry : fieldWidgets()) {
        const QRegularExpressionMatch match = QRegularExpression(QRegularExpression::anchoredPattern(entry.pattern)).match(field);
        if (!match.hasMatch())
            continue;
        QStringList names;
        for (QString name : entry.widgets) {
            for (int group = 1; group <= match.lastCapturedIndex(); ++group) {
                bool number = false;
                const int index = match.captured(group).toInt(&number);
                if (number)
                    name.replace(QStringLiteral("\\%1").arg(group), QString::number(index + 1));
            }
            names << name;
        }
        return names;
    }
    return std::nullopt;
}

const QString kRichGenerated = QStringLiteral(R"({"format": "latencylab-scenario", "version": 1, "name": "Rich", "description": "Every field",
    "server": {"model": "threads", "workers": 2, "threads": 4, "gil": true, "cores": 2, "switch_interval": 0.005, "slices": true},
    "compare": [{"model": "sync", "workers": 3}, {"model": "async"}],
    "client": {"kind": "open", "timeout": 3},
    "generate": {"count": 50, "arrival": %1,
                 "steps": [{"cpu": 0.01}, {"io": {"exp": 0.1}}, {"cpu": {"uniform": [0.01, 0.02]}}, {"io": {"lognormal": [0.1, 0.05]}}],
                 "seed": 7}})");

const QString kRichPipeline = QStringLiteral(R"({"format": "latencylab-scenario", "version": 1, "name": "Rich pipeline", "description": "Every field",
    "pipeline": {"mode": "sync", "producers": 2, "items": 5, "delay": {"uniform": [0.1, 0.2]}, "consumers": 2,
                 "processing": {"exp": 0.3}, "processing_kind": "cpu", "max_queue": 0, "seed": 4,
                 "modes": {"sync": {"producers": 1, "items": 3, "delay": 0.1, "consumers": 1, "processing": 0.2,
                                    "processing_kind": "io", "max_queue": 3},
                           "async": {"producers": 3, "items": 4, "delay": {"exp": 0.1}, "consumers": 3,
                                     "processing": {"lognormal": [0.2, 0.1]}, "processing_kind": "cpu", "max_queue": 2}}}})");

const QString kHandWrittenOpen = QStringLiteral(R"({"format": "latencylab-scenario", "version": 1, "name": "Hand-written", "description": "d",
    "server": {"model": "sync"}, "client": {"kind": "open"},
    "requests": [{"name": "A", "arrival": 0, "steps": [{"cpu": 0.1}, {"io": 0.2}]}, {"name": "B", "arrival": 0.5, "steps": [{"io": 0.3}]}]})");

const QString kHandWrittenClosed = QStringLiteral(R"({"format": "latencylab-scenario", "version": 1, "name": "Closed", "description": "d",
    "server": {"model": "sync", "workers": 5}, "compare": [{"model": "async"}],
    "client": {"kind": "closed", "connections": 20, "duration": 15, "timeout": 2},
    "requests": [{"name": "GET /api/sun", "steps": [{"cpu": 0.002}, {"io": 0.47}]}]})");

} // namespace

class TestScenarioProperties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyWrittenFieldIsReachable_data();
    void everyWrittenFieldIsReachable();
    void seedIsOneUndoStep();
    void aRefusedSeedShowsTheFilesMessage();
    void distributionKindKeepsTheMean();
    void clientKindSwitchesTheSliders();
    void pipelineSeed();
    void manyRequestsNameOnlyTheFirst();

private:
    void open(const QByteArray &json);
    void unfold();
    const Core::Scenario &scenario() const { return m_window->editor()->scenario(); }
    QUndoStack *undo() const { return m_window->editor()->undoStack(); }
    template<typename Widget>
    Widget *child(const QString &name) const { return m_window->findChild<Widget *>(name); }
    void typeLine(const QString &name, const QString &text);

    QTemporaryDir m_settingsFolder;
    std::unique_ptr<MainWindow> m_window;
};

void TestScenarioProperties::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    QVERIFY(keepSettingsIn(m_settingsFolder.path()));
}

void TestScenarioProperties::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
}

void TestScenarioProperties::cleanup()
{
    m_window.reset();
}

void TestScenarioProperties::open(const QByteArray &json)
{
    const Core::Result<Core::Scenario> read = Core::ScenarioJson::parse(json);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error()));
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    m_window->showPreset(QStringLiteral("three-requests"), *read);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(shown.size() > 0 || shown.wait(kWindowComputeTimeoutMs));
    unfold();
}

void TestScenarioProperties::unfold()
{
    auto *toggle = child<QToolButton>(QStringLiteral("propertiesToggle"));
    QVERIFY(toggle);
    if (!toggle->isChecked())
        QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(child<Ui::ScenarioProperties>(QStringLiteral("scenarioProperties"))->isVisibleTo(m_window.get()));
}

void TestScenarioProperties::typeLine(const QString &name, const QString &text)
{
    auto *edit = child<QLineEdit>(name);
    QVERIFY2(edit, qPrintable(name));
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void TestScenarioProperties::everyWrittenFieldIsReachable_data()
{
    QTest::addColumn<QString>("json");
    QTest::newRow("generated, poisson") << QString(kRichGenerated).arg(QStringLiteral(R"({"poisson": 6})"));
    QTest::newRow("generated, uniform") << QString(kRichGenerated).arg(QStringLiteral(R"({"uniform": [0.1, 0.3]})"));
    QTest::newRow("generated, burst") << QString(kRichGenerated).arg(QStringLiteral(R"({"burst": {"size": 5, "every": 1}})"));
    QTest::newRow("hand-written, open") << kHandWrittenOpen;
    QTest::newRow("hand-written, closed") << kHandWrittenClosed;
    QTest::newRow("pipeline") << kRichPipeline;
}

// The writer's fields, not the test's idea of them: a field the writer
// starts writing fails here until a widget edits it.
void TestScenarioProperties::everyWrittenFieldIsReachable()
{
    QFETCH(QString, json);
    open(json.toUtf8());
    QStringList fields;
    collectLeaves(Core::ScenarioJson::toJson(scenario()), {}, fields);
    QVERIFY(fields.size() > 10);
    // A request's steps are a click away: unfolded as a user would.
    const QRegularExpression stepsToggle(QStringLiteral(R"(^request\d+Steps$)"));
    for (QToolButton *toggle : m_window->findChildren<QToolButton *>(stepsToggle))
        QTest::mouseClick(toggle, Qt::LeftButton);
    // A group hidden because it does not apply to the scenario is out of reach.
    const auto reachable = [this](const QString &name) {
        for (QWidget *widget : m_window->findChildren<QWidget *>(name)) {
            QWidget *group = widget;
            while (group && !qobject_cast<QGroupBox *>(group) && group != m_window.get())
                group = group->parentWidget();
            if (group && group->isVisibleTo(m_window.get()) && widget->isEnabled())
                return true;
        }
        return false;
    };
    // Unfolded, every field of the panel says what it is.
    for (QWidget *widget : child<Ui::ScenarioProperties>(QStringLiteral("scenarioProperties"))->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
            || (qobject_cast<QLineEdit *>(widget) && !qobject_cast<QAbstractSpinBox *>(widget->parentWidget()));
        if (control && widget->isVisibleTo(m_window.get()))
            QVERIFY2(!widget->toolTip().isEmpty(), qPrintable(widget->objectName()));
    }
    for (const QString &field : std::as_const(fields)) {
        if (kFormatFields.contains(field))
            continue;
        const std::optional<QStringList> widgets = widgetsFor(field);
        QVERIFY2(widgets, qPrintable(QStringLiteral("the file's %1 is edited by no widget of the window").arg(field)));
        for (const QString &names : *widgets) {
            const QStringList alternatives = names.split(QLatin1Char('|'));
            QVERIFY2(std::any_of(alternatives.cbegin(), alternatives.cend(), reachable),
                     qPrintable(QStringLiteral("%1: no widget %2 in the window").arg(field, names)));
        }
    }
}

void TestScenarioProperties::seedIsOneUndoStep()
{
    open(Core::ScenarioJson::serialize(presetScenario(QStringLiteral("n-requests"))));
    QCOMPARE(scenario().generator->seed, 1u);
    const int steps = undo()->count();
    typeLine(QStringLiteral("seed"), QStringLiteral("42"));
    QCOMPARE(scenario().generator->seed, 42u);
    QCOMPARE(undo()->count(), steps + 1);
    undo()->undo();
    QCOMPARE(scenario().generator->seed, 1u);
    QCOMPARE(child<QLineEdit>(QStringLiteral("seed"))->text(), QStringLiteral("1"));
}

void TestScenarioProperties::aRefusedSeedShowsTheFilesMessage()
{
    const Core::Scenario preset = presetScenario(QStringLiteral("n-requests"));
    open(Core::ScenarioJson::serialize(preset));
    QJsonObject file = Core::ScenarioJson::toJson(preset);
    QJsonObject generate = file.value(QStringLiteral("generate")).toObject();
    generate.insert(QStringLiteral("seed"), -1);
    file.insert(QStringLiteral("generate"), generate);
    const Core::Result<Core::Scenario> refused = Core::ScenarioJson::fromJson(file);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().startsWith(QStringLiteral("generate.seed")));

    const int steps = undo()->count();
    typeLine(QStringLiteral("seed"), QStringLiteral("-1"));
    auto *message = child<Ui::ScenarioProperties>(QStringLiteral("scenarioProperties"))->messageLabel();
    QCOMPARE(message->text(), refused.error());
    QVERIFY(message->isVisibleTo(m_window.get()));
    QCOMPARE(undo()->count(), steps);
    QCOMPARE(scenario(), preset);
    QCOMPARE(child<QLineEdit>(QStringLiteral("seed"))->text(), QStringLiteral("1"));
}

// The preset's io step is exponential of mean 0.1 s; Uniform keeps the mean, as wide as it: [0.05, 0.15].
void TestScenarioProperties::distributionKindKeepsTheMean()
{
    open(Core::ScenarioJson::serialize(presetScenario(QStringLiteral("n-requests"))));
    QCOMPARE(scenario().generator->steps.at(1).duration, Core::Distribution::exponential(0.1));
    auto *kind = child<QComboBox>(QStringLiteral("generatorStep2Distribution"));
    QVERIFY(kind);
    const int steps = undo()->count();
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down); // exponential → uniform
    const Core::Distribution uniform = scenario().generator->steps.at(1).duration;
    QCOMPARE(uniform.kind, Core::Distribution::Kind::Uniform);
    QCOMPARE(uniform.first, 0.05);
    QCOMPARE(uniform.second, 0.15);
    QCOMPARE(undo()->count(), steps + 1);
    QVERIFY(child<QWidget>(QStringLiteral("generatorStep2Second"))->isVisibleTo(m_window.get())); // high, beside the low
    undo()->undo();
    QCOMPARE(scenario().generator->steps.at(1).duration, Core::Distribution::exponential(0.1));
    QCOMPARE(kind->currentIndex(), int(Core::Distribution::Kind::Exponential));
}

// Open → closed: the client's sliders appear, with wrk's 2 s timeout; undo brings the open client back.
void TestScenarioProperties::clientKindSwitchesTheSliders()
{
    open(Core::ScenarioJson::serialize(presetScenario(QStringLiteral("three-requests"))));
    QCOMPARE(scenario().client.kind, Core::ClientModel::Kind::Open);
    QVERIFY(!child<QWidget>(QStringLiteral("connections"))->isVisibleTo(m_window.get()));
    auto *kind = child<QComboBox>(QStringLiteral("clientKind"));
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(scenario().client.kind, Core::ClientModel::Kind::Closed);
    QCOMPARE(scenario().client.timeout, 2 * Core::kNanosPerSecond);
    QVERIFY(child<QWidget>(QStringLiteral("connections"))->isVisibleTo(m_window.get()));
    QVERIFY(!child<QWidget>(QStringLiteral("openTimeout")));
    undo()->undo();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(scenario().client.kind, Core::ClientModel::Kind::Open);
    QVERIFY(child<QWidget>(QStringLiteral("openTimeout")));
}

void TestScenarioProperties::pipelineSeed()
{
    open(Core::ScenarioJson::serialize(presetScenario(QStringLiteral("producer-consumer"))));
    const quint64 before = scenario().pipeline->seed;
    typeLine(QStringLiteral("seed"), QStringLiteral("9"));
    QCOMPARE(scenario().pipeline->seed, 9u);
    undo()->undo();
    QCOMPARE(scenario().pipeline->seed, before);
}

// As many name fields as the request sliders have blocks (12), not one per request of a large file.
void TestScenarioProperties::manyRequestsNameOnlyTheFirst()
{
    QJsonArray requests;
    for (int i = 1; i <= 40; ++i)
        requests.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("R%1").arg(i)}, {QStringLiteral("arrival"), 0},
                                    {QStringLiteral("steps"), QJsonArray{QJsonObject{{QStringLiteral("cpu"), 0.001}}}}});
    QJsonObject file = Core::ScenarioJson::toJson(presetScenario(QStringLiteral("three-requests")));
    file.insert(QStringLiteral("requests"), requests);
    open(QJsonDocument(file).toJson());
    const QRegularExpression nameField(QStringLiteral(R"(^request\d+Name$)"));
    QCOMPARE(m_window->findChildren<QLineEdit *>(nameField).size(), 12);
    typeLine(QStringLiteral("request12Name"), QStringLiteral("Twelfth"));
    QCOMPARE(scenario().requests.at(11).name, QStringLiteral("Twelfth"));
    QCOMPARE(scenario().requests.size(), 40);
}

QTEST_MAIN(TestScenarioProperties)
#include "tst_scenarioproperties.moc"
