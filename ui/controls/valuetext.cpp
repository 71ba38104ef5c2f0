#include "controls/valuetext.h"

#include "base/units.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui::ValueText {

namespace {

struct Unit
{
    Core::Nanos nanos;
    QString suffix;
};

Unit unitFor(Core::Nanos magnitude)
{
    if (magnitude >= Core::kNanosPerSecond || magnitude == 0)
        return {Core::kNanosPerSecond, QStringLiteral(" s")};
    if (magnitude >= 1'000'000)
        return {1'000'000, QStringLiteral(" ms")};
    if (magnitude >= 1'000)
        return {1'000, QStringLiteral(" µs")};
    return {1, QStringLiteral(" ns")};
}

QString withoutSpaces(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text.toCaseFolded();
}

// A number, then whatever follows it (its unit). The number may have group
// separators ("12,000", "12 000") and an exponent ("1e6").
struct Split
{
    QString number;
    QString unit;
};

std::optional<Split> splitNumber(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([+-]?(?:[0-9][0-9.,'\\x{00A0}\\x{202F} ]*|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?)\\s*(.*?)\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return Split{match.captured(1).trimmed(), match.captured(2)};
}

// In the user's locale first ("12.000" in German is twelve thousand), then
// as written in C with its group separators left out.
std::optional<double> readNumber(const QString &number)
{
    bool ok = false;
    double value = QLocale().toDouble(number, &ok);
    if (!ok) {
        QString plain = number;
        plain.remove(QRegularExpression(QStringLiteral("[,'\\s\\x{00A0}\\x{202F}]")));
        value = QLocale::c().toDouble(plain, &ok);
    }
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<double> secondsPerUnit(const QString &unit, double defaultUnit)
{
    const QString name = withoutSpaces(unit);
    if (name.isEmpty())
        return defaultUnit;
    static const struct
    {
        double seconds;
        QStringList names;
    } units[] = {
        {1e-9, {QStringLiteral("ns"), QStringLiteral("nsec"), QStringLiteral("nanosecond"), QStringLiteral("nanoseconds")}},
        {1e-6, {QStringLiteral("µs"), QStringLiteral("μs"), QStringLiteral("us"), QStringLiteral("usec"), QStringLiteral("microsecond"),
                QStringLiteral("microseconds")}},
        {1e-3, {QStringLiteral("ms"), QStringLiteral("msec"), QStringLiteral("millisecond"), QStringLiteral("milliseconds")}},
        {1.0, {QStringLiteral("s"), QStringLiteral("sec"), QStringLiteral("secs"), QStringLiteral("second"), QStringLiteral("seconds")}},
        {60.0, {QStringLiteral("min"), QStringLiteral("mins"), QStringLiteral("minute"), QStringLiteral("minutes")}},
        {3600.0, {QStringLiteral("h"), QStringLiteral("hour"), QStringLiteral("hours")}},
    };
    for (const auto &candidate : units) {
        if (candidate.names.contains(name))
            return candidate.seconds;
    }
    return std::nullopt;
}

} // namespace

QString exactSeconds(double seconds)
{
    if (!std::isfinite(seconds))
        return QStringLiteral("—");
    const Core::Nanos nanos = Core::fromSeconds(seconds);
    const Core::Nanos magnitude = nanos < 0 ? -nanos : nanos;
    const Unit unit = unitFor(magnitude);
    QString text = QString::number(magnitude / unit.nanos);
    if (const Core::Nanos fraction = magnitude % unit.nanos; fraction > 0) {
        const int decimals = int(std::lround(std::log10(double(unit.nanos))));
        QString digits = QStringLiteral("%1").arg(fraction, decimals, 10, QLatin1Char('0'));
        while (digits.endsWith(QLatin1Char('0')))
            digits.chop(1);
        text += QLatin1Char('.') + digits;
    }
    return (nanos < 0 ? QStringLiteral("-") : QString()) + text + unit.suffix;
}

double unitOfSeconds(double seconds)
{
    const Core::Nanos nanos = Core::fromSeconds(std::abs(seconds));
    return double(unitFor(nanos).nanos) / double(Core::kNanosPerSecond);
}

std::optional<double> parseSeconds(const QString &text, double defaultUnitSeconds)
{
    const std::optional<Split> split = splitNumber(text);
    if (!split)
        return std::nullopt;
    const std::optional<double> number = readNumber(split->number);
    const std::optional<double> unit = secondsPerUnit(split->unit, defaultUnitSeconds);
    if (!number || !unit || *number < 0)
        return std::nullopt;
    const double seconds = *number * *unit;
    return std::isfinite(seconds) ? std::optional<double>(seconds) : std::nullopt;
}

QString shortNumber(double value, int digits)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    if (value == 0)
        return QStringLiteral("0");
    const int whole = int(std::floor(std::log10(std::abs(value)))) + 1;
    QString text = QString::number(value, 'f', std::max(0, digits - whole));
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text;
}

double roundToSignificantDigits(double value, int digits)
{
    if (value == 0 || !std::isfinite(value))
        return value;
    const double unit = std::pow(10.0, std::floor(std::log10(std::abs(value))) - digits + 1);
    return std::round(value / unit) * unit;
}

std::optional<double> parseNumber(const QString &text, const QStringList &units)
{
    const std::optional<Split> split = splitNumber(text);
    if (!split)
        return std::nullopt;
    const QString unit = withoutSpaces(split->unit);
    if (!unit.isEmpty()) {
        const bool known = std::any_of(units.cbegin(), units.cend(), [&unit](const QString &name) { return withoutSpaces(name) == unit; });
        if (!known)
            return std::nullopt;
    }
    return readNumber(split->number);
}

} // namespace LatencyLab::Ui::ValueText
