// Renders every plot view with realistic synthetic data into PNGs (and the plots themselves into
// PNG/PDF) when XCOMP_SCREENSHOT_DIR is set; skipped otherwise. For looking at, not for asserting
// pixels: the checks only make sure that every file was written.
#undef QT_NO_FOREACH  // qcustomplot.h uses foreach; it must come before any Qt header
#include <qcustomplot.h>

#include <QApplication>
#include <QDir>
#include <QRandomGenerator>
#include <QTableView>
#include <QTest>

#include <cmath>

#include "attentionview.h"
#include "dashboardview.h"
#include "interpolationpanel.h"
#include "plotexport.h"

using namespace xcomp;

namespace {

const char* const kSource =
    "The Apollo 11 mission landed the first two people on the Moon in July 1969 . Neil Armstrong "
    "stepped onto the surface six hours later , and Buzz Aldrin joined him while Michael Collins "
    "stayed in lunar orbit .";

QStringList pieces(const QString& text)
{
    QStringList out;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        out << QString(QChar(0x2581)) + word;
    return out;
}

// Memory token m "stores" roughly the m-th quarter of the text: the encoder reads that part, and
// the decoder reads that memory token while it regenerates that part. The share of attention on
// the memory falls along the regeneration.
view::AttentionData attentionSample(int layers, int heads, int memory, const QStringList& source,
                                    const QStringList& generated)
{
    QRandomGenerator rng(1234);
    view::AttentionData d;
    d.layers = layers;
    d.heads = heads;
    d.memoryTokens = memory;
    d.sourceTokens = source;
    d.generatedTokens = generated;
    const int n = int(source.size()), g = int(generated.size());
    for (int l = 0; l < layers; ++l) {
        for (int h = 0; h < heads; ++h) {
            const double sharp = 0.5 + 0.25 * h + 0.2 * l;
            for (int gi = 0; gi < g; ++gi) {
                const double total = std::clamp(0.85 - 0.55 * gi / std::max(1, g - 1) + 0.08 * (rng.generateDouble() - 0.5)
                                                    - 0.04 * std::abs(l - layers / 2), 0.02, 0.98);
                QVector<double> w(memory);
                double sum = 0;
                for (int m = 0; m < memory; ++m) {
                    const double centre = (m + 0.5) * g / memory;
                    const double dist = (gi - centre) / (double(g) / memory);
                    w[m] = std::exp(-sharp * dist * dist) + 0.15 * rng.generateDouble() + (m == 0 ? 0.3 : 0.0);
                    sum += w[m];
                }
                for (int m = 0; m < memory; ++m)
                    d.memoryAttention.append(float(total * w[m] / sum));
                d.memoryTotal.append(float(total));
            }
        }
    }
    for (int l = 0; l < layers; ++l) {
        for (int h = 0; h < heads; ++h) {
            for (int m = 0; m < memory; ++m) {
                QVector<double> w(n);
                double sum = 0;
                const double centre = (m + 0.5) * n / memory;
                for (int ni = 0; ni < n; ++ni) {
                    const double dist = (ni - centre) / (double(n) / memory);
                    w[ni] = std::exp(-2.5 * dist * dist) * (0.3 + rng.generateDouble()) + 0.02;
                    if (source.value(ni).size() > 6)  // content words draw more attention
                        w[ni] *= 2.0;
                    sum += w[ni];
                }
                for (int ni = 0; ni < n; ++ni)
                    d.encoderAttention.append(float(w[ni] / sum));
            }
        }
    }
    return d;
}

view::DiffData diff(const QString& original, const QString& regenerated, const QVector<view::DiffSpan>& spans)
{
    view::DiffData d;
    d.original = original;
    d.regenerated = regenerated;
    d.spans = spans;
    return d;
}

QVector<view::EvalRow> evalSample()
{
    QRandomGenerator rng(42);
    QVector<view::EvalRow> rows;
    int id = 0;
    const QStringList methods = {QStringLiteral("500x"), QStringLiteral("icae")};
    for (const QString& method : methods) {
        for (int m : {1, 4, 16}) {
            for (int length : {96, 192, 288, 384, 480}) {
                for (int k = 0; k < 5; ++k) {
                    view::EvalRow r;
                    r.id = QStringLiteral("arxiv-%1").arg(++id, 4, 10, QLatin1Char('0'));
                    r.method = method;
                    r.memoryTokens = m;
                    r.length = length;
                    const double capacity = std::log2(double(m) + 1) * (method == methods[0] ? 150.0 : 95.0);
                    const double base = 1.0 / (1.0 + std::exp((length - capacity) / 70.0));
                    const double noise = 0.12 * (rng.generateDouble() - 0.5);
                    r.metrics.bleu = std::clamp(base + noise, 0.0, 1.0);
                    r.metrics.rougeLF = std::clamp(0.15 + 0.85 * base + noise * 0.7, 0.0, 1.0);
                    r.metrics.exactMatch = r.metrics.bleu > 0.93 ? 1.0 : 0.0;
                    r.metrics.prefixExactMatch = std::clamp(base * base + noise, 0.0, 1.0);
                    r.metrics.sourceTokens = length;
                    r.metrics.memoryTokens = m;
                    r.metrics.compressionRatio = double(length) / m;
                    r.errorCounts[int(view::ErrorType::Mistake)] = int((1 - base) * 6 + rng.bounded(2));
                    r.errorCounts[int(view::ErrorType::InformationLoss)] = int((1 - base) * 4);
                    r.errorCounts[int(view::ErrorType::Hallucination)] = int((1 - base) * 3 + rng.bounded(2));
                    r.errorCounts[int(view::ErrorType::Paraphrase)] = int(rng.bounded(3));
                    rows.append(r);
                }
            }
        }
    }
    return rows;
}

}  // namespace

