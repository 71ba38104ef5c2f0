#include "controls/busyindicator.h"

#include "engine/report.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>

namespace LatencyLab::Ui {

namespace {
constexpr int kTickMs = 100; // how often the elapsed time is redrawn
} // namespace

BusyIndicator::BusyIndicator(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel)
    , m_bar(new QProgressBar)
    , m_cancel(new QPushButton(tr("Cancel")))
{
    m_bar->setRange(0, 0); // no known end: a busy bar
    m_bar->setMaximumWidth(120);
    m_bar->setMaximumHeight(m_label->sizeHint().height());
    m_bar->setTextVisible(false);
    m_cancel->setObjectName(QStringLiteral("cancelComputation"));
    m_cancel->setToolTip(tr("Stop this computation and keep showing the last chart."));
    m_cancel->setAutoDefault(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &BusyIndicator::cancelRequested);

    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &BusyIndicator::tick);
    hide();
}

void BusyIndicator::start(const QString &what)
{
    m_what = what;
    m_bar->setRange(0, 0);
    m_elapsed.start();
    m_timer.start();
}

void BusyIndicator::stop()
{
    m_timer.stop();
    m_elapsed.invalidate();
    hide();
}

void BusyIndicator::setWhat(const QString &what)
{
    m_what = what;
}

void BusyIndicator::setProgress(qint64 done, qint64 total, const QString &toolTip)
{
    // QProgressBar counts in int; a fraction in per mille is enough for a status bar.
    constexpr int kSteps = 1000;
    m_bar->setRange(0, kSteps);
    m_bar->setValue(total > 0 ? int(std::min(done, total) * kSteps / total) : 0);
    m_bar->setToolTip(toolTip.isEmpty() ? tr("%1 of %2 requests answered").arg(done).arg(total) : toolTip);
}

void BusyIndicator::tick()
{
    const qint64 ms = m_elapsed.elapsed();
    if (ms < kShowAfterMs)
        return;
    m_label->setText(tr("%1 — %2").arg(m_what, Core::formatSeconds(double(ms) / 1000.0)));
    show();
}

} // namespace LatencyLab::Ui
