// DiffView, DiffTextEdit, ErrorLegend and ErrorStyle: colours per span (formats and real pixels),
// counts vs legend, tooltips, synchronised scrolling, clicks and token selection.
#include "diffview.h"
#include "errorlegend.h"
#include "errorstyle.h"

#include "widget_test_util.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QToolTip>

#include <functional>

using namespace xcomp;
using test::build;
using test::S;
using view::DiffData;
using view::DiffSpan;
using view::ErrorType;

namespace {

DiffData eiffel(bool withEqual = true)
{
    return build({{ErrorType::Equal, S("The Eiffel Tower is a wrought-iron lattice tower in Paris. It is named after the "),
                   S("The Eiffel Tower is a wrought-iron lattice tower in Paris. It is named after the ")},
                  {ErrorType::Mistake, S("engineer"), S("architect")},
                  {ErrorType::Equal, S(" Gustave Eiffel. Locally "), S(" Gustave Eiffel. Locally ")},
                  {ErrorType::Paraphrase, S("nicknamed"), S("known as")},
                  {ErrorType::Equal, S(" the iron lady, it was built for the "), S(" the iron lady, it was built for the ")},
                  {ErrorType::InformationLoss, S("1889 "), QString()},
                  {ErrorType::Equal, S("World's Fair"), S("World's Fair")},
                  {ErrorType::Hallucination, QString(), S(" in France")},
                  {ErrorType::Equal, S("."), S(".")}},
                 withEqual);
}

// A diff whose only errors are a paraphrase and a hallucination: no red, no yellow anywhere.
DiffData noMistake()
{
    return build({{ErrorType::Equal, S("Paris is the capital of "), S("Paris is the capital of ")},
                  {ErrorType::Paraphrase, S("France"), S("the French Republic")},
                  {ErrorType::Equal, S(" and its largest city"), S(" and its largest city")},
                  {ErrorType::Hallucination, QString(), S(" by far")},
                  {ErrorType::Equal, S("."), S(".")}});
}

int findIn(const QString& text, const char* needle) { return int(text.indexOf(S(needle))); }

using PixelTest = std::function<bool(QRgb)>;

int countPixels(const QImage& img, const PixelTest& test)
{
    const QImage im = img.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < im.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(im.constScanLine(y));
        for (int x = 0; x < im.width(); ++x)
            n += test(line[x]) ? 1 : 0;
    }
    return n;
}

bool isRed(QRgb c) { return qRed(c) > 150 && qGreen(c) < 90 && qBlue(c) < 90; }
bool isYellow(QRgb c) { return qRed(c) > 230 && qGreen(c) > 200 && qBlue(c) < 120; }
bool isBlue(QRgb c) { return qBlue(c) > 150 && qRed(c) < 80 && qGreen(c) < 140; }
bool isGreen(QRgb c) { return qGreen(c) > 100 && qRed(c) < 90 && qBlue(c) < 90; }

QImage grabBig(DiffView& view, const DiffData& d)
{
    view.resize(1100, 500);
    QFont f = view.font();
    f.setPointSize(26);
    view.setTextFont(f);
    view.setLegendVisible(false);  // the legend's swatches carry every colour; test the texts only
    view.setDiff(d);
    return view.grab().toImage();
}

}  // namespace

class TestDiffView : public QObject {
    Q_OBJECT

private slots:
    void formatsAtPositions_data();
    void formatsAtPositions();
    void equalSpansMayBeOmitted();
    void pixelsShowTheColours();
    void noMistakeNoRed();
    void countsAndLegendAgree();
    void legendTooltipsExplain();
    void tooltips();
    void tooltipEventOnViewport();
    void gapTooltip();
    void syncScroll();
    void clickEmitsPosition();
    void selectedTokenMapsToOriginal();
    void legendClickSelectsNextSpan();
    void clearShowsPlaceholder();
    void outOfRangeSpansAreClamped();
    void relianceRangesAreShaded();
};

