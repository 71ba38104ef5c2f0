// The bad-input catalogue through the window: opening each malformed or
// hostile file reports the same one-line message as the command line through
// the window's error reporter, and the scenario on screen stays, unedited.

#include "badinputcatalogue.h"

#include "controls/scenarioeditor.h"
#include "window/mainwindow.h"

#include "model/presets.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;

class TestBadInputWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void openingABadFileReportsItAndKeepsTheScenario_data();
    void openingABadFileReportsItAndKeepsTheScenario();

private:
    QTemporaryDir m_scratch;
    std::unique_ptr<Ui::MainWindow> m_window;
    QList<QPair<QString, QString>> m_reported; // title, message
};

void TestBadInputWindow::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    m_window = std::make_unique<Ui::MainWindow>();
    m_window->setErrorReporter([this](const QString &title, const QString &message) { m_reported.append({title, message}); });
    const Core::Result<Core::Scenario> web = Core::Presets::load(QStringLiteral("web-load"));
    QVERIFY(web);
    m_window->showPreset(QStringLiteral("web-load"), *web);
}

void TestBadInputWindow::cleanupTestCase()
{
    m_window.reset();
}

void TestBadInputWindow::openingABadFileReportsItAndKeepsTheScenario_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    for (const BadInputCase &badCase : badInputCases(m_scratch.path()))
        QTest::addRow("%s", qPrintable(badCase.name)) << badCase.path << badCase.expected;
}

void TestBadInputWindow::openingABadFileReportsItAndKeepsTheScenario()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const Core::Scenario before = m_window->editor()->scenario();
    const QString title = m_window->windowTitle();
    m_reported.clear();

    QVERIFY(!m_window->openFile(path));

    QCOMPARE(m_reported.size(), 1);
    const QString message = m_reported.first().second;
    QVERIFY2(message.contains(expected), qPrintable(QStringLiteral("expected \"%1\" in: %2").arg(expected, message)));
    // What the command line prints after "latencylab: ": the file, then the problem, on one line.
    QVERIFY2(message.startsWith(path + QStringLiteral(": ")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    QVERIFY(!m_reported.first().first.isEmpty());

    QVERIFY(m_window->editor()->scenario() == before);
    QVERIFY(!m_window->editor()->isModified());
    QCOMPARE(m_window->windowTitle(), title);
}

QTEST_MAIN(TestBadInputWindow)
#include "tst_badinputwindow.moc"
