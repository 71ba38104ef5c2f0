#pragma once

#include <QString>

// Whether Qt's platform plugin can reach a display: the xcb (X11) and Wayland
// plugins abort the process when there is none, so the window checks first
// and says so instead (an ssh session, a container, a CI job).
[[nodiscard]] bool windowCanOpen();

// One line for standard error when windowCanOpen() is false: what is missing
// and what works without a display.
[[nodiscard]] QString noDisplayMessage();
