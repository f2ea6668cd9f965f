// The workbench as a newcomer meets it (issue 20): the quit prompt for unsaved work and the session
// reopened at start; the strongest compressor and an example ready at start; a warning for texts
// outside a compressor's trained lengths; examples that fill in their question or say the model is
// English-only; numbers in the interface's locale; labels of length variants; stale results marked;
// the help pane taking its room from the content at 1024x700. Real engine, tiny fixture model.
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

#include "app_test_util.h"
#include "batchpage.h"
#include "comparepage.h"
#include "compressorlengths.h"
#include "dashboardview.h"
#include "engineclient.h"
#include "evaltablemodel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "metricsstrip.h"
#include "modelcontroller.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "qapage.h"
#include "regeneratepage.h"
#include "sessionfile.h"
#include "translationmanager.h"
#include "xcomp/runtime.h"

using namespace xcomp;
using namespace xcomp::workbench;

namespace {

constexpr int kTimeout = 300000;
const QString kText = QStringLiteral("The baker opens his shop at dawn and sells warm bread to the village.");

// Answers the next modal message box with `button` once it is open; records its text.
void answerNextPrompt(QMessageBox::StandardButton button, QString* text = nullptr, bool* asked = nullptr)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, text, asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (text)
            *text = box->text();
        if (asked)
            *asked = true;
        box->button(button)->click();
        timer->deleteLater();
    });
    timer->start();
}

CompressorEntry entry(const QString& id, const QString& method, int m, const QString& variantOf = {},
                      int servesUpTo = 0, bool qa = false)
{
    CompressorEntry c;
    c.id = id;
    c.label = id;
    c.method = method;
    c.memoryTokens = m;
    c.variantOf = variantOf;
    c.servesUpTo = servesUpTo;
    c.qa = qa;
    return c;
}

// What makes a widget as wide as it is: the path down through its widest visible children.
QString widestChain(QWidget* w)
{
    QString out;
    while (w) {
        out += QStringLiteral(" > %1#%2(%3)").arg(QLatin1String(w->metaObject()->className()), w->objectName())
                   .arg(w->minimumSizeHint().width());
        QWidget* widest = nullptr;
        for (QWidget* c : w->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly))
            if (c->isVisibleTo(w) && !c->isWindow() &&
                (!widest || c->minimumSizeHint().width() > widest->minimumSizeHint().width()))
                widest = c;
        w = widest;
    }
    return out;
}

QString tallestChain(QWidget* w)
{
    QString out;
    while (w) {
        out += QStringLiteral(" > %1#%2(%3)").arg(QLatin1String(w->metaObject()->className()), w->objectName())
                   .arg(w->minimumSizeHint().height());
        QWidget* tallest = nullptr;
        for (QWidget* c : w->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly))
            if (c->isVisibleTo(w) && !c->isWindow() &&
                (!tallest || c->minimumSizeHint().height() > tallest->minimumSizeHint().height()))
                tallest = c;
        w = tallest;
    }
    return out;
}

}  // namespace

class TestNewcomer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    // 5. No lost work.
    void quitAsksAboutUnsavedWork();
    void quitSavesToTheSessionFile();
    void cleanWindowQuitsWithoutAsking();
    void lastSessionIsReopenedWhenWanted();
    // 1. Defaults and limits.
    void strongestCompressorIsTheDefault();
    void starterExampleIsReady();
    void routingFollowsTheEngine();
    void metricsStripWarnsOutsideTrainedLengths();
    void regenerationOutsideTrainedLengthsIsFlagged();
    void longTextCountsEveryChunksMemory();
    void examplesFillTheirQuestionAndSayTheLanguage();
    // 9. Text.
    void preferencesLabelsShowNoAmpersand();
    void numbersFollowTheLocale();
    // 8. Labels and stale results.
    void batchTableNamesLengthVariants();
    void editedTextMarksResultsStale();
    // 3. Window size.
    void helpPaneTakesRoomFromTheContent();
    // 2. Queued work; 7. exports.
    void queuedWorkSaysWhatItWaitsFor();
    void batchEstimatesItsTime();
    void exportsSayWhereTheyWrote();
    void interactiveWorkGoesAheadOfTheBatch();

