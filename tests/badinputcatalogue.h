#pragma once

// The bad-input catalogue shared by tst_badinput (the real binary) and
// tst_badinputwindow (the window): the files in tests/badinput/ with the text
// each message must contain (manifest.tsv), the command lines of
// arguments.tsv, and the cases too large or too odd to keep as files, made in
// a temporary folder.

#include <QDir>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstring>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace LatencyLab::Tests {

struct BadInputCase
{
    QString name;
    QString path;     // the file given to latencylab
    QString expected; // text the one-line message must contain
};

inline QString badInputFolder()
{
    return QStringLiteral(LATENCYLAB_BADINPUT_DIR);
}

// Tab-separated rows of a manifest; lines starting with # are comments.
inline QList<QStringList> readManifest(const QString &name)
{
    QFile file(QDir(badInputFolder()).filePath(name));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read the manifest %s", qPrintable(file.fileName()));
    QList<QStringList> rows;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList columns = line.split(QLatin1Char('\t'));
        if (columns.size() != 2)
            qFatal("%s: expected two tab-separated columns: %s", qPrintable(name), qPrintable(line));
        rows << columns;
    }
    return rows;
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline QByteArray validPrefix()
{
    return R"({"format": "latencylab-scenario", "version": 1, "name": "Bad", "server": {"model": "sync"}, )";
}

// One request of `count` steps, each `step`.
inline QByteArray requestOfSteps(int count, const char *step)
{
    QByteArray steps;
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            steps += ", ";
        steps += step;
    }
    return validPrefix() + R"("requests": [{"steps": [)" + steps + "]}]}";
}

// Every case: the catalogue's files, then those made in `scratch`.
// Binds a Unix socket at `path` and closes it: the file stays, and opening it
// fails (ENXIO) whoever asks.
inline bool leaveUnixSocketAt(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (native.size() >= qsizetype(sizeof address.sun_path))
        return false;
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    const bool bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return bound;
}

inline QList<BadInputCase> badInputCases(const QString &scratch)
{
    QList<BadInputCase> cases;
    for (const QStringList &row : readManifest(QStringLiteral("manifest.tsv")))
        cases.append({row[0], QDir(badInputFolder()).filePath(row[0]), row[1]});

    const QDir dir(scratch);
    // 100,000 nested arrays: QJsonDocument stops at 1,024 levels, so no stack overflows.
    const qsizetype depth = 100'000;
    QByteArray nested = validPrefix() + R"("requests": )" + QByteArray(depth, '[') + QByteArray(depth, ']') + '}';
    writeFile(dir.filePath(QStringLiteral("deep-nesting.json")), nested);
    cases.append({QStringLiteral("deep-nesting.json (100,000 arrays)"), dir.filePath(QStringLiteral("deep-nesting.json")),
                  QStringLiteral("too deeply nested")});

    // 100 MB, refused by its size before a byte is read (sparse: the test writes nothing).
    const QString huge = dir.filePath(QStringLiteral("hundred-megabytes.json"));
    {
        QFile file(huge);
        if (!file.open(QIODevice::WriteOnly) || file.write(validPrefix()) < 0 || !file.resize(100 * 1024 * 1024))
            qFatal("cannot make %s", qPrintable(huge));
    }
    cases.append({QStringLiteral("hundred-megabytes.json"), huge, QStringLiteral("larger than 64 MB")});

    // A device that never ends: no size to check up front, so reading stops at the limit.
    cases.append({QStringLiteral("/dev/zero"), QStringLiteral("/dev/zero"), QStringLiteral("larger than 64 MB")});

    writeFile(dir.filePath(QStringLiteral("too-many-steps.json")), requestOfSteps(10'001, R"({"io": 0.001})"));
    cases.append({QStringLiteral("too-many-steps.json (10,001 steps)"), dir.filePath(QStringLiteral("too-many-steps.json")),
                  QStringLiteral("requests[0] (\"Request 1\").steps: expected an array of 1 to 10000 steps, got an array of 10001")});
    // Each step within the limits, their sum (10¹⁹ ns) beyond 64 bits: refused as too much work, not added up wrapped.
    writeFile(dir.filePath(QStringLiteral("steps-beyond-64-bit-nanoseconds.json")), requestOfSteps(10'000, R"({"io": 1e6})"));
    cases.append({QStringLiteral("steps-beyond-64-bit-nanoseconds.json (10,000 steps of 10⁶ s)"),
                  dir.filePath(QStringLiteral("steps-beyond-64-bit-nanoseconds.json")),
                  QStringLiteral("requests: the scenario would span about 10000000000 s of virtual time")});

    dir.mkpath(QStringLiteral("a-folder.json"));
    cases.append({QStringLiteral("a folder"), dir.filePath(QStringLiteral("a-folder.json")), QStringLiteral("is a folder")});
    cases.append({QStringLiteral("a missing file"), dir.filePath(QStringLiteral("missing.json")), QStringLiteral("no such file")});

    // A socket no one listens on: nobody can open it, root included.
    const QString socket = dir.filePath(QStringLiteral("a-socket.json"));
    if (leaveUnixSocketAt(socket))
        cases.append({QStringLiteral("a socket"), socket, QStringLiteral("cannot open the file")});

    // Permissions do not bind root, who reads anything.
    if (geteuid() != 0) {
        const QString unreadable = dir.filePath(QStringLiteral("unreadable.json"));
        writeFile(unreadable, validPrefix() + "}");
        QFile::setPermissions(unreadable, QFileDevice::WriteOwner);
        cases.append({QStringLiteral("an unreadable file"), unreadable, QStringLiteral("cannot open the file")});
    }
    return cases;
}

// `arguments.tsv`: the words of each command line, with OUT replaced by a path in `scratch`.
struct BadArgumentsCase
{
    QStringList arguments;
    QString expected;
};

inline QList<BadArgumentsCase> badArgumentsCases(const QString &scratch)
{
    QList<BadArgumentsCase> cases;
    for (const QStringList &row : readManifest(QStringLiteral("arguments.tsv"))) {
        QStringList words = row[0].split(QLatin1Char(' '), Qt::SkipEmptyParts);
        words.replaceInStrings(QStringLiteral("OUT"), QDir(scratch).filePath(QStringLiteral("chart")));
        cases.append({words, row[1]});
    }
    return cases;
}

// `traces.tsv`: malformed trace files and HARs, given to `latencylab import`.
inline QList<BadInputCase> badTraceCases()
{
    QList<BadInputCase> cases;
    for (const QStringList &row : readManifest(QStringLiteral("traces.tsv")))
        cases.append({row[0], QDir(badInputFolder()).filePath(row[0]), row[1]});
    return cases;
}

} // namespace LatencyLab::Tests
