#include "screenshotrunner.h"

#include <QFile>

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QImage>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QSlider>
#include <QTabWidget>
#include <QTextStream>
#include <QThread>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ablationpage.h"
#include "attentionpage.h"
#include "attentionview.h"
#include "batchpage.h"
#include "comparepage.h"
#include "dashboardview.h"
#include "diffview.h"
#include "engineclient.h"
#include "exportbutton.h"
#include "interpolationpage.h"
#include "interpolationpanel.h"
#include "latentmappanel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "qapage.h"
#include "regeneratepage.h"

namespace xcomp::workbench {

namespace {

QStringList g_written;

void say(const QString& line)
{
    std::fprintf(stderr, "[screenshot] %s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

bool grabTo(MainWindow& w, const QString& dir, const QString& name)
{
    ScreenshotRunner::settle(400);
    if (qEnvironmentVariableIsSet("XCOMP_SCREENSHOT_DEBUG")) {
        for (QWidget* c : w.findChildren<QWidget*>())
            if (c->minimumSizeHint().width() > 900 && c->isVisible())
                say(QStringLiteral("wide: %1 %2 min %3").arg(QLatin1String(c->metaObject()->className()), c->objectName()).arg(c->minimumSizeHint().width()));
    }
    const QPixmap pixmap = w.grab();
    const QString path = QDir(dir).filePath(name);
    if (pixmap.isNull() || !pixmap.save(path)) {
        say(QStringLiteral("could not save %1").arg(path));
        return false;
    }
    g_written << path;
    say(QStringLiteral("wrote %1").arg(path));
    return true;
}

// The window with `button`'s menu drawn open under it (a popup is a window of its own: grab() of the
// main window does not show it).
bool grabWithMenu(MainWindow& w, const QString& dir, const QString& name, QToolButton* button)
{
    QMenu* menu = button->menu();
    const QPoint at = button->mapTo(&w, QPoint(0, button->height()));
    emit menu->aboutToShow();
    menu->popup(button->mapToGlobal(QPoint(0, button->height())));
    ScreenshotRunner::settle(300);
    QPixmap pixmap = w.grab();
    {
        QPainter painter(&pixmap);
        const QPixmap popup = menu->grab();
        // Keep it inside the window (the button sits at the right edge).
        const int x = std::min(at.x(), pixmap.width() / int(pixmap.devicePixelRatio()) - popup.width() - 4);
        painter.drawPixmap(QPoint(std::max(0, x), at.y()), popup);
    }
    menu->hide();
    const QString path = QDir(dir).filePath(name);
    if (pixmap.isNull() || !pixmap.save(path)) {
        say(QStringLiteral("could not save %1").arg(path));
        return false;
    }
    g_written << path;
    say(QStringLiteral("wrote %1").arg(path));
    return true;
}

}  // namespace

QStringList ScreenshotRunner::writtenFiles()
{
    return g_written;
}

bool ScreenshotRunner::waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return true;
}

void ScreenshotRunner::settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

int ScreenshotRunner::run(MainWindow& w, const Options& o)
{
    g_written.clear();
    if (!QDir().mkpath(o.outDir)) {
        say(QStringLiteral("cannot create %1").arg(o.outDir));
        return 2;
    }
    w.resize(o.size);
    w.show();
    settle(200);
    EngineClient* engine = w.engine();

    // 1. Model.
    const QString modelDir = o.modelDir.isEmpty() ? MainWindow::initialModelDir() : o.modelDir;
    say(QStringLiteral("model folder: %1").arg(modelDir));
    w.openModelFolder(modelDir);
    if (!waitFor([&] { return w.isModelLoaded() || (!engine->isBusy() && w.messageBar()->isShowing()); },
                 o.stepTimeoutMs) ||
        !w.isModelLoaded()) {
        grabTo(w, o.outDir, QStringLiteral("no-model.png"));
        say(QStringLiteral("no model: %1").arg(w.messageBar()->text()));
        return 1;
    }
    waitFor([&] { return !engine->isBusy(); }, o.stepTimeoutMs);
    if (engine->model().compressors.isEmpty()) {
        grabTo(w, o.outDir, QStringLiteral("no-compressors.png"));
        say(QStringLiteral("the model folder has no compressors"));
        return 1;
    }
    bool shortTexts = o.texts == Options::Texts::Short;
    if (o.texts == Options::Texts::Automatic)
        shortTexts = engine->model().parameters < 5000000;
    const auto ex = [](const char* name) { return QStringLiteral(":/examples/%1.txt").arg(QLatin1String(name)); };
    const QString mainText = !o.mainText.isEmpty() ? o.mainText
                             : shortTexts          ? ex("short-baker")
                                                   : ex("abstract-sparse-routing");
    const QString textA = shortTexts ? ex("short-garden") : ex("abstract-sparse-routing");
    const QString textB = shortTexts ? ex("short-harbour") : ex("abstract-glacier-sensing");
    const QString qaText = shortTexts ? ex("short-lighthouse") : ex("abstract-qa-lighthouse");
    const QString question = shortTexts ? QStringLiteral("Who kept the lighthouse?")
                                        : QStringLiteral("How many lighthouses were surveyed?");
    const QString gold = shortTexts ? QStringLiteral("Ada Frost") : QStringLiteral("forty-two\n42");
    const QString dataset = shortTexts ? QStringLiteral(":/examples/sample-short.jsonl")
                                       : QStringLiteral(":/examples/sample-dataset.jsonl");
    say(shortTexts ? QStringLiteral("short texts (tiny model)") : QStringLiteral("long texts"));

    QStringList allIds;
    for (const CompressorEntry& c : engine->model().compressors)
        allIds << c.id;

    // 2. Regenerate (with attention). A text file of our own has no title line, unlike the examples.
    const auto loadMain = [&] {
        if (o.mainText.isEmpty())
            return w.loadExample(mainText);
        QFile f(o.mainText);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        w.setText(QString::fromUtf8(f.readAll()).trimmed());
        return true;
    };
    loadMain();
    waitFor([&] { return w.tokenCount() > 0; }, 20000);
    if (!o.compressor.isEmpty() && !w.setCurrentCompressor(o.compressor))
        say(QStringLiteral("no compressor %1; using the first").arg(o.compressor));
    w.attentionPage()->setCaptureAttention(true);
    w.runRegeneration();
    if (!waitFor([&] { return !engine->isBusy() && w.hasRegeneration(); }, o.stepTimeoutMs)) {
        say(QStringLiteral("regeneration did not finish: %1").arg(w.messageBar()->text()));
        grabTo(w, o.outDir, QStringLiteral("regenerate-failed.png"));
        return 1;
    }
    const RegenerationResult& r = w.lastRegeneration();
    // Select a regenerated token a little into the text, so both views show the linked selection.
    const int token = std::min(6, std::max(0, int(r.tokenRanges.size()) - 1));
    if (w.attentionPage()->hasData())
        w.attentionPage()->attentionView()->selectGeneratedToken(token);
    w.showTab(MainWindow::RegenerateTab);
    grabTo(w, o.outDir, QStringLiteral("regenerate.png"));
    // The Export menu every view carries, open over the Regenerate tab.
    grabWithMenu(w, o.outDir, QStringLiteral("export-menu.png"), w.regeneratePage()->exportButton());
    w.showTab(MainWindow::AttentionTab);
    grabTo(w, o.outDir, QStringLiteral("attention.png"));

    // 3. Compare all compressors.
    w.runComparison(allIds);
    if (!waitFor([&] { return !engine->isBusy(); }, o.stepTimeoutMs))
        say(QStringLiteral("comparison timed out"));
    w.showTab(MainWindow::CompareTab);
    grabTo(w, o.outDir, QStringLiteral("compare.png"));

    // 4. Interpolation between two abstracts, with the background curve.
    InterpolationPage* ip = w.interpolationPage();
    ip->setPathA(QString());
    ip->setPathB(QString());
    ip->setTextA(MainWindow::readExample(textA));
    ip->setTextB(MainWindow::readExample(textB));
    w.showTab(MainWindow::InterpolationTab);
    w.prepareInterpolation();
    if (!waitFor([&] { return engine->interpolationReady(); }, o.stepTimeoutMs)) {
        say(QStringLiteral("interpolation not prepared: %1").arg(w.messageBar()->text()));
    } else {
        waitFor([&] { return !engine->isSweeping() && !engine->isInterpolating(); }, o.stepTimeoutMs);
        ip->panel()->setAlpha(0.5);
        waitFor([&] { return ip->panel()->shownAlpha() > 0.49 && ip->panel()->shownAlpha() < 0.51; }, o.stepTimeoutMs);
        waitFor([&] { return !engine->isInterpolating(); }, o.stepTimeoutMs);
    }
    grabTo(w, o.outDir, QStringLiteral("interpolation.png"));
    if (engine->interpolationReady()) {
        // The slider held down and moved: previews of the first words follow it.
        InterpolationPanel* panel = ip->panel();
        panel->slider()->setSliderDown(true);
        panel->slider()->setValue(30);
        waitFor([&] { return panel->isPreviewShown() && std::abs(panel->shownAlpha() - 0.30) < 1e-6 && !engine->isInterpolating(); },
                o.stepTimeoutMs);
        grabTo(w, o.outDir, QStringLiteral("interpolation-drag.png"));
        panel->slider()->setSliderDown(false);  // the release: the full regeneration
        waitFor([&] { return !panel->isPreviewShown() && !engine->isInterpolating(); }, o.stepTimeoutMs);
    }

    // 5. Question answering.
    w.loadExample(qaText);
    w.qaPage()->setQuestion(question);
    w.qaPage()->setGoldText(gold);
    // A QA-tuned compressor when there is one.
    for (const CompressorEntry& c : engine->model().compressors)
        if (c.qa) {
            w.setCurrentCompressor(c.id);
            break;
        }
    w.showTab(MainWindow::QaTab);
    w.askQuestion(w.qaPage()->question(), w.qaPage()->goldAnswers());
    if (!waitFor([&] { return !engine->isBusy(); }, o.stepTimeoutMs))
        say(QStringLiteral("QA timed out"));
    grabTo(w, o.outDir, QStringLiteral("qa.png"));

    // 6. Batch on the sample dataset.
    if (w.openDataset(dataset)) {
        w.batchPage()->setAllCompressors(o.allCompressorsInBatch);
        w.batchPage()->setLimit(o.batchLimit);
        w.runBatch();
        if (!waitFor([&] { return !engine->isBusy(); }, o.stepTimeoutMs))
            say(QStringLiteral("batch timed out"));
        w.showTab(MainWindow::BatchTab);
        grabTo(w, o.outDir, QStringLiteral("batch.png"));
        // The latent map of the same rows (issue 19, item 6).
        w.batchPage()->viewTabs()->setCurrentWidget(w.batchPage()->latentMap());
        if (const CompressorEntry* c = engine->compressor(w.currentCompressorId()))
            w.batchPage()->latentMap()->setCompressor(c->label);  // the compressor of the other shots
        w.batchPage()->latentMap()->updateNow();
        grabTo(w, o.outDir, QStringLiteral("latent-map.png"));
        w.batchPage()->viewTabs()->setCurrentIndex(0);
    }

    // 7. Issue 19: the upper bound beside the compressor of the Regenerate shot, and the ablation view.
    loadMain();
    waitFor([&] { return w.tokenCount() > 0; }, 20000);
    if (!o.compressor.isEmpty())
        w.setCurrentCompressor(o.compressor);
    if (const CompressorEntry* c = engine->compressor(w.currentCompressorId()); c && !c->upperBound) {
        const QString bound = QStringLiteral("optimised-kv-m%1").arg(c->memoryTokens);
        if (engine->compressor(bound)) {
            w.runComparison({c->id, bound});
            if (!waitFor([&] { return !engine->isBusy(); }, o.stepTimeoutMs))
                say(QStringLiteral("comparison with the upper bound timed out"));
            w.showTab(MainWindow::CompareTab);
            grabTo(w, o.outDir, QStringLiteral("compare-upper-bound.png"));
        }
        AblationPage* ablation = w.ablationPage();
        ablation->setMode(QStringLiteral("drop"));
        ablation->setMemoryToken(0);
        w.showTab(MainWindow::AblationTab);
        ablation->run();
        if (!waitFor([&] { return !engine->isBusy(); }, o.stepTimeoutMs))
            say(QStringLiteral("ablation timed out"));
        grabTo(w, o.outDir, QStringLiteral("ablation.png"));
    }

    // 8. The help pane for students, next to the regeneration (of the main text again).
    loadMain();
    w.showTab(MainWindow::RegenerateTab);
    w.helpDock()->show();
    w.resizeDocks({w.helpDock()}, {380}, Qt::Horizontal);
    grabTo(w, o.outDir, QStringLiteral("help.png"));
    w.helpDock()->hide();

    // 9. Issue 19, item 5: a text longer than one window (three abstracts and a novel's opening, 519
    // tokens with the bundled tokenizer), cut into chunks; the second chunk on screen.
    {
        QStringList parts;
        for (const char* name : {"abstract-sparse-routing", "abstract-glacier-sensing", "abstract-qa-lighthouse",
                                 "pd-dickens-two-cities"})
            parts << MainWindow::readExample(ex(name)).trimmed();
        w.setText(parts.join(QStringLiteral("\n\n")));
        waitFor([&] { return w.tokenCount() > 0; }, 20000);
        if (!w.setCurrentCompressor(QStringLiteral("aoc-m16")) && !o.compressor.isEmpty())
            w.setCurrentCompressor(o.compressor);
        w.attentionPage()->setCaptureAttention(true);
        w.runRegeneration();
        if (!waitFor([&] { return !engine->isBusy(); }, o.stepTimeoutMs))
            say(QStringLiteral("the chunked regeneration timed out"));
        RegeneratePage* page = w.regeneratePage();
        page->selectChunk(1);
        w.showTab(MainWindow::RegenerateTab);
        grabTo(w, o.outDir, QStringLiteral("regenerate-chunks.png"));
        page->selectChunk(-1);
    }

    const bool error = w.messageBar()->isShowing() && w.messageBar()->kind() == MessageBar::Kind::Error;
    if (error)
        say(QStringLiteral("an error was shown: %1").arg(w.messageBar()->text()));
    return error ? 1 : 0;
}

}  // namespace xcomp::workbench
