// The window's polish: standard shortcuts without clashes, a toolbar with a
// place kept for Run/Cancel, a tooltip on every control, Help's explainer
// panel, About with the Qt and QCoro versions, and light/dark charts that
// follow the palette while exports stay light.

#include "charts/ganttstyle.h"
#include "controls/explainerpanel.h"
#include "gantt/ganttview.h"
#include "window/about.h"
#include "window/mainwindow.h"
#include "window/shortcuts.h"
#include "windowexport.h"
#include "windowfixtures.h"


#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QImage>
#include <QMenuBar>
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Ui::MainWindow;

namespace {

constexpr int kComputeTimeoutMs = 10'000;

// Controls a user can operate, as opposed to the scroll bars and splitter
// handles Qt adds and explains by itself.
bool isControl(const QWidget *widget)
{
    if (qobject_cast<const QScrollBar *>(widget))
        return false;
    if (widget->inherits("QToolButton") && qobject_cast<const QToolBar *>(widget->parentWidget()) == nullptr)
        return false; // a tab bar's scroll arrows, a dock's close button
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QAbstractSlider *>(widget)
        || qobject_cast<const QAbstractSpinBox *>(widget) || qobject_cast<const QComboBox *>(widget);
}

} // namespace

class TestWindowPolish : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyControlHasATooltip_data();
    void everyControlHasATooltip();
    void shortcutsAreTheUsualOnes();
    void noTwoActionsShareAKey();
    void toolbarOffersTheCommonActionsAndKeepsARunGroup();
    void f1ShowsAndHidesTheExplainer();
    void aboutNamesTheVersionsOfQtAndQCoro();
    void darkThemeDarkensTheCharts();
    void exportsStayLightInTheDarkTheme();

private:
    bool open(const QString &name);

    QTemporaryDir m_settingsFolder;
    std::unique_ptr<MainWindow> m_window;
};

void TestWindowPolish::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsFolder.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsFolder.path());
}

void TestWindowPolish::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
}

void TestWindowPolish::cleanup()
{
    m_window.reset();
    Ui::applyTheme(Ui::Theme::System);
}

bool TestWindowPolish::open(const QString &name)
{
    return showPresetAndWait(*m_window, name, kComputeTimeoutMs);
}

void TestWindowPolish::everyControlHasATooltip_data()
{
    // Each preset shows a different set of sliders.
    QTest::addColumn<QString>("preset");
    for (const QString &name : Core::Presets::names())
        QTest::addRow("%s", qPrintable(name)) << name;
}

void TestWindowPolish::everyControlHasATooltip()
{
    QFETCH(QString, preset);
    QVERIFY(open(preset));
    int controls = 0;
    QStringList missing;
    for (QWidget *widget : m_window->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(m_window.get()) || !isControl(widget))
            continue;
        ++controls;
        if (widget->toolTip().isEmpty())
            missing << QStringLiteral("%1 \"%2\" (%3)").arg(QLatin1String(widget->metaObject()->className()), widget->objectName(),
                                                             widget->property("text").toString());
    }
    QVERIFY2(controls >= 10, qPrintable(QString::number(controls)));
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    for (int tab = 0; tab < m_window->chartTabs()->count(); ++tab)
        QVERIFY(!m_window->chartTabs()->tabToolTip(tab).isEmpty());
}

