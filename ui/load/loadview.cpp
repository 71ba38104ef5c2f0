#include "load/loadview.h"

#include "charts/loadreplay.h"

#include "load/loadcanvas.h"

#include "base/numberformat.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace LatencyLab::Ui {

LoadView::LoadView(QWidget *parent)
    : QWidget(parent)
    , m_canvas(new LoadCanvas)
    , m_omission(new QCheckBox(tr("Coordinated &omission")))
    , m_note(new QLabel)
    , m_explanation(new QLabel)
{
    m_canvas->setObjectName(QStringLiteral("loadCanvas"));
    m_omission->setObjectName(QStringLiteral("omissionSwitch"));
    m_omission->setToolTip(tr("Show where each connection would have sent at a steady pace, and the latencies corrected for the "
                              "requests a closed-loop load generator never sent while the server stalled"));
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->setWordWrap(true);
    m_explanation->setObjectName(QStringLiteral("omissionExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setContentsMargins(4, 0, 4, 4);
    m_explanation->hide();

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 0);
    bar->addWidget(m_omission);
    bar->addWidget(m_note, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_explanation);
    layout->addWidget(m_canvas, 1);

    connect(m_omission, &QCheckBox::toggled, this, [this](bool checked) {
        m_canvas->renderer().setOmissionShown(checked);
        updateOmissionControls();
        m_canvas->update();
    });
    updateOmissionControls();
}

void LoadView::setChart(LoadChart chart)
{
    m_whole = std::move(chart);
    presentWhenSeen();
}

void LoadView::setReplayTime(std::optional<Core::Nanos> time)
{
    if (time == m_replayTime)
        return;
    m_replayTime = time;
    presentWhenSeen();
}

void LoadView::presentWhenSeen()
{
    if (!isVisibleTo(window()) && (m_replayTime || m_presentPending)) {
        m_presentPending = true;
        return;
    }
    present();
}

void LoadView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_presentPending)
        present();
}

void LoadView::present()
{
    m_presentPending = false;
    m_canvas->renderer().setChart(m_replayTime && !m_whole.isEmpty() ? loadChartAsOf(m_whole, *m_replayTime) : m_whole);
    updateOmissionControls();
    m_canvas->update();
}

const LoadChart &LoadView::chart() const
{
    return m_canvas->renderer().chart();
}

void LoadView::setChartStyle(const GanttStyle &style)
{
    m_canvas->renderer().setStyle(style);
    m_canvas->update();
}

bool LoadView::isOmissionShown() const
{
    return m_canvas->renderer().isOmissionShown();
}

void LoadView::setOmissionRequested(bool requested)
{
    m_omission->setChecked(requested);
}

const LoadRenderer &LoadView::renderer() const
{
    return m_canvas->renderer();
}

void LoadView::updateOmissionControls()
{
    const LoadChart &chart = this->chart();
    const bool applies = chart.hasOmission();
    m_omission->setEnabled(applies);
    if (chart.isEmpty()) {
        m_note->clear();
    } else if (!applies) {
        m_note->setText(tr("Coordinated omission needs a closed client (connections that each wait for their answer, as wrk's "
                           "do); this scenario's client is open, so every request was sent on time."));
    } else if (!m_omission->isChecked()) {
        m_note->setText(tr("Would a steady client have seen the same latency? Switch on to see the requests this closed loop never sent."));
    } else {
        m_note->clear();
    }
    const bool explain = applies && m_omission->isChecked();
    if (explain) {
        const QString interval = Core::formatDuration(chart.models.first().omission->interval);
        m_explanation->setText(
            tr("<b>Coordinated omission.</b> wrk sends a connection's next request only when the last one is answered, so "
               "while the server stalls it sends nothing: the requests steady users would have sent meanwhile — and that "
               "would have waited too — are never measured, and the percentiles look better than what users see. "
               "<i>Ghost ticks</i>: the sends a connection keeping a steady pace — one request every %1, a request's "
               "own time when nothing makes it wait — would have made while it waited. <i>Hollow dots</i>: how long those "
               "requests would have waited. "
               "The corrected figures (after →) count them, as HdrHistogram and wrk2 do: an answer that took R also "
               "records R − %1, R − 2 × %1, … while at least %1.")
                .arg(interval));
    }
    m_explanation->setVisible(explain);
}

} // namespace LatencyLab::Ui
