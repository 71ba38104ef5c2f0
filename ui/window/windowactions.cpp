#include "window/windowactions.h"

#include "charts/glyphicon.h"
#include "charts/roworder.h"
#include "charts/theme.h"
#include "window/shortcuts.h"

#include <QAction>
#include <QCoreApplication>
#include <QActionGroup>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QWidget>

#include <initializer_list>

namespace LatencyLab::Ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WindowActions", text);
}

// The desktop's icon when its theme has one, else the style's own (if any).
QIcon themedIcon(const QWidget *window, const char *name, QStyle::StandardPixmap fallback = QStyle::SP_CustomBase)
{
    const QIcon standard = fallback == QStyle::SP_CustomBase ? QIcon() : window->style()->standardIcon(fallback);
    return QIcon::fromTheme(QString::fromLatin1(name), standard);
}

QAction *makeAction(QWidget *window, const QString &text, const QKeySequence &key, const QString &tip, const QIcon &icon = {})
{
    auto *action = new QAction(icon, text, window);
    action->setShortcut(key);
    action->setStatusTip(tip);
    action->setToolTip(key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    return action;
}

// One of an exclusive group's choices: the key kept in the action's data.
struct Choice
{
    QString key;
    QString text;
    QString tip;
};

QActionGroup *makeChoices(QWidget *window, std::initializer_list<Choice> choices)
{
    auto *group = new QActionGroup(window); // exclusive
    for (const Choice &choice : choices) {
        QAction *action = group->addAction(choice.text);
        action->setCheckable(true);
        action->setData(choice.key);
        action->setStatusTip(choice.tip);
    }
    return group;
}

} // namespace

