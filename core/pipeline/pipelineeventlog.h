#pragma once

#include "pipeline/pipelinerun.h"

#include <QString>

#include <vector>

namespace LatencyLab::Core {

// One line of the producer/consumer example's console output, as data: a
// producer's "generated item 7" (printed in yellow) or a consumer's
// "processed value 49 after 0.42 s" (cyan), printed as it takes the item.
// The example's value is the item's number squared, so one item's two lines
// share no word; here both name the item, its value and its producer.
struct PipelineEvent
{
    enum class Kind : quint8 { Generated, Processed };

    Nanos time = 0; // produced (Generated) or taken (Processed)
    Kind kind = Kind::Generated;
    qint32 producer = 0; // 0-based
    qint32 index = 0;    // 1-based within its producer
    qint64 value = 0;
    Nanos latency = 0;   // Processed: taken − produced
    qint32 consumer = 0; // Processed: 0-based

    // "generated item 7 (value 49) by producer 2",
    // "processed item 7 (value 49) from producer 2 after 0.42 s".
    QString text() const;
};

PipelineEvent generatedEvent(const PipelineItem &item);
PipelineEvent processedEvent(const PipelineItem &item);

// Every item's two lines in time order (at one instant, generated lines
// first). A cancelled run lists only the items it finished.
std::vector<PipelineEvent> pipelineEventLog(const PipelineRun &run);

} // namespace LatencyLab::Core
