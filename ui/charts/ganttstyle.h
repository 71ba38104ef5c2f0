#pragma once

#include <QColor>
#include <QFont>
#include <QString>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

// Everything the Gantt chart's look depends on, in one place: the palette,
// font sizes and metrics, all in logical pixels. Layout (GanttGeometry) and
// painting (GanttRenderer) both read it, so a change here changes both.
struct GanttStyle
{
    // --- palette ------------------------------------------------------------
    // Colour-blind safe and high contrast on white: ColorBrewer PRGn greens for
    // the request's own work (io also hatched, so it never relies on hue),
    // PuOr amber for `ready`, neutral grey for `queued`. Timeouts are magenta,
    // not red: red and green of equal lightness merge for deuteranopes.
    QColor background{0xff, 0xff, 0xff};
    QColor cpu{0x1b, 0x78, 0x37};
    QColor io{0xa6, 0xdb, 0xa0};
    QColor ioHatch{0x3a, 0x8f, 0x4a};
    QColor ioBand{0x86, 0xc5, 0x82};       // io in density bands: what the hatched io averages to
    QColor ready{0xf1, 0xa3, 0x40};
    QColor readyEdge{0xb3, 0x58, 0x06};    // ready boxes are edged: amber and grey differ in shape too, not only in hue
    QColor queued{0xb0, 0xb0, 0xb0};
    QColor response{0xc9, 0xd3, 0xdf};     // the perceived-response bar, a light slate
    QColor timeout{0xc5, 0x1b, 0x7d};
    QColor lateWash{0xff, 0xff, 0xff, 150}; // ghosts whatever ran after the client gave up
    QColor lateBand{0xf1, 0xb6, 0xda};       // density bands: mostly past a timeout (PiYG pink)
    QColor text{0x21, 0x21, 0x21};
    QColor secondaryText{0x5f, 0x63, 0x68};
    QColor axis{0x5f, 0x63, 0x68};
    QColor grid{0xec, 0xee, 0xf1};
    QColor sectionRule{0xd0, 0xd4, 0xda};
    QColor strip{0x7b, 0x87, 0x94};          // the response strip's bars, a mid slate
    QColor hoverTint{0x21, 0x66, 0xac, 28};
    QColor hoverOutline{0x21, 0x66, 0xac};

    // --- fonts (pixel sizes: a 2× export is the same layout at twice the pixels)
    QString fontFamily; // empty: the application's default font
    int titlePixelSize = 20;
    int sectionPixelSize = 14;
    int textPixelSize = 12; // summaries, row labels, legend, axis
    int captionPixelSize = 16;

    // --- metrics --------------------------------------------------------------
    double padding = 18;          // around the whole chart
    double titleHeight = 30;
    double legendHeight = 22;     // when the legend needs its own line
    double sectionHeaderHeight = 28;
    double sectionGap = 14;       // above every section header but the first
    double axisHeight = 30;       // tick marks and their labels
    double captionHeight = 34;    // the caption line under the axis, when the chart has one
    double lineWidth = 1;         // axis, ticks, rules, gridlines and the io hatch
    double tickLength = 5;
    double minTickSpacing = 80;   // at least this many pixels between ticks

    double maxRowPitch = 64;      // rows never get taller than this, unless filling the height
    // Exports: rows grow past maxRowPitch until the sections fill the
    // image's height, instead of leaving the rest of it blank.
    bool fillHeight = false;
    double boxShare = 0.6;        // own-work boxes (cpu, io): share of the row pitch
    double maxBoxHeight = 30;
    double barShare = 0.5;        // the response bar: share of the box height
    double waitInset = 2;         // queued/ready sit inside the response bar, this far from its edges
    double labelMinPitch = 11;    // rows at least this tall are labelled …
    double labelFullPitch = 16;   // … in the text size from this pitch up, smaller below it
    int minLabelPixelSize = 9;
    double labelGap = 8;          // between a bar's end and its label
    double maxLabelShare = 0.35;  // of the width, reserved for labels at most
    double timeoutTickWidth = 2;
    double timeoutTickOverhang = 3; // the tick stands out above and below the box
    double hatchSpacing = 6;
    // Even the thinnest boxes (rows at their densest: 2 px) keep the hatch:
    // a plain io box there would read as cpu. Only density bands (1 px)
    // show io by its average colour (ioBand) instead.
    double minHatchHeight = 2;
    double minEdgeHeight = 6;     // thinner ready boxes are left plain: an edge would fill them
    double hitTolerance = 3;      // pixels around a bar that still count as on it
    // Rows thinner than 3 px are unreadable slivers (rowPitchFor): the section
    // becomes density bands about this tall, stacking their states' shares.
    double densityBandHeight = 3;
    // Beside sections that can become bands: each row's or band's response time as a bar.
    double stripWidth = 56;
    double stripGap = 10;

