// Check descriptions for Core::Result values.

#pragma once

#include "base/result.h"

#include <QByteArray>

namespace LatencyLab::Tests {

// A failed result's message, for a check's description (empty on success:
// QVERIFY2 evaluates its description either way).
template<typename T>
QByteArray failureOf(const Core::Result<T> &result)
{
    return result ? QByteArray() : result.error().toUtf8();
}

} // namespace LatencyLab::Tests