private:
    std::unique_ptr<MainWindow> openWindow(const QSize& size = QSize(1400, 900));
    QString m_model;
};

void TestNewcomer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("xcomp-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_newcomer"));
    xcomp::init_runtime(2);
    TranslationManager::install(QStringLiteral("en"));  // the English plural forms ("1 job ahead")
    m_model = test::findModel();
}

void TestNewcomer::init()
{
    QSettings().clear();
}

void TestNewcomer::cleanup()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

std::unique_ptr<MainWindow> TestNewcomer::openWindow(const QSize& size)
{
    auto w = std::make_unique<MainWindow>();
    w->resize(size);
    w->show();
    QSignalSpy ready(w.get(), &MainWindow::modelReady);
    w->openModelFolder(m_model);
    if (!ready.wait(120000) && !w->isModelLoaded())
        return nullptr;
    return w;
}

void TestNewcomer::quitAsksAboutUnsavedWork()
{
    MainWindow w;
    w.show();
    w.setText(kText);
    QVERIFY(w.isWindowModified());

    QString question;
    answerNextPrompt(QMessageBox::Cancel, &question);
    QVERIFY(!w.close());  // Cancel: the window stays, with its work
    QVERIFY(w.isVisible());
    QCOMPARE(w.text(), kText);
    QVERIFY(question.contains(QStringLiteral("not saved")));

    answerNextPrompt(QMessageBox::Discard);
    QVERIFY(w.close());  // Discard: it closes
    QVERIFY(!w.isVisible());
}

void TestNewcomer::quitSavesToTheSessionFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("work.xcs"));
    MainWindow w;
    w.show();
    w.setText(QStringLiteral("first"));
    QVERIFY(w.saveSession(path));
    w.setText(kText);  // unsaved again
    QVERIFY(w.isWindowModified());
    answerNextPrompt(QMessageBox::Save);
    QVERIFY(w.close());
    WorkbenchSession saved;
    QString error;
    QVERIFY2(SessionFile::load(path, &saved, &error), qPrintable(error));
    QCOMPARE(saved.text, kText);
    QCOMPARE(Preferences::lastSession(), path);
}

void TestNewcomer::cleanWindowQuitsWithoutAsking()
{
    MainWindow w;
    w.show();
    bool asked = false;
    answerNextPrompt(QMessageBox::Cancel, nullptr, &asked);
    QVERIFY(w.close());
    QTest::qWait(100);
    QVERIFY(!asked);
    // The prompt's guard timer must not answer a later test's box.
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
        box->close();
}

void TestNewcomer::lastSessionIsReopenedWhenWanted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("last.xcs"));
    {
        MainWindow w;
        w.show();
        w.setText(kText);
        QVERIFY(w.saveSession(path));
        QVERIFY(w.close());
    }
    QCOMPARE(Preferences::lastSession(), path);
    QVERIFY(Preferences::sessionToRestore().isEmpty());  // off unless the user wants it

    PreferencesDialog dialog;
    QCheckBox* restore = nullptr;
    for (QCheckBox* b : dialog.findChildren<QCheckBox*>())
        if (b->text().contains(QStringLiteral("session")))
            restore = b;
    QVERIFY(restore);
    restore->setChecked(true);
    dialog.apply();
    QVERIFY(Preferences::restoreLastSession());
    QCOMPARE(Preferences::sessionToRestore(), path);
    QFile::remove(path);
    QVERIFY(Preferences::sessionToRestore().isEmpty());  // a file that is gone is not "restored"
}

