<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>xcomp::AtomicWrite</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>xcomp::AttentionView</name>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>头：</translation>
    </message>
    <message>
        <source>What am I looking at?</source>
        <translation>这张图在显示什么？</translation>
    </message>
    <message>
        <source>Attention each memory token receives</source>
        <translation>每个记忆令牌得到的注意力</translation>
    </message>
    <message>
        <source>memory token</source>
        <translation>记忆令牌</translation>
    </message>
    <message>
        <source>attention weight</source>
        <translation>注意力权重</translation>
    </message>
    <message>
        <source>Attention of each regenerated token on the memory tokens</source>
        <translation>每个再生令牌对记忆令牌的注意力</translation>
    </message>
    <message>
        <source>regenerated token (position in the regeneration)</source>
        <translation>再生令牌（在再生文本中的位置）</translation>
    </message>
    <message>
        <source>attention on memory</source>
        <translation>对记忆的注意力</translation>
    </message>
    <message>
        <source>source token</source>
        <translation>源令牌</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Mean of all layers</source>
        <translation>所有层的平均</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>Mean of all heads</source>
        <translation>所有头的平均</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>第 %1 个头</translation>
    </message>
    <message>
        <source>regenerated token %1</source>
        <translation>再生令牌 %1</translation>
    </message>
    <message>
        <source>regenerated token %1 “%2”</source>
        <translation>再生令牌 %1“%2”</translation>
    </message>
    <message>
        <source>attention on memory: %1</source>
        <translation>对记忆的注意力：%1</translation>
    </message>
    <message>
        <source>memory token m%1: mean weight %2</source>
        <translation>记忆令牌 m%1：平均权重 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>on memory token m%1: %2</source>
        <translation>对记忆令牌 m%1：%2</translation>
    </message>
    <message>
        <source>memory token m%1 reads source token %2 “%3”: %4</source>
        <translation>记忆令牌 m%1 读取源令牌 %2“%3”：%4</translation>
    </message>
    <message>
        <source>layers: %1</source>
        <translation>层数：%1</translation>
    </message>
    <message>
        <source>heads: %1</source>
        <translation>头数：%1</translation>
    </message>
    <message>
        <source>regenerated tokens: %1</source>
        <translation>再生令牌数：%1</translation>
    </message>
    <message>
        <source>memory tokens: %1</source>
        <translation>记忆令牌数：%1</translation>
    </message>
    <message>
        <source>source tokens: %1</source>
        <translation>源令牌数：%1</translation>
    </message>
    <message>
        <source>The attention data is inconsistent (array sizes do not match).</source>
        <translation>注意力数据不一致（数组大小不匹配）。</translation>
    </message>
    <message>
        <source>No attention captured yet.</source>
        <translation>尚未记录注意力。</translation>
    </message>
    <message>
        <source>mean of all layers</source>
        <translation>所有层的平均</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>mean over regenerated tokens (%1)</source>
        <translation>所有再生令牌的平均（%1）</translation>
    </message>
    <message>
        <source>What each memory token reads (not captured)</source>
        <translation>每个记忆令牌读取的内容（未记录）</translation>
    </message>
    <message>
        <source>What each memory token reads (compression)</source>
        <translation>每个记忆令牌读取的内容（压缩阶段）</translation>
    </message>
    <message>
        <source>Regenerated token %1</source>
        <translation>再生令牌 %1</translation>
    </message>
    <message>
        <source>Regenerated token %1 “%2”</source>
        <translation>再生令牌 %1“%2”</translation>
    </message>
    <message>
        <source>%1% of its attention is on the memory</source>
        <translation>其 %1% 的注意力落在记忆上</translation>
    </message>
    <message>
        <source>it reads memory token m%1 most (%2)</source>
        <translation>它读取最多的是记忆令牌 m%1（%2）</translation>
    </message>
    <message>
        <source>Memory token m%1</source>
        <translation>记忆令牌 m%1</translation>
    </message>
    <message>
        <source>receives %1 of a regenerated token&apos;s attention on average</source>
        <translation>平均得到每个再生令牌 %1 的注意力</translation>
    </message>
    <message>
        <source>Click a regenerated token in the heatmap or the curve, or a memory token&apos;s bar, to follow it across the views.</source>
        <translation>点击热图或曲线中的再生令牌，或点击某个记忆令牌的柱形，即可在各视图中跟踪它。</translation>
    </message>
    <message>
        <source>No source tokens.</source>
        <translation>没有源令牌。</translation>
    </message>
    <message>
        <source>Source words memory token m%1 reads most:</source>
        <translation>记忆令牌 m%1 读取最多的源词：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>源文本：</translation>
    </message>
    <message>
        <source>regenerated tokens %1–%2</source>
        <translation>再生令牌 %1–%2</translation>
    </message>
    <message>
        <source>Regenerated tokens %1–%2</source>
        <translation>再生令牌 %1–%2</translation>
    </message>
    <message>
        <source>they read memory token m%1 most (%2)</source>
        <translation>它们最多读取记忆令牌 m%1（%2）</translation>
    </message>
    <message>
        <source>layer %1 head %2 (%3)</source>
        <translation>第 %1 层第 %2 头（%3）</translation>
    </message>
    <message>
        <source>the heads that drew most on the memory: %1</source>
        <translation>最多利用记忆的注意力头：%1</translation>
    </message>
    <message>
        <source>Source words the selected regenerated tokens drew on through the memory:</source>
        <translation>所选再生令牌经由记忆所依赖的源词：</translation>
    </message>
</context>
<context>
    <name>xcomp::WidgetExport</name>
    <message>
        <source>PNG image (*.png);;CSV table (*.csv);;JSON (*.json)</source>
        <translation>PNG 图像 (*.png);;CSV 表格 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Unknown export format: %1 (use .png, .csv or .json)</source>
        <translation>未知的导出格式：%1（请使用 .png、.csv 或 .json）</translation>
    </message>
</context>
<context>
    <name>xcomp::HeadGrid</name>
    <message>
        <source>Which heads the selected words drew on the memory with: one row per layer, one column per head, darker = more of the words' attention went to the memory tokens. Click a cell to show that layer and head above.</source>
        <translation>所选词语通过哪些注意力头读取记忆：每行一层，每列一个头，颜色越深 = 这些词语越多的注意力落在记忆令牌上。点击单元格即可在上方显示该层和该头。</translation>
    </message>
    <message>
        <source>Layer %1, head %2: %3% of the selected words' attention went to the memory tokens</source>
        <translation>第 %1 层，第 %2 个头：所选词语 %3% 的注意力落在记忆令牌上</translation>
    </message>
    <message>
        <source>Select words of the regeneration first: the grid shows the heads they drew on.</source>
        <translation>请先选择重建文本中的词语：网格显示它们所依赖的注意力头。</translation>
    </message>
</context>
<context>
    <name>xcomp::ChunkStrip</name>
    <message>
        <source>Chunk %1 of %2: tokens %3–%4 (%5 tokens). From its own %6 memory tokens: ROUGE-L F %7, BLEU %8, exact match %9</source>
        <translation>第 %1 段（共 %2 段）：令牌 %3–%4（%5 个令牌）。由它自己的 %6 个记忆令牌再生：ROUGE-L F %7，BLEU %8，完全匹配 %9</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>xcomp::CompareView</name>
    <message>
        <source>Marked with the errors of “%1”. Click another column to switch, or this header to clear.</source>
        <translation>已标出“%1”的错误。点击另一列可切换，点击此标题可清除。</translation>
    </message>
    <message>
        <source>Click a column to mark in the original what that compressor lost or got wrong.</source>
        <translation>点击某一列，即可在原文中标出该压缩器丢失或出错的内容。</translation>
    </message>
    <message>
        <source>Result %1</source>
        <translation>结果 %1</translation>
    </message>
    <message>
        <source>Regeneration by %1.</source>
        <translation>由 %1 再生。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Click to mark this column&apos;s errors in the original.</source>
        <translation>点击以在原文中标出此列的错误。</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>The text every compressor compressed. Each column to the right is what the frozen language model regenerated from that compressor&apos;s memory tokens.</source>
        <translation>每个压缩器压缩的文本。右侧每一列是冻结的语言模型根据该压缩器的记忆令牌再生出的文本。</translation>
    </message>
    <message>
        <source>The original text appears here.</source>
        <translation>原文显示在这里。</translation>
    </message>
    <message>
        <source>No regenerations to compare yet. Compress one text with several compressors to see their regenerations side by side.</source>
        <translation>还没有可比较的再生结果。用多个压缩器压缩同一段文本，即可并排查看它们的再生结果。</translation>
    </message>
    <message>
        <source>Uncheck to hide this column; click to scroll to it and mark its errors in the original.</source>
        <translation>取消勾选可隐藏此列；单击可滚动到该列并在原文中标出其错误。</translation>
    </message>
    <message>
        <source>Compressor</source>
        <translation>压缩器</translation>
    </message>
    <message>
        <source>BLEU</source>
        <translation>BLEU</translation>
    </message>
    <message>
        <source>ROUGE-L F</source>
        <translation>ROUGE-L F</translation>
    </message>
    <message>
        <source>EM</source>
        <translation>EM</translation>
    </message>
    <message>
        <source>One row per compressor. Click a header to sort (again to reverse); uncheck a compressor to hide its column.</source>
        <translation>每个压缩器一行。单击表头可排序（再次单击则反向）；取消勾选某个压缩器可隐藏其列。</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>上界</translation>
    </message>
    <message numerus="yes">
        <source>Optimised memory: fitted to this text, the upper bound for %n memory token(s).</source>
        <translation>
            <numerusform>优化记忆：针对此文本拟合，是 %n 个记忆令牌的上界。</numerusform>
        </translation>
    </message>
    <message>
        <source>BLEU of %1 (the upper bound for this text) minus the BLEU of %2.</source>
        <translation>%1 的 BLEU（此文本的上界）减去 %2 的 BLEU。</translation>
    </message>
    <message numerus="yes">
        <source>Add optimised memory with %n memory token(s) to the comparison to see this compressor&apos;s distance to the upper bound.</source>
        <translation>
            <numerusform>把含 %n 个记忆令牌的优化记忆加入比较，即可看到此压缩器与上界的距离。</numerusform>
        </translation>
    </message>
    <message>
        <source>Gap to bound</source>
        <translation>与上界差距</translation>
    </message>
    <message>
        <source>How much BLEU this compressor lies below the upper bound for this text: optimised memory with as many memory tokens, fitted to the text by gradient descent.</source>
        <translation>此压缩器的 BLEU 比该文本的上界低多少：上界是记忆令牌数量相同、通过梯度下降针对文本拟合的优化记忆。</translation>
    </message>
