// app/workbench/qapage.h — question answering over the text on the left: the same question asked
// of the compressed prompt and of the full text (the papers' upper bound), answers side by side
// with SQuAD F1 / exact match when gold answers are given.
#pragma once
#include <QStringList>

#include "enginetypes.h"
#include "workbenchpage.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace xcomp::workbench {

class QaPage : public WorkbenchPage {
    Q_OBJECT
public:
    explicit QaPage(const PageContext& context, QWidget* parent = nullptr);

    // Asks the question of the text on the left, compressed with the chosen compressor and in full.
    void ask(const QString& question, const QStringList& goldAnswers);
    bool isRunning() const { return m_job != 0; }

    QString question() const;
    void setQuestion(const QString& question);
    QString goldText() const;  // as typed
    void setGoldText(const QString& text);
    QStringList goldAnswers() const;  // one per non-empty line

    void setCompressorNote(const QString& compressorLabel, bool qaTuned);
    void showRunning();
    void showResult(const QaResult& result);
    void clear();
    bool hasResult() const { return m_hasResult; }
    const QaResult& result() const { return m_result; }
    void setRunEnabled(bool enabled);

    QLineEdit* questionEdit() const { return m_question; }
    QPushButton* askButton() const { return m_ask; }
    QTextBrowser* compressedAnswer() const { return m_compressed; }
    QTextBrowser* fullAnswer() const { return m_full; }
    QLabel* compressedScore() const { return m_compressedScore; }
    QLabel* fullScore() const { return m_fullScore; }

signals:
    void answerShown();

private:
    void updateAskButton();

    QLineEdit* m_question = nullptr;
    QPlainTextEdit* m_gold = nullptr;
    QPushButton* m_ask = nullptr;
    QLabel* m_note = nullptr;
    QLabel* m_compressedTitle = nullptr;
    QLabel* m_fullTitle = nullptr;
    QTextBrowser* m_compressed = nullptr;
    QTextBrowser* m_full = nullptr;
    QLabel* m_compressedScore = nullptr;
    QLabel* m_fullScore = nullptr;
    QaResult m_result;
    bool m_hasResult = false;
    bool m_runEnabled = true;
    quint64 m_job = 0;  // the running question
};

}  // namespace xcomp::workbench
