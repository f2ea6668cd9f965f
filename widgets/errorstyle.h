// widgets/errorstyle.h — one place for how the 500xCompressor paper's error categories look and
// what they mean: colours and text formats per ErrorType, translated names, short explanations for
// students, and span helpers (lookup, tooltip, colouring a QTextDocument) shared by every view.
//
// The scheme follows the paper's Table 1: mistakes red, information loss yellow and italic (marked in
// the original, the only place lost text exists), hallucinations blue (in the regeneration),
// paraphrases green. Equal text is left unmarked.
#pragma once

#include "viewdata.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>
#include <QTextCharFormat>
#include <QVector>

class QTextDocument;

namespace xcomp {

// Which text of a DiffData a view shows.
enum class DiffSide { Original, Regenerated };

class ErrorStyle {
    Q_DECLARE_TR_FUNCTIONS(xcomp::ErrorStyle)

public:
    // The four error categories in display order (Equal excluded).
    static const QVector<view::ErrorType>& errorTypes();

    // Text colour of a marked span; invalid for Equal (the editor's own text colour is kept).
    static QColor foreground(view::ErrorType type);
    // Background tint of a marked span; invalid for Equal.
    static QColor background(view::ErrorType type);
    // One strong colour that stands for the type (legend swatch borders, plot bars, gap markers).
    static QColor accent(view::ErrorType type);
    // The character format a span of this type gets (merged over the document's default format).
    // An empty format for Equal.
    static QTextCharFormat format(view::ErrorType type);

    // Translated display name, e.g. "Information loss".
    static QString name(view::ErrorType type);
    // Translated one-sentence explanation for students, without the name,
    // e.g. "Words of the original that the regeneration left out."
    static QString explanation(view::ErrorType type);
    // Translated note on where the type is marked, e.g. "Marked in red on both sides."
    static QString markingNote(view::ErrorType type);
    // Stable untranslated key ("equal", "mistake", "information-loss", "hallucination", "paraphrase").
    static QString key(view::ErrorType type);

    // ---- span helpers -------------------------------------------------------------------------
    // Begin/end of a span on one side, clamped to that side's text.
    static int spanBegin(const view::DiffData& diff, const view::DiffSpan& span, DiffSide side);
    static int spanEnd(const view::DiffData& diff, const view::DiffSpan& span, DiffSide side);
    // The text a span covers on one side (empty for a gap).
    static QString spanText(const view::DiffData& diff, const view::DiffSpan& span, DiffSide side);
    // Index in diff.spans of the non-Equal span covering character pos on that side, or -1.
    static int spanIndexAt(const view::DiffData& diff, DiffSide side, int pos);
    // Error type at character pos on that side (Equal when no marked span covers it).
    static view::ErrorType typeAt(const view::DiffData& diff, DiffSide side, int pos);
    // Rich-text tooltip for a span seen from `side`: the type's name, the counterpart text on the
    // other side ("original: …" / "regenerated: …") and the explanation.
    static QString toolTip(const view::DiffData& diff, const view::DiffSpan& span, DiffSide side);
    // Colours every non-Equal span of `side` in `doc`, which must hold exactly that side's text.
    static void applyFormats(QTextDocument* doc, const view::DiffData& diff, DiffSide side);
    // Spans per ErrorType (indexed by int(ErrorType), size kErrorTypeCount).
    static QVector<int> countSpans(const view::DiffData& diff);
    // Elides long text in the middle for tooltips (maxChars > 3).
    static QString elide(const QString& text, int maxChars = 90);
};

}  // namespace xcomp
