<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>xcomp::AtomicWrite</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>xcomp::AttentionView</name>
    <message>
        <source>Layer:</source>
        <translation>Schicht:</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>Kopf:</translation>
    </message>
    <message>
        <source>What am I looking at?</source>
        <translation>Was sehe ich hier?</translation>
    </message>
    <message>
        <source>Attention each memory token receives</source>
        <translation>Aufmerksamkeit, die jedes Speichertoken erhält</translation>
    </message>
    <message>
        <source>memory token</source>
        <translation>Speichertoken</translation>
    </message>
    <message>
        <source>attention weight</source>
        <translation>Aufmerksamkeitsgewicht</translation>
    </message>
    <message>
        <source>Attention of each regenerated token on the memory tokens</source>
        <translation>Aufmerksamkeit jedes regenerierten Tokens auf die Speichertoken</translation>
    </message>
    <message>
        <source>regenerated token (position in the regeneration)</source>
        <translation>regeneriertes Token (Position in der Regeneration)</translation>
    </message>
    <message>
        <source>attention on memory</source>
        <translation>Aufmerksamkeit auf den Speicher</translation>
    </message>
    <message>
        <source>source token</source>
        <translation>Quelltoken</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Mean of all layers</source>
        <translation>Mittel aller Schichten</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>Mean of all heads</source>
        <translation>Mittel aller Köpfe</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <source>regenerated token %1</source>
        <translation>regeneriertes Token %1</translation>
    </message>
    <message>
        <source>regenerated token %1 “%2”</source>
        <translation>regeneriertes Token %1 „%2“</translation>
    </message>
    <message>
        <source>attention on memory: %1</source>
        <translation>Aufmerksamkeit auf den Speicher: %1</translation>
    </message>
    <message>
        <source>memory token m%1: mean weight %2</source>
        <translation>Speichertoken m%1: mittleres Gewicht %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>on memory token m%1: %2</source>
        <translation>auf Speichertoken m%1: %2</translation>
    </message>
    <message>
        <source>memory token m%1 reads source token %2 “%3”: %4</source>
        <translation>Speichertoken m%1 liest Quelltoken %2 „%3“: %4</translation>
    </message>
    <message>
        <source>layers: %1</source>
        <translation>Schichten: %1</translation>
    </message>
    <message>
        <source>heads: %1</source>
        <translation>Köpfe: %1</translation>
    </message>
    <message>
        <source>regenerated tokens: %1</source>
        <translation>regenerierte Token: %1</translation>
    </message>
    <message>
        <source>memory tokens: %1</source>
        <translation>Speichertoken: %1</translation>
    </message>
    <message>
        <source>source tokens: %1</source>
        <translation>Quelltoken: %1</translation>
    </message>
    <message>
        <source>The attention data is inconsistent (array sizes do not match).</source>
        <translation>Die Aufmerksamkeitsdaten sind inkonsistent (die Array-Größen passen nicht zusammen).</translation>
    </message>
    <message>
        <source>No attention captured yet.</source>
        <translation>Noch keine Aufmerksamkeit aufgezeichnet.</translation>
    </message>
    <message>
        <source>mean of all layers</source>
        <translation>Mittel aller Schichten</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>mean over regenerated tokens (%1)</source>
        <translation>Mittel über die regenerierten Token (%1)</translation>
    </message>
    <message>
        <source>What each memory token reads (not captured)</source>
        <translation>Was jedes Speichertoken liest (nicht aufgezeichnet)</translation>
    </message>
    <message>
        <source>What each memory token reads (compression)</source>
        <translation>Was jedes Speichertoken liest (Kompression)</translation>
    </message>
    <message>
        <source>Regenerated token %1</source>
        <translation>Regeneriertes Token %1</translation>
    </message>
    <message>
        <source>Regenerated token %1 “%2”</source>
        <translation>Regeneriertes Token %1 „%2“</translation>
    </message>
    <message>
        <source>%1% of its attention is on the memory</source>
        <translation>%1 % seiner Aufmerksamkeit liegen auf dem Speicher</translation>
    </message>
    <message>
        <source>it reads memory token m%1 most (%2)</source>
        <translation>es liest Speichertoken m%1 am stärksten (%2)</translation>
    </message>
    <message>
        <source>Memory token m%1</source>
        <translation>Speichertoken m%1</translation>
    </message>
    <message>
        <source>receives %1 of a regenerated token&apos;s attention on average</source>
        <translation>erhält im Mittel %1 der Aufmerksamkeit eines regenerierten Tokens</translation>
    </message>
    <message>
        <source>Click a regenerated token in the heatmap or the curve, or a memory token&apos;s bar, to follow it across the views.</source>
        <translation>Klicken Sie auf ein regeneriertes Token in der Heatmap oder der Kurve oder auf den Balken eines Speichertokens, um es über alle Ansichten zu verfolgen.</translation>
    </message>
    <message>
        <source>No source tokens.</source>
        <translation>Keine Quelltoken.</translation>
    </message>
    <message>
        <source>Source words memory token m%1 reads most:</source>
        <translation>Quellwörter, die Speichertoken m%1 am stärksten liest:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>regenerated tokens %1–%2</source>
        <translation>regenerierte Token %1–%2</translation>
    </message>
    <message>
        <source>Regenerated tokens %1–%2</source>
        <translation>Regenerierte Token %1–%2</translation>
    </message>
    <message>
        <source>they read memory token m%1 most (%2)</source>
        <translation>sie lesen Speichertoken m%1 am meisten (%2)</translation>
    </message>
    <message>
        <source>layer %1 head %2 (%3)</source>
        <translation>Schicht %1 Kopf %2 (%3)</translation>
    </message>
    <message>
        <source>the heads that drew most on the memory: %1</source>
        <translation>die Köpfe, die am meisten aus dem Speicher schöpften: %1</translation>
    </message>
    <message>
        <source>Source words the selected regenerated tokens drew on through the memory:</source>
        <translation>Quellwörter, aus denen die gewählten regenerierten Token über den Speicher schöpften:</translation>
    </message>
