#include "load/loadpainter.h"

#include "load/loadgeometry.h"

#include "charts/modelpalette.h"

#include <QPainter>

#include <algorithm>

namespace LatencyLab::Ui {

namespace {

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

// Lines and text in a model's colour: a shade darker on white, lighter on dark.
QColor lineColour(const LoadPaintContext &c, int model)
{
    const QColor colour = c.modelColour(model);
    return c.isDark() ? colour.lighter(125) : colour.darker(135);
}

void drawText(QPainter &p, const LoadText &text, int flags)
{
    if (!text.isEmpty())
        p.drawText(text.rect, flags, text.text);
}

// A label on the data: a wash of the background under it, then its words.
void drawLabelOnData(const LoadPaintContext &c, const LoadText &text, const QColor &ink, int alpha)
{
    if (text.isEmpty())
        return;
    c.painter.fillRect(text.rect, withAlpha(c.style.background, alpha));
    c.painter.setPen(ink);
    drawText(c.painter, text, Qt::AlignCenter);
}

// The title in bold, then the note in the secondary colour.
void paintPanelTitle(const LoadPaintContext &c, const LoadPanelTitle &title)
{
    QPainter &p = c.painter;
    p.setFont(loadPanelTitleFont(c.style));
    p.setPen(c.style.text);
    drawText(p, title.title, Qt::AlignLeft | Qt::AlignVCenter);
    if (title.note.isEmpty())
        return;
    p.setFont(c.style.textFont());
    p.setPen(c.style.secondaryText);
    drawText(p, title.note, Qt::AlignLeft | Qt::AlignVCenter);
}

// Horizontal gridlines and value labels left of the plot.
void paintYGrid(const LoadPaintContext &c, const LoadPlotFrame &frame)
{
    QPainter &p = c.painter;
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setFont(c.style.textFont());
    for (const LoadYTick &tick : frame.yTicks) {
        p.setPen(QPen(c.style.grid, 1));
        p.drawLine(QPointF(frame.plot.left(), tick.y), QPointF(frame.plot.right(), tick.y));
        p.setPen(c.style.secondaryText);
        drawText(p, tick.label, Qt::AlignRight | Qt::AlignVCenter);
    }
}

// Vertical gridlines at the x ticks.
void paintXGrid(const LoadPaintContext &c, const LoadPlotFrame &frame)
{
    QPainter &p = c.painter;
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(c.style.grid, 1));
    for (const LoadXTick &tick : frame.xTicks)
        p.drawLine(QPointF(tick.x, frame.plot.top()), QPointF(tick.x, frame.plot.bottom()));
}

// The x axis over what the plot shows and, when labelled, its ticks and labels.
void paintXAxis(const LoadPaintContext &c, const LoadPlotFrame &frame)
{
    QPainter &p = c.painter;
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(c.style.axis, 1));
    p.drawLine(frame.axisLine);
    if (!frame.xLabels)
        return;
    p.setFont(c.style.textFont());
    for (const LoadXTick &tick : frame.xTicks) {
        p.setPen(QPen(c.style.axis, 1));
        p.drawLine(tick.mark);
        p.setPen(c.style.secondaryText);
        drawText(p, tick.label, Qt::AlignHCenter | Qt::AlignTop);
    }
}

// A hatch of diagonal lines drawn out, not a pattern brush: SVG readers
// (Qt's own among them) do not resolve the patterns QSvgGenerator writes.
void hatch(QPainter &p, const QRectF &rect, const QColor &colour, double spacing = 5)
{
    if (rect.width() <= 0 || rect.height() <= 0)
        return;
    p.save();
    p.setClipRect(rect, Qt::IntersectClip);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(colour, 1));
    QList<QLineF> lines;
    for (double x = rect.left() - rect.height(); x < rect.right(); x += spacing)
        lines.append(QLineF(x, rect.bottom(), x + rect.height(), rect.top()));
    p.drawLines(lines.constData(), int(lines.size()));
    p.restore();
}

