#pragma once

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;
class QMenuBar;
class QString;
class QToolBar;
class QUndoStack;
class QWidget;

namespace LatencyLab::Ui {

// The window's actions with their texts, shortcuts, icons and tips, made in
// one place; the window puts them into menus and the toolbar and connects
// them. Owned by `window`.
struct WindowActions
{
    // File
    QAction *open = nullptr;
    QAction *save = nullptr;
    QAction *saveAs = nullptr;
    QAction *exportChart = nullptr;
    QAction *exportBundle = nullptr; // every chart, the data and the scenario in one zip file
    QAction *exportAnimation = nullptr; // the Gantt or Compare chart's replay as a GIF, MP4, WebM or PNG frames
    QAction *importTraces = nullptr;  // OpenTelemetry, Jaeger or Zipkin traces, or a HAR file, onto the Imported tabs
    QAction *simulateTraces = nullptr; // the imported requests as the scenario; enabled once something is imported
    QAction *quit = nullptr;
    // Edit
    QAction *undo = nullptr;
    QAction *redo = nullptr;
    QAction *copyChart = nullptr;
    // View
    QAction *zoomIn = nullptr;
    QAction *zoomOut = nullptr;
    QAction *fit = nullptr;
    QAction *showGantt = nullptr;
    QAction *showCompare = nullptr;
    QAction *pin = nullptr;        // keeps the Gantt and Compare charts as a reference while editing
    QAction *unpin = nullptr;      // enabled only while something is pinned
    QAction *presentation = nullptr; // checkable: full screen for a projector (PresentationMode)
    // Checkable: Arrival, Response Time, Own Duration, Slowdown, how the Gantt
    // and Compare tabs order their rows (data: the order's key, rowOrderKey()).
    QActionGroup *rowOrder = nullptr;
    QActionGroup *theme = nullptr; // checkable: System, Light, Dark (data: the theme's key)
    // Run
    QAction *run = nullptr;        // runs the scenario's models for real (the Measured tab)
    QAction *cancelRun = nullptr;  // enabled only while a run goes on
    QMenu *runModels = nullptr;    // which models Run measures (RunChoice fills it); also the Run button's drop-down
    QAction *record = nullptr;     // the Record… dialog: real HTTP requests onto the Recorded tabs
    QAction *recordDemo = nullptr; // the demo server, sync then async, at once with the web-load preset's load
    // Help
    QAction *explain = nullptr;    // checkable: shows the explainer panel
    QAction *about = nullptr;
    QAction *aboutQt = nullptr;

    static WindowActions create(QWidget *window, QUndoStack *undoStack);
    // Checks the action of an exclusive group (rowOrder, theme) whose data is `key`.
    static void check(QActionGroup *group, const QString &key);

    // File (with the `recent` and `presets` submenus), Edit, View, Run, Help.
    void addMenusTo(QMenuBar *menuBar, QMenu *recent, QMenu *presets) const;
    // The main toolbar: files, undo, the chart, zoom, pin, then a group kept for
    // Run and Cancel (after a separator named "runGroup"), recording the
    // demo server, then help.
    QToolBar *addToolBarTo(QMainWindow *window) const;
};

} // namespace LatencyLab::Ui
