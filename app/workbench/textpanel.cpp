#include "textpanel.h"

#include <QAction>
#include <QCoreApplication>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "compressorlengths.h"
#include "engineclient.h"
#include "modelcontroller.h"
#include "teachingtext.h"

namespace xcomp::workbench {

namespace {

constexpr int kCountDelayMs = 300;

}  // namespace

TextPanel::TextPanel(EngineClient* engine, ModelController* model, QAction* runAction, QWidget* parent)
    : QWidget(parent), m_engine(engine), m_model(model)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("Text to compress"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_edit = new QPlainTextEdit(this);
    m_edit->setPlaceholderText(tr("Paste or type a text here, or pick one from the Examples menu."));
    m_edit->setWhatsThis(TeachingText::tooltip(TeachingText::Topic::MemoryTokens));
    m_tokenLabel = new QLabel(this);
    m_tokenLabel->setWordWrap(true);
    m_tokenLabel->setToolTip(TeachingText::tooltip(TeachingText::Topic::CompressionRatio));
    auto* runButton = new QToolButton(this);
    runButton->setDefaultAction(runAction);
    runButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    runButton->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumWidth(220);
    layout->addWidget(title);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_tokenLabel);
    layout->addWidget(runButton);

    m_countTimer = new QTimer(this);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(kCountDelayMs);
    connect(m_countTimer, &QTimer::timeout, this, [this] {
        if (m_engine->hasModel())
            m_engine->requestTokenCount(m_edit->toPlainText());
    });
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        scheduleTokenCount();
        emit edited();
    });
    connect(m_engine, &EngineClient::tokenCount, this, [this](int tokens) {
        m_tokens = tokens;
        updateTokenLabel();
    });
    connect(m_model, &ModelController::compressorChanged, this, &TextPanel::updateTokenLabel);
    connect(m_model, &ModelController::modelOpened, this, &TextPanel::scheduleTokenCount);
    updateTokenLabel();
}

QString TextPanel::text() const
{
    return m_edit->toPlainText();
}

void TextPanel::setText(const QString& text)
{
    m_edit->setPlainText(text);
}

void TextPanel::restoreText(const QString& text)
{
    {
        const QSignalBlocker block(m_edit);
        m_edit->setPlainText(text);
    }
    scheduleTokenCount();
}

void TextPanel::scheduleTokenCount()
{
    if (m_edit->toPlainText().isEmpty()) {
        m_countTimer->stop();
        m_tokens = 0;
        updateTokenLabel();
        return;
    }
    m_countTimer->start();
}

void TextPanel::setChunkWindow(int tokens)
{
    if (tokens == m_chunkWindow)
        return;
    m_chunkWindow = tokens;
    updateTokenLabel();
}

void TextPanel::updateTokenLabel()
{
    const CompressorEntry* c = m_model->currentCompressor();
    if (!m_engine->hasModel()) {
        m_tokenLabel->setText(tr("Open a model to count tokens."));
        return;
    }
    if (m_tokens < 0) {
        m_tokenLabel->setText(tr("Counting tokens\u2026"));
        return;
    }
    // This one message keeps the window's translation context: the catalogues are checked there.
    QString s = QCoreApplication::translate("xcomp::workbench::MainWindow", "%n token(s)", nullptr, m_tokens);
    if (c && c->memoryTokens > 0 && m_tokens > 0) {
        // A text over the limit is cut into chunks of at most the trained length (the engine's
        // split_into_chunks), each with its own m memory tokens: ceil(N / window) is the fewest.
        const int chunks = CompressorLengths::leastChunks(*c, m_tokens, m_chunkWindow);
        s += QStringLiteral(" \u2192 ");
        if (chunks > 1)
            s += tr("at least %n chunk(s)", nullptr, chunks) + QStringLiteral(" \u00d7 ") +
                 tr("%n memory token(s)", nullptr, c->memoryTokens) + QStringLiteral(": ") +
                 tr("up to %1\u00d7 compression")
                     .arg(QLocale().toString(double(m_tokens) / (chunks * c->memoryTokens), 'f', 1));
        else
            s += tr("%n memory token(s)", nullptr, c->memoryTokens) + QStringLiteral(": ") +
                 tr("%1\u00d7 compression").arg(QLocale().toString(double(m_tokens) / c->memoryTokens, 'f', 1));
        // The member of the family that will run this length (a length variant for a short text). Cut
        // with a chosen window, the compressor reads chunks of about ceil(N / k) tokens, not N.
        const int reads = m_chunkWindow > 0 && chunks > 1 ? (m_tokens + chunks - 1) / chunks : m_tokens;
        const CompressorEntry* runs = CompressorLengths::routed(m_engine->model().compressors, c->id, reads);
        const QString warning = CompressorLengths::warning(runs ? *runs : *c, reads);
        if (!warning.isEmpty())
            s += QStringLiteral("<br><span style=\"color:#b00020\">") + warning.toHtmlEscaped() +
                 QStringLiteral("</span>");
    }
    m_tokenLabel->setText(s);
}

}  // namespace xcomp::workbench
