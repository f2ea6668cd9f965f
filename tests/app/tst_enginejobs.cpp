// The engine worker and its GUI-thread client: latest-wins bookkeeping (LatestWinsTracker), engine
// errors turned into signals (never a crash), cancellation, and — with a real model (env
// XCOMP_MODEL_DIR or tests/fixtures/tiny-model) — a burst of slider requests that yields exactly one
// result, for the last alpha.
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/app_test_util.h"
#include "engineclient.h"
#include "engineworker.h"
#include "jobtracker.h"
#include "xcomp/runtime.h"

using namespace xcomp::workbench;

namespace {

using test::findModel;
using test::kNoModel;

const QString kTextA = QStringLiteral(
    "We surveyed forty-two historic lighthouses along the Atlantic coast to understand how salt spray damages "
    "their iron lanterns.");
const QString kTextB = QStringLiteral(
    "A small convolutional model estimates glacier meltwater discharge from the sound recorded by hydrophones "
    "frozen into boreholes.");

}  // namespace

class TestEngineJobs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void trackerKeepsOnlyTheNewest();
    void trackerReset();
    void noModelIsAnErrorSignal();
    void badModelFolderIsAnErrorSignal();
    void interpolationNeedsSlots();
    void destructorStopsTheThread();
    // With a real model.
    void openRealModel();
    void unknownCompressorIsAnErrorSignal();
    void burstOfSliderRequestsYieldsOneResult();
    void sweepAndSliderInterleave();
    void previewsWhileDragging();
    void cancelStopsARegeneration();
    void restartedSweepDropsOldPoints();

private:
    bool openModel(EngineClient& client);
    QString m_model;
};

void TestEngineJobs::initTestCase()
{
    xcomp::init_runtime(2);
    m_model = findModel();
}

void TestEngineJobs::trackerKeepsOnlyTheNewest()
{
    LatestWinsTracker<double> t;
    QVERIFY(!t.isRunning());
    QVERIFY(!t.hasPending());
    const quint64 first = t.request(0.0);
    auto job = t.takePending();
    QCOMPARE(job.id, first);
    QVERIFY(t.isRunning());
    QVERIFY(!t.runningIsStale());
    quint64 last = 0;
    for (int i = 1; i < 20; ++i)
        last = t.request(i / 19.0);
    QVERIFY(t.runningIsStale());
    QVERIFY(t.hasPending());
    QVERIFY(!t.finish(first));  // stale: dropped
    QVERIFY(!t.isRunning());
    job = t.takePending();
    QVERIFY(!t.hasPending());
    QCOMPARE(job.id, last);
    QCOMPARE(job.payload, 1.0);
    QVERIFY(t.finish(last));  // the newest: delivered
    QVERIFY(!t.isRunning());
}

void TestEngineJobs::trackerReset()
{
    LatestWinsTracker<int> t;
    const quint64 a = t.request(1);
    t.takePending();
    t.request(2);
    t.reset();
    QVERIFY(!t.hasPending());
    QVERIFY(!t.finish(a));  // made stale by the reset
}

void TestEngineJobs::noModelIsAnErrorSignal()
{
    EngineClient client;
    QSignalSpy errors(&client, &EngineClient::error);
    QSignalSpy busy(&client, &EngineClient::busyChanged);
    QSignalSpy finished(&client, &EngineClient::jobFinished);
    const quint64 job = client.regenerate(QStringLiteral("x"), QStringLiteral("some text"), false);
    QVERIFY(client.isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.first().first().toULongLong(), job);
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().at(1).toString().contains(QStringLiteral("No model")));
    QVERIFY(!client.isBusy());
    QCOMPARE(busy.count(), 2);  // true, then false
    QCOMPARE(busy.at(1).first().toBool(), false);
}

