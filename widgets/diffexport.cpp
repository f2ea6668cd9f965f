#include "diffexport.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include "atomicwrite.h"
#include "errorstyle.h"

namespace xcomp {

namespace {

using view::ErrorType;

QString cssOf(ErrorType type)
{
    if (type == ErrorType::Equal)
        return QString();
    const QTextCharFormat f = ErrorStyle::format(type);
    QString css;
    const QColor fg = ErrorStyle::foreground(type), bg = ErrorStyle::background(type);
    if (fg.isValid())
        css += QStringLiteral("color:%1;").arg(fg.name());
    if (bg.isValid())
        css += QStringLiteral("background-color:%1;").arg(bg.name());
    if (f.fontItalic())
        css += QStringLiteral("font-style:italic;");
    if (f.fontUnderline())
        css += QStringLiteral("text-decoration:underline;");
    if (f.fontWeight() > QFont::Normal)
        css += QStringLiteral("font-weight:bold;");
    return css;
}

QString escaped(const QString& text)
{
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}

QString legendHtml(const QVector<int>& counts)
{
    QStringList items;
    for (ErrorType type : ErrorStyle::errorTypes())
        items << QStringLiteral("<span style=\"%1\">%2</span>: %3")
                     .arg(cssOf(type), ErrorStyle::name(type).toHtmlEscaped(), QLocale().toString(counts.value(int(type))));
    return QStringLiteral("<p>") + items.join(QStringLiteral(" &nbsp; ")) + QStringLiteral("</p>");
}

QString page(const QString& title, const QString& body)
{
    return QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head>\n"
                          "<body style=\"font-family:sans-serif\">\n<h2>%1</h2>\n%2</body></html>\n")
        .arg(title.toHtmlEscaped(), body);
}

template <typename Write>
bool renderTo(const QString& path, QString* error, Write write)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!write(&buffer) || bytes.isEmpty()) {
        if (error)
            *error = DiffExport::tr("Rendering %1 failed.").arg(QFileInfo(path).fileName());
        return false;
    }
    buffer.close();
    return writeFileAtomically(path, bytes, error);
}

}  // namespace

QString DiffExport::sideHtml(const view::DiffData& diff, bool original)
{
    const DiffSide side = original ? DiffSide::Original : DiffSide::Regenerated;
    const QString& text = original ? diff.original : diff.regenerated;
    // The type of every character, then one <span> per run of equal type.
    QVector<ErrorType> types(text.size(), ErrorType::Equal);
    for (const view::DiffSpan& s : diff.spans) {
        if (s.type == ErrorType::Equal)
            continue;
        const int b = std::max(0, ErrorStyle::spanBegin(diff, s, side));
        const int e = std::min(int(text.size()), ErrorStyle::spanEnd(diff, s, side));
        for (int i = b; i < e; ++i)
            types[i] = s.type;
    }
    QString html;
    for (int i = 0; i < text.size();) {
        int j = i;
        while (j < text.size() && types[j] == types[i])
            ++j;
        const QString run = escaped(text.mid(i, j - i));
        html += types[i] == ErrorType::Equal ? run
                                             : QStringLiteral("<span class=\"%1\" style=\"%2\">%3</span>")
                                                   .arg(ErrorStyle::key(types[i]), cssOf(types[i]), run);
        i = j;
    }
    return html;
}

QString DiffExport::html(const QString& title, const view::DiffData& diff, const Numbers& numbers)
{
    QString body;
    if (!numbers.isEmpty()) {
        body += QStringLiteral("<table cellpadding=\"3\">\n");
        for (const auto& [name, value] : numbers)
            body += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>\n").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
        body += QStringLiteral("</table>\n");
    }
    body += legendHtml(ErrorStyle::countSpans(diff));
    body += QStringLiteral("<table width=\"100%\" cellpadding=\"6\" border=\"1\" cellspacing=\"0\">\n"
                           "<tr><th width=\"50%\">%1</th><th width=\"50%\">%2</th></tr>\n"
                           "<tr><td valign=\"top\">%3</td><td valign=\"top\">%4</td></tr>\n</table>\n")
                .arg(tr("Original").toHtmlEscaped(), tr("Regenerated").toHtmlEscaped(), sideHtml(diff, true),
                     sideHtml(diff, false));
    return page(title, body);
}

QString DiffExport::columnsHtml(const QString& title, const QString& original,
                                const QVector<view::RegenerationView>& columns)
{
    const QLocale locale;
    QString body = QStringLiteral("<h3>%1</h3>\n<p>%2</p>\n").arg(tr("Original").toHtmlEscaped(), escaped(original));
    for (const view::RegenerationView& c : columns) {
        body += QStringLiteral("<h3>%1</h3>\n<p>BLEU %2 &nbsp; ROUGE-L F %3 &nbsp; EM %4</p>\n")
                    .arg(c.compressorLabel.toHtmlEscaped(), locale.toString(c.metrics.bleu, 'f', 3),
                         locale.toString(c.metrics.rougeLF, 'f', 3), locale.toString(c.metrics.exactMatch, 'f', 0));
        body += legendHtml(ErrorStyle::countSpans(c.diff));
        body += QStringLiteral("<p>") + sideHtml(c.diff, false) + QStringLiteral("</p>\n");
    }
    return page(title, body);
}

bool DiffExport::saveHtml(const QString& html, const QString& path, QString* error)
{
    return writeFileAtomically(path, html.toUtf8(), error);
}

bool DiffExport::savePdf(const QString& html, const QString& path, QString* error)
{
    return renderTo(path, error, [&](QIODevice* device) {
        QPdfWriter writer(device);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setTitle(QFileInfo(path).completeBaseName());
        QTextDocument doc;
        doc.setHtml(html);
        doc.print(&writer);
        return true;
    });
}

bool DiffExport::savePng(const QString& html, const QString& path, QString* error, int width)
{
    return renderTo(path, error, [&](QIODevice* device) {
        QTextDocument doc;
        doc.setHtml(html);
        doc.setTextWidth(width);
        QImage image(width, std::max(1, int(doc.size().height()) + 1), QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            doc.drawContents(&painter);
        }
        return image.save(device, "PNG");
    });
}

bool DiffExport::save(const QString& html, const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return saveHtml(html, path, error);
    if (suffix == QLatin1String("pdf"))
        return savePdf(html, path, error);
    if (suffix == QLatin1String("png"))
        return savePng(html, path, error);
    if (error)
        *error = tr("Unknown format \"%1\": use .html, .pdf or .png.").arg(suffix);
    return false;
}

}  // namespace xcomp
