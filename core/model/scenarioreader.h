#pragma once

#include "base/result.h"
#include "model/jsonreader.h"
#include "model/scenario.h"
#include "model/scenariovaluereader.h"

#include <QJsonObject>

namespace LatencyLab::Core {

// Reads a scenario object, checking every field against the format and the
// limits, then the rules across fields (validateScenario).
class ScenarioReader
{
public:
    ScenarioReader();

    Result<Scenario> read(const QJsonObject &object);

    // What the window calls item `index` of a scenario's list, named beside
    // its index in messages (a JsonItemLabeller): a request by its name, or
    // "Request 2" when it has none; a compared server by its model.
    static QString itemLabel(const JsonPath &list, qsizetype index, const QJsonValue &item);

private:
    using Zero = ScenarioValueReader::Zero;

    void readHeader(const JsonField &root);
    ServerSpec readServer(const JsonField &field);
    QList<ServerSpec> readCompare(const JsonField &field);
    ClientModel readClient(const JsonField &field);
    void readWork(const JsonField &root, Scenario &scenario);
    QList<RequestSpec> readRequests(const JsonField &field, const ClientModel &client);
    RequestSpec readRequest(const JsonField &field, qsizetype index, const ClientModel &client);
    Step readStep(const JsonField &field);
    GeneratorSpec readGenerator(const JsonField &field, const ClientModel &client);
    ArrivalProcess readArrival(const JsonField &field);
    StepSpec readStepSpec(const JsonField &field);
    void checkTotal(const JsonField &field, qint64 total, qint64 max, QStringView noun);

    ScenarioValueReader m_values;
    JsonReader &m_json;
};

} // namespace LatencyLab::Core
