#include "controls/modelpanel.h"

#include "controls/modeledits.h"
#include "controls/scenarioeditor.h"

#include "engine/report.h"
#include "model/servermodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFont>
#include <QFormLayout>
#include <QKeySequence>
#include <QLabel>
#include <QScopedValueRollback>
#include <QSignalBlocker>
#include <QSpinBox>

namespace LatencyLab::Ui {

namespace {

QSpinBox *spinBox(int minimum, int maximum, const QString &objectName, const QString &toolTip)
{
    auto *box = new QSpinBox;
    box->setRange(minimum, maximum);
    box->setKeyboardTracking(false); // typing "12" is one edit, not two
    box->setObjectName(objectName);
    box->setToolTip(toolTip);
    return box;
}

} // namespace

QString ModelPanel::modelToolTip(const QString &name)
{
    if (name == QLatin1String("sync"))
        return tr("Blocking workers: each handles one request at a time and waits through its io.");
    if (name == QLatin1String("async"))
        return tr("An event loop: io releases the loop for other requests; cpu steps run one at a time, each to its end.");
    if (name == QLatin1String("threads"))
        return tr("K threads per worker; with a GIL their cpu steps share one processor, each at its share.");
    return tr("Several blocking worker processes, as many as the machine has cores.");
}

ModelPanel::ModelPanel(ScenarioEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_model(new QComboBox)
    , m_workers(spinBox(1, Core::Limits::kMaxWorkers, QStringLiteral("workers"), tr("Worker processes; requests go to them round-robin unless one is idle.")))
    , m_threads(spinBox(1, Core::Limits::kMaxThreads, QStringLiteral("threads"), tr("Requests one worker handles at a time (K threads); more than 1 turns a blocking worker into a threaded one.")))
    , m_gil(new QCheckBox(tr("Global interpreter lock (GIL)")))
    , m_cores(spinBox(0, Core::Limits::kMaxCores, QStringLiteral("cores"), tr("Processor cores on the whole machine; 0 means no limit. More cpu steps than cores share them, each at its share of a core.")))
    , m_switchInterval(new QDoubleSpinBox)
    , m_slices(new QCheckBox(tr("Draw each time slice")))
    , m_summary(new QLabel)
    , m_notice(new QLabel)
{
    m_model->setObjectName(QStringLiteral("model"));
    m_model->setToolTip(tr("How the server runs requests: blocking workers, an event loop, threads or processes."));
    for (const QString &name : Core::ServerModel::presetNames()) {
        m_model->addItem(name, name);
        m_model->setItemData(m_model->count() - 1, modelToolTip(name), Qt::ToolTipRole);
    }
    m_gil->setObjectName(QStringLiteral("gil"));
    m_gil->setToolTip(tr("Threads of one worker share one processor for their cpu steps, as under Python's GIL: "
                         "each runs at its share, and all finish late together."));
    m_cores->setSpecialValueText(tr("no limit"));
    m_switchInterval->setObjectName(QStringLiteral("switchInterval"));
    m_switchInterval->setRange(Core::toSeconds(Core::ServerModel::kMinSwitchInterval) * 1e3,
                               Core::toSeconds(Core::ServerModel::kMaxSwitchInterval) * 1e3);
    m_switchInterval->setDecimals(3);
    m_switchInterval->setSuffix(tr(" ms"));
    m_switchInterval->setKeyboardTracking(false);
    m_switchInterval->setToolTip(tr("How long a thread keeps the GIL, or a process a core, while another waits for it "
                                    "(CPython: 5 ms). Real runs take turns this long; with slices drawn, so does the chart."));
    m_slices->setObjectName(QStringLiteral("slices"));
    m_slices->setToolTip(tr("Off: cpu steps that share the GIL or the cores run at their share of a core, drawn as boxes "
                            "filled to that share. On: they take turns every switch interval, drawn one by one, "
                            "ready while another has its turn."));
    m_summary->setToolTip(tr("The server model as simulated."));
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("modelSummary"));
    m_notice->setObjectName(QStringLiteral("modelNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setToolTip(tr("What the last change in this panel did besides what you chose."));
    m_notice->setVisible(false);
    QFont noticeFont = m_notice->font();
    noticeFont.setItalic(true); // what changed besides the choice, told apart from the summary
    m_notice->setFont(noticeFont);

    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addRow(tr("&Model:"), m_model);
    layout->addRow(tr("&Workers:"), m_workers);
    layout->addRow(tr("&Threads (K):"), m_threads);
    layout->addRow(QString(), m_gil);
    layout->addRow(tr("&Cores:"), m_cores);
    layout->addRow(tr("S&witch interval:"), m_switchInterval);
    layout->addRow(QString(), m_slices);
    layout->addRow(m_summary);
    layout->addRow(m_notice);
    // The form labels explain themselves too.
    for (QWidget *field : {static_cast<QWidget *>(m_model), static_cast<QWidget *>(m_workers), static_cast<QWidget *>(m_threads),
                           static_cast<QWidget *>(m_cores), static_cast<QWidget *>(m_switchInterval)}) {
        if (QWidget *label = layout->labelForField(field))
            label->setToolTip(field->toolTip());
    }

    connect(m_model, &QComboBox::activated, this, &ModelPanel::chooseModel);
    connect(m_workers, &QSpinBox::valueChanged, this, [this](int workers) {
        editServer(tr("Set workers to %1").arg(workers), QStringLiteral("workers"), [workers](Core::ServerSpec &spec) {
            spec.workers = workers;
        });
    });
    connect(m_threads, &QSpinBox::valueChanged, this, [this](int threads) {
        editServer(tr("Set threads per worker to %1").arg(threads), QStringLiteral("threads"), [threads](Core::ServerSpec &spec) {
            spec.threads = threads;
        });
    });
    connect(m_gil, &QCheckBox::toggled, this, [this](bool gil) {
        editServer(gil ? tr("Turn the GIL on") : tr("Turn the GIL off"), {}, [gil](Core::ServerSpec &spec) { spec.gil = gil; });
    });
    connect(m_cores, &QSpinBox::valueChanged, this, [this](int cores) {
        editServer(tr("Set cores to %1").arg(cores == 0 ? tr("no limit") : QString::number(cores)), QStringLiteral("cores"),
                   [cores](Core::ServerSpec &spec) { spec.cores = cores; });
    });
    connect(m_switchInterval, &QDoubleSpinBox::valueChanged, this, [this](double milliseconds) {
        editServer(tr("Set the switch interval to %1").arg(Core::formatSeconds(milliseconds / 1e3)), QStringLiteral("switchInterval"),
                   [milliseconds](Core::ServerSpec &spec) { spec.switchInterval = Core::fromSeconds(milliseconds / 1e3); });
    });
    connect(m_slices, &QCheckBox::toggled, this, [this](bool slices) {
        editServer(slices ? tr("Draw each time slice") : tr("Draw shares of a core"), {},
                   [slices](Core::ServerSpec &spec) { spec.slices = slices; });
    });
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, &ModelPanel::refresh);
    refresh();
}

void ModelPanel::setPlace(qsizetype place)
{
    if (m_place == place)
        return;
    m_place = place;
    refresh();
}

void ModelPanel::chooseModel(int index)
{
    const QString name = m_model->itemData(index).toString();
    if (m_place >= ModelEdits::serverCount(m_editor->scenario()))
        return;
    const ModelEdits::ModelChoice choice = ModelEdits::withModelChosen(m_editor->scenario(), m_place, name);
    if (choice.scenario == m_editor->scenario())
        return;
    const Core::Result<Core::ServerModel> replaced = ModelEdits::serverAt(m_editor->scenario(), m_place).resolve();
    edited(tr("Use the %1 model").arg(name), choice.scenario);
    // Say what else changed: a choice never changes a value silently.
    const QString undo = QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText);
    QStringList lines;
    if (choice.swapped && replaced)
        lines << tr("%1 came from the comparison; %2 is compared in its place.").arg(name, replaced->describe());
    if (!choice.changed.isEmpty())
        lines << tr("Changed with the model: %1.").arg(choice.changed.join(QStringLiteral(", ")));
    if (!choice.kept.isEmpty())
        lines << tr("Kept: %1.").arg(choice.kept.join(QStringLiteral(", ")));
    if (!choice.changed.isEmpty() && !choice.swapped && !undo.isEmpty())
        lines << tr("Undo (%1) brings them back.").arg(undo);
    showNotice(lines.join(QLatin1Char(' ')));
}

void ModelPanel::editServer(const QString &text, const QString &key, const std::function<void(Core::ServerSpec &)> &change)
{
    const Core::Scenario &scenario = m_editor->scenario();
    if (m_place >= ModelEdits::serverCount(scenario))
        return;
    const Core::ServerSpec before = ModelEdits::serverAt(scenario, m_place);
    Core::ServerSpec after = before;
    change(after);
    const Core::Result<Core::ServerModel> wasModel = before.resolve();
    const Core::Result<Core::ServerModel> isModel = after.resolve();
    edited(text, ModelEdits::withServerAt(scenario, m_place, after), key);
    // An edit that changes how requests run renames the model: say so.
    if (wasModel && isModel && wasModel->name != isModel->name)
        showNotice(tr("The model is now %1 (it was %2).").arg(isModel->name, wasModel->name), key);
}

void ModelPanel::edited(const QString &text, const Core::Scenario &scenario, const QString &key)
{
    m_editingKey = key;
    const QScopedValueRollback editing(m_editing, true);
    // A compared model's edits say which one, and merge only with their own.
    if (m_place == ModelEdits::kPrimary)
        m_editor->edit(text, scenario, key);
    else
        m_editor->edit(tr("%1 (compared model %2)").arg(text).arg(m_place),
                       scenario, key.isEmpty() ? key : key + QLatin1Char('@') + QString::number(m_place));
}

void ModelPanel::showNotice(const QString &text, const QString &key)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
    m_noticeKey = key;
}

