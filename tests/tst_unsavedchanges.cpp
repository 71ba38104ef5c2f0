// The decision before an edited scenario is replaced or the window closes,
// without any dialog: the prompt and the save are stand-ins that record
// whether they were called.

#include "window/unsavedchanges.h"

#include <QTest>

using namespace LatencyLab::Ui;

Q_DECLARE_METATYPE(LatencyLab::Ui::UnsavedChoice)

class TestUnsavedChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decision_data();
    void decision();
    void thePromptNamesTheScenario();
};

void TestUnsavedChanges::decision_data()
{
    QTest::addColumn<bool>("modified");
    QTest::addColumn<UnsavedChoice>("choice");
    QTest::addColumn<bool>("saveSucceeds");
    QTest::addColumn<bool>("expectAsked");
    QTest::addColumn<bool>("expectSaved");
    QTest::addColumn<bool>("expectProceed");

    QTest::addRow("an unmodified scenario goes without a question") << false << UnsavedChoice::Cancel << true << false << false << true;
    QTest::addRow("discarding goes on without saving") << true << UnsavedChoice::Discard << true << true << false << true;
    QTest::addRow("cancelling stays, without saving") << true << UnsavedChoice::Cancel << true << true << false << false;
    QTest::addRow("saving goes on once saved") << true << UnsavedChoice::Save << true << true << true << true;
    QTest::addRow("a save that fails or is cancelled stays") << true << UnsavedChoice::Save << false << true << true << false;
}

void TestUnsavedChanges::decision()
{
    QFETCH(bool, modified);
    QFETCH(UnsavedChoice, choice);
    QFETCH(bool, saveSucceeds);
    QFETCH(bool, expectAsked);
    QFETCH(bool, expectSaved);
    QFETCH(bool, expectProceed);

    bool asked = false;
    bool saved = false;
    const bool proceed = mayDiscardChanges(
        modified, QStringLiteral("Three requests"),
        [&](const QString &) {
            asked = true;
            return choice;
        },
        [&] {
            saved = true;
            return saveSucceeds;
        });
    QCOMPARE(asked, expectAsked);
    QCOMPARE(saved, expectSaved);
    QCOMPARE(proceed, expectProceed);
}

void TestUnsavedChanges::thePromptNamesTheScenario()
{
    QString named;
    mayDiscardChanges(
        true, QStringLiteral("Web load"),
        [&](const QString &name) {
            named = name;
            return UnsavedChoice::Cancel;
        },
        [] { return true; });
    QCOMPARE(named, QStringLiteral("Web load"));
}

QTEST_GUILESS_MAIN(TestUnsavedChanges)
#include "tst_unsavedchanges.moc"
