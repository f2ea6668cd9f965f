#include "attentionpage.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "attentionview.h"
#include "diffview.h"
#include "exportbutton.h"
#include "headgrid.h"
#include "plotexport.h"
#include "preferences.h"
#include "regeneratepage.h"
#include "reportconvert.h"
#include "teachingtext.h"

namespace xcomp::workbench {

AttentionPage::AttentionPage(RegeneratePage* regeneration, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_capture = new QCheckBox(tr("Capture attention during Compress && Regenerate"), this);
    m_capture->setToolTip(TeachingText::tooltip(TeachingText::Topic::AttentionUsage));
    m_capture->setChecked(true);
    connect(m_capture, &QCheckBox::toggled, this, &AttentionPage::captureAttentionChanged);
    m_stack = new QStackedWidget(this);
    m_placeholder = new QLabel(
        tr("No attention captured yet. Run Compress & Regenerate with \"Capture attention\" on to see which memory "
           "tokens the decoder reads for every regenerated token, and which source words each memory token "
           "reads."),
        this);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setMargin(40);
    m_view = new AttentionView(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_view);
    auto* top = new QHBoxLayout;
    top->addWidget(m_capture, 1);
    m_export = new ExportButton(this);
    top->addWidget(m_export);
    addExports();
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);

    setCaptureAttention(Preferences::captureAttention());
    connect(this, &AttentionPage::captureAttentionChanged, this, &Preferences::setCaptureAttention);
    connect(regeneration, &RegeneratePage::regenerationShown, this,
            [this](const RegenerationResult& result) { setData(result.attention, result.tokenRanges); });
    // A chunked text: the part chosen on the Regenerate tab (the whole puts the chunks side by side).
    connect(regeneration, &RegeneratePage::partShown, this,
            [this](const RegenerationPart& part) { setData(part.attention, part.tokenRanges); });
    linkSelection(regeneration);
}

// The three plots, one at a time or all at once, as PNG and PDF (plotexport.h).
void AttentionPage::addExports()
{
    m_export->setAvailability([this] { return hasData(); });
    const QStringList names{QStringLiteral("decoder"), QStringLiteral("mass"), QStringLiteral("encoder")};
    const QStringList texts{tr("Decoder heatmap as PNG or PDF\u2026"), tr("Attention on the memory as PNG or PDF\u2026"),
                            tr("Encoder heatmap as PNG or PDF\u2026")};
    m_export->addFolderExport(QStringLiteral("plots"), tr("All attention plots as PNG and PDF\u2026"),
                              tr("Export all attention plots to"), [this, names](const QString& dir, QString* error) {
                                  return PlotExport::saveAll(m_view->plots(), names, dir, QStringLiteral("attention"), error);
                              });
    m_export->addSeparator();
    // The heads the selected words drew on (the grid beside the selection line; issue 19, item 4).
    m_export->addFileExport(QStringLiteral("span-heads"), tr("Heads of the selected words as PNG, CSV or JSON\u2026"),
                            tr("Export the heads"), QStringLiteral("attention-heads.csv"), HeadGrid::fileDialogFilter(),
                            [this](const QString& path, QString* error) { return m_view->headGrid()->exportFile(path, error); });
    for (int i = 0; i < names.size(); ++i)
        m_export->addFileExport(QStringLiteral("plot-") + names[i], texts[i], tr("Export plot"),
                                QStringLiteral("attention-%1.png").arg(names[i]), PlotExport::fileDialogFilter(),
                                [this, i](const QString& path, QString* error) {
                                    return PlotExport::save(m_view->plots().value(i), path, error);
                                });
}

