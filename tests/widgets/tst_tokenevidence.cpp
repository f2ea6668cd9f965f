// TokenEvidenceView (issue 19, item 2) and the teacher-forced accuracy beside exact match: the strip's
// cells, colours, tooltips, first-divergence mark, clicks and exports; the metrics strip's card and the
// batch table's "TF acc" column.
#include <QApplication>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "evaltablemodel.h"
#include "metricsstrip.h"
#include "tokenevidenceview.h"

using namespace xcomp;

namespace {

QString S(const char* s) { return QString::fromUtf8(s); }

// The colour most pixels of a rectangle have (a cell's fill, whatever its text and marks).
QColor dominant(const QImage& img, const QRect& r)
{
    QHash<QRgb, int> count;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            ++count[img.pixel(x, y)];
    QRgb best = 0;
    int most = -1;
    for (auto it = count.constBegin(); it != count.constEnd(); ++it)
        if (it.value() > most) {
            most = it.value();
            best = it.key();
        }
    return QColor::fromRgb(best);
}

// "The cat sat" + end: the decoder is sure of "The", unsure of "cat" (rank 2), and greedy decoding
// leaves the original at "cat".
view::TokenEvidence sample()
{
    view::TokenEvidence e;
    e.tokens = {S("\u2581The"), S("\u2581cat"), S("\u2581sat"), QString()};
    e.probability = {0.98f, 0.30f, 0.75f, 0.90f};
    e.rank = {1, 2, 1, 1};
    e.entropy = {0.1f, 1.7f, 0.6f, 0.3f};
    e.originalRanges = {{0, 3}, {4, 7}, {8, 11}, {11, 11}};
    e.teacherForcedAccuracy = 0.75;
    e.firstDivergence = 1;
    return e;
}

}  // namespace

class TstTokenEvidence : public QObject {
    Q_OBJECT
private slots:
    void cellsAndTexts();
    void colours();
    void tooltipsExplainEachToken();
    void summaryNamesTheFirstDivergence();
    void clickSelectsAToken();
    void linesWrap();
    void exports();
    void metricsStripShowsTeacherForcedAccuracy();
    void batchTableHasATfAccColumn();
};

void TstTokenEvidence::cellsAndTexts()
{
    TokenEvidenceView v;
    QVERIFY(v.isEmpty());
    v.resize(600, 80);
    v.setEvidence(sample());
    QCOMPARE(v.evidence().size(), 4);
    QCOMPARE(v.tokenText(0), S("The"));
    QCOMPARE(v.tokenText(1), S("cat"));
    QCOMPARE(v.tokenText(3), S("\u27e8end\u27e9"));
    // Cells in reading order on one line, a word gap between them.
    for (int i = 1; i < 4; ++i) {
        QVERIFY(v.tokenRect(i).isValid());
        QCOMPARE(v.tokenRect(i).top(), v.tokenRect(0).top());
        QVERIFY(v.tokenRect(i).left() > v.tokenRect(i - 1).right());
    }
    QCOMPARE(v.tokenAt(v.tokenRect(2).center()), 2);
    QCOMPARE(v.tokenAt(QPoint(0, 0)), -1);
    v.clear();
    QVERIFY(v.isEmpty());
    QVERIFY(!v.tokenRect(0).isValid());
}

void TstTokenEvidence::colours()
{
    // Green when sure, red when the decoder expected something else, yellow between.
    const QColor sure = TokenEvidenceView::probabilityColor(1.0);
    const QColor unsure = TokenEvidenceView::probabilityColor(0.5);
    const QColor wrong = TokenEvidenceView::probabilityColor(0.0);
    QVERIFY(sure.green() > sure.red());
    QVERIFY(wrong.red() > wrong.green());
    QVERIFY(unsure.red() > 200 && unsure.green() > 200);
    // What is painted is that colour: the middle of the unlikely "cat" is reddish, "The" greenish.
    TokenEvidenceView v;
    v.resize(600, 80);
    v.setEvidence(sample());
    v.show();
    const QImage img = v.grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QColor cat = dominant(img, v.tokenRect(1));
    const QColor the = dominant(img, v.tokenRect(0));
    QCOMPARE(cat, TokenEvidenceView::probabilityColor(0.30));
    QCOMPARE(the, TokenEvidenceView::probabilityColor(0.98));
    QVERIFY(cat.red() > cat.green());
    QVERIFY(the.green() > the.red());
}

