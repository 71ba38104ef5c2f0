#pragma once

#include <QDockWidget>

class QTextBrowser;

namespace LatencyLab::Ui {

struct GanttStyle;

// Help → "What am I looking at?": a side panel that explains the chart —
// the green boxes, the response bars, the ready and queued waits, blame —
// with swatches in the chart's own current colours.
class ExplainerPanel : public QDockWidget
{
    Q_OBJECT

public:
    explicit ExplainerPanel(QWidget *parent = nullptr);

    // Repaints the swatches in `style`'s colours (after a theme change).
    void setChartStyle(const GanttStyle &style);
    QString text() const;

    // The explanation as rich text, for the panel and for tests.
    static QString html(const GanttStyle &style);

private:
    QTextBrowser *m_text;
};

} // namespace LatencyLab::Ui
