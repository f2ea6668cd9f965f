#include "engineclient.h"

#include <QMetaObject>

#include <algorithm>
#include <tuple>
#include <type_traits>
#include <utility>

#include "engineworker.h"

namespace xcomp::workbench {

namespace {

// 0..n-1 ordered coarse to fine: both ends, then midpoints breadth first.
QVector<int> coarseToFine(int n)
{
    QVector<int> order;
    if (n <= 0)
        return order;
    order << 0;
    if (n == 1)
        return order;
    order << n - 1;
    QVector<QPair<int, int>> level{{0, n - 1}};
    while (!level.isEmpty()) {
        QVector<QPair<int, int>> next;
        for (const auto& [l, r] : level) {
            if (r - l < 2)
                continue;
            const int mid = (l + r) / 2;
            order << mid;
            next << qMakePair(l, mid) << qMakePair(mid, r);
        }
        level = next;
    }
    return order;
}

}  // namespace

EngineClient::EngineClient(QObject* parent) : QObject(parent)
{
    registerEngineTypes();
    m_thread.setObjectName(QStringLiteral("xcomp-engine"));
    m_worker = new EngineWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &EngineWorker::modelOpened, this, [this](quint64, const ModelEntry& model) {
        m_hasModel = true;
        m_model = model;
        // Slots belong to the old session.
        stopSweep();
        m_slider.reset();
        m_latestIsPreview = false;
        m_slotA = SlotEntry();
        m_slotB = SlotEntry();
        m_curve.clear();
        emit modelOpened(model);
    });
    connect(m_worker, &EngineWorker::tokensCounted, this, [this](quint64 id, int tokens) {
        if (id == m_tokenRequest)
            emit tokenCount(tokens);
    });
    connect(m_worker, &EngineWorker::progress, this, [this](quint64 job, double fraction, const QString& stage) {
        if (m_longJobs.contains(job) && !m_cancelledJobs.contains(job))
            emit progress(fraction, stage);
    });
    connect(m_worker, &EngineWorker::partialText, this, [this](quint64 job, const QString& text) {
        if (m_longJobs.contains(job) && !m_cancelledJobs.contains(job))
            emit partialText(job, text);
        else if (m_interpInFlight && job == m_interpJob && m_interpSliderId != 0 && showable(m_interpSliderId, m_interpPreview))
            emit interpolationPartial(m_interpAlpha, text);  // stale requests' words are not shown
    });
    connect(m_worker, &EngineWorker::jobStarted, this, [this](quint64 job) {
        if (!m_longJobs.contains(job) || m_runningJob == job)
            return;
        m_runningJob = job;
        emit queueChanged();
    });
    connect(m_worker, &EngineWorker::regenerated, this, &EngineClient::regenerated);
    connect(m_worker, &EngineWorker::compareResult, this,
            [this](quint64, int index, int total, const RegenerationResult& r) { emit compareResult(index, total, r); });
    connect(m_worker, &EngineWorker::answered, this, &EngineClient::answered);
    connect(m_worker, &EngineWorker::saved, this, [this](quint64, const QString& path) { emit saved(path); });
    connect(m_worker, &EngineWorker::slotsPrepared, this, [this](quint64, const SlotEntry& a, const SlotEntry& b) {
        m_slotA = a;
        m_slotB = b;
        m_curve.clear();
        emit interpolationPrepared(a, b);
    });
    connect(m_worker, &EngineWorker::interpolated, this, &EngineClient::onInterpolated);
    connect(m_worker, &EngineWorker::interpolationDropped, this, &EngineClient::onInterpolationDropped);
    connect(m_worker, &EngineWorker::batchRow, this,
            [this](quint64, const BatchRowResult& row, int done, int total) { emit batchRow(row, done, total); });
    connect(m_worker, &EngineWorker::batchWarning, this,
            [this](quint64, const QString& message, int done, int total) { emit batchWarning(message, done, total); });
    connect(m_worker, &EngineWorker::ablated, this, &EngineClient::ablated);
    connect(m_worker, &EngineWorker::failed, this, &EngineClient::onFailed);
    connect(m_worker, &EngineWorker::cancelled, this, &EngineClient::onCancelled);
    connect(m_worker, &EngineWorker::jobFinished, this, &EngineClient::onJobFinished);

