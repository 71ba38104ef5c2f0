// latencylab_iconrender SVG OUTDIR NAME SIZE...
// Renders the SVG app icon to OUTDIR/hicolor/SIZExSIZE/apps/NAME.png for each
// size, at build time: the PNGs always match the SVG and the repository holds
// no generated images. Exits 1 with a message when anything cannot be done.
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

namespace {

bool renderIcon(QSvgRenderer &svg, int side, const QString &path)
{
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter, QRectF(0, 0, side, side));
    painter.end();
    return QDir().mkpath(QFileInfo(path).path()) && image.save(path, "PNG");
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen"); // a build step: no display
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList arguments = app.arguments().mid(1);
    if (arguments.size() < 4) {
        err << "usage: latencylab_iconrender SVG OUTDIR NAME SIZE...\n";
        return 1;
    }
    QSvgRenderer svg(arguments.at(0));
    if (!svg.isValid()) {
        err << "latencylab_iconrender: cannot read the SVG " << arguments.at(0) << '\n';
        return 1;
    }
    const QDir outDir(arguments.at(1));
    const QString &name = arguments.at(2);
    for (const QString &sizeText : arguments.mid(3)) {
        bool ok = false;
        const int side = sizeText.toInt(&ok);
        const QString path = outDir.filePath(QStringLiteral("hicolor/%1x%1/apps/%2.png").arg(side).arg(name));
        if (!ok || side <= 0 || !renderIcon(svg, side, path)) {
            err << "latencylab_iconrender: cannot write " << path << '\n';
            return 1;
        }
    }
    return 0;
}
