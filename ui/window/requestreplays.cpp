#include "window/requestreplays.h"

#include "window/requestreplay.h"

#include "controls/replaybar.h"
#include "load/loadview.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace LatencyLab::Ui {

RequestReplays::RequestReplays(QTabWidget *tabs, QObject *parent)
    : QObject(parent)
    , m_tabs(tabs)
    , m_barArea(new QWidget)
{
    m_barArea->setObjectName(QStringLiteral("replayBars"));
    auto *layout = new QVBoxLayout(m_barArea);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    connect(m_tabs, &QTabWidget::currentChanged, this, &RequestReplays::showCurrentBar);
}

RequestReplay *RequestReplays::play(const QList<GanttView *> &played, LoadView *load, QList<const QWidget *> tabs)
{
    QList<QWidget *> others;
    if (load)
        others << load;
    auto *replay = new RequestReplay(played, others, this);
    if (load)
        connect(replay, &RequestReplay::momentChanged, load, &LoadView::setReplayTime);
    m_replays << Played{replay, std::move(tabs)};
    m_barArea->layout()->addWidget(replay->bar());
    connect(replay, &RequestReplay::momentChanged, this, &RequestReplays::momentChanged);
    showCurrentBar();
    return replay;
}

RequestReplay *RequestReplays::replayOf(const QWidget *tab) const
{
    for (const Played &played : m_replays) {
        if (played.tabs.contains(tab))
            return played.replay;
    }
    return nullptr;
}

std::optional<Core::Nanos> RequestReplays::momentOf(const QWidget *tab) const
{
    const RequestReplay *replay = replayOf(tab);
    return replay ? replay->moment() : std::nullopt;
}

void RequestReplays::showCurrentBar()
{
    const RequestReplay *current = replayOf(m_tabs->currentWidget());
    for (const Played &played : std::as_const(m_replays))
        played.replay->bar()->setVisible(played.replay == current);
    m_barArea->setVisible(current != nullptr);
}

} // namespace LatencyLab::Ui
