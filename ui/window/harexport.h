#pragma once

#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace LatencyLab::Ui {

class RecordSession;

// Run → Export Recording as HAR…: the Recorded tab's recordings as one HAR
// 1.2 file a browser's DevTools opens (core/net/recordinghar.h), written on
// a worker thread so the window never waits for the disk. The action is
// enabled while there is a finished recording to export.
class HarExport : public QObject
{
    Q_OBJECT

public:
    HarExport(const RecordSession *session, QAction *action, QWidget *window);

    void exportWithDialog();
    // Writes the recordings to `path` in the background; reported() says how it went.
    void exportTo(const QString &path);
    bool isWriting() const { return m_writing; }

Q_SIGNALS:
    void reported(const QString &message, bool isError);
    void written(const QString &path); // after a success, for tests and the status bar

private:
    void updateAction();

    const RecordSession *m_session;
    QAction *m_action;
    QWidget *m_window;
    bool m_writing = false;
};

} // namespace LatencyLab::Ui
