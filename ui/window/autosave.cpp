#include "window/autosave.h"

#include "model/scenariojson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>

#include <algorithm>

namespace LatencyLab::Ui {

namespace {

const QLatin1String kMarkerPrefix("session-");
const QLatin1String kMarkerSuffix(".json");
const QLatin1String kScenarioSuffix(".latency.json");

QString markerFor(const QString &folder, qint64 pid)
{
    return QDir(folder).filePath(kMarkerPrefix + QString::number(pid) + kMarkerSuffix);
}

QString scenarioFor(const QString &folder, qint64 pid)
{
    return QDir(folder).filePath(kMarkerPrefix + QString::number(pid) + kScenarioSuffix);
}

Core::Status writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Core::Status::failure(QStringLiteral("%1: cannot write the autosave: %2")
                                         .arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        file.cancelWriting();
        return Core::Status::failure(QStringLiteral("%1: cannot write the autosave: the disk is full or the file too large")
                                         .arg(QDir::toNativeSeparators(path)));
    }
    return Core::success();
}

} // namespace

LeftoverAction leftoverAction(bool ownerRunning, bool hasReadableScenario)
{
    if (ownerRunning)
        return LeftoverAction::Keep;
    return hasReadableScenario ? LeftoverAction::Offer : LeftoverAction::Remove;
}

bool askToRestore(QWidget *parent, const QString &name, const QDateTime &savedAt)
{
    QMessageBox box(QMessageBox::Question, QCoreApplication::translate("Autosave", "Restore Unsaved Edits"),
                    QCoreApplication::translate("Autosave", "LatencyLab did not close properly last time. The scenario \"%1\" "
                                                            "had edits that were not saved.")
                        .arg(name),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(QCoreApplication::translate("Autosave", "They were autosaved at %1. Restore them?")
                               .arg(QLocale().toString(savedAt.toLocalTime(), QLocale::ShortFormat)));
    QPushButton *restore = box.addButton(QCoreApplication::translate("Autosave", "Restore"), QMessageBox::AcceptRole);
    box.addButton(QCoreApplication::translate("Autosave", "Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.setWindowModality(Qt::WindowModal);
    box.exec();
    return box.clickedButton() == restore;
}

Autosave::Autosave(const QString &folder, qint64 pid, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
    , m_pid(pid >= 0 ? pid : QCoreApplication::applicationPid())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (const Core::Status written = flush(); !written)
            Q_EMIT failed(written.error());
    });
    // Without a marker a crash would leave nothing to find; a folder that
    // cannot be written only costs the safety net, so the window goes on.
    QDir().mkpath(m_folder);
    writeMarker({});
}

Autosave::~Autosave()
{
    QFile::remove(scenarioPath());
    QFile::remove(markerPath());
}

QString Autosave::defaultFolder()
{
    return QDir(QFileInfo(QSettings().fileName()).absolutePath()).filePath(QStringLiteral("autosave"));
}

QString Autosave::markerPath() const
{
    return markerFor(m_folder, m_pid);
}

QString Autosave::scenarioPath() const
{
    return scenarioFor(m_folder, m_pid);
}

void Autosave::scheduleSave(const Core::Scenario &scenario, const AutosaveOrigin &origin)
{
    m_pending = scenario;
    m_origin = origin;
    m_savePending = true;
    m_timer.start(); // restarted by every edit: one write once the edits pause
}

Core::Status Autosave::flush()
{
    if (!m_savePending)
        return Core::success();
    m_timer.stop();
    m_savePending = false;
    if (const Core::Status saved = Core::ScenarioJson::save(m_pending, scenarioPath()); !saved)
        return saved;
    m_hasScenario = true;
    return writeMarker(QDateTime::currentDateTimeUtc());
}

void Autosave::clear()
{
    m_timer.stop();
    m_savePending = false;
    if (!m_hasScenario)
        return;
    m_hasScenario = false;
    QFile::remove(scenarioPath());
    writeMarker({});
}

Core::Status Autosave::writeMarker(const QDateTime &savedAt)
{
    QJsonObject marker{{QStringLiteral("pid"), m_pid}};
    if (savedAt.isValid()) {
        marker.insert(QStringLiteral("saved"), savedAt.toString(Qt::ISODateWithMs));
        marker.insert(QStringLiteral("preset"), m_origin.preset);
        marker.insert(QStringLiteral("file"), m_origin.filePath);
    }
    return writeAtomically(markerPath(), QJsonDocument(marker).toJson(QJsonDocument::Compact));
}

bool Autosave::isRunning(qint64 pid)
{
    // Alive, and this program: a process id may be reused by another one.
    const QFileInfo executable(QStringLiteral("/proc/%1/exe").arg(pid));
    return executable.exists()
        && executable.canonicalFilePath() == QFileInfo(QCoreApplication::applicationFilePath()).canonicalFilePath();
}

QList<AutosaveLeftover> Autosave::leftoversToOffer() const
{
    static const QRegularExpression markerName(QStringLiteral("^session-(\\d+)\\.json$"));
    QList<AutosaveLeftover> offered;
    const QStringList names = QDir(m_folder).entryList({kMarkerPrefix + QLatin1Char('*') + kMarkerSuffix}, QDir::Files);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = markerName.match(name);
        if (!match.hasMatch())
            continue; // session-N.latency.json: read beside its marker
        AutosaveLeftover leftover;
        leftover.pid = match.captured(1).toLongLong();
        if (leftover.pid == m_pid)
            continue;
        leftover.markerPath = markerFor(m_folder, leftover.pid);
        QFile file(leftover.markerPath);
        // A marker is a few hundred bytes; anything else was not written here.
        const QJsonObject marker = file.open(QIODevice::ReadOnly) && file.size() < 64 * 1024
            ? QJsonDocument::fromJson(file.readAll()).object()
            : QJsonObject();
        leftover.savedAt = QDateTime::fromString(marker.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs);
        leftover.origin = {marker.value(QStringLiteral("preset")).toString(), marker.value(QStringLiteral("file")).toString()};
        const QString scenario = scenarioFor(m_folder, leftover.pid);
        if (leftover.savedAt.isValid() && QFileInfo(scenario).isFile())
            leftover.scenarioPath = scenario;
        const bool readable = !leftover.scenarioPath.isEmpty() && loadLeftover(leftover).ok();
        switch (leftoverAction(isRunning(leftover.pid), readable)) {
        case LeftoverAction::Keep:
            break;
        case LeftoverAction::Remove:
            removeLeftover(leftover);
            break;
        case LeftoverAction::Offer:
            offered << leftover;
            break;
        }
    }
    std::sort(offered.begin(), offered.end(),
              [](const AutosaveLeftover &a, const AutosaveLeftover &b) { return a.savedAt > b.savedAt; });
    return offered;
}

Core::Result<Core::Scenario> Autosave::loadLeftover(const AutosaveLeftover &leftover)
{
    return Core::ScenarioJson::load(leftover.scenarioPath);
}

void Autosave::removeLeftover(const AutosaveLeftover &leftover)
{
    QFile::remove(scenarioFor(QFileInfo(leftover.markerPath).path(), leftover.pid));
    QFile::remove(leftover.markerPath);
}

} // namespace LatencyLab::Ui
