#include "controls/explainerpanel.h"

#include "charts/ganttstyle.h"

#include <QTextBrowser>

namespace LatencyLab::Ui {

namespace {

// A small box of the chart's colour in front of a term; io's is drawn hatched
// in the chart, here its hatch colour rims it.
QString swatch(const QColor &fill, const QColor &rim)
{
    return QStringLiteral("<span style=\"background-color:%1; color:%2;\">&nbsp;▨&nbsp;</span>").arg(fill.name(), rim.name());
}

QString swatch(const QColor &fill)
{
    return QStringLiteral("<span style=\"background-color:%1;\">&nbsp;&nbsp;&nbsp;&nbsp;</span>").arg(fill.name());
}

} // namespace

ExplainerPanel::ExplainerPanel(QWidget *parent)
    : QDockWidget(tr("What Am I Looking At?"), parent)
    , m_text(new QTextBrowser)
{
    setObjectName(QStringLiteral("explainerPanel")); // saveState() finds it by name
    m_text->setOpenExternalLinks(false);
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->setMinimumWidth(320); // room for the swatches and a sentence per line
    m_text->setToolTip(tr("How to read the Gantt and Compare charts"));
    setWidget(m_text);
    setChartStyle(GanttStyle::standard());
}

void ExplainerPanel::setChartStyle(const GanttStyle &style)
{
    m_text->setHtml(html(style));
}

QString ExplainerPanel::text() const
{
    return m_text->toPlainText();
}

QString ExplainerPanel::html(const GanttStyle &style)
{
    return tr("<h3>One row per request</h3>"
              "<p>Rows are the requests in the order they arrived; time runs left to right on the axis below.</p>"
              "<h3>The response bar</h3>"
              "<p>%1 The thin bar runs from the moment a request arrives to the moment its answer is sent: "
              "the <b>response time</b> its client perceives. The label at its end reads "
              "<i>own duration → response (slowdown)</i>, e.g. <i>0.5 s → 2.6 s (5.2×)</i>.</p>"
              "<h3>The green boxes</h3>"
              "<p>%2 <b>cpu</b>: the request's own computing, holding a processor (and the event loop or the GIL where the model has one).<br>"
              "%3 <b>io</b>, hatched: waiting on a database or a web service. It needs nothing from the server; "
              "only a blocking server lets it hold a worker.</p>"
              "<p>Together the green boxes are the request's own duration. Everything else on its bar is waiting for the server.</p>"
              "<h3>Waiting</h3>"
              "<p>%4 <b>queued</b>: waiting for a worker — every worker is busy with other requests.<br>"
              "%5 <b>ready</b>, edged: its io is done and it could run, but the event loop, the GIL or a core is busy.</p>"
              "<h3>Blame</h3>"
              "<p>Hover over a request: the tooltip lists its spans and, for each wait, the request that held "
              "the worker, loop, GIL or core meanwhile. That is who made it late.</p>"
              "<h3>Timeouts</h3>"
              "<p>%6 A tick marks where the client gave up (closed-loop clients, like wrk). The server still finishes the request; "
              "the work after the tick is faded: nobody is waiting for it.</p>"
              "<h3>Compare</h3>"
              "<p>The Compare tab stacks the server models on one time axis: the same requests and the same green boxes, "
              "scheduled differently. A synchronous server makes a short request wait behind long ones; "
              "an event loop lets the waits overlap.</p>"
              "<p>Wheel: zoom · drag: pan · double-click: fit.</p>")
        .arg(swatch(style.response), swatch(style.cpu), swatch(style.io, style.ioHatch), swatch(style.queued),
             swatch(style.ready, style.readyEdge), swatch(style.timeout));
}

} // namespace LatencyLab::Ui