void TestNewcomer::strongestCompressorIsTheDefault()
{
    const QVector<CompressorEntry> bundled = {
        entry(QStringLiteral("500x-m1"), QStringLiteral("500x"), 1),
        entry(QStringLiteral("500x-m16"), QStringLiteral("500x"), 16),
        entry(QStringLiteral("aoc-m1"), QStringLiteral("aoc"), 1),
        entry(QStringLiteral("aoc-m16"), QStringLiteral("aoc"), 16),
        entry(QStringLiteral("aoc-m16-qa"), QStringLiteral("aoc"), 16, {}, 0, true),
        entry(QStringLiteral("aoc-m16-t192"), QStringLiteral("aoc"), 16, QStringLiteral("aoc-m16"), 192),
        entry(QStringLiteral("icae-m16"), QStringLiteral("icae"), 16),
    };
    QCOMPARE(ModelController::strongestCompressor(bundled), QStringLiteral("aoc-m16"));

    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    // The fixture lists 500x-m4 first; a first start opens on AOC.
    QCOMPARE(w->currentCompressorId(), QStringLiteral("aoc-m4"));
    // A compressor chosen before is kept.
    QVERIFY(w->setCurrentCompressor(QStringLiteral("icae-m4")));
    auto w2 = openWindow();
    QVERIFY(w2);
    QCOMPARE(w2->currentCompressorId(), QStringLiteral("icae-m4"));
}

void TestNewcomer::starterExampleIsReady()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = std::make_unique<MainWindow>();
    w->show();
    w->offerStarterExample();
    QSignalSpy ready(w.get(), &MainWindow::modelReady);
    w->openModelFolder(m_model);
    QVERIFY(ready.wait(120000));
    QVERIFY(!w->text().trimmed().isEmpty());
    QVERIFY(!w->isWindowModified());  // nothing to save yet: quitting does not ask
    QVERIFY(w->runAction()->isEnabled());

    // A text that came first (a file on the command line) is not replaced.
    auto w2 = std::make_unique<MainWindow>();
    w2->offerStarterExample();
    w2->setText(kText);
    QSignalSpy ready2(w2.get(), &MainWindow::modelReady);
    w2->openModelFolder(m_model);
    QVERIFY(ready2.wait(120000));
    QCOMPARE(w2->text(), kText);
}

void TestNewcomer::routingFollowsTheEngine()
{
    const QVector<CompressorEntry> family = {
        entry(QStringLiteral("aoc-m16"), QStringLiteral("aoc"), 16),
        entry(QStringLiteral("aoc-m16-t288"), QStringLiteral("aoc"), 16, QStringLiteral("aoc-m16"), 288),
        entry(QStringLiteral("aoc-m16-t192"), QStringLiteral("aoc"), 16, QStringLiteral("aoc-m16"), 192),
    };
    QCOMPARE(CompressorLengths::routed(family, QStringLiteral("aoc-m16"), 150)->id, QStringLiteral("aoc-m16-t192"));
    QCOMPARE(CompressorLengths::routed(family, QStringLiteral("aoc-m16"), 250)->id, QStringLiteral("aoc-m16-t288"));
    QCOMPARE(CompressorLengths::routed(family, QStringLiteral("aoc-m16"), 400)->id, QStringLiteral("aoc-m16"));
    QCOMPARE(CompressorLengths::routed(family, QStringLiteral("aoc-m16-t288"), 50)->id, QStringLiteral("aoc-m16-t288"));
    QVERIFY(!CompressorLengths::routed(family, QStringLiteral("nope"), 50));

    const CompressorLengths::Range r =
        CompressorLengths::trained(QStringLiteral(XCOMP_FIXTURES_DIR "/tiny-model/compressors/aoc-m4"));
    QCOMPARE(r.shortest, 8);
    QCOMPARE(r.longest, 40);
}

