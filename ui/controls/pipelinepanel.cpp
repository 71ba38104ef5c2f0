#include "controls/pipelinepanel.h"

#include "charts/ganttstyle.h"
#include "charts/pipelinecharts.h"
#include "controls/replaybar.h"
#include "controls/replaycontroller.h"
#include "latency/eventlog.h"
#include "latency/latencyplot.h"

#include "pipeline/pipelinereport.h"
#include "pipeline/realpipelinerun.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QListView>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace LatencyLab::Ui {

PipelinePanel::PipelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_replay(new ReplayController(this))
    , m_plot(new LatencyPlot)
    , m_replayBar(new ReplayBar(m_replay))
    , m_log(new EventLog)
{
    m_plot->setObjectName(QStringLiteral("latencyPlot"));
    m_log->setObjectName(QStringLiteral("eventLog"));

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(0);
    topLayout->addWidget(createWorkloadSwitch());
    topLayout->addWidget(m_plot, 1);
    topLayout->addWidget(m_replayBar);

    auto *bottom = new QWidget;
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(4, 4, 4, 0);
    bottomLayout->setSpacing(2);
    auto *caption = new QLabel(tr("<b>Event log</b>"));
    caption->setBuddy(m_log->view());
    bottomLayout->addWidget(caption);
    bottomLayout->addWidget(m_log, 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_replay, &ReplayController::positionChanged, this, &PipelinePanel::onPositionChanged);
    connect(m_plot, &LatencyPlot::timeClicked, this, [this](double seconds) {
        if (!isLive())
            m_replay->seek(Core::fromSeconds(seconds));
    });
    connect(m_log, &EventLog::eventSelected, this, &PipelinePanel::onEventSelected);
}

QWidget *PipelinePanel::createWorkloadSwitch()
{
    m_workloadSwitch = new QWidget;
    m_workloadSwitch->setObjectName(QStringLiteral("workloadSwitch"));
    m_asGiven = new QRadioButton(tr("As in the course"));
    m_asGiven->setObjectName(QStringLiteral("workloadsAsGiven"));
    m_sameItems = new QRadioButton(tr("Same items"));
    m_sameItems->setObjectName(QStringLiteral("workloadsSameItems"));
    m_asGiven->setChecked(true);
    auto *group = new QButtonGroup(m_workloadSwitch);
    group->addButton(m_asGiven);
    group->addButton(m_sameItems);
    connect(m_sameItems, &QRadioButton::toggled, this,
            [this](bool on) { setWorkloads(on ? Workloads::SameItems : Workloads::AsGiven); });
    auto *layout = new QHBoxLayout(m_workloadSwitch);
    layout->setContentsMargins(8, 4, 8, 0);
    layout->addWidget(new QLabel(tr("Compare the modes:")));
    layout->addWidget(m_asGiven);
    layout->addWidget(m_sameItems);
    layout->addStretch(1);
    m_workloadSwitch->hide(); // until the modes' items differ
    return m_workloadSwitch;
}

void PipelinePanel::setCharts(const PipelineCharts &charts)
{
    m_liveModes.clear();
    m_liveDone.clear();
    m_asGivenRuns = charts.runs;
    m_sameItemsRuns = charts.sameItemsRuns;
    m_sameItemsError = charts.sameItemsError;
    updateWorkloadSwitch();
    showRuns(showsSameItems() ? m_sameItemsRuns : m_asGivenRuns);
}

void PipelinePanel::setRuns(const QList<Core::PipelineRun> &runs)
{
    m_liveModes.clear();
    m_liveDone.clear();
    m_asGivenRuns = runs;
    m_sameItemsRuns.clear();
    m_sameItemsError.clear();
    updateWorkloadSwitch();
    showRuns(runs);
}

void PipelinePanel::setWorkloads(Workloads workloads)
{
    if (workloads == m_workloads)
        return;
    m_workloads = workloads;
    checkWorkloadButton();
    if (!isLive() && !m_sameItemsRuns.isEmpty())
        showRuns(showsSameItems() ? m_sameItemsRuns : m_asGivenRuns);
}

bool PipelinePanel::showsSameItems() const
{
    return m_workloads == Workloads::SameItems && !m_sameItemsRuns.isEmpty();
}

// The button checked is what shows: the choice of same items is kept while they cannot run.
void PipelinePanel::checkWorkloadButton()
{
    const QSignalBlocker quiet(m_sameItems);
    (showsSameItems() ? m_sameItems : m_asGiven)->setChecked(true);
}

// Shown while the modes' items differ; the words say how, in the scenario
// and with the same items.
void PipelinePanel::updateWorkloadSwitch()
{
    const bool differ = !m_sameItemsRuns.isEmpty() || !m_sameItemsError.isEmpty();
    m_workloadSwitch->setVisible(differ);
    m_workloadSwitch->setEnabled(!isLive());
    checkWorkloadButton();
    if (!differ)
        return;
    if (m_asGivenRuns.size() == 2) {
        m_asGiven->setToolTip(tr("Each mode as the scenario gives it (%1). The title's comparison is then of different work.")
                                  .arg(Core::describeWorkloadDifference(m_asGivenRuns.at(0).spec, m_asGivenRuns.at(1).spec)));
    }
    m_sameItems->setEnabled(!m_sameItemsRuns.isEmpty());
    if (m_sameItemsRuns.isEmpty()) {
        m_sameItems->setToolTip(tr("Both modes cannot make the same items: %1").arg(m_sameItemsError));
    } else {
        m_sameItems->setToolTip(tr("Both modes make the same items, %1 (the scenario's own values, without a mode's "
                                   "producers or items): the title compares like with like.")
                                    .arg(Core::describeItems(m_sameItemsRuns.first().spec)));
    }
}