class TstPlotScreenshots : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void attentionView();
    void attentionViewSelected();
    void attentionViewLong();
    void interpolationPanel();
    void dashboard();

private:
    void save(QWidget* widget, const QString& name);
    void savePlot(QCustomPlot* plot, const QString& name);
    QDir m_dir;
};

void TstPlotScreenshots::initTestCase()
{
    const QString dir = qEnvironmentVariable("XCOMP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set XCOMP_SCREENSHOT_DIR to render the screenshots");
    QVERIFY(QDir().mkpath(dir));
    m_dir = QDir(dir);
}

void TstPlotScreenshots::save(QWidget* widget, const QString& name)
{
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    QTest::qWait(50);  // queued replots
    for (QCustomPlot* plot : widget->findChildren<QCustomPlot*>())
        plot->replot(QCustomPlot::rpImmediateRefresh);
    const QString path = m_dir.filePath(name + QStringLiteral(".png"));
    QVERIFY(widget->grab().save(path));
    QVERIFY(QFileInfo(path).size() > 0);
    qInfo("wrote %s", qPrintable(path));
}

void TstPlotScreenshots::savePlot(QCustomPlot* plot, const QString& name)
{
    QString error;
    QVERIFY2(PlotExport::savePng(plot, m_dir.filePath(name + QStringLiteral(".png")), &error, 900, 560), qPrintable(error));
    QVERIFY2(PlotExport::savePdf(plot, m_dir.filePath(name + QStringLiteral(".pdf")), &error, 900, 560), qPrintable(error));
}

void TstPlotScreenshots::attentionView()
{
    const QStringList source = pieces(QString::fromLatin1(kSource));
    QStringList generated = source;
    generated[12] = QStringLiteral("\u2581June");  // a mistake in the regeneration
    AttentionView view;
    view.resize(1400, 900);
    view.setData(attentionSample(6, 4, 4, source, generated));
    save(&view, QStringLiteral("attention-overview"));
}

void TstPlotScreenshots::attentionViewSelected()
{
    const QStringList source = pieces(QString::fromLatin1(kSource));
    AttentionView view;
    view.resize(1400, 900);
    view.setData(attentionSample(6, 4, 4, source, source));
    view.setLayer(3);
    view.selectGeneratedToken(18);
    view.selectMemoryToken(2);
    save(&view, QStringLiteral("attention-selected"));
    savePlot(view.decoderPlot(), QStringLiteral("attention-heatmap-plot"));
    savePlot(view.massPlot(), QStringLiteral("attention-bars-plot"));
    savePlot(view.encoderPlot(), QStringLiteral("attention-encoder-plot"));
}