// A text over the limit is cut into chunks, each with its own m memory tokens: the label under the text
// counts them all (it said N / m, as if one compressed prompt held the whole text).
void TestNewcomer::longTextCountsEveryChunksMemory()
{
    CompressorEntry c = entry(QStringLiteral("aoc-m16"), QStringLiteral("aoc"), 16);
    c.maxSourceTokens = 512;
    c.trainedLongest = 480;
    QCOMPARE(CompressorLengths::leastChunks(c, 96), 1);
    QCOMPARE(CompressorLengths::leastChunks(c, 512), 1);
    QCOMPARE(CompressorLengths::leastChunks(c, 519), 2);
    QCOMPARE(CompressorLengths::leastChunks(c, 961), 3);
    c.trainedLongest = 0;  // no training record: the limit is the window
    QCOMPARE(CompressorLengths::leastChunks(c, 1025), 3);
    c.maxSourceTokens = 0;
    QCOMPARE(CompressorLengths::leastChunks(c, 5000), 1);
    // A window chosen in the Regenerate tab cuts any text over it, under the limit too.
    QCOMPARE(CompressorLengths::leastChunks(c, 96, 128), 1);
    QCOMPARE(CompressorLengths::leastChunks(c, 129, 128), 2);
    QCOMPARE(CompressorLengths::leastChunks(c, 5000, 480), 11);

    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    QVERIFY(w->setCurrentCompressor(QStringLiteral("aoc-m4")));  // trained on 8-40 tokens, takes 512 at once
    QString longText;
    while (longText.size() < 4000)
        longText += kText + QLatin1Char(' ');
    w->setText(longText.trimmed());
    QTRY_VERIFY_WITH_TIMEOUT(w->tokenCount() > 512, kTimeout);
    const int chunks = (w->tokenCount() + 39) / 40;
    const QString label = w->tokenLabel()->text();
    QVERIFY2(label.contains(QStringLiteral("at least %1 chunks").arg(chunks)), qPrintable(label));
    QVERIFY2(label.contains(QStringLiteral("up to %1").arg(QLocale().toString(double(w->tokenCount()) / (chunks * 4), 'f', 1))),
             qPrintable(label));
    w->setText(kText);
    QTRY_VERIFY_WITH_TIMEOUT(w->tokenCount() > 0 && w->tokenCount() < 40, kTimeout);
    QVERIFY(!w->tokenLabel()->text().contains(QStringLiteral("chunk")));
}

void TestNewcomer::metricsStripWarnsOutsideTrainedLengths()
{
    MetricsStrip strip;
    strip.resize(900, 120);
    strip.show();
    view::RegenerationMetrics m;
    m.sourceTokens = 188;
    m.memoryTokens = 16;
    m.trainedShortest = 96;
    m.trainedLongest = 128;
    m.maxSourceTokens = 512;
    strip.setMetrics(m);
    auto* warning = strip.findChild<QLabel*>(QStringLiteral("metric-length-warning"));
    QVERIFY(warning);
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QStringLiteral("96")) && warning->text().contains(QStringLiteral("128")),
             qPrintable(warning->text()));
    QCOMPARE(strip.warningText(), warning->text());

    m.sourceTokens = 100;  // inside
    strip.setMetrics(m);
    QVERIFY(strip.warningText().isEmpty());
    QVERIFY(!warning->isVisible());
    m.sourceTokens = 600;  // beyond the limit
    strip.setMetrics(m);
    QVERIFY(strip.warningText().contains(QStringLiteral("512")));
    m.trainedLongest = 0;  // unknown training lengths: no claim
    m.sourceTokens = 300;
    strip.setMetrics(m);
    QVERIFY(strip.warningText().isEmpty());
}

void TestNewcomer::regenerationOutsideTrainedLengthsIsFlagged()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    QVERIFY(w->setCurrentCompressor(QStringLiteral("aoc-m4")));  // trained on 8-40 tokens
    QString longText;
    for (int i = 0; i < 6; ++i)
        longText += kText + QLatin1Char(' ');
    w->setText(longText.trimmed());
    QTRY_VERIFY_WITH_TIMEOUT(w->tokenCount() > 40, kTimeout);
    QVERIFY2(w->tokenLabel()->text().contains(QStringLiteral("trained on")), qPrintable(w->tokenLabel()->text()));
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    w->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
    const QString warning = w->regeneratePage()->metricsStrip()->warningText();
    QVERIFY2(warning.contains(QStringLiteral("8")) && warning.contains(QStringLiteral("40")), qPrintable(warning));

    w->setText(kText);  // inside 8-40
    QTRY_VERIFY_WITH_TIMEOUT(w->tokenCount() > 0 && w->tokenCount() <= 40, kTimeout);
    QVERIFY(!w->tokenLabel()->text().contains(QStringLiteral("trained on")));
    w->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 2 && !w->isBusy(), kTimeout);
    QVERIFY(w->regeneratePage()->metricsStrip()->warningText().isEmpty());
}

