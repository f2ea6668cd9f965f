// Exports on every view (issue 20, item 7): the Regenerate tab's coloured diff (HTML, PDF, PNG) and
// numbers (JSON), the attention plots (PNG, PDF), the Compare tab's summary (CSV) and columns (JSON,
// HTML, PDF) and the interpolation curve (PNG, CSV, JSON) are written through each tab's Export
// button, hold what the view shows, say in the message bar where they went, and the next dialog
// of any tab opens in that folder. Real engine, tiny fixture model.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "app_test_util.h"
#include "attentionpage.h"
#include "batchpage.h"
#include "comparepage.h"
#include "compareview.h"
#include "dashboardview.h"
#include "diffview.h"
#include "engineclient.h"
#include "exportbutton.h"
#include "interpolationpage.h"
#include "interpolationpanel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "preferences.h"
#include "regeneratepage.h"
#include "xcomp/runtime.h"

using namespace xcomp;
using namespace xcomp::workbench;

namespace {

constexpr int kTimeout = 300000;
const QString kText = QStringLiteral("The baker opens his shop at dawn and sells warm bread to the village.");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject readJson(const QString& path)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(readAll(path), &e);
    return e.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

bool isPdf(const QString& path)
{
    return readAll(path).startsWith("%PDF");
}

}  // namespace

class TestExports : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void nothingToExportBeforeAResult();
    void regenerationAsHtmlPdfPngAndJson();
    void attentionPlots();
    void compareSummaryAndColumns();
    void interpolationCurve();
    void dialogsOpenWhereTheLastExportWent();

private:
    void verifyAnnounced(const QString& path);
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
    QString m_model;
};

void TestExports::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("xcomp-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_exports"));
    QSettings().clear();
    xcomp::init_runtime(2);
    QVERIFY(m_dir.isValid());
    if (qEnvironmentVariableIsSet("XCOMP_KEEP_EXPORTS")) {  // to look at the files
        m_dir.setAutoRemove(false);
        qInfo("exports in %s", qPrintable(m_dir.path()));
    }
    m_model = test::findModel();
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
}

void TestExports::cleanupTestCase()
{
    m_window.reset();
}

void TestExports::verifyAnnounced(const QString& path)
{
    QVERIFY(QFileInfo(path).size() > 0);
    MessageBar* bar = m_window->messageBar();
    QVERIFY2(bar->isShowing() && bar->text().contains(QDir::toNativeSeparators(path)), qPrintable(bar->text()));
    QCOMPARE(Preferences::lastExportDirectory(), QFileInfo(path).absolutePath());
}

// Before any result the menus' entries are disabled, and an export says there is nothing to write.
void TestExports::nothingToExportBeforeAResult()
{
    const QList<ExportButton*> buttons{m_window->regeneratePage()->exportButton(), m_window->attentionPage()->exportButton(),
                                       m_window->comparePage()->exportButton(), m_window->interpolationPage()->exportButton()};
    for (ExportButton* b : buttons) {
        QVERIFY(b);
        QVERIFY(!b->keys().isEmpty());
        QVERIFY(!b->isAvailable());
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("nothing.json"));
        QVERIFY(!b->exportTo(b->keys().first(), path, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFileInfo::exists(path));
        emit b->menu()->aboutToShow();
        for (QAction* a : b->menu()->actions())
            QVERIFY(a->isSeparator() || !a->isEnabled());
    }
}

