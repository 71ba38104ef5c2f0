#include "window/recentfilesmenu.h"

#include "window/recentfiles.h"

#include <QDir>
#include <QFileInfo>

namespace LatencyLab::Ui {

RecentFilesMenu::RecentFilesMenu(QWidget *parent)
    : QMenu(tr("Open &Recent"), parent)
{
    setObjectName(QStringLiteral("recentFilesMenu"));
    setToolTipsVisible(true);
    setEnabled(false);
}

void RecentFilesMenu::setFiles(const RecentFiles &files)
{
    clear();
    int number = 0;
    for (const QString &path : files.paths()) {
        ++number;
        // "&1 web-load.latency.json": the first nine get a keyboard accelerator.
        const QString accelerator = number < 10 ? QStringLiteral("&%1 ").arg(number) : QString();
        QAction *action = addAction(accelerator + QFileInfo(path).fileName());
        action->setData(path);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT fileChosen(path); });
    }
    addSeparator();
    addAction(tr("&Clear List"), this, &RecentFilesMenu::clearRequested);
    setEnabled(!files.isEmpty());
}

} // namespace LatencyLab::Ui