void ModelPanel::refresh()
{
    // Any other change since (an undo, another control, another scenario)
    // makes the notice stale; the next tick of the control that caused it does not.
    if (!(m_editing && !m_editingKey.isEmpty() && m_editingKey == m_noticeKey))
        showNotice({});
    const Core::Scenario &scenario = m_editor->scenario();
    const bool present = m_place < ModelEdits::serverCount(scenario);
    setEnabled(present);
    if (!present)
        return;
    const Core::ServerSpec spec = ModelEdits::serverAt(scenario, m_place);
    const Core::Result<Core::ServerModel> model = spec.resolve();
    const QSignalBlocker blockModel(m_model);
    const QSignalBlocker blockWorkers(m_workers);
    const QSignalBlocker blockThreads(m_threads);
    const QSignalBlocker blockGil(m_gil);
    const QSignalBlocker blockCores(m_cores);
    const QSignalBlocker blockSwitchInterval(m_switchInterval);
    const QSignalBlocker blockSlices(m_slices);
    // The box names what is simulated, which the values may have made another model than the file named.
    m_model->setCurrentIndex(m_model->findData(model ? model->name : spec.model));
    if (!model) {
        m_summary->setText(model.error());
        return;
    }
    m_workers->setValue(model->workers);
    m_threads->setValue(model->threads);
    m_gil->setChecked(model->gil);
    m_cores->setValue(model->cores);
    m_switchInterval->setValue(Core::toSeconds(model->switchInterval) * 1e3);
    m_slices->setChecked(model->slices);
    // Settings the model ignores are greyed out rather than hidden, so the panel does not jump.
    m_threads->setEnabled(model->concurrency != Core::ServerModel::Concurrency::EventLoop);
    m_gil->setEnabled(model->concurrency == Core::ServerModel::Concurrency::Threads);
    m_switchInterval->setEnabled(model->timeShared());
    m_slices->setEnabled(model->timeShared());
    m_summary->setText(model->describe());
}

} // namespace LatencyLab::Ui
