#pragma once

// Density bands: what a Gantt section draws when it has more requests than
// rows of pixels. Each band (a few pixels tall) gathers consecutive rows;
// each of its pixel columns shows the share of its requests' time in each
// state as stacked colour, opaque where at least one request is present on
// average and fainter where fewer are. Internal to GanttGeometry.

#include "charts/densitypyramid.h"

#include <QImage>

#include <vector>

namespace LatencyLab::Ui {

struct GanttStyle;

// Request-columns per band, column and state: bands × columns × kDensityStates.
class DensityGrid
{
public:
    DensityGrid(int bands, int columns);

    int bands() const { return m_bands; }
    int columns() const { return m_columns; }
    float *band(int band) { return m_sums.data() + size_t(band) * size_t(m_columns) * kDensityStates; }
    const float *band(int band) const { return m_sums.data() + size_t(band) * size_t(m_columns) * kDensityStates; }

    // Adds rows [first, end) of `rows`, walking their spans: exact, for as
    // many requests as a frame can walk. u = (t − from) ÷ columnNanos.
    void addExact(int band, const DensityRows &rows, qsizetype first, qsizetype end, double from, double columnNanos);

private:
    int m_bands;
    int m_columns;
    std::vector<float> m_sums;
    std::vector<float> m_steps; // one band's +1/−1 steps where runs of whole columns begin and end
};

// The bands as an image `height` pixels tall, a column per pixel, band b
// from row round(b·h/bands) to round((b+1)·h/bands); transparent where no
// request is. `style` gives the states' colours (a pinned section's greyed).
QImage densityPicture(const DensityGrid &grid, int height, const GanttStyle &style);

} // namespace LatencyLab::Ui
