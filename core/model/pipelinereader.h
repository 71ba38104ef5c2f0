#pragma once

#include "model/jsonreader.h"
#include "model/pipelinespec.h"
#include "model/scenario.h"
#include "model/scenariovaluereader.h"

namespace LatencyLab::Core {

// Reads the "pipeline" object of a scenario file — a producer/consumer
// pipeline, the whole model of its scenario — with the scenario reader's
// values, and so its first error.
class PipelineReader
{
public:
    explicit PipelineReader(ScenarioValueReader &values);

    // Refuses the server, client and requests beside the pipeline: it is the whole model.
    void readScenario(const JsonField &root, Scenario &scenario);

private:
    PipelineSpec readPipeline(const JsonField &field);
    PipelineOverrides readValues(const JsonField &field);

    ScenarioValueReader &m_values;
    JsonReader &m_json;
};

} // namespace LatencyLab::Core