void TstTokenEvidence::tooltipsExplainEachToken()
{
    TokenEvidenceView v;
    v.setEvidence(sample());
    const QString cat = v.tokenToolTip(1);
    QVERIFY2(cat.contains(S("0.300")), qPrintable(cat));
    QVERIFY(cat.contains(S("rank 2")));
    QVERIFY(cat.contains(S("1.70")));
    QVERIFY(cat.contains(S("preferred 1 other token")));
    QVERIFY(cat.contains(S("Greedy decoding first leaves the original here")));
    const QString the = v.tokenToolTip(0);
    QVERIFY(the.contains(S("first choice")));
    QVERIFY(!the.contains(S("Greedy decoding")));
    QVERIFY(v.tokenToolTip(7).isEmpty());
}

void TstTokenEvidence::summaryNamesTheFirstDivergence()
{
    TokenEvidenceView v;
    v.setEvidence(sample());
    QCOMPARE(v.summaryText(), S("Teacher-forced accuracy 75% \u00b7 greedy decoding leaves the original at token 2 (\u201ccat\u201d)"));
    view::TokenEvidence exact = sample();
    exact.firstDivergence = -1;
    v.setEvidence(exact);
    QVERIFY(v.summaryText().contains(S("reproduces the original exactly")));
    // The divergence is outlined in dark red: the cell's border differs from its fill.
    v.setEvidence(sample());
    v.resize(600, 80);
    const QImage img = v.grab().toImage();
    const QRect r = v.tokenRect(1);
    const QColor border = img.pixelColor(r.left() + 1, r.center().y());
    QVERIFY2(border.red() > 120 && border.green() < 60, qPrintable(border.name()));
    const QRect plain = v.tokenRect(2);
    QCOMPARE(img.pixelColor(plain.left() + 1, plain.center().y()), TokenEvidenceView::probabilityColor(0.75));
}

void TstTokenEvidence::clickSelectsAToken()
{
    TokenEvidenceView v;
    v.resize(600, 80);
    v.setEvidence(sample());
    v.show();
    QSignalSpy clicked(&v, &TokenEvidenceView::tokenClicked);
    QTest::mouseClick(&v, Qt::LeftButton, {}, v.tokenRect(2).center());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), 2);
    QCOMPARE(v.selectedToken(), 2);
    QTest::mouseClick(&v, Qt::LeftButton, {}, QPoint(1, 1));
    QCOMPARE(clicked.count(), 1);  // between tokens: nothing
}

void TstTokenEvidence::linesWrap()
{
    view::TokenEvidence e;
    for (int i = 0; i < 60; ++i) {
        e.tokens << S("\u2581word");
        e.probability << 0.5f;
        e.rank << 1;
        e.entropy << 1.0f;
    }
    TokenEvidenceView v;
    v.setEvidence(e);
    v.resize(200, v.heightForWidth(200));
    QVERIFY(v.tokenRect(59).top() > v.tokenRect(0).top());
    QVERIFY(v.tokenRect(59).bottom() < v.height());
    QVERIFY(v.heightForWidth(200) > v.heightForWidth(800));
    for (int i = 0; i < 60; ++i)
        QVERIFY(v.tokenRect(i).right() < 200);
}

