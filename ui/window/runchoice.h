#pragma once

#include "base/result.h"
#include "model/scenario.h"

#include <QList>
#include <QObject>

#include <optional>

class QActionGroup;
class QMenu;

namespace LatencyLab::Ui {

class ScenarioEditor;

// Which server models Run measures: every model the window compares (the
// default: the question is sync *versus* async), or only one of them. The
// choice lives in `menu` (Run ▸ Which Models, and the Run button's drop-down),
// whose entries are rebuilt from the scenario each time it opens.
class RunChoice : public QObject
{
    Q_OBJECT

public:
    RunChoice(QMenu *menu, const ScenarioEditor *editor, QObject *parent);

    // The scenario's own model first, then the compared ones, each once: the
    // rows of the models' table.
    static Core::Result<QList<Core::ServerModel>> comparedModels(const Core::Scenario &scenario);
    // All compared models, or the one chosen while the scenario still compares it.
    Core::Result<QList<Core::ServerModel>> modelsToRun(const Core::Scenario &scenario) const;

    void chooseAll() { m_only.reset(); }
    void chooseOnly(const Core::ServerModel &model) { m_only = model; }

private:
    void fillMenu();
    // The compared model the choice stands for: the same one, else the only one of its name.
    std::optional<Core::ServerModel> chosenAmong(const QList<Core::ServerModel> &models) const;

    QMenu *m_menu;
    QActionGroup *m_choices; // one checked entry
    const ScenarioEditor *m_editor;
    std::optional<Core::ServerModel> m_only;
};

} // namespace LatencyLab::Ui
