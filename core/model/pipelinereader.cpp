#include "model/pipelinereader.h"

#include <limits>

namespace LatencyLab::Core {

namespace {

// The fields each object may have; anything else is an error.
constexpr QStringView kPipelineFields[] = {u"mode", u"producers", u"items", u"delay", u"consumers", u"processing",
                                           u"processing_kind", u"max_queue", u"seed", u"modes"};
constexpr QStringView kPipelineModeFields[] = {u"producers", u"items", u"delay", u"consumers", u"processing",
                                               u"processing_kind", u"max_queue"};
constexpr QStringView kPipelineModes[] = {u"sync", u"async"};
// A pipeline is the whole model: none of these go with it.
constexpr QStringView kNotWithPipeline[] = {u"server", u"compare", u"client", u"requests", u"generate"};

} // namespace

PipelineReader::PipelineReader(ScenarioValueReader &values)
    : m_values(values)
    , m_json(values.json())
{
}

void PipelineReader::readScenario(const JsonField &root, Scenario &scenario)
{
    for (const QStringView key : kNotWithPipeline) {
        if (const JsonField unused = root.member(key); unused.isPresent())
            m_json.raiseError(unused.path, QStringLiteral("not used with a pipeline (its producers, consumers and queue "
                                                          "are the whole model; choose sync or async with pipeline.mode)"));
    }
    scenario.pipeline = readPipeline(root.member(u"pipeline"));
}

// The pipeline's own values, then per-mode overrides of them:
// "modes": {"sync": {"producers": 1}} — see docs/model.md.
PipelineSpec PipelineReader::readPipeline(const JsonField &field)
{
    PipelineSpec spec;
    if (!m_json.checkObject(field, kPipelineFields))
        return spec;
    if (const JsonField mode = field.member(u"mode"); mode.isPresent()) {
        constexpr QStringView modes = u"\"sync\" or \"async\"";
        if (const std::optional<PipelineSpec::Mode> named = pipelineModeNamed(m_json.string(mode, modes)))
            spec.mode = *named;
        else if (!m_json.hasError())
            m_json.raiseExpected(mode, modes);
    }
    spec.applyOverrides(readValues(field));
    if (const JsonField seed = field.member(u"seed"); seed.isPresent())
        spec.seed = quint64(m_json.integer(seed, 0, std::numeric_limits<qint64>::max()));
    if (const JsonField modes = field.member(u"modes"); modes.isPresent() && m_json.checkObject(modes, kPipelineModes)) {
        for (const QStringView name : kPipelineModes) {
            const JsonField values = modes.member(name);
            if (values.isPresent() && m_json.checkObject(values, kPipelineModeFields))
                spec.overridesFor(*pipelineModeNamed(name)) = readValues(values);
        }
    }
    return spec;
}

PipelineOverrides PipelineReader::readValues(const JsonField &field)
{
    PipelineOverrides values;
    values.producers = m_values.optionalInteger(field.member(u"producers"), 1, PipelineLimits::kMaxProducers);
    values.itemsPerProducer = m_values.optionalInteger(field.member(u"items"), 1, int(PipelineLimits::kMaxItems));
    if (const JsonField delay = field.member(u"delay"); delay.isPresent())
        values.delay = m_values.distribution(delay);
    values.consumers = m_values.optionalInteger(field.member(u"consumers"), 1, PipelineLimits::kMaxConsumers);
    if (const JsonField processing = field.member(u"processing"); processing.isPresent())
        values.processing = m_values.distribution(processing);
    if (const JsonField kind = field.member(u"processing_kind"); kind.isPresent()) {
        constexpr QStringView kinds = u"\"io\" (a wait that holds nothing, like a sleep) or \"cpu\" (work that holds the loop)";
        const QString name = m_json.string(kind, kinds);
        if (name == u"io" || name == u"cpu")
            values.processingKind = stepKindNamed(name);
        else if (!m_json.hasError())
            m_json.raiseExpected(kind, kinds);
    }
    if (const JsonField maxQueue = field.member(u"max_queue"); maxQueue.isPresent())
        values.maxQueue = m_json.integer(maxQueue, 0, PipelineLimits::kMaxItems);
    return values;
}

} // namespace LatencyLab::Core
