#pragma once

#include "load/loadrenderer.h"

#include <QWidget>

namespace LatencyLab::Ui {

// Paints a LoadRenderer at the widget's size: the Load tab's drawing area.
// Hovering a label cut short to fit shows its whole words.
class LoadCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit LoadCanvas(QWidget *parent = nullptr);

    LoadRenderer &renderer() { return m_renderer; }
    const LoadRenderer &renderer() const { return m_renderer; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The whole words of the label at `point` that was cut short to fit; empty elsewhere.
    QString toolTipAt(QPointF point) const;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    LoadRenderer m_renderer;
};

} // namespace LatencyLab::Ui