</context>
<context>
    <name>xcomp::DashboardView</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Double-click a row or press Enter to review that example.</source>
        <translation>双击某一行或按回车键查看该示例。</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>text length (tokens)</source>
        <translation>文本长度（令牌）</translation>
    </message>
    <message>
        <source>Review next</source>
        <translation>查看下一个</translation>
    </message>
    <message>
        <source>Open the next example in the table&apos;s current order (sort by BLEU to review the worst first).</source>
        <translation>按表格当前顺序打开下一个示例（按 BLEU 排序即可先查看最差的）。</translation>
    </message>
    <message>
        <source>Review previous</source>
        <translation>查看上一个</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>BLEU</source>
        <translation>BLEU</translation>
    </message>
    <message>
        <source>ROUGE-L F</source>
        <translation>ROUGE-L F</translation>
    </message>
    <message>
        <source>Exact match</source>
        <translation>完全匹配</translation>
    </message>
    <message>
        <source>%1 m=%2</source>
        <translation>%1 m=%2</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>mean per %1-token length bucket</source>
        <translation>每 %1 个令牌长度区间的平均值</translation>
    </message>
    <message>
        <source>mean per length</source>
        <translation>每个长度的平均值</translation>
    </message>
    <message>
        <source>%1 against text length (%2)</source>
        <translation>%1 随文本长度的变化（%2）</translation>
    </message>
    <message>
        <source>No examples yet.</source>
        <translation>还没有示例。</translation>
    </message>
    <message>
        <source>%1: %2 (n = %3)</source>
        <translation>%1：%2（n = %3）</translation>
    </message>
    <message>
        <source>Mean %1 — %2</source>
        <translation>平均 %1 — %2</translation>
    </message>
    <message>
        <source>%v / %m examples</source>
        <translation>%v / %m 个示例</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Table as CSV…</source>
        <translation>表格导出为 CSV…</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Table as JSON…</source>
        <translation>表格导出为 JSON…</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>This plot as PNG or PDF…</source>
        <translation>此图导出为 PNG 或 PDF…</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>All plots as PNG and PDF…</source>
        <translation>全部图表导出为 PNG 和 PDF…</translation>
    </message>
    <message>
        <source>Export all plots to</source>
        <translation>将全部图表导出到</translation>
    </message>
</context>
<context>
    <name>xcomp::DiffExport</name>
    <message>
        <source>Rendering %1 failed.</source>
        <translation>渲染 %1 失败。</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Regenerated</source>
        <translation>再生文本</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot;: use .html, .pdf or .png.</source>
        <translation>未知格式“%1”：请使用 .html、.pdf 或 .png。</translation>
    </message>
</context>
<context>
    <name>xcomp::DiffView</name>
    <message>
        <source>Original text</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>The text that was compressed into memory tokens. Words the regeneration lost are marked here in yellow italics.</source>
        <translation>被压缩成记忆令牌的文本。再生时丢失的词在这里以黄色斜体标出。</translation>
    </message>
    <message>
        <source>Regenerated from the memory tokens</source>
        <translation>由记忆令牌再生</translation>
    </message>
    <message>
        <source>What the frozen language model wrote back when it saw only the memory tokens. Hover a coloured span to see what the original had there; click a word to link it.</source>
        <translation>冻结的语言模型只看到记忆令牌时写出的内容。将鼠标悬停在彩色片段上可查看原文在此处的内容；点击某个词可进行关联。</translation>
    </message>
    <message>
        <source>No text yet. The original appears here once a text has been compressed.</source>
        <translation>还没有文本。压缩文本后，原文会显示在这里。</translation>
    </message>
    <message>
        <source>The regeneration appears here, every error coloured by its type.</source>
        <translation>再生文本显示在这里，每个错误按类型着色。</translation>
    </message>
</context>
<context>
    <name>xcomp::ErrorLegend</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Spans of this kind in the text: %1</source>
        <translation>文本中此类片段的数量：%1</translation>
    </message>
    <message>
        <source>Click to jump to the next one.</source>
        <translation>点击跳到下一个。</translation>
    </message>
    <message>
        <source>Ab</source>
        <comment>sample text drawn in a legend swatch</comment>
        <translation>Ab</translation>
    </message>
</context>
<context>
    <name>xcomp::ErrorStyle</name>
    <message>
        <source>Equal</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>Mistake</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Information loss</source>
        <translation>信息丢失</translation>
    </message>
    <message>
        <source>Hallucination</source>
        <translation>幻觉</translation>
    </message>
    <message>
        <source>Paraphrase</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>Text the regeneration reproduced exactly.</source>
        <translation>再生时被准确复现的文本。</translation>
    </message>
    <message>
        <source>Words the regeneration got wrong: the original says something else at this place, and the meaning changes (a wrong name, number or word).</source>
        <translation>再生时出错的词：原文在此处写的是别的内容，意思因此改变（错误的名字、数字或词语）。</translation>
    </message>
    <message>
        <source>Words of the original that the regeneration left out. The memory tokens did not keep them, so the decoder skipped them.</source>
        <translation>再生时遗漏的原文词语。记忆令牌没有保留它们，因此解码器跳过了它们。</translation>
    </message>
    <message>
        <source>Words the regeneration added that have no counterpart in the original. The decoder invented them, usually from what the language model finds likely.</source>
        <translation>再生时添加、在原文中没有对应内容的词语。它们是解码器编造的，通常来自语言模型认为可能出现的内容。</translation>
    </message>
    <message>
        <source>The same meaning in other words (a synonym, another word order). Not wrong in meaning, but it still lowers BLEU and exact match.</source>
        <translation>用不同的词表达相同的意思（同义词或不同的语序）。意思没有错，但仍会降低 BLEU 和完全匹配分数。</translation>
    </message>
    <message>
        <source>Left unmarked.</source>
        <translation>不做标记。</translation>
    </message>
    <message>
        <source>Marked in red on both sides.</source>
        <translation>两侧均以红色标出。</translation>
    </message>
    <message>
        <source>Marked yellow and italic in the original, the only place the lost words exist; a small amber marker shows where they are missing in the regeneration.</source>
        <translation>在原文中以黄色斜体标出（丢失的词只存在于原文中）；再生文本中用一个琥珀色小标记指出缺失的位置。</translation>
    </message>
    <message>
        <source>Marked in blue in the regeneration; a small blue marker shows where it was inserted relative to the original.</source>
        <translation>在再生文本中以蓝色标出；一个蓝色小标记指出它相对于原文的插入位置。</translation>
    </message>
    <message>
        <source>Marked in green on both sides.</source>
        <translation>两侧均以绿色标出。</translation>
    </message>
    <message>
        <source>regenerated: (left out)</source>
        <translation>再生：（被遗漏）</translation>
    </message>
    <message>
        <source>regenerated: “%1”</source>
        <translation>再生：“%1”</translation>
    </message>
    <message>
        <source>original: (nothing here; invented)</source>
        <translation>原文：（此处无内容；为编造）</translation>
    </message>
    <message>
        <source>original: “%1”</source>
        <translation>原文：“%1”</translation>
    </message>
    <message>
        <source>Lost here: the regeneration skips these words.</source>
        <translation>此处丢失：再生时跳过了这些词。</translation>
    </message>
    <message>
        <source>Inserted here: the original has nothing at this place.</source>
        <translation>此处插入：原文在此位置没有内容。</translation>
    </message>
</context>
<context>
    <name>xcomp::EvalTableModel</name>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>BLEU</source>
        <translation>BLEU</translation>
    </message>
    <message>
        <source>ROUGE-L F</source>
        <translation>ROUGE-L F</translation>
    </message>
    <message>
        <source>EM</source>
        <translation>EM</translation>
    </message>
    <message>
        <source>Prefix EM</source>
        <translation>前缀 EM</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>压缩比</translation>
    </message>
    <message>
        <source>Length of the source text in tokens.</source>
        <translation>源文本的长度（令牌数）。</translation>
    </message>
    <message>
        <source>Spans of this type: %1</source>
        <translation>此类片段数：%1</translation>
    </message>
    <message>
        <source>Compressor</source>
        <translation>压缩器</translation>
    </message>
    <message>
        <source>TF acc</source>
        <translation>TF 准确率</translation>
    </message>
    <message>
        <source>Teacher-forced accuracy: the share of the original&apos;s tokens the decoder ranks first when it is given the original text before each one. EM lets it continue from its own words instead, so one early error fails EM while TF acc stays high.</source>
        <translation>教师强制准确率：在每个位置先给解码器原文的前文，原文令牌被它排在第一位的比例。EM 则让解码器接着自己生成的词继续写，所以一个早期错误就会让 EM 失败，而 TF 准确率仍然很高。</translation>
    </message>
</context>
<context>
    <name>xcomp::ExportButton</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save what this view shows as a file</source>
        <translation>将此视图显示的内容保存为文件</translation>
    </message>
    <message>
        <source>There is no export &quot;%1&quot;.</source>
        <translation>没有名为“%1”的导出。</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>暂无可导出的内容。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>xcomp::InterpolationPanel</name>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Spherical (slerp)</source>
        <translation>球面（slerp）</translation>
    </message>
    <message>
        <source>Mixing:</source>
        <translation>混合方式：</translation>
    </message>
    <message>
        <source>BLEU curve</source>
        <translation>BLEU 曲线</translation>
    </message>
    <message>
        <source>Regenerate at evenly spaced α in the background and plot how close each regeneration is to A and to B.</source>
        <translation>在后台以均匀间隔的 α 进行再生，并绘制每次再生与 A 和 B 的接近程度。</translation>
    </message>
    <message>
        <source>How close the regeneration is to A and to B</source>
        <translation>再生文本与 A 和 B 的接近程度</translation>
    </message>
    <message>
        <source>α (0 = A, 1 = B)</source>
        <translation>α（0 = A，1 = B）</translation>
    </message>
    <message>
        <source>BLEU</source>
        <translation>BLEU</translation>
    </message>
    <message>
        <source>BLEU to A</source>
        <translation>相对 A 的 BLEU</translation>
    </message>
    <message>
        <source>BLEU to B</source>
        <translation>相对 B 的 BLEU</translation>
    </message>
    <message>
        <source>Click the plot to move α there.</source>
        <translation>点击图表可将 α 移到该处。</translation>
    </message>
    <message>
        <source>α = %1</source>
        <translation>α = %1</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>（无文本）</translation>
    </message>
    <message>
        <source>A (α = 0)</source>
        <translation>A（α = 0）</translation>
    </message>
    <message>
        <source>A (α = 0): %1</source>
        <translation>A（α = 0）：%1</translation>
    </message>
    <message>
        <source>B (α = 1)</source>
        <translation>B（α = 1）</translation>
    </message>
    <message>
        <source>B (α = 1): %1</source>
        <translation>B（α = 1）：%1</translation>
    </message>
    <message>
        <source>Regeneration, differences from A</source>
        <translation>再生文本，与 A 的差异</translation>
    </message>
    <message>
        <source>Regeneration, differences from B</source>
        <translation>再生文本，与 B 的差异</translation>
    </message>
    <message>
        <source>Regeneration at α = %1, differences from A</source>
        <translation>α = %1 时的再生文本，与 A 的差异</translation>
    </message>
    <message>
        <source>Regeneration at α = %1, differences from B</source>
        <translation>α = %1 时的再生文本，与 B 的差异</translation>
    </message>
    <message>
        <source>The regeneration is closer to B than to A from α = %1 on.</source>
        <translation>从 α = %1 起，再生文本更接近 B 而不是 A。</translation>
    </message>
    <message>
        <source>Spherical mixing, %1 points.</source>
        <translation>球面混合，%1 个点。</translation>
    </message>
    <message>
        <source>Linear mixing, %1 points.</source>
        <translation>线性混合，%1 个点。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Stop the sweep</source>
        <translation>停止扫描</translation>
    </message>
    <message>
        <source>Sweep α from A to B</source>
        <translation>将 α 从 A 扫到 B</translation>
    </message>
    <message>
        <source>Press “BLEU curve” to regenerate at evenly spaced α and plot BLEU against A and B. A smooth crossing means the compressed space blends the two texts; a sharp step means it snaps from one to the other.</source>
        <translation>点击“BLEU 曲线”，以均匀间隔的 α 进行再生，并绘制相对 A 和 B 的 BLEU。平滑的交叉表示压缩空间会融合两段文本；陡峭的台阶表示它会从一段文本突然跳到另一段。</translation>
    </message>
    <message>
        <source>α = %1: the first words (coloured when the slider stops)</source>
        <translation>α = %1：前几个词（滑块停下后着色）</translation>
    </message>
