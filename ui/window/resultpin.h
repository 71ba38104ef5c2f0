#pragma once

#include "charts/pinnedresult.h"

#include <QObject>

#include <optional>

namespace LatencyLab::Ui {

class GanttView;

// Pin and Unpin: keeps the Gantt and Compare charts shown now as a reference
// while the scenario is edited. The two views then show the live sections
// with the pinned ones below them, greyed, on the same time axis, titled with
// what has changed since (PinnedResult::labelFor). Pinning again replaces the
// pin. Exports of those tabs include it, as they draw what the views show.
// Every chart it gives the views has their rows in the window's row order.
class ResultPin : public QObject
{
    Q_OBJECT

public:
    ResultPin(GanttView *gantt, GanttView *compare, QObject *parent = nullptr);

    // Charts computed for `scenario`: the views show them, with the pin if there is one.
    void show(const Core::Scenario &scenario, const GanttChart &gantt, const GanttChart &compare);
    // Keeps what is shown now; false (and nothing pinned) before any chart was shown.
    bool pin();
    void unpin();
    bool isPinned() const { return m_pinned.has_value(); }
    // The pinned sections' title; empty when nothing is pinned.
    QString label() const;
    // How the views order their rows, live and pinned alike: the charts shown are drawn again in it.
    void setRowOrder(RowOrder order);
    RowOrder rowOrder() const { return m_rowOrder; }
    // The charts shown now, whole and without the pin; none before the first.
    const std::optional<PinnedResult> &live() const { return m_live; }

Q_SIGNALS:
    void pinnedChanged(bool pinned);

private:
    void refresh();

    GanttView *m_gantt;
    GanttView *m_compare;
    // What is shown now, without the pin: what Pin keeps.
    std::optional<PinnedResult> m_live;
    std::optional<PinnedResult> m_pinned;
    RowOrder m_rowOrder = RowOrder::Arrival;
};

} // namespace LatencyLab::Ui
