#pragma once

#include <QFont>
#include <QList>
#include <QObject>
#include <QPointer>

class QMainWindow;
class QWidget;

namespace LatencyLab::Ui {

// In front of a class (View → Presentation Mode, F11): the window full
// screen, the side panels, tables, toolbar and status bar hidden, and the
// replay bar in large type; the window draws its charts with a slide's type
// and strokes meanwhile (MainWindow::applyPalette asks isActive()). Leaving
// (F11 again, or Esc) shows again what was shown before, as it was.
class PresentationMode : public QObject
{
    Q_OBJECT

public:
    // The replay bar's type in presentation mode, in pixels: readable from the back of a room.
    static constexpr int kReplayBarPixelSize = 22;

    // `replayBars`: where the replay bars are, set in large type.
    PresentationMode(QMainWindow *window, QList<QWidget *> panels, QWidget *replayBars, QObject *parent = nullptr);

    bool isActive() const { return m_active; }
    void setActive(bool active);

Q_SIGNALS:
    void activeChanged(bool active);

protected:
    // Esc, unhandled by the widget with the focus, leaves presentation mode.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QMainWindow *m_window;
    QList<QPointer<QWidget>> m_panels;
    QList<QPointer<QWidget>> m_hidden; // the panels presentation mode hid: shown again on leaving
    QWidget *m_replayBars;
    QFont m_replayBarsFont;
    Qt::WindowStates m_windowStates;
    bool m_active = false;
};

} // namespace LatencyLab::Ui
