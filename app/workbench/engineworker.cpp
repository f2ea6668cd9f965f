#include "engineworker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>

#include "compressorlengths.h"
#include "reportconvert.h"
#include "xcomp/error.h"
#include "xcomp/session.h"

namespace xcomp::workbench {

namespace {

// Emitted progress and partial texts are throttled to about 25 per second.
constexpr qint64 kThrottleMs = 40;

CompressorEntry toEntry(const xcomp::CompressorInfo& c)
{
    CompressorEntry e;
    e.id = fromStd(c.id);
    e.label = compressorLabel(c);
    e.method = fromStd(c.method);
    e.dir = fromStd(c.dir);
    e.memoryTokens = c.memory_tokens;
    e.maxSourceTokens = c.max_source_tokens;
    e.qa = c.qa;
    e.routing = fromStd(c.routing);
    e.servesUpTo = c.serves_up_to;
    e.variantOf = fromStd(c.variant_of);
    e.upperBound = e.method.startsWith(QLatin1String("optimised"));
    const CompressorLengths::Range trained = CompressorLengths::trained(e.dir);
    e.trainedShortest = trained.shortest;
    e.trainedLongest = trained.longest;
    return e;
}

// One part of a chunked report as the views take it.
RegenerationPart toPart(RegenerationPart::Kind kind, int chunk, const xcomp::RegenerationReport& report,
                        const CompressorEntry& compressor)
{
    RegenerationPart p;
    p.kind = kind;
    p.chunk = chunk;
    p.view = toRegenerationView(report);
    p.view.metrics.trainedShortest = compressor.trainedShortest;
    p.view.metrics.trainedLongest = compressor.trainedLongest;
    p.view.metrics.maxSourceTokens = compressor.maxSourceTokens;
    p.attention = toAttentionData(report);
    p.tokenRanges = pieceRanges(report.regenerated_pieces, report.regenerated);
    return p;
}

// `text`: what was given to the engine, for the chunks' places in it.
RegenerationResult toResult(quint64 job, const xcomp::RegenerationReport& report, const std::string& text = {})
{
    RegenerationResult r;
    r.job = job;
    r.requestedId = fromStd(report.requested_id);
    r.compressor = toEntry(report.compressor);
    r.view = toRegenerationView(report);
    r.view.metrics.trainedShortest = r.compressor.trainedShortest;
    r.view.metrics.trainedLongest = r.compressor.trainedLongest;
    r.view.metrics.maxSourceTokens = r.compressor.maxSourceTokens;
    r.attention = toAttentionData(report);
    r.tokenRanges = pieceRanges(report.regenerated_pieces, report.regenerated);
    for (int t = 0; t < view::kErrorTypeCount && t < int(xcomp::kErrorTypeCount); ++t)
        r.errorCounts[t] = report.alignment.counts[std::size_t(t)];
    r.cancelled = report.cancelled;
    if (!report.chunks.empty()) {
        r.chunks = toChunkOverview(report, text);
        r.view.metrics.memoryTokens = r.chunks.whole.memoryTokens;
        RegenerationPart whole;
        whole.view = r.view;
        whole.attention = r.attention;
        whole.tokenRanges = r.tokenRanges;
        r.parts << whole;
        if (!report.together.empty()) {
            RegenerationPart together = toPart(RegenerationPart::Kind::Together, -1, report.together.front(), r.compressor);
            together.view.metrics.memoryTokens = r.chunks.together.memoryTokens;
            together.view.metrics.compressionRatio = r.chunks.together.compressionRatio;
            r.parts << together;
        }
        for (int i = 0; i < int(report.chunks.size()); ++i)
            r.parts << toPart(RegenerationPart::Kind::Chunk, i, report.chunks[std::size_t(i)], r.compressor);
    }
    return r;
}

QaResult toQa(quint64 job, const xcomp::QAReport& q, const QString& label, const QString& context,
              const QStringList& gold)
{
    QaResult r;
    r.job = job;
    r.compressorLabel = label;
    r.context = context;
    r.question = fromStd(q.question);
    r.goldAnswers = gold;
    r.answerCompressed = fromStd(q.answer_compressed);
    r.answerFull = fromStd(q.answer_full);
    r.hasGold = q.has_gold;
    r.f1Compressed = q.f1_compressed;
    r.emCompressed = q.em_compressed;
    r.f1Full = q.f1_full;
    r.emFull = q.em_full;
    r.msCompressed = q.ms_compressed;
    r.msFull = q.ms_full;
    return r;
}

// The engine's stage names, in the interface's language where the workbench knows them.
QString stageText(const xcomp::Progress& p)
{
    if (p.stage == "optimise memory" && p.total > 0)
        return EngineWorker::tr("Optimising the memory tokens: step %1 of %2").arg(p.done).arg(p.total);
    // A text cut into chunks: which chunk, or all of them at once.
    if (p.chunks > 0) {
        if (p.stage == "compress")
            return EngineWorker::tr("Compressing %n chunk(s) in one batch", nullptr, p.chunks);
        if (p.stage == "regenerate" && p.chunk > 0)
            return EngineWorker::tr("Regenerating chunk %1 of %2 from its own memory tokens").arg(p.chunk).arg(p.chunks);
        if (p.stage == "regenerate")
            return EngineWorker::tr("Regenerating %n chunk(s), each from its own memory tokens", nullptr, p.chunks);
        if (p.stage == "read together")
            return EngineWorker::tr("Regenerating the whole text from all %n chunk(s)' memory tokens at once", nullptr, p.chunks);
    }
    return fromStd(p.stage);
}

}  // namespace

EngineWorker::EngineWorker(QObject* parent) : QObject(parent) {}

EngineWorker::~EngineWorker()
{
    // Calls enqueued but never run (the thread was quit first) go here, under the lock enqueue() took.
    const std::lock_guard<std::mutex> lock(m_callsMutex);
    m_calls.clear();
}

void EngineWorker::cancel(quint64 upToJob)
{
    quint64 old = m_cancelUpTo.load();
    while (old < upToJob && !m_cancelUpTo.compare_exchange_weak(old, upToJob)) {
    }
    m_cancel.store(true);
    m_interpCancel.store(true);
    m_batchCancel.store(true);
}

void EngineWorker::cancelJob(quint64 job)
{
    m_cancelJob.store(job);
    m_batchCancel.store(true);  // only a batch is cancelled alone; its flag is its own
}

void EngineWorker::supersedeInterpolation(quint64 latestSliderId)
{
    quint64 old = m_latestSlider.load();
    while (old < latestSliderId && !m_latestSlider.compare_exchange_weak(old, latestSliderId)) {
    }
    const quint64 running = m_runningSlider.load();
    if (running != 0 && running < latestSliderId)
        m_interpCancel.store(true);  // only a slider request is stopped, never a sweep point
}

void EngineWorker::enqueue(std::function<void(EngineWorker&)> call)
{
    {
        const std::lock_guard<std::mutex> lock(m_callsMutex);
        m_calls.push_back(std::move(call));
    }
    // A call by name carries no data and is built inside Qt: nothing of ours crosses here.
    QMetaObject::invokeMethod(this, "runEnqueuedCall", Qt::QueuedConnection);
}

bool EngineWorker::callsWaiting()
{
    const std::lock_guard<std::mutex> lock(m_callsMutex);
    return !m_calls.empty();
}

void EngineWorker::runEnqueuedCall()
{
    std::function<void(EngineWorker&)> call;
    {
        const std::lock_guard<std::mutex> lock(m_callsMutex);
        if (m_calls.empty())
            return;
        call = std::move(m_calls.front());
        m_calls.pop_front();
    }
    call(*this);
}

bool EngineWorker::shouldStop(quint64 job) const
{
    return job <= m_cancelUpTo.load() || job == m_cancelJob.load() || QThread::currentThread()->isInterruptionRequested();
}

template <typename Fn>
void EngineWorker::guarded(quint64 job, const QString& operation, Fn&& fn)
{
    try {
        fn();
    } catch (const xcomp::Cancelled&) {
        emit cancelled(job);
    } catch (const xcomp::Error& e) {
        emit failed(job, operation, fromStd(e.what()));
    } catch (const std::bad_alloc&) {
        emit failed(job, operation, tr("Out of memory."));
    } catch (const std::exception& e) {
        emit failed(job, operation, fromStd(e.what()));
    } catch (...) {
        emit failed(job, operation, tr("Unknown error."));
    }
}

template <typename Fn>
void EngineWorker::runJob(quint64 job, const QString& operation, Fn&& fn)
{
    m_cancel.store(shouldStop(job));
    emit jobStarted(job);
    if (requireSession(job, operation))
        guarded(job, operation, std::forward<Fn>(fn));
    emit jobFinished(job);
}

xcomp::RunControl EngineWorker::callbacks(quint64 job, std::atomic<bool>* flag, double from, double to)
{
    auto timer = std::make_shared<QElapsedTimer>();
    auto textTimer = std::make_shared<QElapsedTimer>();
    timer->start();
    textTimer->start();
    xcomp::RunControl cb;
    cb.cancel = flag;
    auto lastStage = std::make_shared<std::pair<std::string, int>>();
    cb.on_progress = [this, job, flag, from, to, timer, lastStage](const xcomp::Progress& p) {
        if (shouldStop(job))
            flag->store(true);  // catches a cancel() that raced with the job's start
        // A new stage (or chunk) is always shown, however soon it follows the last report.
        const bool newStage = lastStage->first != p.stage || lastStage->second != p.chunk;
        if (p.fraction >= 1.0 || newStage || timer->elapsed() >= kThrottleMs) {
            timer->restart();
            *lastStage = {p.stage, p.chunk};
            emit progress(job, from + (to - from) * std::clamp(p.fraction, 0.0, 1.0), stageText(p));
        }
    };
    cb.on_text = [this, job, flag, textTimer](const std::string& text) {
        if (shouldStop(job))
            flag->store(true);
        if (textTimer->elapsed() >= kThrottleMs) {
            textTimer->restart();
            emit partialText(job, fromStd(text));
        }
    };
    return cb;
}

bool EngineWorker::requireSession(quint64 job, const QString& operation)
{
    if (m_session)
        return true;
    emit failed(job, operation, tr("No model is open. Open a model folder first."));
    return false;
}

void EngineWorker::openModel(quint64 job, const QString& dir, const QString& device, int threads)
{
    guarded(job, tr("Opening the model"), [&] {
        emit progress(job, 0.0, tr("Loading the model\u2026"));
        xcomp::SessionOptions options;
        options.model_dir = toStd(dir);
        options.device = toStd(device.isEmpty() ? QStringLiteral("cpu") : device);
        options.threads = threads;
        // The old session stays usable when the new folder fails to open.
        std::unique_ptr<xcomp::Session> fresh = xcomp::Session::open(options);
        m_session = std::move(fresh);
        const xcomp::ModelSummary& s = m_session->model();
        ModelEntry m;
        m.dir = fromStd(s.dir.empty() ? options.model_dir : s.dir);
        m.name = fromStd(s.name);
        if (m.name.isEmpty())
            m.name = QFileInfo(m.dir).fileName();
        m.device = fromStd(s.device);
        m.dtype = fromStd(s.dtype);
        m.fingerprint = fromStd(s.fingerprint);
        m.parameters = s.parameters;
        m.layers = s.layers;
        m.heads = s.heads;
        m.kvHeads = s.kv_heads;
        m.headDim = s.head_dim;
        m.hiddenSize = s.hidden_size;
        m.vocabSize = s.vocab_size;
        for (const xcomp::CompressorInfo& c : m_session->compressors())
            m.compressors << toEntry(c);
        for (const xcomp::CompressorInfo& c : m_session->optimised())
            m.optimised << toEntry(c);
        for (const std::string& w : s.warnings)
            m.warnings << fromStd(w);
        emit progress(job, 1.0, tr("Model loaded"));
        emit modelOpened(job, m);
    });
    emit jobFinished(job);
}

void EngineWorker::countTokens(quint64 id, const QString& text)
{
    if (!m_session)
        return;  // nothing to count with; the GUI shows no count
    try {
        emit tokensCounted(id, m_session->count_tokens(toStd(text)));
    } catch (const std::exception&) {
        emit tokensCounted(id, -1);
    }
}

void EngineWorker::regenerate(quint64 job, const QString& compressorId, const QString& text, bool captureAttention,
                              int windowTokens)
{
    runJob(job, tr("Compress and regenerate"), [&] {
        xcomp::RegenerateOptions options;
        options.capture_attention = captureAttention;
        options.window_tokens = windowTokens;
        const std::string source = toStd(text);
        const xcomp::RegenerationReport report =
            m_session->regenerate(toStd(compressorId), source, options, callbacks(job, &m_cancel, 0.0, 1.0));
        if (report.cancelled && m_cancel.load()) {
            // Partial result: show it, but tell the GUI the run was cancelled.
            emit regenerated(toResult(job, report, source));
            emit cancelled(job);
            return;
        }
        emit regenerated(toResult(job, report, source));
    });
}

void EngineWorker::compare(quint64 job, const QStringList& compressorIds, const QString& text)
{
    runJob(job, tr("Compare compressors"), [&] {
        const int n = int(compressorIds.size());
        const std::string source = toStd(text);
        for (int i = 0; i < n; ++i) {
            if (m_cancel.load() || shouldStop(job))
                throw xcomp::Cancelled();
            const xcomp::RegenerationReport report = m_session->regenerate(
                toStd(compressorIds.at(i)), source, {}, callbacks(job, &m_cancel, double(i) / n, double(i + 1) / n));
            if (report.cancelled)
                throw xcomp::Cancelled();
            emit compareResult(job, i, n, toResult(job, report, source));
        }
    });
}

void EngineWorker::answer(quint64 job, const QString& compressorId, const QString& context, const QString& question,
                          const QStringList& goldAnswers)
{
    runJob(job, tr("Answer the question"), [&] {
        const xcomp::QAReport q = m_session->answer(toStd(compressorId), toStd(context), toStd(question),
                                                    toStd(goldAnswers), callbacks(job, &m_cancel, 0.0, 1.0));
        if (m_cancel.load())
            throw xcomp::Cancelled();  // the engine returns early with a partial answer
        const QString label = compressorLabel(m_session->compressor(toStd(compressorId)));
        emit answered(toQa(job, q, label, context, goldAnswers));
    });
}

void EngineWorker::prepareSlots(quint64 job, const QString& compressorId, const QString& textA, const QString& pathA,
                                const QString& textB, const QString& pathB)
{
    runJob(job, tr("Prepare the interpolation"), [&] {
        SlotEntry a, b;
        const auto load = [&](SlotEntry& e, const QString& path) {
            e.slot = m_session->load_slot(toStd(path));
            e.path = path;
            e.sourceText = fromStd(m_session->slot_source_text(e.slot));
            e.compressorId = fromStd(m_session->slot_compressor(e.slot));
        };
        if (!pathA.isEmpty())
            load(a, pathA);
        if (!pathB.isEmpty())
            load(b, pathB);
        QString compressor = compressorId;
        if (a.slot >= 0)
            compressor = a.compressorId;
        else if (b.slot >= 0)
            compressor = b.compressorId;
        const auto compress = [&](SlotEntry& e, const QString& text, double from, double to) {
            if (text.trimmed().isEmpty())
                throw xcomp::Error(toStd(tr("Text %1 is empty.").arg(&e == &a ? QStringLiteral("A") : QStringLiteral("B"))));
            e.slot = m_session->compress_to_slot(toStd(compressor), toStd(text), callbacks(job, &m_cancel, from, to));
            e.sourceText = fromStd(m_session->slot_source_text(e.slot));
            e.compressorId = fromStd(m_session->slot_compressor(e.slot));
        };
        if (a.slot < 0)
            compress(a, textA, 0.0, 0.5);
        if (b.slot < 0)
            compress(b, textB, 0.5, 1.0);
        if (a.compressorId != b.compressorId)
            throw xcomp::Error(toStd(tr("A was compressed with %1 and B with %2: interpolation needs two prompts "
                                        "of the same compressor.")
                                         .arg(a.compressorId, b.compressorId)));
        emit slotsPrepared(job, a, b);
    });
}

void EngineWorker::compressAndSave(quint64 job, const QString& compressorId, const QString& text, const QString& path)
{
    runJob(job, tr("Save the compressed prompt"), [&] {
        const int slot = m_session->compress_to_slot(toStd(compressorId), toStd(text), callbacks(job, &m_cancel, 0.0, 1.0));
        // Atomic: write next to the target, then rename over it (a failed save never leaves a
        // truncated .xcp behind).
        const QString partial = path + QStringLiteral(".part");
        QFile::remove(partial);
        try {
            m_session->save_slot(slot, toStd(partial));
        } catch (...) {
            QFile::remove(partial);
            throw;
        }
        if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(path).constData()) != 0) {
            QFile::remove(partial);
            throw xcomp::Error(toStd(tr("Cannot write %1.").arg(path)));
        }
        emit saved(job, path);
    });
}

