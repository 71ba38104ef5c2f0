#include "gantt/ganttpainter.h"

#include "charts/ganttstyle.h"
#include "gantt/ganttgeometry.h"

#include <QPainter>

#include <cmath>
#include <utility>

namespace LatencyLab::Ui {

namespace {

QColor layerColour(GanttLayer layer, const GanttStyle &style)
{
    switch (layer) {
    case GanttLayer::Response:
        return style.response;
    case GanttLayer::Queued:
        return style.queued;
    case GanttLayer::Ready:
        return style.ready;
    case GanttLayer::Io:
        return style.io;
    case GanttLayer::CpuShared:
        return style.background; // the share is filled in on the cpu layer, the rest stays empty
    case GanttLayer::Cpu:
        return style.cpu;
    case GanttLayer::Late:
        return style.lateWash;
    case GanttLayer::TimeoutTick:
        return style.timeout;
    }
    return style.text;
}

void drawLines(QPainter &painter, const QList<QLineF> &lines, const QColor &colour, double width = 1)
{
    if (lines.isEmpty())
        return;
    painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::FlatCap));
    painter.drawLines(lines.constData(), int(lines.size()));
}

// A one-pixel outline inside each rect at least `minHeight` tall and 3 px wide.
void paintOutlines(QPainter &painter, const QList<QRectF> &rects, const QColor &colour, double minHeight)
{
    QList<QRectF> outlined;
    for (const QRectF &rect : rects) {
        if (rect.height() >= minHeight && rect.width() >= 3)
            outlined.append(rect.adjusted(0, 0, -1, -1)); // a pen's rect covers one more pixel right and below
    }
    if (outlined.isEmpty())
        return;
    painter.setPen(QPen(colour, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRects(outlined.constData(), int(outlined.size()));
    painter.setPen(Qt::NoPen);
}

// Ready and queued are amber and grey of about the same lightness: the edge
// tells them apart in greyscale too. Boxes too thin for it (density bands)
// stay plain, like an io box too thin for its hatch.
void paintReadyEdges(QPainter &painter, const QList<QRectF> &rects, const GanttStyle &style)
{
    paintOutlines(painter, rects, style.readyEdge, style.minEdgeHeight);
}

// A time-shared cpu box is outlined in the cpu colour, so the part of the
// core it did not get reads as an empty share of the same box.
void paintSharedFrames(QPainter &painter, const QList<QRectF> &rects, const GanttStyle &style)
{
    paintOutlines(painter, rects, style.cpu, 3);
}

void paintBars(QPainter &painter, const GanttLayerRects &bars, const QList<QLineF> &ioHatch, const GanttStyle &style)
{
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < kGanttLayerCount; ++i) {
        const GanttLayer layer = GanttLayer(i);
        const QList<QRectF> &rects = bars[layer];
        if (!rects.isEmpty()) {
            painter.setBrush(layerColour(layer, style));
            painter.drawRects(rects.constData(), int(rects.size()));
        }
        if (layer == GanttLayer::Ready)
            paintReadyEdges(painter, rects, style);
        if (layer == GanttLayer::CpuShared)
            paintSharedFrames(painter, rects, style);
        if (layer == GanttLayer::Io && !ioHatch.isEmpty()) {
            // The hatch tells io from cpu without relying on colour.
            painter.setRenderHint(QPainter::Antialiasing, true);
            drawLines(painter, ioHatch, style.ioHatch, style.lineWidth);
            painter.setRenderHint(QPainter::Antialiasing, false);
            painter.setPen(Qt::NoPen);
        }
    }
    painter.setBrush(Qt::NoBrush);
}

void paintLegendSwatches(QPainter &painter, const GanttGeometry &geometry, const GanttStyle &style)
{
    using Kind = GanttLegendSwatch::Kind;
    for (const GanttLegendSwatch &swatch : geometry.legend()) {
        const QRectF r = swatch.rect;
        switch (swatch.kind) {
        case Kind::Cpu:
            painter.fillRect(r, style.cpu);
            break;
        case Kind::CpuShared:
            painter.fillRect(r, style.background);
            painter.fillRect(QRectF(r.left(), r.bottom() - std::round(r.height() / 3), r.width(), std::round(r.height() / 3)),
                             style.cpu);
            paintSharedFrames(painter, {r}, style);
            break;
        case Kind::Io:
            painter.fillRect(r, style.io); // its hatch comes with the bars' hatch
            break;
        case Kind::Ready:
            painter.fillRect(r, style.ready);
            paintReadyEdges(painter, {r}, style);
            break;
        case Kind::Queued:
            painter.fillRect(r, style.queued);
            break;
        case Kind::Response:
            painter.fillRect(QRectF(r.left(), r.center().y() - 3, r.width(), 6), style.response);
            break;
        case Kind::Timeout:
            painter.fillRect(QRectF(r.left(), r.top() + 2, r.width(), r.height() - 4), style.io);
            painter.fillRect(QRectF(r.center().x(), r.top() + 2, r.width() / 2, r.height() - 4), style.lateWash);
            painter.fillRect(QRectF(std::round(r.center().x() - style.timeoutTickWidth / 2), r.top() - 2,
                                    style.timeoutTickWidth, r.height() + 4),
                             style.timeout);
            break;
        }
    }
}

void paintTexts(QPainter &painter, const GanttGeometry &geometry, const GanttStyle &style)
{
    const QFont title = style.titleFont();
    const QFont section = style.sectionFont();
    const QFont text = style.textFont();
    const QFont caption = style.captionFont();
    std::optional<std::pair<GanttText::Role, int>> current;
    for (const GanttText &item : geometry.texts()) {
        if (std::pair(item.role, item.pixelSize) != current) {
            current = std::pair(item.role, item.pixelSize);
            switch (item.role) {
            case GanttText::Role::Title:
                painter.setFont(title);
                painter.setPen(style.text);
                break;
            case GanttText::Role::SectionTitle:
                painter.setFont(section);
                painter.setPen(style.text);
                break;
            case GanttText::Role::Summary:
                painter.setFont(text);
                painter.setPen(style.secondaryText);
                break;
            case GanttText::Role::RowLabel:
            case GanttText::Role::Legend:
                painter.setFont(item.pixelSize > 0 ? style.font(item.pixelSize) : text);
                painter.setPen(style.text);
                break;
            case GanttText::Role::Axis:
                painter.setFont(text);
                painter.setPen(style.axis);
                break;
            case GanttText::Role::Share:
                painter.setFont(text);
                painter.setPen(style.cpu);
                break;
            case GanttText::Role::PinnedTitle:
                painter.setFont(section);
                painter.setPen(style.secondaryText);
                break;
            case GanttText::Role::PinnedRowLabel:
                painter.setFont(item.pixelSize > 0 ? style.font(item.pixelSize) : text);
                painter.setPen(style.secondaryText);
                break;
            case GanttText::Role::Caption:
                painter.setFont(caption);
                painter.setPen(style.text);
                break;
            }
        }
        painter.drawText(item.rect, item.flags, item.text);
    }
}

} // namespace

