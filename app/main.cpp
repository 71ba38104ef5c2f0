#include "displaycheck.h"
#include "startupprobe.h"

#include "cli/commandline.h"
#include "cli/exportcommand.h"
#include "cli/headless.h"
#include "model/presets.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QIcon>
#include <QMessageBox>
#include <QTextStream>

namespace Core = LatencyLab::Core;

namespace {

QStringList argumentsAfterProgramName(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

void keepOnlySevereMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        QTextStream(stderr) << message << '\n';
}

// `scenarioNamed`: a file or --preset was given; otherwise the window shows
// what it showed when it last closed, if that still loads.
int runWindow(int &argc, char **argv, const Core::AppOptions &options, bool scenarioNamed, QElapsedTimer sinceMain, QTextStream &err)
{
    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral("org.latencylab.LatencyLab")); // the .desktop file, for Wayland and docks
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.latencylab.LatencyLab.svg")));

    LatencyLab::Ui::MainWindow window;
    new StartupProbe(&window, sinceMain);
    if (scenarioNamed || !window.showLastScenario()) {
        const Core::Result<Core::Scenario> scenario = Core::loadScenario(options);
        if (!scenario) {
            // Said on standard error for whoever launched it, and in the window,
            // which opens anyway (on the last scenario, else the default) so a
            // file manager's double-click on a broken file still leads somewhere.
            Core::reportBadInput(err, scenario.error());
            if (!window.showLastScenario())
                window.showPreset(Core::kDefaultPreset, *Core::Presets::load(Core::kDefaultPreset));
            window.show();
            // Not blocking, like the window's own error messages.
            auto *box = new QMessageBox(QMessageBox::Critical, QStringLiteral("Cannot Open the Scenario"), scenario.error(),
                                        QMessageBox::Ok, &window);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        } else if (options.scenarioFile.isEmpty()) {
            window.showPreset(options.preset, *scenario);
        } else {
            window.showFile(options.scenarioFile, *scenario);
        }
    }
    window.show();
    window.offerRestore(); // unsaved edits a crash left behind
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // Settings live in ~/.config/LatencyLab/latencylab.conf.
    QCoreApplication::setOrganizationName(QStringLiteral("LatencyLab"));
    QCoreApplication::setApplicationName(QStringLiteral("latencylab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LATENCYLAB_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    // Decided before any QApplication exists: headless commands must run
    // with no display and no QT_QPA_PLATFORM.
    const QStringList arguments = argumentsAfterProgramName(argc, argv);
    const Core::Result<Core::AppOptions> options = Core::parseCommandLine(arguments);
    if (!options)
        return Core::reportBadInput(err, options.error());
    if (options->command == Core::Command::Gui) {
        if (!windowCanOpen())
            return Core::reportBadInput(err, noDisplayMessage());
        return runWindow(argc, argv, *options, !arguments.isEmpty(), sinceMain, err);
    }
    if (options->command == Core::Command::Export) {
        // Drawing needs fonts, and Qt Charts (the latency plot) graphics
        // widgets, hence a QApplication, but never a display.
        // Qt's own notes (e.g. about XDG_RUNTIME_DIR) would break the promise
        // of one line on standard error; errors are reported by the command.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler(keepOnlySevereMessages);
        QApplication app(argc, argv);
        return LatencyLab::Ui::runExportCommand(*options, out, err);
    }

    QCoreApplication app(argc, argv);
    return Core::runHeadless(*options, out, err);
}