// A word of the regeneration <-> a generated token of the attention view.
void AttentionPage::linkSelection(RegeneratePage* regeneration)
{
    DiffView* diff = regeneration->diffView();
    connect(diff, &DiffView::regeneratedPositionClicked, this, [this](int pos) {
        const int token = tokenAt(pos);
        if (token >= 0 && hasData())
            m_view->selectGeneratedToken(token);
    });
    // A memory token -> the words of the regeneration that relied on it most (issue 19, item 4).
    const auto shadeReliance = [this, diff] {
        const int k = m_view->selectedMemoryToken();
        QVector<QPair<int, int>> ranges;
        QVector<double> shares;
        if (k >= 0 && hasData())
            for (int g : tokensRelyingOn(k, &shares))
                ranges << tokenRange(g);
        diff->regeneratedEdit()->setRelianceRanges(ranges, shares);
    };
    connect(m_view, &AttentionView::memoryTokenSelected, this, shadeReliance);
    // A stretch of the regeneration (words dragged over, a coloured span clicked) -> its tokens as a
    // span in the attention view: the memory tokens and heads it drew on, the source words they read.
    connect(diff, &DiffView::regeneratedRangeSelected, this, [this](int begin, int end) {
        const QPair<int, int> span = tokensIn(begin, end);
        if (span.first >= 0 && hasData())
            m_view->selectGeneratedSpan(span.first, span.second);
    });
    // The source words the attention view highlights (a memory token's, or a span's through the
    // memory) are shaded in the diff's original too, strongest first.
    const auto shadeSources = [this, regeneration, diff] {
        const QVector<QPair<int, int>>& places = regeneration->result().evidence.originalRanges;
        QVector<QPair<int, int>> ranges;
        QVector<double> strengths;
        const QVector<int> top = hasData() ? m_view->highlightedSourceTokens() : QVector<int>();
        for (int i = 0; i < top.size(); ++i)
            if (top[i] < places.size() && places[top[i]].second > places[top[i]].first) {
                ranges << places[top[i]];
                strengths << 1.0 - 0.7 * i / std::max<qsizetype>(1, top.size());
            }
        diff->originalEdit()->setRelianceRanges(ranges, strengths);
    };
    connect(m_view, &AttentionView::memoryTokenSelected, this, shadeSources);
    connect(m_view, &AttentionView::generatedSpanSelected, this, shadeSources);
    connect(m_view, &AttentionView::generatedTokenSelected, this, shadeSources);
    connect(m_view, &AttentionView::generatedTokenSelected, this, [this, diff](int token) {
        if (token < 0) {
            diff->setSelectedRegeneratedRange(0, 0);
            return;
        }
        const QPair<int, int> r = tokenRange(token);
        diff->setSelectedRegeneratedRange(r.first, r.second);
    });
}

void AttentionPage::setData(const view::AttentionData& data, const QVector<QPair<int, int>>& tokenRanges)
{
    m_ranges = tokenRanges;
    if (data.layers <= 0) {
        clear();
        return;
    }
    m_view->setData(data);
    m_stack->setCurrentWidget(m_view->hasData() ? static_cast<QWidget*>(m_view) : m_placeholder);
}

void AttentionPage::clear()
{
    m_ranges.clear();
    m_view->clear();
    m_stack->setCurrentWidget(m_placeholder);
}

bool AttentionPage::hasData() const
{
    return m_view->hasData();
}

bool AttentionPage::captureAttention() const
{
    return m_capture->isChecked();
}

void AttentionPage::setCaptureAttention(bool capture)
{
    m_capture->setChecked(capture);
}

QVector<int> AttentionPage::tokensRelyingOn(int k, QVector<double>* shares) const
{
    QVector<int> tokens;
    if (shares)
        shares->clear();
    if (!hasData() || k < 0 || k >= m_view->memoryCount())
        return tokens;
    for (int g = 0; g < m_ranges.size(); ++g) {
        const QVector<double> usage = m_view->tokenMemoryUsage(g, m_view->layer(), m_view->head());
        if (usage.size() <= k)
            continue;
        double total = 0;
        int top = 0;
        for (int m = 0; m < usage.size(); ++m) {
            total += usage.at(m);
            if (usage.at(m) > usage.at(top))
                top = m;
        }
        if (top != k || usage.at(k) <= 0)
            continue;
        tokens << g;
        if (shares)
            *shares << (total > 0 ? usage.at(k) / total : 0.0);
    }
    return tokens;
}

int AttentionPage::tokenAt(int charPos) const
{
    return pieceAt(m_ranges, charPos);
}

QPair<int, int> AttentionPage::tokenRange(int token) const
{
    if (token < 0 || token >= m_ranges.size())
        return qMakePair(0, 0);
    return m_ranges.at(token);
}

QPair<int, int> AttentionPage::tokensIn(int begin, int end) const
{
    int first = -1, last = -1;
    for (int i = 0; i < m_ranges.size(); ++i) {
        const auto [b, e] = m_ranges.at(i);
        if (e > b && b < end && e > begin) {  // overlaps [begin, end)
            if (first < 0)
                first = i;
            last = i;
        }
    }
    return qMakePair(first, last);
}

}  // namespace xcomp::workbench
