// app/workbench/engineclient.h — the GUI thread's handle on the engine: starts an EngineWorker on
// a QThread of its own, hands it jobs through queued calls, numbers them, keeps track of what is
// running, and applies latest-wins to token counts and to the interpolation slider.
//
// Interpolation: slider requests go through a LatestWinsTracker (one running, only the newest
// waiting, stale results dropped; a running request made stale is also stopped early). A background
// sweep of the curve fills the gaps between slider requests, one point at a time, coarse to fine,
// so the slider never waits for more than one point.
//
// Destruction cancels everything, then requestInterruption(), quit() and wait() on the thread.
#pragma once
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QVector>

#include <algorithm>

#include "enginetypes.h"
#include "jobtracker.h"

namespace xcomp::workbench {

class EngineWorker;

class EngineClient : public QObject {
    Q_OBJECT
public:
    explicit EngineClient(QObject* parent = nullptr);
    ~EngineClient() override;

    // ---- model ----
    quint64 openModel(const QString& dir, const QString& device, int threads);
    bool hasModel() const { return m_hasModel; }
    const ModelEntry& model() const { return m_model; }
    const CompressorEntry* compressor(const QString& id) const;

    // ---- jobs; results arrive through the signals below ----
    void requestTokenCount(const QString& text);  // latest wins
    quint64 regenerate(const QString& compressorId, const QString& text, bool captureAttention);
    quint64 compare(const QStringList& compressorIds, const QString& text);
    quint64 answer(const QString& compressorId, const QString& context, const QString& question,
                   const QStringList& goldAnswers);
    quint64 compressAndSave(const QString& compressorId, const QString& text, const QString& path);
    // `skip`: the (example, compressor) pairs a cancelled run of the same batch finished (EngineWorker::runBatch).
    quint64 runBatch(const QVector<BatchExample>& examples, const QStringList& compressorIds, int skip = 0);
    // mode: "drop", "zero" or "replace" (memory token k of donorText's compressed prompt).
    quint64 ablate(const QString& compressorId, const QString& text, const QString& mode, int memoryToken,
                   const QString& donorText = QString());

    // ---- interpolation ----
    // Compresses/loads endpoints A and B (see EngineWorker::prepareSlots); the slots stay valid
    // until the next preparation or model change.
    quint64 prepareInterpolation(const QString& compressorId, const QString& textA, const QString& pathA,
                                 const QString& textB, const QString& pathB);
    bool interpolationReady() const { return m_slotA.slot >= 0 && m_slotB.slot >= 0; }
    const SlotEntry& slotA() const { return m_slotA; }
    const SlotEntry& slotB() const { return m_slotB; }
    // A slider request; returns its id. Only the newest request's result is delivered.
    quint64 requestInterpolation(double alpha, bool spherical);
    // Computes `points` evenly spaced alphas in [0, 1] in the background (coarse to fine).
    void startSweep(int points, bool spherical);
    void stopSweep();
    bool isSweeping() const { return m_sweepTotal > 0 && m_sweepDone < m_sweepTotal; }
    QVector<view::InterpolationPoint> curve() const { return m_curve; }
    const LatestWinsTracker<QPair<double, bool>>& sliderTracker() const { return m_slider; }
    bool isInterpolating() const { return m_interpInFlight; }

    // Stops every job issued so far (the running one at its next check, queued ones at once) and
    // the sweep. A direct, thread-safe call into the worker, not a queued one.
    void cancel();
    bool isBusy() const { return !m_longJobs.isEmpty(); }
    // The worker runs one long job at a time, in order: the unfinished ones issued before `job`.
    int jobsAhead(quint64 job) const;
    bool isBatchRunning() const;
    // A sentence for a job that waits ("waiting for the batch evaluation, 1 job ahead"); "" when it runs.
    QString queueText(quint64 job) const;
    int queuedJobs() const { return std::max(0, int(m_longJobs.size()) - 1); }  // waiting behind the running one
    quint64 lastJob() const { return m_nextJob; }

    EngineWorker* worker() const { return m_worker; }

signals:
    void busyChanged(bool busy);
    void progress(double fraction, const QString& stage);
    void modelOpened(const xcomp::workbench::ModelEntry& model);
    void modelFailed(const QString& message);
    void tokenCount(int tokens);  // -1: could not count
    void partialText(quint64 job, const QString& text);
    void regenerated(const xcomp::workbench::RegenerationResult& result);
    void compareResult(int index, int total, const xcomp::workbench::RegenerationResult& result);
    void compareFinished();
    void answered(const xcomp::workbench::QaResult& result);
    void saved(const QString& path);
    void interpolationPrepared(const xcomp::workbench::SlotEntry& a, const xcomp::workbench::SlotEntry& b);
    void interpolated(const xcomp::workbench::InterpolationResult& result);  // newest slider request only
    // An interpolation request finished, was dropped or was cancelled: busy indicators may change.
    void interpolationStateChanged();
    void curveChanged(const QVector<xcomp::view::InterpolationPoint>& curve, int done, int total);
    void sweepFinished();
    void batchRow(const xcomp::workbench::BatchRowResult& row, int done, int total);
    void batchWarning(const QString& message, int done, int total);
    void batchFinished(bool cancelled);
    void ablated(const xcomp::workbench::AblationResult& result);
    void error(const QString& operation, const QString& message);
    void cancelled();
    void jobFinished(quint64 job);
    void queueChanged();  // a long job was issued or finished: jobsAhead() may have changed

private:
    enum class Kind { Model, Regenerate, Compare, Answer, Prepare, Save, Batch, Ablate };
    // A long job of `kind`: numbered, counted busy until the worker's jobFinished, and handed to the
    // worker's `slot` (which takes the job's number first) with `args`.
    template <typename... Params, typename... Args>
    quint64 startJob(Kind kind, void (EngineWorker::*slot)(quint64, Params...), Args&&... args);
    // Calls the worker's `slot` with `args` on its thread, in the order of the calls.
    template <typename... Params, typename... Args>
    void post(void (EngineWorker::*slot)(Params...), Args&&... args);
    quint64 beginJob(Kind kind);
    void onJobFinished(quint64 job);
    void onFailed(quint64 job, const QString& operation, const QString& message);
    void onCancelled(quint64 job);
    void onInterpolated(quint64 job, quint64 sliderId, const InterpolationResult& result);
    void onInterpolationDropped(quint64 job, quint64 sliderId);
    void pumpInterpolation();
    void dispatchInterpolation(quint64 sliderId, double alpha, bool spherical);

    QThread m_thread;
    EngineWorker* m_worker = nullptr;
    quint64 m_nextJob = 0;
    QHash<quint64, Kind> m_longJobs;  // issued and not finished
    QSet<quint64> m_cancelledJobs;
    bool m_hasModel = false;
    ModelEntry m_model;

    quint64 m_tokenRequest = 0;

    SlotEntry m_slotA, m_slotB;
    LatestWinsTracker<QPair<double, bool>> m_slider;  // (alpha, spherical)
    bool m_interpInFlight = false;
    quint64 m_interpJob = 0;
    QSet<quint64> m_interpJobs;
    QVector<double> m_sweepQueue;
    bool m_sweepSpherical = false;
    int m_sweepTotal = 0, m_sweepDone = 0;
    quint64 m_sweepGeneration = 0;          // bumped by every start/stop: older points are dropped
    quint64 m_inFlightSweepGeneration = 0;  // of the sweep point now running
    QVector<view::InterpolationPoint> m_curve;
};

}  // namespace xcomp::workbench
