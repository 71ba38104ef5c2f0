#pragma once

#include "net/recordplan.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace LatencyLab::Ui {

// Record…: what to send real HTTP requests to — the built-in demo server,
// sync then async (the sync-versus-async comparison, the default), or a server at a
// URL — and the load: connections (or one request at a time), for how long
// or how many requests, and the timeout. Anything out of range is named
// below the form and Record stays disabled until it is fixed.
class RecordDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RecordDialog(QWidget *parent = nullptr);

    // What the form says, or the first thing wrong with it.
    Core::Result<Core::RecordPlan> plan() const;
    // The server at a URL instead of the demo server.
    void setUrl(const QString &url);

private:
    void updateState();

    QRadioButton *m_demo;
    QRadioButton *m_server;
    QLineEdit *m_url;
    QGroupBox *m_demoGroup;
    QSpinBox *m_workers;
    QDoubleSpinBox *m_delay;
    QComboBox *m_mode;
    QSpinBox *m_connections;
    QComboBox *m_extent;       // a duration or a number of requests
    QDoubleSpinBox *m_duration;
    QSpinBox *m_requests;
    QDoubleSpinBox *m_timeout;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace LatencyLab::Ui
