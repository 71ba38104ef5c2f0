#include "window/about.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace LatencyLab::Ui {

QString qcoroVersion()
{
    // From QCoro's CMake package: QCoro has no version header.
    return QStringLiteral(LATENCYLAB_QCORO_VERSION);
}

QString aboutText()
{
    return QCoreApplication::translate("About",
                                       "<h3>LatencyLab %1</h3>"
                                       "<p>Makes request latency visible: the same requests under synchronous and asynchronous "
                                       "server models, drawn as green-box Gantt charts.</p>"
                                       "<p>Qt %2 (built with %3)<br>QCoro %4</p>")
        .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR), qcoroVersion());
}

void showAboutDialog(QWidget *parent)
{
    QMessageBox::about(parent, QCoreApplication::translate("About", "About LatencyLab"), aboutText());
}

} // namespace LatencyLab::Ui
