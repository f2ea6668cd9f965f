#include "errorstyle.h"

#include <QTextCursor>
#include <QTextDocument>

namespace xcomp {

using view::ErrorType;

const QVector<ErrorType>& ErrorStyle::errorTypes()
{
    static const QVector<ErrorType> types = {ErrorType::Mistake, ErrorType::InformationLoss,
                                             ErrorType::Hallucination, ErrorType::Paraphrase};
    return types;
}

QColor ErrorStyle::foreground(ErrorType type)
{
    switch (type) {
    case ErrorType::Mistake: return QColor(0xc6, 0x28, 0x28);          // red
    case ErrorType::InformationLoss: return QColor(0x3d, 0x33, 0x00);  // dark text on yellow
    case ErrorType::Hallucination: return QColor(0x15, 0x65, 0xc0);    // blue
    case ErrorType::Paraphrase: return QColor(0x2e, 0x7d, 0x32);       // green
    case ErrorType::Equal: break;
    }
    return {};
}

QColor ErrorStyle::background(ErrorType type)
{
    switch (type) {
    case ErrorType::Mistake: return QColor(0xfd, 0xe4, 0xe4);
    case ErrorType::InformationLoss: return QColor(0xff, 0xeb, 0x3b);  // yellow highlighter
    case ErrorType::Hallucination: return QColor(0xe1, 0xee, 0xfc);
    case ErrorType::Paraphrase: return QColor(0xe3, 0xf4, 0xe4);
    case ErrorType::Equal: break;
    }
    return {};
}

QColor ErrorStyle::accent(ErrorType type)
{
    switch (type) {
    case ErrorType::Mistake: return QColor(0xd3, 0x2f, 0x2f);
    case ErrorType::InformationLoss: return QColor(0xf9, 0xa8, 0x25);  // amber: visible on white
    case ErrorType::Hallucination: return QColor(0x19, 0x76, 0xd2);
    case ErrorType::Paraphrase: return QColor(0x38, 0x8e, 0x3c);
    case ErrorType::Equal: return QColor(0x9e, 0x9e, 0x9e);
    }
    return {};
}

QTextCharFormat ErrorStyle::format(ErrorType type)
{
    QTextCharFormat f;
    if (type == ErrorType::Equal)
        return f;
    f.setForeground(foreground(type));
    f.setBackground(background(type));
    if (type == ErrorType::InformationLoss)
        f.setFontItalic(true);
    return f;
}

QString ErrorStyle::name(ErrorType type)
{
    switch (type) {
    case ErrorType::Equal: return tr("Equal");
    case ErrorType::Mistake: return tr("Mistake");
    case ErrorType::InformationLoss: return tr("Information loss");
    case ErrorType::Hallucination: return tr("Hallucination");
    case ErrorType::Paraphrase: return tr("Paraphrase");
    }
    return {};
}

QString ErrorStyle::explanation(ErrorType type)
{
    switch (type) {
    case ErrorType::Equal:
        return tr("Text the regeneration reproduced exactly.");
    case ErrorType::Mistake:
        return tr("Words the regeneration got wrong: the original says something else at this place, "
                  "and the meaning changes (a wrong name, number or word).");
    case ErrorType::InformationLoss:
        return tr("Words of the original that the regeneration left out. The memory tokens did not "
                  "keep them, so the decoder skipped them.");
    case ErrorType::Hallucination:
        return tr("Words the regeneration added that have no counterpart in the original. The "
                  "decoder invented them, usually from what the language model finds likely.");
    case ErrorType::Paraphrase:
        return tr("The same meaning in other words (a synonym, another word order). Not wrong in "
                  "meaning, but it still lowers BLEU and exact match.");
    }
    return {};
}

QString ErrorStyle::markingNote(ErrorType type)
{
    switch (type) {
    case ErrorType::Equal: return tr("Left unmarked.");
    case ErrorType::Mistake: return tr("Marked in red on both sides.");
    case ErrorType::InformationLoss:
        return tr("Marked yellow and italic in the original, the only place the lost words exist; "
                  "a small amber marker shows where they are missing in the regeneration.");
    case ErrorType::Hallucination:
        return tr("Marked in blue in the regeneration; a small blue marker shows where it was "
                  "inserted relative to the original.");
    case ErrorType::Paraphrase: return tr("Marked in green on both sides.");
    }
    return {};
}

QString ErrorStyle::key(ErrorType type)
{
    switch (type) {
    case ErrorType::Equal: return QStringLiteral("equal");
    case ErrorType::Mistake: return QStringLiteral("mistake");
    case ErrorType::InformationLoss: return QStringLiteral("information-loss");
    case ErrorType::Hallucination: return QStringLiteral("hallucination");
    case ErrorType::Paraphrase: return QStringLiteral("paraphrase");
    }
    return {};
}

// ---- span helpers -----------------------------------------------------------------------------

static const QString& sideText(const view::DiffData& diff, DiffSide side)
{
    return side == DiffSide::Original ? diff.original : diff.regenerated;
}

int ErrorStyle::spanBegin(const view::DiffData& diff, const view::DiffSpan& span, DiffSide side)
{
    const int n = int(sideText(diff, side).size());
    const int b = side == DiffSide::Original ? span.originalBegin : span.regeneratedBegin;
    return qBound(0, b, n);
}

int ErrorStyle::spanEnd(const view::DiffData& diff, const view::DiffSpan& span, DiffSide side)
{
    const int n = int(sideText(diff, side).size());
    const int e = side == DiffSide::Original ? span.originalEnd : span.regeneratedEnd;
    return qBound(spanBegin(diff, span, side), e, n);
}

QString ErrorStyle::spanText(const view::DiffData& diff, const view::DiffSpan& span, DiffSide side)
{
    const int b = spanBegin(diff, span, side);
    return sideText(diff, side).mid(b, spanEnd(diff, span, side) - b);
}

int ErrorStyle::spanIndexAt(const view::DiffData& diff, DiffSide side, int pos)
{
    for (int i = 0; i < diff.spans.size(); ++i) {
        const view::DiffSpan& s = diff.spans.at(i);
        if (s.type == ErrorType::Equal)
            continue;
        if (pos >= spanBegin(diff, s, side) && pos < spanEnd(diff, s, side))
            return i;
    }
    return -1;
}

ErrorType ErrorStyle::typeAt(const view::DiffData& diff, DiffSide side, int pos)
{
    const int i = spanIndexAt(diff, side, pos);
    return i < 0 ? ErrorType::Equal : diff.spans.at(i).type;
}

QString ErrorStyle::elide(const QString& text, int maxChars)
{
    QString t = text.simplified();
    if (maxChars > 3 && t.size() > maxChars) {
        const int head = (maxChars - 1) / 2, tail = maxChars - 1 - head;
        t = t.left(head) + QChar(0x2026) + t.right(tail);
    }
    return t;
}

QString ErrorStyle::toolTip(const view::DiffData& diff, const view::DiffSpan& span, DiffSide side)
{
    const DiffSide other = side == DiffSide::Original ? DiffSide::Regenerated : DiffSide::Original;
    const QString here = elide(spanText(diff, span, side));
    const QString there = elide(spanText(diff, span, other));

    QString counterpart;
    if (other == DiffSide::Regenerated) {
        counterpart = there.isEmpty() ? tr("regenerated: (left out)")
                                      : tr("regenerated: “%1”").arg(there.toHtmlEscaped());
    } else {
        counterpart = there.isEmpty() ? tr("original: (nothing here; invented)")
                                      : tr("original: “%1”").arg(there.toHtmlEscaped());
    }
    QString hereLine;
    if (!here.isEmpty()) {
        hereLine = side == DiffSide::Original ? tr("original: “%1”").arg(here.toHtmlEscaped())
                                              : tr("regenerated: “%1”").arg(here.toHtmlEscaped());
    } else if (span.type == ErrorType::InformationLoss) {
        hereLine = tr("Lost here: the regeneration skips these words.");
    } else if (span.type == ErrorType::Hallucination) {
        hereLine = tr("Inserted here: the original has nothing at this place.");
    }

    QString html = QStringLiteral("<b style=\"color:%1\">%2</b>")
                       .arg(accent(span.type).name(), name(span.type).toHtmlEscaped());
    if (side == DiffSide::Original) {
        if (!hereLine.isEmpty())
            html += QStringLiteral("<br>") + hereLine;
        html += QStringLiteral("<br>") + counterpart;
    } else {
        html += QStringLiteral("<br>") + counterpart;
        if (!hereLine.isEmpty())
            html += QStringLiteral("<br>") + hereLine;
    }
    html += QStringLiteral("<br><span style=\"color:#666\"><i>%1</i></span>")
                .arg(explanation(span.type).toHtmlEscaped());
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + html + QStringLiteral("</p>");
}

void ErrorStyle::applyFormats(QTextDocument* doc, const view::DiffData& diff, DiffSide side)
{
    if (!doc)
        return;
    const int docChars = doc->characterCount() - 1;  // without the final paragraph separator
    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    for (const view::DiffSpan& s : diff.spans) {
        if (s.type == ErrorType::Equal)
            continue;
        const int b = qMin(spanBegin(diff, s, side), docChars);
        const int e = qMin(spanEnd(diff, s, side), docChars);
        if (e <= b)
            continue;
        cursor.setPosition(b);
        cursor.setPosition(e, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(format(s.type));
    }
    cursor.endEditBlock();
}

QVector<int> ErrorStyle::countSpans(const view::DiffData& diff)
{
    QVector<int> counts(view::kErrorTypeCount, 0);
    for (const view::DiffSpan& s : diff.spans) {
        const int t = int(s.type);
        if (t >= 0 && t < view::kErrorTypeCount)
            ++counts[t];
    }
    return counts;
}

}  // namespace xcomp
