#include "teachingtext.h"

namespace xcomp {

QString TeachingText::title(Topic topic)
{
    switch (topic) {
    case Topic::MemoryTokens: return tr("Memory tokens");
    case Topic::KvValues: return tr("KV values");
    case Topic::CompressionRatio: return tr("Compression ratio");
    case Topic::AttentionUsage: return tr("Attention on memory");
    case Topic::EncoderAttention: return tr("What each memory token reads");
    case Topic::Interpolation: return tr("Interpolating compressed prompts");
    case Topic::Metrics: return tr("Regeneration metrics");
    case Topic::ErrorTypes: return tr("Error types");
    case Topic::TokenEvidence: return tr("Per-token evidence");
    case Topic::OptimisedMemory: return tr("Optimised memory: the upper bound");
    case Topic::MemoryAblation: return tr("Memory-token ablation");
    case Topic::LatentMap: return tr("The latent map");
    case Topic::Chunks: return tr("Long texts in chunks");
    }
    return QString();
}

QString TeachingText::explanation(Topic topic)
{
    switch (topic) {
    case Topic::MemoryTokens:
        return tr("The compressor reads the whole text and writes its content into a few extra "
                  "positions, the memory tokens (m of them). Afterwards the text itself is thrown "
                  "away: the frozen decoder only sees the memory tokens and has to regenerate the "
                  "text from them.");
    case Topic::KvValues:
        return tr("Inside every layer, attention looks up keys (K) and values (V). The compressed "
                  "prompt is the K and V of the memory tokens in every layer, so the decoder can "
                  "attend to them exactly as if they were cached tokens of an earlier prompt. "
                  "Keeping K and V per layer (500xCompressor) carries more than a single input "
                  "embedding per token (ICAE).");
    case Topic::CompressionRatio:
        return tr("Compression ratio = source tokens / memory tokens. 480 tokens squeezed into "
                  "4 memory tokens is a ratio of 120. In bytes, compare the compressed prompt "
                  "with the KV cache the full text would have needed.");
    case Topic::AttentionUsage:
        return tr("While regenerating, each new token spreads its attention (weights that sum to "
                  "1) over the memory tokens and the text generated so far. The share that lands "
                  "on the memory shows how much the decoder still reads the compressed prompt; "
                  "it usually falls as the regenerated text itself becomes the better context.");
    case Topic::EncoderAttention:
        return tr("During compression each memory token attends to the source tokens. The "
                  "source words a memory token weights most are a hint of what it stores, though "
                  "attention is not a full explanation: content also mixes across layers.");
    case Topic::Interpolation:
        return tr("Two texts A and B are compressed, and their memory KV values are mixed: "
                  "linearly, (1 - α)·A + α·B, or spherically along the arc "
                  "between them (slerp), which keeps the vectors' length. Watching the "
                  "regeneration as α goes from 0 to 1 shows whether the compressed space is "
                  "smooth or jumps from one text to the other.");
    case Topic::Metrics:
        return tr("BLEU counts shared word n-grams (1 to 4) between the original and the "
                  "regeneration; ROUGE-L F uses the longest common subsequence; exact match (EM) "
                  "is 1 only for an identical text; prefix EM is the share of the original "
                  "reproduced before the first mistake.");
    case Topic::ErrorTypes:
        return tr("Mistake: a word replaced by a wrong one. Information loss: original text "
                  "missing from the regeneration. Hallucination: text that was never in the "
                  "original. Paraphrase: different words with the same meaning.");
    case Topic::TokenEvidence:
        return tr("Teacher forcing: at every position the decoder is shown the original text up to "
                  "there and asked for the next token. Each token is shaded by the probability the "
                  "decoder gives the right one (green: sure, red: it expected something else), and "
                  "underlined when the right token was not its first choice. Teacher-forced accuracy "
                  "counts the first choices. It is not exact match: when the decoder writes the text "
                  "on its own (greedy decoding), one wrong word becomes part of its context and can "
                  "derail everything after it; the triangle marks where that first happens.");
    case Topic::OptimisedMemory:
        return tr("A trained compressor has to work for every text. Optimised memory skips the "
                  "compressor: for this one text, the m memory tokens' values are adjusted by "
                  "gradient descent, hundreds of small steps, until the frozen decoder regenerates "
                  "the text exactly or the step budget is spent. It shows what m memory tokens can "
                  "hold for this text at best, so the gap to a trained compressor is what that "
                  "compressor still leaves on the table.");
    case Topic::MemoryAblation:
        return tr("To find out what one memory token carries, take it away and look at what "
                  "changes. Drop hides it from the decoder, zero sets its keys and values to 0, "
                  "replace swaps in the same memory token of another compressed prompt. The bars "
                  "show each memory token's importance: how much worse the decoder predicts the "
                  "original (the loss, in nats per token) when that token is dropped.");
    case Topic::LatentMap:
        return tr("A compressed prompt is a long list of numbers, one point in a space with thousands of "
                  "dimensions. Principal component analysis finds the two directions in which the batch's "
                  "prompts differ most and draws every text there. Texts whose points lie close together "
                  "were compressed alike; if the red (badly regenerated) points gather in one corner, the "
                  "compressor struggles with one kind of text. The axes have no meaning of their own.");
    case Topic::Chunks:
        return tr("A compressor learned to squeeze texts of a certain length, and a longer text does not fit. "
                  "So the text is cut into chunks at sentence ends, each short enough, and every chunk gets "
                  "its own m memory tokens, like pages of a book each summarised on its own card. The decoder "
                  "rewrites each chunk from its own card, and the chunks put together give the whole text "
                  "back. It can also be handed all the cards at once and asked for the whole text in one go "
                  "(\"read together\"); this decoder never practised that, so compare the two and see how much "
                  "worse it does. All the cards and the text must also fit the decoder's context, which is "
                  "checked first. Above the scores, choose the whole text, the reading together or one chunk; "
                  "in the bar beside it each chunk is green when it came back well and red when it did not. "
                  "You can choose how long the chunks may be (\u201cChunks of at most\u201d, top right): shorter "
                  "chunks mean more cards for the same text, so each page comes back more faithfully but the "
                  "text is compressed less.");
    }
    return QString();
}

QString TeachingText::tooltip(Topic topic)
{
    return QStringLiteral("<p><b>") + title(topic).toHtmlEscaped() + QStringLiteral("</b></p><p>")
        + explanation(topic).toHtmlEscaped() + QStringLiteral("</p>");
}

}  // namespace xcomp