void TestEngineJobs::badModelFolderIsAnErrorSignal()
{
    QTemporaryDir empty;
    EngineClient client;
    QSignalSpy failed(&client, &EngineClient::modelFailed);
    QSignalSpy errors(&client, &EngineClient::error);
    QSignalSpy opened(&client, &EngineClient::modelOpened);
    client.openModel(empty.path(), QStringLiteral("cpu"), 0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QCOMPARE(errors.count(), 1);
    QVERIFY(!failed.first().first().toString().isEmpty());
    QCOMPARE(opened.count(), 0);
    QVERIFY(!client.hasModel());
    QTRY_VERIFY(!client.isBusy());
    // A device that does not exist is an error too, not a crash.
    client.openModel(empty.path(), QStringLiteral("no-such-device"), 0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 30000);
}

void TestEngineJobs::interpolationNeedsSlots()
{
    EngineClient client;
    QSignalSpy results(&client, &EngineClient::interpolated);
    client.requestInterpolation(0.5, false);  // nothing prepared: kept waiting, nothing sent
    QVERIFY(!client.isInterpolating());
    QVERIFY(client.sliderTracker().hasPending());
    QTest::qWait(100);
    QCOMPARE(results.count(), 0);
}

void TestEngineJobs::destructorStopsTheThread()
{
    auto* client = new EngineClient;
    for (int i = 0; i < 50; ++i)
        client->regenerate(QStringLiteral("x"), QStringLiteral("t"), false);
    client->requestTokenCount(QStringLiteral("abc"));
    delete client;  // cancels, quits and waits without hanging or crashing
    QVERIFY(true);
}

bool TestEngineJobs::openModel(EngineClient& client)
{
    QSignalSpy opened(&client, &EngineClient::modelOpened);
    QSignalSpy failed(&client, &EngineClient::modelFailed);
    client.openModel(m_model, QStringLiteral("cpu"), 2);
    if (!QTest::qWaitFor([&] { return opened.count() + failed.count() > 0; }, 120000))
        return false;
    if (failed.count() > 0)
        qWarning() << "model failed to open:" << failed.first().first().toString();
    return opened.count() == 1 && !client.model().compressors.isEmpty();
}

void TestEngineJobs::openRealModel()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    EngineClient client;
    QVERIFY(openModel(client));
    QVERIFY(client.hasModel());
    QVERIFY(client.model().layers > 0);
    for (const CompressorEntry& c : client.model().compressors) {
        QVERIFY(!c.id.isEmpty());
        QVERIFY(c.memoryTokens > 0);
        QVERIFY(client.compressor(c.id) != nullptr);
    }
    QSignalSpy counts(&client, &EngineClient::tokenCount);
    client.requestTokenCount(QStringLiteral("one"));
    client.requestTokenCount(kTextA);  // latest wins: only this one is reported
    QTRY_COMPARE_WITH_TIMEOUT(counts.count(), 1, 10000);
    QVERIFY(counts.first().first().toInt() > 10);
    QTest::qWait(100);
    QCOMPARE(counts.count(), 1);
}

void TestEngineJobs::unknownCompressorIsAnErrorSignal()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    EngineClient client;
    QVERIFY(openModel(client));
    QSignalSpy errors(&client, &EngineClient::error);
    QSignalSpy results(&client, &EngineClient::regenerated);
    client.regenerate(QStringLiteral("no-such-compressor"), kTextA, false);
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 30000);
    QVERIFY(errors.first().at(1).toString().contains(QStringLiteral("no-such-compressor")));
    QCOMPARE(results.count(), 0);
    // An empty text is refused by the engine with a message, too.
    client.regenerate(client.model().compressors.first().id, QStringLiteral("   "), false);
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 2, 30000);
    QTRY_VERIFY(!client.isBusy());
}

