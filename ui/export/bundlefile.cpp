#include "export/bundlefile.h"

namespace LatencyLab::Ui {

QByteArray bundleReadme(const QString &scenarioName, const QString &version, const QList<BundleFile> &files)
{
    QString text = QStringLiteral("# %1: a LatencyLab bundle\n\n").arg(scenarioName);
    text += QStringLiteral(
                "Written by LatencyLab %1. Every file here is made from `%2` (its seed included): run a file's "
                "command in this folder, with the same version, to make it again. The images come out the "
                "same byte for byte.\n\n")
                .arg(version, QLatin1String(kBundleScenarioName));
    text += QStringLiteral("| file | what it is | command |\n|---|---|---|\n");
    for (const BundleFile &file : files) {
        const QString command = file.command.isEmpty() ? QStringLiteral("—") : QStringLiteral("`%1`").arg(file.command);
        text += QStringLiteral("| `%1` | %2 | %3 |\n").arg(file.name, file.description, command);
    }
    return text.toUtf8();
}

} // namespace LatencyLab::Ui
