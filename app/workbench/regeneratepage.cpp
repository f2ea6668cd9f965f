#include "regeneratepage.h"

#include <QLabel>
#include <QResizeEvent>

#include <algorithm>
#include <QVBoxLayout>

#include "diffview.h"
#include "metricsstrip.h"
#include "teachingtext.h"

namespace xcomp::workbench {

RegeneratePage::RegeneratePage(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_metrics = new MetricsStrip(this);
    m_diff = new DiffView(this);
    m_diff->setToolTip(TeachingText::tooltip(TeachingText::Topic::ErrorTypes));
    layout->addWidget(m_title);
    layout->addWidget(m_metrics);
    layout->addWidget(m_diff, 1);
    clear();
}

void RegeneratePage::showResult(const view::RegenerationView& result, const QString& note)
{
    m_result = result;
    m_hasResult = true;
    m_diff->setDiff(result.diff);
    m_metrics->setMetrics(result.metrics);
    updateStripLayout(true);
    QString title = tr("Regenerated with %1").arg(result.compressorLabel);
    if (!note.isEmpty())
        title += QStringLiteral(" \u2014 ") + note;
    m_title->setText(title);
}

void RegeneratePage::showRunning(const QString& original, const QString& compressorLabel)
{
    m_runningOriginal = original;
    m_title->setText(tr("Compressing and regenerating with %1\u2026").arg(compressorLabel));
    m_metrics->clear();
    view::DiffData d;
    d.original = original;
    m_diff->setDiff(d);
}

void RegeneratePage::showPartial(const QString& textSoFar)
{
    view::DiffData d;
    d.original = m_runningOriginal;
    d.regenerated = textSoFar;
    m_diff->setDiff(d);
}

void RegeneratePage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateStripLayout(false);
}

void RegeneratePage::updateStripLayout(bool remeasure)
{
    if (remeasure || m_wideWidth == 0) {
        m_metrics->setCompact(false);
        m_metrics->ensurePolished();
        // The cards' layouts update their size hints lazily; settle them before measuring.
        for (QWidget* card : m_metrics->findChildren<QWidget*>())
            if (card->layout())
                card->layout()->activate();
        if (QLayout* l = m_metrics->layout()) {
            l->invalidate();
            l->activate();
        }
        m_wideWidth = std::max(m_metrics->sizeHint().width(), m_metrics->minimumSizeHint().width());
    }
    const int available = contentsRect().width() - layout()->contentsMargins().left() - layout()->contentsMargins().right();
    m_metrics->setCompact(available < m_wideWidth);
}

void RegeneratePage::clear()
{
    m_hasResult = false;
    m_result = view::RegenerationView();
    m_diff->clear();
    m_metrics->clear();
    updateStripLayout(true);
    m_title->setText(tr("Paste a text on the left and press Compress & Regenerate (Ctrl+Return)."));
}

}  // namespace xcomp::workbench
