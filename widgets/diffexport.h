// widgets/diffexport.h — a coloured diff as a file: HTML (the error colours of errorstyle.h as inline
// styles, so the file stands alone), PDF and PNG (the same HTML laid out by QTextDocument). Used by
// the Regenerate tab (one regeneration with its numbers) and the Compare tab (one original, several
// regenerations). Files are written atomically (atomicwrite.h).
#pragma once
#include <QCoreApplication>
#include <QPair>
#include <QString>
#include <QVector>

#include "viewdata.h"

namespace xcomp {

class DiffExport {
    Q_DECLARE_TR_FUNCTIONS(xcomp::DiffExport)
public:
    using Numbers = QVector<QPair<QString, QString>>;  // (name, value as shown), in order

    // One regeneration: the title, its numbers, the legend with counts, original | regenerated.
    static QString html(const QString& title, const view::DiffData& diff, const Numbers& numbers = {});
    // Several regenerations of one original: the original once, then one section per column.
    static QString columnsHtml(const QString& title, const QString& original,
                               const QVector<view::RegenerationView>& columns);
    // One side of a diff as an HTML fragment, every error span coloured.
    static QString sideHtml(const view::DiffData& diff, bool original);

    static bool saveHtml(const QString& html, const QString& path, QString* error = nullptr);
    static bool savePdf(const QString& html, const QString& path, QString* error = nullptr);
    // `width`: of the page in pixels; the height follows the text.
    static bool savePng(const QString& html, const QString& path, QString* error = nullptr, int width = 1100);
    // Format by the suffix: .html/.htm, .pdf or .png.
    static bool save(const QString& html, const QString& path, QString* error = nullptr);
};

}  // namespace xcomp
