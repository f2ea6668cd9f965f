// app/workbench/engineworker.h — owns the xcomp::Session on a thread of its own.
//
// The GUI reaches it only through queued calls (EngineClient does them) and hears back through
// queued signals carrying the value structs of enginetypes.h; no engine object ever leaves this
// thread. Every engine exception becomes failed(); cancellation becomes cancelled(). Each long job
// ends with jobFinished(job), whatever its outcome.
//
// Three thread-safe direct calls stop work without waiting for the queue: cancel() stops every job
// up to a given id (Esc), cancelJob() one job alone (the Batch tab's Cancel stops the batch, not the
// work queued beside it), supersedeInterpolation() stops a slider interpolation that a newer slider
// request has made stale (latest wins).
//
// A batch evaluation runs one (example, compressor) pair at a time and, when other calls wait,
// goes to the back of the queue after each pair: interactive work never waits for more than one
// batch row.
#pragma once
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

#include "enginetypes.h"

namespace xcomp {
class Session;
struct RunControl;
}

namespace xcomp::workbench {

class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(QObject* parent = nullptr);
    ~EngineWorker() override;

    // Thread-safe (atomics): may be called directly from the GUI thread while a job runs.
    void cancel(quint64 upToJob);
    void supersedeInterpolation(quint64 latestSliderId);
    void cancelJob(quint64 job);

    // Thread-safe: runs `call` on this worker's thread, after every call enqueued before it.
    // The call and its arguments go through a queue guarded by a std::mutex; only a notification
    // without data goes through Qt's event queue. (Qt's event queue alone would order them too, but
    // through a QMutex inside Qt, which ThreadSanitizer cannot see: docs/RELIABILITY.md.)
    void enqueue(std::function<void(EngineWorker&)> call);

public slots:
    // Opens (or re-opens) a model folder; the old session is closed first.
    void openModel(quint64 job, const QString& dir, const QString& device, int threads);
    void countTokens(quint64 id, const QString& text);
    void regenerate(quint64 job, const QString& compressorId, const QString& text, bool captureAttention, int windowTokens);
    void compare(quint64 job, const QStringList& compressorIds, const QString& text);
    void answer(quint64 job, const QString& compressorId, const QString& context, const QString& question,
                const QStringList& goldAnswers);
    // Endpoints A and B of the interpolation: a non-empty path loads that .xcp, else the text is
    // compressed (with the compressor of a loaded endpoint when there is one, else compressorId).
    void prepareSlots(quint64 job, const QString& compressorId, const QString& textA, const QString& pathA,
                      const QString& textB, const QString& pathB);
    void compressAndSave(quint64 job, const QString& compressorId, const QString& text, const QString& path);
    // One point between slots A and B. Slider requests have sliderId > 0 and stream their text
    // (partialText); a full one stops early when a newer one arrives, a preview (maxNewTokens > 0:
    // only the first words, while the slider is dragged) is short and runs to its end unless
    // superseded directly. Sweep points (sliderId == 0) always finish.
    void interpolate(quint64 job, quint64 sliderId, int slotA, int slotB, double alpha, bool spherical,
                     int maxNewTokens = 0);
    // Every example with every compressor, example by example; the first `skip` (example, compressor)
    // pairs are taken as done (a cancelled run resumed): progress counts them.
    void runBatch(quint64 job, const QVector<xcomp::workbench::BatchExample>& examples,
                  const QStringList& compressorIds, int skip = 0);
    // Compresses `text`, regenerates it with memory token k dropped, zeroed or replaced (by memory token
    // k of `donorText` compressed by the same compressor) and without, and measures every memory
    // token's importance.
    void ablate(quint64 job, const QString& compressorId, const QString& text, const QString& mode, int memoryToken,
                const QString& donorText);

signals:
    void modelOpened(quint64 job, const xcomp::workbench::ModelEntry& model);
    void tokensCounted(quint64 id, int tokens);
    void progress(quint64 job, double fraction, const QString& stage);
    void partialText(quint64 job, const QString& text);
    void regenerated(const xcomp::workbench::RegenerationResult& result);
    void compareResult(quint64 job, int index, int total, const xcomp::workbench::RegenerationResult& result);
    void answered(const xcomp::workbench::QaResult& result);
    void slotsPrepared(quint64 job, const xcomp::workbench::SlotEntry& a, const xcomp::workbench::SlotEntry& b);
    void saved(quint64 job, const QString& path);
    void interpolated(quint64 job, quint64 sliderId, const xcomp::workbench::InterpolationResult& result);
    void interpolationDropped(quint64 job, quint64 sliderId);  // stopped as stale, cancelled or failed
    void batchRow(quint64 job, const xcomp::workbench::BatchRowResult& row, int done, int total);
    void batchWarning(quint64 job, const QString& message, int done, int total);
    void ablated(const xcomp::workbench::AblationResult& result);
    void failed(quint64 job, const QString& operation, const QString& message);
    void cancelled(quint64 job);
    void jobFinished(quint64 job);
    void jobStarted(quint64 job);  // a long job (or a batch's next pair) begins to run

private:
    // The oldest enqueued call (one per notification that enqueue() posted).
    Q_INVOKABLE void runEnqueuedCall();

    template <typename Fn>
    void guarded(quint64 job, const QString& operation, Fn&& fn);
    // A long job on the open session: `fn` runs guarded, with m_cancel set for this job; ends with
    // jobFinished() whatever happens.
    template <typename Fn>
    void runJob(quint64 job, const QString& operation, Fn&& fn);
    xcomp::RunControl callbacks(quint64 job, std::atomic<bool>* flag, double from, double to);
    bool shouldStop(quint64 job) const;
    bool requireSession(quint64 job, const QString& operation);
    bool callsWaiting();
    // One (example, compressor) pair of a batch: a row, or a warning when the example fails.
    void runBatchPair(quint64 job, const BatchExample& ex, const QString& id, int done, int total);

    std::unique_ptr<xcomp::Session> m_session;
    std::mutex m_callsMutex;
    std::deque<std::function<void(EngineWorker&)>> m_calls;  // guarded by m_callsMutex
    std::atomic<quint64> m_cancelUpTo{0};
    std::atomic<bool> m_cancel{false};
    std::atomic<quint64> m_latestSlider{0};
    std::atomic<quint64> m_runningSlider{0};
    std::atomic<bool> m_interpCancel{false};
    std::atomic<quint64> m_cancelJob{0};    // one job cancelled alone (cancelJob)
    std::atomic<bool> m_batchCancel{false};  // the batch's own flag: other jobs run between its pairs
};

}  // namespace xcomp::workbench
