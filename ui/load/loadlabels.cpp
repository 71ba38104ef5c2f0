#include "load/loadlabels.h"

#include "load/labelplacer.h"


namespace LatencyLab::Ui {

namespace {

// Calls `visit` on each label of `geometry` (const or not) in the order of
// loadLabels.
template <typename Geometry, typename Visit>
void visitLabels(Geometry &geometry, Visit visit)
{
    visit(geometry.header.title);
    visit(geometry.header.client);
    const auto frames = [&geometry](auto &&onFrame) {
        if (geometry.rate)
            onFrame(geometry.rate->frame);
        onFrame(geometry.latency.frame);
        for (auto &block : geometry.sends)
            onFrame(block.frame);
        for (auto &histogram : geometry.histograms)
            onFrame(histogram.frame);
    };
    frames([&](auto &frame) { visit(frame.title.title); });
    if (geometry.summary)
        visit(geometry.summary->title.title);
    visit(geometry.timeAxisTitle);
    frames([&](auto &frame) {
        for (auto &tick : frame.yTicks)
            visit(tick.label);
        if (frame.xLabels) {
            for (auto &tick : frame.xTicks)
                visit(tick.label);
        }
    });
    if (geometry.summary) {
        for (auto &header : geometry.summary->header)
            visit(header.title);
        for (auto &row : geometry.summary->rows) {
            visit(row.label);
            for (auto &cell : row.cells)
                visit(cell.value);
        }
    }
    if (geometry.rate) {
        for (auto &total : geometry.rate->totals)
            visit(total.label);
    }
    if (geometry.latency.timeout)
        visit(geometry.latency.timeout->label);
    for (auto &histogram : geometry.histograms) {
        for (auto &marker : histogram.markers)
            visit(marker.label);
    }
    for (auto &block : geometry.sends) {
        visit(block.firstLane);
        visit(block.lastLane);
    }
    frames([&](auto &frame) { visit(frame.title.note); });
    if (geometry.summary)
        visit(geometry.summary->title.note);
}

template <typename Text, typename Geometry>
QList<Text *> labelsOf(Geometry &geometry)
{
    QList<Text *> labels;
    visitLabels(geometry, [&labels](Text &text) {
        if (!text.isEmpty())
            labels << &text;
    });
    return labels;
}

} // namespace

QList<LoadText *> loadLabels(LoadGeometry &geometry)
{
    return labelsOf<LoadText>(geometry);
}

QList<const LoadText *> loadLabels(const LoadGeometry &geometry)
{
    return labelsOf<const LoadText>(geometry);
}

void dropCollidingLabels(LoadGeometry &geometry, const QRectF &bounds)
{
    LabelPlacer placer(bounds);
    // The header's title first, then the legend, entry by entry with its swatch.
    if (!geometry.header.title.isEmpty() && !placer.place({geometry.header.title.rect}))
        geometry.header.title = {};
    QList<LoadLegendEntry> kept;
    for (const LoadLegendEntry &entry : std::as_const(geometry.header.legend)) {
        if (placer.place({entry.swatch.united(entry.text.rect)}))
            kept << entry;
    }
    geometry.header.legend = kept;
    for (LoadText *label : loadLabels(geometry)) {
        if (label == &geometry.header.title)
            continue;
        if (!placer.place({label->rect}))
            *label = {};
    }
}

} // namespace LatencyLab::Ui
