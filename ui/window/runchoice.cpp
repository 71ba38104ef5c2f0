#include "window/runchoice.h"

#include "charts/chartbuilder.h"
#include "controls/scenarioeditor.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

#include <algorithm>

namespace LatencyLab::Ui {

RunChoice::RunChoice(QMenu *menu, const ScenarioEditor *editor, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
    , m_choices(new QActionGroup(this))
    , m_editor(editor)
{
    m_menu->setObjectName(QStringLiteral("runModels"));
    m_menu->setToolTipsVisible(true);
    connect(m_menu, &QMenu::aboutToShow, this, &RunChoice::fillMenu);
    fillMenu();
}

Core::Result<QList<Core::ServerModel>> RunChoice::comparedModels(const Core::Scenario &scenario)
{
    QList<Core::ServerModel> models;
    QList<Core::ServerSpec> specs = comparisonModels(scenario);
    specs.prepend(scenario.server);
    for (const Core::ServerSpec &spec : specs) {
        Core::Result<Core::ServerModel> model = spec.resolve();
        if (!model)
            return Core::Error{model.error()};
        if (!models.contains(*model))
            models << std::move(model).value();
    }
    return models;
}

std::optional<Core::ServerModel> RunChoice::chosenAmong(const QList<Core::ServerModel> &models) const
{
    if (!m_only)
        return std::nullopt;
    if (models.contains(*m_only))
        return m_only;
    // Edited since it was chosen (another worker count): still the model of that name, if only one has it.
    const auto sameName = [this](const Core::ServerModel &model) { return model.name == m_only->name; };
    if (std::count_if(models.cbegin(), models.cend(), sameName) == 1)
        return *std::find_if(models.cbegin(), models.cend(), sameName);
    return std::nullopt;
}

Core::Result<QList<Core::ServerModel>> RunChoice::modelsToRun(const Core::Scenario &scenario) const
{
    Core::Result<QList<Core::ServerModel>> models = comparedModels(scenario);
    if (!models)
        return models;
    if (const std::optional<Core::ServerModel> only = chosenAmong(*models))
        return QList<Core::ServerModel>{*only};
    return models;
}

void RunChoice::fillMenu()
{
    m_menu->clear(); // deletes the entries, which leave m_choices
    const Core::Scenario &scenario = m_editor->scenario();
    // A pipeline runs both its modes at once: there is no model to choose.
    const Core::Result<QList<Core::ServerModel>> models =
        scenario.pipeline ? Core::Result<QList<Core::ServerModel>>(Core::Error{}) : comparedModels(scenario);
    const std::optional<Core::ServerModel> only = models ? chosenAmong(*models) : std::nullopt;

    QAction *all = m_menu->addAction(tr("&All Compared Models"), this, &RunChoice::chooseAll);
    all->setToolTip(tr("Run every model the Compare tab shows, one after another, each under its prediction."));
    all->setCheckable(true);
    all->setChecked(!only);
    m_choices->addAction(all);
    if (!models)
        return;
    m_menu->addSeparator();
    for (const Core::ServerModel &model : *models) {
        QAction *one = m_menu->addAction(tr("Only %1").arg(model.describe()), this, [this, model] { chooseOnly(model); });
        one->setToolTip(tr("Run only %1 for real.").arg(model.describe()));
        one->setCheckable(true);
        one->setChecked(only == model);
        m_choices->addAction(one);
    }
}

} // namespace LatencyLab::Ui
