#include "startupprobe.h"

#include "window/mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QTextStream>
#include <QWidget>

#include <optional>

#include <time.h>
#include <unistd.h>

namespace {

// Milliseconds since the kernel started this process — dynamic loading and
// static initialisation included, which a timer started in main() misses.
// /proc/self/stat's 22nd field is the start in clock ticks (10 ms) after
// boot, on the clock CLOCK_BOOTTIME reads.
std::optional<double> millisecondsSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = stat.readAll();
    // The command name (field 2) is in parentheses and may hold spaces.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    constexpr int kStartTimeAfterName = 19; // field 22, counted from field 3
    timespec now{};
    if (fields.size() <= kStartTimeAfterName || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return std::nullopt;
    bool ok = false;
    const double startTicks = fields.at(kStartTimeAfterName).toDouble(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (!ok || ticksPerSecond <= 0)
        return std::nullopt;
    return (double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6) - startTicks * 1e3 / double(ticksPerSecond);
}

bool isSet(const char *variable)
{
    return qEnvironmentVariableIntValue(variable) != 0;
}

} // namespace

StartupProbe::StartupProbe(LatencyLab::Ui::MainWindow *window, QElapsedTimer sinceMain)
    : QObject(window)
    , m_window(window)
    , m_sinceMain(sinceMain)
    , m_report(isSet("LATENCYLAB_STARTUP_REPORT"))
    , m_quitWhenShown(isSet("LATENCYLAB_QUIT_WHEN_SHOWN"))
{
    if (!m_report && !m_quitWhenShown)
        return;
    // Application-wide until the first paint: any widget of the window may be painted first.
    qApp->installEventFilter(this);
    connect(window, &LatencyLab::Ui::MainWindow::chartsShown, this, &StartupProbe::onChartsShown);
    connect(window, &LatencyLab::Ui::MainWindow::computationFailed, this, [this](const QString &message) {
        if (!m_quitWhenShown)
            return;
        QTextStream(stderr) << "latencylab: computing the first charts failed: " << message << '\n';
        QCoreApplication::exit(1);
    });
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint) {
        const auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && widget->window() == m_window) {
            qApp->removeEventFilter(this);
            // Queued: reported once this paint has reached the screen.
            QMetaObject::invokeMethod(this, &StartupProbe::onFirstPaint, Qt::QueuedConnection);
        }
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::onFirstPaint()
{
    m_painted = true;
    if (m_report) {
        QTextStream err(stderr);
        const qint64 afterMain = m_sinceMain.elapsed();
        if (const std::optional<double> afterStart = millisecondsSinceProcessStart())
            err << "latencylab: first paint " << qRound(*afterStart) << " ms after process start (" << afterMain << " ms after main)\n";
        else
            err << "latencylab: first paint " << afterMain << " ms after main\n";
    }
    quitIfDone();
}

void StartupProbe::onChartsShown()
{
    m_chartsShown = true;
    quitIfDone();
}

void StartupProbe::quitIfDone()
{
    if (m_quitWhenShown && m_painted && m_chartsShown)
        QCoreApplication::exit(0);
}
