#include "metricsstrip.h"

#include <algorithm>

#include <QBoxLayout>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QtMath>

namespace xcomp {

namespace {

const char* const kFieldKeys[MetricsStrip::kFieldCount] = {
    "bleu", "rouge-l", "exact-match", "teacher-forced-accuracy", "prefix-exact-match", "compression", "memory", "timing"};

QString formatRatio(double ratio)
{
    const QLocale loc;
    if (ratio <= 0 || !qIsFinite(ratio))
        return QStringLiteral("?");
    if (qAbs(ratio - qRound(ratio)) < 0.05 || ratio >= 100)
        return loc.toString(qRound(ratio));
    return loc.toString(ratio, 'f', 1);
}

}  // namespace

MetricsStrip::MetricsStrip(QWidget* parent) : QWidget(parent)
{
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(6);
    m_grid->setVerticalSpacing(4);
    for (int i = 0; i < kFieldCount; ++i) {
        auto* card = new QFrame(this);
        card->setObjectName(QStringLiteral("metric-") + QLatin1String(kFieldKeys[i]));
        card->setFrameShape(QFrame::StyledPanel);
        card->setFrameShadow(QFrame::Plain);
        card->setAutoFillBackground(true);
        card->setBackgroundRole(QPalette::Base);
        auto* box = new QBoxLayout(QBoxLayout::TopToBottom, card);
        box->setContentsMargins(8, 4, 8, 4);
        box->setSpacing(1);
        auto* title = new QLabel(card);
        auto* value = new QLabel(card);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QPalette pal = title->palette();
        pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
        title->setPalette(pal);
        box->addWidget(title);
        box->addWidget(value);
        m_cards << card;
        m_titles << title;
        m_values << value;
    }
    // Below the cards: a text outside the lengths the compressor was trained on (hidden otherwise).
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("metric-length-warning"));
    m_warning->setWordWrap(true);
    QPalette warn = m_warning->palette();
    warn.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_warning->setPalette(warn);
    relayout();
    refresh();
}

QString MetricsStrip::lengthWarning(int tokens, int shortest, int longest, int limit)
{
    if (tokens <= 0)
        return QString();
    const QLocale loc;
    // Over the limit the engine cuts the text into chunks of at most the trained length (issue 19, item 5).
    if (limit > 0 && tokens > limit)
        return tr("⚠ %1 tokens: longer than the %2 tokens this compressor takes at once, so it is cut into "
                  "chunks of at most %3 tokens at sentence ends.")
            .arg(loc.toString(tokens), loc.toString(limit), loc.toString(longest > 0 ? std::min(longest, limit) : limit));
    if (longest > 0 && (tokens < shortest || tokens > longest))
        return tr("⚠ %1 tokens: outside the %2 to %3 tokens this compressor was trained on, so expect a "
                  "weaker regeneration.")
            .arg(loc.toString(tokens), loc.toString(shortest), loc.toString(longest));
    return QString();
}

QString MetricsStrip::warningText() const
{
    return m_has ? lengthWarning(m_metrics.sourceTokens, m_metrics.trainedShortest, m_metrics.trainedLongest,
                                 m_metrics.maxSourceTokens)
                 : QString();
}

void MetricsStrip::setMetrics(const view::RegenerationMetrics& metrics)
{
    m_metrics = metrics;
    m_has = true;
    refresh();
}

void MetricsStrip::clear()
{
    m_metrics = view::RegenerationMetrics();
    m_has = false;
    refresh();
}

void MetricsStrip::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    relayout();
    refresh();
}

QString MetricsStrip::formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, bytes < 1024 ? 0 : 1, QLocale::DataSizeIecFormat);
}

QString MetricsStrip::formatDuration(double ms)
{
    const QLocale loc;
    if (ms < 0 || !qIsFinite(ms))
        return tr("?");
    if (ms < 10)
        return tr("%1 ms").arg(loc.toString(ms, 'f', 1));
    if (ms < 1000)
        return tr("%1 ms").arg(loc.toString(qRound(ms)));
    if (ms < 60000)
        return tr("%1 s").arg(loc.toString(ms / 1000.0, 'f', 2));
    return tr("%1 min %2 s").arg(int(ms / 60000)).arg(int(ms / 1000) % 60);
}

QString MetricsStrip::formatScore(double value)
{
    return QLocale().toString(value, 'f', 3);
}

