// app/workbench/engineclient.h — the GUI thread's handle on the engine: starts an EngineWorker on
// a QThread of its own, hands it jobs through queued calls, numbers them, keeps track of what is
// running, and applies latest-wins to token counts and to the interpolation slider.
//
// Interpolation: slider requests go through a LatestWinsTracker (one running, only the newest
// waiting, stale results dropped; a running full request made stale is also stopped early). While
// the slider is dragged, requests are previews (the first words only, streamed): a running preview
// is short and finishes, so the text keeps changing during the drag; the full regeneration follows
// on release. A background sweep of the curve fills the gaps between slider requests, one point at
// a time, coarse to fine, so the slider never waits for more than one point; it waits during a drag.
//
// A batch evaluation shares the worker with everything else, one pair at a time: interactive jobs
// issued during it run before its next pair, and cancelBatch() stops the batch alone.
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
    // windowTokens: a text over that many tokens is cut into chunks of at most it (0: the compressor's
    // trained length, only texts over its limit are cut).
    quint64 regenerate(const QString& compressorId, const QString& text, bool captureAttention, int windowTokens = 0);
    quint64 compare(const QStringList& compressorIds, const QString& text);
    quint64 answer(const QString& compressorId, const QString& context, const QString& question,
                   const QStringList& goldAnswers);
    quint64 compressAndSave(const QString& compressorId, const QString& text, const QString& path);
    // `skip`: the (example, compressor) pairs a cancelled run of the same batch finished (EngineWorker::runBatch).
    quint64 runBatch(const QVector<BatchExample>& examples, const QStringList& compressorIds, int skip = 0);
    // Stops the batch evaluation only (the Batch tab's Cancel); work issued beside it goes on.
    void cancelBatch();
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
    // maxNewTokens > 0: a preview of the first words (while dragging); 0: the full regeneration.
    quint64 requestInterpolation(double alpha, bool spherical, int maxNewTokens = 0);
    // While held (a drag), sweep points wait, so that previews follow the hand without delay.
    void setSweepHeld(bool held);
    int interpolationsStarted() const { return m_sliderJobsStarted; }  // slider requests sent to the worker
    // Computes `points` evenly spaced alphas in [0, 1] in the background (coarse to fine).
    void startSweep(int points, bool spherical);
    void stopSweep();
    bool isSweeping() const { return m_sweepTotal > 0 && m_sweepDone < m_sweepTotal; }
    QVector<view::InterpolationPoint> curve() const { return m_curve; }
    struct SliderRequest {
        double alpha = 0;
        bool spherical = false;
        int maxNewTokens = 0;  // > 0: a preview
    };
    const LatestWinsTracker<SliderRequest>& sliderTracker() const { return m_slider; }
    bool isInterpolating() const { return m_interpInFlight; }

    // Stops every job issued so far (the running one at its next check, queued ones at once) and
    // the sweep. A direct, thread-safe call into the worker, not a queued one.
    void cancel();
    bool isBusy() const { return !m_longJobs.isEmpty(); }
    // The worker runs one long job at a time, in order, but a batch only one pair at a time: the
    // unfinished jobs issued before `job`, the batch among them only while one of its pairs runs.
    int jobsAhead(quint64 job) const;
    quint64 runningJob() const { return m_runningJob; }
    bool isBatchRunning() const;
    // A sentence for a job that waits ("waiting for the batch evaluation, 1 job ahead"); "" when it runs.
    QString queueText(quint64 job) const;
    int queuedJobs() const;  // waiting behind the running one (a batch between its pairs is not waiting)
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
    // The newest slider request's result, and every preview's while the slider is dragged.
    void interpolated(const xcomp::workbench::InterpolationResult& result);
    // The words generated so far by the newest slider request, or by any preview while the slider is
    // still dragged (previews run one after another, so their words come in the slider's order).
    void interpolationPartial(double alpha, const QString& text);
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
    bool showable(quint64 sliderId, bool preview) const;  // its words and result may be shown
    void dispatchInterpolation(quint64 sliderId, double alpha, bool spherical, int maxNewTokens = 0);

    QThread m_thread;
    EngineWorker* m_worker = nullptr;
    quint64 m_nextJob = 0;
    QHash<quint64, Kind> m_longJobs;  // issued and not finished
    QSet<quint64> m_cancelledJobs;
    bool m_hasModel = false;
    ModelEntry m_model;

    quint64 m_tokenRequest = 0;

    SlotEntry m_slotA, m_slotB;
    LatestWinsTracker<SliderRequest> m_slider;
    bool m_interpInFlight = false;
    bool m_interpPreview = false;  // the request in flight is a preview
    double m_interpAlpha = 0;
    quint64 m_interpSliderId = 0;
    bool m_sweepHeld = false;
    bool m_latestIsPreview = false;  // the newest slider request is a preview: the slider is held
    int m_sliderJobsStarted = 0;
    quint64 m_runningJob = 0;  // the long job whose turn it is on the worker
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
