// The workbench's files: JSONL datasets (DatasetReader), session JSON (SessionFile, atomic writes),
// recent files in QSettings (Preferences), the bundled examples and icons (resources).
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "datasetreader.h"
#include "mainwindow.h"
#include "preferences.h"
#include "sessionfile.h"

using namespace xcomp::workbench;
using xcomp::view::DiffData;
using xcomp::view::DiffSpan;
using xcomp::view::ErrorType;

class TestWorkbenchFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void datasetFormats();
    void datasetBadLines();
    void datasetMissingFile();
    void sampleDatasetResource();
    void sessionRoundTrip();
    void sessionRejectsOtherJson();
    void sessionClampsSpans();
    void atomicWriteFailure();
    void recentFiles();
    void examplesAndIcons();
};

void TestWorkbenchFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("xcomp-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_workbenchfiles"));
    QSettings().clear();
}

void TestWorkbenchFiles::datasetFormats()
{
    const QByteArray jsonl =
        "{\"id\": \"a\", \"abstract\": \"An abstract.\"}\n"
        "\n"
        "{\"text\": \"Plain text \xC3\xBC\"}\n"
        "{\"_id\": 7, \"context\": \"Ctx\", \"question\": \" Who? \", \"answers\": [\"Ada\", \"Ada Frost\"]}\n"
        "{\"title\": \"sq\", \"context\": \"C\", \"question\": \"Q\", \"answers\": {\"text\": [\"x\"], \"answer_start\": [0]}}\n"
        "{\"context\": \"C2\", \"question\": \"Q2\", \"answer\": \"single\"}\n";
    const DatasetReader::Result r = DatasetReader::readBytes(jsonl);
    QVERIFY(r.ok());
    QVERIFY(r.warnings.isEmpty());
    QCOMPARE(r.examples.size(), 5);
    QCOMPARE(r.examples[0].id, QStringLiteral("a"));
    QCOMPARE(r.examples[0].text, QStringLiteral("An abstract."));
    QVERIFY(r.examples[0].question.isEmpty());
    QCOMPARE(r.examples[1].id, QStringLiteral("line 3"));
    QCOMPARE(r.examples[1].text, QString::fromUtf8("Plain text \xC3\xBC"));
    QCOMPARE(r.examples[2].id, QStringLiteral("7"));
    QCOMPARE(r.examples[2].question, QStringLiteral("Who?"));
    QCOMPARE(r.examples[2].answers, QStringList({QStringLiteral("Ada"), QStringLiteral("Ada Frost")}));
    QCOMPARE(r.examples[3].id, QStringLiteral("sq"));
    QCOMPARE(r.examples[3].answers, QStringList({QStringLiteral("x")}));
    QCOMPARE(r.examples[4].answers, QStringList({QStringLiteral("single")}));
    QCOMPARE(r.questionCount(), 3);
}

void TestWorkbenchFiles::datasetBadLines()
{
    const DatasetReader::Result r =
        DatasetReader::readBytes("not json\n[1,2]\n{\"question\": \"no text\"}\n{\"abstract\": \"ok\"}\n");
    QVERIFY(r.ok());
    QCOMPARE(r.examples.size(), 1);
    QCOMPARE(r.warnings.size(), 3);
    QVERIFY(r.warnings[0].startsWith(QStringLiteral("Line 1")));
    QVERIFY(r.warnings[2].startsWith(QStringLiteral("Line 3")));
    QVERIFY(!DatasetReader::readBytes(QByteArray()).ok());
}

void TestWorkbenchFiles::datasetMissingFile()
{
    const DatasetReader::Result r = DatasetReader::readFile(QStringLiteral("/nonexistent/data.jsonl"));
    QVERIFY(!r.ok());
    QVERIFY(r.error.contains(QStringLiteral("data.jsonl")));
}

