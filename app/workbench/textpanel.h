// app/workbench/textpanel.h — the left side of the window: the text to compress, its live token
// count and compression ratio for the chosen compressor (counted by the engine a moment after the
// last keystroke), and the Compress & Regenerate button.
#pragma once
#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTimer;

namespace xcomp::workbench {

class EngineClient;
class ModelController;

class TextPanel : public QWidget {
    Q_OBJECT
public:
    TextPanel(EngineClient* engine, ModelController* model, QAction* runAction, QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);      // as if typed
    void restoreText(const QString& text);  // from a session: not an edit
    // The chunk window chosen in the Regenerate tab (0: the compressor's trained length): the token
    // count's "at least k chunks" follows it.
    void setChunkWindow(int tokens);
    int tokenCount() const { return m_tokens; }  // -1 until counted

    QPlainTextEdit* editor() const { return m_edit; }
    QLabel* tokenLabel() const { return m_tokenLabel; }

signals:
    void edited();  // typed, pasted or set with setText()

private:
    void scheduleTokenCount();
    void updateTokenLabel();

    EngineClient* m_engine = nullptr;
    ModelController* m_model = nullptr;
    QPlainTextEdit* m_edit = nullptr;
    QLabel* m_tokenLabel = nullptr;
    QTimer* m_countTimer = nullptr;
    int m_tokens = -1;
    int m_chunkWindow = 0;
};

}  // namespace xcomp::workbench
