#include "window/scenariocontrols.h"

#include "controls/clientsliders.h"
#include "controls/comparelist.h"
#include "controls/generatorsliders.h"
#include "controls/modelpanel.h"
#include "controls/pipelinesliders.h"
#include "controls/requestsliders.h"
#include "controls/scenarioeditor.h"
#include "controls/scenarioproperties.h"

#include "model/presets.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace LatencyLab::Ui {

namespace {

QGroupBox *groupOf(const QString &title, QWidget *content)
{
    auto *group = new QGroupBox(title);
    (new QVBoxLayout(group))->addWidget(content);
    return group;
}

} // namespace

ScenarioControls::ScenarioControls(ScenarioEditor *editor, QWidget *parent)
    : QScrollArea(parent)
    , m_presets(new QComboBox)
    , m_description(new QLabel)
    , m_modelPanel(new ModelPanel(editor))
    , m_requestSliders(new RequestSliders(editor))
    , m_tooManyRequests(new QLabel)
    , m_generatorSliders(new GeneratorSliders(editor))
    , m_clientSliders(new ClientSliders(editor))
    , m_pipelineSliders(new PipelineSliders(editor))
    , m_propertiesToggle(new QToolButton)
    , m_properties(new ScenarioProperties(editor))
{
    m_presets->setObjectName(QStringLiteral("presets"));
    m_presets->setToolTip(tr("A ready-made scenario to explore; File → Open… loads your own."));
    for (const QString &name : Core::Presets::names()) {
        m_presets->addItem(name, name);
        m_presets->setItemData(m_presets->count() - 1, Core::Presets::summary(name), Qt::ToolTipRole);
    }
    connect(m_presets, &QComboBox::activated, this, [this](int index) {
        // The file's own entry has no preset data: it is already shown.
        if (const QString name = m_presets->itemData(index).toString(); !name.isEmpty())
            Q_EMIT presetChosen(name);
    });
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);

    auto *scenarioGroup = new QGroupBox(tr("Scenario"));
    auto *scenarioLayout = new QVBoxLayout(scenarioGroup);
    scenarioLayout->addWidget(m_presets);
    scenarioLayout->addWidget(m_description);

    m_modelGroup = groupOf(tr("Server model"), m_modelPanel);
    m_modelGroup->layout()->addWidget(new CompareList(editor));
    m_modelGroup->setToolTip(tr("The Gantt tab's model; the Compare tab shows it beside the others."));

    m_tooManyRequests->setWordWrap(true);
    m_requestGroup = new QGroupBox(tr("Requests"));
    auto *requestLayout = new QVBoxLayout(m_requestGroup);
    requestLayout->addWidget(m_requestSliders);
    requestLayout->addWidget(m_tooManyRequests);

    // The client's kind and the description can be edited too: the groups follow every edit.
    connect(editor, &ScenarioEditor::scenarioChanged, this, [this, editor] { showScenario(editor->scenario()); });

    m_generatorGroup = groupOf(tr("Generated requests"), m_generatorSliders);
    m_clientGroup = groupOf(tr("Client (closed loop, like wrk)"), m_clientSliders);
    m_pipelineGroup = groupOf(tr("Producers and consumers"), m_pipelineSliders);

    // Folded at first: the sliders are what most edits need.
    m_propertiesToggle->setObjectName(QStringLiteral("propertiesToggle"));
    m_propertiesToggle->setText(tr("More Properties"));
    m_propertiesToggle->setToolTip(tr("The scenario's other fields: name, seed, client kind, arrivals, distributions."));
    m_propertiesToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_propertiesToggle->setArrowType(Qt::RightArrow);
    m_propertiesToggle->setCheckable(true);
    m_propertiesToggle->setAutoRaise(true);
    m_properties->hide();
    connect(m_propertiesToggle, &QToolButton::toggled, this, [this](bool unfolded) {
        m_propertiesToggle->setArrowType(unfolded ? Qt::DownArrow : Qt::RightArrow);
        m_properties->setVisible(unfolded);
    });

    auto *controls = new QWidget;
    auto *layout = new QVBoxLayout(controls);
    for (QGroupBox *group : {scenarioGroup, m_modelGroup, m_clientGroup, m_generatorGroup, m_requestGroup, m_pipelineGroup})
        layout->addWidget(group);
    layout->addWidget(m_propertiesToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_properties);
    layout->addStretch(1);

    setObjectName(QStringLiteral("controls"));
    setWidget(controls);
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setMinimumWidth(280);
}

void ScenarioControls::showOrigin(const QString &presetName, const QString &filePath)
{
    // The first entry stands for the open file, if any (it has no preset data).
    if (m_presets->count() > 0 && m_presets->itemData(0).isNull())
        m_presets->removeItem(0);
    if (filePath.isEmpty()) {
        m_presets->setCurrentIndex(m_presets->findData(presetName));
        return;
    }
    m_presets->insertItem(0, QFileInfo(filePath).fileName());
    m_presets->setItemData(0, QDir::toNativeSeparators(filePath), Qt::ToolTipRole);
    m_presets->setCurrentIndex(0);
}

// Requests are added and removed in the group: a closed client's one request becomes several.
void ScenarioControls::showRequestGroupTitle(const Core::Scenario &scenario)
{
    if (scenario.client.kind == Core::ClientModel::Kind::Open)
        m_requestGroup->setTitle(tr("Requests"));
    else if (scenario.requests.size() == 1)
        m_requestGroup->setTitle(tr("Request (each connection repeats it)"));
    else
        m_requestGroup->setTitle(tr("Requests (each connection sends them in turn)"));
}

void ScenarioControls::showScenario(const Core::Scenario &scenario)
{
    m_description->setText(scenario.description);
    m_description->setVisible(!scenario.description.isEmpty());
    // A pipeline has no server to model.
    m_modelGroup->setVisible(!scenario.pipeline);

    const bool perRequest = RequestSliders::appliesTo(scenario);
    const bool handWritten = !scenario.generator && !scenario.requests.isEmpty();
    m_requestGroup->setVisible(handWritten);
    showRequestGroupTitle(scenario);
    m_tooManyRequests->setVisible(handWritten && !perRequest);
    m_tooManyRequests->setText(tr("%L1 hand-written requests: sliders are shown for at most %2.")
                                   .arg(scenario.requests.size())
                                   .arg(RequestSliders::kMaxRequests));
    m_generatorGroup->setVisible(GeneratorSliders::appliesTo(scenario));
    m_clientGroup->setVisible(ClientSliders::appliesTo(scenario) && !scenario.pipeline);
    m_pipelineGroup->setVisible(PipelineSliders::appliesTo(scenario));
}

} // namespace LatencyLab::Ui
