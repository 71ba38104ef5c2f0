#pragma once

#include "base/result.h"
#include "base/threadhandover.h"

#include <QObject>
#include <QString>

#include <functional>
#include <mutex>
#include <vector>

namespace LatencyLab::Core {

// What the threads of a blocking run (BlockingEnvironment,
// PipelineBlockingEnvironment) write for the thread that created it, delivered
// there in the order written: one queued call carries everything written
// until it runs. Created on that thread.
template<typename Record>
class ThreadJournal
{
public:
    using Apply = std::function<void(std::vector<Record> &records)>;

    explicit ThreadJournal(Apply apply) : m_apply(std::move(apply)) {}

    ThreadJournal(const ThreadJournal &) = delete;
    ThreadJournal &operator=(const ThreadJournal &) = delete;

    // From any thread.
    void write(Record record)
    {
        const std::lock_guard lock(m_mutex);
        const bool wasEmpty = m_records.empty();
        m_records.push_back(std::move(record));
        if (wasEmpty)
            ThreadHandOver::queueCall(&m_context, [this] { deliver(); });
    }

    // From the last thread out: on the creating thread, after everything
    // written, reports the run's end through `finished`. `failure` and
    // `cancelled` are read there, once every thread has stopped writing them.
    void close(std::function<void(const Status &status)> finished, std::function<QString()> failure,
               std::function<bool()> cancelled)
    {
        ThreadHandOver::queueCall(
            &m_context,
            [this, finished = std::move(finished), failure = std::move(failure), cancelled = std::move(cancelled)] {
                deliver();
                const QString message = failure();
                const Status status = !message.isEmpty() ? Status::failure(message)
                    : cancelled()                        ? Status::failure(QStringLiteral("run cancelled"))
                                                         : success();
                if (finished)
                    finished(status);
            });
    }

private:
    void deliver()
    {
        std::vector<Record> records;
        {
            const std::lock_guard lock(m_mutex);
            records.swap(m_records);
        }
        m_apply(records);
    }

    Apply m_apply;
    std::mutex m_mutex;
    std::vector<Record> m_records;
    QObject m_context; // lives on the creating thread: receives the queued deliveries
};

} // namespace LatencyLab::Core
