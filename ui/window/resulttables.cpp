#include "window/resulttables.h"

#include "controls/metricstable.h"
#include "controls/requesttable.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace LatencyLab::Ui {

namespace {

QTableView *tableView(QAbstractItemModel *model, const QString &objectName)
{
    auto *view = new QTableView;
    view->setObjectName(objectName);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

// A titled block with the caption in bold above the content.
QWidget *captioned(const QString &caption, QWidget *content)
{
    auto *block = new QWidget;
    auto *layout = new QVBoxLayout(block);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(caption));
    label->setBuddy(content);
    label->setContentsMargins(4, 4, 0, 0);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return block;
}

} // namespace

QWidget *addResultTables(QSplitter *splitter, MetricsTable *metrics, RequestTable *requests)
{
    QWidget *models = captioned(QSplitter::tr("Server models"), tableView(metrics, QStringLiteral("metricsView")));
    QWidget *perRequest = captioned(QSplitter::tr("Requests"), tableView(requests, QStringLiteral("requestView")));
    splitter->addWidget(models);
    splitter->addWidget(perRequest);
    // Per-request rows only exist for small open scenarios.
    QObject::connect(requests, &QAbstractItemModel::modelReset, perRequest, [requests, perRequest] { perRequest->setVisible(!requests->isEmpty()); });
    perRequest->hide();
    return models;
}

} // namespace LatencyLab::Ui
