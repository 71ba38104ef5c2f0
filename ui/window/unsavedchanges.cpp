#include "window/unsavedchanges.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace LatencyLab::Ui {

bool mayDiscardChanges(bool modified, const QString &name, const UnsavedChangesPrompt &ask, const std::function<bool()> &save)
{
    if (!modified)
        return true;
    switch (ask(name)) {
    case UnsavedChoice::Save:
        return save(); // a failed or cancelled save keeps the edits
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        return false;
    }
    return false;
}

UnsavedChoice askWithMessageBox(QWidget *parent, const QString &name)
{
    QMessageBox box(QMessageBox::Warning, QCoreApplication::translate("UnsavedChanges", "Unsaved Changes"),
                    QCoreApplication::translate("UnsavedChanges", "The scenario \"%1\" has changes that are not saved.").arg(name),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setInformativeText(QCoreApplication::translate("UnsavedChanges", "Save them before going on?"));
    box.setDefaultButton(QMessageBox::Save);
    box.setWindowModality(Qt::WindowModal);
    switch (box.exec()) {
    case QMessageBox::Save:
        return UnsavedChoice::Save;
    case QMessageBox::Discard:
        return UnsavedChoice::Discard;
    default:
        return UnsavedChoice::Cancel;
    }
}

} // namespace LatencyLab::Ui
