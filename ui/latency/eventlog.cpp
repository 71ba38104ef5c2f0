#include "latency/eventlog.h"

#include "charts/theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace LatencyLab::Ui {

namespace {

using Mode = Core::PipelineSpec::Mode;

int slot(Mode mode)
{
    return mode == Mode::Sync ? 0 : 1;
}

} // namespace

EventLog::EventLog(QWidget *parent)
    : QWidget(parent)
    , m_model(new EventLogModel(this))
    , m_view(new QListView)
    , m_generated(new QCheckBox(tr("&Generated")))
    , m_processed(new QCheckBox(tr("&Processed")))
    , m_producer(new QComboBox)
    , m_mode(new QComboBox)
    , m_text(new QLineEdit)
    , m_count(new QLabel)
{
    m_view->setObjectName(QStringLiteral("eventLogView"));
    m_view->setModel(m_model);
    m_view->setUniformItemSizes(true); // 10^5 lines: no per-row size queries
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont)); // the columns of a console
    m_view->setToolTip(tr("Select a line to move the plot's cursor to it."));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &EventLog::onSelectionChanged);

    m_generated->setObjectName(QStringLiteral("logGenerated"));
    m_processed->setObjectName(QStringLiteral("logProcessed"));
    m_generated->setToolTip(tr("Items put into the queue by a producer (yellow)"));
    m_processed->setToolTip(tr("Items taken from the queue by a consumer, with how long they waited (cyan)"));
    for (QCheckBox *box : {m_generated, m_processed}) {
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, &EventLog::applyFilterNow);
    }
    m_producer->setObjectName(QStringLiteral("logProducer"));
    m_producer->setToolTip(tr("Only this producer's items"));
    connect(m_producer, &QComboBox::currentIndexChanged, this, &EventLog::applyFilterNow);
    m_mode->setObjectName(QStringLiteral("logMode"));
    m_mode->setToolTip(tr("Only this mode's run"));
    connect(m_mode, &QComboBox::currentIndexChanged, this, &EventLog::applyFilterNow);
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setPlaceholderText(tr("Filter lines: item 7, value 49…"));
    m_text->setToolTip(tr("Only lines containing this text, in any case. Each line names its item and value, so "
                          "\"item 7\" or \"value 49\" finds both of its lines; a number matches whole numbers "
                          "only (item 7 is not item 17)."));
    m_text->setClearButtonEnabled(true);
    connect(m_text, &QLineEdit::textChanged, this, &EventLog::scheduleFilter);
    m_count->setObjectName(QStringLiteral("logCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(kTextFilterDelayMs);
    connect(&m_filterDelay, &QTimer::timeout, this, &EventLog::applyFilterNow);
    m_flush.setSingleShot(true);
    m_flush.setInterval(kFlushMs);
    connect(&m_flush, &QTimer::timeout, this, &EventLog::flushLiveItems);

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_generated);
    filters->addWidget(m_processed);
    filters->addWidget(m_producer);
    filters->addWidget(m_mode);
    filters->addWidget(m_text, 1);
    filters->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);

    connect(m_model, &QAbstractItemModel::modelReset, this, &EventLog::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EventLog::updateCount);
    updateChoices();
    updateCount();
    applyPalette();
}

void EventLog::setRuns(const QList<Core::PipelineRun> &runs)
{
    m_flush.stop();
    for (auto &pending : m_pending)
        pending.clear();
    m_followTail = false;
    m_model->setRuns(runs);
    updateChoices();
}

void EventLog::beginLive()
{
    setRuns({});
    m_model->setCursor(EventLogModel::kNoCursor);
    m_followTail = true;
}

void EventLog::addGenerated(Core::PipelineSpec::Mode mode, const Core::PipelineItem &item)
{
    addLive(mode, Core::generatedEvent(item));
}

void EventLog::addProcessed(Core::PipelineSpec::Mode mode, const Core::PipelineItem &item)
{
    addLive(mode, Core::processedEvent(item));
}

void EventLog::addLive(Core::PipelineSpec::Mode mode, const Core::PipelineEvent &event)
{
    m_pending[slot(mode)].push_back(event);
    if (!m_flush.isActive())
        m_flush.start();
}

void EventLog::flushLiveItems()
{
    m_flush.stop();
    bool added = false;
    for (const Mode mode : {Mode::Sync, Mode::Async}) {
        std::vector<Core::PipelineEvent> &pending = m_pending[slot(mode)];
        if (pending.empty())
            continue;
        m_model->appendEvents(mode, std::move(pending));
        pending.clear();
        added = true;
    }
    if (!added)
        return;
    updateChoices();
    if (m_followTail)
        m_view->scrollToBottom();
}

void EventLog::setCursor(Core::Nanos cursor)
{
    m_model->setCursor(cursor);
    // No cursor: a whole run, read from the top like the example's console.
    const int row = cursor == EventLogModel::kNoCursor ? -1 : m_model->rowsUntil(cursor) - 1;
    if (row >= 0)
        m_view->scrollTo(m_model->index(row), QAbstractItemView::EnsureVisible);
    else if (!m_followTail)
        m_view->scrollToTop();
    updateCount();
}

// The producer and mode choices follow the runs shown; a choice still
// available stays chosen.
void EventLog::updateChoices()
{
    const int producer = m_producer->currentIndex() > 0 ? m_producer->currentData().toInt() : -1;
    if (m_producer->count() != m_model->producerCount() + 1) {
        const QSignalBlocker quiet(m_producer);
        m_producer->clear();
        m_producer->addItem(tr("All producers"), -1);
        for (int p = 0; p < m_model->producerCount(); ++p)
            m_producer->addItem(tr("Producer %1").arg(p + 1), p);
        m_producer->setCurrentIndex(std::max(0, m_producer->findData(producer)));
    }
    if (m_mode->count() == 0) {
        const QSignalBlocker quiet(m_mode);
        m_mode->addItem(tr("Both modes"), -1);
        for (const Mode mode : {Mode::Sync, Mode::Async})
            m_mode->addItem(Core::pipelineModeName(mode), int(mode));
    }
    m_mode->setVisible(m_model->hasBothModes());
    m_producer->setVisible(m_model->producerCount() > 1);
}

void EventLog::scheduleFilter()
{
    m_filterDelay.start();
}

void EventLog::applyFilterNow()
{
    m_filterDelay.stop();
    EventLogFilter filter;
    filter.generated = m_generated->isChecked();
    filter.processed = m_processed->isChecked();
    filter.producer = m_producer->currentIndex() > 0 ? m_producer->currentData().toInt() : -1;
    if (m_mode->currentIndex() > 0)
        filter.mode = Mode(m_mode->currentData().toInt());
    filter.text = m_text->text().trimmed();
    m_model->setFilter(filter);
    setCursor(m_model->cursor()); // back to where the replay stands
}

void EventLog::updateCount()
{
    const qsizetype total = m_model->totalCount();
    const int shown = m_model->rowCount();
    m_count->setText(shown == total ? tr("%Ln line(s)", nullptr, int(total)) : tr("%L1 of %L2 lines").arg(shown).arg(total));
}

void EventLog::onSelectionChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        Q_EMIT eventSelected(m_model->eventAt(current.row()));
}

void EventLog::applyPalette()
{
    m_model->setDark(isDark(QApplication::palette(this)));
}

void EventLog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

} // namespace LatencyLab::Ui
