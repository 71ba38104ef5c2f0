#include "run/recorddialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

#include <cmath>

namespace LatencyLab::Ui {

namespace {

Core::Nanos nanosOf(const QDoubleSpinBox *seconds)
{
    return Core::Nanos(std::llround(seconds->value() * double(Core::kNanosPerSecond)));
}

QDoubleSpinBox *secondsBox(double minimum, double maximum, double value, int decimals)
{
    auto *box = new QDoubleSpinBox;
    box->setRange(minimum, maximum);
    box->setDecimals(decimals);
    box->setValue(value);
    box->setSuffix(QObject::tr(" s"));
    return box;
}

} // namespace

RecordDialog::RecordDialog(QWidget *parent)
    : QDialog(parent)
    , m_demo(new QRadioButton(tr("The built-in &demo server: sync, then async")))
    , m_server(new QRadioButton(tr("A server at &URL:")))
    , m_url(new QLineEdit(QStringLiteral("http://127.0.0.1:8000/api/sun")))
    , m_demoGroup(new QGroupBox(tr("Demo server")))
    , m_workers(new QSpinBox)
    , m_delay(secondsBox(0.001, 60, 0.944, 3))
    , m_mode(new QComboBox)
    , m_connections(new QSpinBox)
    , m_extent(new QComboBox)
    , m_duration(secondsBox(0.1, 3600, 15, 1))
    , m_requests(new QSpinBox)
    , m_timeout(secondsBox(0.001, 600, 2, 3))
    , m_problem(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Record Real HTTP Requests"));
    m_demo->setObjectName(QStringLiteral("recordDemo"));
    m_server->setObjectName(QStringLiteral("recordServer"));
    m_url->setObjectName(QStringLiteral("recordUrl"));
    m_workers->setObjectName(QStringLiteral("recordWorkers"));
    m_delay->setObjectName(QStringLiteral("recordDelay"));
    m_mode->setObjectName(QStringLiteral("recordMode"));
    m_connections->setObjectName(QStringLiteral("recordConnections"));
    m_extent->setObjectName(QStringLiteral("recordExtent"));
    m_duration->setObjectName(QStringLiteral("recordDuration"));
    m_requests->setObjectName(QStringLiteral("recordRequests"));
    m_timeout->setObjectName(QStringLiteral("recordTimeout"));
    m_problem->setObjectName(QStringLiteral("recordProblem"));

    m_demo->setChecked(true);
    m_demo->setToolTip(tr("Starts a server inside LatencyLab on 127.0.0.1 whose GET /api/sun waits like two calls to a web "
                          "service, records it as a blocking server, then as an async one, under the same load."));
    m_url->setMinimumWidth(360);
    m_url->setToolTip(tr("An http:// URL; each request is a GET."));

    m_workers->setRange(1, Core::DemoServer::kMaxWorkers);
    m_workers->setValue(Core::DemoServer::kDefaultWorkers);
    m_workers->setToolTip(tr("The sync server serves this many requests at a time; the rest wait in its accept queue."));
    m_delay->setToolTip(tr("How long GET /api/sun waits in all (two sequential waits), like a typical endpoint calling a web API twice."));
    auto *demoForm = new QFormLayout(m_demoGroup);
    demoForm->addRow(tr("Sync &workers:"), m_workers);
    demoForm->addRow(tr("&Wait per request:"), m_delay);

    m_mode->addItem(tr("Concurrent connections"), QVariant::fromValue(int(Core::RecordMode::Concurrent)));
    m_mode->addItem(tr("One request at a time"), QVariant::fromValue(int(Core::RecordMode::Sync)));
    m_mode->setToolTip(tr("Concurrent keeps every connection busy, sending its next request when the last is answered, "
                          "as wrk does."));
    m_connections->setRange(1, Core::RecordLimits::kMaxConnections);
    m_connections->setValue(20);
    m_extent->addItem(tr("Duration"));
    m_extent->addItem(tr("Requests"));
    m_extent->setToolTip(tr("Record for a time, as wrk -d does, or until this many requests were sent."));
    m_requests->setRange(1, int(Core::RecordLimits::kMaxRequests));
    m_requests->setValue(100);
    m_timeout->setToolTip(tr("An answer later than this counts as a timeout, as wrk counts it."));
    m_problem->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Record"));

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_server);
    urlRow->addWidget(m_url, 1);
    auto *extentRow = new QHBoxLayout;
    extentRow->addWidget(m_extent);
    extentRow->addWidget(m_duration);
    extentRow->addWidget(m_requests);
    extentRow->addStretch();
    auto *loadGroup = new QGroupBox(tr("Load"));
    auto *loadForm = new QFormLayout(loadGroup);
    loadForm->addRow(tr("&Send:"), m_mode);
    loadForm->addRow(tr("&Connections:"), m_connections);
    // A row holding a layout gets its label by hand: a label needs a buddy widget for its shortcut.
    auto *extentLabel = new QLabel(tr("&Stop after:"));
    extentLabel->setBuddy(m_extent);
    loadForm->addRow(extentLabel, extentRow);
    loadForm->addRow(tr("&Timeout:"), m_timeout);