</context>
<context>
    <name>xcomp::LatentMapView</name>
    <message>
        <source>%1: BLEU %2. Click to open its regeneration.</source>
        <translation>%1：BLEU %2。点击打开其再生结果。</translation>
    </message>
    <message>
        <source>BLEU %1–%2</source>
        <translation>BLEU %1–%2</translation>
    </message>
    <message>
        <source>principal component 1 (%1% of the variance)</source>
        <translation>第一主成分（占方差的 %1%）</translation>
    </message>
    <message>
        <source>component 2 (%1%)</source>
        <translation>第二主成分（%1%）</translation>
    </message>
    <message>
        <source>Latent map (run a batch evaluation)</source>
        <translation>潜空间图（请运行批量评估）</translation>
    </message>
    <message numerus="yes">
        <source>Latent map of %1: %n text(s)</source>
        <translation>
            <numerusform>%1 的潜空间图：%n 段文本</numerusform>
        </translation>
    </message>
    <message>
        <source>;;CSV table (*.csv)</source>
        <translation>;;CSV 表格 (*.csv)</translation>
    </message>
</context>
<context>
    <name>xcomp::MemoryImportancePlot</name>
    <message>
        <source>Memory token m%1: dropping it raises the loss from %2 to %3 nats per token (%4). Click to select it in the attention view.</source>
        <translation>记忆令牌 m%1：丢弃它会使损失从每令牌 %2 奈特升到 %3 奈特（%4）。点击可在注意力视图中选中它。</translation>
    </message>
    <message>
        <source>memory token</source>
        <translation>记忆令牌</translation>
    </message>
    <message>
        <source>Memory-token importance (run an ablation)</source>
        <translation>记忆令牌重要性（请运行消融）</translation>
    </message>
    <message>
        <source>Memory-token importance (loss %1 nats/token with all)</source>
        <translation>记忆令牌重要性（全部保留时损失 %1 奈特/令牌）</translation>
    </message>
    <message>
        <source>;;CSV table (*.csv);;JSON (*.json)</source>
        <translation>;;CSV 表格 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Δ loss (nats/token)</source>
        <translation>Δ 损失（奈特/令牌）</translation>
    </message>
</context>
<context>
    <name>xcomp::MetricsStrip</name>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>BLEU</source>
        <translation>BLEU</translation>
    </message>
    <message>
        <source>ROUGE-L F</source>
        <translation>ROUGE-L F</translation>
    </message>
    <message>
        <source>EM</source>
        <translation>EM</translation>
    </message>
    <message>
        <source>Exact match</source>
        <translation>完全匹配</translation>
    </message>
    <message>
        <source>Prefix EM</source>
        <translation>前缀 EM</translation>
    </message>
    <message>
        <source>Prefix exact match</source>
        <translation>前缀完全匹配</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Memory: prompt vs KV cache</source>
        <translation>内存：提示 vs KV 缓存</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 → %2 tokens (%3×)</source>
        <translation>%1 → %2 个令牌（%3×）</translation>
    </message>
    <message>
        <source>%1 tokens → 1 memory token (%2×)</source>
        <translation>%1 个令牌 → 1 个记忆令牌（%2×）</translation>
    </message>
    <message>
        <source>%1 tokens → %2 memory tokens (%3×)</source>
        <translation>%1 个令牌 → %2 个记忆令牌（%3×）</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 vs %2</translation>
    </message>
    <message>
        <source>%1 vs %2 (%3× smaller)</source>
        <translation>%1 vs %2（缩小 %3 倍）</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>compress %1 · regenerate %2</source>
        <translation>压缩 %1 · 再生 %2</translation>
    </message>
    <message>
        <source>BLEU: how many of the regeneration&apos;s word sequences (1 to 4 words long) also occur in the original, with a penalty when the regeneration is too short. 1 means identical, 0 means nothing in common. Word order matters, so a paraphrase lowers it even when the meaning is kept.</source>
        <translation>BLEU：再生文本中的词序列（长度为 1 到 4 个词）有多少也出现在原文中，再生文本过短时会被扣分。1 表示完全相同，0 表示毫无共同之处。词序很重要，因此即使意思不变，改写也会降低分数。</translation>
    </message>
    <message>
        <source>ROUGE-L F: built on the longest common subsequence, the longest chain of words that appears in both texts in the same order (gaps allowed). Recall is how much of the original that chain covers, precision how much of the regeneration; F balances the two. 1 means identical.</source>
        <translation>ROUGE-L F：基于最长公共子序列，即以相同顺序出现在两段文本中的最长词链（允许有间隔）。召回率表示该词链覆盖原文的比例，精确率表示覆盖再生文本的比例；F 值在两者之间取平衡。1 表示完全相同。</translation>
    </message>
    <message>
        <source>Exact match: yes only when the regeneration reproduces the original character for character. A single wrong word makes it no.</source>
        <translation>完全匹配：只有当再生文本逐字复现原文时才为“是”。只要有一个词错误就为“否”。</translation>
    </message>
    <message>
        <source>Prefix exact match: the share of the original reproduced exactly before the first error. It shows how far the decoder gets before it goes off track; errors tend to snowball, because every word is generated from the ones before.</source>
        <translation>前缀完全匹配：在第一个错误之前被准确复现的原文比例。它显示解码器在偏离之前能走多远；错误往往会越滚越多，因为每个词都是根据前面的词生成的。</translation>
    </message>
    <message>
        <source>Compression: the source text&apos;s tokens divided by the memory tokens the compressor squeezed it into. The frozen language model sees only the memory tokens when it regenerates the text.</source>
        <translation>压缩：源文本的令牌数除以压缩器将其压缩成的记忆令牌数。冻结的语言模型在再生文本时只能看到记忆令牌。</translation>
    </message>
    <message>
        <source>%1 source tokens, %2 memory tokens.</source>
        <translation>%1 个源令牌，%2 个记忆令牌。</translation>
    </message>
    <message>
        <source>Memory: the size of the compressed prompt (what must be stored or sent instead of the text) compared with the key/value cache the decoder would hold for the full text. This is the saving compression buys.</source>
        <translation>内存：压缩提示的大小（需要代替文本存储或传输的内容）与解码器为完整文本保存的键/值缓存的比较。这就是压缩带来的节省。</translation>
    </message>
    <message>
        <source>Compressed prompt: %1 bytes. KV cache of the full text: %2 bytes.</source>
        <translation>压缩提示：%1 字节。完整文本的 KV 缓存：%2 字节。</translation>
    </message>
    <message>
        <source>Time: how long the compressor took to turn the text into memory tokens, and how long the frozen language model took to regenerate the text from them (token by token, so it grows with the length of the text).</source>
        <translation>时间：压缩器将文本转换为记忆令牌所用的时间，以及冻结的语言模型据此再生文本所用的时间（逐个令牌生成，因此随文本长度增长）。</translation>
    </message>
    <message>
        <source>⚠ %1 tokens: longer than the %2 tokens this compressor takes at once, so it is cut into chunks of at most %3 tokens at sentence ends.</source>
        <translation>⚠ %1 个令牌：超过此压缩器一次可处理的 %2 个令牌，因此会在句子结尾处切成每段最多 %3 个令牌的若干段。</translation>
    </message>
    <message>
        <source>⚠ %1 tokens: outside the %2 to %3 tokens this compressor was trained on, so expect a weaker regeneration.</source>
        <translation>⚠ %1 个令牌：超出此压缩器训练时的 %2 至 %3 个令牌范围，重建效果可能较差。</translation>
    </message>
    <message>
        <source>TF acc</source>
        <translation>TF 准确率</translation>
    </message>
    <message>
        <source>Teacher-forced accuracy</source>
        <translation>教师强制准确率</translation>
    </message>
    <message>
        <source>Teacher-forced accuracy: at every position the decoder is given the original text up to there and asked for the next token; this is the share of positions where its first choice is the original token. Exact match instead lets the decoder continue from its own words, so one early wrong word can derail everything after it: a regeneration can fail exact match and still score 95% here. The strip below the diff shows each token&apos;s probability.</source>
        <translation>教师强制准确率：在每个位置，先把原文到此处为止的内容交给解码器，让它预测下一个令牌；这是它的首选恰好是原文令牌的位置所占的比例。完全匹配则让解码器接着自己写出的词继续，所以一个早期的错词就可能让后面全部跑偏：一次再生可能不完全匹配，这里却仍有 95%。差异视图下方的条带显示每个令牌的概率。</translation>
    </message>