void TestDiffView::formatsAtPositions_data()
{
    QTest::addColumn<bool>("withEqual");
    QTest::newRow("equal spans listed") << true;
    QTest::newRow("equal spans omitted") << false;
}

void TestDiffView::formatsAtPositions()
{
    QFETCH(bool, withEqual);
    DiffView view;
    const DiffData d = eiffel(withEqual);
    view.setDiff(d);

    // Mistake: red on both sides.
    const int om = findIn(d.original, "engineer"), rm = findIn(d.regenerated, "architect");
    QCOMPARE(view.originalFormatAt(om + 2).foreground().color(), ErrorStyle::foreground(ErrorType::Mistake));
    QCOMPARE(view.regeneratedFormatAt(rm + 2).foreground().color(), ErrorStyle::foreground(ErrorType::Mistake));
    QCOMPARE(view.originalTypeAt(om), ErrorType::Mistake);
    QCOMPARE(view.regeneratedTypeAt(rm + 8), ErrorType::Mistake);
    QCOMPARE(view.regeneratedTypeAt(rm + 9), ErrorType::Equal);  // the space after "architect"

    // Information loss: yellow background and italic, in the original only.
    const int oil = findIn(d.original, "1889");
    const QTextCharFormat il = view.originalFormatAt(oil + 1);
    QCOMPARE(il.background().color(), ErrorStyle::background(ErrorType::InformationLoss));
    QVERIFY(il.fontItalic());
    QCOMPARE(view.originalTypeAt(oil), ErrorType::InformationLoss);

    // Hallucination: blue in the regeneration.
    const int rh = findIn(d.regenerated, "in France");
    QCOMPARE(view.regeneratedFormatAt(rh).foreground().color(), ErrorStyle::foreground(ErrorType::Hallucination));
    QCOMPARE(view.regeneratedTypeAt(rh), ErrorType::Hallucination);

    // Paraphrase: green on both sides.
    const int op = findIn(d.original, "nicknamed"), rp = findIn(d.regenerated, "known as");
    QCOMPARE(view.originalFormatAt(op).foreground().color(), ErrorStyle::foreground(ErrorType::Paraphrase));
    QCOMPARE(view.regeneratedFormatAt(rp + 6).foreground().color(), ErrorStyle::foreground(ErrorType::Paraphrase));

    // Equal text is unmarked.
    for (int pos : {0, 5, findIn(d.original, "Gustave")}) {
        const QTextCharFormat f = view.originalFormatAt(pos);
        QVERIFY(!f.hasProperty(QTextFormat::ForegroundBrush));
        QVERIFY(!f.hasProperty(QTextFormat::BackgroundBrush));
        QVERIFY(!f.fontItalic());
        QCOMPARE(view.originalTypeAt(pos), ErrorType::Equal);
    }
    QVERIFY(!view.regeneratedFormatAt(findIn(d.regenerated, "World")).hasProperty(QTextFormat::ForegroundBrush));
    QCOMPARE(view.originalEdit()->toPlainText(), d.original);
    QCOMPARE(view.regeneratedEdit()->toPlainText(), d.regenerated);
}

void TestDiffView::equalSpansMayBeOmitted()
{
    DiffView a, b;
    a.setDiff(eiffel(true));
    b.setDiff(eiffel(false));
    for (int t = 1; t < view::kErrorTypeCount; ++t)
        QCOMPARE(a.count(ErrorType(t)), b.count(ErrorType(t)));
    QCOMPARE(b.count(ErrorType::Equal), 0);
    QCOMPARE(a.count(ErrorType::Equal), 5);
}

