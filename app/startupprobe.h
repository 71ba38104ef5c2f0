#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace LatencyLab::Ui {
class MainWindow;
}

// Test and measurement hooks for the window, off unless their environment
// variable is set (both are described in README.md):
//   LATENCYLAB_STARTUP_REPORT=1   print to standard error how long after the
//                                 process started the window first painted
//   LATENCYLAB_QUIT_WHEN_SHOWN=1  quit once the window has painted and shown
//                                 its first charts: exit status 0, or 1 if
//                                 computing them failed
class StartupProbe : public QObject
{
    Q_OBJECT

public:
    // `sinceMain` was started at the top of main().
    StartupProbe(LatencyLab::Ui::MainWindow *window, QElapsedTimer sinceMain);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onFirstPaint();
    void onChartsShown();
    void quitIfDone();

    LatencyLab::Ui::MainWindow *m_window;
    QElapsedTimer m_sinceMain;
    bool m_report = false;
    bool m_quitWhenShown = false;
    bool m_painted = false;
    bool m_chartsShown = false;
};
