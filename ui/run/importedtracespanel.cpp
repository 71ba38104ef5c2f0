#include "run/importedtracespanel.h"

#include "gantt/ganttview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace LatencyLab::Ui {

ImportedTracesPanel::ImportedTracesPanel(GanttView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_filter(new QComboBox)
    , m_simulate(new QPushButton(tr("Simulate These Requests")))
{
    setObjectName(QStringLiteral("importedPanel"));
    m_filter->setObjectName(QStringLiteral("endpointFilter"));
    m_filter->setToolTip(tr("Show every imported request, or only one endpoint's."));
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_simulate->setObjectName(QStringLiteral("simulateTraces"));
    m_simulate->setToolTip(tr("Open the requests shown as a scenario: their arrivals and steps under every server model, "
                              "the measured rows first in Compare."));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    auto *label = new QLabel(tr("&Endpoint:"));
    label->setBuddy(m_filter);
    bar->addWidget(label);
    bar->addWidget(m_filter);
    bar->addStretch(1);
    bar->addWidget(m_simulate);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

} // namespace LatencyLab::Ui
