#include "cli/recordcommand.h"

#include "cli/headless.h"
#include "model/timelinecsv.h"
#include "net/httprecorder.h"
#include "net/recordinghar.h"

#include <QJsonDocument>

namespace LatencyLab::Core {

RecordOptions recordOptionsFrom(const AppOptions &options)
{
    RecordOptions record;
    record.url = QUrl(options.url);
    record.mode = options.recordSync ? RecordMode::Sync : RecordMode::Concurrent;
    record.connections = options.connections.value_or(record.connections);
    record.duration = options.duration.value_or(record.duration);
    record.requestCount = options.requestCount.value_or(0);
    record.timeout = options.timeout.value_or(record.timeout);
    return record;
}

int runRecordCommand(const AppOptions &options, QTextStream &out, QTextStream &err)
{
    const Result<Recording> recording = recordAndWait(recordOptionsFrom(options));
    if (!recording)
        return reportBadInput(err, recording.error());
    if (!options.timelineCsvPath.isEmpty()) {
        if (const Status written = writeTimelineCsv(recording->run.timeline, options.timelineCsvPath); !written)
            return reportBadInput(err, written.error());
    }
    if (!options.harPath.isEmpty()) {
        if (const Status written = writeRecordingsHar({&*recording, 1}, options.harPath); !written)
            return reportBadInput(err, written.error());
    }
    if (options.json)
        out << QString::fromUtf8(QJsonDocument(recordingToJson(*recording, options.perRequest)).toJson(QJsonDocument::Indented));
    else
        out << recordingToText(*recording, options.perRequest);
    out.flush();
    return kExitSuccess;
}

} // namespace LatencyLab::Core
