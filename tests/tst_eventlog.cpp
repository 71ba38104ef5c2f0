// The event log: the course's lines, each naming its item, value and
// producer ("generated item 7 (value 49) by producer 2", "processed item 7
// (value 49) from producer 2 after 0.42 s") in time order, coloured generated
// yellow and processed cyan (readable in light and dark), filtered by kind,
// producer, mode and text, dimmed past the replay's cursor, fed live in
// batches, and quick at 10^5 items.

#include "pipelinefixtures.h"
#include "wallclock.h"

#include "latency/eventlog.h"
#include "latency/eventlogmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Ui::EventLogFilter;
using Ui::EventLogModel;
using Ui::LogEvent;
using Kind = Core::PipelineEvent::Kind;
using Mode = Core::PipelineSpec::Mode;

namespace {

QStringList linesOf(const EventLogModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row)
        lines << model.data(model.index(row)).toString();
    return lines;
}

// WCAG 2 contrast ratio, written out here rather than taken from the code under test.
double luminance(QColor c)
{
    auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double contrast(QColor a, QColor b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// 2 producers × `perProducer` items; producer p makes item i at i + 0.1 p,
// and it is taken 0.25 s later.
Core::PipelineRun manyItems(int perProducer)
{
    Core::PipelineRun run;
    run.spec.mode = Mode::Async;
    run.spec.producers = 2;
    for (int i = 1; i <= perProducer; ++i) {
        for (int p = 0; p < 2; ++p) {
            const double produced = i + 0.1 * p;
            run.items.push_back(pipelineItem({p, i, produced, produced + 0.25, produced + 0.3}));
        }
    }
    run.metrics.items = qint64(run.items.size());
    run.metrics.makespanSeconds = perProducer + 0.4;
    return run;
}

} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesReadAsTheCoursePrintedThem();
    void bothModesAreTagged();
    void filtersCount_data();
    void filtersCount();
    void cursorDimsWhatHasNotHappened();
    void coloursAreReadableInBothThemes();
    void liveItemsAppendInBatches();
    void aLateGeneratedLineLandsInTimeOrder();
    void aHundredThousandItemsStayQuick();
    void selectingALineReportsItsEvent();
    void filterWidgetsDriveTheModel();
    void oneItemIsFollowedByNumberOrValue_data();
    void oneItemIsFollowedByNumberOrValue();
};

void TestEventLog::linesReadAsTheCoursePrintedThem()
{
    EventLogModel model;
    model.setRuns({asyncFour()});
    // asyncFour in time order: p1#1 made and taken at 0; p2#1 made at 0.2,
    // taken at 1 after 0.8 s; p1#2 made at 1.5; p2#2 made at 1.6; p1#2 taken
    // at 2 after 0.5 s; p2#2 taken at 3 after 1.4 s. Values are index².
    const QStringList expected{
        QStringLiteral("  0.00 s  generated item 1 (value 1) by producer 1"),
        QStringLiteral("  0.00 s  processed item 1 (value 1) from producer 1 after 0.00 s"),
        QStringLiteral("  0.20 s  generated item 1 (value 1) by producer 2"),
        QStringLiteral("  1.00 s  processed item 1 (value 1) from producer 2 after 0.80 s"),
        QStringLiteral("  1.50 s  generated item 2 (value 4) by producer 1"),
        QStringLiteral("  1.60 s  generated item 2 (value 4) by producer 2"),
        QStringLiteral("  2.00 s  processed item 2 (value 4) from producer 1 after 0.50 s"),
        QStringLiteral("  3.00 s  processed item 2 (value 4) from producer 2 after 1.40 s"),
    };
    QCOMPARE(linesOf(model), expected);
    QCOMPARE(model.totalCount(), 8);
    QCOMPARE(model.producerCount(), 2);
    QCOMPARE(model.data(model.index(1), EventLogModel::TimeRole).toLongLong(), 0);
    QCOMPARE(model.data(model.index(3), EventLogModel::TimeRole).toLongLong(), Core::fromSeconds(1.0));
    // The lines keep the item's data: row 3 is producer 2's first item, taken after 0.8 s.
    QCOMPARE(model.eventAt(3).event.producer, 1);
    QCOMPARE(model.eventAt(3).event.latency, Core::fromSeconds(0.8));
    QCOMPARE(model.eventAt(3).mode, Mode::Async);
}