void TestExports::regenerationAsHtmlPdfPngAndJson()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    QSignalSpy ready(m_window.get(), &MainWindow::modelReady);
    m_window->openModelFolder(m_model);
    QVERIFY(ready.wait(120000) || m_window->isModelLoaded());
    m_window->setText(kText);
    QSignalSpy shown(m_window.get(), &MainWindow::regenerationShown);
    m_window->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !m_window->isBusy(), kTimeout);
    RegeneratePage* page = m_window->regeneratePage();
    ExportButton* b = page->exportButton();
    QVERIFY(b->isAvailable());

    const QString html = m_dir.filePath(QStringLiteral("regeneration.html"));
    QVERIFY(b->exportTo(QStringLiteral("diff-html"), html));
    verifyAnnounced(html);
    const QString text = QString::fromUtf8(readAll(html));
    QVERIFY(text.contains(QStringLiteral("The baker opens")));          // the original
    QVERIFY(text.contains(page->result().diff.regenerated.left(12).toHtmlEscaped()));  // the regeneration
    QVERIFY(text.contains(QStringLiteral("BLEU")));
    if (page->diffView()->count(view::ErrorType::Mistake) + page->diffView()->count(view::ErrorType::InformationLoss) > 0)
        QVERIFY(text.contains(QStringLiteral("background-color:")));  // error spans keep their colours

    const QString pdf = m_dir.filePath(QStringLiteral("regeneration.pdf"));
    QVERIFY(b->exportTo(QStringLiteral("diff-pdf"), pdf));
    verifyAnnounced(pdf);
    QVERIFY(isPdf(pdf));

    const QString png = m_dir.filePath(QStringLiteral("regeneration.png"));
    QVERIFY(b->exportTo(QStringLiteral("diff-png"), png));
    verifyAnnounced(png);
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 600 && image.height() >= 100);

    const QString json = m_dir.filePath(QStringLiteral("regeneration.json"));
    QVERIFY(b->exportTo(QStringLiteral("numbers-json"), json));
    verifyAnnounced(json);
    const QJsonObject o = readJson(json);
    QCOMPARE(o.value(QStringLiteral("compressor")).toString(), page->result().compressorLabel);
    const QJsonObject metrics = o.value(QStringLiteral("metrics")).toObject();
    QCOMPARE(metrics.value(QStringLiteral("bleu")).toDouble(), page->result().metrics.bleu);
    QCOMPARE(metrics.value(QStringLiteral("source_tokens")).toInt(), page->result().metrics.sourceTokens);
    QCOMPARE(o.value(QStringLiteral("diff")).toObject().value(QStringLiteral("regenerated")).toString(),
             page->result().diff.regenerated);
    QCOMPARE(o.value(QStringLiteral("error_counts")).toObject().value(QStringLiteral("mistake")).toInt(),
             page->diffView()->count(view::ErrorType::Mistake));
}

void TestExports::attentionPlots()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    AttentionPage* page = m_window->attentionPage();
    QVERIFY(page->hasData());  // the regeneration above captured it
    const QString dir = m_dir.filePath(QStringLiteral("attention"));
    QVERIFY(page->exportButton()->exportTo(QStringLiteral("plots"), dir));
    const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 6);  // three plots, PNG and PDF each
    for (const QString& f : files) {
        const QString path = QDir(dir).filePath(f);
        if (f.endsWith(QStringLiteral(".png")))
            QVERIFY2(!QImage(path).isNull(), qPrintable(f));
        else
            QVERIFY2(isPdf(path), qPrintable(f));
    }
    QVERIFY2(m_window->messageBar()->text().contains(QStringLiteral("6")), qPrintable(m_window->messageBar()->text()));
    QCOMPARE(Preferences::lastExportDirectory(), dir);
    const QString one = m_dir.filePath(QStringLiteral("encoder.pdf"));
    QVERIFY(page->exportButton()->exportTo(QStringLiteral("plot-encoder"), one));
    verifyAnnounced(one);
    QVERIFY(isPdf(one));
}

void TestExports::compareSummaryAndColumns()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    ComparePage* page = m_window->comparePage();
    QSignalSpy done(page, &ComparePage::finished);
    m_window->runComparison();
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1 && !m_window->isBusy(), kTimeout);
    const QVector<view::RegenerationView> results = page->compareView()->results();
    QVERIFY(!results.isEmpty());
    ExportButton* b = page->exportButton();

    const QString csv = m_dir.filePath(QStringLiteral("compare.csv"));
    QVERIFY(b->exportTo(QStringLiteral("summary-csv"), csv));
    verifyAnnounced(csv);
    const QStringList lines = QString::fromUtf8(readAll(csv)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), int(results.size()) + 1);
    QVERIFY(lines.first().startsWith(QStringLiteral("compressor,bleu,rouge_l_f,exact_match,mistake")));
    const QStringList first = lines.at(1).split(QLatin1Char(','));
    QCOMPARE(first.value(1).toDouble(), results.first().metrics.bleu);

    const QString json = m_dir.filePath(QStringLiteral("compare.json"));
    QVERIFY(b->exportTo(QStringLiteral("all-json"), json));
    verifyAnnounced(json);
    const QJsonObject o = readJson(json);
    QCOMPARE(o.value(QStringLiteral("original")).toString(), kText);
    const QJsonArray columns = o.value(QStringLiteral("columns")).toArray();
    QCOMPARE(columns.size(), results.size());
    for (int i = 0; i < columns.size(); ++i) {
        const QJsonObject c = columns.at(i).toObject();
        QCOMPARE(c.value(QStringLiteral("compressor")).toString(), results.at(i).compressorLabel);
        QCOMPARE(c.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("rouge_l_f")).toDouble(),
                 results.at(i).metrics.rougeLF);
    }

    const QString html = m_dir.filePath(QStringLiteral("compare.html"));
    QVERIFY(b->exportTo(QStringLiteral("columns-html"), html));
    verifyAnnounced(html);
    const QString text = QString::fromUtf8(readAll(html));
    for (const view::RegenerationView& r : results)
        QVERIFY(text.contains(r.compressorLabel.toHtmlEscaped()));
    const QString pdf = m_dir.filePath(QStringLiteral("compare.pdf"));
    QVERIFY(b->exportTo(QStringLiteral("columns-pdf"), pdf));
    QVERIFY(isPdf(pdf));
}

