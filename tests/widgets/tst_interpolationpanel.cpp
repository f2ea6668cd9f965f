// InterpolationPanel: the slider emits alphaRequested with the right alpha on every move, the
// method choice rides along, play sweeps alpha to 1, setCurve/showRegeneration are displayed.
#undef QT_NO_FOREACH  // qcustomplot.h uses foreach; it must come before any Qt header
#include <qcustomplot.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

#include "diffview.h"
#include "interpolationpanel.h"

using namespace xcomp;

class TstInterpolationPanel : public QObject {
    Q_OBJECT
private slots:
    void initialState();
    void sliderEmitsAlpha();
    void keyboardMovesSlider();
    void methodChoice();
    void setCurveData();
    void showRegeneration();
    void previewWhileDragging();
    void playSweeps();
    void stopAndRestart();
    void busy();
    void sweepRequest();
    void languageChangeKeepsState();
};

void TstInterpolationPanel::initialState()
{
    InterpolationPanel panel;
    QCOMPARE(panel.alpha(), 0.0);
    QVERIFY(!panel.spherical());
    QVERIFY(!panel.isPlaying());
    QVERIFY(!panel.isBusy());
    QVERIFY(panel.curve().isEmpty());
    QCOMPARE(panel.shownAlpha(), -1.0);
    QCOMPARE(panel.slider()->maximum(), InterpolationPanel::kSteps);
    panel.setEndpoints(QStringLiteral("The cat sat."), QStringLiteral("A dog ran."));
    QCOMPARE(panel.textA(), QStringLiteral("The cat sat."));
    auto* a = panel.findChild<QLabel*>(QStringLiteral("endpointA"));
    QVERIFY(a);
    QCOMPARE(a->text(), QStringLiteral("The cat sat."));
}

void TstInterpolationPanel::sliderEmitsAlpha()
{
    InterpolationPanel panel;
    QSignalSpy spy(&panel, &InterpolationPanel::alphaRequested);
    panel.slider()->setValue(35);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toDouble(), 0.35);
    QCOMPARE(spy.at(0).at(1).toBool(), false);
    QCOMPARE(panel.alpha(), 0.35);
    QCOMPARE(panel.markerAlpha(), 0.35);
    auto* label = panel.findChild<QLabel*>(QStringLiteral("alphaLabel"));
    QVERIFY(label && label->text().contains(QStringLiteral("0.35")));

    // Every move emits; the panel does not queue or drop anything itself.
    for (int v : {36, 37, 80, 100})
        panel.slider()->setValue(v);
    QCOMPARE(spy.count(), 5);
    QCOMPARE(spy.last().at(0).toDouble(), 1.0);
    // No move, no signal.
    panel.slider()->setValue(100);
    QCOMPARE(spy.count(), 5);
    // setAlpha rounds to the slider's steps and clamps.
    panel.setAlpha(0.123);
    QCOMPARE(spy.last().at(0).toDouble(), 0.12);
    panel.setAlpha(7.0);
    QCOMPARE(spy.last().at(0).toDouble(), 1.0);
}

void TstInterpolationPanel::keyboardMovesSlider()
{
    InterpolationPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy spy(&panel, &InterpolationPanel::alphaRequested);
    panel.slider()->setFocus();
    QTest::keyClick(panel.slider(), Qt::Key_Right);
    QTest::keyClick(panel.slider(), Qt::Key_PageUp);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).toDouble(), 0.01);
    QCOMPARE(spy.at(1).at(0).toDouble(), 0.11);
}

void TstInterpolationPanel::methodChoice()
{
    InterpolationPanel panel;
    panel.setCurve({{0.0, 1.0, 0.1, QString()}, {1.0, 0.1, 1.0, QString()}});
    panel.slider()->setValue(50);
    QSignalSpy spy(&panel, &InterpolationPanel::alphaRequested);
    panel.setSpherical(true);
    QVERIFY(panel.spherical());
    // Switching the mixing asks again for the current alpha, now spherical, and drops the stale curve.
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toDouble(), 0.5);
    QCOMPARE(spy.at(0).at(1).toBool(), true);
    QVERIFY(panel.curve().isEmpty());
    panel.slider()->setValue(60);
    QCOMPARE(spy.last().at(1).toBool(), true);
    QCOMPARE(panel.methodCombo()->currentData().toBool(), true);
}