void TestEventLog::bothModesAreTagged()
{
    EventLogModel model;
    model.setRuns({syncFour(), asyncFour()});
    QCOMPARE(model.totalCount(), 16);
    QVERIFY(model.hasBothModes());
    const QStringList lines = linesOf(model);
    QCOMPARE(lines.first(), QStringLiteral("  0.00 s  sync   generated item 1 (value 1) by producer 1"));
    // syncFour's last item is taken at 5.5 after 2.5 s; it is the last line.
    QCOMPARE(lines.last(), QStringLiteral("  5.50 s  sync   processed item 4 (value 16) from producer 1 after 2.50 s"));
    QVERIFY(lines.contains(QStringLiteral("  3.00 s  async  processed item 2 (value 4) from producer 2 after 1.40 s")));
}

void TestEventLog::filtersCount_data()
{
    QTest::addColumn<EventLogFilter>("filter");
    QTest::addColumn<int>("rows");

    // syncFour + asyncFour: 8 items, 16 lines; producer 2 made 2 of them (async).
    EventLogFilter all;
    QTest::addRow("no filter shows every line") << all << 16;
    EventLogFilter generated;
    generated.processed = false;
    QTest::addRow("generated only: one per item") << generated << 8;
    EventLogFilter processed;
    processed.generated = false;
    QTest::addRow("processed only: one per item") << processed << 8;
    EventLogFilter neither;
    neither.generated = neither.processed = false;
    QTest::addRow("neither kind shows nothing") << neither << 0;
    EventLogFilter producer2;
    producer2.producer = 1;
    QTest::addRow("producer 2: two items, two lines each") << producer2 << 4;
    EventLogFilter producer1Generated = generated;
    producer1Generated.producer = 0;
    QTest::addRow("producer 1's generated lines: 4 sync + 2 async") << producer1Generated << 6;
    EventLogFilter sync;
    sync.mode = Mode::Sync;
    QTest::addRow("sync mode only") << sync << 8;
    const auto textRow = [](const char *name, const char *text, int rows) {
        EventLogFilter filter;
        filter.text = QString::fromUtf8(text);
        QTest::addRow("%s", name) << filter << rows;
    };
    textRow("text, any case: only sync's 4th item has value 16, in its two lines", "VALUE 16", 2);
    textRow("an item number finds both lines of sync's item 2 and async's two", "item 2", 6);
    textRow("a value finds the same six lines", "value 4", 6);
    textRow("a producer by text: both lines of producer 2's two items", "producer 2", 4);
    textRow("one item's processed line", "item 2 (value 4) from producer 2", 1);
    textRow("text: waits under a second (async 0, 0.8, 0.5)", "after 0.", 3);
    textRow("text that no line has", "consumed", 0);
}

void TestEventLog::filtersCount()
{
    QFETCH(EventLogFilter, filter);
    QFETCH(int, rows);
    EventLogModel model;
    model.setRuns({syncFour(), asyncFour()});
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.totalCount(), 16);
    // Rows stay in time order whatever the filter.
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.eventAt(row - 1).time() <= model.eventAt(row).time());
}

void TestEventLog::cursorDimsWhatHasNotHappened()
{
    EventLogModel model;
    model.setRuns({asyncFour()});
    const QColor generated = EventLogModel::kindColor(Kind::Generated, false);
    const QColor processed = EventLogModel::kindColor(Kind::Processed, false);
    // No cursor: every line in its kind's colour, none tinted.
    QCOMPARE(model.data(model.index(7), Qt::ForegroundRole).value<QColor>(), processed);
    QVERIFY(!model.data(model.index(7), Qt::BackgroundRole).isValid());

    model.setCursor(Core::fromSeconds(1.5));
    // Lines at 0, 0, 0.2, 1, 1.5 have happened (inclusive); 1.6, 2, 3 have not.
    QCOMPARE(model.rowsUntil(Core::fromSeconds(1.5)), 5);
    QCOMPARE(model.data(model.index(4), Qt::ForegroundRole).value<QColor>(), generated);
    QCOMPARE(model.data(model.index(3), Qt::ForegroundRole).value<QColor>(), processed);
    for (int row = 5; row < 8; ++row) {
        const QColor dim = model.data(model.index(row), Qt::ForegroundRole).value<QColor>();
        QVERIFY(dim != generated && dim != processed);
    }
    // The last line that has happened is tinted, and only it.
    QVERIFY(model.data(model.index(4), Qt::BackgroundRole).isValid());
    QVERIFY(!model.data(model.index(3), Qt::BackgroundRole).isValid());
    QVERIFY(!model.data(model.index(5), Qt::BackgroundRole).isValid());
}