void PipelinePanel::setScenarioName(const QString &name)
{
    m_plot->latencyChart()->setScenarioName(name);
}

void PipelinePanel::setChartStyle(const GanttStyle &style)
{
    m_plot->latencyChart()->setChartStyle(style);
}

void PipelinePanel::showRuns(const QList<Core::PipelineRun> &runs)
{
    m_runs = runs;
    m_plot->setRuns(runs);
    m_plot->setHighlight(std::nullopt);
    m_log->setRuns(runs);
    Core::Nanos end = 0;
    for (const Core::PipelineRun &run : runs)
        end = std::max(end, Core::fromSeconds(run.metrics.makespanSeconds));
    m_replay->setDuration(end); // at the end: everything shows
}

void PipelinePanel::beginLive(const QList<Mode> &modes)
{
    // A real run makes the scenario's own items: the switch shows those, and waits for the run's end.
    m_workloads = Workloads::AsGiven;
    checkWorkloadButton();
    // The virtual runs of those items predict the live ones: the plot's axes
    // take their extent, and the live points fill that canvas.
    const QList<Core::PipelineRun> predicted = m_asGivenRuns;
    m_runs.clear();
    m_liveDone.clear();
    m_liveModes = modes;
    m_replay->setDuration(0); // nothing to replay until the run ends
    m_plot->beginLive(modes, predicted);
    m_plot->setHighlight(std::nullopt);
    m_log->beginLive();
    updateWorkloadSwitch();
}

void PipelinePanel::liveProduced(Core::PipelineSpec::Mode mode, const Core::PipelineItem &item)
{
    m_log->addGenerated(mode, item);
}

void PipelinePanel::liveTaken(Core::PipelineSpec::Mode mode, const Core::PipelineItem &item)
{
    m_plot->addItem(mode, item);
    m_log->addProcessed(mode, item);
}

void PipelinePanel::liveQueueLength(Core::PipelineSpec::Mode mode, const Core::QueueSample &sample)
{
    m_plot->addQueueSample(mode, sample);
}

void PipelinePanel::follow(Core::RealPipelineRun *run, Mode mode)
{
    using Run = Core::RealPipelineRun;
    connect(run, &Run::itemProduced, this, [this, mode](const Core::PipelineItem &item) { liveProduced(mode, item); });
    connect(run, &Run::itemTaken, this, [this, mode](const Core::PipelineItem &item) { liveTaken(mode, item); });
    connect(run, &Run::queueLengthChanged, this, [this, mode](const Core::QueueSample &sample) { liveQueueLength(mode, sample); });
}

void PipelinePanel::finishLive(const Core::PipelineRun &run)
{
    if (!m_liveModes.removeOne(run.spec.mode))
        return; // not a mode this panel runs live (a stale run)
    m_liveDone << run;
    m_plot->finishLive(run);
    if (m_liveModes.isEmpty()) {
        // The measured runs stand for the scenario's own items; the same items stay a switch away.
        m_asGivenRuns = m_liveDone;
        updateWorkloadSwitch();
        showRuns(m_asGivenRuns);
    }
}

void PipelinePanel::abandonLive()
{
    m_liveModes.clear();
    m_log->flushLiveItems();
    updateWorkloadSwitch();
}

// At the end of the run everything shows and no cursor is drawn; before it,
// the plot and the log stop at the replay's position.
void PipelinePanel::onPositionChanged(Core::Nanos position)
{
    const bool whole = m_replay->isAtEnd() && !m_replay->isPlaying();
    m_plot->setCursorSeconds(whole ? LatencyChart::kNoCursor : Core::toSeconds(position));
    m_log->setCursor(whole ? EventLogModel::kNoCursor : position);
}

void PipelinePanel::onEventSelected(const LogEvent &event)
{
    m_plot->setHighlight(plotPointOf(event));
    if (!isLive())
        m_replay->seek(event.time());
}

std::optional<QPointF> PipelinePanel::plotPointOf(const LogEvent &event) const
{
    const Core::PipelineEvent &line = event.event;
    if (!event.isGenerated())
        return QPointF(Core::toSeconds(line.time), Core::toSeconds(line.latency));
    // A generated line does not know when its item was taken: the run does.
    for (const Core::PipelineRun &run : m_runs) {
        if (run.spec.mode != event.mode)
            continue;
        for (const Core::PipelineItem &item : run.items) {
            if (item.producer == line.producer && item.index == line.index)
                return QPointF(Core::toSeconds(item.takenAt), Core::toSeconds(item.latency()));
        }
    }
    return std::nullopt;
}

} // namespace LatencyLab::Ui
