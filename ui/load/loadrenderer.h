#pragma once

#include "charts/ganttstyle.h"
#include "charts/loadchart.h"

#include <QSizeF>

class QPainter;

namespace LatencyLab::Ui {

// Lays out and paints the Load view: title and legend; on the left the
// models on one time axis (answers per second, latency of each answer, and
// with the coordinated-omission overlay where each connection sent); on the
// right a latency histogram per model and wrk's summary side by side. The
// same code paints the widget and the exported PNG/SVG.
class LoadRenderer
{
public:
    void setChart(LoadChart chart) { m_chart = std::move(chart); }
    const LoadChart &chart() const { return m_chart; }

    // The colours and fonts to draw with; GanttStyle::standard() unless set.
    void setStyle(const GanttStyle &style) { m_style = style; }
    const GanttStyle &style() const { return m_style; }

    // Asks for the coordinated-omission overlay; it is drawn only for a closed client.
    void setOmissionShown(bool shown) { m_omission = shown; }
    bool isOmissionShown() const { return m_omission && m_chart.hasOmission(); }

    void paint(QPainter &painter, QSizeF size) const;

private:
    LoadChart m_chart;
    GanttStyle m_style = GanttStyle::standard();
    bool m_omission = false;
};

} // namespace LatencyLab::Ui