// Timed-out shares: a wash of the timeout colour with its hatch over it.
void fillTimedOut(const LoadPaintContext &c, const QRectF &rect)
{
    c.painter.fillRect(rect, withAlpha(c.style.timeout, 70));
    hatch(c.painter, rect, withAlpha(c.style.timeout, 220));
}

void paintSwatch(const LoadPaintContext &c, const LoadLegendEntry &entry)
{
    QPainter &p = c.painter;
    const QRectF &r = entry.swatch;
    const QColor ink = c.style.text;
    switch (entry.kind) {
    case LoadLegendEntry::Kind::Model:
        p.fillRect(r.adjusted(0, 1, 0, -1), c.modelColour(entry.model));
        return;
    case LoadLegendEntry::Kind::TimedOut: {
        p.setPen(QPen(ink, 1.4));
        const QPointF m = r.center();
        p.drawLine(m + QPointF(-kLoadCrossHalf, -kLoadCrossHalf), m + QPointF(kLoadCrossHalf, kLoadCrossHalf));
        p.drawLine(m + QPointF(-kLoadCrossHalf, kLoadCrossHalf), m + QPointF(kLoadCrossHalf, -kLoadCrossHalf));
        return;
    }
    case LoadLegendEntry::Kind::TimedOutShare:
        fillTimedOut(c, r);
        return;
    case LoadLegendEntry::Kind::Percentiles:
        p.setPen(QPen(ink, 2));
        p.drawLine(QPointF(r.left(), r.center().y() - 2), QPointF(r.right(), r.center().y() - 2));
        p.setPen(QPen(ink, 1.4, Qt::DashLine));
        p.drawLine(QPointF(r.left(), r.center().y() + 3), QPointF(r.right(), r.center().y() + 3));
        return;
    case LoadLegendEntry::Kind::Sends:
        p.setPen(QPen(withAlpha(c.style.secondaryText, 150), 1));
        for (double x = r.left() + 2; x < r.right(); x += 4)
            p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
        p.setPen(QPen(ink, 2));
        p.drawLine(QPointF(r.center().x(), r.top()), QPointF(r.center().x(), r.bottom()));
        return;
    case LoadLegendEntry::Kind::Omitted:
        p.setPen(QPen(ink, 1));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(r.center(), kLoadDotRadius + 0.5, kLoadDotRadius + 0.5);
        return;
    }
}

void paintHeader(const LoadPaintContext &c, const LoadHeader &header)
{
    QPainter &p = c.painter;
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setFont(c.style.titleFont());
    p.setPen(c.style.text);
    drawText(p, header.title, Qt::AlignLeft | Qt::AlignVCenter);
    p.setFont(c.style.textFont());
    p.setPen(c.style.secondaryText);
    drawText(p, header.client, Qt::AlignLeft | Qt::AlignVCenter);
    for (const LoadLegendEntry &entry : header.legend) {
        p.save();
        paintSwatch(c, entry);
        p.restore();
        p.setFont(c.style.textFont());
        p.setPen(c.style.text);
        drawText(p, entry.text, Qt::AlignLeft | Qt::AlignVCenter);
    }
}

// A replay's moment, as the Gantt chart draws it.
void paintReplayCursor(const LoadPaintContext &c, const LoadPlotFrame &frame)
{
    if (!frame.replayCursor)
        return;
    c.painter.setRenderHint(QPainter::Antialiasing, false);
    c.painter.setPen(QPen(c.style.hoverOutline, 2 * c.style.lineWidth));
    c.painter.drawLine(*frame.replayCursor);
}

