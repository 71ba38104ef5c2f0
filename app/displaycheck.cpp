#include "displaycheck.h"

#include <QByteArray>
#include <QList>

namespace {

bool isSet(const char *variable)
{
    return !qEnvironmentVariableIsEmpty(variable);
}

// One entry of QT_QPA_PLATFORM, e.g. "xcb", "wayland-egl" or "offscreen:fontengine=…".
bool platformReachable(QByteArrayView platform)
{
    if (platform.startsWith("xcb"))
        return isSet("DISPLAY");
    if (platform.startsWith("wayland"))
        return isSet("WAYLAND_DISPLAY");
    return true; // offscreen, minimal, vnc, eglfs, …: no display server needed
}

} // namespace

bool windowCanOpen()
{
    // Qt tries the plugins of QT_QPA_PLATFORM in order ("wayland;xcb"); unset,
    // it picks Wayland or X11 from the session, so either display will do.
    const QByteArray platforms = qgetenv("QT_QPA_PLATFORM");
    if (platforms.isEmpty())
        return isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
    for (const QByteArray &platform : platforms.split(';')) {
        if (platformReachable(platform.trimmed()))
            return true;
    }
    return false;
}

QString noDisplayMessage()
{
    return QStringLiteral("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset): "
                          "the commands simulate, run, export, record and serve work without one "
                          "(latencylab --help), or open the window on a virtual display with xvfb-run latencylab");
}