void TestEventLog::coloursAreReadableInBothThemes()
{
    const QColor white(Qt::white);
    const QColor darkBase(0x1f, 0x22, 0x26); // the dark theme's list background
    for (const Kind kind : {Kind::Generated, Kind::Processed}) {
        QVERIFY2(contrast(EventLogModel::kindColor(kind, false), white) >= 4.5,
                 qPrintable(QString::number(contrast(EventLogModel::kindColor(kind, false), white))));
        QVERIFY2(contrast(EventLogModel::kindColor(kind, true), darkBase) >= 4.5,
                 qPrintable(QString::number(contrast(EventLogModel::kindColor(kind, true), darkBase))));
    }
    // Yellow is yellow and cyan is cyan: hues near 50° and 185°.
    const int yellow = EventLogModel::kindColor(Kind::Generated, true).hue();
    const int cyan = EventLogModel::kindColor(Kind::Processed, true).hue();
    QVERIFY2(yellow >= 40 && yellow <= 60, qPrintable(QString::number(yellow)));
    QVERIFY2(cyan >= 175 && cyan <= 195, qPrintable(QString::number(cyan)));
}

void TestEventLog::liveItemsAppendInBatches()
{
    Ui::EventLog log;
    log.beginLive();
    EventLogModel *model = log.model();
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    // async: each item is taken as soon as it is made, so lines only grow at the end.
    for (int i = 0; i < 50; ++i) {
        const Core::PipelineItem item = pipelineItem({0, i + 1, 0.5 * i, 0.5 * i, 0.5 * i + 0.1});
        log.addGenerated(Mode::Async, item);
        log.addProcessed(Mode::Async, item);
    }
    QCOMPARE(model->rowCount(), 0); // batched, not one insert per item
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 100, 2000);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(reset.size(), 0);
}

