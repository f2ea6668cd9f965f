#include "helppane.h"

#include <QCoreApplication>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "reportconvert.h"
#include "teachingtext.h"
#include "xcomp/runtime.h"

namespace xcomp::workbench {

namespace {

using Topic = xcomp::TeachingText::Topic;

QString topicHtml(Topic topic)
{
    return QStringLiteral("<h4>%1</h4><p>%2</p>")
        .arg(TeachingText::title(topic).toHtmlEscaped(), TeachingText::explanation(topic).toHtmlEscaped());
}

QString intro(const QString& title, const QString& text)
{
    return QStringLiteral("<h3>%1</h3><p>%2</p>").arg(title.toHtmlEscaped(), text.toHtmlEscaped());
}

}  // namespace

HelpPane::HelpPane(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_browser = new QTextBrowser(this);
    m_browser->setOpenExternalLinks(true);
    layout->addWidget(m_browser);
    showPage(Page::Regenerate);
}

void HelpPane::showPage(Page page)
{
    m_page = page;
    m_browser->setHtml(pageHtml(page));
}

QString HelpPane::html() const
{
    return m_browser->toHtml();
}

QString HelpPane::pageHtml(Page page)
{
    QString html;
    switch (page) {
    case Page::Regenerate:
        html = intro(HelpPane::tr("Compress & Regenerate"),
                     HelpPane::tr("The encoder squeezes the text into a few memory tokens; the frozen decoder then "
                                  "has to write the text again from them alone. Differences are coloured by "
                                  "type, and the strip above gives the scores. The strip below the diff shows, "
                                  "token by token, how sure the decoder was of the original: hover over a token "
                                  "for its numbers, click it to find it in the text."));
        for (Topic t : {Topic::MemoryTokens, Topic::KvValues, Topic::CompressionRatio, Topic::Metrics, Topic::TokenEvidence,
                        Topic::ErrorTypes, Topic::Chunks})
            html += topicHtml(t);
        break;
    case Page::Compare:
        html = intro(HelpPane::tr("Comparing compressors"),
                     HelpPane::tr("The same text through several compressors: 500xCompressor (KV values per layer), "
                                  "ICAE (input embeddings) and the Attention-Only Compressor, each with its number "
                                  "of memory tokens m. Fewer memory tokens mean more compression and usually more "
                                  "errors."));
        for (Topic t : {Topic::ErrorTypes, Topic::Metrics, Topic::CompressionRatio})
            html += topicHtml(t);
        html += topicHtml(Topic::OptimisedMemory);
        break;
    case Page::Attention:
        html = intro(HelpPane::tr("Attention"),
                     HelpPane::tr("Click a word of the regeneration in the Regenerate tab, or a column of the "
                                  "heatmap, to see which memory tokens that word was read from. Click a memory "
                                  "token's bar the other way round: the words that read it most are shaded in "
                                  "the Regenerate tab. Drag over several words of the regeneration, or click a "
                                  "coloured span, to see which memory tokens and heads they drew on and which "
                                  "source words those memory tokens read; those words are shaded in the original "
                                  "too."));
        for (Topic t : {Topic::AttentionUsage, Topic::EncoderAttention, Topic::MemoryTokens})
            html += topicHtml(t);
        break;
    case Page::Interpolation:
        html = intro(HelpPane::tr("Interpolation"),
                     HelpPane::tr("Two compressed prompts made by the same compressor are points in the same "
                                  "space. Mixing them shows how smooth that space is: does the regeneration "
                                  "switch abruptly from A to B, or blend them?"));
        for (Topic t : {Topic::Interpolation, Topic::KvValues})
            html += topicHtml(t);
        break;
    case Page::QuestionAnswering:
        html = intro(HelpPane::tr("Question answering"),
                     HelpPane::tr("A compressed prompt is useful when the decoder can work with it, not only copy "
                                  "it back. The question is asked twice: of the compressed prompt and of the full "
                                  "text. F1 counts the overlapping words with a gold answer; exact match (EM) "
                                  "asks for the whole answer."));
        for (Topic t : {Topic::MemoryTokens, Topic::Metrics, Topic::Chunks})
            html += topicHtml(t);
        break;
    case Page::Batch:
        html = intro(HelpPane::tr("Batch evaluation"),
                     HelpPane::tr("Single examples can mislead. A dataset run gives the mean scores per compressor "
                                  "against text length, like the papers' figures. Sort the table by BLEU and "
                                  "double-click the worst rows to see what went wrong. The latent map beside the "
                                  "table shows whether the texts that fail resemble each other inside the "
                                  "compressor."));
        for (Topic t : {Topic::Metrics, Topic::CompressionRatio, Topic::ErrorTypes, Topic::LatentMap})
            html += topicHtml(t);
        break;
    case Page::Ablation:
        html = intro(HelpPane::tr("Memory-token ablation"),
                     HelpPane::tr("Are all memory tokens equally useful, or does the text live in one or two of "
                                  "them? Take one away and regenerate: if the text hardly changes, that token "
                                  "carried little. The tallest bar is the memory token the decoder misses most; "
                                  "click it to see in the Attention tab what it reads and who reads it."));
        for (Topic t : {Topic::MemoryAblation, Topic::MemoryTokens, Topic::KvValues})
            html += topicHtml(t);
        break;
    }
    return html;
}

QString HelpPane::aboutHtml()
{
    return tr("<h3>xcomp Workbench %1</h3>"
              "<p>A workbench for soft prompt compression: a text is compressed into a few memory tokens whose "
              "per-layer key/value vectors a frozen language model uses to regenerate the text or answer "
              "questions about it.</p>"
              "<p>Methods: 500xCompressor (arXiv 2408.03094) and the Attention-Only Compressor "
              "(arXiv 2501.06730), with ICAE as a baseline.</p>"
              "<p>LibTorch %2, Qt %3.</p>")
        .arg(QStringLiteral(XCOMP_VERSION), fromStd(xcomp::torch_version()), QLatin1String(qVersion()));
}

}  // namespace xcomp::workbench
