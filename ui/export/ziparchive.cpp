#include "export/ziparchive.h"

#include <zip.h>

#include <memory>

namespace LatencyLab::Ui {

namespace {

struct SourceFree
{
    void operator()(zip_source_t *source) const { zip_source_free(source); }
};
using Source = std::unique_ptr<zip_source_t, SourceFree>;

// An archive still open is discarded, which writes nothing.
struct ArchiveDiscard
{
    void operator()(zip_t *archive) const { zip_discard(archive); }
};
using Archive = std::unique_ptr<zip_t, ArchiveDiscard>;

Core::Error zipError(const QString &doing, zip_error_t *error)
{
    return Core::Error{QStringLiteral("could not %1: %2").arg(doing, QString::fromUtf8(zip_error_strerror(error)))};
}

// The bytes libzip wrote into the in-memory source once the archive closed.
Core::Result<QByteArray> readSource(zip_source_t *source)
{
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_stat(source, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        return zipError(QStringLiteral("measure the archive"), zip_source_error(source));
    if (zip_source_open(source) != 0)
        return zipError(QStringLiteral("read the archive back"), zip_source_error(source));
    QByteArray bytes(qsizetype(stat.size), Qt::Uninitialized);
    const zip_int64_t read = zip_source_read(source, bytes.data(), stat.size);
    zip_source_close(source);
    if (read != zip_int64_t(stat.size))
        return zipError(QStringLiteral("read the archive back"), zip_source_error(source));
    return bytes;
}

} // namespace

Core::Result<QByteArray> zipArchive(const QList<ZipEntry> &entries, const Core::WorkControl &control)
{
    zip_error_t error;
    zip_error_init(&error);
    const Source buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer)
        return zipError(QStringLiteral("start the archive"), &error);
    // The archive frees its source when it closes; the buffer must outlive that to be read.
    zip_source_keep(buffer.get());
    Archive archive(zip_open_from_source(buffer.get(), ZIP_CREATE | ZIP_TRUNCATE, &error));
    if (!archive) {
        zip_source_free(buffer.get()); // the reference kept for the archive
        return zipError(QStringLiteral("start the archive"), &error);
    }
    for (const ZipEntry &entry : entries) {
        if (control.isCancelled())
            return Core::Error{QStringLiteral("the export was cancelled")};
        // The entry's bytes stay alive (in `entries`) until the archive closes.
        zip_source_t *file = zip_source_buffer(archive.get(), entry.bytes.constData(), zip_uint64_t(entry.bytes.size()), 0);
        if (!file)
            return zipError(QStringLiteral("add %1").arg(entry.name), zip_get_error(archive.get()));
        if (zip_file_add(archive.get(), entry.name.toUtf8().constData(), file, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(file);
            return zipError(QStringLiteral("add %1").arg(entry.name), zip_get_error(archive.get()));
        }
    }
    if (zip_close(archive.get()) != 0)
        return zipError(QStringLiteral("write the archive"), zip_get_error(archive.get()));
    archive.release(); // closed: nothing left to discard
    return readSource(buffer.get());
}

} // namespace LatencyLab::Ui
