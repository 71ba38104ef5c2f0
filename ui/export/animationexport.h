#pragma once

#include "charts/animationformat.h"
#include "charts/ganttchart.h"
#include "export/exportpreset.h"

#include "base/result.h"
#include "base/workcontrol.h"

#include <QSize>
#include <QString>

namespace LatencyLab::Ui {

struct AnimationOptions : AnimationLimits
{
    QString path;
    QSize size{1280, 720};
    double scale = 1.0;
    ExportPreset preset = ExportPreset::Standard;
    int fps = kDefaultFps;
    // How long the replay plays, in real seconds; the whole chart is then
    // held for one more second, so a looping GIF shows how it ended.
    double seconds = kDefaultSeconds;

    // Frames of the replay, then of the finished chart.
    int playFrames() const;
    int frameCount() const { return playFrames() + fps; }
};

// Debian's ffmpeg, which encodes GIF, MP4 and WebM; empty when it is not installed.
QString ffmpegProgram();
// What to tell a user without ffmpeg.
QString ffmpegMissingMessage();

// Renders the chart's replay frame by frame with the export's painter code
// (chartAsOf at evenly spaced moments, the last frames the whole chart) and
// encodes it with ffmpeg, run as a process — or writes the frames as
// frame-00001.png … into a new folder. All or nothing: the frames and the
// video are made beside the target and renamed onto it at the end; a failure
// or a cancel (WorkControl) leaves nothing. One-line messages name the path.
Core::Status exportAnimation(const GanttChart &chart, const AnimationOptions &options, const Core::WorkControl &control = {});

} // namespace LatencyLab::Ui
