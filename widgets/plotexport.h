// widgets/plotexport.h — saving a QCustomPlot as PNG or PDF (over QCustomPlot::savePng/savePdf).
// Files are written atomically: the plot is rendered into a temporary file and then committed
// with QSaveFile, so a failed export never leaves a truncated file behind.
#pragma once
#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QCustomPlot;
class QCPColorGradient;
class QCPTextElement;

namespace xcomp {

class PlotExport {
    Q_DECLARE_TR_FUNCTIONS(xcomp::PlotExport)
public:
    enum class Format { Png, Pdf };

    // Size used when width/height are 0 and the plot has no usable size of its own (never shown).
    static constexpr int kDefaultWidth = 900;
    static constexpr int kDefaultHeight = 560;

    // width/height 0: the widget's size (or the defaults above for a widget never laid out).
    // scale: PNG only (2.0 gives a high-dpi image of the same layout).
    static bool savePng(QCustomPlot* plot, const QString& path, QString* error = nullptr,
                        int width = 0, int height = 0, double scale = 1.0);
    static bool savePdf(QCustomPlot* plot, const QString& path, QString* error = nullptr,
                        int width = 0, int height = 0);
    // Format chosen from the suffix (.png or .pdf, case-insensitive).
    static bool save(QCustomPlot* plot, const QString& path, QString* error = nullptr,
                     int width = 0, int height = 0);
    // Every plot as <dir>/<base>-<name>.png and .pdf (names[i] for plots[i]); the files written, or
    // empty with *error when one fails.
    static QStringList saveAll(const QList<QCustomPlot*>& plots, const QStringList& names, const QString& dir,
                               const QString& base, QString* error = nullptr);
    // Name filter for a QFileDialog: "PNG image (*.png);;PDF document (*.pdf)".
    static QString fileDialogFilter();
};

// The look shared by the plots of the workbench, so that exported figures match.
class PlotStyle {
public:
    // White background, light grid without sub-grid, antialiasing, readable fonts.
    static void apply(QCustomPlot* plot);
    // Adds (or replaces) a bold title row above the plot; returns the element.
    static QCPTextElement* setTitle(QCustomPlot* plot, const QString& title);
    // Ten well-separated colours (Tableau 10), cycled.
    static QColor seriesColor(int index);
    // White to dark blue, for attention weights (0 = white).
    static QCPColorGradient attentionGradient();
    static QColor highlightColor();  // the selection colour used in every view
    // A tokenizer piece made readable for an axis label: sentencepiece's U+2581 becomes a space,
    // "<0x0A>" a return sign, blank pieces an open-box sign; cut to maxChars with an ellipsis.
    static QString displayPiece(const QString& piece, int maxChars = 12);
};

}  // namespace xcomp
