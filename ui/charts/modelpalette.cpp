#include "charts/modelpalette.h"

#include <algorithm>
#include <iterator>

namespace LatencyLab::Ui {

QColor modelColour(const QStringList &modelNames, int model, bool dark)
{
    static const QColor light[] = {QColor(0xe0, 0x8e, 0x00), QColor(0x00, 0x72, 0xb2), QColor(0x00, 0x9e, 0x73),
                                   QColor(0x56, 0xb4, 0xe9), QColor(0xcc, 0x79, 0xa7), QColor(0x7a, 0x5c, 0x00)};
    static const QColor darkColours[] = {QColor(0xf5, 0xb0, 0x3c), QColor(0x5a, 0xb4, 0xf0), QColor(0x3f, 0xd1, 0xa5),
                                         QColor(0x9a, 0xd0, 0xf5), QColor(0xe6, 0xa1, 0xc9), QColor(0xd8, 0xc0, 0x7a)};
    static const QStringList known{QStringLiteral("sync"), QStringLiteral("async"), QStringLiteral("threads"), QStringLiteral("processes")};
    int index = std::max(0, model);
    if (model >= 0 && model < modelNames.size()) {
        const QString &name = modelNames[model];
        const int sameNameBefore = int(std::count(modelNames.begin(), modelNames.begin() + model, name));
        const qsizetype knownIndex = known.indexOf(name);
        index = knownIndex >= 0 ? int(knownIndex) + 4 * sameNameBefore : model + 4;
    }
    index %= int(std::size(light));
    return dark ? darkColours[index] : light[index];
}

} // namespace LatencyLab::Ui
