#pragma once

#include <QMenu>

namespace LatencyLab::Ui {

class RecentFiles;

// File → Open Recent: one entry per file, numbered for the keyboard, and
// "Clear List". Disabled while there is nothing to show.
class RecentFilesMenu : public QMenu
{
    Q_OBJECT

public:
    explicit RecentFilesMenu(QWidget *parent = nullptr);

    void setFiles(const RecentFiles &files);

Q_SIGNALS:
    void fileChosen(const QString &path);
    void clearRequested();
};

} // namespace LatencyLab::Ui
