#pragma once

#include "base/result.h"
#include "model/scenario.h"

#include <QJsonValue>
#include <QStringList>

class QLabel;

namespace LatencyLab::Ui {
class ScenarioEditor;
}

// The window's fields check an edit as the scenario file would: the edited
// scenario is written out and read back. Its ranges, cross-field rules (a
// sync queue large enough for every item) and messages ("pipeline.consumers:
// expected …") are then the file's own, with nothing copied.
namespace LatencyLab::Ui::ScenarioFileCheck {

// The scenario as its file reads back, or the file's message for what is wrong with it.
Core::Result<Core::Scenario> readBack(const Core::Scenario &edited);

// The scenario with the member at `path` of its file (e.g. {"pipeline",
// "seed"}) set to `value`, read back: for a typed value the scenario
// cannot hold until the file has checked it (a negative seed, 1.5 connections).
Core::Result<Core::Scenario> readBackWith(const Core::Scenario &scenario, const QStringList &path, const QJsonValue &value);

// The edit `checked` made through `editor` (`key` as edit() takes it), or,
// when the file refused it, the file's message shown in `message`: whether
// the edit was made. `message` hides again once an edit is made.
bool editChecked(ScenarioEditor *editor, QLabel *message, const QString &text, const Core::Result<Core::Scenario> &checked,
                 const QString &key = {});

// Typed text as the file would hold it: a whole number, another number, or else the text itself.
QJsonValue jsonOfTyped(const QString &text);

} // namespace LatencyLab::Ui::ScenarioFileCheck
