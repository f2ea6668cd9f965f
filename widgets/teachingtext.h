// widgets/teachingtext.h — short explanations for students, shown as tooltips, "What's this?" help
// and info labels next to the plots. Every text goes through tr() (context xcomp::TeachingText).
#pragma once
#include <QCoreApplication>
#include <QString>

namespace xcomp {

class TeachingText {
    Q_DECLARE_TR_FUNCTIONS(xcomp::TeachingText)
public:
    enum class Topic {
        MemoryTokens,      // what the m memory tokens are
        KvValues,          // why the compressed prompt is per-layer keys and values
        CompressionRatio,  // source tokens / memory tokens, and bytes
        AttentionUsage,    // how much the decoder reads the memory while regenerating
        EncoderAttention,  // which source words each memory token reads
        Interpolation,     // walking between two compressed prompts
        Metrics,           // BLEU, ROUGE-L, exact match, prefix exact match
        ErrorTypes,        // mistake, information loss, hallucination, paraphrase
        TokenEvidence,     // probability, rank and entropy under teacher forcing; vs exact match
        OptimisedMemory,   // the per-text upper bound: memory fitted by gradient descent
        MemoryAblation,    // dropping, zeroing or swapping one memory token
        LatentMap,         // the batch's compressed prompts projected to two dimensions (PCA)
        Chunks,            // a text longer than one window: chunks, each with its own memory tokens
    };

    static QString title(Topic topic);        // a few words, e.g. "Memory tokens"
    static QString explanation(Topic topic);  // two to four plain sentences (plain text)
    // Title and explanation as a small rich-text block for a tooltip or a QLabel.
    static QString tooltip(Topic topic);
};

}  // namespace xcomp