WindowActions WindowActions::create(QWidget *window, QUndoStack *undoStack)
{
    WindowActions a;
    a.open = makeAction(window, tr("&Open…"), QKeySequence::Open, tr("Open a scenario file"),
                        themedIcon(window, "document-open", QStyle::SP_DialogOpenButton));
    a.save = makeAction(window, tr("&Save"), QKeySequence::Save, tr("Save the scenario"),
                        themedIcon(window, "document-save", QStyle::SP_DialogSaveButton));
    a.saveAs = makeAction(window, tr("Save &As…"), QKeySequence::SaveAs, tr("Save the scenario in a new file"),
                          themedIcon(window, "document-save-as"));
    a.exportChart = makeAction(window, tr("&Export Chart…"), Shortcuts::exportChart(),
                               tr("Save the current tab's chart as PNG or SVG"), themedIcon(window, "document-export"));
    a.exportBundle = makeAction(window, tr("Export &Bundle…"), QKeySequence(),
                                tr("Save every chart as PNG and SVG, the timeline CSV, the metrics JSON and the scenario in one zip file"),
                                themedIcon(window, "package-x-generic"));
    a.exportAnimation = makeAction(window, tr("Export &Animation…"), QKeySequence(),
                                   tr("Save the Gantt or Compare chart's replay as a GIF, MP4 or WebM (with ffmpeg), or as PNG frames"),
                                   themedIcon(window, "video-x-generic"));
    a.importTraces = makeAction(window, tr("&Import Traces…"), QKeySequence(),
                                tr("Read OpenTelemetry, Jaeger or Zipkin traces, or a HAR file, and show the measured requests"),
                                themedIcon(window, "document-import"));
    a.simulateTraces = makeAction(window, tr("Simulate &These Requests"), QKeySequence(),
                                  tr("Open the imported requests as the scenario, under every server model, beside what was measured"));
    a.simulateTraces->setEnabled(false);
    a.quit = makeAction(window, tr("&Quit"), QKeySequence::Quit, tr("Close LatencyLab"),
                        themedIcon(window, "application-exit"));

    a.undo = undoStack->createUndoAction(window, tr("&Undo"));
    a.undo->setShortcut(QKeySequence::Undo);
    a.undo->setIcon(themedIcon(window, "edit-undo"));
    a.redo = undoStack->createRedoAction(window, tr("&Redo"));
    a.redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    a.redo->setIcon(themedIcon(window, "edit-redo"));
    // The stack names the edit in the action's text ("Undo Set the duration
    // of Request 1 to 3.15 s"): the Edit menu shows it whole; the toolbar's
    // button keeps a short text, so it does not grow and push others into
    // the overflow, and tells the whole in its tooltip.
    a.undo->setIconText(tr("Undo"));
    a.redo->setIconText(tr("Redo"));
    a.copyChart = makeAction(window, tr("&Copy Chart"), Shortcuts::copyChart(),
                             tr("Copy the current tab's chart to the clipboard as an image"), themedIcon(window, "edit-copy"));

    a.zoomIn = makeAction(window, tr("Zoom &In"), QKeySequence::ZoomIn, tr("Zoom into the middle of the chart"),
                          themedIcon(window, "zoom-in"));
    a.zoomIn->setShortcuts({QKeySequence::ZoomIn, Shortcuts::zoomInAlternative()});
    a.zoomOut = makeAction(window, tr("Zoom &Out"), QKeySequence::ZoomOut, tr("Zoom out of the chart"),
                           themedIcon(window, "zoom-out"));
    a.fit = makeAction(window, tr("&Fit"), Shortcuts::fitChart(), tr("Show the whole run"),
                       themedIcon(window, "zoom-fit-best"));
    a.showGantt = makeAction(window, tr("&Gantt"), Shortcuts::showGantt(), tr("Show the scenario's own server model"));
    a.showCompare = makeAction(window, tr("&Compare"), Shortcuts::showCompare(),
                               tr("Show every server model on one time axis"));

    a.pin = makeAction(window, tr("&Pin"), Shortcuts::pin(),
                       tr("Keep these Gantt and Compare charts, greyed below the live ones, to compare your next edits with"),
                       themedIcon(window, "window-pin"));
    a.unpin = makeAction(window, tr("U&npin"), Shortcuts::unpin(), tr("Remove the pinned charts"), themedIcon(window, "window-unpin"));
    a.unpin->setEnabled(false);
    a.presentation = makeAction(window, tr("P&resentation Mode"), Shortcuts::presentation(),
                                tr("Full screen for a projector: larger type, the charts and the replay bar only (Esc leaves)"),
                                themedIcon(window, "view-fullscreen"));
    a.presentation->setCheckable(true);
    window->addAction(a.presentation); // its key works with the menus and toolbar hidden too

    a.run = makeAction(window, tr("&Run"), Shortcuts::run(), tr("Run the compared models for real on this machine, one after another, measured with real clocks"),
                       glyphIcon(themedIcon(window, "media-playback-start", QStyle::SP_MediaPlay)));
    a.cancelRun = makeAction(window, tr("&Cancel Run"), Shortcuts::cancel(), tr("Stop the run and keep what was measured so far"),
                             themedIcon(window, "process-stop", QStyle::SP_BrowserStop));
    a.cancelRun->setEnabled(false);
    a.runModels = new QMenu(tr("Run &Which Models"), window);
    a.record = makeAction(window, tr("Re&cord…"), Shortcuts::record(),
                          tr("Send real HTTP requests to a server and draw each one on the Recorded tabs, scored like wrk"),
                          themedIcon(window, "media-record", QStyle::SP_DriveNetIcon));
    a.recordDemo = makeAction(window, tr("Record the &Demo Server"), Shortcuts::recordDemo(),
                              tr("Start the built-in demo server and record it sync, then async, under wrk's load: "
                                 "20 connections for 15 s each"),
                              themedIcon(window, "network-server", QStyle::SP_ComputerIcon));

    a.rowOrder = makeChoices(window, {
        {rowOrderKey(RowOrder::Arrival), tr("&Arrival"), tr("Rows in the order the requests arrived: the run as it happened")},
        {rowOrderKey(RowOrder::Response), tr("&Response Time"),
         tr("Rows by response time, the fastest at the top and the slowest at the bottom")},
        {rowOrderKey(RowOrder::OwnDuration), tr("&Own Duration"),
         tr("Rows by the requests' own work, the shortest at the top and the longest at the bottom")},
        {rowOrderKey(RowOrder::Slowdown), tr("&Slowdown"),
         tr("Rows by response time ÷ own work, the least slowed at the top and the most at the bottom")},
    });
    a.theme = makeChoices(window, {
        {themeKey(Theme::System), tr("Follow the &System"), tr("Light or dark as the desktop is")},
        {themeKey(Theme::Light), tr("&Light"), tr("Always light")},
        {themeKey(Theme::Dark), tr("&Dark"), tr("Always dark; exported charts stay light")},
    });

    a.explain = makeAction(window, tr("&What Am I Looking At?"), Shortcuts::explain(),
                           tr("Explain the green boxes, the response bars, the waits and blame"), themedIcon(window, "help-contents"));
    a.explain->setCheckable(true);
    a.about = makeAction(window, tr("&About LatencyLab"), {}, tr("Versions of LatencyLab, Qt and QCoro"),
                         themedIcon(window, "help-about"));
    a.about->setMenuRole(QAction::AboutRole);
    a.aboutQt = makeAction(window, tr("About &Qt"), {}, tr("The Qt toolkit LatencyLab is built with"));
    a.aboutQt->setMenuRole(QAction::AboutQtRole);
    return a;
}