void TestEngineJobs::burstOfSliderRequestsYieldsOneResult()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    EngineClient client;
    QVERIFY(openModel(client));
    QSignalSpy prepared(&client, &EngineClient::interpolationPrepared);
    QSignalSpy errors(&client, &EngineClient::error);
    client.prepareInterpolation(client.model().compressors.first().id, kTextA, QString(), kTextB, QString());
    QTRY_VERIFY_WITH_TIMEOUT(prepared.count() + errors.count() > 0, 120000);
    QCOMPARE(errors.count(), 0);
    QVERIFY(client.interpolationReady());
    QVERIFY(client.slotA().slot != client.slotB().slot);

    QSignalSpy results(&client, &EngineClient::interpolated);
    double lastAlpha = 0;
    quint64 lastId = 0;
    for (int i = 0; i < 20; ++i) {
        lastAlpha = 0.05 * i + 0.025;
        lastId = client.requestInterpolation(lastAlpha, false);
    }
    QTRY_VERIFY_WITH_TIMEOUT(results.count() >= 1 && !client.isInterpolating(), 300000);
    QTest::qWait(300);  // nothing late may arrive
    QCOMPARE(results.count(), 1);
    const auto r = results.first().first().value<InterpolationResult>();
    QCOMPARE(r.id, lastId);
    QCOMPARE(r.alpha, lastAlpha);
    QVERIFY(!r.sweep);
    QCOMPARE(r.point.alpha, lastAlpha);
    QVERIFY(r.point.bleuToA >= 0 && r.point.bleuToA <= 1);
    QCOMPARE(r.vsA.original, client.slotA().sourceText);
    QCOMPARE(r.vsB.original, client.slotB().sourceText);
    QCOMPARE(r.vsA.regenerated, r.point.regenerated);
    QCOMPARE(errors.count(), 0);
}

// Issue 20, item 4: while the slider is dragged, requests are previews of the first words. A
// running preview finishes and is shown (it is for a position the slider just passed), only the
// newest waits, the ones in between never run; the full request of the release stops a running
// preview and is the last result.
void TestEngineJobs::previewsWhileDragging()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    EngineClient client;
    QVERIFY(openModel(client));
    QSignalSpy prepared(&client, &EngineClient::interpolationPrepared);
    client.prepareInterpolation(client.model().compressors.first().id, kTextA, QString(), kTextB, QString());
    QTRY_VERIFY_WITH_TIMEOUT(prepared.count() == 1, 120000);
    QSignalSpy results(&client, &EngineClient::interpolated);
    QSignalSpy partial(&client, &EngineClient::interpolationPartial);
    const int started = client.interpolationsStarted();
    for (int i = 0; i <= 20; ++i)  // a drag: 21 positions before the event loop runs again
        client.requestInterpolation(0.05 * i, false, 4);
    QTRY_VERIFY_WITH_TIMEOUT(!client.isInterpolating() && !client.sliderTracker().hasPending(), 120000);
    QTest::qWait(200);
    QCOMPARE(client.interpolationsStarted() - started, 2);  // the first (running) and the newest
    QCOMPARE(results.count(), 2);
    const auto first = results.at(0).first().value<InterpolationResult>();
    const auto last = results.at(1).first().value<InterpolationResult>();
    QVERIFY(first.preview && last.preview);
    QCOMPARE(first.alpha, 0.0);
    QCOMPARE(last.alpha, 1.0);
    QVERIFY(!last.point.regenerated.isEmpty());
    QVERIFY(last.vsA.spans.isEmpty());  // a preview is not aligned
    QVERIFY(partial.count() >= 1);      // words streamed

    // The release: the full regeneration; a preview still running is stopped and not shown.
    results.clear();
    client.requestInterpolation(0.5, false, 4);
    const quint64 full = client.requestInterpolation(0.5, false);
    QTRY_VERIFY_WITH_TIMEOUT(!client.isInterpolating() && !client.sliderTracker().hasPending(), 120000);
    QTest::qWait(200);
    QCOMPARE(results.count(), 1);
    const auto r = results.first().first().value<InterpolationResult>();
    QCOMPARE(r.id, full);
    QVERIFY(!r.preview);
    QCOMPARE(r.vsA.regenerated, r.point.regenerated);
    QCOMPARE(r.vsA.original, client.slotA().sourceText);
}

