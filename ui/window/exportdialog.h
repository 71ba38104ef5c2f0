#pragma once

#include "export/exportpreset.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace LatencyLab::Ui {

// Where and how large to export the current chart: a PNG or SVG path, the
// size in logical pixels and a scale (2 for HiDPI), or, for a Gantt chart, a
// slide (its own size, larger type, a caption). The format follows the
// file's extension and the format box keeps the two in step.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(const QString &chartName, const QString &suggestedPath, QWidget *parent = nullptr);

    QString path() const;
    // The size of a standard export (kept while a slide is chosen, whose size is its own).
    QSize chartSize() const;
    double scale() const;
    ExportPreset preset() const;

    // Start from what was chosen last time.
    void setChartSize(QSize size);
    void setScale(double scale);
    // Whether the chart can be a slide; if not, the layout box offers only the standard export.
    void setSlideAvailable(bool available);

private:
    void browse();
    void formatChosen(int index);
    void pathEdited(const QString &path);
    void presetChosen();

    QLineEdit *m_path;
    QComboBox *m_format;
    QComboBox *m_preset;
    QSize m_standardSize; // what the size boxes held before a slide was chosen
    QSpinBox *m_width;
    QSpinBox *m_height;
    QDoubleSpinBox *m_scale;
    QDialogButtonBox *m_buttons;
};

} // namespace LatencyLab::Ui
