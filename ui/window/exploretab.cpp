#include "window/exploretab.h"

#include "controls/busyindicator.h"
#include "controls/scenarioeditor.h"
#include "explore/closedformmetric.h"
#include "explore/sweepparameter.h"
#include "sweepcharts/exploreexport.h"
#include "sweepcharts/exploreform.h"
#include "sweepcharts/exploreformat.h"
#include "sweepcharts/exploreview.h"

#include "base/threadhandover.h"

#include <QKeySequence>
#include <QLabel>
#include <QPointer>
#include <QVBoxLayout>

#include <QCoroFuture>

#include <cmath>

namespace LatencyLab::Ui {

namespace {

QWidget *tabPage(ExploreForm *form, QLabel *message, ExploreView *view)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(form);
    layout->addWidget(message);
    layout->addWidget(view, 1);
    return page;
}

} // namespace

ExploreTab::ExploreTab(ScenarioEditor *editor, BusyIndicator *busy, QObject *parent)
    : QObject(parent)
    , ChartTab(tabPage(new ExploreForm, new QLabel, new ExploreView), QStringLiteral("explore"), tr("Explore"), editor)
    , m_editor(editor)
    , m_busy(busy)
{
    // The page was built for ChartTab's constructor; its parts are found again here.
    m_form = widget()->findChild<ExploreForm *>();
    m_view = widget()->findChild<ExploreView *>();
    m_message = widget()->findChild<QLabel *>(QString(), Qt::FindDirectChildrenOnly);
    m_form->setObjectName(QStringLiteral("exploreForm"));
    m_view->setObjectName(QStringLiteral("exploreView"));
    m_message->setObjectName(QStringLiteral("exploreMessage"));
    m_message->setWordWrap(true);
    m_message->setContentsMargins(10, 2, 10, 2);
    m_message->hide();
    m_view->setPlaceholder(tr("Sweeps a parameter of the scenario under every compared model. Choose it above and press Run."));

    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &ExploreTab::run);
    connect(m_form, &ExploreForm::runRequested, this, &ExploreTab::run);
    connect(m_busy, &BusyIndicator::cancelRequested, this, &ExploreTab::cancel);
    connect(m_view, &ExploreView::pointClicked, this, &ExploreTab::openPoint);
    m_form->setScenario(m_editor->scenario());
}

ExploreTab::~ExploreTab()
{
    m_jobs.abandon();
    m_running.waitForFinished(); // its points are queued to this object: it must not outlive it
}

void ExploreTab::scenarioLoaded()
{
    m_form->setScenario(m_editor->scenario());
    scenarioChanged();
}

void ExploreTab::scenarioChanged()
{
    m_stale = true;
    if (isShown())
        m_settle.start();
}

bool ExploreTab::isShown() const
{
    return widget()->isVisibleTo(widget()->window()); // a tab widget hides every page but the current one
}

void ExploreTab::shown()
{
    if (m_stale && !m_settle.isActive())
        run();
}

QString ExploreTab::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ExploreTab::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ExploreTab::run()
{
    m_settle.stop();
    m_stale = false;
    const Core::Scenario &edited = m_editor->scenario();
    if (edited.pipeline) {
        m_jobs.abandon();
        m_busy->stop();
        m_view->setChart({});
        showMessage(tr("Explore compares server models on requests; a pipeline has none to compare."));
        return;
    }
    // Every compared model written out, so that a swept worker count reaches the sync and async shown beside the server.
    const Core::Scenario scenario = Core::withExplicitComparison(edited);
    const Core::SweepSpec spec = m_form->spec();
    const Core::Status valid = spec.validate();
    const Core::Result<QList<Core::SweepPoint>> planned = valid ? Core::planSweep(scenario, spec) : Core::Result<QList<Core::SweepPoint>>(Core::Error{valid.error()});
    if (!planned) {
        m_jobs.abandon(); // what an earlier sweep still delivers belongs to another form
        m_busy->stop();
        m_view->setChart({}); // the last chart is not of this form: it must not be read as its answer
        showMessage(tr("Cannot sweep: %1").arg(planned.error()));
        return;
    }
    showMessage({});
    sweep(scenario, spec, *planned);
}

QCoro::Task<> ExploreTab::sweep(Core::Scenario scenario, Core::SweepSpec spec, QList<Core::SweepPoint> planned)
{
    const Core::JobTracker::Job job = m_jobs.start();
    m_view->setChart(ExploreChart::planned(scenario.name, spec, planned));
    const int total = spec.pointCount();
    m_busy->start(tr("Exploring %1").arg(scenario.name));

    Core::SweepOptions options;
    options.cancel = job.cancelFlag();
    options.closedForm = Core::closedFormMetric;
    options.onPoint = [this, job](const Core::SweepPoint &point) {
        m_jobs.deliverLater(this, job, [this, point] { m_view->addPoint(point); });
    };
    options.progress = [this, job, total](double fraction) {
        const qint64 done = std::llround(fraction * total);
        m_jobs.deliverLater(this, job, [this, done, total] { m_busy->setProgress(done, total, tr("%1 of %2 points").arg(done).arg(total)); });
    };
    m_running = Core::ThreadHandOver::runConcurrently([scenario, spec, options, job] { return Core::runSweep(scenario, spec, options); });
    QPointer<ExploreTab> self(this);
    const Core::Result<Core::SweepResult> result = co_await m_running;
    Core::ThreadHandOver::received();
    if (!self || !m_jobs.isLatest(job))
        co_return; // the window closed, or a newer sweep started
    m_jobs.finish(job);
    m_busy->stop();
    if (result) {
        for (const Core::SweepPoint &point : result->points)
            m_view->addPoint(point); // any the queue has not brought yet
    } else if (job.isCancelled()) {
        showMessage(tr("Cancelled: %1 of %2 points shown.").arg(m_view->chart().finishedPoints()).arg(total));
    } else {
        showMessage(tr("The sweep failed: %1").arg(result.error()));
    }
    Q_EMIT sweepEnded();
}

void ExploreTab::cancel()
{
    m_settle.stop();
    m_jobs.cancel();
}

void ExploreTab::openPoint(const Core::SweepPoint &point)
{
    const ExploreChart &chart = m_view->chart();
    const QString place = pointPlace(chart, point);
    const bool compared = chart.models.size() > 1;
    m_editor->edit(tr("Open %1").arg(place), point.scenario);
    // The window turns to the opened scenario; this tab sweeps it when shown again, not behind the user's back.
    m_settle.stop();
    const QString from = chart.spec.isMap() ? tr("the map") : tr("the sweep");
    const QString undo = QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText);
    Q_EMIT pointOpened(tr("Opened %1 from %2 — %3 goes back").arg(place, from, undo), compared);
}

Core::Result<ChartTab::Export> ExploreTab::exportTo(const QString &path, QSize size, double scale)
{
    if (m_view->chart().finishedPoints() == 0)
        return Core::Error{tr("There is no sweep to export yet: press Run on the Explore tab.")};
    return Export{ExportJob::Work([chart = m_view->chart(), path, size, scale](const Core::WorkControl &) {
        return exportExploreChart(chart, path, size, scale);
    })};
}

QImage ExploreTab::render()
{
    if (m_view->chart().finishedPoints() == 0)
        return {};
    return renderExploreChart(m_view->chart(), m_view->size(), m_view->devicePixelRatioF());
}

} // namespace LatencyLab::Ui