void TestEventLog::aLateGeneratedLineLandsInTimeOrder()
{
    EventLogModel model;
    // Sync, live: the first item is reported when taken at 4 s; the second,
    // made at 1 s, arrives later and its "generated" line goes before the
    // first item's "processed" line.
    const Core::PipelineItem first = pipelineItem({0, 1, 0, 4.0, 4.5});
    const Core::PipelineItem second = pipelineItem({0, 2, 1.0, 4.5, 5.0});
    model.appendEvents(Mode::Sync, {Core::generatedEvent(first), Core::processedEvent(first)});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.appendEvents(Mode::Sync, {Core::generatedEvent(second), Core::processedEvent(second)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(linesOf(model), (QStringList{
                                 QStringLiteral("  0.00 s  generated item 1 (value 1) by producer 1"),
                                 QStringLiteral("  1.00 s  generated item 2 (value 4) by producer 1"),
                                 QStringLiteral("  4.00 s  processed item 1 (value 1) from producer 1 after 4.00 s"),
                                 QStringLiteral("  4.50 s  processed item 2 (value 4) from producer 1 after 3.50 s"),
                             }));
}

void TestEventLog::aHundredThousandItemsStayQuick()
{
    Ui::EventLog log;
    log.resize(800, 400);
    log.show();
    QVERIFY(QTest::qWaitForWindowExposed(&log));
    QElapsedTimer clock;
    clock.start();
    log.setRuns({manyItems(50'000)}); // 100,000 items, 200,000 lines
    QCoreApplication::processEvents();
    const qint64 loadMs = clock.restart();
    QCOMPARE(log.model()->rowCount(), 200'000);

    log.generatedBox()->setChecked(false); // refilters at once
    QCOMPARE(log.model()->rowCount(), 100'000);
    QCoreApplication::processEvents();
    const qint64 kindMs = clock.restart();
    log.textFilter()->setText(QStringLiteral("producer 2"));
    log.applyFilterNow(); // both filters: producer 2's processed lines
    QCOMPARE(log.model()->rowCount(), 50'000);
    QCoreApplication::processEvents();
    const qint64 textMs = clock.restart();
    log.generatedBox()->setChecked(true);
    QCOMPARE(log.model()->rowCount(), 100'000);
    QCoreApplication::processEvents();
    const qint64 bothMs = clock.restart();
    const qint64 filterMs = kindMs + textMs + bothMs;

    // Replay sweeps: the cursor moves 30 times, the view follows.
    for (int step = 0; step <= 30; ++step) {
        log.setCursor(Core::fromSeconds(50'000.4 * step / 30)); // to the makespan
        QCoreApplication::processEvents();
    }
    const qint64 sweepMs = clock.elapsed();
    qInfo("200,000 lines: load %lld ms; refilter by kind %lld ms, by text %lld ms, by text and kind %lld ms; 31 cursor moves %lld ms",
          loadMs, kindMs, textMs, bothMs, sweepMs);
    // One-sided and generous for a loaded machine, so measured once; a per-row
    // view or a proxy re-sort would take far longer.
    VERIFY_WALL_CLOCK(loadMs < 3000, "loading 200,000 lines");
    VERIFY_WALL_CLOCK(filterMs < 5000, "refiltering 200,000 lines");
    VERIFY_WALL_CLOCK(sweepMs < 3000, "31 cursor moves");
    // At the end of the sweep the last line is in view.
    const QModelIndex last = log.model()->index(log.model()->rowCount() - 1);
    QVERIFY(log.view()->viewport()->rect().intersects(log.view()->visualRect(last)));
}

void TestEventLog::selectingALineReportsItsEvent()
{
    Ui::EventLog log;
    log.setRuns({asyncFour()});
    QSignalSpy selected(&log, &Ui::EventLog::eventSelected);
    log.view()->setCurrentIndex(log.model()->index(3)); // "1.00 s processed item 1 (value 1) from producer 2 after 0.80 s"
    QCOMPARE(selected.size(), 1);
    const auto event = selected.first().at(0).value<LogEvent>();
    QCOMPARE(event.time(), Core::fromSeconds(1.0));
    QCOMPARE(event.event.kind, Kind::Processed);
    QCOMPARE(event.event.producer, 1);
    QCOMPARE(event.event.latency, Core::fromSeconds(0.8));
}

void TestEventLog::filterWidgetsDriveTheModel()
{
    Ui::EventLog log;
    log.setRuns({syncFour(), asyncFour()});
    QVERIFY(!log.producerBox()->isHidden());
    QCOMPARE(log.producerBox()->count(), 3); // all, producer 1, producer 2
    QVERIFY(!log.modeBox()->isHidden());
    log.producerBox()->setCurrentIndex(2);
    QCOMPARE(log.model()->rowCount(), 4);
    QCOMPARE(log.countLabel()->text(), QStringLiteral("4 of 16 lines"));
    log.modeBox()->setCurrentIndex(log.modeBox()->findText(QStringLiteral("sync")));
    QCOMPARE(log.model()->rowCount(), 0); // producer 2 made nothing in sync
    log.producerBox()->setCurrentIndex(0);
    QCOMPARE(log.model()->rowCount(), 8);
    log.modeBox()->setCurrentIndex(0);
    // Typing filters after a pause, not on every key.
    log.textFilter()->setText(QStringLiteral("value 4 "));
    QCOMPARE(log.model()->rowCount(), 16);
    // Sync's item 2 and async's two items 2 (one per producer) are worth 4: two lines each.
    QTRY_COMPARE_WITH_TIMEOUT(log.model()->rowCount(), 6, 2000);
    QCOMPARE(log.countLabel()->text(), QStringLiteral("6 of 16 lines"));

    // One mode only: no mode choice; one producer: no producer choice.
    log.setRuns({syncFour()});
    QVERIFY(log.modeBox()->isHidden());
    QVERIFY(log.producerBox()->isHidden());
}

void TestEventLog::oneItemIsFollowedByNumberOrValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("index"); // the one item whose two lines pass; 0: every processed line

    // 1 producer × 20 items: item i made at i s, taken 0.25 s later, worth i².
    QTest::addRow("item 7, not 17") << QStringLiteral("item 7") << 7;
    QTest::addRow("value 49, the square of 7") << QStringLiteral("value 49") << 7;
    QTest::addRow("item 1, not 10 to 19") << QStringLiteral("item 1") << 1;
    QTest::addRow("value 4, not 400 (item 20)") << QStringLiteral("Value 4") << 2;
    QTest::addRow("the item and its value together") << QStringLiteral("item 12 (value 144)") << 12;
    QTest::addRow("a decimal still matches longer decimals: every wait is 0.25 s") << QStringLiteral("after 0.2") << 0;
}

void TestEventLog::oneItemIsFollowedByNumberOrValue()
{
    QFETCH(QString, text);
    QFETCH(int, index);
    Core::PipelineRun run;
    run.spec.mode = Mode::Sync;
    for (int i = 1; i <= 20; ++i)
        run.items.push_back(pipelineItem({0, i, double(i), i + 0.25, i + 0.5}));
    EventLogModel model;
    model.setRuns({run});
    EventLogFilter filter;
    filter.text = text;
    model.setFilter(filter);

    if (index == 0) {
        QCOMPARE(model.rowCount(), 20);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.eventAt(row).event.kind, Kind::Processed);
        return;
    }
    // Its generated line, then its processed line: one item followed through the log.
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.eventAt(0).event.kind, Kind::Generated);
    QCOMPARE(model.eventAt(1).event.kind, Kind::Processed);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(model.eventAt(row).event.index, index);
        QVERIFY2(linesOf(model).at(row).contains(QStringLiteral("item %1 (value %2)").arg(index).arg(index * index)),
                 qPrintable(linesOf(model).at(row)));
    }
}

QTEST_MAIN(TestEventLog)
#include "tst_eventlog.moc"