void TestWindowPolish::shortcutsAreTheUsualOnes()
{
    const Ui::WindowActions &a = m_window->actions();
    QCOMPARE(a.open->shortcut(), QKeySequence(QKeySequence::Open));
    QCOMPARE(a.save->shortcut(), QKeySequence(QKeySequence::Save));
    QCOMPARE(a.quit->shortcut(), QKeySequence(QKeySequence::Quit));
    QCOMPARE(a.exportChart->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QCOMPARE(a.copyChart->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QVERIFY(a.zoomIn->shortcuts().contains(QKeySequence(QKeySequence::ZoomIn)));
    QCOMPARE(a.zoomOut->shortcut(), QKeySequence(QKeySequence::ZoomOut));
    QCOMPARE(a.fit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_0));
    QCOMPARE(a.explain->shortcut(), QKeySequence(Qt::Key_F1));
    QCOMPARE(a.run->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    QCOMPARE(a.cancelRun->shortcut(), QKeySequence(Qt::Key_Escape));
    // Tooltips name the key, so the toolbar teaches it.
    QVERIFY2(a.exportChart->toolTip().contains(QStringLiteral("Ctrl+E")), qPrintable(a.exportChart->toolTip()));
}

void TestWindowPolish::noTwoActionsShareAKey()
{
    QHash<QKeySequence, QString> owners;
    for (const QAction *action : m_window->findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString owner = owners.value(key);
            QVERIFY2(owner.isEmpty() || owner == action->text(),
                     qPrintable(QStringLiteral("%1: %2 and %3").arg(key.toString(), owner, action->text())));
            owners.insert(key, action->text());
        }
    }
    QVERIFY(owners.size() >= 16);
    QCOMPARE(owners.value(Ui::Shortcuts::run()), m_window->actions().run->text());
    QCOMPARE(owners.value(Ui::Shortcuts::cancel()), m_window->actions().cancelRun->text());
}

void TestWindowPolish::toolbarOffersTheCommonActionsAndKeepsARunGroup()
{
    const Ui::WindowActions &a = m_window->actions();
    const QList<QAction *> actions = m_window->mainToolBar()->actions();
    for (QAction *expected : {a.open, a.save, a.undo, a.redo, a.exportChart, a.copyChart, a.zoomIn, a.zoomOut, a.fit, a.explain})
        QVERIFY2(actions.contains(expected), qPrintable(expected->text()));
    const auto runGroup = std::find_if(actions.cbegin(), actions.cend(), [](const QAction *action) {
        return action->isSeparator() && action->objectName() == QLatin1String("runGroup");
    });
    QVERIFY(runGroup != actions.cend());
    QVERIFY(actions.indexOf(a.fit) < runGroup - actions.cbegin());
    // Run and Cancel fill the group, before help.
    QVERIFY(runGroup - actions.cbegin() < actions.indexOf(a.run));
    QVERIFY(actions.indexOf(a.run) < actions.indexOf(a.cancelRun));
    QVERIFY(actions.indexOf(a.cancelRun) < actions.indexOf(a.explain));
}

void TestWindowPolish::f1ShowsAndHidesTheExplainer()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    Ui::ExplainerPanel *panel = m_window->explainerPanel();
    QVERIFY(!panel->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    QVERIFY(panel->isVisible());
    QVERIFY(panel->text().contains(QStringLiteral("green boxes")));
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    QVERIFY(!panel->isVisible());

    // Help holds it, with About.
    QMenu *help = nullptr;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&Help"))
            help = menu->menu();
    }
    QVERIFY(help);
    QVERIFY(help->actions().contains(m_window->actions().explain));
    QVERIFY(help->actions().contains(m_window->actions().about));
}

void TestWindowPolish::aboutNamesTheVersionsOfQtAndQCoro()
{
    const QString text = Ui::aboutText();
    QVERIFY2(text.contains(QStringLiteral("Qt %1").arg(QLatin1String(qVersion()))), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("QCoro ") + Ui::qcoroVersion()), qPrintable(text));
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d+")).match(Ui::qcoroVersion()).hasMatch(), qPrintable(Ui::qcoroVersion()));
}

void TestWindowPolish::darkThemeDarkensTheCharts()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    Ui::GanttView *view = m_window->compareView();
    const QColor light = Ui::GanttStyle::standard().background;
    const QColor dark = Ui::GanttStyle::dark().background;

    m_window->setTheme(Ui::Theme::Dark);
    QTRY_VERIFY(Ui::isDark(m_window->palette())); // widgets follow the application's palette through posted events
    QCOMPARE(view->chartStyle().background, dark);
    QCOMPARE(m_window->ganttView()->chartStyle().background, dark);
    QCOMPARE(view->grab().toImage().pixelColor(2, 2), dark);

    m_window->setTheme(Ui::Theme::Light);
    QTRY_VERIFY(!Ui::isDark(m_window->palette()));
    QCOMPARE(view->chartStyle().background, light);
    QCOMPARE(view->grab().toImage().pixelColor(2, 2), light);
}

void TestWindowPolish::exportsStayLightInTheDarkTheme()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    m_window->setTheme(Ui::Theme::Dark);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString png = folder.filePath(QStringLiteral("compare.png"));
    QVERIFY(exportAndWait(*m_window, png, QSize(800, 450), 1.0));
    QCOMPARE(QImage(png).pixelColor(2, 2), Ui::GanttStyle::standard().background);
}

QTEST_MAIN(TestWindowPolish)
#include "tst_windowpolish.moc"
