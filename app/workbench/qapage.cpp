#include "qapage.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "engineclient.h"
#include "messagebar.h"
#include "metricsstrip.h"
#include "modelcontroller.h"
#include "textpanel.h"

namespace xcomp::workbench {

namespace {

QTextBrowser* answerBox(QWidget* parent)
{
    auto* b = new QTextBrowser(parent);
    b->setOpenLinks(false);
    QFont f = b->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    b->setFont(f);
    return b;
}

}  // namespace

QaPage::QaPage(const PageContext& context, QWidget* parent) : WorkbenchPage(context, parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_question = new QLineEdit(this);
    m_question->setPlaceholderText(tr("e.g. Who wrote the paper?"));
    m_question->setClearButtonEnabled(true);
    m_gold = new QPlainTextEdit(this);
    m_gold->setPlaceholderText(tr("Optional: gold answers, one per line, for F1 and exact match"));
    m_gold->setMaximumHeight(m_gold->fontMetrics().lineSpacing() * 4 + 12);
    m_gold->setTabChangesFocus(true);
    form->addRow(tr("&Question:"), m_question);
    form->addRow(tr("&Gold answers:"), m_gold);
    layout->addLayout(form);

    auto* row = new QHBoxLayout;
    m_ask = new QPushButton(QIcon(QStringLiteral(":/icons/qa.svg")), tr("&Ask"), this);
    m_ask->setToolTip(tr("Ask the question of the compressed text and of the full text."));
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    row->addWidget(m_ask);
    row->addWidget(m_note, 1);
    layout->addLayout(row);

    auto* grid = new QGridLayout;
    m_compressedTitle = new QLabel(tr("From the compressed prompt"), this);
    m_fullTitle = new QLabel(tr("From the full text"), this);
    QFont bold = m_compressedTitle->font();
    bold.setBold(true);
    m_compressedTitle->setFont(bold);
    m_fullTitle->setFont(bold);
    m_fullTitle->setToolTip(tr("The frozen decoder reads the whole text: the upper bound the papers compare against."));
    m_compressed = answerBox(this);
    m_full = answerBox(this);
    m_compressedScore = new QLabel(this);
    m_fullScore = new QLabel(this);
    const QString scoreHelp =
        tr("SQuAD v1.1 scores against the gold answers: F1 is the word overlap (after lower-casing and removing "
           "punctuation and articles), EM is 1 when the normalised answer equals a gold answer.");
    m_compressedScore->setToolTip(scoreHelp);
    m_fullScore->setToolTip(scoreHelp);
    grid->addWidget(m_compressedTitle, 0, 0);
    grid->addWidget(m_fullTitle, 0, 1);
    grid->addWidget(m_compressed, 1, 0);
    grid->addWidget(m_full, 1, 1);
    grid->addWidget(m_compressedScore, 2, 0);
    grid->addWidget(m_fullScore, 2, 1);
    layout->addLayout(grid, 1);

    connect(m_question, &QLineEdit::textChanged, this, &QaPage::updateAskButton);
    connect(m_question, &QLineEdit::returnPressed, m_ask, &QPushButton::click);
    connect(m_ask, &QPushButton::clicked, this, [this] {
        if (!question().isEmpty())
            ask(question(), goldAnswers());
    });
    clear();

    connect(m_context.model, &ModelController::compressorChanged, this, [this] {
        const CompressorEntry* c = m_context.model->currentCompressor();
        setCompressorNote(c ? c->label : QString(), c && c->qa);
    });
    connect(m_context.engine, &EngineClient::answered, this, [this](const QaResult& result) {
        if (result.job != m_job)
            return;
        showResult(result);
        emit resultsChanged();
        emit answerShown();
    });
    connect(m_context.engine, &EngineClient::jobFinished, this, [this](quint64 job) {
        if (job != m_job)
            return;
        m_job = 0;
        if (!hasResult() || result().job != job)
            clear();
    });
}

void QaPage::ask(const QString& question, const QStringList& goldAnswers)
{
    const CompressorEntry* c = m_context.compressorOrWarn();
    if (!c)
        return;
    if (question.trimmed().isEmpty()) {
        m_context.messages->showWarning(tr("Type a question first."));
        return;
    }
    const QString context = m_context.source->text();
    if (context.trimmed().isEmpty()) {
        m_context.messages->showWarning(tr("The question needs a text to be answered from: paste one on the left."));
        return;
    }
    if (m_job != 0)
        return;
    showRunning();
    m_job = m_context.engine->answer(c->id, context, question.trimmed(), goldAnswers);
    emit runStarted();
}

QString QaPage::question() const { return m_question->text().trimmed(); }
void QaPage::setQuestion(const QString& question) { m_question->setText(question); }
QString QaPage::goldText() const { return m_gold->toPlainText(); }
void QaPage::setGoldText(const QString& text) { m_gold->setPlainText(text); }

QStringList QaPage::goldAnswers() const
{
    QStringList out;
    for (const QString& line : m_gold->toPlainText().split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

void QaPage::setCompressorNote(const QString& compressorLabel, bool qaTuned)
{
    if (compressorLabel.isEmpty())
        m_note->setText(QString());
    else if (qaTuned)
        m_note->setText(tr("%1 is fine-tuned for question answering.").arg(compressorLabel));
    else
        m_note->setText(tr("%1 was trained for regeneration only; answers from it show what the memory tokens "
                           "keep, but a QA-tuned compressor answers better.")
                            .arg(compressorLabel));
}

void QaPage::showRunning()
{
    m_compressed->setPlainText(tr("Answering\u2026"));
    m_full->setPlainText(tr("Answering\u2026"));
    m_compressedScore->clear();
    m_fullScore->clear();
}

void QaPage::showResult(const QaResult& r)
{
    m_result = r;
    m_hasResult = true;
    m_compressedTitle->setText(tr("From the compressed prompt (%1)").arg(r.compressorLabel));
    m_compressed->setPlainText(r.answerCompressed.isEmpty() ? tr("(empty answer)") : r.answerCompressed);
    m_full->setPlainText(r.answerFull.isEmpty() ? tr("(empty answer)") : r.answerFull);
    const auto score = [&](double f1, double em, double ms) {
        const QString time = MetricsStrip::formatDuration(ms);
        if (!r.hasGold)
            return tr("no gold answers \u2014 %1").arg(time);
        return tr("F1 %1 \u00b7 EM %2 \u2014 %3").arg(MetricsStrip::formatScore(f1), MetricsStrip::formatScore(em), time);
    };
    m_compressedScore->setText(score(r.f1Compressed, r.emCompressed, r.msCompressed));
    m_fullScore->setText(score(r.f1Full, r.emFull, r.msFull));
}

void QaPage::clear()
{
    m_hasResult = false;
    m_result = QaResult();
    m_compressedTitle->setText(tr("From the compressed prompt"));
    m_compressed->clear();
    m_full->clear();
    m_compressedScore->clear();
    m_fullScore->clear();
    updateAskButton();
}

void QaPage::setRunEnabled(bool enabled)
{
    m_runEnabled = enabled;
    updateAskButton();
}

void QaPage::updateAskButton()
{
    m_ask->setEnabled(m_runEnabled && !question().isEmpty());
}

}  // namespace xcomp::workbench
