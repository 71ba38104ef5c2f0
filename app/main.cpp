#include "core/commandline.h"
#include "core/headless.h"
#include "ui/exportcommand.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QGuiApplication>
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

int runWindow(int &argc, char **argv, const Core::AppOptions &options, QTextStream &err)
{
    QApplication app(argc, argv);
    const Core::Result<Core::Scenario> scenario = Core::loadScenario(options);
    if (!scenario) {
        QMessageBox::critical(nullptr, QStringLiteral("LatencyLab"), scenario.error());
        return Core::reportBadInput(err, scenario.error());
    }
    LatencyLab::Ui::MainWindow window;
    if (options.scenarioFile.isEmpty())
        window.showPreset(options.preset, *scenario);
    else
        window.showFile(options.scenarioFile, *scenario);
    window.show();
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("latencylab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LATENCYLAB_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    // Decided before any QApplication exists: headless commands must run
    // with no display and no QT_QPA_PLATFORM.
    const Core::Result<Core::AppOptions> options = Core::parseCommandLine(argumentsAfterProgramName(argc, argv));
    if (!options)
        return Core::reportBadInput(err, options.error());
    if (options->command == Core::Command::Gui)
        return runWindow(argc, argv, *options, err);
    if (options->command == Core::Command::Export) {
        // Drawing needs fonts, hence a QGuiApplication, but never a display.
        // Qt's own notes (e.g. about XDG_RUNTIME_DIR) would break the promise
        // of one line on standard error; errors are reported by the command.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler(keepOnlySevereMessages);
        QGuiApplication app(argc, argv);
        return LatencyLab::Ui::runExportCommand(*options, out, err);
    }

    QCoreApplication app(argc, argv);
    return Core::runHeadless(*options, out, err);
}