void TestWorkbenchFiles::sampleDatasetResource()
{
    const DatasetReader::Result r = DatasetReader::readFile(QStringLiteral(":/examples/sample-dataset.jsonl"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.warnings.isEmpty());
    QVERIFY(r.examples.size() >= 6);
    QVERIFY(r.questionCount() >= 2);
    for (const BatchExample& e : r.examples)
        if (!e.question.isEmpty())
            QVERIFY(!e.answers.isEmpty());
}

void TestWorkbenchFiles::sessionRoundTrip()
{
    WorkbenchSession s;
    s.modelDir = QStringLiteral("/models/tiny");
    s.device = QStringLiteral("cpu");
    s.compressorId = QStringLiteral("aoc-m4");
    s.text = QString::fromUtf8("Gr\xC3\xBC\xC3\x9F" "e \xF0\x9F\x98\x80 \xE5\xAD\xA6");
    s.hasRegeneration = true;
    s.regeneration.compressorLabel = QStringLiteral("AOC m=4");
    s.regeneration.diff.original = s.text;
    s.regeneration.diff.regenerated = QString::fromUtf8("Gr\xC3\xBC\xC3\x9F" "e \xE5\xAD\xA6");
    s.regeneration.diff.spans = {DiffSpan{ErrorType::Equal, 0, 5, 0, 5},
                                 DiffSpan{ErrorType::InformationLoss, 6, 8, 5, 5},
                                 DiffSpan{ErrorType::Equal, 9, 10, 6, 7}};
    s.regeneration.metrics.bleu = 0.123456789;
    s.regeneration.metrics.compressedBytes = 123456789012LL;
    s.regeneration.metrics.sourceTokens = 42;
    s.compare = {s.regeneration, s.regeneration};
    s.compare[1].compressorLabel = QStringLiteral("500x m=16");
    s.question = QStringLiteral("Who?");
    s.goldAnswers = QStringLiteral("Ada\nAda Frost");
    s.hasQa = true;
    s.qa.question = s.question;
    s.qa.answerCompressed = QStringLiteral("Ada");
    s.qa.goldAnswers = {QStringLiteral("Ada")};
    s.qa.hasGold = true;
    s.qa.f1Compressed = 1.0;
    s.textA = QStringLiteral("A text");
    s.pathB = QStringLiteral("/tmp/b.xcp");
    s.spherical = true;
    s.alpha = 0.37;
    s.curve = {xcomp::view::InterpolationPoint{0.0, 1.0, 0.1, QStringLiteral("a")},
               xcomp::view::InterpolationPoint{1.0, 0.2, 0.9, QStringLiteral("b")}};
    s.datasetPath = QStringLiteral("/data/x.jsonl");
    xcomp::view::EvalRow row;
    row.id = QStringLiteral("ex1");
    row.method = QStringLiteral("aoc");
    row.memoryTokens = 4;
    row.length = 100;
    row.metrics.rougeLF = 0.5;
    row.errorCounts[2] = 3;
    row.diff = s.regeneration.diff;
    s.batchRows = {row};

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.xcs"));
    QString error;
    QVERIFY2(SessionFile::save(path, s, &error), qPrintable(error));
    WorkbenchSession t;
    QVERIFY2(SessionFile::load(path, &t, &error), qPrintable(error));
    QCOMPARE(t.modelDir, s.modelDir);
    QCOMPARE(t.compressorId, s.compressorId);
    QCOMPARE(t.text, s.text);
    QVERIFY(t.hasRegeneration);
    QCOMPARE(t.regeneration.diff.original, s.regeneration.diff.original);
    QCOMPARE(t.regeneration.diff.spans.size(), 3);
    QCOMPARE(int(t.regeneration.diff.spans[1].type), int(ErrorType::InformationLoss));
    QCOMPARE(t.regeneration.diff.spans[1].originalBegin, 6);
    QCOMPARE(t.regeneration.diff.spans[1].originalEnd, 8);
    QCOMPARE(t.regeneration.metrics.bleu, 0.123456789);
    QCOMPARE(t.regeneration.metrics.compressedBytes, 123456789012LL);
    QCOMPARE(t.compare.size(), 2);
    QCOMPARE(t.compare[1].compressorLabel, QStringLiteral("500x m=16"));
    QCOMPARE(t.goldAnswers, s.goldAnswers);
    QVERIFY(t.hasQa);
    QCOMPARE(t.qa.f1Compressed, 1.0);
    QCOMPARE(t.pathB, s.pathB);
    QVERIFY(t.spherical);
    QCOMPARE(t.alpha, 0.37);
    QCOMPARE(t.curve.size(), 2);
    QCOMPARE(t.curve[1].bleuToB, 0.9);
    QCOMPARE(t.batchRows.size(), 1);
    QCOMPARE(t.batchRows[0].errorCounts[2], 3);
    QCOMPARE(t.batchRows[0].diff.spans.size(), 3);
    // No temporary file is left next to the session.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList({QStringLiteral("s.xcs")}));
}

void TestWorkbenchFiles::sessionRejectsOtherJson()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"hello\": 1}");
    f.close();
    WorkbenchSession s;
    QString error;
    QVERIFY(!SessionFile::load(path, &s, &error));
    QVERIFY(!error.isEmpty());
    QJsonObject future = SessionFile::toJson(WorkbenchSession());
    future[QStringLiteral("version")] = SessionFile::kVersion + 1;
    QVERIFY(!SessionFile::fromJson(future, &s, &error));
    QVERIFY(error.contains(QString::number(SessionFile::kVersion + 1)));
}