    auto *intro = new QLabel(tr("Sends real HTTP requests and draws each one on the Recorded tabs, from sent to answered, "
                                "scored as wrk scores them."));
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_demo);
    layout->addLayout(urlRow);
    layout->addWidget(m_demoGroup);
    layout->addWidget(loadGroup);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    for (QRadioButton *target : {m_demo, m_server})
        connect(target, &QRadioButton::toggled, this, &RecordDialog::updateState);
    connect(m_url, &QLineEdit::textChanged, this, &RecordDialog::updateState);
    for (QComboBox *box : {m_mode, m_extent})
        connect(box, &QComboBox::currentIndexChanged, this, &RecordDialog::updateState);
    for (QSpinBox *box : {m_workers, m_connections, m_requests})
        connect(box, &QSpinBox::valueChanged, this, &RecordDialog::updateState);
    for (QDoubleSpinBox *box : {m_delay, m_duration, m_timeout})
        connect(box, &QDoubleSpinBox::valueChanged, this, &RecordDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

void RecordDialog::setUrl(const QString &url)
{
    m_server->setChecked(true);
    m_url->setText(url);
}

Core::Result<Core::RecordPlan> RecordDialog::plan() const
{
    Core::RecordPlan plan;
    if (m_demo->isChecked()) {
        Core::RecordLoad load;
        load.connections = m_connections->value();
        load.duration = nanosOf(m_duration);
        load.timeout = nanosOf(m_timeout);
        plan = Core::RecordPlan::demoComparison(m_workers->value(), nanosOf(m_delay), load);
        if (m_extent->currentIndex() == 1) {
            for (Core::RecordTarget &target : plan.targets)
                target.options.requestCount = m_requests->value();
        }
    } else {
        const Core::Result<QUrl> url = Core::parseRecordUrl(m_url->text().trimmed());
        if (!url)
            return Core::Error{url.error()};
        Core::RecordOptions options;
        options.url = *url;
        options.mode = Core::RecordMode(m_mode->currentData().toInt());
        options.connections = m_connections->value();
        options.duration = nanosOf(m_duration);
        options.requestCount = m_extent->currentIndex() == 1 ? m_requests->value() : 0;
        options.timeout = nanosOf(m_timeout);
        plan = Core::RecordPlan::server(options);
    }
    if (const Core::Status valid = plan.check(); !valid)
        return Core::Error{valid.error()};
    return plan;
}

void RecordDialog::updateState()
{
    const bool demo = m_demo->isChecked();
    m_url->setEnabled(!demo);
    m_demoGroup->setEnabled(demo);
    // The comparison needs concurrent load: one request at a time never queues.
    if (demo)
        m_mode->setCurrentIndex(0);
    m_mode->setEnabled(!demo);
    m_connections->setEnabled(m_mode->currentIndex() == 0);
    const bool byDuration = m_extent->currentIndex() == 0;
    m_duration->setVisible(byDuration);
    m_requests->setVisible(!byDuration);

    const Core::Result<Core::RecordPlan> planned = plan();
    m_problem->setText(planned ? QString() : QStringLiteral("⚠ ") + planned.error());
    m_problem->setVisible(!planned);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(planned.ok());
}

} // namespace LatencyLab::Ui