void TstInterpolationPanel::setCurveData()
{
    InterpolationPanel panel;
    QVector<view::InterpolationPoint> points;
    // Given out of order: the panel sorts by alpha.
    points.append({1.0, 0.05, 1.0, QStringLiteral("b")});
    points.append({0.0, 1.0, 0.1, QStringLiteral("a")});
    points.append({0.5, 0.4, 0.6, QStringLiteral("ab")});
    panel.setCurve(points);
    const auto curve = panel.curve();
    QCOMPARE(curve.size(), 3);
    QCOMPARE(curve[0].alpha, 0.0);
    QCOMPARE(curve[1].alpha, 0.5);
    QCOMPARE(curve[2].alpha, 1.0);
    QCPGraph* a = panel.curvePlot()->graph(0);
    QCPGraph* b = panel.curvePlot()->graph(1);
    QCOMPARE(a->dataCount(), 3);
    QCOMPARE(b->dataCount(), 3);
    QCOMPARE(a->data()->at(0)->value, 1.0);
    QCOMPARE(a->data()->at(1)->value, 0.4);
    QCOMPARE(b->data()->at(1)->value, 0.6);
    QCOMPARE(b->data()->at(2)->key, 1.0);
    auto* hint = panel.findChild<QLabel*>(QStringLiteral("plotHint"));
    QVERIFY(hint && hint->text().contains(QStringLiteral("0.50")));  // where B overtakes A

    // The vertical line follows the slider.
    panel.slider()->setValue(25);
    QCOMPARE(panel.markerAlpha(), 0.25);
    panel.clearCurve();
    QCOMPARE(panel.curvePlot()->graph(0)->dataCount(), 0);
}

void TstInterpolationPanel::showRegeneration()
{
    InterpolationPanel panel;
    view::DiffData vsA;
    vsA.original = QStringLiteral("The cat sat.");
    vsA.regenerated = QStringLiteral("The dog sat.");
    vsA.spans = {{view::ErrorType::Equal, 0, 4, 0, 4}, {view::ErrorType::Mistake, 4, 7, 4, 7},
                 {view::ErrorType::Equal, 7, 12, 7, 12}};
    view::DiffData vsB;
    vsB.original = QStringLiteral("The dog ran.");
    vsB.regenerated = vsA.regenerated;
    vsB.spans = {{view::ErrorType::Equal, 0, 8, 0, 8}, {view::ErrorType::Mistake, 8, 11, 8, 11},
                 {view::ErrorType::Equal, 11, 12, 11, 12}};
    panel.showRegeneration(0.4, vsA, vsB);
    QCOMPARE(panel.shownAlpha(), 0.4);
    QCOMPARE(panel.shownRegeneration(), QStringLiteral("The dog sat."));
    QCOMPARE(panel.paneA()->toPlainText(), QStringLiteral("The dog sat."));
    QCOMPARE(panel.paneB()->toPlainText(), QStringLiteral("The dog sat."));
    // Colour-coded: "dog" is a mistake against A, "sat" against B.
    QCOMPARE(panel.paneA()->typeAt(5), view::ErrorType::Mistake);
    QCOMPARE(panel.paneA()->typeAt(9), view::ErrorType::Equal);
    QCOMPARE(panel.paneB()->typeAt(5), view::ErrorType::Equal);
    QCOMPARE(panel.paneB()->typeAt(9), view::ErrorType::Mistake);
    QVERIFY(panel.paneA()->isReadOnly());
}

// Issue 20: during a drag the panes show the words so far, uncoloured, titled as a preview; the
// full result that follows replaces them with the coloured diffs.
void TstInterpolationPanel::previewWhileDragging()
{
    InterpolationPanel panel;
    panel.setEndpoints(QStringLiteral("The cat sat."), QStringLiteral("The dog ran."));
    QVERIFY(!panel.isPreviewShown());
    panel.showPreview(0.3, QStringLiteral("The dog"));
    QVERIFY(panel.isPreviewShown());
    QCOMPARE(panel.shownAlpha(), 0.3);
    QCOMPARE(panel.shownRegeneration(), QStringLiteral("The dog"));
    QCOMPARE(panel.paneA()->toPlainText(), QStringLiteral("The dog"));
    QCOMPARE(panel.paneB()->toPlainText(), QStringLiteral("The dog"));
    QCOMPARE(panel.paneA()->typeAt(5), view::ErrorType::Equal);  // not coloured yet
    QVERIFY(panel.paneA()->diff().spans.isEmpty());
    QLabel* title = nullptr;
    for (QLabel* l : panel.findChildren<QLabel*>())
        if (l->text().contains(QStringLiteral("first words")))
            title = l;
    QVERIFY(title);
    QVERIFY(title->text().contains(QLocale().toString(0.3, 'f', 2)));

    view::DiffData vsA{QStringLiteral("The cat sat."), QStringLiteral("The dog sat."),
                       {{view::ErrorType::Equal, 0, 4, 0, 4}, {view::ErrorType::Mistake, 4, 7, 4, 7},
                        {view::ErrorType::Equal, 7, 12, 7, 12}}};
    panel.showRegeneration(0.3, vsA, vsA);
    QVERIFY(!panel.isPreviewShown());
    QCOMPARE(panel.paneA()->typeAt(5), view::ErrorType::Mistake);
    QVERIFY(!title->text().contains(QStringLiteral("first words")));
}

