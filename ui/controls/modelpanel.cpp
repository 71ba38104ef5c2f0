#include "controls/modelpanel.h"

#include "controls/scenarioeditor.h"

#include "engine/report.h"
#include "model/servermodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace LatencyLab::Ui {

namespace {

constexpr int kMaxWorkers = 1000;
constexpr int kMaxThreads = 1000;
constexpr int kMaxCores = 256;

QString modelToolTip(const QString &name)
{
    if (name == QLatin1String("sync"))
        return ModelPanel::tr("Blocking workers: each handles one request at a time and waits through its io.");
    if (name == QLatin1String("async"))
        return ModelPanel::tr("An event loop: io releases the loop for other requests; cpu steps run one at a time, each to its end.");
    if (name == QLatin1String("threads"))
        return ModelPanel::tr("K threads per worker; with a GIL their cpu steps share one processor, each at its share.");
    return ModelPanel::tr("Several blocking worker processes, as many as the machine has cores.");
}

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

ModelPanel::ModelPanel(ScenarioEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_model(new QComboBox)
    , m_workers(spinBox(1, kMaxWorkers, QStringLiteral("workers"), tr("Worker processes; requests go to them round-robin unless one is idle.")))
    , m_threads(spinBox(1, kMaxThreads, QStringLiteral("threads"), tr("Requests one worker handles at a time (K threads); more than 1 turns a blocking worker into a threaded one.")))
    , m_gil(new QCheckBox(tr("Global interpreter lock (GIL)")))
    , m_cores(spinBox(0, kMaxCores, QStringLiteral("cores"), tr("Processor cores on the whole machine; 0 means no limit. More cpu steps than cores share them, each at its share of a core.")))
    , m_switchInterval(new QDoubleSpinBox)
    , m_slices(new QCheckBox(tr("Draw each time slice")))
    , m_summary(new QLabel)
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
    // The form labels explain themselves too.
    for (QWidget *field : {static_cast<QWidget *>(m_model), static_cast<QWidget *>(m_workers), static_cast<QWidget *>(m_threads),
                           static_cast<QWidget *>(m_cores), static_cast<QWidget *>(m_switchInterval)}) {
        if (QWidget *label = layout->labelForField(field))
            label->setToolTip(field->toolTip());
    }

    connect(m_model, &QComboBox::activated, this, &ModelPanel::chooseModel);
    connect(m_workers, &QSpinBox::valueChanged, this, [this](int workers) {
        Core::Scenario edited = m_editor->scenario();
        edited.server.workers = workers;
        m_editor->edit(tr("Set workers to %1").arg(workers), edited, QStringLiteral("workers"));
    });
    connect(m_threads, &QSpinBox::valueChanged, this, [this](int threads) {
        Core::Scenario edited = m_editor->scenario();
        edited.server.threads = threads;
        m_editor->edit(tr("Set threads per worker to %1").arg(threads), edited, QStringLiteral("threads"));
    });
    connect(m_gil, &QCheckBox::toggled, this, [this](bool gil) {
        Core::Scenario edited = m_editor->scenario();
        edited.server.gil = gil;
        m_editor->edit(gil ? tr("Turn the GIL on") : tr("Turn the GIL off"), edited);
    });
    connect(m_cores, &QSpinBox::valueChanged, this, [this](int cores) {
        Core::Scenario edited = m_editor->scenario();
        edited.server.cores = cores;
        m_editor->edit(tr("Set cores to %1").arg(cores == 0 ? tr("no limit") : QString::number(cores)), edited, QStringLiteral("cores"));
    });
    connect(m_switchInterval, &QDoubleSpinBox::valueChanged, this, [this](double milliseconds) {
        Core::Scenario edited = m_editor->scenario();
        edited.server.switchInterval = Core::fromSeconds(milliseconds / 1e3);
        m_editor->edit(tr("Set the switch interval to %1").arg(Core::formatSeconds(milliseconds / 1e3)), edited,
                       QStringLiteral("switchInterval"));
    });
    connect(m_slices, &QCheckBox::toggled, this, [this](bool slices) {
        Core::Scenario edited = m_editor->scenario();
        edited.server.slices = slices;
        m_editor->edit(slices ? tr("Draw each time slice") : tr("Draw shares of a core"), edited);
    });
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, &ModelPanel::refresh);
    refresh();
}

void ModelPanel::chooseModel(int index)
{
    const QString name = m_model->itemData(index).toString();
    Core::Scenario edited = m_editor->scenario();
    if (edited.server.model == name)
        return;
    // A different model starts from its own defaults: 4 processes on 4
    // cores, 4 threads with a GIL… (the scenario's own variant if it has one).
    edited.server = edited.modelNamed(name);
    m_editor->edit(tr("Use the %1 model").arg(name), edited);
}

void ModelPanel::refresh()
{
    const Core::ServerSpec &spec = m_editor->scenario().server;
    const Core::Result<Core::ServerModel> model = spec.resolve();
    const QSignalBlocker blockModel(m_model);
    const QSignalBlocker blockWorkers(m_workers);
    const QSignalBlocker blockThreads(m_threads);
    const QSignalBlocker blockGil(m_gil);
    const QSignalBlocker blockCores(m_cores);
    const QSignalBlocker blockSwitchInterval(m_switchInterval);
    const QSignalBlocker blockSlices(m_slices);
    m_model->setCurrentIndex(m_model->findData(spec.model));
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
