#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace LatencyLab::Ui {

// A status-bar busy indicator with a Cancel button for long computations.
// It appears only once a computation has run for a moment, so quick slider
// updates don't make it flicker.
class BusyIndicator : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kShowAfterMs = 250;

    explicit BusyIndicator(QWidget *parent = nullptr);

    void start(const QString &what);
    void stop();
    // Turns the busy bar into a progress bar (`done` of `total`); the
    // tooltip says "done of total requests answered" unless `toolTip` is given.
    void setProgress(qint64 done, qint64 total, const QString &toolTip = {});
    // Renames what is going on, keeping the elapsed time and the progress.
    void setWhat(const QString &what);
    bool isRunning() const { return m_elapsed.isValid(); }
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    void tick();

    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    QString m_what;
};

} // namespace LatencyLab::Ui
