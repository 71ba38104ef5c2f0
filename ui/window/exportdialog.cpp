#include "window/exportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace LatencyLab::Ui {

namespace {

constexpr int kMinSide = 200;
constexpr int kMaxSide = 16'000;

QString suffixOf(const QString &path)
{
    return QFileInfo(path).suffix().toLower();
}

} // namespace

ExportDialog::ExportDialog(const QString &chartName, const QString &suggestedPath, QWidget *parent)
    : QDialog(parent)
    , m_path(new QLineEdit(suggestedPath))
    , m_format(new QComboBox)
    , m_preset(new QComboBox)
    , m_width(new QSpinBox)
    , m_height(new QSpinBox)
    , m_scale(new QDoubleSpinBox)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Export Chart"));
    m_format->addItem(tr("PNG image"), QStringLiteral("png"));
    m_format->addItem(tr("SVG drawing"), QStringLiteral("svg"));
    m_format->setToolTip(tr("PNG: a bitmap for slides and chats; SVG: a vector drawing that scales without blurring."));
    m_preset->addItem(tr("Standard"), int(ExportPreset::Standard));
    m_preset->addItem(tr("Slide: %1 × %2, large type, caption").arg(kSlideSize.width()).arg(kSlideSize.height()),
                      int(ExportPreset::Slide));
    m_preset->setToolTip(tr("Slide: 16:9 at %1 × %2 pixels, type and lines large enough for a room, and a caption "
                            "with the scenario and what the chart shows.")
                             .arg(kSlideSize.width()).arg(kSlideSize.height()));
    m_path->setToolTip(tr("The file to write; its extension (.png or .svg) chooses the format."));
    m_path->setMinimumWidth(360);
    for (QSpinBox *side : {m_width, m_height}) {
        side->setRange(kMinSide, kMaxSide);
        side->setSuffix(tr(" px"));
    }
    m_width->setValue(1600);
    m_height->setValue(900);
    m_width->setToolTip(tr("Width in logical pixels (before scaling)."));
    m_height->setToolTip(tr("Height in logical pixels (before scaling)."));
    m_scale->setRange(0.5, 4.0);
    m_scale->setSingleStep(0.5);
    m_scale->setValue(1.0);
    m_scale->setSuffix(QStringLiteral("×"));
    m_scale->setToolTip(tr("Device pixels per logical pixel: 2 gives a sharp image on HiDPI screens."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));

    auto *browse = new QPushButton(tr("Browse…"));
    browse->setToolTip(tr("Choose the file in a dialog."));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×")));
    sizeRow->addWidget(m_height);
    sizeRow->addStretch();

    // Rows holding a layout get their label by hand: a label needs a buddy widget for its shortcut.
    const auto labelFor = [](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text);
        label->setBuddy(buddy);
        return label;
    };
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Chart:"), new QLabel(chartName));
    form->addRow(labelFor(tr("&File:"), m_path), pathRow);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("&Layout:"), m_preset);
    form->addRow(labelFor(tr("&Size:"), m_width), sizeRow);
    form->addRow(tr("S&cale:"), m_scale);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::activated, this, &ExportDialog::formatChosen);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ExportDialog::presetChosen);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::pathEdited);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    pathEdited(m_path->text());
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

QSize ExportDialog::chartSize() const
{
    return preset() == ExportPreset::Slide ? m_standardSize : QSize(m_width->value(), m_height->value());
}

ExportPreset ExportDialog::preset() const
{
    return ExportPreset(m_preset->currentData().toInt());
}

double ExportDialog::scale() const
{
    return m_scale->value();
}

void ExportDialog::setChartSize(QSize size)
{
    m_standardSize = size;
    if (preset() == ExportPreset::Slide)
        return;
    m_width->setValue(size.width());
    m_height->setValue(size.height());
}

void ExportDialog::setSlideAvailable(bool available)
{
    if (!available)
        m_preset->setCurrentIndex(m_preset->findData(int(ExportPreset::Standard)));
    m_preset->setEnabled(available);
}

void ExportDialog::presetChosen()
{
    const bool slide = preset() == ExportPreset::Slide;
    if (slide)
        m_standardSize = QSize(m_width->value(), m_height->value());
    const QSize shown = slide ? kSlideSize : m_standardSize;
    m_width->setValue(shown.width());
    m_height->setValue(shown.height());
    m_width->setEnabled(!slide);
    m_height->setEnabled(!slide);
}

void ExportDialog::setScale(double scale)
{
    m_scale->setValue(scale);
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Chart"), path(), tr("PNG image (*.png);;SVG drawing (*.svg)"),
                                                        nullptr);
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportDialog::formatChosen(int index)
{
    const QString suffix = m_format->itemData(index).toString();
    const QFileInfo info(path());
    if (info.fileName().isEmpty() || suffixOf(info.fileName()) == suffix)
        return;
    const QString base = info.completeBaseName().isEmpty() ? info.fileName() : info.completeBaseName();
    m_path->setText(info.dir().filePath(base + QLatin1Char('.') + suffix));
}

void ExportDialog::pathEdited(const QString &path)
{
    const QString suffix = suffixOf(path.trimmed());
    const int index = m_format->findData(suffix);
    if (index >= 0)
        m_format->setCurrentIndex(index);
    // Only a .png or .svg path can be written.
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(index >= 0);
}

} // namespace LatencyLab::Ui