void TestExports::interpolationCurve()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    InterpolationPage* page = m_window->interpolationPage();
    page->setTextA(QStringLiteral("The old garden is full of roses."));
    page->setTextB(QStringLiteral("A small boat left the harbour at noon."));
    page->prepareButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(page->isPrepared(), kTimeout);
    InterpolationPanel* panel = page->panel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->curve().size() == InterpolationPage::kSweepPoints && !m_window->engine()->isSweeping(),
                             kTimeout);
    ExportButton* b = page->exportButton();

    const QString csv = m_dir.filePath(QStringLiteral("curve.csv"));
    QVERIFY(b->exportTo(QStringLiteral("curve-csv"), csv));
    verifyAnnounced(csv);
    const QStringList lines = QString::fromUtf8(readAll(csv)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), InterpolationPage::kSweepPoints + 1);
    QCOMPARE(lines.first(), QStringLiteral("alpha,bleu_to_a,bleu_to_b"));
    QCOMPARE(lines.at(1).split(QLatin1Char(',')).value(2).toDouble(), panel->curve().first().bleuToB);

    const QString json = m_dir.filePath(QStringLiteral("curve.json"));
    QVERIFY(b->exportTo(QStringLiteral("curve-json"), json));
    verifyAnnounced(json);
    const QJsonArray points = readJson(json).value(QStringLiteral("points")).toArray();
    QCOMPARE(points.size(), InterpolationPage::kSweepPoints);
    QCOMPARE(points.last().toObject().value(QStringLiteral("alpha")).toDouble(), 1.0);
    QCOMPARE(points.last().toObject().value(QStringLiteral("regenerated")).toString(), panel->curve().last().regenerated);

    const QString png = m_dir.filePath(QStringLiteral("curve.png"));
    QVERIFY(b->exportTo(QStringLiteral("curve-plot"), png));
    verifyAnnounced(png);
    QVERIFY(!QImage(png).isNull());
}

// Each tab's dialog opens in the folder of the last export, whichever tab made it.
void TestExports::dialogsOpenWhereTheLastExportWent()
{
    QTemporaryDir other;
    ExportButton* regenerate = m_window->regeneratePage()->exportButton();
    ExportButton* compare = m_window->comparePage()->exportButton();
    m_window->showTab(MainWindow::RegenerateTab);
    Preferences::setLastExportDirectory(other.path());
    emit compare->menu()->aboutToShow();
    QCOMPARE(compare->exportFolder(), other.path());
    m_window->showTab(MainWindow::BatchTab);  // the Batch tab's own menu, too
    QCOMPARE(m_window->batchPage()->dashboard()->exportFolder(), other.path());
    if (m_model.isEmpty())
        return;
    const QString json = QDir(other.path()).filePath(QStringLiteral("sub/r.json"));
    QDir().mkpath(QFileInfo(json).absolutePath());
    QVERIFY(regenerate->exportTo(QStringLiteral("numbers-json"), json));
    emit compare->menu()->aboutToShow();
    QCOMPARE(compare->exportFolder(), QFileInfo(json).absolutePath());
}

QTEST_MAIN(TestExports)
#include "tst_exports.moc"
