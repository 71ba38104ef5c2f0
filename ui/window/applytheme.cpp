#include "window/applytheme.h"

#include <QApplication>
#include <QStyle>

namespace LatencyLab::Ui {

void applyTheme(Theme theme)
{
    static const QPalette system = QApplication::palette();
    // Left alone until the user forces a theme: a palette set explicitly
    // would no longer follow the desktop's changes.
    static bool forced = false;
    if (theme == Theme::System && !forced)
        return;
    forced = theme != Theme::System;
    switch (theme) {
    case Theme::System:
        QApplication::setPalette(system);
        break;
    case Theme::Light:
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Theme::Dark:
        QApplication::setPalette(darkPalette());
        break;
    }
}

} // namespace LatencyLab::Ui
