// widgets/metricsstrip.h — the numbers of one regeneration in a strip of small cards: BLEU,
// ROUGE-L F, exact match, teacher-forced accuracy, prefix exact match, compression ("96 tokens → 4 memory tokens (24×)"),
// memory of the compressed prompt vs the KV cache of the full text, compress and regenerate times.
// Every card has a tooltip that explains the number for students. A text outside the lengths the
// compressor was trained on gets a warning line below the cards. Compact mode (for the compare
// view's narrow columns) arranges the cards in two columns with shorter values.
#pragma once

#include "viewdata.h"

#include <QVector>
#include <QWidget>

class QFrame;
class QGridLayout;
class QLabel;

namespace xcomp {

class MetricsStrip : public QWidget {
    Q_OBJECT

public:
    enum Field { Bleu = 0, RougeL, ExactMatch, TeacherForcedAccuracy, PrefixExactMatch, Compression, Memory, Timing };
    Q_ENUM(Field)
    static constexpr int kFieldCount = 8;

    explicit MetricsStrip(QWidget* parent = nullptr);

    void setMetrics(const view::RegenerationMetrics& metrics);
    const view::RegenerationMetrics& metrics() const { return m_metrics; }
    void clear();  // shows "—" everywhere
    bool hasMetrics() const { return m_has; }

    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }

    // What a card shows (title, value) and its tooltip (plain text).
    QString fieldTitle(Field field) const;
    QString fieldText(Field field) const;
    QString fieldToolTip(Field field) const;

    // Shown below the cards when the text is outside the compressor's trained lengths (or its limit);
    // "" when it is inside or they are unknown.
    QString warningText() const;
    static QString lengthWarning(int tokens, int shortest, int longest, int limit);

    // Formatting helpers shared with other widgets.
    static QString formatBytes(qint64 bytes);  // "1.5 MiB"
    static QString formatDuration(double ms);  // "850 ms", "2.40 s"
    static QString formatScore(double value);  // "0.873"

protected:
    void changeEvent(QEvent* event) override;

private:
    void relayout();
    void refresh();

    view::RegenerationMetrics m_metrics;
    bool m_has = false;
    bool m_compact = false;
    QGridLayout* m_grid = nullptr;
    QVector<QFrame*> m_cards;
    QVector<QLabel*> m_titles;
    QVector<QLabel*> m_values;
    QLabel* m_warning = nullptr;
};

}  // namespace xcomp
