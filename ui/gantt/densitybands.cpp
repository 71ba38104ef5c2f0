#include "gantt/densitybands.h"

#include "charts/ganttstyle.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace LatencyLab::Ui {

DensityGrid::DensityGrid(int bands, int columns)
    : m_bands(std::max(0, bands))
    , m_columns(std::max(0, columns))
    , m_sums(size_t(m_bands) * size_t(m_columns) * kDensityStates, 0.0f)
    , m_steps((size_t(m_columns) + 1) * kDensityStates, 0.0f)
{
}

void DensityGrid::addExact(int bandIndex, const DensityRows &rows, qsizetype first, qsizetype end, double from, double columnNanos)
{
    if (m_columns == 0 || bandIndex < 0 || bandIndex >= m_bands)
        return;
    float *out = band(bandIndex);
    std::fill(m_steps.begin(), m_steps.end(), 0.0f);
    const double columns = m_columns;
    // Partial columns at a span's ends directly, the whole ones between as
    // steps summed at the end: a long span costs no more than a short one.
    const auto add = [&](Core::Nanos start, Core::Nanos stop, DensityState state) {
        const double u0 = std::clamp((double(start) - from) / columnNanos, 0.0, columns);
        const double u1 = std::clamp((double(stop) - from) / columnNanos, 0.0, columns);
        if (u1 <= u0)
            return;
        const int s = int(state);
        const int i0 = std::min(int(u0), m_columns - 1);
        const int i1 = std::min(int(u1), m_columns - 1);
        if (i0 == i1) {
            out[size_t(i0) * kDensityStates + s] += float(u1 - u0);
            return;
        }
        out[size_t(i0) * kDensityStates + s] += float(double(i0 + 1) - u0);
        out[size_t(i1) * kDensityStates + s] += float(u1 - double(i1));
        m_steps[size_t(i0 + 1) * kDensityStates + s] += 1;
        m_steps[size_t(i1) * kDensityStates + s] -= 1;
    };
    for (qsizetype p = first; p < end; ++p)
        rows.forEachSpan(rows.requestAt(p), add);
    std::array<float, kDensityStates> running{};
    for (int c = 0; c < m_columns; ++c) {
        for (int s = 0; s < kDensityStates; ++s) {
            running[size_t(s)] += m_steps[size_t(c) * kDensityStates + size_t(s)];
            out[size_t(c) * kDensityStates + size_t(s)] += running[size_t(s)];
        }
    }
}

namespace {

// The states' colours, premultiplied components 0…1, in stacking order.
std::array<std::array<float, 3>, kDensityStates> stateColours(const GanttStyle &style)
{
    std::array<std::array<float, 3>, kDensityStates> colours{};
    const auto set = [&](DensityState state, const QColor &colour) {
        colours[size_t(state)] = {float(colour.redF()), float(colour.greenF()), float(colour.blueF())};
    };
    set(DensityState::Cpu, style.cpu);
    set(DensityState::Io, style.ioBand);
    set(DensityState::Ready, style.ready);
    set(DensityState::Queued, style.queued);
    set(DensityState::Late, style.lateBand);
    return colours;
}

// Where fewer than one request is present on average, the colour fades,
// but never below a floor: a lone request in a band must still show.
float presenceAlpha(float requests)
{
    constexpr float kFloor = 0.35f;
    return requests >= 1.0f ? 1.0f : kFloor + (1.0f - kFloor) * requests;
}

} // namespace

QImage densityPicture(const DensityGrid &grid, int height, const GanttStyle &style)
{
    QImage image(std::max(1, grid.columns()), std::max(1, height), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    if (grid.bands() == 0 || grid.columns() == 0 || height <= 0)
        return image;
    const auto colours = stateColours(style);
    const double bandHeight = double(height) / grid.bands();
    uchar *bits = image.bits();
    const qsizetype stride = image.bytesPerLine();
    const auto pixel = [bits, stride](int x, int y) -> QRgb & { return reinterpret_cast<QRgb *>(bits + y * stride)[x]; };

    std::array<float, kDensityStates> stackTop{}; // each state's top, in pixels from the band's bottom
    for (int b = 0; b < grid.bands(); ++b) {
        const int top = int(std::lround(b * bandHeight));
        const int bottom = std::min(height, int(std::lround((b + 1) * bandHeight)));
        const int pixels = bottom - top;
        if (pixels <= 0)
            continue;
        const float *sums = grid.band(b);
        for (int c = 0; c < grid.columns(); ++c) {
            const float *cell = sums + size_t(c) * kDensityStates;
            // A long span gives many neighbouring columns the same sums: copy.
            if (c > 0 && std::equal(cell, cell + kDensityStates, cell - kDensityStates)) {
                for (int y = top; y < bottom; ++y)
                    pixel(c, y) = pixel(c - 1, y);
                continue;
            }
            float total = 0;
            for (int s = 0; s < kDensityStates; ++s)
                total += std::max(0.0f, cell[s]);
            if (total <= 1e-6f)
                continue;
            const float alpha = presenceAlpha(total);
            float running = 0;
            for (int s = 0; s < kDensityStates; ++s) {
                running += std::max(0.0f, cell[s]) / total * float(pixels);
                stackTop[size_t(s)] = running;
            }
            // Pixel y (0 at the band's bottom) covers [y, y + 1) of the stack:
            // one state's colour, or, where states meet, their blend.
            int first = 0; // the lowest state still reaching above y
            for (int y = 0; y < pixels; ++y) {
                while (first < kDensityStates - 1 && stackTop[size_t(first)] <= float(y))
                    ++first;
                float r = 0, g = 0, bl = 0;
                float below = first > 0 ? stackTop[size_t(first - 1)] : 0.0f;
                for (int s = first; s < kDensityStates && below < float(y + 1); ++s) {
                    const float share = std::min(stackTop[size_t(s)], float(y + 1)) - std::max(below, float(y));
                    below = stackTop[size_t(s)];
                    if (share <= 0)
                        continue;
                    r += share * colours[size_t(s)][0];
                    g += share * colours[size_t(s)][1];
                    bl += share * colours[size_t(s)][2];
                }
                pixel(c, bottom - 1 - y) = qRgba(int(r * alpha * 255 + 0.5f), int(g * alpha * 255 + 0.5f), int(bl * alpha * 255 + 0.5f),
                                                 int(alpha * 255 + 0.5f));
            }
        }
    }
    return image;
}

} // namespace LatencyLab::Ui