</context>
<context>
    <name>xcomp::PlotExport</name>
    <message>
        <source>No file name given.</source>
        <translation>未指定文件名。</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation>无法创建临时目录：%1</translation>
    </message>
    <message>
        <source>Rendering the plot to %1 failed.</source>
        <translation>将图表绘制到 %1 失败。</translation>
    </message>
    <message>
        <source>Rendering the plot to %1 produced no data.</source>
        <translation>将图表绘制到 %1 时没有生成数据。</translation>
    </message>
    <message>
        <source>There is no plot to export.</source>
        <translation>没有可导出的图表。</translation>
    </message>
    <message>
        <source>Unknown image format &quot;%1&quot;: use .png or .pdf.</source>
        <translation>未知的图像格式“%1”：请使用 .png 或 .pdf。</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>xcomp::TeachingText</name>
    <message>
        <source>Memory tokens</source>
        <translation>记忆令牌</translation>
    </message>
    <message>
        <source>KV values</source>
        <translation>KV 值</translation>
    </message>
    <message>
        <source>Compression ratio</source>
        <translation>压缩比</translation>
    </message>
    <message>
        <source>Attention on memory</source>
        <translation>对记忆的注意力</translation>
    </message>
    <message>
        <source>What each memory token reads</source>
        <translation>每个记忆令牌读取的内容</translation>
    </message>
    <message>
        <source>Interpolating compressed prompts</source>
        <translation>压缩提示的插值</translation>
    </message>
    <message>
        <source>Regeneration metrics</source>
        <translation>再生指标</translation>
    </message>
    <message>
        <source>Error types</source>
        <translation>错误类型</translation>
    </message>
    <message>
        <source>The compressor reads the whole text and writes its content into a few extra positions, the memory tokens (m of them). Afterwards the text itself is thrown away: the frozen decoder only sees the memory tokens and has to regenerate the text from them.</source>
        <translation>压缩器读取整段文本，并把其内容写入几个额外的位置，即记忆令牌（共 m 个）。之后文本本身被丢弃：冻结的解码器只能看到记忆令牌，必须据此再生文本。</translation>
    </message>
    <message>
        <source>Inside every layer, attention looks up keys (K) and values (V). The compressed prompt is the K and V of the memory tokens in every layer, so the decoder can attend to them exactly as if they were cached tokens of an earlier prompt. Keeping K and V per layer (500xCompressor) carries more than a single input embedding per token (ICAE).</source>
        <translation>在每一层中，注意力都会查找键（K）和值（V）。压缩提示就是记忆令牌在每一层的 K 和 V，因此解码器可以像对待之前提示的缓存令牌一样关注它们。每层保留 K 和 V（500xCompressor）比每个令牌只保留一个输入嵌入（ICAE）承载更多信息。</translation>
    </message>
    <message>
        <source>Compression ratio = source tokens / memory tokens. 480 tokens squeezed into 4 memory tokens is a ratio of 120. In bytes, compare the compressed prompt with the KV cache the full text would have needed.</source>
        <translation>压缩比 = 源令牌数 / 记忆令牌数。把 480 个令牌压缩成 4 个记忆令牌，压缩比就是 120。按字节计算时，将压缩提示与完整文本所需的 KV 缓存进行比较。</translation>
    </message>
    <message>
        <source>While regenerating, each new token spreads its attention (weights that sum to 1) over the memory tokens and the text generated so far. The share that lands on the memory shows how much the decoder still reads the compressed prompt; it usually falls as the regenerated text itself becomes the better context.</source>
        <translation>再生时，每个新令牌都会把注意力（总和为 1 的权重）分配到记忆令牌和已生成的文本上。落在记忆上的比例表示解码器仍在多大程度上读取压缩提示；随着再生文本本身成为更好的上下文，这一比例通常会下降。</translation>
    </message>
    <message>
        <source>During compression each memory token attends to the source tokens. The source words a memory token weights most are a hint of what it stores, though attention is not a full explanation: content also mixes across layers.</source>
        <translation>压缩时，每个记忆令牌都会关注源令牌。记忆令牌权重最高的源词提示了它存储的内容，但注意力并不能完全解释这一点：内容还会在各层之间混合。</translation>
    </message>
    <message>
        <source>BLEU counts shared word n-grams (1 to 4) between the original and the regeneration; ROUGE-L F uses the longest common subsequence; exact match (EM) is 1 only for an identical text; prefix EM is the share of the original reproduced before the first mistake.</source>
        <translation>BLEU 统计原文与再生文本共有的词 n 元组（1 到 4 元）；ROUGE-L F 使用最长公共子序列；完全匹配（EM）仅在文本完全相同时为 1；前缀 EM 是第一个错误之前被复现的原文比例。</translation>
    </message>
    <message>
        <source>Mistake: a word replaced by a wrong one. Information loss: original text missing from the regeneration. Hallucination: text that was never in the original. Paraphrase: different words with the same meaning.</source>
        <translation>错误：一个词被替换成了错误的词。信息丢失：再生文本中缺少的原文内容。幻觉：原文中从未出现过的文本。改写：用不同的词表达相同的意思。</translation>
    </message>
    <message>
        <source>Two texts A and B are compressed, and their memory KV values are mixed: linearly, (1 - α)·A + α·B, or spherically along the arc between them (slerp), which keeps the vectors&apos; length. Watching the regeneration as α goes from 0 to 1 shows whether the compressed space is smooth or jumps from one text to the other.</source>
        <translation>将两段文本 A 和 B 压缩，并混合它们记忆中的 KV 值：线性混合为 (1 - α)·A + α·B，球面混合则沿两者之间的圆弧进行（slerp），以保持向量的长度。观察 α 从 0 变到 1 时的再生文本，可以看出压缩空间是平滑的，还是会从一段文本跳到另一段。</translation>
    </message>
    <message>
        <source>Per-token evidence</source>
        <translation>逐令牌证据</translation>
    </message>
    <message>
        <source>Optimised memory: the upper bound</source>
        <translation>优化记忆：上界</translation>
    </message>
    <message>
        <source>Memory-token ablation</source>
        <translation>记忆令牌消融</translation>
    </message>
    <message>
        <source>Teacher forcing: at every position the decoder is shown the original text up to there and asked for the next token. Each token is shaded by the probability the decoder gives the right one (green: sure, red: it expected something else), and underlined when the right token was not its first choice. Teacher-forced accuracy counts the first choices. It is not exact match: when the decoder writes the text on its own (greedy decoding), one wrong word becomes part of its context and can derail everything after it; the triangle marks where that first happens.</source>
        <translation>教师强制：在每个位置，解码器看到原文到此处为止的内容，并被要求预测下一个令牌。每个令牌按解码器给正确令牌的概率着色（绿色：有把握，红色：它预期的是别的词），正确令牌不是其首选时加下划线。教师强制准确率统计首选正确的比例。它不是完全匹配：解码器自己写文本时（贪心解码），一个错词会成为它的上下文，可能让后面全部跑偏；三角形标出第一次发生的位置。</translation>
    </message>
    <message>
        <source>A trained compressor has to work for every text. Optimised memory skips the compressor: for this one text, the m memory tokens&apos; values are adjusted by gradient descent, hundreds of small steps, until the frozen decoder regenerates the text exactly or the step budget is spent. It shows what m memory tokens can hold for this text at best, so the gap to a trained compressor is what that compressor still leaves on the table.</source>
        <translation>训练好的压缩器必须适用于所有文本。优化记忆跳过压缩器：只针对这一段文本，用梯度下降分数百个小步调整 m 个记忆令牌的值，直到冻结的解码器能完全重建文本或步数预算用完。它显示 m 个记忆令牌对这段文本最多能容纳多少内容，因此与训练好的压缩器之间的差距，就是该压缩器仍未利用的空间。</translation>
    </message>
    <message>
        <source>To find out what one memory token carries, take it away and look at what changes. Drop hides it from the decoder, zero sets its keys and values to 0, replace swaps in the same memory token of another compressed prompt. The bars show each memory token&apos;s importance: how much worse the decoder predicts the original (the loss, in nats per token) when that token is dropped.</source>
        <translation>要弄清一个记忆令牌承载了什么，就把它拿掉，看看有什么变化。丢弃：解码器看不到它；置零：把它的键和值设为 0；替换：换成另一个压缩提示中同一位置的记忆令牌。柱形显示每个记忆令牌的重要性：丢弃该令牌后，解码器预测原文变差了多少（损失，单位为每令牌奈特）。</translation>
    </message>
    <message>
        <source>The latent map</source>
        <translation>潜空间图</translation>
    </message>
    <message>
        <source>A compressed prompt is a long list of numbers, one point in a space with thousands of dimensions. Principal component analysis finds the two directions in which the batch&apos;s prompts differ most and draws every text there. Texts whose points lie close together were compressed alike; if the red (badly regenerated) points gather in one corner, the compressor struggles with one kind of text. The axes have no meaning of their own.</source>
        <translation>压缩提示是一长串数字，是数千维空间中的一个点。主成分分析找出批量中各提示差异最大的两个方向，并把每段文本画在这两个方向上。点彼此靠近的文本被压缩得相似；如果红色（再生较差）的点聚在一角，说明压缩器在某一类文本上有困难。坐标轴本身没有含义。</translation>
    </message>
    <message>
        <source>Long texts in chunks</source>
        <translation>分段处理长文本</translation>
    </message>
    <message>
        <source>A compressor learned to squeeze texts of a certain length, and a longer text does not fit. So the text is cut into chunks at sentence ends, each short enough, and every chunk gets its own m memory tokens, like pages of a book each summarised on its own card. The decoder rewrites each chunk from its own card, and the chunks put together give the whole text back. It can also be handed all the cards at once and asked for the whole text in one go (&quot;read together&quot;); this decoder never practised that, so compare the two and see how much worse it does. All the cards and the text must also fit the decoder&apos;s context, which is checked first. Above the scores, choose the whole text, the reading together or one chunk; in the bar beside it each chunk is green when it came back well and red when it did not. You can choose how long the chunks may be (“Chunks of at most”, top right): shorter chunks mean more cards for the same text, so each page comes back more faithfully but the text is compressed less.</source>
        <translation>压缩器学会了压缩一定长度的文本，更长的文本放不进去。于是在句子结尾处把文本切成若干段，每段都足够短，每段得到自己的 m 个记忆令牌，就像把一本书的每一页各自概括在一张卡片上。解码器根据每段自己的卡片重写这一段，把各段拼起来就得到整篇文本。也可以把所有卡片一次交给解码器，让它一口气写出整篇文本（“合并读取”）；这个解码器从未练习过这种做法，所以请比较两者，看看它差多少。所有卡片和文本还必须放得进解码器的上下文，这一点会首先检查。在分数上方选择整篇文本、合并读取或某一段；旁边的条中，每段再生得好时为绿色，不好时为红色。您可以自己选择每段最长多少（右上角的“分段长度上限”）：段越短，同一文本需要的卡片越多，每页重建得越忠实，但文本的压缩率越低。</translation>
    </message>
