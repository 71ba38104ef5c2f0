// Does the window keep painting while it runs 10,000 requests for real?
// Opens the main window on a generated async workload (10,000 cpu–io–cpu
// requests, Poisson arrivals over ≈50 s of scenario time), presses Run at
// 0.1× (≈5 s of wall time) and, on the UI thread, measures
//  - stalls: a 2 ms precise heartbeat timer; a stall is a gap between two
//    ticks beyond its interval (the UI thread could not run anything then);
//  - repaints of the Measured tab: how many, and the longest gap between two.
//
//   build/tests/benchmarks/bench_runwindow [--requests N] [--rate R]
// (under Xvfb, or with QT_QPA_PLATFORM=offscreen)

#include "gantt/ganttview.h"
#include "model/presets.h"
#include "run/realrunpanel.h"
#include "window/mainwindow.h"
#include "window/windowactions.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEvent>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace LatencyLab;

namespace {

constexpr int kHeartbeatMs = 2;
constexpr double kTimeScale = 0.1;

// Longest gap between consecutive events, in milliseconds.
class GapMeter
{
public:
    void tick()
    {
        if (!m_clock.isValid()) {
            m_clock.start();
        } else {
            m_longestNs = std::max(m_longestNs, m_clock.nsecsElapsed());
            m_clock.restart();
        }
        ++m_count;
    }
    double longestMs() const { return double(m_longestNs) / 1e6; }
    qint64 count() const { return m_count; }

private:
    QElapsedTimer m_clock;
    qint64 m_longestNs = 0;
    qint64 m_count = 0;
};

class PaintCounter : public QObject
{
public:
    explicit PaintCounter(GapMeter *meter) : m_meter(meter) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            m_meter->tick();
        return QObject::eventFilter(watched, event);
    }

private:
    GapMeter *m_meter;
};

Core::Scenario generatedWorkload(qint64 requests, double rate)
{
    Core::Scenario scenario = *Core::Presets::load(QStringLiteral("n-requests"));
    scenario.name = QStringLiteral("%1 requests for real").arg(requests);
    scenario.server.model = QStringLiteral("async");
    scenario.generator->count = requests;
    scenario.generator->arrival.rate = rate;
    scenario.generator->steps = {{Core::StepKind::Cpu, Core::Distribution::exponential(0.001)},
                                 {Core::StepKind::Io, Core::Distribution::exponential(0.05)},
                                 {Core::StepKind::Cpu, Core::Distribution::exponential(0.001)}};
    return scenario;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTemporaryDir settingsDir; // leave the user's settings alone
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());

    QCommandLineParser parser;
    parser.addOption({QStringLiteral("requests"), QStringLiteral("requests to run"), QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("rate"), QStringLiteral("arrivals per second of scenario time"), QStringLiteral("R"), QStringLiteral("200")});
    parser.process(app);
    const qint64 requests = parser.value(QStringLiteral("requests")).toLongLong();
    const double rate = parser.value(QStringLiteral("rate")).toDouble();

    Ui::MainWindow window;
    window.resize(1400, 900);
    window.showPreset(QStringLiteral("n-requests"), generatedWorkload(requests, rate));
    window.show();
    QComboBox *scale = window.timeScaleBox();
    scale->setCurrentIndex(scale->findData(kTimeScale));

    GapMeter heartbeat;
    GapMeter paints;
    PaintCounter paintCounter(&paints);
    window.measuredView()->installEventFilter(&paintCounter);
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    beat.setInterval(kHeartbeatMs);
    QObject::connect(&beat, &QTimer::timeout, &app, [&] { heartbeat.tick(); });

    QElapsedTimer wall;
    QTextStream out(stdout);
    QObject::connect(window.realRunPanel(), &Ui::RealRunPanel::runningChanged, &app, [&](bool running) {
        if (running)
            return;
        beat.stop();
        out << "requests " << requests << ", time scale " << kTimeScale << ", wall " << wall.elapsed() << " ms\n"
            << "UI heartbeat (" << kHeartbeatMs << " ms): " << heartbeat.count() << " ticks, longest stall "
            << QString::number(std::max(0.0, heartbeat.longestMs() - kHeartbeatMs), 'f', 1) << " ms\n"
            << "Measured tab repaints: " << paints.count() << ", longest gap " << QString::number(paints.longestMs(), 'f', 1)
            << " ms\n";
        out.flush();
        QTimer::singleShot(0, &app, &QApplication::quit);
    });
    // Run once the window has settled (its own simulation of the scenario done).
    QTimer::singleShot(1500, &app, [&] {
        wall.start();
        beat.start();
        window.actions().run->trigger();
    });
    return app.exec();
}
