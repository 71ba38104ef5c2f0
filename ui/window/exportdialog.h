#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace LatencyLab::Ui {

// Where and how large to export the current chart: a PNG or SVG path, the
// size in logical pixels and a scale (2 for HiDPI). The format follows the
// file's extension and the format box keeps the two in step.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(const QString &chartName, const QString &suggestedPath, QWidget *parent = nullptr);

    QString path() const;
    QSize chartSize() const;
    double scale() const;

    // Start from what was chosen last time.
    void setChartSize(QSize size);
    void setScale(double scale);

private:
    void browse();
    void formatChosen(int index);
    void pathEdited(const QString &path);

    QLineEdit *m_path;
    QComboBox *m_format;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QDoubleSpinBox *m_scale;
    QDialogButtonBox *m_buttons;
};

} // namespace LatencyLab::Ui
