// app/workbench/jobtracker.h — latest-wins bookkeeping for requests driven by a slider or by
// typing (after KDAB hotspot's jobtracker.h and the restart flag of Qt's Mandelbrot example).
//
// Every request bumps an id. At most one request runs at a time; while it runs only the newest
// request waits (older waiting ones are replaced), and a finished request's result is delivered
// only when no newer request was made meanwhile. GUI thread only; the payload is the caller's.
//
//   quint64 id = tracker.request(payload);
//   if (!tracker.isRunning()) start(tracker.takePending());
//   ... on result(id):  if (tracker.finish(id)) show(result);
//                       if (tracker.hasPending()) start(tracker.takePending());
#pragma once
#include <QtGlobal>

#include <optional>
#include <utility>

namespace xcomp::workbench {

template <typename Payload>
class LatestWinsTracker {
public:
    struct Job {
        quint64 id = 0;
        Payload payload{};
    };

    // Records a request; it replaces any request still waiting. Returns its id.
    quint64 request(Payload payload)
    {
        m_pending = Job{++m_lastId, std::move(payload)};
        return m_lastId;
    }

    bool hasPending() const { return m_pending.has_value(); }
    bool isRunning() const { return m_running != 0; }
    quint64 runningId() const { return m_running; }
    quint64 latestId() const { return m_lastId; }

    // Marks the waiting request as running and returns it (call only when hasPending()).
    Job takePending()
    {
        Job job = std::move(*m_pending);
        m_pending.reset();
        m_running = job.id;
        return job;
    }

    // True while a newer request than the running one exists (the running one may be stopped).
    bool runningIsStale() const { return m_running != 0 && m_running < m_lastId; }

    // The running request ended (result, failure or cancellation). True when its result is the
    // newest request's and should be shown; false for a stale result, which is to be dropped.
    bool finish(quint64 id)
    {
        if (id == m_running)
            m_running = 0;
        return id == m_lastId;
    }

    // Forgets everything waiting and makes any running request stale.
    void reset()
    {
        m_pending.reset();
        if (m_running != 0)
            ++m_lastId;
    }

private:
    quint64 m_lastId = 0;
    quint64 m_running = 0;
    std::optional<Job> m_pending;
};

}  // namespace xcomp::workbench
