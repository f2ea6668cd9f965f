<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>xcomp::AttentionView</name>
    <message>
        <source>Layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What am I looking at?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention each memory token receives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attention weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention of each regenerated token on the memory tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regenerated token (position in the regeneration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attention on memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of all layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of all heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regenerated token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regenerated token %1 “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attention on memory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory token m%1: mean weight %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on memory token m%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory token m%1 reads source token %2 “%3”: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heads: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regenerated tokens: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory tokens: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source tokens: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attention data is inconsistent (array sizes do not match).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attention captured yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean of all layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean over regenerated tokens (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each memory token reads (not captured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each memory token reads (compression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerated token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerated token %1 “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% of its attention is on the memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it reads memory token m%1 most (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory token m%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receives %1 of a regenerated token&apos;s attention on average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a regenerated token in the heatmap or the curve, or a memory token&apos;s bar, to follow it across the views.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source words memory token m%1 reads most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::CompareView</name>
    <message>
        <source>Marked with the errors of “%1”. Click another column to switch, or this header to clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a column to mark in the original what that compressor lost or got wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regeneration by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to mark this column&apos;s errors in the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text every compressor compressed. Each column to the right is what the frozen language model regenerated from that compressor&apos;s memory tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original text appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No regenerations to compare yet. Compress one text with several compressors to see their regenerations side by side.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::DashboardView</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a row or press Enter to review that example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text length (tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the next example in the table&apos;s current order (sort by BLEU to review the worst first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLEU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROUGE-L F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 m=%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean per %1-token length bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean per length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 against text length (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No examples yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (n = %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v / %m examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This plot as PNG or PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All plots as PNG and PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all plots to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::DiffView</name>
    <message>
        <source>Original text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text that was compressed into memory tokens. Words the regeneration lost are marked here in yellow italics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerated from the memory tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the frozen language model wrote back when it saw only the memory tokens. Hover a coloured span to see what the original had there; click a word to link it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No text yet. The original appears here once a text has been compressed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The regeneration appears here, every error coloured by its type.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::ErrorLegend</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spans of this kind in the text: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to jump to the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ab</source>
        <comment>sample text drawn in a legend swatch</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::ErrorStyle</name>
    <message>
        <source>Equal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hallucination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paraphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text the regeneration reproduced exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words the regeneration got wrong: the original says something else at this place, and the meaning changes (a wrong name, number or word).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words of the original that the regeneration left out. The memory tokens did not keep them, so the decoder skipped them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words the regeneration added that have no counterpart in the original. The decoder invented them, usually from what the language model finds likely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same meaning in other words (a synonym, another word order). Not wrong in meaning, but it still lowers BLEU and exact match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left unmarked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked in red on both sides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked yellow and italic in the original, the only place the lost words exist; a small amber marker shows where they are missing in the regeneration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked in blue in the regeneration; a small blue marker shows where it was inserted relative to the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked in green on both sides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regenerated: (left out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regenerated: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original: (nothing here; invented)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost here: the regeneration skips these words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inserted here: the original has nothing at this place.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::EvalTableModel</name>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLEU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROUGE-L F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix EM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the source text in tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spans of this type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::InterpolationPanel</name>
    <message>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spherical (slerp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLEU curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate at evenly spaced α in the background and plot how close each regeneration is to A and to B.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How close the regeneration is to A and to B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α (0 = A, 1 = B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLEU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLEU to A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLEU to B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the plot to move α there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A (α = 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A (α = 0): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B (α = 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B (α = 1): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regeneration, differences from A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regeneration, differences from B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regeneration at α = %1, differences from A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regeneration at α = %1, differences from B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press ǋLEU curve” to regenerate at evenly spaced α and plot BLEU against A and B. A smooth crossing means the compressed space blends the two texts; a sharp step means it snaps from one to the other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The regeneration is closer to B than to A from α = %1 on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spherical mixing, %1 points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear mixing, %1 points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep α from A to B</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::MetricsStrip</name>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLEU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROUGE-L F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix EM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix exact match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory: prompt vs KV cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 tokens (%3×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens → 1 memory token (%2×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens → %2 memory tokens (%3×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 vs %2 (%3× smaller)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compress %1 · regenerate %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLEU: how many of the regeneration&apos;s word sequences (1 to 4 words long) also occur in the original, with a penalty when the regeneration is too short. 1 means identical, 0 means nothing in common. Word order matters, so a paraphrase lowers it even when the meaning is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROUGE-L F: built on the longest common subsequence, the longest chain of words that appears in both texts in the same order (gaps allowed). Recall is how much of the original that chain covers, precision how much of the regeneration; F balances the two. 1 means identical.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact match: yes only when the regeneration reproduces the original character for character. A single wrong word makes it no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix exact match: the share of the original reproduced exactly before the first error. It shows how far the decoder gets before it goes off track; errors tend to snowball, because every word is generated from the ones before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression: the source text&apos;s tokens divided by the memory tokens the compressor squeezed it into. The frozen language model sees only the memory tokens when it regenerates the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 source tokens, %2 memory tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory: the size of the compressed prompt (what must be stored or sent instead of the text) compared with the key/value cache the decoder would hold for the full text. This is the saving compression buys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressed prompt: %1 bytes. KV cache of the full text: %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: how long the compressor took to turn the text into memory tokens, and how long the frozen language model took to regenerate the text from them (token by token, so it grows with the length of the text).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::PlotExport</name>
    <message>
        <source>No file name given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering the plot to %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering the plot to %1 produced no data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no plot to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown image format &quot;%1&quot;: use .png or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::TeachingText</name>
    <message>
        <source>Memory tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KV values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention on memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each memory token reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolating compressed prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regeneration metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compressor reads the whole text and writes its content into a few extra positions, the memory tokens (m of them). Afterwards the text itself is thrown away: the frozen decoder only sees the memory tokens and has to regenerate the text from them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside every layer, attention looks up keys (K) and values (V). The compressed prompt is the K and V of the memory tokens in every layer, so the decoder can attend to them exactly as if they were cached tokens of an earlier prompt. Keeping K and V per layer (500xCompressor) carries more than a single input embedding per token (ICAE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression ratio = source tokens / memory tokens. 480 tokens squeezed into 4 memory tokens is a ratio of 120. In bytes, compare the compressed prompt with the KV cache the full text would have needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While regenerating, each new token spreads its attention (weights that sum to 1) over the memory tokens and the text generated so far. The share that lands on the memory shows how much the decoder still reads the compressed prompt; it usually falls as the regenerated text itself becomes the better context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During compression each memory token attends to the source tokens. The source words a memory token weights most are a hint of what it stores, though attention is not a full explanation: content also mixes across layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two texts A and B are compressed, and their memory KV values are mixed: linearly, (1 - α)୺ + α୻, or spherically along the arc between them (slerp), which keeps the vectors&apos; length. Watching the regeneration as α goes from 0 to 1 shows whether the compressed space is smooth or jumps from one text to the other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLEU counts shared word n-grams (1 to 4) between the original and the regeneration; ROUGE-L F uses the longest common subsequence; exact match (EM) is 1 only for an identical text; prefix EM is the share of the original reproduced before the first mistake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mistake: a word replaced by a wrong one. Information loss: original text missing from the regeneration. Hallucination: text that was never in the original. Paraphrase: different words with the same meaning.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::AttentionPage</name>
    <message>
        <source>Capture attention during Compress &amp;&amp; Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attention captured yet. Run Compress &amp; Regenerate with &quot;Capture attention&quot; on to see which memory tokens the decoder reads for every regenerated token, and which source words each memory token reads.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::BatchPage</name>
    <message>
        <source>Open dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JSON Lines file: one example per line with an &quot;abstract&quot;, &quot;text&quot; or &quot;context&quot; field, optionally &quot;question&quot; and &quot;answers&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate only the first examples (0: all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen compressor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All compressors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no usable example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dataset open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n example(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n with a question</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Question answering over %n example(s): compressed prompt F1 %1 / EM %2 — full text F1 %3 / EM %4</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::ComparePage</name>
    <message>
        <source>Compressors to compare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compress the text on the left with every checked compressor and regenerate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each column shows one compressor&apos;s regeneration, coloured by error type. Click a column to mark what it lost in the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 memory tokens, up to %3 source tokens%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, fine-tuned for question answering</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::DatasetReader</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: not a JSON object (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: no &quot;abstract&quot;, &quot;text&quot; or &quot;context&quot; field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no examples.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::EngineWorker</name>
    <message>
        <source>Out of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is open. Open a model folder first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compress and regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare compressors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare the interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A was compressed with %1 and B with %2: interpolation needs two prompts of the same compressor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the compressed prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::HelpPane</name>
    <message>
        <source>Compress &amp; Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encoder squeezes the text into a few memory tokens; the frozen decoder then has to write the text again from them alone. Differences are coloured by type, and the strip above gives the scores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing compressors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same text through several compressors: 500xCompressor (KV values per layer), ICAE (input embeddings) and the Attention-Only Compressor, each with its number of memory tokens m. Fewer memory tokens mean more compression and usually more errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a word of the regeneration in the Regenerate tab, or a column of the heatmap, to see which memory tokens that word was read from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two compressed prompts made by the same compressor are points in the same space. Mixing them shows how smooth that space is: does the regeneration switch abruptly from A to B, or blend them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A compressed prompt is useful when the decoder can work with it, not only copy it back. The question is asked twice: of the compressed prompt and of the full text. F1 counts the overlapping words with a gold answer; exact match (EM) asks for the whole answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single examples can mislead. A dataset run gives the mean scores per compressor against text length, like the papers&apos; figures. Sort the table by BLEU and double-click the worst rows to see what went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::InterpolationPage</name>
    <message>
        <source>Compress A and B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compress both texts with the chosen compressor (or load the .xcp files), then move the slider to mix the two compressed prompts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text A (α = 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text B (α = 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or paste text A, or load a compressed prompt (.xcp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or paste text B, or load a compressed prompt (.xcp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use main text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the text of the main editor here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load .xcp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a compressed prompt saved earlier (File ▸ Save Compressed Prompt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use text instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressed prompt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both prompts compressed with %1. Move the slider; the curve fills in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give two texts (or .xcp files) and press Compress A and B.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::MainWindow</name>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a text, a session, a compressed prompt (.xcp) or a dataset (.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the texts, settings and results of this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Compressed Prompt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compress the text with the chosen compressor and save the memory tokens&apos; KV values as a .xcp file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Model Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder with config.json, the weights, tokenizer.model and compressors/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compress &amp;&amp; &amp;Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compress the text into memory tokens and let the frozen decoder regenerate it (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare Compressors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the compressors checked in the Compare tab on the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ask Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running job (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help for &amp;Students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About xcomp Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolation Pair (Two Abstracts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample Dataset (Batch Tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Question Answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What&apos;s &amp;This?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Compressor: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Device: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CUDA device is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text to compress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste or type a text here, or pick one from the Examples menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question Answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original and its regeneration, differences coloured by error type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several compressors on the same text, side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers from the compressed prompt and from the full text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A whole dataset: mean scores against text length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help for Students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the compressed prompt to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more skipped example(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch evaluation cancelled after %n example(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not prepared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch example %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model folder at %1. Use File ▸ Open Model Folder… to choose one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading model from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — method %2, %3 memory tokens, up to %4 source tokens%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, QA fine-tuned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model folder %1 has no compressors (compressors/*). Train one with the xcomp command-line tool first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Model %1 — %2M parameters, %3 layers — %4, %5 — %n compressor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open a model to count tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting tokens…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n memory token(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1× compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer than the %1 tokens this compressor was trained on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model folder with at least one compressor first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no text to compress. Paste one on the left or pick an example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled, partial regeneration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model and check at least one compressor in the Compare tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question needs a text to be answered from: paste one on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressing A and B…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the BLEU curve: %1 of %2 points…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>BLEU curve done (%n point(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open a dataset first (File ▸ Open Dataset…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All supported files (*.txt *.md *.xcs *.json *.xcp *.jsonl);;Texts (*.txt *.md);;Sessions (*.xcs *.json);;Compressed prompts (*.xcp);;Datasets (*.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1 as an interpolation endpoint. Press Compress A and B.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid UTF-8; unreadable bytes were replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) skipped. First: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Compressed Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressed prompts (*.xcp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Model Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Compressed Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressed prompts (*.xcp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workbench sessions (*.xcs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the session file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — xcomp Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next start of the workbench.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About xcomp Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;xcomp Workbench %1&lt;/h3&gt;&lt;p&gt;A workbench for soft prompt compression: a text is compressed into a few memory tokens whose per-layer key/value vectors a frozen language model uses to regenerate the text or answer questions about it.&lt;/p&gt;&lt;p&gt;Methods: 500xCompressor (arXiv 2408.03094) and the Attention-Only Compressor (arXiv 2501.06730), with ICAE as a baseline.&lt;/p&gt;&lt;p&gt;LibTorch %2, Qt %3.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n compressor(s) could not be loaded: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA (GPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CUDA device is available in this build or on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads for the engine (0: LibTorch&apos;s default). Applies when the model is opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU &amp;threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect when the workbench is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture attention when regenerating</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::QaPage</name>
    <message>
        <source>e.g. Who wrote the paper?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: gold answers, one per line, for F1 and exact match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gold answers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the question of the compressed text and of the full text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the compressed prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the full text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frozen decoder reads the whole text: the upper bound the papers compare against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQuAD v1.1 scores against the gold answers: F1 is the word overlap (after lower-casing and removing punctuation and articles), EM is 1 when the normalised answer equals a gold answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is fine-tuned for question answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was trained for regeneration only; answers from it show what the memory tokens keep, but a QA-tuned compressor answers better.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the compressed prompt (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no gold answers — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1 %1 · EM %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::RegeneratePage</name>
    <message>
        <source>Regenerated with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressing and regenerating with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a text on the left and press Compress &amp; Regenerate (Ctrl+Return).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::SessionFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an xcomp workbench session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session version %1 is not supported (this build reads version %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
