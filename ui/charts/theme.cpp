#include "charts/theme.h"

#include "charts/ganttstyle.h"


namespace LatencyLab::Ui {

QString themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Theme> themeFromKey(const QString &key)
{
    for (const Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        if (key == themeKey(theme))
            return theme;
    }
    return std::nullopt;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

const GanttStyle &chartStyleFor(const QPalette &palette)
{
    return isDark(palette) ? GanttStyle::dark() : GanttStyle::standard();
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2e, 0x33);
    // Fields a shade lighter than the window, as dark desktops draw them:
    // an unticked check box is a square of this colour, and one darker than
    // the window (with the style's dark outline around it) all but vanished.
    const QColor base(0x41, 0x46, 0x4e);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor disabledText(0x7b, 0x80, 0x88);
    QPalette palette(text, window, window.lighter(140), window.darker(160), window.darker(120), text, text, base, window);
    palette.setColor(QPalette::AlternateBase, QColor(0x3a, 0x3e, 0x45));
    palette.setColor(QPalette::Button, QColor(0x36, 0x3a, 0x40));
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    palette.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    palette.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    return palette;
}

} // namespace LatencyLab::Ui
