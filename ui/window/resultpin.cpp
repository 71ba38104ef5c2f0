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

void ResultPin::setRowOrder(RowOrder order)
{
    if (order == m_rowOrder)
        return;
    m_rowOrder = order;
    refresh();
}

void ResultPin::refresh()
{
    if (!m_live)
        return;
    GanttChart gantt = m_live->gantt;
    GanttChart compare = m_live->compare;
    if (m_pinned) {
        const QString title = label();
        gantt = withPinned(std::move(gantt), m_pinned->gantt, title);
        compare = withPinned(std::move(compare), m_pinned->compare, title);
    }
    gantt.order = m_rowOrder;
    compare.order = m_rowOrder;
    m_gantt->setChart(std::move(gantt));
    m_compare->setChart(std::move(compare));
}

} // namespace LatencyLab::Ui
