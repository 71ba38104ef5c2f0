#pragma once

#include <QComboBox>

namespace LatencyLab::Ui {

// A list that may be narrower than its longest entry: the window's left
// side is narrow, and a list as wide as "Open: requests arrive at their own
// times" would push the fields beside it out of sight. The open popup still
// shows every entry whole.
inline QComboBox *narrowComboBox(const QString &objectName)
{
    constexpr int kShortestShown = 8; // characters
    auto *box = new QComboBox;
    box->setObjectName(objectName);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(kShortestShown);
    return box;
}

} // namespace LatencyLab::Ui
