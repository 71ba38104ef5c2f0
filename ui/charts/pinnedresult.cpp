#include "charts/pinnedresult.h"

#include "model/scenariodiff.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace LatencyLab::Ui {

namespace {

// A section title holds a line: more changes are counted, not listed.
constexpr qsizetype kChangesNamed = 2;

QString tr(const char *text)
{
    return QCoreApplication::translate("LatencyLab::Ui::PinnedResult", text);
}

} // namespace

QString PinnedResult::labelFor(const Core::Scenario &now) const
{
    const QList<Core::ScenarioChange> changes = Core::scenarioChanges(scenario, now);
    if (changes.isEmpty())
        return tr("pinned: nothing changed since");
    QStringList named;
    for (qsizetype i = 0; i < std::min(changes.size(), kChangesNamed); ++i)
        named << changes[i].describe();
    QString label = tr("pinned: %1").arg(named.join(QStringLiteral("; ")));
    const qsizetype more = changes.size() - kChangesNamed;
    if (more == 1)
        label += tr("; and 1 more change");
    else if (more > 1)
        label += tr("; and %1 more changes").arg(more);
    return label;
}

GanttChart withPinned(GanttChart live, const GanttChart &pinned, const QString &label)
{
    for (GanttSection section : pinned.sections) {
        if (!section.run)
            continue;
        section.summary = section.summary.isEmpty() ? section.title : section.title + QStringLiteral(" · ") + section.summary;
        section.title = label;
        section.pinned = true;
        live.sections << section;
    }
    return live;
}

} // namespace LatencyLab::Ui