void EngineWorker::interpolate(quint64 job, quint64 sliderId, int slotA, int slotB, double alpha, bool spherical,
                               int maxNewTokens)
{
    const bool preview = sliderId != 0 && maxNewTokens > 0;
    // A slider request already overtaken by a newer one is dropped before it starts.
    const bool stale = sliderId != 0 && sliderId < m_latestSlider.load();
    m_interpCancel.store(stale || shouldStop(job));
    m_runningSlider.store(sliderId);
    bool delivered = false;
    if (!m_interpCancel.load() && requireSession(job, tr("Interpolate"))) {
        guarded(job, tr("Interpolate"), [&] {
            xcomp::RunControl cb;
            cb.cancel = &m_interpCancel;
            cb.on_progress = [this, job, sliderId, preview](const xcomp::Progress&) {
                if ((!preview && sliderId != 0 && sliderId < m_latestSlider.load()) || shouldStop(job))
                    m_interpCancel.store(true);
            };
            if (sliderId != 0) {
                // The words as they come, so that the text visibly morphs while the slider moves.
                auto textTimer = std::make_shared<QElapsedTimer>();  // invalid until the first word is sent
                cb.on_text = [this, job, textTimer](const std::string& text) {
                    if (!textTimer->isValid() || textTimer->elapsed() >= kThrottleMs) {
                        textTimer->restart();
                        emit partialText(job, fromStd(text));
                    }
                };
            }
            if (preview) {
                auto generated = std::make_shared<int>(0);
                cb.on_token = [generated, maxNewTokens](int64_t, int64_t) { return ++*generated < maxNewTokens; };
            }
            const xcomp::InterpolationPoint p = m_session->interpolate(slotA, slotB, alpha, spherical, cb);
            if (m_interpCancel.load())
                return;  // may have stopped early: not a result
            InterpolationResult r;
            r.id = sliderId;
            r.alpha = alpha;
            r.spherical = spherical;
            r.sweep = sliderId == 0;
            r.preview = preview;
            r.point = toInterpolationPoint(p);
            if (!preview) {
                r.vsA = toDiffData(m_session->slot_source_text(slotA), p.regenerated, p.vs_a);
                r.vsB = toDiffData(m_session->slot_source_text(slotB), p.regenerated, p.vs_b);
            }
            emit interpolated(job, sliderId, r);
            delivered = true;
        });
    }
    m_runningSlider.store(0);
    if (!delivered)
        emit interpolationDropped(job, sliderId);
    emit jobFinished(job);
}

