#pragma once

// A request's spans as compact text, so hand-derived timelines read as one line:
// "Q[0.05,1]@1 C[1,1.05] I[1.05,2.15] C[2.15,2.2]" — state, [start,end] in
// seconds, @N for the request (1-based) blamed for a wait, and ×S for the
// share of a core a time-shared cpu span ran at ("C[0,2]×0.5").

#include "model/timeline.h"

#include <QStringList>

namespace LatencyLab::Tests {

inline QString spansText(const Core::Timeline &timeline, Core::RequestIndex request)
{
    using namespace Core;
    QStringList parts;
    for (int k = 0; k < timeline.requestSpanCount(request); ++k) {
        const Span span = timeline.span(request, k);
        static const char letters[] = {'Q', 'C', 'I', 'R'};
        QString part = QStringLiteral("%1[%2,%3]")
                           .arg(QLatin1Char(letters[int(span.state)]))
                           .arg(toSeconds(span.start), 0, 'g', 9)
                           .arg(toSeconds(span.end), 0, 'g', 9);
        if (span.blame != kNoRequest)
            part += QStringLiteral("@%1").arg(span.blame + 1);
        if (span.isTimeShared())
            part += QStringLiteral("×%1").arg(span.share(), 0, 'g', 6);
        parts << part;
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace LatencyLab::Tests
