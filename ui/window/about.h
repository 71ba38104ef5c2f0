#pragma once

#include <QString>

class QWidget;

namespace LatencyLab::Ui {

// Help → About LatencyLab: what the program is, and the versions of
// LatencyLab, Qt (running and built against) and QCoro — what a bug report needs.
QString aboutText();
void showAboutDialog(QWidget *parent);

// "QCoro 0.8.0": the version found when LatencyLab was built.
QString qcoroVersion();

} // namespace LatencyLab::Ui
