// Export → Animation: the replay drawn frame by frame and encoded by ffmpeg
// (checked with ffprobe, a separate reader), or written as PNG frames; a
// cancelled or failed export leaves nothing behind.

#include "windowfixtures.h"

#include "charts/chartbuilder.h"
#include "charts/ganttreplay.h"
#include "export/animationexport.h"
#include "export/chartexporter.h"
#include "model/presets.h"
#include "window/animationexportaction.h"
#include "window/exportprogress.h"
#include "window/mainwindow.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace LatencyLab;
using namespace LatencyLab::Ui;
using LatencyLab::Ui::MainWindow;

class TestAnimationExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gifOfThreeRequests();
    void framesIntoAFolder();
    void cancelLeavesNothing();
    void refusalsNameWhatIsWrong();
    void aCancelledWindowExportLeavesNothing();

private:
    GanttChart m_chart;
    QTemporaryDir m_folder;
};

namespace {

// ffprobe's count of decoded frames and the frame size, "800,450,30".
QString probe(const QString &path)
{
    QProcess ffprobe;
    ffprobe.start(QStringLiteral("ffprobe"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
                                              QStringLiteral("-select_streams"), QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                                              QStringLiteral("stream=width,height,nb_read_frames"), QStringLiteral("-of"),
                                              QStringLiteral("csv=p=0"), path});
    ffprobe.waitForFinished();
    return QString::fromUtf8(ffprobe.readAllStandardOutput()).trimmed();
}

QString messageOf(const Core::Status &status)
{
    return status ? QString() : status.error();
}

AnimationOptions smallAnimation(const QString &path)
{
    AnimationOptions options;
    options.path = path;
    options.size = QSize(800, 450);
    options.fps = 10;
    options.seconds = 2;
    return options;
}

} // namespace

void TestAnimationExport::initTestCase()
{
    QVERIFY2(!ffmpegProgram().isEmpty() && !QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty(),
             "ffmpeg and ffprobe are needed (scripts/setup.sh installs Debian's ffmpeg)");
    QVERIFY(m_folder.isValid());
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(QStringLiteral("three-requests"));
    QVERIFY(scenario);
    const Core::Result<GanttChart> chart = buildChart(*scenario, scenario->comparedModels());
    QVERIFY(chart);
    m_chart = *chart;
}

// 10 fps for 2 s: 20 frames of the replay, then 10 of the finished chart (a second).
void TestAnimationExport::gifOfThreeRequests()
{
    const QString path = m_folder.filePath(QStringLiteral("three.gif"));
    const Core::Status written = exportAnimation(m_chart, smallAnimation(path));
    QVERIFY2(written.ok(), qPrintable(messageOf(written)));
    QCOMPARE(probe(path), QStringLiteral("800,450,30"));
    QCOMPARE(QDir(m_folder.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{QStringLiteral("three.gif")});
}

void TestAnimationExport::framesIntoAFolder()
{
    const QString folder = m_folder.filePath(QStringLiteral("frames"));
    const Core::Status written = exportAnimation(m_chart, smallAnimation(folder));
    QVERIFY2(written.ok(), qPrintable(messageOf(written)));
    const QStringList frames = QDir(folder).entryList(QDir::Files, QDir::Name);
    QCOMPARE(frames.size(), 30);
    QCOMPARE(frames.first(), QStringLiteral("frame-00001.png"));
    // The first frame is the moment of the first arrival: nothing had run yet, so it differs from the last,
    // which is the finished chart as an export draws it.
    const QImage first(QDir(folder).filePath(frames.first()));
    const QImage last(QDir(folder).filePath(frames.last()));
    QCOMPARE(last.size(), QSize(800, 450));
    QCOMPARE(last.convertToFormat(QImage::Format_RGB32), renderChart(m_chart, QSize(800, 450)).convertToFormat(QImage::Format_RGB32));
    QVERIFY(first != last);
    // Frames into a folder that already holds files would mix two animations.
    const Core::Status again = exportAnimation(m_chart, smallAnimation(folder));
    QVERIFY(!again.ok());
    QVERIFY2(again.error().contains(QStringLiteral("new or empty folder")), qPrintable(again.error()));
}

void TestAnimationExport::cancelLeavesNothing()
{
    QTemporaryDir folder;
    for (const QString &name : {QStringLiteral("cancelled.gif"), QStringLiteral("cancelled-frames")}) {
        std::atomic<bool> cancel = false;
        Core::WorkControl control;
        control.cancel = &cancel;
        control.progress = [&cancel](double fraction) { cancel = fraction > 0.3; };
        const Core::Status written = exportAnimation(m_chart, smallAnimation(folder.filePath(name)), control);
        QVERIFY(!written.ok());
        QCOMPARE(written.error(), QStringLiteral("animation cancelled"));
        QVERIFY2(QDir(folder.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), "nothing is left behind");
    }
}

void TestAnimationExport::refusalsNameWhatIsWrong()
{
    const auto refusal = [this](AnimationOptions options) { return exportAnimation(m_chart, options).error(); };
    QVERIFY(refusal(smallAnimation(m_folder.filePath(QStringLiteral("a.avi")))).contains(QStringLiteral(".gif, .mp4 or .webm")));
    QVERIFY(refusal(smallAnimation(QStringLiteral("/no/such/folder/a.gif"))).contains(QStringLiteral("does not exist")));
    AnimationOptions tooFast = smallAnimation(m_folder.filePath(QStringLiteral("b.gif")));
    tooFast.fps = 1000;
    QVERIFY(refusal(tooFast).startsWith(QStringLiteral("--fps: expected 1 to 60")));
    AnimationOptions tooLong = smallAnimation(m_folder.filePath(QStringLiteral("c.gif")));
    tooLong.seconds = 1e9;
    QVERIFY(refusal(tooLong).startsWith(QStringLiteral("--duration:")));
    QVERIFY(!QFile::exists(m_folder.filePath(QStringLiteral("b.gif"))));
}

// File → Export Animation… runs on a worker; Cancel there stops it with no file and no frames left.
void TestAnimationExport::aCancelledWindowExportLeavesNothing()
{
    QTemporaryDir settings;
    QVERIFY(Tests::keepSettingsIn(settings.path()));
    MainWindow window;
    QVERIFY(Tests::showPresetAndWait(window, QStringLiteral("three-requests")));
    QTemporaryDir folder;
    AnimationOptions options = smallAnimation(folder.filePath(QStringLiteral("long.gif")));
    options.fps = AnimationOptions::kMaxFps;
    options.seconds = AnimationOptions::kMaxSeconds; // 7,260 frames: far from done when cancelled
    ExportProgress *progress = window.animationExport()->progress();
    QSignalSpy finished(progress, &ExportProgress::finished);
    QVERIFY(window.animationExport()->start(m_chart, options));
    QTest::qWait(200);
    progress->cancel();
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(QDir(folder.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), "nothing is left behind");
}

QTEST_MAIN(TestAnimationExport)
#include "tst_animationexport.moc"
