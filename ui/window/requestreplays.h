#pragma once

#include "base/units.h"

#include <QList>
#include <QObject>

#include <optional>

class QTabWidget;
class QWidget;

namespace LatencyLab::Ui {

class GanttView;
class LoadView;
class RequestReplay;

// The window's request replays, each with the tabs it plays (Gantt, Compare
// and Load share one; Measured, Recorded and Imported have their own). Their
// bars sit in one place under the charts, and only the current tab's shows;
// momentOf() tells the tables what moment a tab shows.
class RequestReplays : public QObject
{
    Q_OBJECT

public:
    RequestReplays(QTabWidget *tabs, QObject *parent = nullptr);

    // A replay of the charts `played` shows, on one cursor, with `load` (if
    // any) showing the same runs at the same moment, for the tabs `tabs`;
    // its bar joins the others in barArea().
    RequestReplay *play(const QList<GanttView *> &played, LoadView *load, QList<const QWidget *> tabs);
    // Where the bars are: under the charts.
    QWidget *barArea() const { return m_barArea; }
    // The replay of `tab`, if it has one.
    RequestReplay *replayOf(const QWidget *tab) const;
    // The moment `tab` shows; none: its runs whole (or it has no replay).
    std::optional<Core::Nanos> momentOf(const QWidget *tab) const;

Q_SIGNALS:
    // A replay's moment changed.
    void momentChanged();

private:
    void showCurrentBar();

    struct Played
    {
        RequestReplay *replay;
        QList<const QWidget *> tabs;
    };
    QTabWidget *m_tabs;
    QWidget *m_barArea;
    QList<Played> m_replays;
};

} // namespace LatencyLab::Ui
