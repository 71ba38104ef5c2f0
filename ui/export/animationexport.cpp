#include "export/animationexport.h"

#include "charts/ganttreplay.h"
#include "export/atomicwrite.h"
#include "export/chartexporter.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>

namespace LatencyLab::Ui {

namespace {

// A chart is cut at every frame: past this many requests a model, an animation would take minutes.
constexpr qint64 kMaxRequestsPerSection = 50'000;
constexpr int kEncoderPollMs = 100;

QString frameName(int frame)
{
    return QStringLiteral("frame-%1.png").arg(frame + 1, 5, 10, QLatin1Char('0'));
}

Core::Status checkOptions(const GanttChart &chart, const AnimationOptions &options)
{
    if (options.fps < 1 || options.fps > AnimationOptions::kMaxFps)
        return Core::Status::failure(QStringLiteral("--fps: expected 1 to %1 frames per second, got %2").arg(AnimationOptions::kMaxFps).arg(options.fps));
    if (!(options.seconds > 0) || options.seconds > AnimationOptions::kMaxSeconds)
        return Core::Status::failure(QStringLiteral("--duration: an animation lasts more than 0 and at most %1 s, got %2 s")
                                         .arg(AnimationOptions::kMaxSeconds)
                                         .arg(options.seconds));
    if (chart.isEmpty())
        return Core::Status::failure(QStringLiteral("the chart has no requests to animate"));
    for (const GanttSection &section : chart.sections) {
        if (section.run && section.run->timeline.requestCount() > kMaxRequestsPerSection)
            return Core::Status::failure(QStringLiteral("%1 has %L2 requests; an animation draws at most %L3 a model")
                                             .arg(section.title)
                                             .arg(section.run->timeline.requestCount())
                                             .arg(kMaxRequestsPerSection));
    }
    return Core::success();
}

// The frames, rendered into `folder`.
Core::Status renderFrames(const GanttChart &chart, const AnimationOptions &options, const QString &folder, const Core::WorkControl &control)
{
    const Core::Nanos start = chart.start();
    const Core::Nanos length = chart.end() - start;
    const int playFrames = options.playFrames();
    const int total = options.frameCount();
    QImage whole;
    for (int frame = 0; frame < total; ++frame) {
        if (control.isCancelled())
            return Core::Status::failure(QStringLiteral("animation cancelled"));
        QImage image;
        if (frame < playFrames - 1) {
            const auto time = start + Core::Nanos(std::llround(double(length) * frame / double(playFrames - 1)));
            image = renderChart(chartAsOf(chart, time), options.size, options.scale, options.preset);
        } else {
            if (whole.isNull())
                whole = renderChart(chart, options.size, options.scale, options.preset);
            image = whole;
        }
        const QString path = QDir(folder).filePath(frameName(frame));
        if (image.isNull() || !image.save(path, "PNG"))
            return Core::Status::failure(QStringLiteral("cannot write the frame %1").arg(quotedPath(path)));
        control.report(0.8 * double(frame + 1) / double(total));
    }
    return Core::success();
}

QStringList encoderArguments(AnimationFormat format, int fps, const QString &frames, const QString &out)
{
    QStringList arguments{QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
                          QStringLiteral("-framerate"), QString::number(fps), QStringLiteral("-i"),
                          QDir(frames).filePath(QStringLiteral("frame-%05d.png"))};
    switch (format) {
    case AnimationFormat::Gif:
        // One palette made for the whole animation: the chart's few colours stay exact.
        arguments << QStringLiteral("-vf") << QStringLiteral("split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=none")
                  << QStringLiteral("-loop") << QStringLiteral("0") << QStringLiteral("-f") << QStringLiteral("gif");
        break;
    case AnimationFormat::Mp4:
        arguments << QStringLiteral("-vf") << QStringLiteral("scale=trunc(iw/2)*2:trunc(ih/2)*2") << QStringLiteral("-c:v")
                  << QStringLiteral("libx264") << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p") << QStringLiteral("-f")
                  << QStringLiteral("mp4");
        break;
    case AnimationFormat::WebM:
        arguments << QStringLiteral("-c:v") << QStringLiteral("libvpx-vp9") << QStringLiteral("-b:v") << QStringLiteral("0")
                  << QStringLiteral("-crf") << QStringLiteral("32") << QStringLiteral("-f") << QStringLiteral("webm");
        break;
    case AnimationFormat::Frames:
        break;
    }
    return arguments << out;
}

// Runs ffmpeg until it is done, or kills it on cancel.
Core::Status encode(const QStringList &arguments, const QString &target, const Core::WorkControl &control)
{
    QProcess ffmpeg;
    ffmpeg.setProcessChannelMode(QProcess::SeparateChannels);
    ffmpeg.start(ffmpegProgram(), arguments);
    if (!ffmpeg.waitForStarted())
        return Core::Status::failure(QStringLiteral("cannot start ffmpeg: %1").arg(ffmpeg.errorString()));
    while (!ffmpeg.waitForFinished(kEncoderPollMs)) {
        if (control.isCancelled()) {
            ffmpeg.kill();
            ffmpeg.waitForFinished();
            return Core::Status::failure(QStringLiteral("animation cancelled"));
        }
    }
    if (ffmpeg.exitStatus() != QProcess::NormalExit || ffmpeg.exitCode() != 0) {
        const QStringList lines = QString::fromUtf8(ffmpeg.readAllStandardError()).trimmed().split(QLatin1Char('\n'));
        return Core::Status::failure(QStringLiteral("ffmpeg could not write %1: %2").arg(quotedPath(target), lines.value(lines.size() - 1)));
    }
    return Core::success();
}

} // namespace

int AnimationOptions::playFrames() const
{
    return std::max(2, int(std::lround(double(fps) * seconds)));
}

QString ffmpegProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

QString ffmpegMissingMessage()
{
    return QStringLiteral("encoding a GIF, MP4 or WebM needs ffmpeg (sudo apt install ffmpeg); PNG frames into a folder "
                          "need nothing");
}

Core::Status exportAnimation(const GanttChart &chart, const AnimationOptions &options, const Core::WorkControl &control)
{
    const Core::Result<AnimationFormat> format = animationFormatFor(options.path);
    if (!format)
        return Core::Status::failure(format.error());
    if (const Core::Status valid = checkOptions(chart, options); !valid)
        return valid;
    if (*format != AnimationFormat::Frames && ffmpegProgram().isEmpty())
        return Core::Status::failure(ffmpegMissingMessage());

    const QFileInfo target(options.path);
    const QDir folder = target.absoluteDir();
    if (!folder.exists())
        return Core::Status::failure(QStringLiteral("cannot write %1: the folder %2 does not exist")
                                         .arg(quotedPath(options.path), quotedPath(folder.path())));
    if (*format == AnimationFormat::Frames && target.exists() && !(target.isDir() && QDir(options.path).isEmpty()))
        return Core::Status::failure(QStringLiteral("%1: PNG frames go into a new or empty folder").arg(quotedPath(options.path)));

    // Everything is made in a hidden folder beside the target, then renamed onto it.
    QTemporaryDir work(folder.filePath(QStringLiteral(".%1-XXXXXX").arg(target.fileName())));
    if (!work.isValid())
        return Core::Status::failure(QStringLiteral("cannot write in %1").arg(quotedPath(folder.path())));
    const QString frames = work.filePath(QStringLiteral("frames"));
    if (!QDir().mkpath(frames))
        return Core::Status::failure(QStringLiteral("cannot write in %1").arg(quotedPath(folder.path())));
    if (const Core::Status rendered = renderFrames(chart, options, frames, control); !rendered)
        return rendered;

    QString made = frames;
    if (*format != AnimationFormat::Frames) {
        made = work.filePath(QStringLiteral("animation"));
        if (const Core::Status encoded = encode(encoderArguments(*format, options.fps, frames, made), options.path, control); !encoded)
            return encoded;
    }
    if (control.isCancelled())
        return Core::Status::failure(QStringLiteral("animation cancelled"));
    if (target.isDir())
        QDir().rmdir(options.path); // empty, checked above: the frames' folder takes its place
    // rename(2) replaces a file atomically: a reader sees the old animation or the new, never half of one.
    if (std::rename(QFile::encodeName(made).constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        return Core::Status::failure(QStringLiteral("cannot write %1").arg(quotedPath(options.path)));
    control.report(1.0);
    return Core::success();
}

} // namespace LatencyLab::Ui