void TstTokenEvidence::exports()
{
    QTemporaryDir dir;
    TokenEvidenceView v;
    v.resize(400, 60);
    v.setEvidence(sample());
    QString error;
    const QString csv = dir.filePath(S("e.csv"));
    QVERIFY2(v.exportFile(csv, &error), qPrintable(error));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(0), S("index,token,probability,rank,entropy,first_divergence"));
    QVERIFY2(lines.at(2).startsWith(S("1,\u2581cat,0.30")), qPrintable(lines.at(2)));
    QVERIFY2(lines.at(2).endsWith(S(",2,1.70000005,1")), qPrintable(lines.at(2)));
    QVERIFY(lines.at(4).startsWith(S("3,</s>,")));

    const QString json = dir.filePath(S("e.json"));
    QVERIFY2(v.exportFile(json, &error), qPrintable(error));
    QFile j(json);
    QVERIFY(j.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(j.readAll()).object();
    QCOMPARE(root.value(S("format")).toString(), S("xcomp-token-evidence"));
    QCOMPARE(root.value(S("first_divergence")).toInt(), 1);
    QCOMPARE(root.value(S("teacher_forced_accuracy")).toDouble(), 0.75);
    QCOMPARE(root.value(S("tokens")).toArray().size(), 4);
    QCOMPARE(root.value(S("tokens")).toArray().at(1).toObject().value(S("rank")).toInt(), 2);

    const QString png = dir.filePath(S("e.png"));
    QVERIFY2(v.exportFile(png, &error), qPrintable(error));
    QImage img(png);
    QVERIFY(!img.isNull());
    QVERIFY(img.width() >= 400);
    QVERIFY(!v.exportFile(dir.filePath(S("e.txt")), &error));
    QVERIFY(error.contains(S(".csv")));
}

void TstTokenEvidence::metricsStripShowsTeacherForcedAccuracy()
{
    MetricsStrip strip;
    view::RegenerationMetrics m;
    m.exactMatch = 0;
    m.teacherForcedAccuracy = 0.95;
    strip.setMetrics(m);
    QCOMPARE(strip.fieldText(MetricsStrip::ExactMatch), S("no"));
    QCOMPARE(strip.fieldText(MetricsStrip::TeacherForcedAccuracy), S("95%"));
    // The tooltip tells the two apart.
    const QString tip = strip.fieldToolTip(MetricsStrip::TeacherForcedAccuracy);
    QVERIFY(tip.contains(S("Exact match")));
    QVERIFY(tip.contains(S("derail")));
    // Next to exact match in the strip.
    auto* em = strip.findChild<QWidget*>(S("metric-exact-match"));
    auto* tf = strip.findChild<QWidget*>(S("metric-teacher-forced-accuracy"));
    QVERIFY(em && tf);
    strip.resize(strip.sizeHint());
    strip.show();
    QVERIFY(tf->geometry().left() > em->geometry().left());
    QCOMPARE(tf->geometry().top(), em->geometry().top());
    // Not measured (an old session): a dash.
    m.teacherForcedAccuracy = -1;
    strip.setMetrics(m);
    QCOMPARE(strip.fieldText(MetricsStrip::TeacherForcedAccuracy), QString(QChar(0x2014)));
}

void TstTokenEvidence::batchTableHasATfAccColumn()
{
    view::EvalRow a, b;
    a.id = S("a");
    a.metrics.teacherForcedAccuracy = 0.875;
    b.id = S("b");  // not measured
    EvalTableModel model;
    model.setRows({a, b});
    const int c = EvalTableModel::TeacherForcedColumn;
    QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), S("TF acc"));
    QVERIFY(model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().contains(S("EM")));
    QCOMPARE(model.index(0, c).data().toString(), S("0.875"));
    QCOMPARE(model.index(0, c).data(EvalTableModel::SortRole).toDouble(), 0.875);
    QCOMPARE(model.index(1, c).data().toString(), QString(QChar(0x2014)));
    const QString csv = QString::fromUtf8(EvalTableModel::toCsv(model.rows()));
    const QStringList lines = csv.split(QLatin1Char('\n'));
    const QStringList header = lines.at(0).split(QLatin1Char(','));
    const int at = int(header.indexOf(S("teacher_forced_accuracy")));
    QVERIFY(at > header.indexOf(S("exact_match")));
    QCOMPARE(lines.at(1).split(QLatin1Char(',')).at(at), S("0.875"));
    QCOMPARE(lines.at(2).split(QLatin1Char(',')).at(at), QString());
    const QJsonArray rows = QJsonDocument::fromJson(EvalTableModel::toJson(model.rows())).object().value(S("rows")).toArray();
    QCOMPARE(rows.at(0).toObject().value(S("teacher_forced_accuracy")).toDouble(), 0.875);
    QVERIFY(!rows.at(1).toObject().contains(S("teacher_forced_accuracy")));
}

QTEST_MAIN(TstTokenEvidence)
#include "tst_tokenevidence.moc"
