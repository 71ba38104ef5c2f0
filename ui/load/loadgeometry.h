#pragma once

#include "load/loadframe.h"
#include "load/loadheader.h"
#include "load/loadhistogram.h"
#include "load/loadsummarytable.h"

#include <QPointF>
#include <QPolygonF>
#include <QSizeF>

#include <optional>

namespace LatencyLab::Ui {

inline constexpr double kLoadDotRadius = 2.4;
inline constexpr double kLoadCrossHalf = 3.2; // half the size of a timed-out answer's ×

// Answers per second: each bucket's bars, a model's beside the other's, and
// the rate meter's smoothed line through the buckets' middles. The scale is
// the lines': taller bars are cut and notched.
struct LoadRatePanel
{
    struct Bar
    {
        int model = 0;
        QRectF rect;
        std::optional<QRectF> timedOut; // the timed-out share, from the bar's top
        std::optional<QRectF> notch;    // a cut bar's top: a mark at the plot's top, above a gap
    };
    struct Total
    {
        int model = 0;
        LoadText label; // "20/s in all" at the right edge, spread apart from the others
    };

    LoadPlotFrame frame;
    QList<Bar> bars;
    QList<QPolygonF> smoothed; // by model
    QList<Total> totals;       // top to bottom
};

// Every answer's latency against when it came back, p50 and p99 per bucket,
// the timeout, and with the overlay the phantom samples of a steady client.
struct LoadLatencyPanel
{
    struct Timeout
    {
        QRectF wash; // above the timeout
        QLineF line;
        LoadText label; // beside the line where it hides the fewest answers
    };
    struct Ghosts
    {
        int model = 0;
        QList<QPointF> centres;
    };
    struct Answers
    {
        QList<QPointF> dots;   // within the timeout
        QList<QLineF> crosses; // timed out: two strokes each
        QPolygonF p50;
        QPolygonF p99;
    };

    LoadPlotFrame frame;
    std::optional<Timeout> timeout;
    QRectF clip;            // the plot and a dot's radius around it
    QList<Ghosts> ghosts;   // with the overlay, at most kMaxGhostDots in all
    double dotRadius = kLoadDotRadius; // bigger when there are few answers
    QList<Answers> answers; // by model
};

// Coordinated omission for one model: where each connection sent, a lane
// each, and the ghost ticks of a steady pace. Every model's block shows
// the same connections, in lanes of the same height.
struct LoadSendsBlock
{
    int model = 0;
    LoadPlotFrame frame;
    QList<QLineF> ghosts;
    QList<QLineF> sends;
    LoadText firstLane;
    LoadText lastLane; // empty when there is no room
};

// Pure layout of the Load view for one size: on the left the models on one
// time axis (rate, latency and, with the coordinated-omission overlay, the
// connections' sends), on the right a latency histogram per model and wrk's
// summary. Every rect, line, point and text in logical pixels, in the order
// they are painted; which colour each takes is the painter's.
//
// At any size no two labels overlap and every bar stays in its plot: where
// room runs short, parts are left out whole (the right column when narrow,
// the sends and then the rate when short), and any label that would still
// cover another one placed before it is dropped (loadLabels gives the order).
struct LoadGeometry
{
    std::optional<LoadText> placeholder; // an empty chart, or no room for a plot: only this
    LoadHeader header;
    std::optional<LoadRatePanel> rate; // none when too short
    LoadLatencyPanel latency;
    QList<LoadSendsBlock> sends;
    LoadText timeAxisTitle;
    QList<LoadHistogram> histograms; // none when too narrow or short
    std::optional<LoadSummaryTable> summary; // none when too narrow

    static LoadGeometry build(const LoadChart &chart, QSizeF size, const GanttStyle &style, bool omission);
};

// The parts, each inside `rect`. Parts that share the time axis label it
// only when `axisLabels` is set (the lowest one).
LoadRatePanel layOutRatePanel(const LoadLayoutContext &context, const QRectF &rect, bool axisLabels);
LoadLatencyPanel layOutLatencyPanel(const LoadLayoutContext &context, const QRectF &rect, bool axisLabels);
QList<LoadSendsBlock> layOutSendsPanel(const LoadLayoutContext &context, const QRectF &rect, bool axisLabels);

} // namespace LatencyLab::Ui