void TestDiffView::pixelsShowTheColours()
{
    DiffView view;
    const QImage img = grabBig(view, eiffel());
    QVERIFY(!img.isNull());
    QVERIFY2(countPixels(img, isRed) > 50, "no red pixels for the mistake");
    QVERIFY2(countPixels(img, isYellow) > 200, "no yellow pixels for the information loss");
    QVERIFY2(countPixels(img, isBlue) > 50, "no blue pixels for the hallucination");
    QVERIFY2(countPixels(img, isGreen) > 50, "no green pixels for the paraphrase");

    // Red appears in both panes: grab them separately.
    QVERIFY(countPixels(view.originalEdit()->grab().toImage(), isRed) > 20);
    QVERIFY(countPixels(view.regeneratedEdit()->grab().toImage(), isRed) > 20);
    // Yellow only in the original (lost text exists only there), blue text only in the regeneration.
    QVERIFY(countPixels(view.originalEdit()->grab().toImage(), isYellow) > 200);
    QCOMPARE(countPixels(view.regeneratedEdit()->grab().toImage(), isYellow), 0);
    QVERIFY(countPixels(view.regeneratedEdit()->grab().toImage(), isBlue) > 50);
}

void TestDiffView::noMistakeNoRed()
{
    DiffView view;
    const QImage img = grabBig(view, noMistake());
    QCOMPARE(countPixels(img, isRed), 0);
    QCOMPARE(countPixels(img, isYellow), 0);
    QVERIFY(countPixels(img, isGreen) > 50);
    QVERIFY(countPixels(img, isBlue) > 50);

    // And an identical regeneration shows no error colour at all.
    DiffData same;
    same.original = same.regenerated = S("Nothing was lost, nothing was added.");
    same.spans << DiffSpan{ErrorType::Equal, 0, int(same.original.size()), 0, int(same.original.size())};
    const QImage plain = grabBig(view, same);
    QCOMPARE(countPixels(plain, isRed) + countPixels(plain, isYellow) + countPixels(plain, isBlue) +
                 countPixels(plain, isGreen), 0);
}

void TestDiffView::countsAndLegendAgree()
{
    DiffView view;
    QSignalSpy spy(&view, &DiffView::countsChanged);
    DiffData d = eiffel();
    // A second mistake.
    d.original += S(" Twice.");
    d.regenerated += S(" Thrice.");
    d.spans << DiffSpan{ErrorType::Mistake, int(d.original.size()) - 6, int(d.original.size()) - 1,
                        int(d.regenerated.size()) - 7, int(d.regenerated.size()) - 1};
    view.setDiff(d);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(view.count(ErrorType::Mistake), 2);
    QCOMPARE(view.count(ErrorType::InformationLoss), 1);
    QCOMPARE(view.count(ErrorType::Hallucination), 1);
    QCOMPARE(view.count(ErrorType::Paraphrase), 1);
    const QVector<int> emitted = spy.at(0).at(0).value<QVector<int>>();
    QCOMPARE(emitted, view.counts());
    for (ErrorType t : ErrorStyle::errorTypes()) {
        QCOMPARE(view.legend()->count(t), view.count(t));
        QVERIFY(view.legend()->itemButton(t)->text().contains(QString::number(view.count(t))));
        QVERIFY(view.legend()->itemButton(t)->text().contains(ErrorStyle::name(t)));
    }
    view.setDiff(noMistake());
    QCOMPARE(view.legend()->count(ErrorType::Mistake), 0);
    QCOMPARE(view.legend()->count(ErrorType::Paraphrase), 1);
}

void TestDiffView::legendTooltipsExplain()
{
    ErrorLegend legend;
    legend.setCount(ErrorType::InformationLoss, 3);
    const QString il = legend.itemToolTip(ErrorType::InformationLoss);
    QVERIFY(il.contains(S("Information loss")));
    QVERIFY(il.contains(S("Words of the original that the regeneration left out.")));
    QVERIFY(il.contains(S("3")));
    QCOMPARE(legend.itemButton(ErrorType::InformationLoss)->toolTip(), il);
    QVERIFY(legend.itemToolTip(ErrorType::Mistake).contains(S("Mistake")));
    QVERIFY(legend.itemToolTip(ErrorType::Hallucination).contains(S("no counterpart in the original")));
    QVERIFY(legend.itemToolTip(ErrorType::Paraphrase).contains(S("same meaning")));
    QVERIFY(!legend.itemButton(ErrorType::Equal));

    legend.setCountsVisible(false);
    QCOMPARE(legend.itemText(ErrorType::Mistake), ErrorStyle::name(ErrorType::Mistake));
}

