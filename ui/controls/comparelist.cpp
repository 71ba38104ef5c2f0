#include "controls/comparelist.h"

#include "controls/modeledits.h"
#include "controls/modelpanel.h"
#include "controls/scenarioeditor.h"

#include <QFont>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace LatencyLab::Ui {

namespace {

// Rows the list shows before it scrolls: enough for the presets' comparisons.
constexpr int kVisibleRows = 4;

QString describe(const Core::ServerSpec &spec)
{
    const Core::Result<Core::ServerModel> model = spec.resolve();
    return model ? model->describe() : QStringLiteral("%1: %2").arg(spec.model, model.error());
}

} // namespace

CompareList::CompareList(ScenarioEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_caption(new QLabel)
    , m_list(new QListWidget)
    , m_add(new QToolButton)
    , m_remove(new QPushButton(tr("– &Remove")))
    , m_selected(new QWidget)
    , m_selectedTitle(new QLabel)
    , m_panel(new ModelPanel(editor))
{
    setObjectName(QStringLiteral("compareList"));
    m_caption->setBuddy(m_list);
    m_list->setObjectName(QStringLiteral("comparedModels"));
    m_list->setToolTip(tr("The models the Compare tab shows beside the server model, one section each. "
                          "Select one to change it."));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);

    m_add->setObjectName(QStringLiteral("addCompared"));
    m_add->setText(tr("+ &Add"));
    m_add->setToolTip(tr("Compare one more model, on the server model's machine (its cores)."));
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(m_add);
    for (const QString &name : Core::ServerModel::presetNames()) {
        QAction *action = menu->addAction(name, this, [this, name] { addModel(name); });
        action->setToolTip(ModelPanel::modelToolTip(name));
    }
    menu->setToolTipsVisible(true);
    m_add->setMenu(menu);
    m_remove->setObjectName(QStringLiteral("removeCompared"));

    // Under a title rather than in a frame: the side panel has no width to spare for a nested one.
    m_selected->setObjectName(QStringLiteral("selectedCompared"));
    QFont titleFont = m_selectedTitle->font();
    titleFont.setBold(true);
    m_selectedTitle->setFont(titleFont);
    auto *selectedLayout = new QVBoxLayout(m_selected);
    selectedLayout->setContentsMargins(0, 0, 0, 0);
    selectedLayout->addWidget(m_selectedTitle);
    selectedLayout->addWidget(m_panel);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    // A rule sets the compared models apart from the server model's form above.
    auto *rule = new QFrame;
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(rule);
    layout->addWidget(m_caption);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_selected);

    connect(m_remove, &QPushButton::clicked, this, &CompareList::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &CompareList::selectionChanged);
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, &CompareList::refresh);
    // Another scenario: nothing of it is selected yet.
    connect(m_editor, &ScenarioEditor::scenarioLoaded, m_list, [this] { m_list->setCurrentRow(-1); });
    refresh();
}

void CompareList::addModel(const QString &name)
{
    const Core::Scenario &scenario = m_editor->scenario();
    if (!ModelEdits::canAddCompared(scenario))
        return;
    const Core::ServerSpec added = ModelEdits::onTheSameMachine(name, scenario.server);
    m_editor->edit(tr("Compare with %1").arg(name), ModelEdits::withComparedAdded(scenario, added));
    m_list->setCurrentRow(m_list->count() - 1); // to change its values next
}

void CompareList::removeSelected()
{
    const int row = m_list->currentRow();
    const Core::Scenario &scenario = m_editor->scenario();
    if (row < 0 || !ModelEdits::canRemoveCompared(scenario))
        return;
    const QString name = ModelEdits::comparedModels(scenario).value(row).model;
    m_editor->edit(tr("Stop comparing %1").arg(name), ModelEdits::withComparedRemoved(scenario, row));
}

void CompareList::refresh()
{
    const Core::Scenario &scenario = m_editor->scenario();
    const QList<Core::ServerSpec> compared = ModelEdits::comparedModels(scenario);
    const bool byDefault = ModelEdits::comparesByDefault(scenario);
    m_caption->setText(byDefault ? tr("Com&pare with (the default):") : tr("Com&pare with:"));
    m_caption->setToolTip(byDefault ? tr("The scenario names no models to compare: the Compare tab shows sync and async. "
                                         "Adding, removing or changing one makes this list the scenario's own.")
                                    : QString());
    {
        const QSignalBlocker blockList(m_list);
        const int row = m_list->currentRow();
        m_list->clear();
        for (const Core::ServerSpec &spec : compared) {
            auto *item = new QListWidgetItem(describe(spec), m_list);
            item->setToolTip(ModelPanel::modelToolTip(spec.model));
        }
        m_list->setCurrentRow(row < m_list->count() ? row : -1);
        const int rows = qBound(1, m_list->count(), kVisibleRows);
        m_list->setFixedHeight(rows * m_list->sizeHintForRow(0) + 2 * m_list->frameWidth());
    }
    m_add->setEnabled(ModelEdits::canAddCompared(scenario));
    m_add->setToolTip(m_add->isEnabled()
                          ? tr("Compare one more model, on the server model's machine (its cores).")
                          : tr("A scenario compares at most %1 models.").arg(Core::Limits::kMaxCompare));
    selectionChanged();
}

void CompareList::selectionChanged()
{
    const int row = m_list->currentRow();
    const bool selected = row >= 0 && m_list->currentItem()->isSelected();
    const bool canRemove = ModelEdits::canRemoveCompared(m_editor->scenario());
    m_remove->setEnabled(selected && canRemove);
    m_remove->setToolTip(canRemove ? tr("Stop comparing the selected model.")
                                   : tr("The Compare tab needs one model besides the server model."));
    m_selected->setVisible(selected);
    if (!selected)
        return;
    m_selectedTitle->setText(tr("Compared model %1:").arg(row + 1));
    m_panel->setPlace(row + 1);
}

} // namespace LatencyLab::Ui
