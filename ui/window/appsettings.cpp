#include "window/appsettings.h"

#include <QSettings>

namespace LatencyLab::Ui {

namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLastPreset = QStringLiteral("session/preset");
const QString kLastFile = QStringLiteral("session/file");
const QString kServerGroup = QStringLiteral("session/server");
const QString kTheme = QStringLiteral("appearance/theme");
const QString kRowOrder = QStringLiteral("appearance/rowOrder");
const QString kExportWidth = QStringLiteral("export/width");
const QString kExportHeight = QStringLiteral("export/height");
const QString kExportScale = QStringLiteral("export/scale");
const QString kRecentFiles = QStringLiteral("files/recent");
const QString kScenarioFolder = QStringLiteral("files/scenarioFolder");
const QString kExportFolder = QStringLiteral("files/exportFolder");

const QString &folderKey(FolderUse use)
{
    return use == FolderUse::Scenarios ? kScenarioFolder : kExportFolder;
}

template<typename T>
std::optional<T> optionalValue(const QSettings &settings, const QString &key)
{
    if (!settings.contains(key))
        return std::nullopt;
    return settings.value(key).value<T>();
}

template<typename T>
void setOptionalValue(QSettings &settings, const QString &key, const std::optional<T> &value)
{
    if (value)
        settings.setValue(key, *value);
    else
        settings.remove(key);
}

} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{
}

AppSettings::AppSettings(std::unique_ptr<QSettings> settings)
    : m_settings(std::move(settings))
{
    Q_ASSERT(m_settings);
}

AppSettings::~AppSettings() = default;

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(kState).toByteArray();
}

void AppSettings::setWindow(const QByteArray &geometry, const QByteArray &state)
{
    m_settings->setValue(kGeometry, geometry);
    m_settings->setValue(kState, state);
}

std::optional<LastScenario> AppSettings::lastScenario() const
{
    LastScenario last;
    last.preset = m_settings->value(kLastPreset).toString();
    last.filePath = m_settings->value(kLastFile).toString();
    if (last.preset.isEmpty() == last.filePath.isEmpty())
        return std::nullopt; // nothing saved, or a file edited by hand into nonsense
    m_settings->beginGroup(kServerGroup);
    if (m_settings->contains(QStringLiteral("model"))) {
        Core::ServerSpec server;
        server.model = m_settings->value(QStringLiteral("model")).toString();
        server.workers = optionalValue<int>(*m_settings, QStringLiteral("workers"));
        server.threads = optionalValue<int>(*m_settings, QStringLiteral("threads"));
        server.gil = optionalValue<bool>(*m_settings, QStringLiteral("gil"));
        server.cores = optionalValue<int>(*m_settings, QStringLiteral("cores"));
        server.switchInterval = optionalValue<qint64>(*m_settings, QStringLiteral("switchIntervalNanos"));
        server.slices = optionalValue<bool>(*m_settings, QStringLiteral("slices"));
        last.server = server;
    }
    m_settings->endGroup();
    return last;
}

void AppSettings::setLastScenario(const LastScenario &last)
{
    m_settings->setValue(kLastPreset, last.preset);
    m_settings->setValue(kLastFile, last.filePath);
    m_settings->remove(kServerGroup);
    if (!last.server)
        return;
    m_settings->beginGroup(kServerGroup);
    m_settings->setValue(QStringLiteral("model"), last.server->model);
    setOptionalValue(*m_settings, QStringLiteral("workers"), last.server->workers);
    setOptionalValue(*m_settings, QStringLiteral("threads"), last.server->threads);
    setOptionalValue(*m_settings, QStringLiteral("gil"), last.server->gil);
    setOptionalValue(*m_settings, QStringLiteral("cores"), last.server->cores);
    setOptionalValue(*m_settings, QStringLiteral("switchIntervalNanos"), last.server->switchInterval);
    setOptionalValue(*m_settings, QStringLiteral("slices"), last.server->slices);
    m_settings->endGroup();
}

QString AppSettings::theme() const
{
    return m_settings->value(kTheme, QStringLiteral("system")).toString();
}

void AppSettings::setTheme(const QString &theme)
{
    m_settings->setValue(kTheme, theme);
}

RowOrder AppSettings::rowOrder() const
{
    return rowOrderFromKey(m_settings->value(kRowOrder).toString()).value_or(RowOrder::Arrival);
}

void AppSettings::setRowOrder(RowOrder order)
{
    m_settings->setValue(kRowOrder, rowOrderKey(order));
}

ExportSettings AppSettings::exportSettings() const
{
    const ExportSettings defaults;
    ExportSettings settings;
    settings.size = QSize(m_settings->value(kExportWidth, defaults.size.width()).toInt(),
                          m_settings->value(kExportHeight, defaults.size.height()).toInt());
    settings.scale = m_settings->value(kExportScale, defaults.scale).toDouble();
    return settings;
}

void AppSettings::setExportSettings(const ExportSettings &settings)
{
    m_settings->setValue(kExportWidth, settings.size.width());
    m_settings->setValue(kExportHeight, settings.size.height());
    m_settings->setValue(kExportScale, settings.scale);
}

QStringList AppSettings::recentFiles() const
{
    return m_settings->value(kRecentFiles).toStringList();
}

void AppSettings::setRecentFiles(const QStringList &paths)
{
    m_settings->setValue(kRecentFiles, paths);
}

QString AppSettings::lastFolder(FolderUse use) const
{
    return m_settings->value(folderKey(use)).toString();
}

void AppSettings::setLastFolder(FolderUse use, const QString &folder)
{
    m_settings->setValue(folderKey(use), folder);
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace LatencyLab::Ui