void EngineWorker::ablate(quint64 job, const QString& compressorId, const QString& text, const QString& mode,
                          int memoryToken, const QString& donorText)
{
    runJob(job, tr("Memory-token ablation"), [&] {
        xcomp::AblationRequest request;
        request.mode = toStd(mode);
        request.memory_token = memoryToken;
        if (mode == QLatin1String("replace")) {
            if (donorText.trimmed().isEmpty())
                throw xcomp::Error(toStd(tr("Replacing a memory token needs a second text to take it from.")));
            // The donor goes through the compressor that runs the text (a length variant for a short one).
            const std::string ran = m_session->route(toStd(compressorId), m_session->count_tokens(toStd(text)));
            request.donor_slot = m_session->compress_to_slot(ran, toStd(donorText), callbacks(job, &m_cancel, 0.0, 0.2));
            if (m_cancel.load())
                throw xcomp::Cancelled();
        }
        const double from = request.donor_slot != 0 ? 0.2 : 0.0;
        const xcomp::AblationReport report =
            m_session->ablate(toStd(compressorId), toStd(text), request, callbacks(job, &m_cancel, from, 1.0));
        if (report.cancelled && m_cancel.load())
            throw xcomp::Cancelled();
        AblationResult r;
        r.job = job;
        r.compressorId = fromStd(report.compressor_id);
        r.data = toAblationData(report, request, compressorLabel(m_session->compressor(report.compressor_id)), donorText);
        emit ablated(r);
    });
}

