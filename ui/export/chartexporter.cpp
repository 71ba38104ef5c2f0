#include "export/chartexporter.h"

#include "export/atomicwrite.h"

#include "gantt/ganttgeometry.h"
#include "gantt/ganttpainter.h"

#include <QBuffer>
#include <QFileInfo>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <cmath>

namespace LatencyLab::Ui {

namespace {

constexpr int kMaxSide = 16384; // device pixels per side: a 16k PNG is already 1 GB in memory

// Progress through an export: laying a Gantt chart out, then painting and
// encoding it, then writing the file.
constexpr double kLayoutShare = 0.8;
constexpr double kEncodedShare = 0.95;

void paintChart(QPainter &painter, const GanttChart &chart, QSize size, ExportPreset preset, const Core::WorkControl &control = {})
{
    // The geometry is where a large chart's time goes (a walk over every
    // request); painting it is quick.
    const GanttGeometry geometry = layOutForExport(chart, size, preset, control);
    if (!control.isCancelled())
        paintGantt(painter, geometry, exportStyle(preset));
}

// Fails every write once the export is cancelled, which makes the image
// encoder stop at its next chunk instead of compressing the rest.
class CancellableBuffer : public QBuffer
{
public:
    CancellableBuffer(QByteArray *bytes, const Core::WorkControl &control)
        : QBuffer(bytes)
        , m_control(control)
    {
    }

protected:
    qint64 writeData(const char *data, qint64 length) override
    {
        return m_control.isCancelled() ? -1 : QBuffer::writeData(data, length);
    }

private:
    const Core::WorkControl &m_control;
};

Core::Error cancelled()
{
    return Core::Error{QStringLiteral("the export was cancelled")};
}

Core::Status checkSize(QSize size, double scale)
{
    if (size.isEmpty() || !(scale > 0) || !std::isfinite(scale))
        return Core::Status::failure(QStringLiteral("size must be positive, got %1×%2 at scale %3")
                                         .arg(size.width()).arg(size.height()).arg(scale));
    if (double(size.width()) * scale > kMaxSide || double(size.height()) * scale > kMaxSide)
        return Core::Status::failure(QStringLiteral("%1×%2 at scale %3 exceeds %4 pixels per side")
                                         .arg(size.width()).arg(size.height()).arg(scale).arg(kMaxSide));
    return Core::success();
}

Core::Result<QByteArray> encodePng(const ChartPainter &paint, QSize size, double scale, const Core::WorkControl &control)
{
    const QImage image = renderDrawing(paint, size, scale);
    if (control.isCancelled())
        return cancelled();
    QByteArray bytes;
    CancellableBuffer buffer(&bytes, control);
    buffer.open(QIODevice::WriteOnly);
    const bool encoded = !image.isNull() && image.save(&buffer, "PNG");
    if (control.isCancelled())
        return cancelled();
    if (!encoded)
        return Core::Error{QStringLiteral("could not encode the PNG image")};
    return bytes;
}

// QSvgGenerator states the size in millimetres at its resolution and names
// only Qt's font family (often the fontconfig alias "Sans Serif", which no
// browser knows). A reader wants pixels, and a generic fallback font.
QByteArray polishSvg(const QByteArray &svg, QSize size)
{
    static const QRegularExpression header(QStringLiteral("<svg width=\"[^\"]*\" height=\"[^\"]*\""));
    static const QRegularExpression family(QStringLiteral("font-family=\"([^\"]*)\""));
    QString text = QString::fromUtf8(svg);
    text.replace(header, QStringLiteral("<svg width=\"%1\" height=\"%2\"").arg(size.width()).arg(size.height()));
    text.replace(family, QStringLiteral("font-family=\"\\1, sans-serif\""));
    return text.toUtf8();
}

Core::Result<QByteArray> encodeSvg(const ChartPainter &paint, const QString &title, const QString &description, QSize size,
                                   const Core::WorkControl &control)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    generator.setDescription(description);
    QPainter painter;
    if (!painter.begin(&generator))
        return Core::Error{QStringLiteral("could not start the SVG document")};
    paint(painter, size);
    painter.end();
    if (control.isCancelled())
        return cancelled();
    return polishSvg(bytes, size);
}

} // namespace

Core::Status exportChart(const GanttChart &chart, const QString &path, QSize size, double scale, const Core::WorkControl &control,
                         ExportPreset preset)
{
    const Core::WorkControl layout = control.phase(0, kLayoutShare);
    const ChartPainter paint = [&chart, &layout, preset](QPainter &painter, QSize at) { paintChart(painter, chart, at, preset, layout); };
    return exportDrawing(paint, chart.title, QStringLiteral("LatencyLab Gantt chart"), path, exportSize(preset, size), scale, control);
}

Core::Status exportDrawing(const ChartPainter &paint, const QString &title, const QString &description, const QString &path,
                           QSize size, double scale, const Core::WorkControl &control)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool png = suffix == QLatin1String("png");
    const bool svg = suffix == QLatin1String("svg");
    if (!png && !svg) {
        const QString found = suffix.isEmpty() ? QStringLiteral("it has no extension")
                                               : QStringLiteral("unknown format “.%1”").arg(suffix);
        return Core::Status::failure(
            QStringLiteral("Cannot export to %1: %2; use .png or .svg").arg(quotedPath(path), found));
    }
    if (const Core::Status valid = checkSize(size, svg ? 1.0 : scale); !valid)
        return Core::Status::failure(QStringLiteral("Cannot export to %1: %2").arg(quotedPath(path), valid.error()));

    const Core::Result<QByteArray> bytes = png ? encodePng(paint, size, scale, control)
                                               : encodeSvg(paint, title, description, size, control);
    if (!bytes)
        return Core::Status::failure(QStringLiteral("Cannot export to %1: %2").arg(quotedPath(path), bytes.error()));
    control.report(kEncodedShare);
    if (control.isCancelled())
        return Core::Status::failure(QStringLiteral("Cannot export to %1: %2").arg(quotedPath(path), cancelled().message));
    const Core::Status written = writeAtomically(path, *bytes);
    control.report(1.0);
    return written;
}

QImage renderChart(const GanttChart &chart, QSize size, double scale, ExportPreset preset)
{
    return renderDrawing([&chart, preset](QPainter &painter, QSize at) { paintChart(painter, chart, at, preset); },
                         exportSize(preset, size), scale);
}

QImage renderDrawing(const ChartPainter &paint, QSize size, double scale)
{
    if (!checkSize(size, scale))
        return {};
    const QSize pixels(int(std::lround(size.width() * scale)), int(std::lround(size.height() * scale)));
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(painter, size);
    painter.end();
    return image;
}

} // namespace LatencyLab::Ui
