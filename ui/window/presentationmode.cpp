#include "window/presentationmode.h"

#include <QKeyEvent>
#include <QMainWindow>
#include <QWidget>

namespace LatencyLab::Ui {

PresentationMode::PresentationMode(QMainWindow *window, QList<QWidget *> panels, QWidget *replayBars, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_replayBars(replayBars)
{
    for (QWidget *panel : panels)
        m_panels << panel;
    m_window->installEventFilter(this);
}

bool PresentationMode::eventFilter(QObject *watched, QEvent *event)
{
    if (m_active && watched == m_window && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        setActive(false);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void PresentationMode::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active) {
        m_windowStates = m_window->windowState();
        m_hidden.clear();
        for (const QPointer<QWidget> &panel : std::as_const(m_panels)) {
            if (panel && !panel->isHidden()) {
                panel->hide();
                m_hidden << panel;
            }
        }
        m_replayBarsFont = m_replayBars->font();
        QFont large = m_replayBarsFont;
        large.setPixelSize(kReplayBarPixelSize);
        m_replayBars->setFont(large);
        m_window->setWindowState(m_windowStates | Qt::WindowFullScreen);
    } else {
        for (const QPointer<QWidget> &panel : std::as_const(m_hidden)) {
            if (panel)
                panel->show();
        }
        m_hidden.clear();
        m_replayBars->setFont(m_replayBarsFont);
        m_window->setWindowState(m_windowStates);
    }
    Q_EMIT activeChanged(active);
}

} // namespace LatencyLab::Ui