void EngineWorker::runBatch(quint64 job, const QVector<BatchExample>& examples, const QStringList& compressorIds,
                            int skip)
{
    // Other jobs may have run since the last pair: the batch keeps a cancel flag of its own.
    m_batchCancel.store(shouldStop(job));
    emit jobStarted(job);
    bool yielded = false;
    if (requireSession(job, tr("Batch evaluation")))
        guarded(job, tr("Batch evaluation"), [&] {
            const int total = int(examples.size() * compressorIds.size());
            int done = 0, seen = 0;
            bool ranOne = false;  // each call runs at least one pair, so the batch always moves on
            for (const BatchExample& ex : examples) {
                for (const QString& id : compressorIds) {
                    if (seen++ < skip) {
                        ++done;
                        continue;
                    }
                    // Interactive work waiting (Regenerate, Ask, the slider, a token count) goes first;
                    // the batch continues behind it.
                    if (ranOne && callsWaiting()) {
                        enqueue([job, examples, compressorIds, done](EngineWorker& w) {
                            w.runBatch(job, examples, compressorIds, done);
                        });
                        yielded = true;
                        return;
                    }
                    if (m_batchCancel.load() || shouldStop(job))
                        throw xcomp::Cancelled();
                    runBatchPair(job, ex, id, done, total);
                    ++done;
                    ranOne = true;
                }
            }
        });
    if (!yielded)
        emit jobFinished(job);
}

