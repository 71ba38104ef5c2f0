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

// A time-shared cpu box: empty but for its share, filled from the bottom.
QString sharedSwatch(const GanttStyle &style)
{
    return QStringLiteral("<span style=\"background-color:%1; color:%2;\">&nbsp;▂▂&nbsp;</span>")
        .arg(style.background.name(), style.cpu.name());
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
              "<i>own duration → response (slowdown)</i>, e.g. <i>500 ms → 2.60 s (5.20×)</i>.</p>"
              "<h3>The green boxes</h3>"
              "<p>%2 <b>cpu</b>: the request's own computing, holding a processor (and the event loop or the GIL where the model has one).<br>"
              "%3 <b>io</b>, hatched: waiting on a database or a web service. It needs nothing from the server; "
              "only a blocking server lets it hold a worker.</p>"
              "<p>Together the green boxes are the request's own duration. Everything else on its bar is waiting for the server.</p>"
              "<h3>Waiting</h3>"
              "<p>%4 <b>queued</b>: waiting for a worker — every worker is busy with other requests.<br>"
              "%5 <b>ready</b>, edged: it could run but does not run at all: the event loop is busy with another "
              "request's cpu step (or, with time slices drawn, another has its turn of the GIL or a core).</p>"
              "<h3>Sharing a processor</h3>"
              "<p>%7 <b>cpu at a share of a core</b>, outlined and filled from the bottom to its share: threads under "
              "one GIL share one processor, and cpu steps beyond the cores share the cores, so each runs slower and "
              "they finish late, together. In the <i>cores</i> preset eight threads run at 12.5 % each and all finish "
              "at 8 s; four processes on four cores run four at a time; an event loop never shares, it runs one cpu "
              "step to its end and then the next. The share is written in the box, the tooltip and the timeline CSV. "
              "With <i>Draw each time slice</i> in the model panel, shared steps take turns every switch interval "
              "instead (CPython: 5 ms), drawn as cpu and ready by turns.</p>"
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
              "<h3>Replay</h3>"
              "<p>Press Space (or Replay under the chart) to watch the requests happen: the blue cursor is now, and the "
              "chart shows only what had happened by then — a request queuing while another holds the worker, its "
              "green boxes growing once it runs, its response bar ending when the answer is sent. Every section follows "
              "the same cursor, and the tables give their figures as of then. ← and → step from one event to the next; "
              "F11 shows it full screen for a class.</p>"
              "<h3>Many requests</h3>"
              "<p>Where rows would be thinner than 3 px, a section becomes <b>density bands</b>: each band gathers "
              "neighbouring rows, and each column of it stacks the share of their time in each state, cpu at the bottom, "
              "then io, ready and queued; it fades where fewer than one request is present. A blocking server that falls "
              "behind shows as a widening grey wedge. The <b>response strip</b> beside the rows draws each row's "
              "response time (a band's mean) as a bar, on one scale for all sections. View → Order Rows By turns the "
              "rows into a latency ladder, slowest at the bottom, with p50, p90 and p99 marked on the strip. Hover a "
              "band for its requests' shares and percentiles; zoom in for the requests themselves.</p>"
              "<h3>Explore</h3>"
              "<p>The Explore tab simulates the scenario again at many values of one parameter (load ρ, arrival rate, "
              "workers, cores, connections, request duration, cpu share, timeout) and draws the chosen metric for every "
              "model, with queueing theory's answer as a dashed line where a closed form applies (the legend gives its "
              "formula, or why none does). With a second parameter it draws a <b>crossover map</b>: each cell takes the "
              "colour of the model with the lowest metric there, paler when it wins narrowly, grey when the models agree "
              "within noise; lines mark where the winner changes. Read it as: with this much load and this mix of cpu "
              "and waiting, which server keeps my p99 lowest?</p>"
              "<p>Wheel: zoom · drag: pan · double-click: fit.</p>")
        .arg(swatch(style.response), swatch(style.cpu), swatch(style.io, style.ioHatch), swatch(style.queued),
             swatch(style.ready, style.readyEdge), swatch(style.timeout), sharedSwatch(style));
}

} // namespace LatencyLab::Ui
