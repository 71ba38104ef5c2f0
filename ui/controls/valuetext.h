#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// Values as the window's editable fields write them and read them back. A
// field shows its value exactly ("1.234 s", not the tables' "1.23 s"), so
// what the user typed is what they see; typed text may carry a unit or not.
namespace LatencyLab::Ui::ValueText {

// Seconds to the nanosecond, in the largest unit that keeps the number at
// least 1, trailing zeros dropped: "1.234 s", "350 ms", "1.5 µs", "0 s".
QString exactSeconds(double seconds);

// A duration typed as "1.234 s", "350ms", "2 min", "1.5 µs" (or "us"),
// "100 ns"; a bare number is in `defaultUnitSeconds` (the unit the field
// showed, so "400" in a field that said "350 ms" means 400 ms). Nothing for
// text that is no duration, or a negative one.
std::optional<double> parseSeconds(const QString &text, double defaultUnitSeconds = 1.0);
// The unit exactSeconds() writes `seconds` in, in seconds (1, 1e-3, 1e-6, 1e-9).
double unitOfSeconds(double seconds);

// At most `digits` significant digits, trailing zeros dropped: "123.4", "0.5".
QString shortNumber(double value, int digits = 6);
// `value` rounded to `digits` significant digits (a log slider's 0.01122018 s reads 11.2 ms).
double roundToSignificantDigits(double value, int digits);

// A number typed with or without one of `units` after it ("20",
// "20 connections", "12,000 requests", "1e6", "900 req/s"); units compare
// without case. Nothing for text with another unit, or none that is a number.
std::optional<double> parseNumber(const QString &text, const QStringList &units = {});

} // namespace LatencyLab::Ui::ValueText
