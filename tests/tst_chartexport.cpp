// Exporting the Gantt chart: PNG and SVG at the requested size, written
// atomically, with errors that name the path and the reason.

#include "ganttfixtures.h"
#include "unwritablepath.h"

#include "export/chartexporter.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

bool canCreateFileIn(const QString &directory)
{
    QFile probe(QDir(directory).filePath(QStringLiteral(".probe")));
    if (!probe.open(QIODevice::WriteOnly))
        return false;
    probe.remove();
    return true;
}

} // namespace

class TestChartExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pngHasRequestedSize_data();
    void pngHasRequestedSize();
    void svgHasRequestedSize_data();
    void svgHasRequestedSize();
    void renderChartIsTheImage();
    void unwritablePath_data();
    void unwritablePath();
    void readOnlyDirectory();
    void unknownExtension_data();
    void unknownExtension();
    void failureKeepsThePreviousFile();

private:
    GanttChart m_chart;
    QTemporaryDir m_dir;
};

void TestChartExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_chart = threeRequestComparison();
}

void TestChartExport::pngHasRequestedSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::addColumn<QSize>("pixels");

    QTest::addRow("the default 1600×900") << QSize(1600, 900) << 1.0 << QSize(1600, 900);
    QTest::addRow("HiDPI doubles the pixels") << QSize(800, 450) << 2.0 << QSize(1600, 900);
    QTest::addRow("a fractional scale rounds") << QSize(1000, 600) << 1.5 << QSize(1500, 900);
    QTest::addRow("a small thumbnail") << QSize(320, 200) << 1.0 << QSize(320, 200);
}

void TestChartExport::pngHasRequestedSize()
{
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QFETCH(QSize, pixels);

    const QString path = m_dir.filePath(QStringLiteral("chart-%1.png").arg(QString::fromUtf8(QTest::currentDataTag())));
    const Core::Status status = exportChart(m_chart, path, size, scale);
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error()));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), pixels);
    QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white)); // the margin is white, not transparent
    // Something was drawn: the first cpu box's green appears.
    bool green = false;
    for (int y = 0; y < image.height() && !green; y += 2) {
        for (int x = 0; x < image.width() && !green; x += 2)
            green = image.pixelColor(x, y) == QColor(0x1b, 0x78, 0x37);
    }
    QVERIFY(green);
}

void TestChartExport::svgHasRequestedSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addRow("1600×900") << QSize(1600, 900);
    QTest::addRow("800×450") << QSize(800, 450);
}

void TestChartExport::svgHasRequestedSize()
{
    QFETCH(QSize, size);

    const QString path = m_dir.filePath(QStringLiteral("chart-%1.svg").arg(size.width()));
    const Core::Status status = exportChart(m_chart, path, size, 2.0); // the scale does not change an SVG
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error()));
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.defaultSize(), size);
    QCOMPARE(renderer.viewBox(), QRect(QPoint(0, 0), size));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.contains("<title>Three requests</title>"));
    QVERIFY(svg.contains("Request 3"));                // the labels are text, not pixels
    QVERIFY(svg.contains(", sans-serif\""));           // fonts fall back to a generic family
}

void TestChartExport::renderChartIsTheImage()
{
    const QImage image = renderChart(m_chart, QSize(640, 360), 2.0);
    QCOMPARE(image.size(), QSize(1280, 720));
    QCOMPARE(image.devicePixelRatio(), 2.0);
    QCOMPARE(image.format(), QImage::Format_ARGB32_Premultiplied);
    QVERIFY(renderChart(m_chart, QSize(0, 360)).isNull());
    QVERIFY(renderChart(m_chart, QSize(640, 360), 0).isNull());
}

void TestChartExport::unwritablePath_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<QString>("reason");

    QTest::addRow("a directory that does not exist") << QStringLiteral("missing/chart.png") << QStringLiteral("does not exist");
    QTest::addRow("a missing directory, as SVG") << QStringLiteral("missing/chart.svg") << QStringLiteral("does not exist");
    QTest::addRow("a file where a directory should be") << QStringLiteral("plain-file/chart.png") << QStringLiteral("is not a directory");
}

void TestChartExport::unwritablePath()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, reason);

    QFile plain(m_dir.filePath(QStringLiteral("plain-file")));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();

    const QString path = m_dir.filePath(relativePath);
    const Core::Status status = exportChart(m_chart, path, QSize(400, 300));
    QVERIFY(!status.ok());
    QVERIFY2(status.error().contains(QDir::toNativeSeparators(path)), qPrintable(status.error()));
    QVERIFY2(status.error().contains(reason), qPrintable(status.error()));
    QVERIFY(!QFile::exists(path));
}

void TestChartExport::readOnlyDirectory()
{
    const QString ownDirectory = m_dir.filePath(QStringLiteral("read-only"));
    QVERIFY(QDir().mkpath(ownDirectory));
    QVERIFY(QFile::setPermissions(ownDirectory, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(ownDirectory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    });
    // Root writes into read-only directories anyway; a path through a regular
    // file refuses everyone.
    const bool readOnlyRefuses = !canCreateFileIn(ownDirectory);
    const QString directory = readOnlyRefuses ? ownDirectory : m_dir.path();
    const QString path = QDir(readOnlyRefuses ? ownDirectory : regularFileIn(m_dir.path())).filePath(QStringLiteral("latencylab-chart.png"));
    const QStringList entriesBefore = QDir(directory).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden);

    const Core::Status status = exportChart(m_chart, path, QSize(400, 300));
    QVERIFY(!status.ok());
    QVERIFY2(status.error().contains(QDir::toNativeSeparators(path)), qPrintable(status.error()));
    QVERIFY2(status.error().size() > status.error().indexOf(QDir::toNativeSeparators(path)) + path.size() + 4,
             qPrintable(status.error())); // and says why
    QVERIFY2(status.error().contains(readOnlyRefuses ? QStringLiteral("ermission") : QStringLiteral("is not a directory")),
             qPrintable(status.error()));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(directory).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden), entriesBefore);
}

void TestChartExport::unknownExtension_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("found");

    QTest::addRow("a JPEG") << QStringLiteral("chart.jpg") << QStringLiteral(".jpg");
    QTest::addRow("no extension at all") << QStringLiteral("chart") << QStringLiteral("no extension");
}

void TestChartExport::unknownExtension()
{
    QFETCH(QString, name);
    QFETCH(QString, found);

    const QString path = m_dir.filePath(name);
    const Core::Status status = exportChart(m_chart, path);
    QVERIFY(!status.ok());
    for (const QString &part : {QDir::toNativeSeparators(path), found, QStringLiteral(".png"), QStringLiteral(".svg")})
        QVERIFY2(status.error().contains(part), qPrintable(status.error()));
    QVERIFY(!QFile::exists(path));
}

void TestChartExport::failureKeepsThePreviousFile()
{
    // A failed export (here: an impossible size) leaves an existing file as it was.
    const QString path = m_dir.filePath(QStringLiteral("kept.png"));
    QVERIFY(exportChart(m_chart, path, QSize(200, 100)).ok());
    QFile before(path);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray original = before.readAll();
    before.close();

    const Core::Status status = exportChart(m_chart, path, QSize(100000, 100));
    QVERIFY(!status.ok());
    QVERIFY2(status.error().contains(QDir::toNativeSeparators(path)), qPrintable(status.error()));
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), original);
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("kept.png*")}, QDir::Files | QDir::Hidden), QStringList{QStringLiteral("kept.png")});
}

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
