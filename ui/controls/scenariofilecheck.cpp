#include "controls/scenariofilecheck.h"

#include "controls/scenarioeditor.h"

#include "model/scenariojson.h"

#include <QLabel>

#include <QJsonObject>

namespace LatencyLab::Ui::ScenarioFileCheck {

namespace {

QJsonObject withMember(QJsonObject object, QStringList path, const QJsonValue &value)
{
    const QString key = path.takeFirst();
    object.insert(key, path.isEmpty() ? value : QJsonValue(withMember(object.value(key).toObject(), path, value)));
    return object;
}

} // namespace

Core::Result<Core::Scenario> readBack(const Core::Scenario &edited)
{
    return Core::ScenarioJson::fromJson(Core::ScenarioJson::toJson(edited));
}

Core::Result<Core::Scenario> readBackWith(const Core::Scenario &scenario, const QStringList &path, const QJsonValue &value)
{
    if (path.isEmpty())
        return readBack(scenario);
    return Core::ScenarioJson::fromJson(withMember(Core::ScenarioJson::toJson(scenario), path, value));
}

bool editChecked(ScenarioEditor *editor, QLabel *message, const QString &text, const Core::Result<Core::Scenario> &checked,
                 const QString &key)
{
    if (!checked) {
        message->setText(checked.error());
        message->show();
        return false;
    }
    message->hide();
    editor->edit(text, *checked, key);
    return true;
}

QJsonValue jsonOfTyped(const QString &text)
{
    const QString trimmed = text.trimmed();
    bool whole = false;
    if (const qint64 integer = trimmed.toLongLong(&whole); whole)
        return integer;
    bool number = false;
    if (const double real = trimmed.toDouble(&number); number)
        return real;
    return trimmed;
}

} // namespace LatencyLab::Ui::ScenarioFileCheck