void TstPlotScreenshots::attentionViewLong()
{
    QStringList source;
    const QStringList words = pieces(QString::fromLatin1(kSource));
    for (int i = 0; i < 6; ++i)
        source += words;
    AttentionView view;
    view.resize(1400, 900);
    view.setData(attentionSample(4, 4, 16, source, source));
    view.selectGeneratedToken(100);
    view.selectMemoryToken(5);
    save(&view, QStringLiteral("attention-long"));
}

void TstPlotScreenshots::interpolationPanel()
{
    const QString a = QStringLiteral("The Apollo 11 mission landed the first two people on the Moon in July 1969.");
    const QString b = QStringLiteral("A small bakery in Lyon sells fresh bread to the whole street every morning.");
    InterpolationPanel panel;
    panel.resize(1100, 800);
    panel.setEndpoints(a, b);
    panel.setEndpointNames(QStringLiteral("apollo.txt"), QStringLiteral("bakery.txt"));
    QVector<view::InterpolationPoint> curve;
    for (int i = 0; i <= 20; ++i) {
        const double alpha = i / 20.0;
        const double s = 1.0 / (1.0 + std::exp((alpha - 0.55) * 14));
        curve.append({alpha, 0.04 + 0.94 * s, 0.03 + 0.9 * (1 - s), QString()});
    }
    panel.setCurve(curve);
    panel.setAlpha(0.45);
    const QString regen = QStringLiteral("The Apollo 11 mission landed the first bread on the Moon in the morning.");
    // Spans from the words they cover, so the offsets stay right when the texts are edited.
    auto span = [&](view::ErrorType type, const QString& original, const QString& origWord,
                    const QString& regenWord, int origFrom = 0, int regenFrom = 0) {
        const int o = origWord.isEmpty() ? origFrom : int(original.indexOf(origWord, origFrom));
        const int r = regenWord.isEmpty() ? regenFrom : int(regen.indexOf(regenWord, regenFrom));
        return view::DiffSpan{type, o, o + int(origWord.size()), r, r + int(regenWord.size())};
    };
    using E = view::ErrorType;
    // Against A: "bread" for "two people" is a mistake, "July 1969" lost, "the morning" hallucinated.
    const int julyA = int(a.indexOf(QStringLiteral("July 1969")));
    const view::DiffData vsA = diff(a, regen,
                                    {span(E::Mistake, a, QStringLiteral("two people"), QStringLiteral("bread")),
                                     span(E::InformationLoss, a, QStringLiteral("July 1969"), QString(), 0,
                                          int(regen.indexOf(QStringLiteral("the morning")))),
                                     span(E::Hallucination, a, QString(), QStringLiteral("the morning"), julyA)});
    // Against B most of it is hallucinated; "bread" and "morning" are shared, "every morning"
    // became "in the morning" (a paraphrase).
    const view::DiffData vsB = diff(b, regen,
                                    {span(E::Hallucination, b, QString(), QStringLiteral("The Apollo 11 mission landed the first")),
                                     span(E::InformationLoss, b, QStringLiteral("A small bakery in Lyon sells fresh"), QString()),
                                     span(E::Mistake, b, QStringLiteral("to the whole street"), QStringLiteral("on the Moon")),
                                     span(E::Paraphrase, b, QStringLiteral("every morning"), QStringLiteral("in the morning"))});
    panel.showRegeneration(0.45, vsA, vsB);
    panel.setBusy(true);
    save(&panel, QStringLiteral("interpolation-panel"));
    savePlot(panel.curvePlot(), QStringLiteral("interpolation-curve-plot"));
}

void TstPlotScreenshots::dashboard()
{
    DashboardView view;
    view.resize(1400, 800);
    const QVector<view::EvalRow> rows = evalSample();
    view.setRows(rows);
    view.setProgress(rows.size(), rows.size() + 40);
    view.tableView()->sortByColumn(4, Qt::AscendingOrder);
    save(&view, QStringLiteral("dashboard"));
    QString error;
    const QStringList files = view.exportAllPlots(m_dir.absolutePath(), QStringLiteral("dashboard-plot"), &error);
    QVERIFY2(files.size() == 6, qPrintable(error));
    QVERIFY(view.exportCsv(m_dir.filePath(QStringLiteral("dashboard.csv")), &error));
    QVERIFY(view.exportJson(m_dir.filePath(QStringLiteral("dashboard.json")), &error));
}

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TstPlotScreenshots test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_plot_screenshots.moc"