void TestNewcomer::examplesFillTheirQuestionAndSayTheLanguage()
{
    MainWindow w;
    QVERIFY(w.loadExample(QStringLiteral(":/examples/abstract-qa-lighthouse.txt")));
    QCOMPARE(w.qaPage()->question(), QStringLiteral("How many lighthouses were surveyed?"));
    QVERIFY(w.qaPage()->goldAnswers().contains(QStringLiteral("42")));
    QVERIFY(w.text().startsWith(QStringLiteral("We surveyed")));  // the header lines are not the text
    QVERIFY(!w.messageBar()->isShowing());

    QVERIFY(w.loadExample(QStringLiteral(":/examples/pd-kafka-verwandlung.txt")));
    QVERIFY(w.text().startsWith(QStringLiteral("Als Gregor Samsa")));
    QVERIFY(w.messageBar()->isShowing());
    QVERIFY2(w.messageBar()->text().contains(QStringLiteral("English")), qPrintable(w.messageBar()->text()));
    w.messageBar()->dismiss();
    QVERIFY(w.loadExample(QStringLiteral(":/examples/pd-confucius-analects.txt")));
    QVERIFY(w.messageBar()->text().contains(QStringLiteral("Chinese")));
}

void TestNewcomer::preferencesLabelsShowNoAmpersand()
{
    PreferencesDialog dialog;
    dialog.show();
    // A label with a mnemonic needs a buddy, else Qt shows the "&" itself.
    for (QLabel* label : dialog.findChildren<QLabel*>())
        if (label->text().contains(QLatin1Char('&')))
            QVERIFY2(label->buddy(), qPrintable(label->text()));
    bool found = false;
    for (QLabel* label : dialog.findChildren<QLabel*>())
        found = found || (label->text() == QStringLiteral("&Model folder:") && qobject_cast<QLineEdit*>(label->buddy()));
    QVERIFY(found);
}

void TestNewcomer::numbersFollowTheLocale()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    view::EvalRow row;
    row.id = QStringLiteral("a");
    row.method = QStringLiteral("aoc");
    row.memoryTokens = 16;
    row.length = 1234;
    row.metrics.bleu = 0.03;
    row.metrics.rougeLF = 0.004;
    row.metrics.compressionRatio = 7.5;
    QCOMPARE(EvalTableModel::displayText(row, EvalTableModel::BleuColumn), QStringLiteral("0,030"));
    QCOMPARE(EvalTableModel::displayText(row, EvalTableModel::RougeLColumn), QStringLiteral("0,004"));
    QCOMPARE(EvalTableModel::displayText(row, EvalTableModel::RatioColumn), QStringLiteral("7,5\u00d7"));
    QCOMPARE(MetricsStrip::formatScore(0.03), QStringLiteral("0,030"));
    // The dashboard's summary under the plot, beside the table.
    DashboardView dash;
    dash.setRows({row});
    auto* summary = dash.findChild<QLabel*>(QStringLiteral("summaryLabel"));
    QVERIFY(summary);
    QVERIFY2(summary->text().contains(QStringLiteral("0,030")), qPrintable(summary->text()));
    QVERIFY(!summary->text().contains(QStringLiteral("0.030")));
}

void TestNewcomer::batchTableNamesLengthVariants()
{
    view::EvalRow row;
    row.method = QStringLiteral("aoc");
    row.memoryTokens = 16;
    row.compressor = QStringLiteral("AOC m=16 (texts up to 192 tokens)");
    QCOMPARE(EvalTableModel::displayText(row, EvalTableModel::MethodColumn), row.compressor);
    row.compressor.clear();
    QCOMPARE(EvalTableModel::displayText(row, EvalTableModel::MethodColumn), QStringLiteral("aoc"));
}

void TestNewcomer::editedTextMarksResultsStale()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    w->setText(kText);
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    w->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
    QSignalSpy compared(w.get(), &MainWindow::comparisonFinished);
    w->runComparison({QStringLiteral("aoc-m4")});
    QTRY_VERIFY_WITH_TIMEOUT(compared.count() == 1 && !w->isBusy(), kTimeout);
    RegeneratePage* page = w->regeneratePage();
    QVERIFY(!page->isStale());
    QVERIFY(!w->comparePage()->isStale());

    w->setText(kText + QStringLiteral(" It closes at noon."));
    QVERIFY(page->isStale());
    QVERIFY(page->titleLabel()->text().startsWith(QStringLiteral("Stale")));
    QVERIFY(w->comparePage()->isStale());
    QVERIFY(w->comparePage()->findChild<QLabel*>(QStringLiteral("compareStaleNote"))->isVisible());

    w->setText(kText);  // back to the text the results are of
    QVERIFY(!page->isStale());
    QVERIFY(!w->comparePage()->isStale());
}

