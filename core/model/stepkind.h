#pragma once

#include <QStringView>
#include <QtGlobal>

namespace LatencyLab::Core {

enum class StepKind : quint8 {
    Cpu, // needs a processor and, where the model has one, the loop or the GIL
    Io,  // waits on a database, web service or file: needs nothing
};

// As scenario files spell them: "cpu" and "io".
inline QStringView stepKindName(StepKind kind)
{
    return kind == StepKind::Cpu ? u"cpu" : u"io";
}

inline StepKind stepKindNamed(QStringView name)
{
    return name == u"cpu" ? StepKind::Cpu : StepKind::Io;
}

} // namespace LatencyLab::Core
