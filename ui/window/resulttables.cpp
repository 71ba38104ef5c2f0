#include "window/resulttables.h"

#include "window/charttabs.h"
#include "window/requestreplays.h"
#include "window/runtabs.h"

#include "controls/metricstable.h"
#include "controls/requesttable.h"

#include "base/numberformat.h"
#include "engine/runasof.h"

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

// A block with a caption line above the content.
QWidget *captioned(QLabel *caption, QWidget *content)
{
    auto *block = new QWidget;
    auto *layout = new QVBoxLayout(block);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    caption->setBuddy(content);
    caption->setContentsMargins(4, 4, 0, 0);
    caption->setTextFormat(Qt::RichText);
    layout->addWidget(caption);
    layout->addWidget(content, 1);
    return block;
}

QString captionText(const QString &table, const QString &source)
{
    return source.isEmpty() ? QStringLiteral("<b>%1</b>").arg(table) : QStringLiteral("<b>%1</b> — %2").arg(table, source.toHtmlEscaped());
}

} // namespace

ResultTables::ResultTables(QSplitter *splitter, MetricsTable *metrics, RequestTable *requests, QObject *parent)
    : QObject(parent)
    , m_metrics(metrics)
    , m_requests(requests)
    , m_modelsCaption(new QLabel)
    , m_requestsCaption(new QLabel)
{
    m_modelsCaption->setObjectName(QStringLiteral("metricsCaption"));
    m_requestsCaption->setObjectName(QStringLiteral("requestsCaption"));
    m_modelsBlock = captioned(m_modelsCaption, tableView(metrics, QStringLiteral("metricsView")));
    QWidget *perRequest = captioned(m_requestsCaption, tableView(requests, QStringLiteral("requestView")));
    m_requestsBlock = perRequest;
    splitter->addWidget(m_modelsBlock);
    splitter->addWidget(perRequest);
    // Per-request rows only exist for small open scenarios; the two tables
    // are hidden together (presentation mode hides the models' block).
    connect(requests, &QAbstractItemModel::modelReset, perRequest, [this, requests, perRequest] {
        perRequest->setVisible(!requests->isEmpty() && !m_modelsBlock->isHidden());
    });
    perRequest->hide();
    show({});
}

void ResultTables::follow(ChartTabs *tabs, RunTabs *runs, RequestReplays *replays)
{
    m_tabs = tabs;
    m_runs = runs;
    m_replays = replays;
    connect(tabs, &QTabWidget::currentChanged, this, &ResultTables::showCurrentTab);
    connect(runs, &RunTabs::resultsChanged, this, &ResultTables::showCurrentTab);
    connect(replays, &RequestReplays::momentChanged, this, &ResultTables::showCurrentTab);
    showCurrentTab();
}

void ResultTables::setSimulated(const ShownRuns &simulated)
{
    m_simulated = simulated;
    showCurrentTab();
}

void ResultTables::showCurrentTab()
{
    const QWidget *tab = m_tabs ? m_tabs->currentWidget() : nullptr;
    const std::optional<ShownRuns> own = m_runs ? m_runs->shownRuns(tab) : std::nullopt;
    const ShownRuns &shown = own ? *own : m_simulated;
    const std::optional<Core::Nanos> moment = m_replays ? m_replays->momentOf(tab) : std::nullopt;
    if (!moment) {
        show(shown);
        return;
    }
    // The models' figures count the requests that had arrived; the requests' rows stay, unanswered.
    ShownRuns past = shown;
    past.source = tr("%1 — as of %2").arg(shown.source, Core::formatSeconds(Core::toSeconds(*moment)));
    for (auto &run : past.models)
        run = Core::runAsOf(run, *moment, Core::NotYetArrived::Leave);
    for (auto &run : past.requests)
        run = Core::runAsOf(run, *moment, Core::NotYetArrived::KeepEmptyRows);
    show(past);
}

void ResultTables::show(const ShownRuns &shown)
{
    m_source = shown.source;
    m_modelsCaption->setText(captionText(tr("Server models"), shown.source));
    m_requestsCaption->setText(captionText(tr("Requests"), shown.source));
    m_metrics->setRuns(shown.models, shown.modelNames);
    m_requests->setRuns(shown.requests, shown.requestNames);
}

} // namespace LatencyLab::Ui