    m_thread.start();
}

EngineClient::~EngineClient()
{
    if (m_worker) {
        m_worker->cancel(m_nextJob);
        // Qt orders cancel() before the worker's deletion (quit, finished, deleteLater) with locks of
        // its own, which ThreadSanitizer cannot see; the worker's queue lock, which the deletion takes
        // too, makes the order visible (docs/RELIABILITY.md, "ThreadSanitizer").
        m_worker->enqueue([](EngineWorker&) {});
    }
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

const CompressorEntry* EngineClient::compressor(const QString& id) const
{
    for (const CompressorEntry& c : m_model.compressors)
        if (c.id == id)
            return &c;
    for (const CompressorEntry& c : m_model.optimised)
        if (c.id == id)
            return &c;
    return nullptr;
}

quint64 EngineClient::beginJob(Kind kind)
{
    const quint64 job = ++m_nextJob;
    const bool wasBusy = isBusy();
    m_longJobs.insert(job, kind);
    if (!wasBusy)
        emit busyChanged(true);
    emit queueChanged();
    return job;
}

int EngineClient::jobsAhead(quint64 job) const
{
    if (job == m_runningJob)
        return 0;
    int ahead = 0;
    for (auto it = m_longJobs.constBegin(); it != m_longJobs.constEnd(); ++it)
        // A batch blocks only with the pair it is running (or about to run: nothing else runs now).
        if (it.key() < job && (it.value() != Kind::Batch || m_runningJob == 0 || it.key() == m_runningJob))
            ++ahead;
    return ahead;
}

int EngineClient::queuedJobs() const
{
    int waiting = 0;
    for (auto it = m_longJobs.constBegin(); it != m_longJobs.constEnd(); ++it)
        if (it.key() != m_runningJob && it.value() != Kind::Batch)
            ++waiting;
    return waiting;
}

bool EngineClient::isBatchRunning() const
{
    for (Kind kind : m_longJobs)
        if (kind == Kind::Batch)
            return true;
    return false;
}

QString EngineClient::queueText(quint64 job) const
{
    const int ahead = jobsAhead(job);
    if (ahead <= 0)
        return QString();
    bool batchAhead = false;
    for (auto it = m_longJobs.constBegin(); it != m_longJobs.constEnd(); ++it)
        batchAhead = batchAhead || (it.key() < job && it.value() == Kind::Batch &&
                                   (m_runningJob == 0 || it.key() == m_runningJob));
    return batchAhead ? tr("waiting for the batch evaluation, %n job(s) ahead", nullptr, ahead)
                      : tr("waiting, %n job(s) ahead", nullptr, ahead);
}

void EngineClient::onJobFinished(quint64 job)
{
    if (m_interpJobs.remove(job))
        return;  // handled by onInterpolated / onInterpolationDropped
    const auto it = m_longJobs.find(job);
    if (it == m_longJobs.end()) {
        emit jobFinished(job);
        return;
    }
    const Kind kind = it.value();
    m_longJobs.erase(it);
    if (m_runningJob == job)
        m_runningJob = 0;
    const bool wasCancelled = m_cancelledJobs.remove(job);
    if (kind == Kind::Compare)
        emit compareFinished();
    if (kind == Kind::Batch)
        emit batchFinished(wasCancelled);
    if (kind == Kind::Prepare && interpolationReady())
        pumpInterpolation();
    emit jobFinished(job);
    emit queueChanged();
    if (!isBusy())
        emit busyChanged(false);
}

void EngineClient::onFailed(quint64 job, const QString& operation, const QString& message)
{
    const auto it = m_longJobs.constFind(job);
    if (it != m_longJobs.constEnd() && it.value() == Kind::Model)
        emit modelFailed(message);
    if (m_interpInFlight && job == m_interpJob) {
        // A failing sweep would fail at every point: stop it and say so once.
        stopSweep();
    }
    emit error(operation, message);
}

void EngineClient::onCancelled(quint64 job)
{
    m_cancelledJobs.insert(job);
    emit cancelled();
}

template <typename... Params, typename... Args>
void EngineClient::post(void (EngineWorker::*slot)(Params...), Args&&... args)
{
    // The worker outlives every call it runs (it is deleted on its own thread, after the last).
    m_worker->enqueue([slot, args = std::make_tuple(std::decay_t<Args>(std::forward<Args>(args))...)](
                          EngineWorker& worker) { std::apply([&](const auto&... a) { (worker.*slot)(a...); }, args); });
}

template <typename... Params, typename... Args>
quint64 EngineClient::startJob(Kind kind, void (EngineWorker::*slot)(quint64, Params...), Args&&... args)
{
    const quint64 job = beginJob(kind);
    post(slot, job, std::forward<Args>(args)...);
    return job;
}

quint64 EngineClient::openModel(const QString& dir, const QString& device, int threads)
{
    return startJob(Kind::Model, &EngineWorker::openModel, dir, device, threads);
}

void EngineClient::requestTokenCount(const QString& text)
{
    post(&EngineWorker::countTokens, ++m_tokenRequest, text);
}

quint64 EngineClient::regenerate(const QString& compressorId, const QString& text, bool captureAttention, int windowTokens)
{
    return startJob(Kind::Regenerate, &EngineWorker::regenerate, compressorId, text, captureAttention, windowTokens);
}

quint64 EngineClient::compare(const QStringList& compressorIds, const QString& text)
{
    return startJob(Kind::Compare, &EngineWorker::compare, compressorIds, text);
}

quint64 EngineClient::answer(const QString& compressorId, const QString& context, const QString& question,
                             const QStringList& goldAnswers)
{
    return startJob(Kind::Answer, &EngineWorker::answer, compressorId, context, question, goldAnswers);
}

quint64 EngineClient::compressAndSave(const QString& compressorId, const QString& text, const QString& path)
{
    return startJob(Kind::Save, &EngineWorker::compressAndSave, compressorId, text, path);
}

quint64 EngineClient::runBatch(const QVector<BatchExample>& examples, const QStringList& compressorIds, int skip)
{
    return startJob(Kind::Batch, &EngineWorker::runBatch, examples, compressorIds, skip);
}

quint64 EngineClient::ablate(const QString& compressorId, const QString& text, const QString& mode, int memoryToken,
                             const QString& donorText)
{
    return startJob(Kind::Ablate, &EngineWorker::ablate, compressorId, text, mode, memoryToken, donorText);
}

quint64 EngineClient::prepareInterpolation(const QString& compressorId, const QString& textA, const QString& pathA,
                                           const QString& textB, const QString& pathB)
{
    stopSweep();
    m_slider.reset();
    m_latestIsPreview = false;
    m_slotA = SlotEntry();
    m_slotB = SlotEntry();
    m_curve.clear();
    return startJob(Kind::Prepare, &EngineWorker::prepareSlots, compressorId, textA, pathA, textB, pathB);
}

quint64 EngineClient::requestInterpolation(double alpha, bool spherical, int maxNewTokens)
{
    const quint64 id = m_slider.request(SliderRequest{alpha, spherical, std::max(0, maxNewTokens)});
    m_latestIsPreview = maxNewTokens > 0;
    // A running full request made stale is stopped at once (direct call); a running preview is short
    // and finishes, so that a drag shows words, unless the full regeneration (the release) waits.
    if (m_slider.isRunning() && (!m_interpPreview || maxNewTokens <= 0))
        m_worker->supersedeInterpolation(id);
    pumpInterpolation();
    return id;
}

bool EngineClient::showable(quint64 sliderId, bool preview) const
{
    // During a drag every preview is shown: they run one after another, in the slider's order, and
    // each newer one would otherwise make the running one stale before its first words.
    return sliderId == m_slider.latestId() || (preview && m_latestIsPreview);
}

void EngineClient::setSweepHeld(bool held)
{
    m_sweepHeld = held;
    if (!held)
        pumpInterpolation();
}

void EngineClient::startSweep(int points, bool spherical)
{
    ++m_sweepGeneration;
    m_sweepQueue.clear();
    m_curve.clear();
    m_sweepSpherical = spherical;
    m_sweepTotal = std::max(0, points);
    m_sweepDone = 0;
    for (int i : coarseToFine(m_sweepTotal))
        m_sweepQueue << (m_sweepTotal > 1 ? double(i) / (m_sweepTotal - 1) : 0.0);
    emit curveChanged(m_curve, 0, m_sweepTotal);
    pumpInterpolation();
}

void EngineClient::stopSweep()
{
    const bool was = isSweeping();
    ++m_sweepGeneration;
    m_sweepQueue.clear();
    m_sweepTotal = 0;
    m_sweepDone = 0;
    if (was)
        emit sweepFinished();
}

void EngineClient::cancelBatch()
{
    for (auto it = m_longJobs.cbegin(); it != m_longJobs.cend(); ++it) {
        if (it.value() == Kind::Batch) {
            m_worker->cancelJob(it.key());  // direct: stops the running pair at its next check
            m_cancelledJobs.insert(it.key());
        }
    }
}

void EngineClient::cancel()
{
    m_worker->cancel(m_nextJob);
    for (auto it = m_longJobs.cbegin(); it != m_longJobs.cend(); ++it)
        m_cancelledJobs.insert(it.key());
    m_slider.reset();
    m_latestIsPreview = false;
    stopSweep();
}

void EngineClient::pumpInterpolation()
{
    if (m_interpInFlight || !interpolationReady())
        return;
    if (m_slider.hasPending()) {
        const auto job = m_slider.takePending();
        dispatchInterpolation(job.id, job.payload.alpha, job.payload.spherical, job.payload.maxNewTokens);
    } else if (!m_sweepQueue.isEmpty() && !m_sweepHeld) {
        m_inFlightSweepGeneration = m_sweepGeneration;
        dispatchInterpolation(0, m_sweepQueue.takeFirst(), m_sweepSpherical);
    }
}

void EngineClient::dispatchInterpolation(quint64 sliderId, double alpha, bool spherical, int maxNewTokens)
{
    const quint64 job = ++m_nextJob;
    m_interpInFlight = true;
    m_interpJob = job;
    m_interpPreview = sliderId != 0 && maxNewTokens > 0;
    m_interpAlpha = alpha;
    m_interpSliderId = sliderId;
    if (sliderId != 0)
        ++m_sliderJobsStarted;
    m_interpJobs.insert(job);
    post(&EngineWorker::interpolate, job, sliderId, m_slotA.slot, m_slotB.slot, alpha, spherical, maxNewTokens);
}

void EngineClient::onInterpolated(quint64 job, quint64 sliderId, const InterpolationResult& result)
{
    if (job != m_interpJob)
        return;
    m_interpInFlight = false;
    if (sliderId != 0) {
        const bool newest = m_slider.finish(sliderId);
        if (newest || (result.preview && m_latestIsPreview))
            emit interpolated(result);  // the newest request, or a preview while the slider is still held
    } else if (m_sweepTotal > 0 && m_inFlightSweepGeneration == m_sweepGeneration) {
        m_curve << result.point;
        std::sort(m_curve.begin(), m_curve.end(),
                  [](const view::InterpolationPoint& x, const view::InterpolationPoint& y) { return x.alpha < y.alpha; });
        ++m_sweepDone;
        emit curveChanged(m_curve, m_sweepDone, m_sweepTotal);
        if (m_sweepDone >= m_sweepTotal) {
            m_sweepTotal = 0;
            m_sweepDone = 0;
            emit sweepFinished();
        }
    }
    pumpInterpolation();
    emit interpolationStateChanged();
}

void EngineClient::onInterpolationDropped(quint64 job, quint64 sliderId)
{
    if (job != m_interpJob)
        return;
    m_interpInFlight = false;
    if (sliderId != 0)
        m_slider.finish(sliderId);
    else if (m_inFlightSweepGeneration == m_sweepGeneration && m_sweepTotal > 0 && m_sweepQueue.isEmpty() &&
             m_sweepDone < m_sweepTotal)
        stopSweep();  // the last point was stopped (cancel): the sweep is over
    pumpInterpolation();
    emit interpolationStateChanged();  // a dropped request shows nothing, but it is no longer running
}

}  // namespace xcomp::workbench