void paintRatePanel(const LoadPaintContext &c, const LoadRatePanel &panel)
{
    QPainter &p = c.painter;
    paintPanelTitle(c, panel.frame.title);
    paintYGrid(c, panel.frame);
    paintXGrid(c, panel.frame);
    p.setRenderHint(QPainter::Antialiasing, false);
    for (const LoadRatePanel::Bar &bar : panel.bars) {
        p.fillRect(bar.rect, withAlpha(c.modelColour(bar.model), c.isDark() ? 150 : 120));
        if (bar.timedOut)
            fillTimedOut(c, *bar.timedOut);
        if (bar.notch)
            p.fillRect(*bar.notch, lineColour(c, bar.model));
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    for (int m = 0; m < panel.smoothed.size(); ++m) {
        p.setPen(QPen(lineColour(c, m), 2.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(panel.smoothed[m]);
    }
    p.setFont(c.style.font(c.style.textPixelSize, true));
    for (const LoadRatePanel::Total &total : panel.totals)
        drawLabelOnData(c, total.label, lineColour(c, total.model), 200);
    paintReplayCursor(c, panel.frame);
    paintXAxis(c, panel.frame);
}

void paintLatencyPanel(const LoadPaintContext &c, const LoadLatencyPanel &panel)
{
    QPainter &p = c.painter;
    paintPanelTitle(c, panel.frame.title);
    paintYGrid(c, panel.frame);
    paintXGrid(c, panel.frame);
    if (panel.timeout) {
        p.fillRect(panel.timeout->wash, withAlpha(c.style.timeout, c.isDark() ? 28 : 18));
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setPen(QPen(c.style.timeout, 1.5, Qt::DashLine));
        p.drawLine(panel.timeout->line);
        p.setFont(c.style.font(c.style.textPixelSize, true));
        drawLabelOnData(c, panel.timeout->label, c.style.timeout, 190);
    }

    p.save();
    p.setClipRect(panel.clip);
    p.setRenderHint(QPainter::Antialiasing, true);
    for (const LoadLatencyPanel::Ghosts &ghosts : panel.ghosts) {
        p.setPen(QPen(withAlpha(lineColour(c, ghosts.model), 150), 1));
        p.setBrush(Qt::NoBrush);
        for (const QPointF &centre : ghosts.centres)
            p.drawEllipse(centre, kLoadDotRadius, kLoadDotRadius);
    }
    for (int m = 0; m < panel.answers.size(); ++m) {
        const LoadLatencyPanel::Answers &answers = panel.answers[m];
        p.setPen(QPen(withAlpha(c.modelColour(m), 170), 2 * panel.dotRadius, Qt::SolidLine, Qt::RoundCap));
        p.drawPoints(answers.dots.constData(), int(answers.dots.size()));
        p.setPen(QPen(lineColour(c, m), 1.5, Qt::SolidLine, Qt::RoundCap));
        p.drawLines(answers.crosses.constData(), int(answers.crosses.size()));
    }
    for (int m = 0; m < panel.answers.size(); ++m) {
        p.setPen(QPen(lineColour(c, m), 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(panel.answers[m].p50);
        p.setPen(QPen(lineColour(c, m), 1.3, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(panel.answers[m].p99);
    }
    p.restore();
    paintReplayCursor(c, panel.frame);
    paintXAxis(c, panel.frame);
}

void paintSendsBlock(const LoadPaintContext &c, const LoadSendsBlock &block)
{
    QPainter &p = c.painter;
    paintPanelTitle(c, block.frame.title);
    paintXGrid(c, block.frame);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(withAlpha(c.modelColour(block.model), c.isDark() ? 150 : 130), 1.5, Qt::SolidLine, Qt::FlatCap));
    p.drawLines(block.ghosts.constData(), int(block.ghosts.size()));
    p.setPen(QPen(lineColour(c, block.model), 2.5, Qt::SolidLine, Qt::FlatCap));
    p.drawLines(block.sends.constData(), int(block.sends.size()));
    p.setFont(c.style.font(c.style.textPixelSize - 1));
    p.setPen(c.style.secondaryText);
    drawText(p, block.firstLane, Qt::AlignRight | Qt::AlignTop);
    if (!block.lastLane.isEmpty())
        drawText(p, block.lastLane, Qt::AlignRight | Qt::AlignBottom);
    paintXAxis(c, block.frame);
}

void paintMarkers(const LoadPaintContext &c, int model, const QList<LoadMarker> &markers)
{
    QPainter &p = c.painter;
    p.setFont(c.style.font(c.style.textPixelSize - 1));
    p.setRenderHint(QPainter::Antialiasing, false);
    for (const LoadMarker &marker : markers) {
        const QColor colour = marker.corrected ? lineColour(c, model) : c.style.text;
        p.setPen(QPen(colour, 1, marker.corrected ? Qt::DashLine : Qt::SolidLine));
        p.drawLine(marker.line);
        drawLabelOnData(c, marker.label, colour, 215);
    }
}

void paintHistogram(const LoadPaintContext &c, const LoadHistogram &histogram)
{
    QPainter &p = c.painter;
    paintPanelTitle(c, histogram.frame.title);
    if (!histogram.hasBins)
        return;
    paintYGrid(c, histogram.frame);
    paintXGrid(c, histogram.frame);
    const int m = histogram.model;
    const QColor bar = withAlpha(c.modelColour(m), c.isDark() ? 200 : 190);
    for (const LoadHistogram::Bar &bin : histogram.bars) {
        if (bin.within)
            p.fillRect(*bin.within, bar);
        if (bin.timedOut)
            fillTimedOut(c, *bin.timedOut);
    }
    if (!histogram.corrected.isEmpty()) {
        // The corrected distribution as an outline over the measured bars.
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(lineColour(c, m), 1.6, Qt::DashLine, Qt::FlatCap, Qt::MiterJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(histogram.corrected);
    }
    paintMarkers(c, m, histogram.markers);
    paintXAxis(c, histogram.frame);
}

void paintSummaryTable(const LoadPaintContext &c, const LoadSummaryTable &table)
{
    QPainter &p = c.painter;
    paintPanelTitle(c, table.title);
    const QFont font = c.style.textFont();
    const QFont bold = c.style.font(c.style.textPixelSize, true);
    p.setRenderHint(QPainter::Antialiasing, false);
    // Header: each model in its colour.
    p.setFont(bold);
    for (const LoadSummaryTable::Header &header : table.header) {
        p.fillRect(header.underline, c.modelColour(header.model));
        p.setPen(lineColour(c, header.model));
        drawText(p, header.title, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (const LoadSummaryTable::Row &row : table.rows) {
        if (row.band)
            p.fillRect(*row.band, c.style.grid);
        if (row.rule) {
            p.setPen(QPen(c.style.sectionRule, 1));
            p.drawLine(*row.rule);
        }
        p.setFont(font);
        p.setPen(c.style.secondaryText);
        drawText(p, row.label, Qt::AlignLeft | Qt::AlignVCenter);
        for (const LoadSummaryTable::Cell &cell : row.cells) {
            p.setFont(cell.alarming ? bold : font);
            p.setPen(cell.alarming ? c.style.timeout : c.style.text);
            drawText(p, cell.value, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
}

} // namespace

QColor LoadPaintContext::modelColour(int model) const
{
    QStringList names;
    for (const LoadModel &loadModel : chart.models)
        names << loadModel.name;
    return Ui::modelColour(names, model, isDark());
}

void paintLoad(const LoadPaintContext &c, const LoadGeometry &geometry)
{
    QPainter &p = c.painter;
    if (geometry.placeholder) {
        p.setFont(c.style.textFont());
        p.setPen(c.style.secondaryText);
        drawText(p, *geometry.placeholder, Qt::AlignCenter);
        return;
    }
    paintHeader(c, geometry.header);
    if (geometry.rate)
        paintRatePanel(c, *geometry.rate);
    paintLatencyPanel(c, geometry.latency);
    for (const LoadSendsBlock &block : geometry.sends)
        paintSendsBlock(c, block);
    p.setFont(c.style.textFont());
    p.setPen(c.style.secondaryText);
    drawText(p, geometry.timeAxisTitle, Qt::AlignHCenter | Qt::AlignVCenter);
    for (const LoadHistogram &histogram : geometry.histograms)
        paintHistogram(c, histogram);
    if (geometry.summary)
        paintSummaryTable(c, *geometry.summary);
}

} // namespace LatencyLab::Ui
