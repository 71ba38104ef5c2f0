#pragma once

#include <QKeySequence>

namespace LatencyLab::Ui::Shortcuts {

// Keys without a platform standard (QKeySequence::StandardKey covers Open,
// Save, Save As, Quit, Undo, Redo, Zoom In/Out). One place, so no two
// actions claim the same key.
inline QKeySequence exportChart() { return QKeySequence(Qt::CTRL | Qt::Key_E); }
inline QKeySequence copyChart() { return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C); }
inline QKeySequence zoomInAlternative() { return QKeySequence(Qt::CTRL | Qt::Key_Equal); } // "+" without Shift
inline QKeySequence fitChart() { return QKeySequence(Qt::CTRL | Qt::Key_0); }
inline QKeySequence showGantt() { return QKeySequence(Qt::CTRL | Qt::Key_1); }
inline QKeySequence showCompare() { return QKeySequence(Qt::CTRL | Qt::Key_2); }
// Keeping the Gantt and Compare charts as a reference while editing, and letting it go.
inline QKeySequence pin() { return QKeySequence(Qt::CTRL | Qt::Key_P); }
inline QKeySequence unpin() { return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P); }
inline QKeySequence explain() { return QKeySequence(Qt::Key_F1); }
// Presentation mode (full screen for a projector); Esc leaves it too.
inline QKeySequence presentation() { return QKeySequence(Qt::Key_F11); }
// Running a scenario for real and cancelling it (Run menu, toolbar).
inline QKeySequence run() { return QKeySequence(Qt::CTRL | Qt::Key_R); }
inline QKeySequence cancel() { return QKeySequence(Qt::Key_Escape); }
// Recording real HTTP requests: the dialog, and the demo server in one go.
inline QKeySequence record() { return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R); }
inline QKeySequence recordDemo() { return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R); }

} // namespace LatencyLab::Ui::Shortcuts
