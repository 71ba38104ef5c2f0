#pragma once

#include "model/timeline.h"

#include <QList>
#include <QRectF>

#include <array>

namespace LatencyLab::Ui {

// What a rect is drawn as. Layers are painted in this order, so where they
// overlap a later one wins: a one-pixel cpu tick shows on top of an io box.
enum class GanttLayer : quint8 {
    Response,    // the thin light bar, arrival → end
    Queued,
    Ready,
    Io,
    CpuShared,   // a time-shared cpu span's whole box, outlined; its share is filled in on the cpu layer
    Cpu,
    Late,        // a ghosting wash over what ran after the client's timeout
    TimeoutTick, // where the client gave up
};
inline constexpr int kGanttLayerCount = 8;

GanttLayer layerFor(Core::SpanState state);

// Rects grouped by layer. Appending merges a rect into the layer's previous
// one when both lie on the same row and touch, so neighbours of one colour
// become one rect.
class GanttLayerRects
{
public:
    void append(GanttLayer layer, const QRectF &rect);
    const QList<QRectF> &operator[](GanttLayer layer) const { return m_rects[size_t(layer)]; }
    qsizetype count() const;

private:
    std::array<QList<QRectF>, kGanttLayerCount> m_rects;
};

} // namespace LatencyLab::Ui
