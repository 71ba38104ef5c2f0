#pragma once

#include "charts/roworder.h"
#include "model/servermodel.h"

#include <QByteArray>
#include <QSize>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

namespace LatencyLab::Ui {

// What the window shows next time: a preset by name or a scenario file, with
// the server model the user chose for it.
struct LastScenario
{
    QString preset;   // set for a preset
    QString filePath; // set for a file
    std::optional<Core::ServerSpec> server;

    friend bool operator==(const LastScenario &, const LastScenario &) = default;
};

struct ExportSettings
{
    QSize size{1600, 900};
    double scale = 2.0; // crisp on HiDPI screens and when zoomed into

    friend bool operator==(const ExportSettings &, const ExportSettings &) = default;
};

// What a file dialog is for: each starts in the folder last used for the same purpose.
enum class FolderUse {
    Scenarios, // Open, Save As
    Exports,   // Export Chart
};

// The application's persistent settings, typed: one place knows the keys.
// By default the platform's user settings for the organisation and
// application names set in main(); tests pass a QSettings of their own.
class AppSettings
{
public:
    AppSettings();
    explicit AppSettings(std::unique_ptr<QSettings> settings);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindow(const QByteArray &geometry, const QByteArray &state);

    std::optional<LastScenario> lastScenario() const;
    void setLastScenario(const LastScenario &last);

    // "system", "light" or "dark".
    QString theme() const;
    void setTheme(const QString &theme);

    // How the Gantt and Compare tabs order their rows; arrival when unset or unknown.
    RowOrder rowOrder() const;
    void setRowOrder(RowOrder order);

    ExportSettings exportSettings() const;
    void setExportSettings(const ExportSettings &settings);

    QStringList recentFiles() const;
    void setRecentFiles(const QStringList &paths);

    // The folder last used for `use`; empty if none was.
    QString lastFolder(FolderUse use) const;
    void setLastFolder(FolderUse use, const QString &folder);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace LatencyLab::Ui
