#pragma once

#include <QStringList>

namespace LatencyLab::Ui {

// The most recently opened or saved scenario files, newest first, each once,
// at most kMax. Paths are kept absolute and clean, so one file reached two
// ways is one entry.
class RecentFiles
{
public:
    static constexpr int kMax = 8;

    RecentFiles() = default;
    explicit RecentFiles(const QStringList &paths);

    const QStringList &paths() const { return m_paths; }
    bool isEmpty() const { return m_paths.isEmpty(); }

    void add(const QString &path);
    void remove(const QString &path);
    void clear() { m_paths.clear(); }

private:
    QStringList m_paths;
};

} // namespace LatencyLab::Ui
