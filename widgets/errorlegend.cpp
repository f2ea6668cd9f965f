#include "errorlegend.h"

#include "flowlayout.h"

#include <QEvent>
#include <QPainter>
#include <QToolButton>

namespace xcomp {

using view::ErrorType;

ErrorLegend::ErrorLegend(QWidget* parent)
    : QWidget(parent), m_counts(view::kErrorTypeCount, 0), m_buttons(view::kErrorTypeCount, nullptr)
{
    // Wraps onto a second row in a narrow window instead of widening it.
    auto* layout = new FlowLayout(this, 12, 2);
    for (ErrorType type : ErrorStyle::errorTypes()) {
        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("legend-") + ErrorStyle::key(type));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::NoFocus);
        connect(button, &QToolButton::clicked, this, [this, type] { emit typeClicked(type); });
        layout->addWidget(button);
        m_buttons[int(type)] = button;
    }
    refresh();
}

void ErrorLegend::setCounts(const QVector<int>& counts)
{
    for (int i = 0; i < view::kErrorTypeCount; ++i)
        m_counts[i] = i < counts.size() ? counts.at(i) : 0;
    refresh();
}

void ErrorLegend::setCount(ErrorType type, int count)
{
    const int i = int(type);
    if (i < 0 || i >= view::kErrorTypeCount)
        return;
    m_counts[i] = count;
    refresh();
}

int ErrorLegend::count(ErrorType type) const
{
    const int i = int(type);
    return i >= 0 && i < view::kErrorTypeCount ? m_counts.at(i) : 0;
}

void ErrorLegend::clearCounts()
{
    m_counts.fill(0);
    refresh();
}

void ErrorLegend::setCountsVisible(bool visible)
{
    m_countsVisible = visible;
    refresh();
}

QString ErrorLegend::itemText(ErrorType type) const
{
    if (!m_countsVisible)
        return ErrorStyle::name(type);
    return tr("%1: %2").arg(ErrorStyle::name(type)).arg(count(type));
}

QString ErrorLegend::itemToolTip(ErrorType type) const
{
    QString tip = QStringLiteral("<p style=\"white-space:pre-wrap\"><b>%1:</b> %2<br><i>%3</i>")
                      .arg(ErrorStyle::name(type).toHtmlEscaped(),
                           ErrorStyle::explanation(type).toHtmlEscaped(),
                           ErrorStyle::markingNote(type).toHtmlEscaped());
    if (m_countsVisible)
        tip += QStringLiteral("<br>") + tr("Spans of this kind in the text: %1").arg(count(type));
    tip += QStringLiteral("<br><span style=\"color:#666\">%1</span></p>")
               .arg(tr("Click to jump to the next one.").toHtmlEscaped());
    return tip;
}

QToolButton* ErrorLegend::itemButton(ErrorType type) const
{
    const int i = int(type);
    return i >= 0 && i < m_buttons.size() ? m_buttons.at(i) : nullptr;
}

QPixmap ErrorLegend::swatch(ErrorType type, const QSize& size, const QFont& font)
{
    QPixmap pm(size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(pm.rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(QPen(ErrorStyle::accent(type), 1));
    p.setBrush(ErrorStyle::background(type).isValid() ? ErrorStyle::background(type) : QColor(Qt::white));
    p.drawRoundedRect(r, 3, 3);
    QFont f = font;
    f.setItalic(type == ErrorType::InformationLoss);
    f.setBold(true);
    f.setPixelSize(qMax(8, int(size.height() * 0.62)));
    p.setFont(f);
    const QColor fg = ErrorStyle::foreground(type);
    p.setPen(fg.isValid() ? fg : QColor(Qt::black));
    p.drawText(r, Qt::AlignCenter, tr("Ab", "sample text drawn in a legend swatch"));
    return pm;
}

void ErrorLegend::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        refresh();
    QWidget::changeEvent(event);
}

void ErrorLegend::refresh()
{
    const int h = qMax(14, fontMetrics().height() + 2);
    const QSize swatchSize(int(h * 1.7), h);
    for (ErrorType type : ErrorStyle::errorTypes()) {
        QToolButton* b = m_buttons.at(int(type));
        b->setIcon(QIcon(swatch(type, swatchSize, font())));
        b->setIconSize(swatchSize);
        b->setText(itemText(type));
        b->setToolTip(itemToolTip(type));
        b->setAccessibleName(itemText(type));
    }
}

}  // namespace xcomp