void WindowActions::check(QActionGroup *group, const QString &key)
{
    for (QAction *action : group->actions())
        action->setChecked(action->data().toString() == key);
}

void WindowActions::addMenusTo(QMenuBar *menuBar, QMenu *recent, QMenu *presets) const
{
    QMenu *file = menuBar->addMenu(tr("&File"));
    file->addAction(open);
    file->addMenu(recent);
    file->addMenu(presets);
    file->addSeparator();
    file->addAction(save);
    file->addAction(saveAs);
    file->addSeparator();
    file->addAction(exportChart);
    file->addAction(exportBundle);
    file->addAction(exportAnimation);
    file->addSeparator();
    file->addAction(importTraces);
    file->addAction(simulateTraces);
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = menuBar->addMenu(tr("&Edit"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(copyChart);

    QMenu *view = menuBar->addMenu(tr("&View"));
    view->addAction(zoomIn);
    view->addAction(zoomOut);
    view->addAction(fit);
    view->addSeparator();
    view->addAction(showGantt);
    view->addAction(showCompare);
    view->addMenu(tr("Order &Rows By"))->addActions(rowOrder->actions());
    view->addSeparator();
    view->addAction(pin);
    view->addAction(unpin);
    view->addSeparator();
    view->addMenu(tr("&Theme"))->addActions(theme->actions());
    view->addAction(presentation);

    QMenu *runMenu = menuBar->addMenu(tr("&Run"));
    runMenu->addAction(run);
    runMenu->addAction(cancelRun);
    runMenu->addMenu(runModels);
    runMenu->addSeparator();
    runMenu->addAction(record);
    runMenu->addAction(recordDemo);

    QMenu *help = menuBar->addMenu(tr("&Help"));
    help->addAction(explain);
    help->addSeparator();
    help->addAction(about);
    help->addAction(aboutQt);
}

QToolBar *WindowActions::addToolBarTo(QMainWindow *window) const
{
    QToolBar *toolBar = window->addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar")); // saveState() finds it by name
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon); // readable where the desktop has no icon theme
    toolBar->setMovable(false);
    for (QAction *action : {open, save})
        toolBar->addAction(action);
    toolBar->addSeparator();
    for (QAction *action : {undo, redo})
        toolBar->addAction(action);
    toolBar->addSeparator();
    for (QAction *action : {exportChart, copyChart})
        toolBar->addAction(action);
    toolBar->addSeparator();
    for (QAction *action : {zoomIn, zoomOut, fit})
        toolBar->addAction(action);
    toolBar->addSeparator();
    for (QAction *action : {pin, unpin})
        toolBar->addAction(action);
    toolBar->addSeparator()->setObjectName(QStringLiteral("runGroup"));
    for (QAction *action : {run, cancelRun})
        toolBar->addAction(action);
    if (auto *runButton = qobject_cast<QToolButton *>(toolBar->widgetForAction(run))) {
        runButton->setMenu(runModels);
        runButton->setPopupMode(QToolButton::MenuButtonPopup); // a click runs; the arrow chooses the models
    }
    toolBar->addSeparator();
    toolBar->addAction(recordDemo);
    toolBar->addSeparator();
    toolBar->addAction(explain);
    return toolBar;
}

} // namespace LatencyLab::Ui
