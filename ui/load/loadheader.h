#pragma once

#include "load/loadframe.h"

namespace LatencyLab::Ui {

// One legend entry: a small drawing of what it names, then its words.
struct LoadLegendEntry
{
    enum class Kind : quint8 { Model, TimedOut, TimedOutShare, Percentiles, Sends, Omitted };

    Kind kind = Kind::Model;
    int model = -1; // Kind::Model
    QRectF swatch;
    LoadText text;
};

// Title, what the client did, and the legend, flowing over as many lines as
// it needs and the header's room allows (entries past it are left out).
struct LoadHeader
{
    LoadText title;
    LoadText client;
    QList<LoadLegendEntry> legend;
    double height = 0;
};

// The header at the top of `rect`, at most `maxHeight` tall: the title
// always, the client's line and the legend's lines while they fit.
LoadHeader layOutLoadHeader(const LoadLayoutContext &context, const QRectF &rect, double maxHeight);

} // namespace LatencyLab::Ui