</context>
<context>
    <name>xcomp::TokenEvidenceView</name>
    <message>
        <source>Per-token evidence</source>
        <translation>逐令牌证据</translation>
    </message>
    <message>
        <source>Token %1: “%2”</source>
        <translation>令牌 %1：“%2”</translation>
    </message>
    <message>
        <source>Probability %1 · rank %2 · entropy %3 nats</source>
        <translation>概率 %1 · 排名 %2 · 熵 %3 奈特</translation>
    </message>
    <message>
        <source>The decoder&apos;s first choice here, given the original text before it.</source>
        <translation>在给定前面原文的情况下，这是解码器的首选。</translation>
    </message>
    <message numerus="yes">
        <source>The decoder preferred %n other token(s) here, given the original text before it.</source>
        <translation>
            <numerusform>在给定前面原文的情况下，解码器在此处更偏向 %n 个其他令牌。</numerusform>
        </translation>
    </message>
    <message>
        <source>Greedy decoding first leaves the original here; every later word is generated from that mistake.</source>
        <translation>贪心解码在这里第一次偏离原文；之后的每个词都是在这个错误之上生成的。</translation>
    </message>
    <message>
        <source>No per-token evidence for this result.</source>
        <translation>此结果没有逐令牌证据。</translation>
    </message>
    <message>
        <source>Teacher-forced accuracy %1%</source>
        <translation>教师强制准确率 %1%</translation>
    </message>
    <message>
        <source>%1 · greedy decoding reproduces the original exactly</source>
        <translation>%1 · 贪心解码完全重现了原文</translation>
    </message>
    <message>
        <source>%1 · greedy decoding leaves the original at token %2 (“%3”)</source>
        <translation>%1 · 贪心解码在第 %2 个令牌（“%3”）处偏离原文</translation>
    </message>
    <message>
        <source>⟨end⟩</source>
        <translation>⟨结束⟩</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::AblationPage</name>
    <message>
        <source>Drop (hide it from the decoder)</source>
        <translation>丢弃（对解码器隐藏）</translation>
    </message>
    <message>
        <source>Zero (keys and values set to 0)</source>
        <translation>置零（键和值设为 0）</translation>
    </message>
    <message>
        <source>Replace (take it from another text)</source>
        <translation>替换（取自另一段文本）</translation>
    </message>
    <message>
        <source>The memory token to ablate (m1 is the first).</source>
        <translation>要消融的记忆令牌（m1 是第一个）。</translation>
    </message>
    <message>
        <source>&amp;Memory token:</source>
        <translation>记忆令牌(&amp;M)：</translation>
    </message>
    <message>
        <source>M&amp;ode:</source>
        <translation>方式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Second text (replace takes memory token k of its compressed prompt):</source>
        <translation>第二段文本(&amp;S)（替换时取其压缩提示中的记忆令牌 k）：</translation>
    </message>
    <message>
        <source>Type or paste a second text for Replace</source>
        <translation>输入或粘贴用于替换的第二段文本</translation>
    </message>
    <message>
        <source>Run ablation</source>
        <translation>运行消融</translation>
    </message>
    <message>
        <source>Compress the text on the left, regenerate it with and without the chosen memory token, and measure every memory token&apos;s importance.</source>
        <translation>压缩左侧的文本，在保留和去掉所选记忆令牌两种情况下分别再生，并测量每个记忆令牌的重要性。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the importance chart (PNG, PDF) or its numbers (CSV, JSON)</source>
        <translation>保存重要性图表（PNG、PDF）或其数值（CSV、JSON）</translation>
    </message>
    <message>
        <source>Replace needs a second text: its compressed prompt lends memory token m%1.</source>
        <translation>替换需要第二段文本：由它的压缩提示提供记忆令牌 m%1。</translation>
    </message>
    <message>
        <source>Ablating memory token m%1 of %2…</source>
        <translation>正在消融 %2 的记忆令牌 m%1…</translation>
    </message>
    <message>
        <source>%1 zeroed</source>
        <translation>%1 已置零</translation>
    </message>
    <message>
        <source>%1 replaced by the second text&apos;s</source>
        <translation>%1 已替换为第二段文本的对应令牌</translation>
    </message>
    <message>
        <source>%1 dropped</source>
        <translation>%1 已丢弃</translation>
    </message>
    <message>
        <source>%1, %2: BLEU against the original %3. With every memory token the decoder&apos;s loss is %4 nats per token; dropping %5 adds %6.</source>
        <translation>%1，%2：相对原文的 BLEU 为 %3。保留全部记忆令牌时解码器的损失为每令牌 %4 奈特；丢弃 %5 会增加 %6。</translation>
    </message>
    <message>
        <source>The most important memory token is m%1.</source>
        <translation>最重要的记忆令牌是 m%1。</translation>
    </message>
    <message>
        <source>(cancelled: partial)</source>
        <translation>（已取消：不完整）</translation>
    </message>
    <message>
        <source>Left: the regeneration from every memory token. Right: with %1. Coloured: what changed.</source>
        <translation>左：由全部记忆令牌再生的文本。右：%1 后的结果。着色：发生变化的部分。</translation>
    </message>
    <message>
        <source>Choose a memory token and a way to ablate it, then Run ablation. The chart shows how much every memory token matters for the text on the left.</source>
        <translation>选择一个记忆令牌和消融方式，然后点击“运行消融”。图表显示每个记忆令牌对左侧文本有多重要。</translation>
    </message>
    <message>
        <source>There is no ablation to export.</source>
        <translation>没有可导出的消融结果。</translation>
    </message>
    <message>
        <source>Export the ablation</source>
        <translation>导出消融结果</translation>
    </message>
    <message>
        <source>Ablation written to %1</source>
        <translation>消融结果已写入 %1</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>置零</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>All memory tokens</source>
        <translation>全部记忆令牌</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <source>One memory token ablated</source>
        <translation>消融一个记忆令牌后</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::AttentionPage</name>
    <message>
        <source>Heads of the selected words as PNG, CSV or JSON…</source>
        <translation>所选词语的注意力头，导出为 PNG、CSV 或 JSON…</translation>
    </message>
    <message>
        <source>Export the heads</source>
        <translation>导出注意力头</translation>
    </message>
    <message>
        <source>Capture attention during Compress &amp;&amp; Regenerate</source>
        <translation>在“压缩并再生”时记录注意力</translation>
    </message>
    <message>
        <source>No attention captured yet. Run Compress &amp; Regenerate with &quot;Capture attention&quot; on to see which memory tokens the decoder reads for every regenerated token, and which source words each memory token reads.</source>
        <translation>尚未记录注意力。请在开启“记录注意力”的情况下运行“压缩并再生”，即可看到解码器为每个再生令牌读取了哪些记忆令牌，以及每个记忆令牌读取了哪些源词。</translation>
    </message>
    <message>
        <source>Decoder heatmap as PNG or PDF…</source>
        <translation>解码器热图导出为 PNG 或 PDF…</translation>
    </message>
    <message>
        <source>Attention on the memory as PNG or PDF…</source>
        <translation>对记忆的注意力导出为 PNG 或 PDF…</translation>
    </message>
    <message>
        <source>Encoder heatmap as PNG or PDF…</source>
        <translation>编码器热图导出为 PNG 或 PDF…</translation>
    </message>
    <message>
        <source>All attention plots as PNG and PDF…</source>
        <translation>所有注意力图导出为 PNG 和 PDF…</translation>
    </message>
    <message>
        <source>Export all attention plots to</source>
        <translation>将所有注意力图导出到</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::BatchPage</name>
    <message>
        <source>Open dataset…</source>
        <translation>打开数据集…</translation>
    </message>
    <message>
        <source>A JSON Lines file: one example per line with an &quot;abstract&quot;, &quot;text&quot; or &quot;context&quot; field, optionally &quot;question&quot; and &quot;answers&quot;.</source>
        <translation>JSON Lines 文件：每行一个示例，包含“abstract”“text”或“context”字段，可选“question”和“answers”。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Evaluate only the first examples (0: all).</source>
        <translation>只评估前若干个示例（0：全部）。</translation>
    </message>
    <message>
        <source>Chosen compressor</source>
        <translation>所选压缩器</translation>
    </message>
    <message>
        <source>All compressors</source>
        <translation>所有压缩器</translation>
    </message>
    <message>
        <source>Run batch</source>
        <translation>运行批处理</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>示例数：</translation>
    </message>
    <message>
        <source>%1 holds no usable example.</source>
        <translation>%1 中没有可用的示例。</translation>
    </message>
    <message>
        <source>No dataset open.</source>
        <translation>未打开数据集。</translation>
    </message>
    <message>
        <source>built-in sample</source>
        <translation>内置示例</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n example(s)</source>
        <translation>
            <numerusform>%1：%n 个示例</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n with a question</source>
        <translation>
            <numerusform>，其中 %n 个带问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Question answering over %n example(s): compressed prompt F1 %1 / EM %2 — full text F1 %3 / EM %4</source>
        <translation>
            <numerusform>%n 个示例的问答结果：压缩提示 F1 %1 / EM %2 — 完整文本 F1 %3 / EM %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Run the rest of the cancelled batch; the rows it finished stay.</source>
        <translation>运行已取消批处理的剩余部分；已完成的行保留。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more skipped example(s))</source>
        <translation>
            <numerusform>%1（另有 %n 个示例被跳过）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch evaluation cancelled after %n example(s).</source>
        <translation>
            <numerusform>批量评估在 %n 个示例后被取消。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a dataset first (File ▸ Open Dataset…).</source>
        <translation>请先打开数据集（文件 ▸ 打开数据集…）。</translation>
    </message>
    <message>
        <source>There is no cancelled batch to resume.</source>
        <translation>没有可继续的已取消批处理。</translation>
    </message>
    <message>
        <source>The cancelled batch used %1, which this model does not have; run it again.</source>
        <translation>已取消的批处理使用了 %1，而此模型没有它；请重新运行。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) skipped. First: %1</source>
        <translation>
            <numerusform>已跳过 %n 行。第一处：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>不到一分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>大约还剩 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, about %2</source>
        <translation>%1，大约 %2</translation>
    </message>
    <message>
        <source>%1 (time known after the first regeneration)</source>
        <translation>%1（首次重建后可估算时间）</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Latent map</source>
        <translation>潜空间图</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::ComparePage</name>
    <message>
        <source>Compressors to compare:</source>
        <translation>要比较的压缩器：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Run comparison</source>
        <translation>运行比较</translation>
    </message>
    <message>
        <source>Compress the text on the left with every checked compressor and regenerate it.</source>
        <translation>用每个选中的压缩器压缩左侧的文本并再生。</translation>
    </message>
    <message>
        <source>Each column shows one compressor&apos;s regeneration, coloured by error type. Click a column to mark what it lost in the original.</source>
        <translation>每一列显示一个压缩器的再生结果，按错误类型着色。点击某一列即可在原文中标出它丢失的内容。</translation>
    </message>
    <message>
        <source>%1: %2 memory tokens, up to %3 source tokens%4</source>
        <translation>%1：%2 个记忆令牌，最多 %3 个源令牌%4</translation>
    </message>
    <message>
        <source>, fine-tuned for question answering</source>
        <translation>，已针对问答微调</translation>
    </message>
    <message>
        <source>Open a model and check at least one compressor in the Compare tab.</source>
        <translation>请打开模型，并在“比较”选项卡中至少选中一个压缩器。</translation>
    </message>
    <message>
        <source>Stale: the text on the left has changed since these columns were made. Run the comparison again.</source>
        <translation>已过时：左侧文本在生成这些列之后已更改。请重新运行比较。</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>导出比较</translation>
    </message>
    <message>
        <source>Summary as CSV…</source>
        <translation>摘要导出为 CSV…</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Summary and columns as JSON…</source>
        <translation>摘要和各列导出为 JSON…</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Columns coloured as HTML…</source>
        <translation>着色的各列导出为 HTML…</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML 页面 (*.html)</translation>
    </message>
    <message>
        <source>Columns coloured as PDF…</source>
        <translation>着色的各列导出为 PDF…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Check every trained compressor (the slow upper bounds stay as they are)</source>
        <translation>勾选所有训练好的压缩器（较慢的上界保持不变）</translation>
    </message>
    <message>
        <source>Upper bounds (slow):</source>
        <translation>上界（较慢）：</translation>
    </message>
    <message>
        <source>%1: %2 memory tokens fitted to this text by gradient descent (hundreds of steps). The summary then shows each compressor&apos;s gap to this upper bound.</source>
        <translation>%1：通过梯度下降针对此文本拟合的 %2 个记忆令牌（数百步）。汇总表随后显示每个压缩器与此上界的差距。</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::DatasetReader</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Line %1: not a JSON object (%2).</source>
        <translation>第 %1 行：不是 JSON 对象（%2）。</translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation>类型错误</translation>
    </message>
    <message>
        <source>Line %1: no &quot;abstract&quot;, &quot;text&quot; or &quot;context&quot; field.</source>
        <translation>第 %1 行：没有“abstract”“text”或“context”字段。</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>The file holds no examples.</source>
        <translation>文件中没有示例。</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::EngineClient</name>
    <message numerus="yes">
        <source>waiting for the batch evaluation, %n job(s) ahead</source>
        <translation>
            <numerusform>正在等待批量评估，前面还有 %n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting, %n job(s) ahead</source>
        <translation>
            <numerusform>正在等待，前面还有 %n 个任务</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::EngineWorker</name>
    <message>
        <source>Out of memory.</source>
        <translation>内存不足。</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>未知错误。</translation>
    </message>
    <message>
        <source>No model is open. Open a model folder first.</source>
        <translation>没有打开模型。请先打开模型文件夹。</translation>
    </message>
    <message>
        <source>Opening the model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Model loaded</source>
        <translation>模型已加载</translation>
    </message>
    <message>
        <source>Compress and regenerate</source>
        <translation>压缩并再生</translation>
    </message>
    <message>
        <source>Compare compressors</source>
        <translation>比较压缩器</translation>
    </message>
    <message>
        <source>Answer the question</source>
        <translation>回答问题</translation>
    </message>
    <message>
        <source>Prepare the interpolation</source>
        <translation>准备插值</translation>
    </message>
    <message>
        <source>Text %1 is empty.</source>
        <translation>文本 %1 为空。</translation>
    </message>
    <message>
        <source>A was compressed with %1 and B with %2: interpolation needs two prompts of the same compressor.</source>
        <translation>A 由 %1 压缩，B 由 %2 压缩：插值需要两个由同一压缩器生成的提示。</translation>
    </message>
    <message>
        <source>Save the compressed prompt</source>
        <translation>保存压缩提示</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Interpolate</source>
        <translation>插值</translation>
    </message>
    <message>
        <source>Batch evaluation</source>
        <translation>批量评估</translation>
    </message>
    <message>
        <source>Example %1 (%2): %3</source>
        <translation>示例 %1（%2）：%3</translation>
    </message>
    <message>
        <source>Optimising the memory tokens: step %1 of %2</source>
        <translation>正在优化记忆令牌：第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Memory-token ablation</source>
        <translation>记忆令牌消融</translation>
    </message>
    <message>
        <source>Replacing a memory token needs a second text to take it from.</source>
        <translation>替换记忆令牌需要提供第二段文本作为来源。</translation>
    </message>
    <message numerus="yes">
        <source>Compressing %n chunk(s) in one batch</source>
        <translation>
            <numerusform>正在一批压缩 %n 段</numerusform>
        </translation>
    </message>
    <message>
        <source>Regenerating chunk %1 of %2 from its own memory tokens</source>
        <translation>正在由第 %1 段（共 %2 段）自己的记忆令牌再生该段</translation>
    </message>
    <message numerus="yes">
        <source>Regenerating %n chunk(s), each from its own memory tokens</source>
        <translation>
            <numerusform>正在再生 %n 段，每段由它自己的记忆令牌再生</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regenerating the whole text from all %n chunk(s)&apos; memory tokens at once</source>
        <translation>
            <numerusform>正在由全部 %n 段的记忆令牌一次再生整篇文本</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::ExamplesMenu</name>
    <message>
        <source>Interpolation Pair (Two Abstracts)</source>
        <translation>插值文本对（两篇摘要）</translation>
    </message>
    <message>
        <source>Sample Dataset (Batch Tab)</source>
        <translation>示例数据集（批处理选项卡）</translation>
    </message>
    <message>
        <source>With a question in the Question Answering tab: %1</source>
        <translation>附带问答标签页中的问题：%1</translation>
    </message>
    <message>
        <source>This text is in German. The bundled model was trained on English texts only, so expect a weak regeneration: the example shows what a compressor does outside its training data.</source>
        <translation>此文本为德语。随附的模型仅用英语文本训练，重建效果会较差：此示例展示压缩器在其训练数据之外的表现。</translation>
    </message>
    <message>
        <source>This text is in Chinese. The bundled model was trained on English texts only, so expect a weak regeneration: the example shows what a compressor does outside its training data.</source>
        <translation>此文本为中文。随附的模型仅用英语文本训练，重建效果会较差：此示例展示压缩器在其训练数据之外的表现。</translation>
    </message>
    <message>
        <source>This text is not in English. The bundled model was trained on English texts only, so expect a weak regeneration.</source>
        <translation>此文本不是英语。随附的模型仅用英语文本训练，重建效果会较差。</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::ExportController</name>
    <message>
        <source>Saved the compressed prompt to %1.</source>
        <translation>压缩提示已保存到 %1。</translation>
    </message>
    <message>
        <source>Save Compressed Prompt</source>
        <translation>保存压缩提示</translation>
    </message>
    <message>
        <source>Compressed prompts (*.xcp)</source>
        <translation>压缩提示 (*.xcp)</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::FileController</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>Loaded %1 as an interpolation endpoint. Press Compress A and B.</source>
        <translation>已将 %1 加载为插值端点。请点击“压缩 A 和 B”。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-8; unreadable bytes were replaced.</source>
        <translation>%1 不是有效的 UTF-8；无法读取的字节已被替换。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>All supported files (*.txt *.md *.xcs *.json *.xcp *.jsonl);;Texts (*.txt *.md);;Sessions (*.xcs *.json);;Compressed prompts (*.xcp);;Datasets (*.jsonl);;All files (*)</source>
        <translation>所有支持的文件 (*.txt *.md *.xcs *.json *.xcp *.jsonl);;文本 (*.txt *.md);;会话 (*.xcs *.json);;压缩提示 (*.xcp);;数据集 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Load Compressed Prompt</source>
        <translation>加载压缩提示</translation>
    </message>
    <message>
        <source>Compressed prompts (*.xcp);;All files (*)</source>
        <translation>压缩提示 (*.xcp);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::HelpDock</name>
    <message>
        <source>Help for Students</source>
        <translation>学生帮助</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::HelpPane</name>
    <message>
        <source>Compress &amp; Regenerate</source>
        <translation>压缩并再生</translation>
    </message>
    <message>
        <source>Comparing compressors</source>
        <translation>比较压缩器</translation>
    </message>
    <message>
        <source>The same text through several compressors: 500xCompressor (KV values per layer), ICAE (input embeddings) and the Attention-Only Compressor, each with its number of memory tokens m. Fewer memory tokens mean more compression and usually more errors.</source>
        <translation>同一段文本经过多个压缩器：500xCompressor（每层的 KV 值）、ICAE（输入嵌入）和仅注意力压缩器（Attention-Only Compressor），各有其记忆令牌数 m。记忆令牌越少，压缩越强，错误通常也越多。</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation>插值</translation>
    </message>
    <message>
        <source>Two compressed prompts made by the same compressor are points in the same space. Mixing them shows how smooth that space is: does the regeneration switch abruptly from A to B, or blend them?</source>
        <translation>由同一压缩器生成的两个压缩提示是同一空间中的两个点。混合它们可以看出这个空间有多平滑：再生文本是从 A 突然切换到 B，还是将两者融合？</translation>
    </message>
    <message>
        <source>Question answering</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>A compressed prompt is useful when the decoder can work with it, not only copy it back. The question is asked twice: of the compressed prompt and of the full text. F1 counts the overlapping words with a gold answer; exact match (EM) asks for the whole answer.</source>
        <translation>压缩提示只有在解码器能够利用它、而不仅仅是把它复述出来时才有用。问题会被问两次：一次针对压缩提示，一次针对完整文本。F1 统计与标准答案重合的词；完全匹配（EM）要求整个答案一致。</translation>
    </message>
    <message>
        <source>Batch evaluation</source>
        <translation>批量评估</translation>
    </message>
    <message>
        <source>&lt;h3&gt;xcomp Workbench %1&lt;/h3&gt;&lt;p&gt;A workbench for soft prompt compression: a text is compressed into a few memory tokens whose per-layer key/value vectors a frozen language model uses to regenerate the text or answer questions about it.&lt;/p&gt;&lt;p&gt;Methods: 500xCompressor (arXiv 2408.03094) and the Attention-Only Compressor (arXiv 2501.06730), with ICAE as a baseline.&lt;/p&gt;&lt;p&gt;LibTorch %2, Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;xcomp Workbench %1&lt;/h3&gt;&lt;p&gt;一个软提示压缩工作台：文本被压缩成几个记忆令牌，冻结的语言模型利用这些令牌在每一层的键/值向量再生文本或回答与之相关的问题。&lt;/p&gt;&lt;p&gt;方法：500xCompressor（arXiv 2408.03094）和仅注意力压缩器（arXiv 2501.06730），并以 ICAE 作为基线。&lt;/p&gt;&lt;p&gt;LibTorch %2，Qt %3。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The encoder squeezes the text into a few memory tokens; the frozen decoder then has to write the text again from them alone. Differences are coloured by type, and the strip above gives the scores. The strip below the diff shows, token by token, how sure the decoder was of the original: hover over a token for its numbers, click it to find it in the text.</source>
        <translation>编码器把文本压缩进少数几个记忆令牌；冻结的解码器随后只能凭它们重新写出文本。差异按类型着色，上方的条带给出分数。差异视图下方的条带逐个令牌显示解码器对原文有多大把握：把鼠标移到令牌上查看数值，点击它可在文本中找到它。</translation>
    </message>
    <message>
        <source>Memory-token ablation</source>
        <translation>记忆令牌消融</translation>
    </message>
    <message>
        <source>Are all memory tokens equally useful, or does the text live in one or two of them? Take one away and regenerate: if the text hardly changes, that token carried little. The tallest bar is the memory token the decoder misses most; click it to see in the Attention tab what it reads and who reads it.</source>
        <translation>所有记忆令牌都同样有用吗？还是文本主要存放在其中一两个里？拿掉一个再重新生成：如果文本几乎不变，说明这个令牌承载的内容很少。最高的柱子是解码器最离不开的记忆令牌；点击它，可在“注意力”标签页中查看它读取了什么、又被谁读取。</translation>
    </message>
    <message>
        <source>Single examples can mislead. A dataset run gives the mean scores per compressor against text length, like the papers&apos; figures. Sort the table by BLEU and double-click the worst rows to see what went wrong. The latent map beside the table shows whether the texts that fail resemble each other inside the compressor.</source>
        <translation>单个例子可能会误导人。对整个数据集运行，可以像论文中的图那样得到每个压缩器随文本长度变化的平均分数。按 BLEU 排序表格，双击最差的几行，看看哪里出了问题。表格旁边的潜空间图显示失败的文本在压缩器内部是否彼此相似。</translation>
    </message>
    <message>
        <source>Click a word of the regeneration in the Regenerate tab, or a column of the heatmap, to see which memory tokens that word was read from. Click a memory token&apos;s bar the other way round: the words that read it most are shaded in the Regenerate tab. Drag over several words of the regeneration, or click a coloured span, to see which memory tokens and heads they drew on and which source words those memory tokens read; those words are shaded in the original too.</source>
        <translation>在“再生”标签页中点击再生文本里的一个词，或点击热力图的一列，即可看到这个词是从哪些记忆令牌读取的。反过来，点击某个记忆令牌的柱形：最多读取它的词会在“再生”标签页中加上阴影。拖动选中再生文本中的几个词，或点击一个着色片段，即可看到它们依赖了哪些记忆令牌和注意力头，以及这些记忆令牌读取了哪些源词；这些词在原文中也会加上阴影。</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::InterpolationPage</name>
    <message>
        <source>Compress A and B</source>
        <translation>压缩 A 和 B</translation>
    </message>
    <message>
        <source>Compress both texts with the chosen compressor (or load the .xcp files), then move the slider to mix the two compressed prompts.</source>
        <translation>用所选压缩器压缩两段文本（或加载 .xcp 文件），然后移动滑块混合两个压缩提示。</translation>
    </message>
    <message>
        <source>Text A (α = 0)</source>
        <translation>文本 A（α = 0）</translation>
    </message>
    <message>
        <source>Text B (α = 1)</source>
        <translation>文本 B（α = 1）</translation>
    </message>
    <message>
        <source>Type or paste text A, or load a compressed prompt (.xcp)</source>
        <translation>输入或粘贴文本 A，或加载压缩提示（.xcp）</translation>
    </message>
    <message>
        <source>Type or paste text B, or load a compressed prompt (.xcp)</source>
        <translation>输入或粘贴文本 B，或加载压缩提示（.xcp）</translation>
    </message>
    <message>
        <source>Use main text</source>
        <translation>使用主文本</translation>
    </message>
    <message>
        <source>Copy the text of the main editor here.</source>
        <translation>将主编辑器中的文本复制到这里。</translation>
    </message>
    <message>
        <source>Load .xcp…</source>
        <translation>加载 .xcp…</translation>
    </message>
    <message>
        <source>Use a compressed prompt saved earlier (File ▸ Save Compressed Prompt).</source>
        <translation>使用之前保存的压缩提示（文件 ▸ 保存压缩提示）。</translation>
    </message>
    <message>
        <source>Use text instead</source>
        <translation>改用文本</translation>
    </message>
    <message>
        <source>Compressed prompt: %1</source>
        <translation>压缩提示：%1</translation>
    </message>
    <message>
        <source>Both prompts compressed with %1. Move the slider; the curve fills in the background.</source>
        <translation>两个提示均已用 %1 压缩。请移动滑块；曲线会在后台逐步绘制。</translation>
    </message>
    <message>
        <source>Give two texts (or .xcp files) and press Compress A and B.</source>
        <translation>请提供两段文本（或 .xcp 文件），然后点击“压缩 A 和 B”。</translation>
    </message>
    <message>
        <source>Not prepared.</source>
        <translation>尚未准备。</translation>
    </message>
    <message>
        <source>Compressing A and B…</source>
        <translation>正在压缩 A 和 B…</translation>
    </message>
    <message>
        <source>Computing the BLEU curve: %1 of %2 points…</source>
        <translation>正在计算 BLEU 曲线：第 %1 个点，共 %2 个…</translation>
    </message>
    <message numerus="yes">
        <source>BLEU curve done (%n point(s)).</source>
        <translation>
            <numerusform>BLEU 曲线已完成（%n 个点）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Curve as PNG or PDF…</source>
        <translation>曲线导出为 PNG 或 PDF…</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export the curve</source>
        <translation>导出曲线</translation>
    </message>
    <message>
        <source>Curve as CSV…</source>
        <translation>曲线导出为 CSV…</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Curve and texts as JSON…</source>
        <translation>曲线和文本导出为 JSON…</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::JobStatusBar</name>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) waiting for the batch evaluation</source>
        <translation>
            <numerusform>%n 个任务正在等待批量评估</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) waiting</source>
        <translation>
            <numerusform>%n 个任务正在等待</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::LatentMapPanel</name>
    <message>
        <source>C&amp;ompressor:</source>
        <translation>压缩器(&amp;O)：</translation>
    </message>
    <message>
        <source>Each compressor writes into a space of its own: the map shows one at a time.</source>
        <translation>每个压缩器写入自己的空间：图中一次只显示一个。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the latent map as PNG or PDF, or its coordinates as CSV</source>
        <translation>将潜空间图保存为 PNG 或 PDF，或将其坐标保存为 CSV</translation>
    </message>
    <message>
        <source>Each point is one text&apos;s compressed prompt, placed by the two directions in which the batch&apos;s prompts differ most (principal components) and coloured by BLEU. Click a point to open its regeneration.</source>
        <translation>每个点是一段文本的压缩提示，按批量中各提示差异最大的两个方向（主成分）放置，并按 BLEU 着色。点击一个点可打开其再生结果。</translation>
    </message>
    <message>
        <source>Export the latent map</source>
        <translation>导出潜空间图</translation>
    </message>
    <message>
        <source>Latent map written to %1</source>
        <translation>潜空间图已写入 %1</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::MainWindow</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a text, a session, a compressed prompt (.xcp) or a dataset (.jsonl)</source>
        <translation>打开文本、会话、压缩提示（.xcp）或数据集（.jsonl）</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save the texts, settings and results of this session</source>
        <translation>保存本次会话的文本、设置和结果</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save &amp;Compressed Prompt…</source>
        <translation>保存压缩提示(&amp;C)…</translation>
    </message>
    <message>
        <source>Compress the text with the chosen compressor and save the memory tokens&apos; KV values as a .xcp file</source>
        <translation>用所选压缩器压缩文本，并将记忆令牌的 KV 值保存为 .xcp 文件</translation>
    </message>
    <message>
        <source>Open &amp;Model Folder…</source>
        <translation>打开模型文件夹(&amp;M)…</translation>
    </message>
    <message>
        <source>A folder with config.json, the weights, tokenizer.model and compressors/</source>
        <translation>包含 config.json、权重、tokenizer.model 和 compressors/ 的文件夹</translation>
    </message>
    <message>
        <source>Open &amp;Dataset…</source>
        <translation>打开数据集(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Compress &amp;&amp; &amp;Regenerate</source>
        <translation>压缩并再生(&amp;R)</translation>
    </message>
    <message>
        <source>Compress the text into memory tokens and let the frozen decoder regenerate it (Ctrl+Return)</source>
        <translation>将文本压缩成记忆令牌，并让冻结的解码器再生文本（Ctrl+回车）</translation>
    </message>
    <message>
        <source>&amp;Compare Compressors</source>
        <translation>比较压缩器(&amp;C)</translation>
    </message>
    <message>
        <source>Run the compressors checked in the Compare tab on the text</source>
        <translation>用“比较”选项卡中选中的压缩器处理文本</translation>
    </message>
    <message>
        <source>&amp;Ask Question</source>
        <translation>提问(&amp;A)</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>取消(&amp;A)</translation>
    </message>
    <message>
        <source>Stop the running job (Esc)</source>
        <translation>停止正在运行的任务（Esc）</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Help for &amp;Students</source>
        <translation>学生帮助(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About xcomp Workbench</source>
        <translation>关于 xcomp Workbench(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>再生(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Attention</source>
        <translation>注意力(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Interpolation</source>
        <translation>插值(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Question Answering</source>
        <translation>问答(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>批处理(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>What&apos;s &amp;This?</source>
        <translation>这是什么(&amp;T)?</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source> Compressor: </source>
        <translation> 压缩器：</translation>
    </message>
    <message>
        <source> Device: </source>
        <translation> 设备：</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation>插值</translation>
    </message>
    <message>
        <source>Question Answering</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批处理</translation>
    </message>
    <message>
        <source>The original and its regeneration, differences coloured by error type</source>
        <translation>原文及其再生文本，差异按错误类型着色</translation>
    </message>
    <message>
        <source>Several compressors on the same text, side by side</source>
        <translation>多个压缩器处理同一段文本，并排显示</translation>
    </message>
    <message>
        <source>Answers from the compressed prompt and from the full text</source>
        <translation>来自压缩提示和完整文本的答案</translation>
    </message>
    <message>
        <source>A whole dataset: mean scores against text length</source>
        <translation>整个数据集：平均分数随文本长度的变化</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n 个令牌</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <source>About xcomp Workbench</source>
        <translation>关于 xcomp Workbench</translation>
    </message>
    <message>
        <source>Ablation</source>
        <translation>消融</translation>
    </message>
    <message>
        <source>Ab&amp;lation</source>
        <translation>消融(&amp;L)</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::ModelController</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>No CUDA device is available.</source>
        <translation>没有可用的 CUDA 设备。</translation>
    </message>
    <message>
        <source>No model folder at %1. Use File ▸ Open Model Folder… to choose one.</source>
        <translation>%1 处没有模型文件夹。请通过“文件 ▸ 打开模型文件夹…”选择一个。</translation>
    </message>
    <message>
        <source>Loading model from %1…</source>
        <translation>正在从 %1 加载模型…</translation>
    </message>
    <message>
        <source>Open Model Folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message numerus="yes">
        <source>%n compressor(s) could not be loaded: %1</source>
        <translation>
            <numerusform>%n 个压缩器无法加载：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The model folder %1 has no compressors (compressors/*). Train one with the xcomp command-line tool first.</source>
        <translation>模型文件夹 %1 中没有压缩器（compressors/*）。请先用 xcomp 命令行工具训练一个。</translation>
    </message>
    <message>
        <source>%1 — method %2, %3 memory tokens, up to %4 source tokens%5</source>
        <translation>%1 — 方法 %2，%3 个记忆令牌，最多 %4 个源令牌%5</translation>
    </message>
    <message>
        <source>, QA fine-tuned</source>
        <translation>，已针对问答微调</translation>
    </message>
    <message>
        <source>Runs %1.</source>
        <translation>运行 %1。</translation>
    </message>
    <message>
        <source>No model open</source>
        <translation>未打开模型</translation>
    </message>
    <message numerus="yes">
        <source>Model %1 — %2M parameters, %3 layers — %4, %5 — %n compressor(s)</source>
        <translation>
            <numerusform>模型 %1 — %2M 参数，%3 层 — %4，%5 — %n 个压缩器</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (upper bound)</source>
        <translation>%1（上界）</translation>
    </message>
    <message>
        <source>%1 — no compressor: %2 memory tokens fitted to this text by gradient descent, the upper bound for the trained compressors with as many memory tokens. Slow: hundreds of optimiser steps.</source>
        <translation>%1 — 不是压缩器：通过梯度下降针对此文本拟合的 %2 个记忆令牌，是记忆令牌数相同的训练压缩器的上界。较慢：需要数百步优化。</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::PageContext</name>
    <message>
        <source>Open a model folder with at least one compressor first.</source>
        <translation>请先打开至少包含一个压缩器的模型文件夹。</translation>
    </message>
    <message>
        <source>There is no text to compress. Paste one on the left or pick an example.</source>
        <translation>没有可压缩的文本。请在左侧粘贴文本或选择一个示例。</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA (GPU)</source>
        <translation>CUDA（GPU）</translation>
    </message>
    <message>
        <source>No CUDA device is available in this build or on this machine.</source>
        <translation>此版本或此计算机上没有可用的 CUDA 设备。</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU threads for the engine (0: LibTorch&apos;s default). Applies when the model is opened.</source>
        <translation>引擎使用的 CPU 线程数（0：LibTorch 默认值）。在打开模型时生效。</translation>
    </message>
    <message>
        <source>CPU &amp;threads:</source>
        <translation>CPU 线程数(&amp;T)：</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Model folder:</source>
        <translation>模型文件夹(&amp;M)：</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <source>Capture attention when regenerating</source>
        <translation>再生时记录注意力</translation>
    </message>
    <message>
        <source>Applies at once: the window is rebuilt in the new language and keeps your work.</source>
        <translation>立即生效：窗口以新语言重建，并保留当前的工作。</translation>
    </message>
    <message>
        <source>&amp;Reopen the last session at start</source>
        <translation>启动时重新打开上次的会话(&amp;R)</translation>
    </message>
    <message>
        <source>At start, open the session file that was open when the workbench was last closed.</source>
        <translation>启动时打开上次关闭工作台时所打开的会话文件。</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::QaPage</name>
    <message>
        <source>e.g. Who wrote the paper?</source>
        <translation>例如：这篇论文是谁写的？</translation>
    </message>
    <message>
        <source>Optional: gold answers, one per line, for F1 and exact match</source>
        <translation>可选：标准答案，每行一个，用于计算 F1 和完全匹配</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>问题(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Gold answers:</source>
        <translation>标准答案(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>提问(&amp;A)</translation>
    </message>
    <message>
        <source>Ask the question of the compressed text and of the full text.</source>
        <translation>分别针对压缩文本和完整文本提出问题。</translation>
    </message>
    <message>
        <source>From the compressed prompt</source>
        <translation>来自压缩提示</translation>
    </message>
    <message>
        <source>From the full text</source>
        <translation>来自完整文本</translation>
    </message>
    <message>
        <source>The frozen decoder reads the whole text: the upper bound the papers compare against.</source>
        <translation>冻结的解码器读取整段文本：这是论文用来比较的上限。</translation>
    </message>
    <message>
        <source>SQuAD v1.1 scores against the gold answers: F1 is the word overlap (after lower-casing and removing punctuation and articles), EM is 1 when the normalised answer equals a gold answer.</source>
        <translation>相对于标准答案的 SQuAD v1.1 分数：F1 是词语重合度（转为小写并去除标点和冠词之后），当规范化后的答案与某个标准答案相同时 EM 为 1。</translation>
    </message>
    <message>
        <source>%1 is fine-tuned for question answering.</source>
        <translation>%1 已针对问答进行微调。</translation>
    </message>
    <message>
        <source>%1 was trained for regeneration only; answers from it show what the memory tokens keep, but a QA-tuned compressor answers better.</source>
        <translation>%1 仅针对再生进行了训练；它的答案能显示记忆令牌保留了什么，但针对问答微调过的压缩器回答得更好。</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>正在回答…</translation>
    </message>
    <message>
        <source>From the compressed prompt (%1)</source>
        <translation>来自压缩提示（%1）</translation>
    </message>
    <message>
        <source>(empty answer)</source>
        <translation>（空答案）</translation>
    </message>
    <message>
        <source>no gold answers — %1</source>
        <translation>没有标准答案 — %1</translation>
    </message>
    <message>
        <source>F1 %1 · EM %2 — %3</source>
        <translation>F1 %1 · EM %2 — %3</translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation>请先输入问题。</translation>
    </message>
    <message>
        <source>The question needs a text to be answered from: paste one on the left.</source>
        <translation>回答问题需要一段文本：请在左侧粘贴文本。</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::RecentFilesMenu</name>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::RegeneratePage</name>
    <message>
        <source>Chunks of at most</source>
        <translation>分段长度上限</translation>
    </message>
    <message>
        <source>trained length</source>
        <translation>训练长度</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个令牌</translation>
    </message>
    <message>
        <source>A text longer than this is cut at sentence ends into chunks, each compressed into its own memory tokens: shorter chunks come back more faithfully, at less compression. “trained length” cuts only texts over the compressor's limit, into chunks as long as its longest training texts.</source>
        <translation>长于此值的文本会在句末切分为若干段，每段压缩为各自的记忆令牌：段越短，重建越忠实，但压缩率越低。“训练长度”只切分超过压缩器上限的文本，段长为其最长训练文本的长度。</translation>
    </message>
    <message>
        <source>Regenerated with %1</source>
        <translation>用 %1 再生</translation>
    </message>
    <message>
        <source>Compressing and regenerating with %1…</source>
        <translation>正在用 %1 压缩并再生…</translation>
    </message>
    <message>
        <source>Paste a text on the left and press Compress &amp; Regenerate (Ctrl+Return).</source>
        <translation>在左侧粘贴文本，然后点击“压缩并再生”（Ctrl+回车）。</translation>
    </message>
    <message>
        <source>%1 ran this %2-token text with its length variant %3</source>
        <translation>%1 用其长度变体 %3 处理了这段 %2 个令牌的文本</translation>
    </message>
    <message>
        <source>cancelled, partial regeneration</source>
        <translation>已取消，再生不完整</translation>
    </message>
    <message>
        <source>batch example %1</source>
        <translation>批处理示例 %1</translation>
    </message>
    <message>
        <source>Stale: the text on the left has changed since. %1</source>
        <translation>已过时：左侧文本此后已更改。%1</translation>
    </message>
    <message>
        <source>Export the regeneration</source>
        <translation>导出再生结果</translation>
    </message>
    <message>
        <source>Coloured diff as HTML…</source>
        <translation>着色的差异导出为 HTML…</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML 页面 (*.html)</translation>
    </message>
    <message>
        <source>Coloured diff as PDF…</source>
        <translation>着色的差异导出为 PDF…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Coloured diff as PNG…</source>
        <translation>着色的差异导出为 PNG…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Numbers as JSON…</source>
        <translation>数值导出为 JSON…</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Per-token evidence (teacher forcing)</source>
        <translation>逐令牌证据（教师强制）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the per-token evidence as a PNG image, a CSV table or JSON</source>
        <translation>将逐令牌证据保存为 PNG 图像、CSV 表格或 JSON</translation>
    </message>
    <message>
        <source>Each token&apos;s probability appears here after a regeneration.</source>
        <translation>再生之后，这里会显示每个令牌的概率。</translation>
    </message>
    <message>
        <source>There is no per-token evidence to export.</source>
        <translation>没有可导出的逐令牌证据。</translation>
    </message>
    <message>
        <source>Export per-token evidence</source>
        <translation>导出逐令牌证据</translation>
    </message>
    <message>
        <source>Per-token evidence written to %1</source>
        <translation>逐令牌证据已写入 %1</translation>
    </message>
    <message>
        <source>the upper bound: no compressor, the memory tokens were fitted to this text</source>
        <translation>上界：不是压缩器，记忆令牌是针对此文本拟合的</translation>
    </message>
    <message>
        <source>cancelled, the best memory found so far</source>
        <translation>已取消，显示目前找到的最佳记忆</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Save the chunks&apos; numbers as a PNG image, a CSV table or JSON</source>
        <translation>将各段的数值保存为 PNG 图像、CSV 表格或 JSON</translation>
    </message>
    <message numerus="yes">
        <source>cut into %n chunk(s) of at most %1 tokens at sentence ends</source>
        <translation>
            <numerusform>在句子结尾处切成 %n 段，每段最多 %1 个令牌</numerusform>
        </translation>
    </message>
    <message>
        <source>not read together: %1</source>
        <translation>未合并读取：%1</translation>
    </message>
    <message>
        <source>Whole text (chunks joined)</source>
        <translation>整篇文本（各段拼接）</translation>
    </message>
    <message>
        <source>Whole text, all memory tokens read together</source>
        <translation>整篇文本，所有记忆令牌合并读取</translation>
    </message>
    <message>
        <source>Chunk %1 of %2 (tokens %3–%4)</source>
        <translation>第 %1 段，共 %2 段（令牌 %3–%4）</translation>
    </message>
    <message>
        <source>showing %1</source>
        <translation>显示：%1</translation>
    </message>
    <message>
        <source>There are no chunks to export: the text fitted one window.</source>
        <translation>没有可导出的分段：文本在一个窗口内放得下。</translation>
    </message>
    <message>
        <source>Export the chunks</source>
        <translation>导出分段</translation>
    </message>
    <message>
        <source>Chunks written to %1</source>
        <translation>分段已写入 %1</translation>
    </message>
    <message>
        <source>%1 ran the chunks (the longest has %2 tokens) with its length variant %3</source>
        <translation>%1 用其长度变体 %3 处理了各段（最长的一段有 %2 个令牌）</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::SessionController</name>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Workbench sessions (*.xcs)</source>
        <translation>Workbench 会话 (*.xcs)</translation>
    </message>
    <message>
        <source>kept from before the language change</source>
        <translation>沿用自切换语言之前</translation>
    </message>
    <message>
        <source>from the session file</source>
        <translation>来自会话文件</translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation>未命名会话</translation>
    </message>
    <message>
        <source>%1[*] — xcomp Workbench</source>
        <translation>%1[*] — xcomp Workbench</translation>
    </message>
    <message>
        <source>Unsaved Session</source>
        <translation>未保存的会话</translation>
    </message>
    <message>
        <source>The session has changes that are not saved.</source>
        <translation>会话有尚未保存的更改。</translation>
    </message>
    <message>
        <source>Save them before quitting?</source>
        <translation>退出前保存吗？</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::SessionFile</name>
    <message>
        <source>This is not an xcomp workbench session.</source>
        <translation>这不是 xcomp Workbench 会话。</translation>
    </message>
    <message>
        <source>Session version %1 is not supported (this build reads version %2).</source>
        <translation>不支持会话版本 %1（此版本可读取版本 %2）。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation>%1 不是有效的 JSON：%2</translation>
    </message>
    <message>
        <source>%1 does not hold a session (a JSON object)</source>
        <translation>%1 不包含会话（不是 JSON 对象）</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::TextPanel</name>
    <message>
        <source>Text to compress</source>
        <translation>待压缩的文本</translation>
    </message>
    <message>
        <source>Paste or type a text here, or pick one from the Examples menu.</source>
        <translation>在此粘贴或输入文本，或从“示例”菜单中选择一段。</translation>
    </message>
    <message>
        <source>Open a model to count tokens.</source>
        <translation>打开模型后即可统计令牌数。</translation>
    </message>
    <message>
        <source>Counting tokens…</source>
        <translation>正在统计令牌…</translation>
    </message>
    <message numerus="yes">
        <source>%n memory token(s)</source>
        <translation>
            <numerusform>%n 个记忆令牌</numerusform>
        </translation>
    </message>
    <message>
        <source>%1× compression</source>
        <translation>压缩 %1 倍</translation>
    </message>
    <message numerus="yes">
        <source>at least %n chunk(s)</source>
        <translation>
            <numerusform>至少 %n 段</numerusform>
        </translation>
    </message>
    <message>
        <source>up to %1× compression</source>
        <translation>最多压缩 %1 倍</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::ViewExports</name>
    <message>
        <source>Compression</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>%1 tokens into %2 (%3×)</source>
        <translation>%1 个令牌压缩为 %2 个（%3×）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>compress %1 ms, regenerate %2 ms</source>
        <translation>压缩 %1 毫秒，再生 %2 毫秒</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个文件导出到 %1</numerusform>
        </translation>
    </message>
</context>
</TS>