void EngineWorker::runBatchPair(quint64 job, const BatchExample& ex, const QString& id, int done, int total)
{
    const double from = double(done) / std::max(1, total), to = double(done + 1) / std::max(1, total);
    try {
        BatchRowResult row;
        const std::string text = toStd(ex.text);
        const xcomp::RegenerationReport report =
            m_session->regenerate(toStd(id), text, {}, callbacks(job, &m_batchCancel, from, to));
        if (report.cancelled)
            throw xcomp::Cancelled();
        row.row = toEvalRow(ex.id, report);
        // The latent map's point: the compressed prompt again, as a vector. Not for an upper bound (it
        // would run the optimiser a second time).
        if (!report.compressor.method.empty() && report.compressor.method.rfind("optimised", 0) != 0) {
            const int slot = m_session->compress_to_slot(report.compressor.id, text, callbacks(job, &m_batchCancel, to, to));
            const std::vector<float> v = m_session->slot_vector(slot);
            m_session->release_slot(slot);
            row.row.latent = QVector<float>(v.begin(), v.end());
        }
        if (!ex.question.isEmpty() && m_session->compressor(toStd(id)).qa) {
            const xcomp::QAReport q = m_session->answer(toStd(id), text, toStd(ex.question), toStd(ex.answers),
                                                        callbacks(job, &m_batchCancel, to, to));
            if (m_batchCancel.load())
                throw xcomp::Cancelled();
            row.hasQa = true;
            row.qa = toQa(job, q, compressorLabel(report.compressor), ex.text, ex.answers);
        }
        emit batchRow(job, row, done + 1, total);
    } catch (const xcomp::Error& e) {
        // One bad example does not stop the batch.
        emit batchWarning(job, tr("Example %1 (%2): %3").arg(ex.id, id, fromStd(e.what())), done + 1, total);
        emit progress(job, to, QString());
    }
}

}  // namespace xcomp::workbench
