#include "mainwindow.h"

#include "core/presets.h"
#include "core/report.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoroFuture>

namespace LatencyLab::Ui {

namespace {

enum Column : int {
    ModelColumn,
    RequestsColumn,
    CompletedColumn,
    TimeoutsColumn,
    MakespanColumn,
    ThroughputColumn,
    MeanLatencyColumn,
    P99LatencyColumn,
    MaxSlowdownColumn,
    ColumnCount,
};

QStringList columnTitles()
{
    return {QStringLiteral("Model"),        QStringLiteral("Requests"),    QStringLiteral("Completed"),
            QStringLiteral("Timeouts"),     QStringLiteral("Makespan"),    QStringLiteral("Throughput"),
            QStringLiteral("Mean latency"), QStringLiteral("p99 latency"), QStringLiteral("Max slowdown")};
}

// One row of the comparison table, in column order.
QStringList cellsOf(const Core::SimulationRun &run)
{
    const Core::Metrics &m = run.metrics;
    return {run.server.describe(),
            QString::number(m.requests),
            QString::number(m.completed),
            QString::number(m.timeouts),
            Core::formatSeconds(m.makespanSeconds),
            Core::formatRate(m.throughputRps),
            Core::formatSeconds(m.latencySeconds.mean),
            Core::formatSeconds(m.latencySeconds.p99),
            Core::formatFactor(m.slowdownMax)};
}

QString countOf(qsizetype n, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? singular : plural);
}

void setCell(QTableWidget *table, int row, int column, const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    if (column != ModelColumn)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    table->setItem(row, column, item);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_presets(new QComboBox)
    , m_description(new QLabel)
    , m_table(new QTableWidget(0, ColumnCount))
{
    for (const QString &name : Core::Presets::names()) {
        m_presets->addItem(name, name);
        m_presets->setItemData(m_presets->count() - 1, Core::Presets::summary(name), Qt::ToolTipRole);
    }
    connect(m_presets, &QComboBox::activated, this, &MainWindow::onPresetActivated);

    m_description->setWordWrap(true);
    m_table->setHorizontalHeaderLabels(columnTitles());
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *chooser = new QHBoxLayout;
    auto *label = new QLabel(QStringLiteral("&Scenario:"));
    label->setBuddy(m_presets);
    chooser->addWidget(label);
    chooser->addWidget(m_presets);
    chooser->addStretch();

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addLayout(chooser);
    layout->addWidget(m_description);
    layout->addWidget(m_table, 1);
    setCentralWidget(central);
    resize(1000, 420);
}

MainWindow::~MainWindow()
{
    cancelRunning();
}

void MainWindow::showPreset(const QString &name, const Core::Scenario &scenario)
{
    removeFileEntry();
    m_presets->setCurrentIndex(m_presets->findData(name));
    setScenario(scenario, QStringLiteral("preset %1").arg(name));
}

void MainWindow::showFile(const QString &path, const Core::Scenario &scenario)
{
    removeFileEntry();
    // An entry without preset data stands for the file.
    m_presets->insertItem(0, QFileInfo(path).fileName());
    m_presets->setItemData(0, path, Qt::ToolTipRole);
    m_presets->setCurrentIndex(0);
    setScenario(scenario, path);
}

void MainWindow::removeFileEntry()
{
    if (m_presets->count() > 0 && m_presets->itemData(0).isNull())
        m_presets->removeItem(0);
}

void MainWindow::onPresetActivated(int index)
{
    const QString name = m_presets->itemData(index).toString();
    if (name.isEmpty())
        return; // the file already shown
    const auto scenario = Core::Presets::load(name);
    if (!scenario) {
        statusBar()->showMessage(scenario.error());
        return;
    }
    showPreset(name, *scenario);
}

void MainWindow::setScenario(const Core::Scenario &scenario, const QString &origin)
{
    m_scenario = scenario;
    m_origin = origin;
    setWindowTitle(QStringLiteral("LatencyLab — %1").arg(scenario.name));
    m_description->setText(scenario.description);
    m_description->setVisible(!scenario.description.isEmpty());
    recompute();
}

void MainWindow::recompute()
{
    cancelRunning();
    const quint64 generation = ++m_generation;
    m_cancel = std::make_shared<std::atomic<bool>>(false);

    const QList<Core::ServerSpec> models = m_scenario.models();
    m_table->clearContents();
    m_table->setRowCount(int(models.size()));
    for (int row = 0; row < models.size(); ++row) {
        setCell(m_table, row, ModelColumn, models.at(row).model);
        for (int column = ModelColumn + 1; column < ColumnCount; ++column)
            setCell(m_table, row, column, QStringLiteral("…"));
    }
    m_pending = models.size();
    m_failed = 0;
    m_elapsed.start();
    statusBar()->showMessage(QStringLiteral("Simulating %1 of %2…").arg(countOf(models.size(), QStringLiteral("model"), QStringLiteral("models")), m_scenario.name));
    for (int row = 0; row < models.size(); ++row)
        simulateRow(generation, row, m_scenario, models.at(row), m_cancel);
}

QCoro::Task<> MainWindow::simulateRow(quint64 generation, int row, Core::Scenario scenario, Core::ServerSpec spec, CancelFlag cancel)
{
    QPointer<MainWindow> self(this);
    // Named rather than a temporary inside the co_await expression: GCC 12
    // would destroy the lambda's captures twice.
    auto job = [scenario = std::move(scenario), spec = std::move(spec), cancel = std::move(cancel)] {
        Core::SimulationOptions options;
        options.cancel = cancel.get();
        return Core::simulate(scenario, spec, options);
    };
    QFuture<Core::Result<Core::SimulationRun>> future = QtConcurrent::run(std::move(job));
    const Core::Result<Core::SimulationRun> run = co_await future;
    if (!self || generation != m_generation)
        co_return; // the window closed, or another scenario was chosen meanwhile
    showRow(row, run);
}

void MainWindow::showRow(int row, const Core::Result<Core::SimulationRun> &run)
{
    if (run) {
        const QStringList cells = cellsOf(*run);
        for (int column = 0; column < ColumnCount; ++column)
            setCell(m_table, row, column, cells.at(column));
    } else {
        ++m_failed;
        QTableWidgetItem *model = m_table->item(row, ModelColumn);
        model->setText(QStringLiteral("%1: %2").arg(model->text(), run.error()));
        model->setToolTip(run.error());
        for (int column = ModelColumn + 1; column < ColumnCount; ++column)
            setCell(m_table, row, column, QStringLiteral("—"));
    }
    if (--m_pending == 0)
        showSummary();
}

void MainWindow::showSummary()
{
    const qsizetype models = m_table->rowCount();
    QString message = QStringLiteral("%1 — %2: %3 simulated in %4")
                          .arg(m_scenario.name, m_origin, countOf(models, QStringLiteral("model"), QStringLiteral("models")),
                               Core::formatSeconds(double(m_elapsed.nsecsElapsed()) / 1e9));
    if (m_failed > 0)
        message += QStringLiteral(", %1 failed").arg(m_failed);
    statusBar()->showMessage(message);
}

void MainWindow::cancelRunning()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace LatencyLab::Ui