</context>
<context>
    <name>xcomp::WidgetExport</name>
    <message>
        <source>PNG image (*.png);;CSV table (*.csv);;JSON (*.json)</source>
        <translation>PNG-Bild (*.png);;CSV-Tabelle (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Unknown export format: %1 (use .png, .csv or .json)</source>
        <translation>Unbekanntes Exportformat: %1 (.png, .csv oder .json verwenden)</translation>
    </message>
</context>
<context>
    <name>xcomp::HeadGrid</name>
    <message>
        <source>Which heads the selected words drew on the memory with: one row per layer, one column per head, darker = more of the words' attention went to the memory tokens. Click a cell to show that layer and head above.</source>
        <translation>Welche Köpfe die ausgewählten Wörter auf den Speicher blicken ließen: eine Zeile je Schicht, eine Spalte je Kopf, dunkler = mehr Aufmerksamkeit der Wörter ging an die Speichertoken. Klicken Sie auf eine Zelle, um diese Schicht und diesen Kopf oben zu zeigen.</translation>
    </message>
    <message>
        <source>Layer %1, head %2: %3% of the selected words' attention went to the memory tokens</source>
        <translation>Schicht %1, Kopf %2: %3 % der Aufmerksamkeit der ausgewählten Wörter ging an die Speichertoken</translation>
    </message>
    <message>
        <source>Select words of the regeneration first: the grid shows the heads they drew on.</source>
        <translation>Wählen Sie zuerst Wörter der Regeneration aus: Das Raster zeigt die Köpfe, auf die sie sich stützten.</translation>
    </message>
</context>
<context>
    <name>xcomp::ChunkStrip</name>
    <message>
        <source>Chunk %1 of %2: tokens %3–%4 (%5 tokens). From its own %6 memory tokens: ROUGE-L F %7, BLEU %8, exact match %9</source>
        <translation>Abschnitt %1 von %2: Token %3–%4 (%5 Token). Aus seinen eigenen %6 Speichertoken: ROUGE-L F %7, BLEU %8, exakte Übereinstimmung %9</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>xcomp::CompareView</name>
    <message>
        <source>Marked with the errors of “%1”. Click another column to switch, or this header to clear.</source>
        <translation>Markiert mit den Fehlern von „%1“. Klicken Sie auf eine andere Spalte zum Wechseln oder auf diese Überschrift zum Aufheben.</translation>
    </message>
    <message>
        <source>Click a column to mark in the original what that compressor lost or got wrong.</source>
        <translation>Klicken Sie auf eine Spalte, um im Original zu markieren, was dieser Kompressor verloren oder falsch wiedergegeben hat.</translation>
    </message>
    <message>
        <source>Result %1</source>
        <translation>Ergebnis %1</translation>
    </message>
    <message>
        <source>Regeneration by %1.</source>
        <translation>Regeneration durch %1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Click to mark this column&apos;s errors in the original.</source>
        <translation>Klicken, um die Fehler dieser Spalte im Original zu markieren.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>The text every compressor compressed. Each column to the right is what the frozen language model regenerated from that compressor&apos;s memory tokens.</source>
        <translation>Der Text, den jeder Kompressor komprimiert hat. Jede Spalte rechts zeigt, was das eingefrorene Sprachmodell aus den Speichertoken dieses Kompressors regeneriert hat.</translation>
    </message>
    <message>
        <source>The original text appears here.</source>
        <translation>Hier erscheint der Originaltext.</translation>
    </message>
    <message>
        <source>No regenerations to compare yet. Compress one text with several compressors to see their regenerations side by side.</source>
        <translation>Noch keine Regenerationen zum Vergleichen. Komprimieren Sie einen Text mit mehreren Kompressoren, um deren Regenerationen nebeneinander zu sehen.</translation>
    </message>
    <message>
        <source>Uncheck to hide this column; click to scroll to it and mark its errors in the original.</source>
        <translation>Abhaken entfernen blendet diese Spalte aus; Klicken scrollt zu ihr und markiert ihre Fehler im Original.</translation>
    </message>
    <message>
        <source>Compressor</source>
        <translation>Kompressor</translation>
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
        <translation>Eine Zeile je Kompressor. Klicken Sie auf eine Spaltenüberschrift, um zu sortieren (erneut: umgekehrt); entfernen Sie das Häkchen eines Kompressors, um seine Spalte auszublenden.</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>Schranke</translation>
    </message>
    <message numerus="yes">
        <source>Optimised memory: fitted to this text, the upper bound for %n memory token(s).</source>
        <translation>
            <numerusform>Optimierter Speicher: an diesen Text angepasst, die obere Schranke für %n Speichertoken.</numerusform>
            <numerusform>Optimierter Speicher: an diesen Text angepasst, die obere Schranke für %n Speichertoken.</numerusform>
        </translation>
    </message>
    <message>
        <source>BLEU of %1 (the upper bound for this text) minus the BLEU of %2.</source>
        <translation>BLEU von %1 (die obere Schranke für diesen Text) minus BLEU von %2.</translation>
    </message>
    <message numerus="yes">
        <source>Add optimised memory with %n memory token(s) to the comparison to see this compressor&apos;s distance to the upper bound.</source>
        <translation>
            <numerusform>Nehmen Sie optimierten Speicher mit %n Speichertoken in den Vergleich auf, um den Abstand dieses Kompressors zur oberen Schranke zu sehen.</numerusform>
            <numerusform>Nehmen Sie optimierten Speicher mit %n Speichertoken in den Vergleich auf, um den Abstand dieses Kompressors zur oberen Schranke zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Gap to bound</source>
        <translation>Abstand zur Schranke</translation>
    </message>
    <message>
        <source>How much BLEU this compressor lies below the upper bound for this text: optimised memory with as many memory tokens, fitted to the text by gradient descent.</source>
        <translation>Wie viel BLEU dieser Kompressor unter der oberen Schranke für diesen Text liegt: optimierter Speicher mit ebenso vielen Speichertoken, per Gradientenabstieg an den Text angepasst.</translation>
    </message>
</context>
<context>
    <name>xcomp::DashboardView</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Double-click a row or press Enter to review that example.</source>
        <translation>Doppelklicken Sie auf eine Zeile oder drücken Sie die Eingabetaste, um dieses Beispiel anzusehen.</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <source>text length (tokens)</source>
        <translation>Textlänge (Token)</translation>
    </message>
    <message>
        <source>Review next</source>
        <translation>Nächstes ansehen</translation>
    </message>
    <message>
        <source>Open the next example in the table&apos;s current order (sort by BLEU to review the worst first).</source>
        <translation>Das nächste Beispiel in der aktuellen Reihenfolge der Tabelle öffnen (nach BLEU sortieren, um die schlechtesten zuerst anzusehen).</translation>
    </message>
    <message>
        <source>Review previous</source>
        <translation>Vorheriges ansehen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
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
        <translation>Exakte Übereinstimmung</translation>
    </message>
    <message>
        <source>%1 m=%2</source>
        <translation>%1 m=%2</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>mean per %1-token length bucket</source>
        <translation>Mittel je Längenklasse von %1 Token</translation>
    </message>
    <message>
        <source>mean per length</source>
        <translation>Mittel je Länge</translation>
    </message>
    <message>
        <source>%1 against text length (%2)</source>
        <translation>%1 über der Textlänge (%2)</translation>
    </message>
    <message>
        <source>No examples yet.</source>
        <translation>Noch keine Beispiele.</translation>
    </message>
    <message>
        <source>%1: %2 (n = %3)</source>
        <translation>%1: %2 (n = %3)</translation>
    </message>
    <message>
        <source>Mean %1 — %2</source>
        <translation>Mittelwert %1 — %2</translation>
    </message>
    <message>
        <source>%v / %m examples</source>
        <translation>%v / %m Beispiele</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Wird ausgewertet …</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Table as CSV…</source>
        <translation>Tabelle als CSV …</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Table as JSON…</source>
        <translation>Tabelle als JSON …</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON-Datei (*.json)</translation>
    </message>
    <message>
        <source>This plot as PNG or PDF…</source>
        <translation>Dieses Diagramm als PNG oder PDF …</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>All plots as PNG and PDF…</source>
        <translation>Alle Diagramme als PNG und PDF …</translation>
    </message>
    <message>
        <source>Export all plots to</source>
        <translation>Alle Diagramme exportieren nach</translation>
    </message>
</context>
<context>
    <name>xcomp::DiffExport</name>
    <message>
        <source>Rendering %1 failed.</source>
        <translation>Darstellen von %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Regenerated</source>
        <translation>Regeneriert</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot;: use .html, .pdf or .png.</source>
        <translation>Unbekanntes Format „%1“: .html, .pdf oder .png verwenden.</translation>
    </message>
</context>
<context>
    <name>xcomp::DiffView</name>
    <message>
        <source>Original text</source>
        <translation>Originaltext</translation>
    </message>
    <message>
        <source>The text that was compressed into memory tokens. Words the regeneration lost are marked here in yellow italics.</source>
        <translation>Der Text, der in Speichertoken komprimiert wurde. Wörter, die bei der Regeneration verloren gingen, sind hier gelb und kursiv markiert.</translation>
    </message>
    <message>
        <source>Regenerated from the memory tokens</source>
        <translation>Aus den Speichertoken regeneriert</translation>
    </message>
    <message>
        <source>What the frozen language model wrote back when it saw only the memory tokens. Hover a coloured span to see what the original had there; click a word to link it.</source>
        <translation>Was das eingefrorene Sprachmodell zurückschrieb, als es nur die Speichertoken sah. Fahren Sie mit der Maus über einen farbigen Abschnitt, um zu sehen, was im Original stand; klicken Sie auf ein Wort, um es zu verknüpfen.</translation>
    </message>
    <message>
        <source>No text yet. The original appears here once a text has been compressed.</source>
        <translation>Noch kein Text. Das Original erscheint hier, sobald ein Text komprimiert wurde.</translation>
    </message>
    <message>
        <source>The regeneration appears here, every error coloured by its type.</source>
        <translation>Hier erscheint die Regeneration, jeder Fehler nach seiner Art eingefärbt.</translation>
    </message>
</context>
<context>
    <name>xcomp::ErrorLegend</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Spans of this kind in the text: %1</source>
        <translation>Abschnitte dieser Art im Text: %1</translation>
    </message>
    <message>
        <source>Click to jump to the next one.</source>
        <translation>Klicken, um zum nächsten zu springen.</translation>
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
        <translation>Gleich</translation>
    </message>
    <message>
        <source>Mistake</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Information loss</source>
        <translation>Informationsverlust</translation>
    </message>
    <message>
        <source>Hallucination</source>
        <translation>Halluzination</translation>
    </message>
    <message>
        <source>Paraphrase</source>
        <translation>Paraphrase</translation>
    </message>
    <message>
        <source>Text the regeneration reproduced exactly.</source>
        <translation>Text, den die Regeneration exakt wiedergegeben hat.</translation>
    </message>
    <message>
        <source>Words the regeneration got wrong: the original says something else at this place, and the meaning changes (a wrong name, number or word).</source>
        <translation>Wörter, die die Regeneration falsch wiedergegeben hat: Im Original steht an dieser Stelle etwas anderes, und die Bedeutung ändert sich (ein falscher Name, eine falsche Zahl oder ein falsches Wort).</translation>
    </message>
    <message>
        <source>Words of the original that the regeneration left out. The memory tokens did not keep them, so the decoder skipped them.</source>
        <translation>Wörter des Originals, die die Regeneration ausgelassen hat. Die Speichertoken haben sie nicht bewahrt, also hat der Decoder sie übersprungen.</translation>
    </message>
    <message>
        <source>Words the regeneration added that have no counterpart in the original. The decoder invented them, usually from what the language model finds likely.</source>
        <translation>Wörter, die die Regeneration hinzugefügt hat und die im Original kein Gegenstück haben. Der Decoder hat sie erfunden, meist aus dem, was das Sprachmodell für wahrscheinlich hält.</translation>
    </message>
    <message>
        <source>The same meaning in other words (a synonym, another word order). Not wrong in meaning, but it still lowers BLEU and exact match.</source>
        <translation>Dieselbe Bedeutung in anderen Worten (ein Synonym, eine andere Wortstellung). Inhaltlich nicht falsch, senkt aber trotzdem BLEU und die exakte Übereinstimmung.</translation>
    </message>
    <message>
        <source>Left unmarked.</source>
        <translation>Bleibt unmarkiert.</translation>
    </message>
    <message>
        <source>Marked in red on both sides.</source>
        <translation>Auf beiden Seiten rot markiert.</translation>
    </message>
    <message>
        <source>Marked yellow and italic in the original, the only place the lost words exist; a small amber marker shows where they are missing in the regeneration.</source>
        <translation>Im Original gelb und kursiv markiert, dem einzigen Ort, an dem die verlorenen Wörter stehen; eine kleine bernsteinfarbene Marke zeigt, wo sie in der Regeneration fehlen.</translation>
    </message>
    <message>
        <source>Marked in blue in the regeneration; a small blue marker shows where it was inserted relative to the original.</source>
        <translation>In der Regeneration blau markiert; eine kleine blaue Marke zeigt, wo der Text im Vergleich zum Original eingefügt wurde.</translation>
    </message>
    <message>
        <source>Marked in green on both sides.</source>
        <translation>Auf beiden Seiten grün markiert.</translation>
    </message>
    <message>
        <source>regenerated: (left out)</source>
        <translation>regeneriert: (ausgelassen)</translation>
    </message>
    <message>
        <source>regenerated: “%1”</source>
        <translation>regeneriert: „%1“</translation>
    </message>
    <message>
        <source>original: (nothing here; invented)</source>
        <translation>Original: (hier nichts; erfunden)</translation>
    </message>
    <message>
        <source>original: “%1”</source>
        <translation>Original: „%1“</translation>
    </message>
    <message>
        <source>Lost here: the regeneration skips these words.</source>
        <translation>Hier verloren: Die Regeneration überspringt diese Wörter.</translation>
    </message>
    <message>
        <source>Inserted here: the original has nothing at this place.</source>
        <translation>Hier eingefügt: Das Original hat an dieser Stelle nichts.</translation>
    </message>
</context>
<context>
    <name>xcomp::EvalTableModel</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
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
        <translation>Präfix-EM</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Verhältnis</translation>
    </message>
    <message>
        <source>Length of the source text in tokens.</source>
        <translation>Länge des Quelltexts in Token.</translation>
    </message>
    <message>
        <source>Spans of this type: %1</source>
        <translation>Abschnitte dieser Art: %1</translation>
    </message>
    <message>
        <source>Compressor</source>
        <translation>Kompressor</translation>
    </message>
    <message>
        <source>TF acc</source>
        <translation>TF-Gen.</translation>
    </message>
    <message>
        <source>Teacher-forced accuracy: the share of the original&apos;s tokens the decoder ranks first when it is given the original text before each one. EM lets it continue from its own words instead, so one early error fails EM while TF acc stays high.</source>
        <translation>Teacher-Forcing-Genauigkeit: der Anteil der Token des Originals, die der Decoder an erste Stelle setzt, wenn er vor jedem den Originaltext bekommt. Bei EM schreibt er mit seinen eigenen Wörtern weiter, daher lässt ein früher Fehler EM scheitern, während die TF-Genauigkeit hoch bleibt.</translation>
    </message>
</context>
<context>
    <name>xcomp::ExportButton</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Save what this view shows as a file</source>
        <translation>Speichert, was diese Ansicht zeigt, als Datei</translation>
    </message>
    <message>
        <source>There is no export &quot;%1&quot;.</source>
        <translation>Es gibt keinen Export „%1“.</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>Noch gibt es nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>xcomp::InterpolationPanel</name>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source>Spherical (slerp)</source>
        <translation>Sphärisch (Slerp)</translation>
    </message>
    <message>
        <source>Mixing:</source>
        <translation>Mischung:</translation>
    </message>
    <message>
        <source>BLEU curve</source>
        <translation>BLEU-Kurve</translation>
    </message>
    <message>
        <source>Regenerate at evenly spaced α in the background and plot how close each regeneration is to A and to B.</source>
        <translation>Im Hintergrund bei gleichmäßig verteilten α regenerieren und darstellen, wie nah jede Regeneration an A und an B liegt.</translation>
    </message>
    <message>
        <source>How close the regeneration is to A and to B</source>
        <translation>Wie nah die Regeneration an A und an B liegt</translation>
    </message>
    <message>
        <source>α (0 = A, 1 = B)</source>
        <translation>α (0 = A, 1 = B)</translation>
    </message>
    <message>
        <source>BLEU</source>
        <translation>BLEU</translation>
    </message>
    <message>
        <source>BLEU to A</source>
        <translation>BLEU zu A</translation>
    </message>
    <message>
        <source>BLEU to B</source>
        <translation>BLEU zu B</translation>
    </message>
    <message>
        <source>Click the plot to move α there.</source>
        <translation>Klicken Sie in das Diagramm, um α dorthin zu setzen.</translation>
    </message>
    <message>
        <source>α = %1</source>
        <translation>α = %1</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <source>A (α = 0)</source>
        <translation>A (α = 0)</translation>
    </message>
    <message>
        <source>A (α = 0): %1</source>
        <translation>A (α = 0): %1</translation>
    </message>
    <message>
        <source>B (α = 1)</source>
        <translation>B (α = 1)</translation>
    </message>
    <message>
        <source>B (α = 1): %1</source>
        <translation>B (α = 1): %1</translation>
    </message>
    <message>
        <source>Regeneration, differences from A</source>
        <translation>Regeneration, Unterschiede zu A</translation>
    </message>
    <message>
        <source>Regeneration, differences from B</source>
        <translation>Regeneration, Unterschiede zu B</translation>
    </message>
    <message>
        <source>Regeneration at α = %1, differences from A</source>
        <translation>Regeneration bei α = %1, Unterschiede zu A</translation>
    </message>
    <message>
        <source>Regeneration at α = %1, differences from B</source>
        <translation>Regeneration bei α = %1, Unterschiede zu B</translation>
    </message>
    <message>
        <source>The regeneration is closer to B than to A from α = %1 on.</source>
        <translation>Ab α = %1 liegt die Regeneration näher an B als an A.</translation>
    </message>
    <message>
        <source>Spherical mixing, %1 points.</source>
        <translation>Sphärische Mischung, %1 Punkte.</translation>
    </message>
    <message>
        <source>Linear mixing, %1 points.</source>
        <translation>Lineare Mischung, %1 Punkte.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Stop the sweep</source>
        <translation>Den Durchlauf anhalten</translation>
    </message>
    <message>
        <source>Sweep α from A to B</source>
        <translation>α von A nach B durchlaufen</translation>
    </message>
    <message>
        <source>Press “BLEU curve” to regenerate at evenly spaced α and plot BLEU against A and B. A smooth crossing means the compressed space blends the two texts; a sharp step means it snaps from one to the other.</source>
        <translation>Drücken Sie „BLEU-Kurve“, um bei gleichmäßig verteilten α zu regenerieren und BLEU gegenüber A und B darzustellen. Ein sanfter Übergang bedeutet, dass der komprimierte Raum die beiden Texte mischt; eine scharfe Stufe bedeutet, dass er von einem zum anderen springt.</translation>
    </message>
    <message>
        <source>α = %1: the first words (coloured when the slider stops)</source>
        <translation>α = %1: die ersten Wörter (farbig, sobald der Regler stillsteht)</translation>
    </message>
</context>
<context>
    <name>xcomp::LatentMapView</name>
    <message>
        <source>%1: BLEU %2. Click to open its regeneration.</source>
        <translation>%1: BLEU %2. Klicken, um die Regenerierung zu öffnen.</translation>
    </message>
    <message>
        <source>BLEU %1–%2</source>
        <translation>BLEU %1–%2</translation>
    </message>
    <message>
        <source>principal component 1 (%1% of the variance)</source>
        <translation>Hauptkomponente 1 (%1 % der Varianz)</translation>
    </message>
    <message>
        <source>component 2 (%1%)</source>
        <translation>Komponente 2 (%1 %)</translation>
    </message>
    <message>
        <source>Latent map (run a batch evaluation)</source>
        <translation>Latente Karte (Batch-Auswertung ausführen)</translation>
    </message>
    <message numerus="yes">
        <source>Latent map of %1: %n text(s)</source>
        <translation>
            <numerusform>Latente Karte von %1: %n Text</numerusform>
            <numerusform>Latente Karte von %1: %n Texte</numerusform>
        </translation>
    </message>
    <message>
        <source>;;CSV table (*.csv)</source>
        <translation>;;CSV-Tabelle (*.csv)</translation>
    </message>
</context>
<context>
    <name>xcomp::MemoryImportancePlot</name>
    <message>
        <source>Memory token m%1: dropping it raises the loss from %2 to %3 nats per token (%4). Click to select it in the attention view.</source>
        <translation>Speichertoken m%1: Weglassen erhöht den Verlust von %2 auf %3 Nats pro Token (%4). Klicken, um es in der Aufmerksamkeitsansicht auszuwählen.</translation>
    </message>
    <message>
        <source>memory token</source>
        <translation>Speichertoken</translation>
    </message>
    <message>
        <source>Memory-token importance (run an ablation)</source>
        <translation>Wichtigkeit der Speichertoken (Ablation ausführen)</translation>
    </message>
    <message>
        <source>Memory-token importance (loss %1 nats/token with all)</source>
        <translation>Wichtigkeit der Speichertoken (Verlust mit allen: %1 Nats/Token)</translation>
    </message>
    <message>
        <source>;;CSV table (*.csv);;JSON (*.json)</source>
        <translation>;;CSV-Tabelle (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Δ loss (nats/token)</source>
        <translation>Δ Verlust (Nats/Token)</translation>
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
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
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
        <translation>Exakte Übereinstimmung</translation>
    </message>
    <message>
        <source>Prefix EM</source>
        <translation>Präfix-EM</translation>
    </message>
    <message>
        <source>Prefix exact match</source>
        <translation>Exakte Präfix-Übereinstimmung</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>Kompression</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Memory: prompt vs KV cache</source>
        <translation>Speicher: Prompt vs. KV-Cache</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 → %2 tokens (%3×)</source>
        <translation>%1 → %2 Token (%3×)</translation>
    </message>
    <message>
        <source>%1 tokens → 1 memory token (%2×)</source>
        <translation>%1 Token → 1 Speichertoken (%2×)</translation>
    </message>
    <message>
        <source>%1 tokens → %2 memory tokens (%3×)</source>
        <translation>%1 Token → %2 Speichertoken (%3×)</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 vs. %2</translation>
    </message>
    <message>
        <source>%1 vs %2 (%3× smaller)</source>
        <translation>%1 vs. %2 (%3× kleiner)</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>compress %1 · regenerate %2</source>
        <translation>komprimieren %1 · regenerieren %2</translation>
    </message>
    <message>
        <source>BLEU: how many of the regeneration&apos;s word sequences (1 to 4 words long) also occur in the original, with a penalty when the regeneration is too short. 1 means identical, 0 means nothing in common. Word order matters, so a paraphrase lowers it even when the meaning is kept.</source>
        <translation>BLEU: wie viele Wortfolgen der Regeneration (1 bis 4 Wörter lang) auch im Original vorkommen, mit einem Abzug, wenn die Regeneration zu kurz ist. 1 bedeutet identisch, 0 bedeutet nichts gemeinsam. Die Wortstellung zählt, daher senkt eine Paraphrase den Wert, auch wenn die Bedeutung erhalten bleibt.</translation>
    </message>
    <message>
        <source>ROUGE-L F: built on the longest common subsequence, the longest chain of words that appears in both texts in the same order (gaps allowed). Recall is how much of the original that chain covers, precision how much of the regeneration; F balances the two. 1 means identical.</source>
        <translation>ROUGE-L F: beruht auf der längsten gemeinsamen Teilfolge, der längsten Kette von Wörtern, die in beiden Texten in derselben Reihenfolge vorkommt (Lücken erlaubt). Recall gibt an, wie viel des Originals diese Kette abdeckt, Precision, wie viel der Regeneration; F gleicht beide aus. 1 bedeutet identisch.</translation>
    </message>
    <message>
        <source>Exact match: yes only when the regeneration reproduces the original character for character. A single wrong word makes it no.</source>
        <translation>Exakte Übereinstimmung: nur dann ja, wenn die Regeneration das Original Zeichen für Zeichen wiedergibt. Ein einziges falsches Wort macht daraus nein.</translation>
    </message>
    <message>
        <source>Prefix exact match: the share of the original reproduced exactly before the first error. It shows how far the decoder gets before it goes off track; errors tend to snowball, because every word is generated from the ones before.</source>
        <translation>Exakte Präfix-Übereinstimmung: der Anteil des Originals, der vor dem ersten Fehler exakt wiedergegeben wird. Er zeigt, wie weit der Decoder kommt, bevor er vom Weg abkommt; Fehler ziehen oft weitere nach sich, weil jedes Wort aus den vorherigen erzeugt wird.</translation>
    </message>
    <message>
        <source>Compression: the source text&apos;s tokens divided by the memory tokens the compressor squeezed it into. The frozen language model sees only the memory tokens when it regenerates the text.</source>
        <translation>Kompression: die Token des Quelltexts geteilt durch die Speichertoken, in die der Kompressor ihn gepresst hat. Das eingefrorene Sprachmodell sieht beim Regenerieren nur die Speichertoken.</translation>
    </message>
    <message>
        <source>%1 source tokens, %2 memory tokens.</source>
        <translation>%1 Quelltoken, %2 Speichertoken.</translation>
    </message>
    <message>
        <source>Memory: the size of the compressed prompt (what must be stored or sent instead of the text) compared with the key/value cache the decoder would hold for the full text. This is the saving compression buys.</source>
        <translation>Speicher: die Größe des komprimierten Prompts (was statt des Texts gespeichert oder übertragen werden muss) im Vergleich zum Key/Value-Cache, den der Decoder für den vollständigen Text halten würde. Das ist die Ersparnis, die Kompression bringt.</translation>
    </message>
    <message>
        <source>Compressed prompt: %1 bytes. KV cache of the full text: %2 bytes.</source>
        <translation>Komprimierter Prompt: %1 Bytes. KV-Cache des vollständigen Texts: %2 Bytes.</translation>
    </message>
    <message>
        <source>Time: how long the compressor took to turn the text into memory tokens, and how long the frozen language model took to regenerate the text from them (token by token, so it grows with the length of the text).</source>
        <translation>Zeit: wie lange der Kompressor brauchte, um den Text in Speichertoken zu verwandeln, und wie lange das eingefrorene Sprachmodell brauchte, um den Text daraus zu regenerieren (Token für Token, daher wächst sie mit der Länge des Texts).</translation>
    </message>
    <message>
        <source>⚠ %1 tokens: longer than the %2 tokens this compressor takes at once, so it is cut into chunks of at most %3 tokens at sentence ends.</source>
        <translation>⚠ %1 Token: länger als die %2 Token, die dieser Kompressor auf einmal nimmt; der Text wird darum an Satzenden in Abschnitte von höchstens %3 Token geschnitten.</translation>
    </message>
    <message>
        <source>⚠ %1 tokens: outside the %2 to %3 tokens this compressor was trained on, so expect a weaker regeneration.</source>
        <translation>⚠ %1 Token: außerhalb der %2 bis %3 Token, auf die dieser Kompressor trainiert wurde; rechnen Sie mit einer schwächeren Regeneration.</translation>
    </message>
    <message>
        <source>TF acc</source>
        <translation>TF-Gen.</translation>
    </message>
    <message>
        <source>Teacher-forced accuracy</source>
        <translation>Teacher-Forcing-Genauigkeit</translation>
    </message>
    <message>
        <source>Teacher-forced accuracy: at every position the decoder is given the original text up to there and asked for the next token; this is the share of positions where its first choice is the original token. Exact match instead lets the decoder continue from its own words, so one early wrong word can derail everything after it: a regeneration can fail exact match and still score 95% here. The strip below the diff shows each token&apos;s probability.</source>
        <translation>Teacher-Forcing-Genauigkeit: An jeder Stelle bekommt der Decoder den Originaltext bis dorthin und soll das nächste Token nennen; das ist der Anteil der Stellen, an denen seine erste Wahl das Token des Originals ist. Die exakte Übereinstimmung lässt den Decoder dagegen mit seinen eigenen Wörtern weiterschreiben, sodass ein früher falscher Wortlaut alles Folgende entgleisen lassen kann: Eine Regenerierung kann die exakte Übereinstimmung verfehlen und hier trotzdem 95 % erreichen. Der Streifen unter dem Diff zeigt die Wahrscheinlichkeit jedes Tokens.</translation>
    </message>
</context>
<context>
    <name>xcomp::PlotExport</name>
    <message>
        <source>No file name given.</source>
        <translation>Kein Dateiname angegeben.</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation>Ein temporäres Verzeichnis kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Rendering the plot to %1 failed.</source>
        <translation>Das Zeichnen des Diagramms nach %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Rendering the plot to %1 produced no data.</source>
        <translation>Das Zeichnen des Diagramms nach %1 hat keine Daten erzeugt.</translation>
    </message>
    <message>
        <source>There is no plot to export.</source>
        <translation>Es gibt kein Diagramm zum Exportieren.</translation>
    </message>
    <message>
        <source>Unknown image format &quot;%1&quot;: use .png or .pdf.</source>
        <translation>Unbekanntes Bildformat „%1“: Verwenden Sie .png oder .pdf.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>xcomp::TeachingText</name>
    <message>
        <source>Memory tokens</source>
        <translation>Speichertoken</translation>
    </message>
    <message>
        <source>KV values</source>
        <translation>KV-Werte</translation>
    </message>
    <message>
        <source>Compression ratio</source>
        <translation>Kompressionsverhältnis</translation>
    </message>
    <message>
        <source>Attention on memory</source>
        <translation>Aufmerksamkeit auf den Speicher</translation>
    </message>
    <message>
        <source>What each memory token reads</source>
        <translation>Was jedes Speichertoken liest</translation>
    </message>
    <message>
        <source>Interpolating compressed prompts</source>
        <translation>Interpolation komprimierter Prompts</translation>
    </message>
    <message>
        <source>Regeneration metrics</source>
        <translation>Regenerationsmetriken</translation>
    </message>
    <message>
        <source>Error types</source>
        <translation>Fehlerarten</translation>
    </message>
    <message>
        <source>The compressor reads the whole text and writes its content into a few extra positions, the memory tokens (m of them). Afterwards the text itself is thrown away: the frozen decoder only sees the memory tokens and has to regenerate the text from them.</source>
        <translation>Der Kompressor liest den ganzen Text und schreibt seinen Inhalt in einige zusätzliche Positionen, die Speichertoken (m Stück). Danach wird der Text selbst verworfen: Der eingefrorene Decoder sieht nur noch die Speichertoken und muss den Text daraus regenerieren.</translation>
    </message>
    <message>
        <source>Inside every layer, attention looks up keys (K) and values (V). The compressed prompt is the K and V of the memory tokens in every layer, so the decoder can attend to them exactly as if they were cached tokens of an earlier prompt. Keeping K and V per layer (500xCompressor) carries more than a single input embedding per token (ICAE).</source>
        <translation>In jeder Schicht schlägt die Aufmerksamkeit Schlüssel (K) und Werte (V) nach. Der komprimierte Prompt besteht aus K und V der Speichertoken in jeder Schicht, sodass der Decoder sie genau so beachten kann, als wären es zwischengespeicherte Token eines früheren Prompts. K und V pro Schicht (500xCompressor) tragen mehr als ein einzelnes Eingabe-Embedding pro Token (ICAE).</translation>
    </message>
    <message>
        <source>Compression ratio = source tokens / memory tokens. 480 tokens squeezed into 4 memory tokens is a ratio of 120. In bytes, compare the compressed prompt with the KV cache the full text would have needed.</source>
        <translation>Kompressionsverhältnis = Quelltoken / Speichertoken. 480 Token in 4 Speichertoken gepresst ergeben ein Verhältnis von 120. In Bytes vergleicht man den komprimierten Prompt mit dem KV-Cache, den der vollständige Text gebraucht hätte.</translation>
    </message>
    <message>
        <source>While regenerating, each new token spreads its attention (weights that sum to 1) over the memory tokens and the text generated so far. The share that lands on the memory shows how much the decoder still reads the compressed prompt; it usually falls as the regenerated text itself becomes the better context.</source>
        <translation>Beim Regenerieren verteilt jedes neue Token seine Aufmerksamkeit (Gewichte, die sich zu 1 summieren) auf die Speichertoken und den bisher erzeugten Text. Der Anteil, der auf den Speicher fällt, zeigt, wie stark der Decoder den komprimierten Prompt noch liest; er sinkt meist, weil der regenerierte Text selbst zum besseren Kontext wird.</translation>
    </message>
    <message>
        <source>During compression each memory token attends to the source tokens. The source words a memory token weights most are a hint of what it stores, though attention is not a full explanation: content also mixes across layers.</source>
        <translation>Bei der Kompression beachtet jedes Speichertoken die Quelltoken. Die Quellwörter, die ein Speichertoken am stärksten gewichtet, geben einen Hinweis darauf, was es speichert; Aufmerksamkeit ist aber keine vollständige Erklärung, denn Inhalte vermischen sich auch über die Schichten hinweg.</translation>
    </message>
    <message>
        <source>BLEU counts shared word n-grams (1 to 4) between the original and the regeneration; ROUGE-L F uses the longest common subsequence; exact match (EM) is 1 only for an identical text; prefix EM is the share of the original reproduced before the first mistake.</source>
        <translation>BLEU zählt gemeinsame Wort-n-Gramme (1 bis 4) von Original und Regeneration; ROUGE-L F verwendet die längste gemeinsame Teilfolge; die exakte Übereinstimmung (EM) ist nur bei identischem Text 1; Präfix-EM ist der Anteil des Originals, der vor dem ersten Fehler wiedergegeben wird.</translation>
    </message>
    <message>
        <source>Mistake: a word replaced by a wrong one. Information loss: original text missing from the regeneration. Hallucination: text that was never in the original. Paraphrase: different words with the same meaning.</source>
        <translation>Fehler: ein Wort, das durch ein falsches ersetzt wurde. Informationsverlust: Text des Originals, der in der Regeneration fehlt. Halluzination: Text, der nie im Original stand. Paraphrase: andere Wörter mit derselben Bedeutung.</translation>
    </message>
    <message>
        <source>Two texts A and B are compressed, and their memory KV values are mixed: linearly, (1 - α)·A + α·B, or spherically along the arc between them (slerp), which keeps the vectors&apos; length. Watching the regeneration as α goes from 0 to 1 shows whether the compressed space is smooth or jumps from one text to the other.</source>
        <translation>Zwei Texte A und B werden komprimiert, und ihre KV-Werte im Speicher werden gemischt: linear, (1 - α)·A + α·B, oder sphärisch entlang des Bogens zwischen ihnen (Slerp), wobei die Länge der Vektoren erhalten bleibt. Wenn man die Regeneration beobachtet, während α von 0 nach 1 läuft, sieht man, ob der komprimierte Raum glatt ist oder von einem Text zum anderen springt.</translation>
    </message>
    <message>
        <source>Per-token evidence</source>
        <translation>Belege pro Token</translation>
    </message>
    <message>
        <source>Optimised memory: the upper bound</source>
        <translation>Optimierter Speicher: die obere Schranke</translation>
    </message>
    <message>
        <source>Memory-token ablation</source>
        <translation>Ablation von Speichertoken</translation>
    </message>
    <message>
        <source>Teacher forcing: at every position the decoder is shown the original text up to there and asked for the next token. Each token is shaded by the probability the decoder gives the right one (green: sure, red: it expected something else), and underlined when the right token was not its first choice. Teacher-forced accuracy counts the first choices. It is not exact match: when the decoder writes the text on its own (greedy decoding), one wrong word becomes part of its context and can derail everything after it; the triangle marks where that first happens.</source>
        <translation>Teacher Forcing: An jeder Stelle sieht der Decoder den Originaltext bis dorthin und soll das nächste Token nennen. Jedes Token ist nach der Wahrscheinlichkeit eingefärbt, die der Decoder dem richtigen gibt (grün: sicher, rot: er erwartete etwas anderes), und unterstrichen, wenn das richtige Token nicht seine erste Wahl war. Die Teacher-Forcing-Genauigkeit zählt die ersten Wahlen. Sie ist nicht die exakte Übereinstimmung: Schreibt der Decoder den Text selbst (Greedy-Decodierung), wird ein falsches Wort Teil seines Kontexts und kann alles Folgende entgleisen lassen; das Dreieck markiert, wo das zuerst geschieht.</translation>
    </message>
    <message>
        <source>A trained compressor has to work for every text. Optimised memory skips the compressor: for this one text, the m memory tokens&apos; values are adjusted by gradient descent, hundreds of small steps, until the frozen decoder regenerates the text exactly or the step budget is spent. It shows what m memory tokens can hold for this text at best, so the gap to a trained compressor is what that compressor still leaves on the table.</source>
        <translation>Ein trainierter Kompressor muss für jeden Text funktionieren. Optimierter Speicher überspringt den Kompressor: Für diesen einen Text werden die Werte der m Speichertoken per Gradientenabstieg in Hunderten kleiner Schritte angepasst, bis der eingefrorene Decoder den Text exakt regeneriert oder das Schrittbudget aufgebraucht ist. So sieht man, was m Speichertoken für diesen Text bestenfalls fassen können; der Abstand zu einem trainierten Kompressor ist das, was dieser noch verschenkt.</translation>
    </message>
    <message>
        <source>To find out what one memory token carries, take it away and look at what changes. Drop hides it from the decoder, zero sets its keys and values to 0, replace swaps in the same memory token of another compressed prompt. The bars show each memory token&apos;s importance: how much worse the decoder predicts the original (the loss, in nats per token) when that token is dropped.</source>
        <translation>Um herauszufinden, was ein Speichertoken trägt, nimmt man es weg und sieht, was sich ändert. Weglassen verbirgt es vor dem Decoder, Nullsetzen setzt seine Schlüssel und Werte auf 0, Ersetzen tauscht das gleiche Speichertoken eines anderen komprimierten Prompts ein. Die Balken zeigen die Wichtigkeit jedes Speichertokens: wie viel schlechter der Decoder das Original vorhersagt (der Verlust in Nats pro Token), wenn dieses Token weggelassen wird.</translation>
    </message>
    <message>
        <source>The latent map</source>
        <translation>Die latente Karte</translation>
    </message>
    <message>
        <source>A compressed prompt is a long list of numbers, one point in a space with thousands of dimensions. Principal component analysis finds the two directions in which the batch&apos;s prompts differ most and draws every text there. Texts whose points lie close together were compressed alike; if the red (badly regenerated) points gather in one corner, the compressor struggles with one kind of text. The axes have no meaning of their own.</source>
        <translation>Ein komprimierter Prompt ist eine lange Zahlenliste, ein Punkt in einem Raum mit Tausenden von Dimensionen. Die Hauptkomponentenanalyse findet die zwei Richtungen, in denen sich die Prompts des Batches am stärksten unterscheiden, und zeichnet jeden Text dort ein. Texte mit nahe beieinanderliegenden Punkten wurden ähnlich komprimiert; sammeln sich die roten (schlecht regenerierten) Punkte in einer Ecke, tut sich der Kompressor mit einer Art von Text schwer. Die Achsen haben keine eigene Bedeutung.</translation>
    </message>
    <message>
        <source>Long texts in chunks</source>
        <translation>Lange Texte in Abschnitten</translation>
    </message>
    <message>
        <source>A compressor learned to squeeze texts of a certain length, and a longer text does not fit. So the text is cut into chunks at sentence ends, each short enough, and every chunk gets its own m memory tokens, like pages of a book each summarised on its own card. The decoder rewrites each chunk from its own card, and the chunks put together give the whole text back. It can also be handed all the cards at once and asked for the whole text in one go (&quot;read together&quot;); this decoder never practised that, so compare the two and see how much worse it does. All the cards and the text must also fit the decoder&apos;s context, which is checked first. Above the scores, choose the whole text, the reading together or one chunk; in the bar beside it each chunk is green when it came back well and red when it did not. You can choose how long the chunks may be (“Chunks of at most”, top right): shorter chunks mean more cards for the same text, so each page comes back more faithfully but the text is compressed less.</source>
        <translation>Ein Kompressor hat gelernt, Texte einer bestimmten Länge zusammenzudrücken, und ein längerer Text passt nicht hinein. Darum wird der Text an Satzenden in Abschnitte geschnitten, jeder kurz genug, und jeder Abschnitt bekommt seine eigenen m Speichertoken, wie die Seiten eines Buches, die jede auf einer eigenen Karteikarte zusammengefasst werden. Der Decoder schreibt jeden Abschnitt aus seiner eigenen Karte neu, und die Abschnitte zusammen ergeben wieder den ganzen Text. Man kann ihm auch alle Karten auf einmal geben und den ganzen Text in einem Zug verlangen („zusammen gelesen“); das hat dieser Decoder nie geübt, vergleichen Sie also beides und sehen Sie, wie viel schlechter es geht. Alle Karten und der Text müssen außerdem in den Kontext des Decoders passen; das wird zuerst geprüft. Über den Kennzahlen wählen Sie den ganzen Text, das gemeinsame Lesen oder einen Abschnitt; im Balken daneben ist jeder Abschnitt grün, wenn er gut zurückkam, und rot, wenn nicht. Wie lang die Abschnitte höchstens sein dürfen, können Sie selbst wählen („Abschnitte von höchstens“, oben rechts): Kürzere Abschnitte bedeuten mehr Karten für denselben Text, jede Seite kommt getreuer zurück, aber der Text wird weniger komprimiert.</translation>
    </message>
</context>
<context>
    <name>xcomp::TokenEvidenceView</name>
    <message>
        <source>Per-token evidence</source>
        <translation>Belege pro Token</translation>
    </message>
    <message>
        <source>Token %1: “%2”</source>
        <translation>Token %1: „%2“</translation>
    </message>
    <message>
        <source>Probability %1 · rank %2 · entropy %3 nats</source>
        <translation>Wahrscheinlichkeit %1 · Rang %2 · Entropie %3 Nats</translation>
    </message>
    <message>
        <source>The decoder&apos;s first choice here, given the original text before it.</source>
        <translation>Hier die erste Wahl des Decoders, wenn er den Originaltext davor bekommt.</translation>
    </message>
    <message numerus="yes">
        <source>The decoder preferred %n other token(s) here, given the original text before it.</source>
        <translation>
            <numerusform>Der Decoder zog hier %n anderes Token vor, wenn er den Originaltext davor bekommt.</numerusform>
            <numerusform>Der Decoder zog hier %n andere Token vor, wenn er den Originaltext davor bekommt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Greedy decoding first leaves the original here; every later word is generated from that mistake.</source>
        <translation>Hier weicht die Greedy-Decodierung zuerst vom Original ab; jedes spätere Wort wird aus diesem Fehler heraus erzeugt.</translation>
    </message>
    <message>
        <source>No per-token evidence for this result.</source>
        <translation>Für dieses Ergebnis gibt es keine Belege pro Token.</translation>
    </message>
    <message>
        <source>Teacher-forced accuracy %1%</source>
        <translation>Teacher-Forcing-Genauigkeit %1 %</translation>
    </message>
    <message>
        <source>%1 · greedy decoding reproduces the original exactly</source>
        <translation>%1 · die Greedy-Decodierung gibt das Original exakt wieder</translation>
    </message>
    <message>
        <source>%1 · greedy decoding leaves the original at token %2 (“%3”)</source>
        <translation>%1 · die Greedy-Decodierung weicht bei Token %2 („%3“) vom Original ab</translation>
    </message>
    <message>
        <source>⟨end⟩</source>
        <translation>⟨Ende⟩</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::AblationPage</name>
    <message>
        <source>Drop (hide it from the decoder)</source>
        <translation>Weglassen (vor dem Decoder verbergen)</translation>
    </message>
    <message>
        <source>Zero (keys and values set to 0)</source>
        <translation>Nullsetzen (Schlüssel und Werte auf 0)</translation>
    </message>
    <message>
        <source>Replace (take it from another text)</source>
        <translation>Ersetzen (aus einem anderen Text nehmen)</translation>
    </message>
    <message>
        <source>The memory token to ablate (m1 is the first).</source>
        <translation>Das Speichertoken für die Ablation (m1 ist das erste).</translation>
    </message>
    <message>
        <source>&amp;Memory token:</source>
        <translation>&amp;Speichertoken:</translation>
    </message>
    <message>
        <source>M&amp;ode:</source>
        <translation>M&amp;odus:</translation>
    </message>
    <message>
        <source>&amp;Second text (replace takes memory token k of its compressed prompt):</source>
        <translation>&amp;Zweiter Text (Ersetzen nimmt Speichertoken k seines komprimierten Prompts):</translation>
    </message>
    <message>
        <source>Type or paste a second text for Replace</source>
        <translation>Zweiten Text für Ersetzen eingeben oder einfügen</translation>
    </message>
    <message>
        <source>Run ablation</source>
        <translation>Ablation ausführen</translation>
    </message>
    <message>
        <source>Compress the text on the left, regenerate it with and without the chosen memory token, and measure every memory token&apos;s importance.</source>
        <translation>Den Text links komprimieren, mit und ohne das gewählte Speichertoken regenerieren und die Wichtigkeit jedes Speichertokens messen.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the importance chart (PNG, PDF) or its numbers (CSV, JSON)</source>
        <translation>Das Wichtigkeitsdiagramm (PNG, PDF) oder seine Zahlen (CSV, JSON) speichern</translation>
    </message>
    <message>
        <source>Replace needs a second text: its compressed prompt lends memory token m%1.</source>
        <translation>Ersetzen braucht einen zweiten Text: Sein komprimierter Prompt leiht Speichertoken m%1.</translation>
    </message>
    <message>
        <source>Ablating memory token m%1 of %2…</source>
        <translation>Ablation von Speichertoken m%1 von %2…</translation>
    </message>
    <message>
        <source>%1 zeroed</source>
        <translation>%1 auf null gesetzt</translation>
    </message>
    <message>
        <source>%1 replaced by the second text&apos;s</source>
        <translation>%1 durch das des zweiten Textes ersetzt</translation>
    </message>
    <message>
        <source>%1 dropped</source>
        <translation>%1 weggelassen</translation>
    </message>
    <message>
        <source>%1, %2: BLEU against the original %3. With every memory token the decoder&apos;s loss is %4 nats per token; dropping %5 adds %6.</source>
        <translation>%1, %2: BLEU gegenüber dem Original %3. Mit allen Speichertoken beträgt der Verlust des Decoders %4 Nats pro Token; Weglassen von %5 erhöht ihn um %6.</translation>
    </message>
    <message>
        <source>The most important memory token is m%1.</source>
        <translation>Das wichtigste Speichertoken ist m%1.</translation>
    </message>
    <message>
        <source>(cancelled: partial)</source>
        <translation>(abgebrochen: unvollständig)</translation>
    </message>
    <message>
        <source>Left: the regeneration from every memory token. Right: with %1. Coloured: what changed.</source>
        <translation>Links: die Regenerierung aus allen Speichertoken. Rechts: mit %1. Farbig: was sich geändert hat.</translation>
    </message>
    <message>
        <source>Choose a memory token and a way to ablate it, then Run ablation. The chart shows how much every memory token matters for the text on the left.</source>
        <translation>Wählen Sie ein Speichertoken und eine Art der Ablation, dann Ablation ausführen. Das Diagramm zeigt, wie viel jedes Speichertoken für den Text links zählt.</translation>
    </message>
    <message>
        <source>There is no ablation to export.</source>
        <translation>Es gibt keine Ablation zum Exportieren.</translation>
    </message>
    <message>
        <source>Export the ablation</source>
        <translation>Die Ablation exportieren</translation>
    </message>
    <message>
        <source>Ablation written to %1</source>
        <translation>Ablation nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Weglassen</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>Nullsetzen</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>All memory tokens</source>
        <translation>Alle Speichertoken</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>Mit %1</translation>
    </message>
    <message>
        <source>One memory token ablated</source>
        <translation>Ein Speichertoken ablatiert</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::AttentionPage</name>
    <message>
        <source>Heads of the selected words as PNG, CSV or JSON…</source>
        <translation>Köpfe der ausgewählten Wörter als PNG, CSV oder JSON…</translation>
    </message>
    <message>
        <source>Export the heads</source>
        <translation>Köpfe exportieren</translation>
    </message>
    <message>
        <source>Capture attention during Compress &amp;&amp; Regenerate</source>
        <translation>Aufmerksamkeit bei „Komprimieren &amp;&amp; Regenerieren“ aufzeichnen</translation>
    </message>
    <message>
        <source>No attention captured yet. Run Compress &amp; Regenerate with &quot;Capture attention&quot; on to see which memory tokens the decoder reads for every regenerated token, and which source words each memory token reads.</source>
        <translation>Noch keine Aufmerksamkeit aufgezeichnet. Führen Sie „Komprimieren &amp; Regenerieren“ mit eingeschalteter Aufzeichnung aus, um zu sehen, welche Speichertoken der Decoder für jedes regenerierte Token liest und welche Quellwörter jedes Speichertoken liest.</translation>
    </message>
    <message>
        <source>Decoder heatmap as PNG or PDF…</source>
        <translation>Decoder-Heatmap als PNG oder PDF…</translation>
    </message>
    <message>
        <source>Attention on the memory as PNG or PDF…</source>
        <translation>Aufmerksamkeit auf dem Speicher als PNG oder PDF…</translation>
    </message>
    <message>
        <source>Encoder heatmap as PNG or PDF…</source>
        <translation>Encoder-Heatmap als PNG oder PDF…</translation>
    </message>
    <message>
        <source>All attention plots as PNG and PDF…</source>
        <translation>Alle Aufmerksamkeitsdiagramme als PNG und PDF…</translation>
    </message>
    <message>
        <source>Export all attention plots to</source>
        <translation>Alle Aufmerksamkeitsdiagramme exportieren nach</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::BatchPage</name>
    <message>
        <source>Open dataset…</source>
        <translation>Datensatz öffnen …</translation>
    </message>
    <message>
        <source>A JSON Lines file: one example per line with an &quot;abstract&quot;, &quot;text&quot; or &quot;context&quot; field, optionally &quot;question&quot; and &quot;answers&quot;.</source>
        <translation>Eine JSON-Lines-Datei: ein Beispiel pro Zeile mit einem Feld „abstract“, „text“ oder „context“, optional „question“ und „answers“.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Evaluate only the first examples (0: all).</source>
        <translation>Nur die ersten Beispiele auswerten (0: alle).</translation>
    </message>
    <message>
        <source>Chosen compressor</source>
        <translation>Gewählter Kompressor</translation>
    </message>
    <message>
        <source>All compressors</source>
        <translation>Alle Kompressoren</translation>
    </message>
    <message>
        <source>Run batch</source>
        <translation>Stapel ausführen</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>Beispiele:</translation>
    </message>
    <message>
        <source>%1 holds no usable example.</source>
        <translation>%1 enthält kein brauchbares Beispiel.</translation>
    </message>
    <message>
        <source>No dataset open.</source>
        <translation>Kein Datensatz geöffnet.</translation>
    </message>
    <message>
        <source>built-in sample</source>
        <translation>mitgeliefertes Beispiel</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n example(s)</source>
        <translation>
            <numerusform>%1: %n Beispiel</numerusform>
            <numerusform>%1: %n Beispiele</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n with a question</source>
        <translation>
            <numerusform>, %n mit einer Frage</numerusform>
            <numerusform>, %n mit einer Frage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Question answering over %n example(s): compressed prompt F1 %1 / EM %2 — full text F1 %3 / EM %4</source>
        <translation>
            <numerusform>Fragebeantwortung über %n Beispiel: komprimierter Prompt F1 %1 / EM %2 — vollständiger Text F1 %3 / EM %4</numerusform>
            <numerusform>Fragebeantwortung über %n Beispiele: komprimierter Prompt F1 %1 / EM %2 — vollständiger Text F1 %3 / EM %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Run the rest of the cancelled batch; the rows it finished stay.</source>
        <translation>Den Rest des abgebrochenen Stapels ausführen; die fertigen Zeilen bleiben.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more skipped example(s))</source>
        <translation>
            <numerusform>%1 (und %n weiteres übersprungenes Beispiel)</numerusform>
            <numerusform>%1 (und %n weitere übersprungene Beispiele)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch evaluation cancelled after %n example(s).</source>
        <translation>
            <numerusform>Stapelauswertung nach %n Beispiel abgebrochen.</numerusform>
            <numerusform>Stapelauswertung nach %n Beispielen abgebrochen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a dataset first (File ▸ Open Dataset…).</source>
        <translation>Öffnen Sie zuerst einen Datensatz (Datei ▸ Datensatz öffnen …).</translation>
    </message>
    <message>
        <source>There is no cancelled batch to resume.</source>
        <translation>Es gibt keinen abgebrochenen Stapel zum Fortsetzen.</translation>
    </message>
    <message>
        <source>The cancelled batch used %1, which this model does not have; run it again.</source>
        <translation>Der abgebrochene Stapel verwendete %1, das dieses Modell nicht hat; führen Sie ihn neu aus.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) skipped. First: %1</source>
        <translation>
            <numerusform>%n Zeile übersprungen. Erste: %1</numerusform>
            <numerusform>%n Zeilen übersprungen. Erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>unter einer Minute</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n Auftrag</numerusform>
            <numerusform>%n Aufträge</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, about %2</source>
        <translation>%1, etwa %2</translation>
    </message>
    <message>
        <source>%1 (time known after the first regeneration)</source>
        <translation>%1 (Dauer bekannt nach der ersten Regeneration)</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Latent map</source>
        <translation>Latente Karte</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::ComparePage</name>
    <message>
        <source>Compressors to compare:</source>
        <translation>Zu vergleichende Kompressoren:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Run comparison</source>
        <translation>Vergleich ausführen</translation>
    </message>
    <message>
        <source>Compress the text on the left with every checked compressor and regenerate it.</source>
        <translation>Den Text links mit jedem angehakten Kompressor komprimieren und regenerieren.</translation>
    </message>
    <message>
        <source>Each column shows one compressor&apos;s regeneration, coloured by error type. Click a column to mark what it lost in the original.</source>
        <translation>Jede Spalte zeigt die Regeneration eines Kompressors, nach Fehlerart eingefärbt. Klicken Sie auf eine Spalte, um im Original zu markieren, was dabei verloren ging.</translation>
    </message>
    <message>
        <source>%1: %2 memory tokens, up to %3 source tokens%4</source>
        <translation>%1: %2 Speichertoken, bis zu %3 Quelltoken%4</translation>
    </message>
    <message>
        <source>, fine-tuned for question answering</source>
        <translation>, für Fragebeantwortung nachtrainiert</translation>
    </message>
    <message>
        <source>Open a model and check at least one compressor in the Compare tab.</source>
        <translation>Öffnen Sie ein Modell und haken Sie im Reiter „Vergleichen“ mindestens einen Kompressor an.</translation>
    </message>
    <message>
        <source>Stale: the text on the left has changed since these columns were made. Run the comparison again.</source>
        <translation>Veraltet: Der Text links hat sich geändert, seit diese Spalten entstanden sind. Führen Sie den Vergleich erneut aus.</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <source>Summary as CSV…</source>
        <translation>Übersicht als CSV…</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Summary and columns as JSON…</source>
        <translation>Übersicht und Spalten als JSON…</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON-Datei (*.json)</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Columns coloured as HTML…</source>
        <translation>Spalten farbig als HTML…</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML-Seite (*.html)</translation>
    </message>
    <message>
        <source>Columns coloured as PDF…</source>
        <translation>Spalten farbig als PDF…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Check every trained compressor (the slow upper bounds stay as they are)</source>
        <translation>Alle trainierten Kompressoren auswählen (die langsamen oberen Schranken bleiben, wie sie sind)</translation>
    </message>
    <message>
        <source>Upper bounds (slow):</source>
        <translation>Obere Schranken (langsam):</translation>
    </message>
    <message>
        <source>%1: %2 memory tokens fitted to this text by gradient descent (hundreds of steps). The summary then shows each compressor&apos;s gap to this upper bound.</source>
        <translation>%1: %2 Speichertoken, per Gradientenabstieg an diesen Text angepasst (Hunderte Schritte). Die Übersicht zeigt dann den Abstand jedes Kompressors zu dieser oberen Schranke.</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::DatasetReader</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Line %1: not a JSON object (%2).</source>
        <translation>Zeile %1: kein JSON-Objekt (%2).</translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation>falscher Typ</translation>
    </message>
    <message>
        <source>Line %1: no &quot;abstract&quot;, &quot;text&quot; or &quot;context&quot; field.</source>
        <translation>Zeile %1: kein Feld „abstract“, „text“ oder „context“.</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>The file holds no examples.</source>
        <translation>Die Datei enthält keine Beispiele.</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::EngineClient</name>
    <message numerus="yes">
        <source>waiting for the batch evaluation, %n job(s) ahead</source>
        <translation>
            <numerusform>wartet auf die Stapelauswertung, %n Auftrag davor</numerusform>
            <numerusform>wartet auf die Stapelauswertung, %n Aufträge davor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting, %n job(s) ahead</source>
        <translation>
            <numerusform>wartet, %n Auftrag davor</numerusform>
            <numerusform>wartet, %n Aufträge davor</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::EngineWorker</name>
    <message>
        <source>Out of memory.</source>
        <translation>Nicht genügend Speicher.</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>Unbekannter Fehler.</translation>
    </message>
    <message>
        <source>No model is open. Open a model folder first.</source>
        <translation>Kein Modell geöffnet. Öffnen Sie zuerst einen Modellordner.</translation>
    </message>
    <message>
        <source>Opening the model</source>
        <translation>Öffnen des Modells</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Modell wird geladen …</translation>
    </message>
    <message>
        <source>Model loaded</source>
        <translation>Modell geladen</translation>
    </message>
    <message>
        <source>Compress and regenerate</source>
        <translation>Komprimieren und regenerieren</translation>
    </message>
    <message>
        <source>Compare compressors</source>
        <translation>Kompressoren vergleichen</translation>
    </message>
    <message>
        <source>Answer the question</source>
        <translation>Beantworten der Frage</translation>
    </message>
    <message>
        <source>Prepare the interpolation</source>
        <translation>Vorbereiten der Interpolation</translation>
    </message>
    <message>
        <source>Text %1 is empty.</source>
        <translation>Text %1 ist leer.</translation>
    </message>
    <message>
        <source>A was compressed with %1 and B with %2: interpolation needs two prompts of the same compressor.</source>
        <translation>A wurde mit %1 komprimiert und B mit %2: Die Interpolation braucht zwei Prompts desselben Kompressors.</translation>
    </message>
    <message>
        <source>Save the compressed prompt</source>
        <translation>Speichern des komprimierten Prompts</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Interpolate</source>
        <translation>Interpolieren</translation>
    </message>
    <message>
        <source>Batch evaluation</source>
        <translation>Stapelauswertung</translation>
    </message>
    <message>
        <source>Example %1 (%2): %3</source>
        <translation>Beispiel %1 (%2): %3</translation>
    </message>
    <message>
        <source>Optimising the memory tokens: step %1 of %2</source>
        <translation>Speichertoken werden optimiert: Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Memory-token ablation</source>
        <translation>Ablation von Speichertoken</translation>
    </message>
    <message>
        <source>Replacing a memory token needs a second text to take it from.</source>
        <translation>Zum Ersetzen eines Speichertokens braucht es einen zweiten Text, aus dem es stammt.</translation>
    </message>
    <message numerus="yes">
        <source>Compressing %n chunk(s) in one batch</source>
        <translation>
            <numerusform>%n Abschnitt wird in einem Stapel komprimiert</numerusform>
            <numerusform>%n Abschnitte werden in einem Stapel komprimiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Regenerating chunk %1 of %2 from its own memory tokens</source>
        <translation>Abschnitt %1 von %2 wird aus seinen eigenen Speichertoken regeneriert</translation>
    </message>
    <message numerus="yes">
        <source>Regenerating %n chunk(s), each from its own memory tokens</source>
        <translation>
            <numerusform>%n Abschnitt wird aus seinen eigenen Speichertoken regeneriert</numerusform>
            <numerusform>%n Abschnitte werden regeneriert, jeder aus seinen eigenen Speichertoken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regenerating the whole text from all %n chunk(s)&apos; memory tokens at once</source>
        <translation>
            <numerusform>Der ganze Text wird aus den Speichertoken von %n Abschnitt auf einmal regeneriert</numerusform>
            <numerusform>Der ganze Text wird aus den Speichertoken aller %n Abschnitte auf einmal regeneriert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::ExamplesMenu</name>
    <message>
        <source>Interpolation Pair (Two Abstracts)</source>
        <translation>Interpolationspaar (zwei Abstracts)</translation>
    </message>
    <message>
        <source>Sample Dataset (Batch Tab)</source>
        <translation>Beispieldatensatz (Reiter „Stapel“)</translation>
    </message>
    <message>
        <source>With a question in the Question Answering tab: %1</source>
        <translation>Mit einer Frage im Reiter „Fragebeantwortung“: %1</translation>
    </message>
    <message>
        <source>This text is in German. The bundled model was trained on English texts only, so expect a weak regeneration: the example shows what a compressor does outside its training data.</source>
        <translation>Dieser Text ist deutsch. Das mitgelieferte Modell wurde nur mit englischen Texten trainiert; rechnen Sie mit einer schwachen Regeneration: Das Beispiel zeigt, was ein Kompressor außerhalb seiner Trainingsdaten tut.</translation>
    </message>
    <message>
        <source>This text is in Chinese. The bundled model was trained on English texts only, so expect a weak regeneration: the example shows what a compressor does outside its training data.</source>
        <translation>Dieser Text ist chinesisch. Das mitgelieferte Modell wurde nur mit englischen Texten trainiert; rechnen Sie mit einer schwachen Regeneration: Das Beispiel zeigt, was ein Kompressor außerhalb seiner Trainingsdaten tut.</translation>
    </message>
    <message>
        <source>This text is not in English. The bundled model was trained on English texts only, so expect a weak regeneration.</source>
        <translation>Dieser Text ist nicht englisch. Das mitgelieferte Modell wurde nur mit englischen Texten trainiert; rechnen Sie mit einer schwachen Regeneration.</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::ExportController</name>
    <message>
        <source>Saved the compressed prompt to %1.</source>
        <translation>Der komprimierte Prompt wurde in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Save Compressed Prompt</source>
        <translation>Komprimierten Prompt speichern</translation>
    </message>
    <message>
        <source>Compressed prompts (*.xcp)</source>
        <translation>Komprimierte Prompts (*.xcp)</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::FileController</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>Loaded %1 as an interpolation endpoint. Press Compress A and B.</source>
        <translation>%1 als Endpunkt der Interpolation geladen. Drücken Sie „A und B komprimieren“.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-8; unreadable bytes were replaced.</source>
        <translation>%1 ist kein gültiges UTF-8; unlesbare Bytes wurden ersetzt.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>All supported files (*.txt *.md *.xcs *.json *.xcp *.jsonl);;Texts (*.txt *.md);;Sessions (*.xcs *.json);;Compressed prompts (*.xcp);;Datasets (*.jsonl);;All files (*)</source>
        <translation>Alle unterstützten Dateien (*.txt *.md *.xcs *.json *.xcp *.jsonl);;Texte (*.txt *.md);;Sitzungen (*.xcs *.json);;Komprimierte Prompts (*.xcp);;Datensätze (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Load Compressed Prompt</source>
        <translation>Komprimierten Prompt laden</translation>
    </message>
    <message>
        <source>Compressed prompts (*.xcp);;All files (*)</source>
        <translation>Komprimierte Prompts (*.xcp);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::HelpDock</name>
    <message>
        <source>Help for Students</source>
        <translation>Hilfe für Studierende</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::HelpPane</name>
    <message>
        <source>Compress &amp; Regenerate</source>
        <translation>Komprimieren &amp; Regenerieren</translation>
    </message>
    <message>
        <source>Comparing compressors</source>
        <translation>Kompressoren vergleichen</translation>
    </message>
    <message>
        <source>The same text through several compressors: 500xCompressor (KV values per layer), ICAE (input embeddings) and the Attention-Only Compressor, each with its number of memory tokens m. Fewer memory tokens mean more compression and usually more errors.</source>
        <translation>Derselbe Text durch mehrere Kompressoren: 500xCompressor (KV-Werte pro Schicht), ICAE (Eingabe-Embeddings) und der Attention-Only Compressor, jeweils mit seiner Zahl von Speichertoken m. Weniger Speichertoken bedeuten stärkere Kompression und meist mehr Fehler.</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation>Interpolation</translation>
    </message>
    <message>
        <source>Two compressed prompts made by the same compressor are points in the same space. Mixing them shows how smooth that space is: does the regeneration switch abruptly from A to B, or blend them?</source>
        <translation>Zwei komprimierte Prompts desselben Kompressors sind Punkte im selben Raum. Mischt man sie, sieht man, wie glatt dieser Raum ist: Springt die Regeneration abrupt von A nach B, oder vermischt sie beide?</translation>
    </message>
    <message>
        <source>Question answering</source>
        <translation>Fragebeantwortung</translation>
    </message>
    <message>
        <source>A compressed prompt is useful when the decoder can work with it, not only copy it back. The question is asked twice: of the compressed prompt and of the full text. F1 counts the overlapping words with a gold answer; exact match (EM) asks for the whole answer.</source>
        <translation>Ein komprimierter Prompt ist nützlich, wenn der Decoder damit arbeiten und ihn nicht nur zurückkopieren kann. Die Frage wird zweimal gestellt: an den komprimierten Prompt und an den vollständigen Text. F1 zählt die mit einer Referenzantwort übereinstimmenden Wörter; die exakte Übereinstimmung (EM) verlangt die ganze Antwort.</translation>
    </message>
    <message>
        <source>Batch evaluation</source>
        <translation>Stapelauswertung</translation>
    </message>
    <message>
        <source>&lt;h3&gt;xcomp Workbench %1&lt;/h3&gt;&lt;p&gt;A workbench for soft prompt compression: a text is compressed into a few memory tokens whose per-layer key/value vectors a frozen language model uses to regenerate the text or answer questions about it.&lt;/p&gt;&lt;p&gt;Methods: 500xCompressor (arXiv 2408.03094) and the Attention-Only Compressor (arXiv 2501.06730), with ICAE as a baseline.&lt;/p&gt;&lt;p&gt;LibTorch %2, Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;xcomp Workbench %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für Soft-Prompt-Kompression: Ein Text wird in wenige Speichertoken komprimiert, deren Key/Value-Vektoren pro Schicht ein eingefrorenes Sprachmodell nutzt, um den Text zu regenerieren oder Fragen dazu zu beantworten.&lt;/p&gt;&lt;p&gt;Methoden: 500xCompressor (arXiv 2408.03094) und der Attention-Only Compressor (arXiv 2501.06730), mit ICAE als Vergleichsbasis.&lt;/p&gt;&lt;p&gt;LibTorch %2, Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The encoder squeezes the text into a few memory tokens; the frozen decoder then has to write the text again from them alone. Differences are coloured by type, and the strip above gives the scores. The strip below the diff shows, token by token, how sure the decoder was of the original: hover over a token for its numbers, click it to find it in the text.</source>
        <translation>Der Encoder presst den Text in wenige Speichertoken; der eingefrorene Decoder muss den Text dann allein aus ihnen neu schreiben. Unterschiede sind nach Typ eingefärbt, der Streifen oben zeigt die Werte. Der Streifen unter dem Diff zeigt Token für Token, wie sicher sich der Decoder des Originals war: Fahren Sie über ein Token für seine Zahlen, klicken Sie es an, um es im Text zu finden.</translation>
    </message>
    <message>
        <source>Memory-token ablation</source>
        <translation>Ablation von Speichertoken</translation>
    </message>
    <message>
        <source>Are all memory tokens equally useful, or does the text live in one or two of them? Take one away and regenerate: if the text hardly changes, that token carried little. The tallest bar is the memory token the decoder misses most; click it to see in the Attention tab what it reads and who reads it.</source>
        <translation>Sind alle Speichertoken gleich nützlich, oder steckt der Text in einem oder zweien? Nehmen Sie eines weg und regenerieren Sie: Ändert sich der Text kaum, trug dieses Token wenig. Der höchste Balken ist das Speichertoken, das der Decoder am meisten vermisst; klicken Sie darauf, um im Tab Aufmerksamkeit zu sehen, was es liest und wer es liest.</translation>
    </message>
    <message>
        <source>Single examples can mislead. A dataset run gives the mean scores per compressor against text length, like the papers&apos; figures. Sort the table by BLEU and double-click the worst rows to see what went wrong. The latent map beside the table shows whether the texts that fail resemble each other inside the compressor.</source>
        <translation>Einzelne Beispiele können täuschen. Ein Lauf über einen Datensatz liefert die mittleren Werte pro Kompressor über der Textlänge, wie die Abbildungen der Paper. Sortieren Sie die Tabelle nach BLEU und doppelklicken Sie die schlechtesten Zeilen, um zu sehen, was schiefging. Die latente Karte neben der Tabelle zeigt, ob die scheiternden Texte einander im Kompressor ähneln.</translation>
    </message>
    <message>
        <source>Click a word of the regeneration in the Regenerate tab, or a column of the heatmap, to see which memory tokens that word was read from. Click a memory token&apos;s bar the other way round: the words that read it most are shaded in the Regenerate tab. Drag over several words of the regeneration, or click a coloured span, to see which memory tokens and heads they drew on and which source words those memory tokens read; those words are shaded in the original too.</source>
        <translation>Klicken Sie im Tab Regenerieren auf ein Wort der Regenerierung oder auf eine Spalte der Heatmap, um zu sehen, aus welchen Speichertoken dieses Wort gelesen wurde. Umgekehrt klicken Sie auf den Balken eines Speichertokens: Die Wörter, die es am meisten lesen, werden im Tab Regenerieren schattiert. Ziehen Sie über mehrere Wörter der Regenerierung oder klicken Sie auf einen farbigen Abschnitt, um zu sehen, aus welchen Speichertoken und Köpfen sie schöpften und welche Quellwörter diese Speichertoken lesen; diese Wörter werden auch im Original schattiert.</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::InterpolationPage</name>
    <message>
        <source>Compress A and B</source>
        <translation>A und B komprimieren</translation>
    </message>
    <message>
        <source>Compress both texts with the chosen compressor (or load the .xcp files), then move the slider to mix the two compressed prompts.</source>
        <translation>Beide Texte mit dem gewählten Kompressor komprimieren (oder die .xcp-Dateien laden) und dann mit dem Schieberegler die beiden komprimierten Prompts mischen.</translation>
    </message>
    <message>
        <source>Text A (α = 0)</source>
        <translation>Text A (α = 0)</translation>
    </message>
    <message>
        <source>Text B (α = 1)</source>
        <translation>Text B (α = 1)</translation>
    </message>
    <message>
        <source>Type or paste text A, or load a compressed prompt (.xcp)</source>
        <translation>Text A eingeben oder einfügen oder einen komprimierten Prompt (.xcp) laden</translation>
    </message>
    <message>
        <source>Type or paste text B, or load a compressed prompt (.xcp)</source>
        <translation>Text B eingeben oder einfügen oder einen komprimierten Prompt (.xcp) laden</translation>
    </message>
    <message>
        <source>Use main text</source>
        <translation>Haupttext verwenden</translation>
    </message>
    <message>
        <source>Copy the text of the main editor here.</source>
        <translation>Den Text des Haupteditors hierher kopieren.</translation>
    </message>
    <message>
        <source>Load .xcp…</source>
        <translation>.xcp laden …</translation>
    </message>
    <message>
        <source>Use a compressed prompt saved earlier (File ▸ Save Compressed Prompt).</source>
        <translation>Einen früher gespeicherten komprimierten Prompt verwenden (Datei ▸ Komprimierten Prompt speichern).</translation>
    </message>
    <message>
        <source>Use text instead</source>
        <translation>Stattdessen Text verwenden</translation>
    </message>
    <message>
        <source>Compressed prompt: %1</source>
        <translation>Komprimierter Prompt: %1</translation>
    </message>
    <message>
        <source>Both prompts compressed with %1. Move the slider; the curve fills in the background.</source>
        <translation>Beide Prompts mit %1 komprimiert. Bewegen Sie den Schieberegler; die Kurve füllt sich im Hintergrund.</translation>
    </message>
    <message>
        <source>Give two texts (or .xcp files) and press Compress A and B.</source>
        <translation>Geben Sie zwei Texte (oder .xcp-Dateien) an und drücken Sie „A und B komprimieren“.</translation>
    </message>
    <message>
        <source>Not prepared.</source>
        <translation>Nicht vorbereitet.</translation>
    </message>
    <message>
        <source>Compressing A and B…</source>
        <translation>A und B werden komprimiert …</translation>
    </message>
    <message>
        <source>Computing the BLEU curve: %1 of %2 points…</source>
        <translation>BLEU-Kurve wird berechnet: %1 von %2 Punkten …</translation>
    </message>
    <message numerus="yes">
        <source>BLEU curve done (%n point(s)).</source>
        <translation>
            <numerusform>BLEU-Kurve fertig (%n Punkt).</numerusform>
            <numerusform>BLEU-Kurve fertig (%n Punkte).</numerusform>
        </translation>
    </message>
    <message>
        <source>Curve as PNG or PDF…</source>
        <translation>Kurve als PNG oder PDF…</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export the curve</source>
        <translation>Kurve exportieren</translation>
    </message>
    <message>
        <source>Curve as CSV…</source>
        <translation>Kurve als CSV…</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Curve and texts as JSON…</source>
        <translation>Kurve und Texte als JSON…</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON-Datei (*.json)</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::JobStatusBar</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) waiting for the batch evaluation</source>
        <translation>
            <numerusform>%n Auftrag wartet auf die Stapelauswertung</numerusform>
            <numerusform>%n Aufträge warten auf die Stapelauswertung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) waiting</source>
        <translation>
            <numerusform>%n Auftrag wartet</numerusform>
            <numerusform>%n Aufträge warten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::LatentMapPanel</name>
    <message>
        <source>C&amp;ompressor:</source>
        <translation>K&amp;ompressor:</translation>
    </message>
    <message>
        <source>Each compressor writes into a space of its own: the map shows one at a time.</source>
        <translation>Jeder Kompressor schreibt in einen eigenen Raum: Die Karte zeigt jeweils einen.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the latent map as PNG or PDF, or its coordinates as CSV</source>
        <translation>Die latente Karte als PNG oder PDF speichern oder ihre Koordinaten als CSV</translation>
    </message>
    <message>
        <source>Each point is one text&apos;s compressed prompt, placed by the two directions in which the batch&apos;s prompts differ most (principal components) and coloured by BLEU. Click a point to open its regeneration.</source>
        <translation>Jeder Punkt ist der komprimierte Prompt eines Textes, platziert entlang der zwei Richtungen, in denen sich die Prompts des Batches am stärksten unterscheiden (Hauptkomponenten), und nach BLEU eingefärbt. Klicken Sie einen Punkt an, um seine Regenerierung zu öffnen.</translation>
    </message>
    <message>
        <source>Export the latent map</source>
        <translation>Die latente Karte exportieren</translation>
    </message>
    <message>
        <source>Latent map written to %1</source>
        <translation>Latente Karte nach %1 geschrieben</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::MainWindow</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen …</translation>
    </message>
    <message>
        <source>Open a text, a session, a compressed prompt (.xcp) or a dataset (.jsonl)</source>
        <translation>Einen Text, eine Sitzung, einen komprimierten Prompt (.xcp) oder einen Datensatz (.jsonl) öffnen</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>Sitzung &amp;speichern</translation>
    </message>
    <message>
        <source>Save the texts, settings and results of this session</source>
        <translation>Die Texte, Einstellungen und Ergebnisse dieser Sitzung speichern</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>Sitzung speichern &amp;unter …</translation>
    </message>
    <message>
        <source>Save &amp;Compressed Prompt…</source>
        <translation>&amp;Komprimierten Prompt speichern …</translation>
    </message>
    <message>
        <source>Compress the text with the chosen compressor and save the memory tokens&apos; KV values as a .xcp file</source>
        <translation>Den Text mit dem gewählten Kompressor komprimieren und die KV-Werte der Speichertoken als .xcp-Datei speichern</translation>
    </message>
    <message>
        <source>Open &amp;Model Folder…</source>
        <translation>&amp;Modellordner öffnen …</translation>
    </message>
    <message>
        <source>A folder with config.json, the weights, tokenizer.model and compressors/</source>
        <translation>Ein Ordner mit config.json, den Gewichten, tokenizer.model und compressors/</translation>
    </message>
    <message>
        <source>Open &amp;Dataset…</source>
        <translation>&amp;Datensatz öffnen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Compress &amp;&amp; &amp;Regenerate</source>
        <translation>Komprimieren &amp;&amp; &amp;Regenerieren</translation>
    </message>
    <message>
        <source>Compress the text into memory tokens and let the frozen decoder regenerate it (Ctrl+Return)</source>
        <translation>Den Text in Speichertoken komprimieren und vom eingefrorenen Decoder regenerieren lassen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Compare Compressors</source>
        <translation>Kompressoren &amp;vergleichen</translation>
    </message>
    <message>
        <source>Run the compressors checked in the Compare tab on the text</source>
        <translation>Die im Reiter „Vergleichen“ angehakten Kompressoren auf den Text anwenden</translation>
    </message>
    <message>
        <source>&amp;Ask Question</source>
        <translation>&amp;Frage stellen</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running job (Esc)</source>
        <translation>Den laufenden Auftrag anhalten (Esc)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Help for &amp;Students</source>
        <translation>&amp;Hilfe für Studierende</translation>
    </message>
    <message>
        <source>&amp;About xcomp Workbench</source>
        <translation>Ü&amp;ber xcomp Workbench</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>Bei&amp;spiele</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;Regenerieren</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>&amp;Attention</source>
        <translation>Auf&amp;merksamkeit</translation>
    </message>
    <message>
        <source>&amp;Interpolation</source>
        <translation>&amp;Interpolation</translation>
    </message>
    <message>
        <source>&amp;Question Answering</source>
        <translation>&amp;Fragebeantwortung</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>&amp;Stapel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>What&apos;s &amp;This?</source>
        <translation>&amp;Direkthilfe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source> Compressor: </source>
        <translation> Kompressor: </translation>
    </message>
    <message>
        <source> Device: </source>
        <translation> Gerät: </translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerieren</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation>Interpolation</translation>
    </message>
    <message>
        <source>Question Answering</source>
        <translation>Fragebeantwortung</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>The original and its regeneration, differences coloured by error type</source>
        <translation>Das Original und seine Regeneration, Unterschiede nach Fehlerart eingefärbt</translation>
    </message>
    <message>
        <source>Several compressors on the same text, side by side</source>
        <translation>Mehrere Kompressoren auf demselben Text, nebeneinander</translation>
    </message>
    <message>
        <source>Answers from the compressed prompt and from the full text</source>
        <translation>Antworten aus dem komprimierten Prompt und aus dem vollständigen Text</translation>
    </message>
    <message>
        <source>A whole dataset: mean scores against text length</source>
        <translation>Ein ganzer Datensatz: mittlere Bewertungen über der Textlänge</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Token</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>About xcomp Workbench</source>
        <translation>Über xcomp Workbench</translation>
    </message>
    <message>
        <source>Ablation</source>
        <translation>Ablation</translation>
    </message>
    <message>
        <source>Ab&amp;lation</source>
        <translation>Ab&amp;lation</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
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
        <translation>Kein CUDA-Gerät verfügbar.</translation>
    </message>
    <message>
        <source>No model folder at %1. Use File ▸ Open Model Folder… to choose one.</source>
        <translation>Kein Modellordner unter %1. Wählen Sie einen über Datei ▸ Modellordner öffnen …</translation>
    </message>
    <message>
        <source>Loading model from %1…</source>
        <translation>Modell wird aus %1 geladen …</translation>
    </message>
    <message>
        <source>Open Model Folder</source>
        <translation>Modellordner öffnen</translation>
    </message>
    <message numerus="yes">
        <source>%n compressor(s) could not be loaded: %1</source>
        <translation>
            <numerusform>%n Kompressor konnte nicht geladen werden: %1</numerusform>
            <numerusform>%n Kompressoren konnten nicht geladen werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The model folder %1 has no compressors (compressors/*). Train one with the xcomp command-line tool first.</source>
        <translation>Der Modellordner %1 enthält keine Kompressoren (compressors/*). Trainieren Sie zuerst einen mit dem Kommandozeilenwerkzeug xcomp.</translation>
    </message>
    <message>
        <source>%1 — method %2, %3 memory tokens, up to %4 source tokens%5</source>
        <translation>%1 — Methode %2, %3 Speichertoken, bis zu %4 Quelltoken%5</translation>
    </message>
    <message>
        <source>, QA fine-tuned</source>
        <translation>, für Fragebeantwortung nachtrainiert</translation>
    </message>
    <message>
        <source>Runs %1.</source>
        <translation>Führt %1 aus.</translation>
    </message>
    <message>
        <source>No model open</source>
        <translation>Kein Modell geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>Model %1 — %2M parameters, %3 layers — %4, %5 — %n compressor(s)</source>
        <translation>
            <numerusform>Modell %1 — %2 Mio. Parameter, %3 Schichten — %4, %5 — %n Kompressor</numerusform>
            <numerusform>Modell %1 — %2 Mio. Parameter, %3 Schichten — %4, %5 — %n Kompressoren</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (upper bound)</source>
        <translation>%1 (obere Schranke)</translation>
    </message>
    <message>
        <source>%1 — no compressor: %2 memory tokens fitted to this text by gradient descent, the upper bound for the trained compressors with as many memory tokens. Slow: hundreds of optimiser steps.</source>
        <translation>%1 — kein Kompressor: %2 Speichertoken, per Gradientenabstieg an diesen Text angepasst, die obere Schranke für die trainierten Kompressoren mit ebenso vielen Speichertoken. Langsam: Hunderte Optimiererschritte.</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::PageContext</name>
    <message>
        <source>Open a model folder with at least one compressor first.</source>
        <translation>Öffnen Sie zuerst einen Modellordner mit mindestens einem Kompressor.</translation>
    </message>
    <message>
        <source>There is no text to compress. Paste one on the left or pick an example.</source>
        <translation>Es gibt keinen Text zum Komprimieren. Fügen Sie links einen ein oder wählen Sie ein Beispiel.</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA (GPU)</source>
        <translation>CUDA (GPU)</translation>
    </message>
    <message>
        <source>No CUDA device is available in this build or on this machine.</source>
        <translation>In diesem Build oder auf diesem Rechner ist kein CUDA-Gerät verfügbar.</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>CPU threads for the engine (0: LibTorch&apos;s default). Applies when the model is opened.</source>
        <translation>CPU-Threads für die Engine (0: Vorgabe von LibTorch). Gilt beim Öffnen des Modells.</translation>
    </message>
    <message>
        <source>CPU &amp;threads:</source>
        <translation>CPU-&amp;Threads:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Model folder:</source>
        <translation>&amp;Modellordner:</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>Capture attention when regenerating</source>
        <translation>Aufmerksamkeit beim Regenerieren aufzeichnen</translation>
    </message>
    <message>
        <source>Applies at once: the window is rebuilt in the new language and keeps your work.</source>
        <translation>Gilt sofort: Das Fenster wird in der neuen Sprache neu aufgebaut und behält Ihre Arbeit.</translation>
    </message>
    <message>
        <source>&amp;Reopen the last session at start</source>
        <translation>Letzte Sitzung beim Start wieder ö&amp;ffnen</translation>
    </message>
    <message>
        <source>At start, open the session file that was open when the workbench was last closed.</source>
        <translation>Beim Start die Sitzungsdatei öffnen, die beim letzten Schließen der Workbench geöffnet war.</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::QaPage</name>
    <message>
        <source>e.g. Who wrote the paper?</source>
        <translation>z. B. Wer hat den Artikel geschrieben?</translation>
    </message>
    <message>
        <source>Optional: gold answers, one per line, for F1 and exact match</source>
        <translation>Optional: Referenzantworten, eine pro Zeile, für F1 und exakte Übereinstimmung</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Frage:</translation>
    </message>
    <message>
        <source>&amp;Gold answers:</source>
        <translation>&amp;Referenzantworten:</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>Fr&amp;agen</translation>
    </message>
    <message>
        <source>Ask the question of the compressed text and of the full text.</source>
        <translation>Die Frage an den komprimierten und an den vollständigen Text stellen.</translation>
    </message>
    <message>
        <source>From the compressed prompt</source>
        <translation>Aus dem komprimierten Prompt</translation>
    </message>
    <message>
        <source>From the full text</source>
        <translation>Aus dem vollständigen Text</translation>
    </message>
    <message>
        <source>The frozen decoder reads the whole text: the upper bound the papers compare against.</source>
        <translation>Der eingefrorene Decoder liest den ganzen Text: die Obergrenze, mit der die Veröffentlichungen vergleichen.</translation>
    </message>
    <message>
        <source>SQuAD v1.1 scores against the gold answers: F1 is the word overlap (after lower-casing and removing punctuation and articles), EM is 1 when the normalised answer equals a gold answer.</source>
        <translation>SQuAD-v1.1-Bewertungen gegenüber den Referenzantworten: F1 ist die Wortüberlappung (nach Kleinschreibung und Entfernen von Satzzeichen und Artikeln), EM ist 1, wenn die normalisierte Antwort einer Referenzantwort entspricht.</translation>
    </message>
    <message>
        <source>%1 is fine-tuned for question answering.</source>
        <translation>%1 ist für Fragebeantwortung nachtrainiert.</translation>
    </message>
    <message>
        <source>%1 was trained for regeneration only; answers from it show what the memory tokens keep, but a QA-tuned compressor answers better.</source>
        <translation>%1 wurde nur für Regeneration trainiert; seine Antworten zeigen, was die Speichertoken bewahren, aber ein für Fragebeantwortung nachtrainierter Kompressor antwortet besser.</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Wird beantwortet …</translation>
    </message>
    <message>
        <source>From the compressed prompt (%1)</source>
        <translation>Aus dem komprimierten Prompt (%1)</translation>
    </message>
    <message>
        <source>(empty answer)</source>
        <translation>(leere Antwort)</translation>
    </message>
    <message>
        <source>no gold answers — %1</source>
        <translation>keine Referenzantworten — %1</translation>
    </message>
    <message>
        <source>F1 %1 · EM %2 — %3</source>
        <translation>F1 %1 · EM %2 — %3</translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation>Geben Sie zuerst eine Frage ein.</translation>
    </message>
    <message>
        <source>The question needs a text to be answered from: paste one on the left.</source>
        <translation>Die Frage braucht einen Text, aus dem sie beantwortet wird: Fügen Sie links einen ein.</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::RecentFilesMenu</name>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::RegeneratePage</name>
    <message>
        <source>Chunks of at most</source>
        <translation>Abschnitte von höchstens</translation>
    </message>
    <message>
        <source>trained length</source>
        <translation>Trainingslänge</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <source>A text longer than this is cut at sentence ends into chunks, each compressed into its own memory tokens: shorter chunks come back more faithfully, at less compression. “trained length” cuts only texts over the compressor's limit, into chunks as long as its longest training texts.</source>
        <translation>Ein längerer Text wird an Satzenden in Abschnitte geteilt, jeder in eigene Speichertoken komprimiert: Kürzere Abschnitte kommen getreuer zurück, bei geringerer Kompression. „Trainingslänge“ teilt nur Texte über der Grenze des Kompressors, in Abschnitte so lang wie seine längsten Trainingstexte.</translation>
    </message>
    <message>
        <source>Regenerated with %1</source>
        <translation>Regeneriert mit %1</translation>
    </message>
    <message>
        <source>Compressing and regenerating with %1…</source>
        <translation>Komprimieren und Regenerieren mit %1 …</translation>
    </message>
    <message>
        <source>Paste a text on the left and press Compress &amp; Regenerate (Ctrl+Return).</source>
        <translation>Fügen Sie links einen Text ein und drücken Sie „Komprimieren &amp; Regenerieren“ (Strg+Eingabe).</translation>
    </message>
    <message>
        <source>%1 ran this %2-token text with its length variant %3</source>
        <translation>%1 hat diesen Text mit %2 Tokens mit seiner Längenvariante %3 ausgeführt</translation>
    </message>
    <message>
        <source>cancelled, partial regeneration</source>
        <translation>abgebrochen, unvollständige Regeneration</translation>
    </message>
    <message>
        <source>batch example %1</source>
        <translation>Stapelbeispiel %1</translation>
    </message>
    <message>
        <source>Stale: the text on the left has changed since. %1</source>
        <translation>Veraltet: Der Text links hat sich seitdem geändert. %1</translation>
    </message>
    <message>
        <source>Export the regeneration</source>
        <translation>Regeneration exportieren</translation>
    </message>
    <message>
        <source>Coloured diff as HTML…</source>
        <translation>Farbiger Vergleich als HTML…</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML-Seite (*.html)</translation>
    </message>
    <message>
        <source>Coloured diff as PDF…</source>
        <translation>Farbiger Vergleich als PDF…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Coloured diff as PNG…</source>
        <translation>Farbiger Vergleich als PNG…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Numbers as JSON…</source>
        <translation>Kennzahlen als JSON…</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON-Datei (*.json)</translation>
    </message>
    <message>
        <source>Per-token evidence (teacher forcing)</source>
        <translation>Belege pro Token (Teacher Forcing)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the per-token evidence as a PNG image, a CSV table or JSON</source>
        <translation>Die Belege pro Token als PNG-Bild, CSV-Tabelle oder JSON speichern</translation>
    </message>
    <message>
        <source>Each token&apos;s probability appears here after a regeneration.</source>
        <translation>Nach einer Regenerierung erscheint hier die Wahrscheinlichkeit jedes Tokens.</translation>
    </message>
    <message>
        <source>There is no per-token evidence to export.</source>
        <translation>Es gibt keine Belege pro Token zum Exportieren.</translation>
    </message>
    <message>
        <source>Export per-token evidence</source>
        <translation>Belege pro Token exportieren</translation>
    </message>
    <message>
        <source>Per-token evidence written to %1</source>
        <translation>Belege pro Token nach %1 geschrieben</translation>
    </message>
    <message>
        <source>the upper bound: no compressor, the memory tokens were fitted to this text</source>
        <translation>die obere Schranke: kein Kompressor, die Speichertoken wurden an diesen Text angepasst</translation>
    </message>
    <message>
        <source>cancelled, the best memory found so far</source>
        <translation>abgebrochen, der bisher beste Speicher</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Save the chunks&apos; numbers as a PNG image, a CSV table or JSON</source>
        <translation>Die Kennzahlen der Abschnitte als PNG-Bild, CSV-Tabelle oder JSON speichern</translation>
    </message>
    <message numerus="yes">
        <source>cut into %n chunk(s) of at most %1 tokens at sentence ends</source>
        <translation>
            <numerusform>an Satzenden in %n Abschnitt von höchstens %1 Token geschnitten</numerusform>
            <numerusform>an Satzenden in %n Abschnitte von höchstens %1 Token geschnitten</numerusform>
        </translation>
    </message>
    <message>
        <source>not read together: %1</source>
        <translation>nicht zusammen gelesen: %1</translation>
    </message>
    <message>
        <source>Whole text (chunks joined)</source>
        <translation>Ganzer Text (Abschnitte aneinandergefügt)</translation>
    </message>
    <message>
        <source>Whole text, all memory tokens read together</source>
        <translation>Ganzer Text, alle Speichertoken zusammen gelesen</translation>
    </message>
    <message>
        <source>Chunk %1 of %2 (tokens %3–%4)</source>
        <translation>Abschnitt %1 von %2 (Token %3–%4)</translation>
    </message>
    <message>
        <source>showing %1</source>
        <translation>angezeigt: %1</translation>
    </message>
    <message>
        <source>There are no chunks to export: the text fitted one window.</source>
        <translation>Es gibt keine Abschnitte zum Exportieren: Der Text passte in ein Fenster.</translation>
    </message>
    <message>
        <source>Export the chunks</source>
        <translation>Abschnitte exportieren</translation>
    </message>
    <message>
        <source>Chunks written to %1</source>
        <translation>Abschnitte nach %1 geschrieben</translation>
    </message>
    <message>
        <source>%1 ran the chunks (the longest has %2 tokens) with its length variant %3</source>
        <translation>%1 hat die Abschnitte (der längste mit %2 Tokens) mit seiner Längenvariante %3 ausgeführt</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::SessionController</name>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <source>Workbench sessions (*.xcs)</source>
        <translation>Workbench-Sitzungen (*.xcs)</translation>
    </message>
    <message>
        <source>kept from before the language change</source>
        <translation>aus der Sitzung vor dem Sprachwechsel übernommen</translation>
    </message>
    <message>
        <source>from the session file</source>
        <translation>aus der Sitzungsdatei</translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation>Unbenannte Sitzung</translation>
    </message>
    <message>
        <source>%1[*] — xcomp Workbench</source>
        <translation>%1[*] — xcomp Workbench</translation>
    </message>
    <message>
        <source>Unsaved Session</source>
        <translation>Ungespeicherte Sitzung</translation>
    </message>
    <message>
        <source>The session has changes that are not saved.</source>
        <translation>Die Sitzung hat Änderungen, die nicht gespeichert sind.</translation>
    </message>
    <message>
        <source>Save them before quitting?</source>
        <translation>Vor dem Beenden speichern?</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::SessionFile</name>
    <message>
        <source>This is not an xcomp workbench session.</source>
        <translation>Dies ist keine Sitzung der xcomp Workbench.</translation>
    </message>
    <message>
        <source>Session version %1 is not supported (this build reads version %2).</source>
        <translation>Sitzungsversion %1 wird nicht unterstützt (diese Version liest Version %2).</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation>%1 ist kein gültiges JSON: %2</translation>
    </message>
    <message>
        <source>%1 does not hold a session (a JSON object)</source>
        <translation>%1 enthält keine Sitzung (kein JSON-Objekt)</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::TextPanel</name>
    <message>
        <source>Text to compress</source>
        <translation>Zu komprimierender Text</translation>
    </message>
    <message>
        <source>Paste or type a text here, or pick one from the Examples menu.</source>
        <translation>Fügen Sie hier einen Text ein oder geben Sie ihn ein, oder wählen Sie einen aus dem Menü „Beispiele“.</translation>
    </message>
    <message>
        <source>Open a model to count tokens.</source>
        <translation>Öffnen Sie ein Modell, um Token zu zählen.</translation>
    </message>
    <message>
        <source>Counting tokens…</source>
        <translation>Token werden gezählt …</translation>
    </message>
    <message numerus="yes">
        <source>%n memory token(s)</source>
        <translation>
            <numerusform>%n Speichertoken</numerusform>
            <numerusform>%n Speichertoken</numerusform>
        </translation>
    </message>
    <message>
        <source>%1× compression</source>
        <translation>%1× Kompression</translation>
    </message>
    <message numerus="yes">
        <source>at least %n chunk(s)</source>
        <translation>
            <numerusform>mindestens %n Abschnitt</numerusform>
            <numerusform>mindestens %n Abschnitte</numerusform>
        </translation>
    </message>
    <message>
        <source>up to %1× compression</source>
        <translation>bis zu %1× Kompression</translation>
    </message>
</context>
<context>
    <name>xcomp::workbench::ViewExports</name>
    <message>
        <source>Compression</source>
        <translation>Kompression</translation>
    </message>
    <message>
        <source>%1 tokens into %2 (%3×)</source>
        <translation>%1 Token in %2 (%3×)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>compress %1 ms, regenerate %2 ms</source>
        <translation>Komprimieren %1 ms, Regenerieren %2 ms</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>%n Datei nach %1 exportiert</numerusform>
            <numerusform>%n Dateien nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
</TS>
