<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>xcomp::CompareView</name>
    <message numerus="yes">
        <source>Optimised memory: fitted to this text, the upper bound for %n memory token(s).</source>
        <translation>
            <numerusform>Optimised memory: fitted to this text, the upper bound for %n memory token.</numerusform>
            <numerusform>Optimised memory: fitted to this text, the upper bound for %n memory tokens.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add optimised memory with %n memory token(s) to the comparison to see this compressor&apos;s distance to the upper bound.</source>
        <translation>
            <numerusform>Add optimised memory with %n memory token to the comparison to see this compressor&apos;s distance to the upper bound.</numerusform>
            <numerusform>Add optimised memory with %n memory tokens to the comparison to see this compressor&apos;s distance to the upper bound.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::LatentMapView</name>
    <message numerus="yes">
        <source>Latent map of %1: %n text(s)</source>
        <translation>
            <numerusform>Latent map of %1: %n text</numerusform>
            <numerusform>Latent map of %1: %n texts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::TokenEvidenceView</name>
    <message numerus="yes">
        <source>The decoder preferred %n other token(s) here, given the original text before it.</source>
        <translation>
            <numerusform>The decoder preferred %n other token here, given the original text before it.</numerusform>
            <numerusform>The decoder preferred %n other tokens here, given the original text before it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::BatchPage</name>
    <message numerus="yes">
        <source>%1: %n example(s)</source>
        <translation>
            <numerusform>%1: %n example</numerusform>
            <numerusform>%1: %n examples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n with a question</source>
        <translation>
            <numerusform>, %n with a question</numerusform>
            <numerusform>, %n with a question</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Question answering over %n example(s): compressed prompt F1 %1 / EM %2 — full text F1 %3 / EM %4</source>
        <translation>
            <numerusform>Question answering over %n example: compressed prompt F1 %1 / EM %2 — full text F1 %3 / EM %4</numerusform>
            <numerusform>Question answering over %n examples: compressed prompt F1 %1 / EM %2 — full text F1 %3 / EM %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more skipped example(s))</source>
        <translation>
            <numerusform>%1 (and %n more skipped example)</numerusform>
            <numerusform>%1 (and %n more skipped examples)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch evaluation cancelled after %n example(s).</source>
        <translation>
            <numerusform>Batch evaluation cancelled after %n example.</numerusform>
            <numerusform>Batch evaluation cancelled after %n examples.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) skipped. First: %1</source>
        <translation>
            <numerusform>%n line skipped. First: %1</numerusform>
            <numerusform>%n lines skipped. First: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::EngineClient</name>
    <message numerus="yes">
        <source>waiting for the batch evaluation, %n job(s) ahead</source>
        <translation>
            <numerusform>waiting for the batch evaluation, %n job ahead</numerusform>
            <numerusform>waiting for the batch evaluation, %n jobs ahead</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting, %n job(s) ahead</source>
        <translation>
            <numerusform>waiting, %n job ahead</numerusform>
            <numerusform>waiting, %n jobs ahead</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::EngineWorker</name>
    <message numerus="yes">
        <source>Compressing %n chunk(s) in one batch</source>
        <translation>
            <numerusform>Compressing %n chunk in one batch</numerusform>
            <numerusform>Compressing %n chunks in one batch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regenerating %n chunk(s), each from its own memory tokens</source>
        <translation>
            <numerusform>Regenerating %n chunk from its own memory tokens</numerusform>
            <numerusform>Regenerating %n chunks, each from its own memory tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regenerating the whole text from all %n chunk(s)&apos; memory tokens at once</source>
        <translation>
            <numerusform>Regenerating the whole text from %n chunk&apos;s memory tokens at once</numerusform>
            <numerusform>Regenerating the whole text from all %n chunks&apos; memory tokens at once</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::InterpolationPage</name>
    <message numerus="yes">
        <source>BLEU curve done (%n point(s)).</source>
        <translation>
            <numerusform>BLEU curve done (%n point).</numerusform>
            <numerusform>BLEU curve done (%n points).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::JobStatusBar</name>
    <message numerus="yes">
        <source>%n job(s) waiting for the batch evaluation</source>
        <translation>
            <numerusform>%n job waiting for the batch evaluation</numerusform>
            <numerusform>%n jobs waiting for the batch evaluation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) waiting</source>
        <translation>
            <numerusform>%n job waiting</numerusform>
            <numerusform>%n jobs waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::MainWindow</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::ModelController</name>
    <message numerus="yes">
        <source>%n compressor(s) could not be loaded: %1</source>
        <translation>
            <numerusform>%n compressor could not be loaded: %1</numerusform>
            <numerusform>%n compressors could not be loaded: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model %1 — %2M parameters, %3 layers — %4, %5 — %n compressor(s)</source>
        <translation>
            <numerusform>Model %1 — %2M parameters, %3 layers — %4, %5 — %n compressor</numerusform>
            <numerusform>Model %1 — %2M parameters, %3 layers — %4, %5 — %n compressors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::RegeneratePage</name>
    <message numerus="yes">
        <source>cut into %n chunk(s) of at most %1 tokens at sentence ends</source>
        <translation>
            <numerusform>cut into %n chunk of at most %1 tokens at sentence ends</numerusform>
            <numerusform>cut into %n chunks of at most %1 tokens at sentence ends</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::TextPanel</name>
    <message numerus="yes">
        <source>%n memory token(s)</source>
        <translation>
            <numerusform>%n memory token</numerusform>
            <numerusform>%n memory tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n chunk(s)</source>
        <translation>
            <numerusform>at least %n chunk</numerusform>
            <numerusform>at least %n chunks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::ViewExports</name>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>Exported %n file to %1</numerusform>
            <numerusform>Exported %n files to %1</numerusform>
        </translation>
    </message>
</context>
</TS>