void TestWorkbenchFiles::sessionClampsSpans()
{
    QJsonObject d;
    d[QStringLiteral("original")] = QStringLiteral("abc");
    d[QStringLiteral("regenerated")] = QStringLiteral("ab");
    d[QStringLiteral("spans")] = QJsonArray{QJsonArray{QStringLiteral("mistake"), -5, 99, 1, 0},
                                            QJsonArray{QStringLiteral("bogus"), 0, 1}};
    const DiffData diff = SessionFile::diffFromJson(d);
    QCOMPARE(diff.spans.size(), 1);
    QCOMPARE(diff.spans[0].originalBegin, 0);
    QCOMPARE(diff.spans[0].originalEnd, 3);
    QCOMPARE(diff.spans[0].regeneratedBegin, 1);
    QCOMPARE(diff.spans[0].regeneratedEnd, 1);
    QCOMPARE(int(diff.spans[0].type), int(ErrorType::Mistake));
}

void TestWorkbenchFiles::atomicWriteFailure()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("keep.xcs"));
    QString error;
    QVERIFY(writeFileAtomically(path, "original", &error));
    // A folder that does not exist: the write fails with a message and nothing is created.
    QVERIFY(!writeFileAtomically(dir.filePath(QStringLiteral("missing/x.xcs")), "x", &error));
    QVERIFY(error.contains(QStringLiteral("x.xcs")));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("original"));
}

void TestWorkbenchFiles::recentFiles()
{
    Preferences::clearRecentFiles();
    QTemporaryDir dir;
    for (int i = 0; i < Preferences::kMaxRecentFiles + 3; ++i)
        Preferences::addRecentFile(dir.filePath(QStringLiteral("f%1.txt").arg(i)));
    QStringList files = Preferences::recentFiles();
    QCOMPARE(files.size(), Preferences::kMaxRecentFiles);
    QVERIFY(files.first().endsWith(QStringLiteral("f%1.txt").arg(Preferences::kMaxRecentFiles + 2)));
    Preferences::addRecentFile(dir.filePath(QStringLiteral("f5.txt")));
    files = Preferences::recentFiles();
    QVERIFY(files.first().endsWith(QStringLiteral("f5.txt")));
    QCOMPARE(files.count(files.first()), 1);
    Preferences::addRecentFile(QStringLiteral(":/examples/sample-dataset.jsonl"));  // resources are ignored
    QVERIFY(!Preferences::recentFiles().first().startsWith(QLatin1Char(':')));
    Preferences::removeRecentFile(files.first());
    QVERIFY(!Preferences::recentFiles().contains(files.first()));
    Preferences::setDevice(QString());
    QCOMPARE(Preferences::device(), QStringLiteral("cpu"));
    Preferences::setThreads(-3);
    QCOMPARE(Preferences::threads(), 0);
}

void TestWorkbenchFiles::examplesAndIcons()
{
    const QStringList examples = MainWindow::exampleFiles();
    QVERIFY(examples.size() >= 6);
    for (const QString& e : examples) {
        QVERIFY2(!MainWindow::exampleTitle(e).isEmpty(), qPrintable(e));
        const QString text = MainWindow::readExample(e);
        QVERIFY2(text.size() > 40, qPrintable(e));
        QVERIFY2(!text.contains(QChar::ReplacementCharacter), qPrintable(e));
    }
    QVERIFY(MainWindow::readExample(QStringLiteral(":/examples/pd-kafka-verwandlung.txt")).contains(QString::fromUtf8("Tr\xC3\xA4umen")));
    for (const char* name : {"open", "save", "compress", "play", "cancel", "interpolate", "compare", "attention", "qa",
                             "batch", "model", "help", "xcomp"}) {
        const QString path = QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name));
        QVERIFY2(QFile::exists(path), qPrintable(path));
    }
}

QTEST_MAIN(TestWorkbenchFiles)
#include "tst_workbenchfiles.moc"
