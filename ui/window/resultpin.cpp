#include "window/resultpin.h"

#include "gantt/ganttview.h"

namespace LatencyLab::Ui {

ResultPin::ResultPin(GanttView *gantt, GanttView *compare, QObject *parent)
    : QObject(parent)
    , m_gantt(gantt)
    , m_compare(compare)
{
}

void ResultPin::show(const Core::Scenario &scenario, const GanttChart &gantt, const GanttChart &compare)
{
    m_live = PinnedResult{scenario, gantt, compare};
    refresh();
}

bool ResultPin::pin()
{
    if (!m_live)
        return false;
    m_pinned = m_live;
    refresh();
    Q_EMIT pinnedChanged(true);
    return true;
}

void ResultPin::unpin()
{
    if (!m_pinned)
        return;
    m_pinned.reset();
    refresh();
    Q_EMIT pinnedChanged(false);
}

QString ResultPin::label() const
{
    return m_pinned && m_live ? m_pinned->labelFor(m_live->scenario) : QString();
}

void ResultPin::refresh()
{
    if (!m_live)
        return;
    if (!m_pinned) {
        m_gantt->setChart(m_live->gantt);
        m_compare->setChart(m_live->compare);
        return;
    }
    const QString title = label();
    m_gantt->setChart(withPinned(m_live->gantt, m_pinned->gantt, title));
    m_compare->setChart(withPinned(m_live->compare, m_pinned->compare, title));
}

} // namespace LatencyLab::Ui
