// app/workbench/regeneratepage.h — "Compress & Regenerate": runs it for the text on the left and
// shows the original and the regeneration side by side with error-typed spans (DiffView) and the
// numbers (MetricsStrip), and below them each original token's evidence under teacher forcing
// (TokenEvidenceView; clicking a token marks it in the original). While a run is going, the regeneration side shows the text generated so
// far. A batch row or a session's regeneration can be shown here too.
#pragma once
#include "enginetypes.h"
#include "viewdata.h"
#include "workbenchpage.h"

class QComboBox;
class QGroupBox;
class QLabel;
class QScrollArea;
class QSpinBox;
class QToolButton;

namespace xcomp {
class ChunkStrip;
class DiffView;
class ExportButton;
class MetricsStrip;
class TokenEvidenceView;
}

namespace xcomp::workbench {

class RegeneratePage : public WorkbenchPage {
    Q_OBJECT
public:
    explicit RegeneratePage(const PageContext& context, QWidget* parent = nullptr);

    // Compresses and regenerates the text on the left with the chosen compressor (warns when it cannot).
    void run(bool captureAttention);
    bool isRunning() const { return m_job != 0; }
    // The last regeneration the engine delivered (not a restored or reviewed one).
    const RegenerationResult& lastRegeneration() const { return m_lastRegeneration; }
    bool hasRegeneration() const { return m_hasRegeneration; }
    void showReview(const view::EvalRow& row);  // a batch row

    void showResult(const view::RegenerationView& result, const QString& note = QString());
    void showRunning(const QString& original, const QString& compressorLabel);
    void showPartial(const QString& textSoFar);
    void clear();

    bool hasResult() const { return m_hasResult; }
    // The result on screen is of another text than the one on the left now (edited since).
    bool isStale() const { return m_stale; }
    const view::RegenerationView& result() const { return m_result; }

    DiffView* diffView() const { return m_diff; }
    MetricsStrip* metricsStrip() const { return m_metrics; }
    QLabel* titleLabel() const { return m_title; }
    ExportButton* exportButton() const { return m_export; }  // the diff (HTML, PDF, PNG), the numbers (JSON)
    // Item 2 of issue 19: each original token's probability, rank and entropy under teacher forcing.
    TokenEvidenceView* evidenceView() const { return m_evidence; }
    QGroupBox* evidenceBox() const { return m_evidenceBox; }
    QLabel* evidenceSummary() const { return m_evidenceSummary; }
    // Writes the evidence of the result on screen (.png, .csv or .json); false with *error on failure.
    bool exportEvidence(const QString& path, QString* error = nullptr);

    // Item 5 of issue 19: a text too long for one window comes back in chunks. The selector lists
    // "Whole text", "Whole text, read together" (when it ran) and "Chunk i of k (tokens a–b)"; the
    // diff, metrics, evidence and the Attention tab show the part chosen. Hidden for one window.
    QComboBox* partSelector() const { return m_partBox; }
    ChunkStrip* chunkStrip() const { return m_chunkStrip; }
    QWidget* chunkRow() const { return m_chunkRow; }
    int partCount() const { return int(m_parts.size()); }
    int currentPart() const { return m_currentPart; }  // index into the selector; -1: not chunked
    const RegenerationPart& part(int index) const { return m_parts.at(index); }
    void selectPart(int index);
    void selectChunk(int chunk);  // -1: the whole text
    // The longest chunk in tokens for the next run: a text over it is cut into chunks at sentence
    // ends (0, the default: the compressor's trained length, and only texts over its limit are cut).
    // A teacher's dial between compression and fidelity.
    QSpinBox* chunkWindowBox() const { return m_windowBox; }
    int chunkWindow() const;
    void setChunkWindow(int tokens);  // 0 or 16..kMaxChunkWindow
    static constexpr int kMaxChunkWindow = 4096;
    // The chunks' numbers (.png: the strip, .csv, .json); false with *error on failure.
    bool exportChunks(const QString& path, QString* error = nullptr);

signals:
    void regenerationShown(const xcomp::workbench::RegenerationResult& result);
    // The part of a chunked regeneration now on screen (also right after regenerationShown).
    void partShown(const xcomp::workbench::RegenerationPart& part);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // The strip's cards sit in one row when they fit, else in the compact two-column layout.
    void updateStripLayout(bool remeasure);
    void onRegenerated(const RegenerationResult& result);
    void updateStale();
    void updateTitle();
    void updateRunningTitle();
    void addExports();
    void showEvidence(const view::TokenEvidence& evidence);
    void onEvidenceTokenClicked(int index);
    void askExportEvidence();
    void display(const view::RegenerationView& result, const QString& note);
    void setParts(const RegenerationResult& result);
    void showPart(int index);
    QString partLabel(const RegenerationPart& part) const;
    void askExportChunks();

    int m_wideWidth = 0;
    DiffView* m_diff = nullptr;
    MetricsStrip* m_metrics = nullptr;
    QLabel* m_title = nullptr;
    ExportButton* m_export = nullptr;
    QGroupBox* m_evidenceBox = nullptr;
    QLabel* m_evidenceSummary = nullptr;
    QScrollArea* m_evidenceScroll = nullptr;
    TokenEvidenceView* m_evidence = nullptr;
    QToolButton* m_evidenceExport = nullptr;
    QWidget* m_chunkRow = nullptr;
    QComboBox* m_partBox = nullptr;
    ChunkStrip* m_chunkStrip = nullptr;
    QToolButton* m_chunkExport = nullptr;
    QSpinBox* m_windowBox = nullptr;
    QVector<RegenerationPart> m_parts;  // of the chunked regeneration on screen
    int m_currentPart = -1;
    QString m_partsNote;                // the run's note ("cut into 3 chunks …")
    QString m_ranText;                  // the text that was compressed, for the stale check of a chunked result
    QString m_runningOriginal;
    QString m_runningLabel;  // the compressor of the run going on
    view::RegenerationView m_result;
    bool m_hasResult = false;
    bool m_stale = false;
    bool m_ofSourceText = true;  // false for a batch row under review
    QString m_resultTitle;  // "Regenerated with …" of the result on screen
    quint64 m_job = 0;  // the running regeneration
    RegenerationResult m_lastRegeneration;
    bool m_hasRegeneration = false;
};

}  // namespace xcomp::workbench
