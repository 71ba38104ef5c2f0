// The window's chart tabs: a tab's data that is derived from the simulation
// is built when the tab is shown, exported or copied, not on every edit.
#include "gantt/ganttview.h"
#include "load/loadcanvas.h"
#include "load/loadview.h"
#include "window/loadtab.h"
#include "window/mainwindow.h"

#include "model/presets.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QImage>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace LatencyLab;
using Ui::MainWindow;

namespace {

constexpr int kComputeTimeoutMs = 10'000;
constexpr int kExportTimeoutMs = 60'000;
constexpr int kTicks = 5;

Core::Scenario preset(const QString &name)
{
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(name);
    Q_ASSERT(scenario);
    return *scenario;
}

} // namespace

class TestWindowTabs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void aHiddenLoadTabIsBuiltOnceShownNotPerTick();
    void aShownLoadTabIsBuiltWithEachComputation();
    void aHiddenLoadTabExportsAndCopies();

private:
    // Opens the window on three-requests with the Gantt tab shown.
    bool openOnTheGanttTab();
    // Moves request 3's duration slider `ticks` times, waiting for the charts of each.
    bool dragDuration(int ticks);

    std::unique_ptr<MainWindow> m_window;
    QStringList m_errors;
};

void TestWindowTabs::init()
{
    m_errors.clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([this](const QString &, const QString &message) { m_errors << message; });
}

void TestWindowTabs::cleanup()
{
    m_window.reset();
}

bool TestWindowTabs::openOnTheGanttTab()
{
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    m_window->showPreset(QStringLiteral("three-requests"), preset(QStringLiteral("three-requests")));
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()) || !(shown.size() > 0 || shown.wait(kComputeTimeoutMs)))
        return false;
    m_window->chartTabs()->setCurrentWidget(m_window->ganttView());
    return true;
}

bool TestWindowTabs::dragDuration(int ticks)
{
    auto *slider = m_window->findChild<QSlider *>(QStringLiteral("request3Duration"));
    if (!slider)
        return false;
    for (int tick = 1; tick <= ticks; ++tick) {
        QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
        slider->setValue(slider->value() + 1);
        if (!shown.wait(kComputeTimeoutMs))
            return false;
    }
    return true;
}

void TestWindowTabs::aHiddenLoadTabIsBuiltOnceShownNotPerTick()
{
    QVERIFY(openOnTheGanttTab());
    Ui::LoadTab *load = m_window->loadTab();
    QVERIFY(dragDuration(kTicks));
    QCOMPARE(load->builds(), 0);
    QVERIFY(m_window->loadView()->chart().isEmpty());

    m_window->chartTabs()->setCurrentWidget(m_window->loadView());
    QCOMPARE(load->builds(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->loadView()->chart().models.size(), 2, kComputeTimeoutMs); // sync and async
    // Built from the last edit's runs.
    QCOMPARE(m_window->loadView()->chart().models.first().run, m_window->compareView()->chart().sections.first().run);

    // Hidden again, showing it again builds nothing new.
    m_window->chartTabs()->setCurrentWidget(m_window->ganttView());
    m_window->chartTabs()->setCurrentWidget(m_window->loadView());
    QCOMPARE(load->builds(), 1);
    QVERIFY(m_errors.isEmpty());
}

void TestWindowTabs::aShownLoadTabIsBuiltWithEachComputation()
{
    QVERIFY(openOnTheGanttTab());
    m_window->chartTabs()->setCurrentWidget(m_window->loadView());
    Ui::LoadTab *load = m_window->loadTab();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->loadView()->chart().models.size(), 2, kComputeTimeoutMs);
    QCOMPARE(load->builds(), 1);

    QVERIFY(dragDuration(kTicks));
    QCOMPARE(load->builds(), 1 + kTicks);
    // Built with the charts: on screen as soon as they are.
    QCOMPARE(m_window->loadView()->chart().models.first().run, m_window->compareView()->chart().sections.first().run);
}

void TestWindowTabs::aHiddenLoadTabExportsAndCopies()
{
    QVERIFY(openOnTheGanttTab());
    QVERIFY(dragDuration(1));
    Ui::LoadTab *load = m_window->loadTab();
    QCOMPARE(load->builds(), 0);

    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("load.png"));
    QSignalSpy finished(m_window.get(), &MainWindow::exportFinished);
    QVERIFY(m_window->exportChart(m_window->loadView(), path, QSize(800, 500), 1.0));
    QVERIFY(finished.size() > 0 || finished.wait(kExportTimeoutMs));
    QVERIFY2(finished.first().first().toBool(), qPrintable(m_errors.join(QLatin1Char('\n'))));
    QCOMPARE(QImage(path).size(), QSize(800, 500));
    QCOMPARE(load->builds(), 1); // on the export's thread, for the export alone
    QCOMPARE(m_window->chartTabs()->currentWidget(), m_window->ganttView());

    // Shown, it is built for the view; copying it builds nothing more.
    m_window->chartTabs()->setCurrentWidget(m_window->loadView());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->loadView()->chart().models.size(), 2, kComputeTimeoutMs);
    QGuiApplication::clipboard()->clear();
    m_window->actions().copyChart->trigger();
    const QImage copied = QGuiApplication::clipboard()->image();
    QVERIFY(!copied.isNull());
    QCOMPARE(copied.size(), m_window->loadView()->canvas()->size() * m_window->loadView()->devicePixelRatioF());
    QCOMPARE(load->builds(), 2);
}

QTEST_MAIN(TestWindowTabs)
#include "tst_windowtabs.moc"