void TestDiffView::tooltips()
{
    DiffView view;
    const DiffData d = eiffel();
    view.setDiff(d);
    const QString om = view.originalToolTipAt(findIn(d.original, "engineer") + 1);
    QVERIFY2(om.contains(S("Mistake")), qPrintable(om));
    QVERIFY2(om.contains(S("regenerated: “architect”")), qPrintable(om));

    const QString rm = view.regeneratedToolTipAt(findIn(d.regenerated, "architect"));
    QVERIFY(rm.contains(S("Mistake")));
    QVERIFY2(rm.contains(S("original: “engineer”")), qPrintable(rm));

    const QString il = view.originalToolTipAt(findIn(d.original, "1889"));
    QVERIFY(il.contains(S("Information loss")));
    QVERIFY2(il.contains(S("regenerated: (left out)")), qPrintable(il));

    const QString h = view.regeneratedToolTipAt(findIn(d.regenerated, "France"));
    QVERIFY(h.contains(S("Hallucination")));
    QVERIFY2(h.contains(S("original: (nothing here; invented)")), qPrintable(h));

    const QString p = view.regeneratedToolTipAt(findIn(d.regenerated, "known"));
    QVERIFY(p.contains(S("Paraphrase")));
    QVERIFY(p.contains(S("original: “nicknamed”")));

    QVERIFY(view.originalToolTipAt(0).isEmpty());
    QVERIFY(view.regeneratedToolTipAt(findIn(d.regenerated, "Gustave")).isEmpty());
}

void TestDiffView::tooltipEventOnViewport()
{
    DiffView view;
    view.resize(900, 400);
    const DiffData d = eiffel();
    view.setDiff(d);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    DiffTextEdit* edit = view.regeneratedEdit();
    const int pos = findIn(d.regenerated, "architect") + 3;
    const QRect r = edit->charRect(pos);
    QVERIFY(r.isValid());
    QCOMPARE(edit->charAtPoint(r.center()), pos);
    QCOMPARE(edit->toolTipAtPoint(r.center()), edit->toolTipAt(pos));

    QHelpEvent he(QEvent::ToolTip, r.center(), edit->viewport()->mapToGlobal(r.center()));
    QApplication::sendEvent(edit->viewport(), &he);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(S("original: “engineer”")));
    QToolTip::hideText();

    // Far below the text: nothing under the mouse.
    QCOMPARE(edit->charAtPoint(QPoint(5, edit->viewport()->height() - 3)), -1);
    QVERIFY(edit->toolTipAtPoint(QPoint(5, edit->viewport()->height() - 3)).isEmpty());
}

void TestDiffView::gapTooltip()
{
    DiffView view;
    view.resize(900, 400);
    const DiffData d = eiffel();
    view.setDiff(d);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // The lost "1889 " has a zero-width place in the regeneration, before "World's".
    DiffTextEdit* edit = view.regeneratedEdit();
    const int gap = findIn(d.regenerated, "World's");
    const QRect r = edit->charRect(gap);
    const QString tip = edit->toolTipAtPoint(QPoint(r.left(), r.center().y()));
    QVERIFY2(tip.contains(S("Information loss")), qPrintable(tip));
    QVERIFY(tip.contains(S("original: “1889”")));
}

