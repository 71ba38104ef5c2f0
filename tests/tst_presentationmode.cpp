// Presentation mode (F11): full screen with only the charts and the replay
// bar, in a slide's type; Esc puts back what was shown before.

#include "windowfixtures.h"

#include "gantt/ganttview.h"
#include "window/mainwindow.h"
#include "window/presentationmode.h"
#include "window/requestreplay.h"
#include "window/scenariocontrols.h"
#include "controls/replaybar.h"
#include "controls/replaycontroller.h"

#include <QAction>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Ui::MainWindow;

class TestPresentationMode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void f11ShowsOnlyTheChartsInLargeType();
    void escapePutsBackWhatWasShown();

private:
    QWidget *controls() const { return m_window->findChild<Ui::ScenarioControls *>(); }

    QTemporaryDir m_settingsFolder;
    std::unique_ptr<MainWindow> m_window;
};

void TestPresentationMode::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    QVERIFY(keepSettingsIn(m_settingsFolder.path()));
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(showPresetAndWait(*m_window, QStringLiteral("three-requests")));
}

void TestPresentationMode::f11ShowsOnlyTheChartsInLargeType()
{
    auto *toolBar = m_window->findChild<QToolBar *>();
    QVERIFY(toolBar && toolBar->isVisible());
    QVERIFY(controls() && controls()->isVisible());
    QVERIFY(m_window->statusBar()->isVisible());
    const int windowTextSize = m_window->compareView()->chartStyle().textPixelSize;
    QCOMPARE(windowTextSize, 12);

    QTest::keyClick(m_window->compareView(), Qt::Key_F11);
    QVERIFY(m_window->presentationMode()->isActive());
    QVERIFY(m_window->actions().presentation->isChecked());
    QVERIFY(m_window->windowState() & Qt::WindowFullScreen);
    QVERIFY(!toolBar->isVisible());
    QVERIFY(!controls()->isVisible());
    // The tables stay hidden while the replay moves them on.
    m_window->requestReplay()->controller()->seek(Core::fromSeconds(1.0));
    for (const char *table : {"metricsView", "requestView"})
        QVERIFY2(!m_window->findChild<QWidget *>(QLatin1String(table))->isVisible(), table);
    QVERIFY(!m_window->statusBar()->isVisible());
    QVERIFY(m_window->compareView()->isVisible());
    QVERIFY(m_window->requestReplay()->bar()->isVisible());
    // A slide's 20 px text (export/exportpreset), and the bar's large type.
    QCOMPARE(m_window->compareView()->chartStyle().textPixelSize, 20);
    QCOMPARE(m_window->requestReplay()->bar()->font().pixelSize(), Ui::PresentationMode::kReplayBarPixelSize);
}

void TestPresentationMode::escapePutsBackWhatWasShown()
{
    QVERIFY(m_window->presentationMode()->isActive());
    QTest::keyClick(m_window->compareView(), Qt::Key_Escape);
    QVERIFY(!m_window->presentationMode()->isActive());
    QVERIFY(!m_window->actions().presentation->isChecked());
    QVERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
    QVERIFY(m_window->findChild<QToolBar *>()->isVisible());
    QVERIFY(controls()->isVisible());
    QVERIFY(m_window->statusBar()->isVisible());
    QCOMPARE(m_window->compareView()->chartStyle().textPixelSize, 12);
    QVERIFY(m_window->requestReplay()->bar()->font().pixelSize() != Ui::PresentationMode::kReplayBarPixelSize);
}

QTEST_MAIN(TestPresentationMode)
#include "tst_presentationmode.moc"