void TstInterpolationPanel::playSweeps()
{
    InterpolationPanel panel;
    panel.setSweepInterval(5);
    panel.setSweepStep(10);
    QSignalSpy alphas(&panel, &InterpolationPanel::alphaRequested);
    QSignalSpy playing(&panel, &InterpolationPanel::playingChanged);
    panel.slider()->setValue(40);
    alphas.clear();
    QTest::mouseClick(panel.playButton(), Qt::LeftButton);
    QVERIFY(panel.isPlaying());
    QCOMPARE(playing.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isPlaying(), 5000);
    QCOMPARE(playing.count(), 2);
    QCOMPARE(panel.alpha(), 1.0);
    // 0.5, 0.6, ..., 1.0: one request per step, increasing.
    QCOMPARE(alphas.count(), 6);
    for (int i = 0; i < alphas.count(); ++i)
        QVERIFY(std::abs(alphas.at(i).at(0).toDouble() - (0.5 + 0.1 * i)) < 1e-9);
}

void TstInterpolationPanel::stopAndRestart()
{
    InterpolationPanel panel;
    panel.setSweepInterval(1000);
    panel.slider()->setValue(100);
    QSignalSpy alphas(&panel, &InterpolationPanel::alphaRequested);
    panel.play();  // at the end: starts over from A
    QCOMPARE(panel.alpha(), 0.0);
    QCOMPARE(alphas.count(), 1);
    QVERIFY(panel.isPlaying());
    panel.togglePlay();
    QVERIFY(!panel.isPlaying());
    panel.play();
    // Grabbing the slider stops the sweep.
    emit panel.slider()->sliderPressed();
    QVERIFY(!panel.isPlaying());
}

void TstInterpolationPanel::busy()
{
    InterpolationPanel panel;
    panel.setBusy(true);
    QVERIFY(panel.isBusy());
    QVERIFY(!panel.sweepButton()->isEnabled());
    QVERIFY(panel.slider()->isEnabled());  // the slider stays live while busy
    panel.setBusy(false);
    QVERIFY(panel.sweepButton()->isEnabled());
}

void TstInterpolationPanel::sweepRequest()
{
    InterpolationPanel panel;
    QSignalSpy spy(&panel, &InterpolationPanel::sweepRequested);
    QTest::mouseClick(panel.sweepButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toBool(), false);
    panel.setSpherical(true);
    QTest::mouseClick(panel.sweepButton(), Qt::LeftButton);
    QCOMPARE(spy.last().at(0).toBool(), true);
}

void TstInterpolationPanel::languageChangeKeepsState()
{
    InterpolationPanel panel;
    panel.setEndpoints(QStringLiteral("alpha text"), QStringLiteral("beta text"));
    panel.setSpherical(true);  // (changing the mixing drops the curve, so first)
    panel.setCurve({{0.0, 1.0, 0.0, QString()}, {1.0, 0.0, 1.0, QString()}});
    panel.setAlpha(0.3);
    QSignalSpy spy(&panel, &InterpolationPanel::alphaRequested);
    QEvent event(QEvent::LanguageChange);
    QApplication::sendEvent(&panel, &event);
    QCOMPARE(spy.count(), 0);  // retranslating requests nothing
    QCOMPARE(panel.alpha(), 0.3);
    QVERIFY(panel.spherical());
    QCOMPARE(panel.curve().size(), 2);
    QCOMPARE(panel.textA(), QStringLiteral("alpha text"));
    QCOMPARE(panel.methodCombo()->count(), 2);
}

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TstInterpolationPanel test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_interpolationpanel.moc"
