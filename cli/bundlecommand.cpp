#include "cli/bundlecommand.h"

#include "cli/headless.h"
#include "export/bundlewriter.h"

namespace LatencyLab::Ui {

int runBundleCommand(const Core::Scenario &scenario, const Core::AppOptions &options, QTextStream &out, QTextStream &err)
{
    const BundleOptions drawn{options.exportSize, options.exportScale, options.slide ? ExportPreset::Slide : ExportPreset::Standard};
    BundleWriter writer(scenario, drawn);
    Core::Status written = writer.drawOnGuiThread();
    if (written)
        written = writer.write(options.bundlePath);
    if (!written)
        return Core::reportBadInput(err, written.error());
    out << QStringLiteral("wrote %1 (%2 files)\n").arg(options.bundlePath).arg(writer.files().size());
    out.flush();
    return Core::kExitSuccess;
}

} // namespace LatencyLab::Ui