void TestNewcomer::helpPaneTakesRoomFromTheContent()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow(QSize(1024, 700));
    QVERIFY(w);
    w->setText(kText);
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    w->runRegeneration();  // attention is captured: its views are filled
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
    QStringList tooBig;
    for (int tab = 0; tab < MainWindow::TabCount; ++tab) {
        w->showTab(MainWindow::Tab(tab));
        QApplication::processEvents();
        const QSize need = w->minimumSizeHint();
        if (need.width() > 1024 || need.height() > 700 || w->width() != 1024)
            tooBig << QStringLiteral("tab %1 needs %2x%3 (window %4 wide): wide%5; tall%6")
                          .arg(tab).arg(need.width()).arg(need.height()).arg(w->width())
                          .arg(widestChain(w.get()), tallestChain(w.get()));
    }
    for (int tab = 0; tab < MainWindow::TabCount && !tooBig.isEmpty(); ++tab) {
        QWidget* page = w->tabs()->widget(tab);
        qWarning().noquote() << "page" << tab << page->minimumSizeHint() << "wide" << widestChain(page);
        qWarning().noquote() << "   tall" << tallestChain(page);
    }
    QVERIFY2(tooBig.isEmpty(), qPrintable(tooBig.join(QLatin1Char('\n'))));
    w->showTab(MainWindow::AttentionTab);
    QAction* help = nullptr;
    for (QAction* a : w->findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(QKeySequence::HelpContents))
            help = a;
    QVERIFY(help);
    help->trigger();  // F1
    QApplication::processEvents();
    QTRY_VERIFY(w->helpDock()->isVisible());
    QTest::qWait(50);
    QCOMPARE(w->width(), 1024);
    QVERIFY(w->helpDock()->width() >= 200);
    help->trigger();
    QTRY_VERIFY(!w->helpDock()->isVisible());
    QCOMPARE(w->width(), 1024);
}

void TestNewcomer::queuedWorkSaysWhatItWaitsFor()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    w->setText(kText);
    QVERIFY(w->openDataset(QStringLiteral(":/examples/sample-short.jsonl")));
    w->batchPage()->setAllCompressors(true);
    w->runBatch();
    QVERIFY(w->engine()->isBatchRunning());
    w->runRegeneration();  // queued behind the batch
    auto* queue = w->findChild<QLabel*>(QStringLiteral("queueLabel"));
    QVERIFY(queue);
    QVERIFY2(queue->isVisibleTo(w.get()) && queue->text().contains(QStringLiteral("batch")), qPrintable(queue->text()));
    const QString title = w->regeneratePage()->titleLabel()->text();
    QVERIFY2(title.contains(QStringLiteral("waiting for the batch evaluation, 1 job ahead")), qPrintable(title));
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
    QVERIFY(!queue->isVisibleTo(w.get()));
}

void TestNewcomer::batchEstimatesItsTime()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    QVERIFY(w->openDataset(QStringLiteral(":/examples/sample-short.jsonl")));
    BatchPage* batch = w->batchPage();
    batch->setAllCompressors(true);
    const int jobs = int(batch->examplesToRun().size() * w->engine()->model().compressors.size());
    QCOMPARE(batch->plannedJobs(), jobs);
    QVERIFY2(batch->etaLabel()->text().contains(QLocale().toString(jobs)), qPrintable(batch->etaLabel()->text()));
    // One regeneration teaches it the machine's speed: the plan gets a time.
    w->setText(kText);
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    w->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
    QVERIFY(batch->msPerJob() > 0);
    QVERIFY2(batch->etaLabel()->text().contains(QStringLiteral("about")), qPrintable(batch->etaLabel()->text()));
    // While it runs: what is left.
    w->runBatch();
    QSignalSpy done(w.get(), &MainWindow::batchFinished);
    QTRY_VERIFY_WITH_TIMEOUT(batch->dashboard()->rows().size() >= 1, kTimeout);
    if (batch->isRunning())
        QVERIFY2(batch->etaLabel()->text().contains(QStringLiteral("left")), qPrintable(batch->etaLabel()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, kTimeout);
}

