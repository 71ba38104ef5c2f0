#pragma once

#include <QtGlobal>

namespace LatencyLab::Core {

enum class StepKind : quint8 {
    Cpu, // needs a processor and, where the model has one, the loop or the GIL
    Io,  // waits on a database, web service or file: needs nothing
};

} // namespace LatencyLab::Core
