#pragma once

#include "load/loadframe.h"

#include <optional>

namespace LatencyLab::Ui {

// wrk's summary laid out as a table, a column per model: the header in the
// models' colours, then as many rows as fit, every other one banded, a rule
// above each group. Pure layout.
struct LoadSummaryTable
{
    struct Header
    {
        int model = 0;
        QRectF underline; // in the model's colour
        LoadText title;   // the model's description when it fits, else its name
    };
    struct Cell
    {
        LoadText value;
        bool alarming = false; // timeouts that are not zero
    };
    struct Row
    {
        std::optional<QRectF> band; // every other row
        std::optional<QLineF> rule; // above the first row of a group
        LoadText label;
        QList<Cell> cells;
    };

    LoadPanelTitle title;
    QList<Header> header;
    QList<Row> rows;

    // The height that shows every row, and the least worth showing (the
    // title, the models and one row).
    static double heightFor(const LoadLayoutContext &context);
    static double minimumHeight(const LoadLayoutContext &context);
    static LoadSummaryTable layOut(const LoadLayoutContext &context, const QRectF &rect);
};

} // namespace LatencyLab::Ui