QString MetricsStrip::fieldTitle(Field field) const
{
    switch (field) {
    case Bleu: return tr("BLEU");
    case RougeL: return tr("ROUGE-L F");
    case ExactMatch: return m_compact ? tr("EM") : tr("Exact match");
    case TeacherForcedAccuracy: return m_compact ? tr("TF acc") : tr("Teacher-forced accuracy");
    case PrefixExactMatch: return m_compact ? tr("Prefix EM") : tr("Prefix exact match");
    case Compression: return tr("Compression");
    case Memory: return m_compact ? tr("Memory") : tr("Memory: prompt vs KV cache");
    case Timing: return tr("Time");
    }
    return {};
}

QString MetricsStrip::fieldText(Field field) const
{
    const QString none = QString(QChar(0x2014));  // em dash
    if (!m_has)
        return none;
    const view::RegenerationMetrics& m = m_metrics;
    const QLocale loc;
    switch (field) {
    case Bleu: return formatScore(m.bleu);
    case RougeL: return formatScore(m.rougeLF);
    case ExactMatch:
        if (m.exactMatch >= 1.0)
            return tr("yes");
        if (m.exactMatch <= 0.0)
            return tr("no");
        return tr("%1%").arg(loc.toString(m.exactMatch * 100, 'f', 0));
    case TeacherForcedAccuracy:
        if (m.teacherForcedAccuracy < 0)
            return none;
        return tr("%1%").arg(loc.toString(m.teacherForcedAccuracy * 100, 'f', 0));
    case PrefixExactMatch:
        return tr("%1%").arg(loc.toString(m.prefixExactMatch * 100, 'f', 0));
    case Compression: {
        if (m.sourceTokens <= 0 && m.memoryTokens <= 0)
            return none;
        const double ratio = m.compressionRatio > 0
                                 ? m.compressionRatio
                                 : (m.memoryTokens > 0 ? double(m.sourceTokens) / m.memoryTokens : 0.0);
        if (m_compact)
            return tr("%1 → %2 tokens (%3×)")
                .arg(m.sourceTokens).arg(m.memoryTokens).arg(formatRatio(ratio));
        if (m.memoryTokens == 1)
            return tr("%1 tokens → 1 memory token (%2×)").arg(m.sourceTokens).arg(formatRatio(ratio));
        return tr("%1 tokens → %2 memory tokens (%3×)")
            .arg(m.sourceTokens).arg(m.memoryTokens).arg(formatRatio(ratio));
    }
    case Memory: {
        if (m.compressedBytes <= 0 && m.fullKvBytes <= 0)
            return none;
        if (m.fullKvBytes <= 0)
            return formatBytes(m.compressedBytes);
        if (m_compact || m.compressedBytes <= 0)
            return tr("%1 vs %2").arg(formatBytes(m.compressedBytes), formatBytes(m.fullKvBytes));
        return tr("%1 vs %2 (%3× smaller)")
            .arg(formatBytes(m.compressedBytes), formatBytes(m.fullKvBytes),
                 formatRatio(double(m.fullKvBytes) / double(m.compressedBytes)));
    }
    case Timing:
        if (m_compact)
            return tr("%1 + %2").arg(formatDuration(m.compressMs), formatDuration(m.regenerateMs));
        return tr("compress %1 · regenerate %2")
            .arg(formatDuration(m.compressMs), formatDuration(m.regenerateMs));
    }
    return {};
}