void paintGantt(QPainter &painter, const GanttGeometry &geometry, const GanttStyle &style)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(QRectF(QPointF(0, 0), geometry.size()), style.background);

    drawLines(painter, geometry.gridLines(), style.grid, style.lineWidth);
    QList<QLineF> rules;
    for (const GanttSectionLayout &section : geometry.sections()) {
        if (!section.rule.isNull())
            rules.append(section.rule);
    }
    drawLines(painter, rules, style.sectionRule, style.lineWidth);

    paintLegendSwatches(painter, geometry, style); // first: the io swatch's hatch is drawn with the bars'
    paintBars(painter, geometry.bars(), geometry.ioHatch(), style);
    if (geometry.bars(true).count() > 0)
        paintBars(painter, geometry.bars(true), geometry.ioHatch(true), style.greyed());

    for (const GanttSectionLayout &section : geometry.sections()) {
        if (section.isDensity())
            painter.drawImage(section.rows.topLeft(), section.density);
    }
    if (!geometry.stripBars().isEmpty()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(style.strip);
        painter.drawRects(geometry.stripBars().constData(), int(geometry.stripBars().size()));
        painter.setBrush(Qt::NoBrush);
    }
    drawLines(painter, geometry.percentileMarks(), style.text, style.lineWidth);

    drawLines(painter, {geometry.axisLine()}, style.axis, style.lineWidth);
    drawLines(painter, geometry.tickMarks(), style.axis, style.lineWidth);
    paintTexts(painter, geometry, style);
    drawLines(painter, geometry.replayCursor(), style.hoverOutline, 2 * style.lineWidth);
    painter.restore();
}

void paintHighlight(QPainter &painter, const GanttGeometry &geometry, const QRectF &bounds, const GanttStyle &style)
{
    if (bounds.isNull())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QRectF plot = geometry.plotArea();
    painter.fillRect(QRectF(plot.left(), bounds.top(), plot.width(), bounds.height()), style.hoverTint);
    // A little inside the row, but at least 7 px tall, so a one-pixel band's request can be seen.
    const double height = std::max(bounds.height() - 4, 7.0);
    const QRectF outline(bounds.left() - 2, bounds.center().y() - height / 2, bounds.width() + 3, height);
    painter.setPen(QPen(style.hoverOutline, 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(outline);
    painter.restore();
}

} // namespace LatencyLab::Ui
