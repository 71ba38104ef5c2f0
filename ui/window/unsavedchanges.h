#pragma once

#include <functional>

class QString;
class QWidget;

namespace LatencyLab::Ui {

enum class UnsavedChoice { Save, Discard, Cancel };

// Asks what to do with the edits to the scenario named `name`.
using UnsavedChangesPrompt = std::function<UnsavedChoice(const QString &name)>;

// Whether the current scenario may be replaced (or the window closed): yes
// when it is unmodified or the user discards it, only if saving succeeds when
// the user chooses Save, never on Cancel. Kept apart from any dialog so that
// it is tested without one.
bool mayDiscardChanges(bool modified, const QString &name, const UnsavedChangesPrompt &ask, const std::function<bool()> &save);

// The usual Save / Discard / Cancel question, window-modal over `parent`.
UnsavedChoice askWithMessageBox(QWidget *parent, const QString &name);

} // namespace LatencyLab::Ui