QString MetricsStrip::fieldToolTip(Field field) const
{
    const view::RegenerationMetrics& m = m_metrics;
    switch (field) {
    case Bleu:
        return tr("BLEU: how many of the regeneration's word sequences (1 to 4 words long) also "
                  "occur in the original, with a penalty when the regeneration is too short. "
                  "1 means identical, 0 means nothing in common. Word order matters, so a "
                  "paraphrase lowers it even when the meaning is kept.");
    case RougeL:
        return tr("ROUGE-L F: built on the longest common subsequence, the longest chain of words "
                  "that appears in both texts in the same order (gaps allowed). Recall is how much "
                  "of the original that chain covers, precision how much of the regeneration; F "
                  "balances the two. 1 means identical.");
    case ExactMatch:
        return tr("Exact match: yes only when the regeneration reproduces the original character "
                  "for character. A single wrong word makes it no.");
    case TeacherForcedAccuracy:
        return tr("Teacher-forced accuracy: at every position the decoder is given the original text "
                  "up to there and asked for the next token; this is the share of positions where its "
                  "first choice is the original token. Exact match instead lets the decoder continue "
                  "from its own words, so one early wrong word can derail everything after it: a "
                  "regeneration can fail exact match and still score 95% here. The strip below the "
                  "diff shows each token's probability.");
    case PrefixExactMatch:
        return tr("Prefix exact match: the share of the original reproduced exactly before the "
                  "first error. It shows how far the decoder gets before it goes off track; errors "
                  "tend to snowball, because every word is generated from the ones before.");
    case Compression: {
        QString tip = tr("Compression: the source text's tokens divided by the memory tokens the "
                         "compressor squeezed it into. The frozen language model sees only the "
                         "memory tokens when it regenerates the text.");
        if (m_has && m.sourceTokens > 0)
            tip += QLatin1Char('\n') + tr("%1 source tokens, %2 memory tokens.")
                                           .arg(m.sourceTokens).arg(m.memoryTokens);
        return tip;
    }
    case Memory: {
        QString tip = tr("Memory: the size of the compressed prompt (what must be stored or sent "
                         "instead of the text) compared with the key/value cache the decoder would "
                         "hold for the full text. This is the saving compression buys.");
        if (m_has && (m.compressedBytes > 0 || m.fullKvBytes > 0))
            tip += QLatin1Char('\n') + tr("Compressed prompt: %1 bytes. KV cache of the full text: %2 bytes.")
                                           .arg(QLocale().toString(m.compressedBytes),
                                                QLocale().toString(m.fullKvBytes));
        return tip;
    }
    case Timing:
        return tr("Time: how long the compressor took to turn the text into memory tokens, and how "
                  "long the frozen language model took to regenerate the text from them (token by "
                  "token, so it grows with the length of the text).");
    }
    return {};
}

void MetricsStrip::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void MetricsStrip::relayout()
{
    for (QFrame* card : qAsConst(m_cards))
        m_grid->removeWidget(card);
    for (int c = 0; c < m_grid->columnCount(); ++c)
        m_grid->setColumnStretch(c, 0);

    for (int i = 0; i < kFieldCount; ++i) {
        auto* box = static_cast<QBoxLayout*>(m_cards.at(i)->layout());
        box->setDirection(m_compact ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
        box->setContentsMargins(m_compact ? 6 : 8, m_compact ? 2 : 4, m_compact ? 6 : 8, m_compact ? 2 : 4);
        box->setSpacing(m_compact ? 6 : 1);
        m_values.at(i)->setAlignment(m_compact ? Qt::AlignRight | Qt::AlignVCenter
                                               : Qt::AlignLeft | Qt::AlignVCenter);
        QFont vf = font();
        vf.setBold(true);
        if (!m_compact)
            vf.setPointSizeF(vf.pointSizeF() * 1.15);
        m_values.at(i)->setFont(vf);
        QFont tf = font();
        if (!m_compact)
            tf.setPointSizeF(tf.pointSizeF() * 0.9);
        m_titles.at(i)->setFont(tf);
    }

    m_grid->removeWidget(m_warning);
    if (m_compact) {
        m_grid->addWidget(m_warning, 6, 0, 1, 2);
        m_grid->addWidget(m_cards.at(Bleu), 0, 0);
        m_grid->addWidget(m_cards.at(RougeL), 0, 1);
        m_grid->addWidget(m_cards.at(ExactMatch), 1, 0);
        m_grid->addWidget(m_cards.at(TeacherForcedAccuracy), 1, 1);
        m_grid->addWidget(m_cards.at(PrefixExactMatch), 2, 0, 1, 2);
        m_grid->addWidget(m_cards.at(Compression), 3, 0, 1, 2);
        m_grid->addWidget(m_cards.at(Memory), 4, 0, 1, 2);
        m_grid->addWidget(m_cards.at(Timing), 5, 0, 1, 2);
        m_grid->setColumnStretch(0, 1);
        m_grid->setColumnStretch(1, 1);
    } else {
        for (int i = 0; i < kFieldCount; ++i)
            m_grid->addWidget(m_cards.at(i), 0, i);
        m_grid->addWidget(m_warning, 1, 0, 1, kFieldCount);
        m_grid->setColumnStretch(Compression, 2);
        m_grid->setColumnStretch(Memory, 2);
        m_grid->setColumnStretch(Timing, 2);
        for (int i = Bleu; i <= PrefixExactMatch; ++i)
            m_grid->setColumnStretch(i, 1);
    }
}

void MetricsStrip::refresh()
{
    for (int i = 0; i < kFieldCount; ++i) {
        const auto f = Field(i);
        m_titles.at(i)->setText(fieldTitle(f));
        m_values.at(i)->setText(fieldText(f));
        m_cards.at(i)->setToolTip(fieldToolTip(f));
        m_cards.at(i)->setAccessibleName(fieldTitle(f));
    }
    const QString warning = warningText();
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
}

}  // namespace xcomp