void TestDiffView::syncScroll()
{
    DiffView view;
    view.resize(700, 260);
    DiffData d;
    for (int i = 0; i < 80; ++i) {
        d.original += S("Line %1 of the original text, which is long enough to need scrolling.\n").arg(i);
        d.regenerated += S("Line %1 of the regeneration.\n").arg(i);
    }
    d.regenerated += d.regenerated;  // twice as long: proportional, not equal, offsets
    view.setDiff(d);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar* a = view.originalEdit()->verticalScrollBar();
    QScrollBar* b = view.regeneratedEdit()->verticalScrollBar();
    QVERIFY(a->maximum() > 0);
    QVERIFY(b->maximum() > 0);
    QVERIFY(a->maximum() != b->maximum());

    a->setValue(a->maximum());
    QCOMPARE(b->value(), b->maximum());
    a->setValue(a->maximum() / 2);
    QVERIFY(qAbs(b->value() - b->maximum() / 2) <= 2);
    b->setValue(0);
    QCOMPARE(a->value(), 0);
    b->setValue(b->maximum() / 4);
    QVERIFY(qAbs(double(a->value()) / a->maximum() - 0.25) < 0.02);
}

void TestDiffView::clickEmitsPosition()
{
    DiffView view;
    view.resize(900, 400);
    const DiffData d = eiffel();
    view.setDiff(d);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &DiffView::regeneratedPositionClicked);
    DiffTextEdit* edit = view.regeneratedEdit();
    const int pos = findIn(d.regenerated, "Gustave") + 2;
    QTest::mouseClick(edit->viewport(), Qt::LeftButton, {}, edit->charRect(pos).center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), pos);
    // The clicked word is outlined, and so is the same word in the original.
    QCOMPARE(view.selectedRegeneratedBegin(), findIn(d.regenerated, "Gustave"));
    QCOMPARE(view.selectedRegeneratedEnd(), findIn(d.regenerated, "Gustave") + 7);
    QCOMPARE(view.originalEdit()->markedBegin(), findIn(d.original, "Gustave"));

    // Clicking a mistake outlines the span and its counterpart.
    const int m = findIn(d.regenerated, "architect");
    QTest::mouseClick(edit->viewport(), Qt::LeftButton, {}, edit->charRect(m + 1).center());
    QCOMPARE(spy.count(), 2);
    QCOMPARE(view.originalEdit()->markedBegin(), findIn(d.original, "engineer"));
    QCOMPARE(view.originalEdit()->markedEnd(), findIn(d.original, "engineer") + 8);
}

void TestDiffView::selectedTokenMapsToOriginal()
{
    DiffView view;
    const DiffData d = eiffel(false);  // mapping must work without Equal spans too
    view.setDiff(d);
    const int rb = findIn(d.regenerated, "Fair");
    view.setSelectedRegeneratedToken(rb + 1);
    QCOMPARE(view.selectedRegeneratedBegin(), rb);
    QCOMPARE(view.selectedRegeneratedEnd(), rb + 4);
    // Equal text maps one to one onto the original.
    QCOMPARE(view.originalEdit()->markedBegin(), findIn(d.original, "Fair"));
    QCOMPARE(view.originalEdit()->markedEnd(), findIn(d.original, "Fair") + 4);

    // A word inside a paraphrase maps to the whole counterpart.
    view.setSelectedRegeneratedToken(findIn(d.regenerated, "known"));
    QCOMPARE(view.selectedRegeneratedEnd() - view.selectedRegeneratedBegin(), 5);
    QCOMPARE(view.originalEdit()->markedBegin(), findIn(d.original, "nicknamed"));
    QCOMPARE(view.originalEdit()->markedEnd(), findIn(d.original, "nicknamed") + 9);

    // A hallucination has no counterpart: nothing is outlined in the original.
    const int h = findIn(d.regenerated, " in France");
    view.setSelectedRegeneratedRange(h, h + 10);
    QCOMPARE(view.selectedRegeneratedBegin(), h);
    QCOMPARE(view.originalEdit()->markedEnd(), view.originalEdit()->markedBegin());

    view.setSelectedRegeneratedToken(-1);
    QCOMPARE(view.selectedRegeneratedEnd(), view.selectedRegeneratedBegin());
}