void TestEngineJobs::sweepAndSliderInterleave()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    EngineClient client;
    QVERIFY(openModel(client));
    QSignalSpy prepared(&client, &EngineClient::interpolationPrepared);
    client.prepareInterpolation(client.model().compressors.first().id, kTextA, QString(), kTextB, QString());
    QTRY_VERIFY_WITH_TIMEOUT(prepared.count() == 1, 120000);
    QSignalSpy curve(&client, &EngineClient::curveChanged);
    QSignalSpy done(&client, &EngineClient::sweepFinished);
    QSignalSpy results(&client, &EngineClient::interpolated);
    client.startSweep(5, false);
    QVERIFY(client.isSweeping());
    client.requestInterpolation(0.3, false);
    const quint64 last = client.requestInterpolation(0.7, false);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 300000);
    QTRY_VERIFY_WITH_TIMEOUT(!client.isInterpolating(), 60000);
    QCOMPARE(results.count(), 1);
    QCOMPARE(results.first().first().value<InterpolationResult>().id, last);
    const auto points = client.curve();
    QCOMPARE(points.size(), 5);
    for (int i = 0; i < points.size(); ++i)
        QCOMPARE(points[i].alpha, i / 4.0);  // sorted, evenly spaced
    QCOMPARE(curve.last().at(1).toInt(), 5);
    QCOMPARE(curve.last().at(2).toInt(), 5);
}

void TestEngineJobs::cancelStopsARegeneration()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    EngineClient client;
    QVERIFY(openModel(client));
    QSignalSpy cancelled(&client, &EngineClient::cancelled);
    QSignalSpy results(&client, &EngineClient::regenerated);
    QSignalSpy errors(&client, &EngineClient::error);
    const QString id = client.model().compressors.first().id;
    client.regenerate(id, kTextA, false);
    client.regenerate(id, kTextB, false);  // queued behind the first
    client.cancel();                       // direct call: both stop
    QTRY_VERIFY_WITH_TIMEOUT(!client.isBusy(), 120000);
    QCOMPARE(errors.count(), 0);
    QVERIFY(cancelled.count() >= 1);
    for (const auto& args : results)
        QVERIFY(args.first().value<RegenerationResult>().cancelled);
    // A job after the cancel runs normally.
    client.regenerate(id, kTextA, false);
    QTRY_VERIFY_WITH_TIMEOUT(!client.isBusy(), 120000);
    QVERIFY(!results.isEmpty());
    QVERIFY(!results.last().first().value<RegenerationResult>().cancelled);
}

void TestEngineJobs::restartedSweepDropsOldPoints()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    EngineClient client;
    QVERIFY(openModel(client));
    const QString id = client.model().compressors.first().id;
    QSignalSpy prepared(&client, &EngineClient::interpolationPrepared);
    QSignalSpy curve(&client, &EngineClient::curveChanged);
    client.prepareInterpolation(id, kTextA, QString(), kTextB, QString());
    QTRY_VERIFY_WITH_TIMEOUT(prepared.count() == 1, 120000);
    client.startSweep(5, false);
    QTRY_VERIFY_WITH_TIMEOUT(client.isInterpolating(), 10000);
    // New endpoints while a point of the old sweep is running: that point must not reach the new curve.
    client.prepareInterpolation(id, kTextB, QString(), kTextA, QString());
    QVERIFY(!client.isSweeping());
    QTRY_VERIFY_WITH_TIMEOUT(prepared.count() == 2, 120000);
    QSignalSpy done(&client, &EngineClient::sweepFinished);
    client.startSweep(5, true);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1 && !client.isInterpolating(), 300000);
    const auto points = client.curve();
    QCOMPARE(points.size(), 5);
    for (int i = 0; i < points.size(); ++i)
        QCOMPARE(points[i].alpha, i / 4.0);
}

QTEST_GUILESS_MAIN(TestEngineJobs)
#include "tst_enginejobs.moc"
