#pragma once

#include "base/result.h"

#include <QString>

namespace LatencyLab::Ui {

// What an exported animation is written as: by its file's extension, or PNG
// frames into a folder (a path without an extension), which needs no encoder.
enum class AnimationFormat : quint8 { Gif, Mp4, WebM, Frames };

// An animation's frame rate and length: its defaults and what is allowed.
struct AnimationLimits
{
    static constexpr int kDefaultFps = 30;
    static constexpr int kMaxFps = 60;
    static constexpr double kDefaultSeconds = 8;
    static constexpr double kMaxSeconds = 120;
};

Core::Result<AnimationFormat> animationFormatFor(const QString &path);

} // namespace LatencyLab::Ui
