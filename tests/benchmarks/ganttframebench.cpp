#include "ganttframebench.h"

#include "gantt/zoomcontrol.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Bench {

using Ui::TimeRange;

namespace {

constexpr double kZoomStep = 1.25;    // one wheel notch (GanttView)
constexpr double kPanZoomShare = 0.01; // the pan series' visible share of the full range
constexpr double kPanPixels = 10;
// Where requests cover little of the plot (one run of 10⁷ requests is a
// thin diagonal in the full view), most points find nothing.
constexpr int kHoverPointsTried = 100'000;

double msSince(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

// The same runs as sections made anew, so that nothing a renderer may have
// attached to `chart` or its sections comes along.
Ui::GanttChart freshCopy(const Ui::GanttChart &chart)
{
    Ui::GanttChart fresh;
    fresh.title = chart.title;
    fresh.order = chart.order;
    for (const Ui::GanttSection &section : chart.sections)
        fresh.sections << Ui::GanttSection::fromRun(section.run);
    return fresh;
}

} // namespace

double FrameSeries::median() const
{
    if (ms.isEmpty())
        return 0;
    QList<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype middle = sorted.size() / 2;
    return sorted.size() % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

double FrameSeries::max() const
{
    return ms.isEmpty() ? 0 : *std::max_element(ms.begin(), ms.end());
}

GanttFrameBench::GanttFrameBench(Ui::GanttChart chart, QSize size, int frames)
    : m_chart(std::move(chart))
    , m_size(size)
    , m_frames(frames)
    , m_image(size, QImage::Format_ARGB32_Premultiplied)
{
}

FrameSeries GanttFrameBench::prebuild()
{
    FrameSeries series;
    for (int i = 0; i < m_frames; ++i) {
        Ui::GanttChart fresh = freshCopy(m_chart);
        QElapsedTimer clock;
        clock.start();
        m_renderer.setChart(std::move(fresh));
        series.ms << msSince(clock);
    }
    return series;
}

double GanttFrameBench::paintMs(TimeRange visible)
{
    QElapsedTimer clock;
    clock.start();
    QPainter painter(&m_image);
    painter.fillRect(m_image.rect(), Qt::white);
    m_renderer.paint(painter, QSizeF(m_size), visible);
    painter.end();
    return msSince(clock);
}

FrameSeries GanttFrameBench::paintFrames(const QList<Frame> &frames)
{
    FrameSeries series;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        // The same range twice in a row would reuse the geometry built for it.
        if (i > 0 && frames[i].visible == frames[i - 1].visible)
            qFatal("frame %lld repeats the range painted before it", qlonglong(i));
        const double ms = paintMs(frames[i].visible);
        if (frames[i].timed)
            series.ms << ms;
    }
    return series;
}

FrameSeries GanttFrameBench::fullView()
{
    const TimeRange full = m_renderer.fullRange();
    const auto timeAt = [&](double share) { return full.start + qint64(double(full.length()) * share); };
    QList<Frame> frames;
    for (int i = 0; i < m_frames; ++i) {
        // A different tenth of the chart before each full view: the full view
        // is then built from scratch, as after zooming out.
        const double at = 0.05 + 0.8 * double(i) / m_frames;
        frames << Frame{{timeAt(at), timeAt(at + 0.1)}, false} << Frame{full, true};
    }
    return paintFrames(frames);
}

FrameSeries GanttFrameBench::zoomSteps()
{
    Ui::ZoomControl zoom;
    zoom.setFullRange(m_renderer.fullRange());
    const TimeRange full = zoom.fullRange();
    const int stepsIn = (m_frames + 1) / 2;
    const int stepsOut = m_frames - stepsIn;

    QList<Frame> frames{{zoom.visibleRange(), false}};
    const Core::Nanos centre = full.start + full.length() / 2;
    for (int i = 0; i < stepsIn; ++i) {
        zoom.zoomAround(centre, kZoomStep);
        frames << Frame{zoom.visibleRange(), true};
    }
    // Zooming out retraces the same lengths; around another point, so that
    // no range of the way in comes back.
    const Core::Nanos elsewhere = full.start + full.length() * 3 / 10;
    zoom.setVisibleRange({elsewhere - zoom.visibleRange().length() / 2, elsewhere + zoom.visibleRange().length() / 2});
    frames << Frame{zoom.visibleRange(), false};
    for (int i = 0; i < stepsOut; ++i) {
        zoom.zoomAround(zoom.visibleRange().start + zoom.visibleRange().length() / 2, 1 / kZoomStep);
        frames << Frame{zoom.visibleRange(), true};
    }
    return paintFrames(frames);
}

FrameSeries GanttFrameBench::panSteps()
{
    Ui::ZoomControl zoom;
    zoom.setFullRange(m_renderer.fullRange());
    const TimeRange full = zoom.fullRange();
    const auto length = qint64(double(full.length()) * kPanZoomShare);
    const Core::Nanos from = full.start + full.length() / 3;
    zoom.setVisibleRange({from, from + length});
    const double pixelsPerNano = m_renderer.scaleFor(QSizeF(m_size), zoom.visibleRange()).pixelsPerNano();
    const auto shift = std::max<Core::Nanos>(1, std::llround(kPanPixels / pixelsPerNano));

    QList<Frame> frames{{zoom.visibleRange(), false}};
    for (int i = 0; i < m_frames; ++i) {
        zoom.pan(shift);
        frames << Frame{zoom.visibleRange(), true};
    }
    return paintFrames(frames);
}

GanttFrameBench::Hover GanttFrameBench::hover(quint32 seed)
{
    const TimeRange full = m_renderer.fullRange();
    paintMs(full); // the still chart the mouse moves over
    const QRectF plot = m_renderer.plotArea(QSizeF(m_size));
    QRandomGenerator random(seed);
    Hover hover;
    for (int i = 0; i < kHoverPointsTried && hover.overRequests.ms.size() < m_frames; ++i) {
        const QPointF point(plot.left() + random.bounded(plot.width()), plot.top() + random.bounded(plot.height()));
        QElapsedTimer clock;
        clock.start();
        const std::optional<Ui::GanttHit> hit = m_renderer.hitTest(point, QSizeF(m_size), full);
        const QString tooltip = hit ? m_renderer.describe(*hit) : QString();
        (tooltip.isEmpty() ? hover.overNothing : hover.overRequests).ms << msSince(clock);
    }
    return hover;
}

} // namespace LatencyLab::Bench