// Item 2: a regeneration, a token count issued during a batch run before the batch's next pair, not
// after its last; the Batch tab's Cancel stops the batch and leaves them running.
void TestNewcomer::interactiveWorkGoesAheadOfTheBatch()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    w->setText(kText);
    QVERIFY(w->openDataset(QStringLiteral(":/examples/sample-short.jsonl")));
    BatchPage* batch = w->batchPage();
    batch->setAllCompressors(true);
    const int pairs = batch->plannedJobs();
    QVERIFY(pairs >= 10);
    QSignalSpy finished(w.get(), &MainWindow::batchFinished);
    w->runBatch();
    QTRY_VERIFY_WITH_TIMEOUT(batch->dashboard()->rows().size() >= 1, kTimeout);
    const int rowsBefore = int(batch->dashboard()->rows().size());
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    w->runRegeneration();
    w->setText(kText + QStringLiteral(" Again."));  // a token count, too
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1, kTimeout);
    // It waited for one pair of the batch at most (two rows: one may have been under way), not for all.
    const int rowsAtShown = int(batch->dashboard()->rows().size());
    QVERIFY2(rowsAtShown <= rowsBefore + 2, qPrintable(QStringLiteral("%1 -> %2 of %3").arg(rowsBefore).arg(rowsAtShown).arg(pairs)));
    QVERIFY(w->engine()->isBatchRunning());
    QTRY_VERIFY_WITH_TIMEOUT(w->tokenCount() > 0, kTimeout);
    QVERIFY(w->engine()->isBatchRunning() || batch->dashboard()->rows().size() == pairs);

    // Cancelling the batch does not cancel the regeneration issued beside it.
    if (!w->engine()->isBatchRunning())
        QSKIP("the batch ended before the cancel could be tried");
    w->runRegeneration();
    w->cancelBatch();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 2 && finished.count() == 1 && !w->isBusy(), kTimeout);
    QVERIFY(!w->regeneratePage()->lastRegeneration().cancelled);
    QVERIFY(!w->regeneratePage()->lastRegeneration().view.diff.regenerated.isEmpty());
    QVERIFY(batch->dashboard()->rows().size() < pairs);  // the batch did stop
    QVERIFY(batch->resumableFrom() >= 0);
}

void TestNewcomer::exportsSayWhereTheyWrote()
{
    QTemporaryDir dir;
    Preferences::setLastExportDirectory(dir.path());
    MainWindow w;
    DashboardView* dash = w.batchPage()->dashboard();
    QCOMPARE(dash->exportFolder(), dir.path());  // the dialogs open where the last export went
    view::EvalRow row;
    row.id = QStringLiteral("a");
    row.method = QStringLiteral("aoc");
    row.memoryTokens = 4;
    dash->setRows({row});
    QDir(dir.path()).mkdir(QStringLiteral("out"));
    const QString path = dir.filePath(QStringLiteral("out/table.csv"));
    QSignalSpy exported(dash, &DashboardView::exported);
    QString error;
    QVERIFY2(dash->exportCsv(path, &error), qPrintable(error));
    QCOMPARE(exported.count(), 1);
    QVERIFY(w.messageBar()->isShowing());
    QVERIFY2(w.messageBar()->text().contains(QDir::toNativeSeparators(path)), qPrintable(w.messageBar()->text()));
    QCOMPARE(Preferences::lastExportDirectory(), dir.filePath(QStringLiteral("out")));
    const QStringList plots = dash->exportAllPlots(dir.filePath(QStringLiteral("plots")));
    QVERIFY(!plots.isEmpty());
    QCOMPARE(exported.count(), 2);  // one report for all the plots
    QVERIFY(w.messageBar()->text().contains(QDir::toNativeSeparators(dir.filePath(QStringLiteral("plots")))));
}

QTEST_MAIN(TestNewcomer)
#include "tst_newcomer.moc"