void TestDiffView::legendClickSelectsNextSpan()
{
    DiffView view;
    const DiffData d = eiffel();
    view.setDiff(d);
    view.legend()->itemButton(ErrorType::Hallucination)->click();
    QCOMPARE(view.selectedRegeneratedBegin(), findIn(d.regenerated, " in France"));
    QCOMPARE(view.selectedRegeneratedEnd(), findIn(d.regenerated, " in France") + 10);
    view.legend()->itemButton(ErrorType::InformationLoss)->click();
    QCOMPARE(view.originalEdit()->markedBegin(), findIn(d.original, "1889"));
}

void TestDiffView::clearShowsPlaceholder()
{
    DiffView view;
    view.setDiff(eiffel());
    QVERIFY(!view.isEmpty());
    view.clear();
    QVERIFY(view.isEmpty());
    QVERIFY(view.originalEdit()->toPlainText().isEmpty());
    QVERIFY(!view.originalEdit()->placeholderText().isEmpty());
    QVERIFY(!view.regeneratedEdit()->placeholderText().isEmpty());
    for (ErrorType t : ErrorStyle::errorTypes()) {
        QCOMPARE(view.count(t), 0);
        QCOMPARE(view.legend()->count(t), 0);
    }
    view.resize(600, 300);
    QVERIFY(!view.grab().toImage().isNull());
}

void TestDiffView::outOfRangeSpansAreClamped()
{
    DiffView view;
    DiffData d;
    d.original = S("short");
    d.regenerated = S("shirt");
    d.spans << DiffSpan{ErrorType::Mistake, 0, 99, 2, 99} << DiffSpan{ErrorType::Hallucination, -5, -5, 40, 50};
    view.setDiff(d);  // must not crash or assert
    QCOMPARE(view.originalTypeAt(4), ErrorType::Mistake);
    QCOMPARE(view.regeneratedTypeAt(1), ErrorType::Equal);
    QCOMPARE(view.regeneratedTypeAt(3), ErrorType::Mistake);
    view.setSelectedRegeneratedToken(100);
    view.setSelectedRegeneratedToken(-1);
    QCOMPARE(view.selectedRegeneratedEnd(), view.selectedRegeneratedBegin());
}

QTEST_MAIN(TestDiffView)
// Issue 19, item 4: the words that relied on a selected memory token are shaded; a new text clears them.
void TestDiffView::relianceRangesAreShaded()
{
    DiffTextEdit edit;
    edit.resize(500, 200);
    edit.setDiff(build({{ErrorType::Equal, S("one two three four"), S("one two three four")}}), DiffSide::Regenerated);
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    const auto shaded = [&edit] {
        // Pixels neither white nor text-dark: the shading (the selection colour, translucent).
        return countPixels(edit.viewport()->grab().toImage(), [](QRgb c) {
            return qAbs(qRed(c) - qBlue(c)) > 30 || qAbs(qGreen(c) - qBlue(c)) > 30;
        });
    };
    const int before = shaded();
    edit.setRelianceRanges({{4, 7}, {14, 18}}, {1.0, 0.3});
    QCOMPARE(edit.relianceRanges().size(), 2);
    const int after = shaded();
    QVERIFY2(after > before + 100, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    edit.setDiff(build({{ErrorType::Equal, S("other"), S("other")}}), DiffSide::Regenerated);
    QVERIFY(edit.relianceRanges().isEmpty());
    edit.setRelianceRanges({{0, 5}});
    QVERIFY(shaded() > before);
    edit.setRelianceRanges({});
    QCOMPARE(shaded(), before);
}

#include "tst_diffview.moc"