    double legendSwatchWidth = 18;
    double legendSwatchHeight = 12;
    double legendSwatchGap = 6;   // swatch to text
    double legendEntryGap = 16;   // between entries

    QFont font(int pixelSize, bool bold = false) const
    {
        QFont f;
        if (!fontFamily.isEmpty())
            f.setFamily(fontFamily);
        f.setPixelSize(pixelSize);
        f.setBold(bold);
        return f;
    }
    // The font size of row labels for rows `pitch` apart; 0 where rows are
    // too thin for any. Thin rows of a comparison (eight requests in three
    // sections) still say which request is which, in smaller type.
    int rowLabelPixelSize(double pitch) const
    {
        if (!(pitch >= labelMinPitch))
            return 0;
        if (pitch >= labelFullPitch || labelFullPitch <= labelMinPitch)
            return textPixelSize;
        const double along = (pitch - labelMinPitch) / (labelFullPitch - labelMinPitch);
        return std::min(textPixelSize, minLabelPixelSize + int(std::floor(along * (textPixelSize - minLabelPixelSize))));
    }
    QFont titleFont() const { return font(titlePixelSize, true); }
    QFont sectionFont() const { return font(sectionPixelSize, true); }
    QFont textFont() const { return font(textPixelSize); }
    QFont captionFont() const { return font(captionPixelSize); }

    // A pinned result: each colour a grey of its own lightness, lifted toward
    // the background, so the reference reads as behind the live sections.
    GanttStyle greyed() const
    {
        constexpr double kLift = 0.35;
        const int backgroundGrey = qGray(background.rgb());
        GanttStyle grey = *this;
        for (QColor *colour : {&grey.cpu, &grey.io, &grey.ioHatch, &grey.ioBand, &grey.ready, &grey.readyEdge, &grey.queued,
                               &grey.response, &grey.timeout, &grey.lateBand, &grey.strip}) {
            const int own = qGray(colour->rgb());
            const int lifted = int(std::lround(own + (backgroundGrey - own) * kLift));
            *colour = QColor(lifted, lifted, lifted, colour->alpha());
        }
        return grey;
    }

    static const GanttStyle &standard()
    {
        static const GanttStyle style;
        return style;
    }

    // For the window in a dark desktop theme. cpu and io keep the light
    // style's relationship, so a chart reads the same in the window and in
    // its (light) export: cpu the deeper green, io the lighter one with a
    // darker hatch. Every state keeps at least 20 ΔE from the others under
    // simulated protanopia, deuteranopia and tritanopia
    // (tests/tst_chartpalette.cpp checks it).
    static const GanttStyle &dark()
    {
        static const GanttStyle style = [] {
            GanttStyle s;
            s.background = QColor(0x1f, 0x23, 0x28);
            s.cpu = QColor(0x37, 0x9c, 0x4d);
            s.io = QColor(0x9a, 0xd8, 0x97);
            s.ioHatch = QColor(0x2f, 0x6b, 0x37);
            s.ioBand = QColor(0x85, 0xc2, 0x84);
            s.ready = QColor(0xf1, 0xa3, 0x40);
            s.readyEdge = QColor(0x7f, 0x3b, 0x08);
            s.queued = QColor(0x73, 0x7a, 0x84);
            s.response = QColor(0x3e, 0x48, 0x54);
            s.timeout = QColor(0xff, 0x70, 0xc6);
            s.lateWash = QColor(0x1f, 0x23, 0x28, 150);
            s.lateBand = QColor(0x8e, 0x3b, 0x6e);
            s.text = QColor(0xe8, 0xea, 0xed);
            s.secondaryText = QColor(0xaa, 0xb0, 0xb8);
            s.axis = QColor(0xaa, 0xb0, 0xb8);
            s.grid = QColor(0x2c, 0x32, 0x38);
            s.sectionRule = QColor(0x44, 0x4c, 0x56);
            s.strip = QColor(0x8d, 0x99, 0xa6);
            s.hoverTint = QColor(0x8a, 0xb4, 0xf8, 40);
            s.hoverOutline = QColor(0x8a, 0xb4, 0xf8);
            return s;
        }();
        return style;
    }
};

} // namespace LatencyLab::Ui
