#include "charts/glyphicon.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>

namespace LatencyLab::Ui {

namespace {

class GlyphIconEngine : public QIconEngine
{
public:
    explicit GlyphIconEngine(QIcon shape)
        : m_shape(std::move(shape))
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap drawn = scaledPixmap(rect.size(), mode, state, ratio);
        painter->drawPixmap(rect, drawn);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QImage image = m_shape.pixmap(size, scale, QIcon::Normal, state).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        const QPalette palette = QGuiApplication::palette();
        painter.fillRect(image.rect(), mode == QIcon::Disabled ? palette.color(QPalette::Disabled, QPalette::ButtonText)
                                                               : palette.color(QPalette::Active, QPalette::ButtonText));
        painter.end();
        return QPixmap::fromImage(std::move(image));
    }

    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return m_shape.actualSize(size, mode, state);
    }

    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return m_shape.availableSizes(mode, state);
    }

    QIconEngine *clone() const override { return new GlyphIconEngine(m_shape); }
    QString key() const override { return QStringLiteral("LatencyLab::GlyphIconEngine"); }

private:
    QIcon m_shape;
};

} // namespace

QIcon glyphIcon(const QIcon &shape)
{
    return QIcon(new GlyphIconEngine(shape));
}

} // namespace LatencyLab::Ui
