#include "interpolationpage.h"

#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

#include "atomicwrite.h"
#include "engineclient.h"
#include "exportbutton.h"
#include "interpolationpanel.h"
#include "messagebar.h"
#include "modelcontroller.h"
#include "plotexport.h"
#include "teachingtext.h"
#include "textpanel.h"
#include "viewexports.h"

namespace xcomp::workbench {

InterpolationPage::InterpolationPage(const PageContext& context, QWidget* parent) : WorkbenchPage(context, parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Vertical, this);

    auto* top = new QWidget(splitter);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto* endpoints = new QHBoxLayout;
    endpoints->addWidget(endpointBox(0));
    endpoints->addWidget(endpointBox(1));
    topLayout->addLayout(endpoints, 1);
    auto* row = new QHBoxLayout;
    m_prepare = new QPushButton(QIcon(QStringLiteral(":/icons/interpolate.svg")), tr("Compress A and B"), top);
    m_prepare->setToolTip(tr("Compress both texts with the chosen compressor (or load the .xcp files), then move the "
                             "slider to mix the two compressed prompts."));
    m_status = new QLabel(top);
    m_status->setWordWrap(true);
    row->addWidget(m_prepare);
    row->addWidget(m_status, 1);
    m_export = new ExportButton(top);
    row->addWidget(m_export);
    topLayout->addLayout(row);

    m_panel = new InterpolationPanel(splitter);
    m_panel->setToolTip(TeachingText::tooltip(TeachingText::Topic::Interpolation));
    splitter->addWidget(top);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 600});
    layout->addWidget(splitter);

    connect(m_prepare, &QPushButton::clicked, this, &InterpolationPage::prepare);
    resetPrepared();
    connectEngine();
    addExports();
}

// The curve as a figure (PNG, PDF) and as numbers (CSV; JSON with the regeneration at each point).
void InterpolationPage::addExports()
{
    m_export->setAvailability([this] { return !m_panel->curve().isEmpty(); });
    m_export->addFileExport(QStringLiteral("curve-plot"), tr("Curve as PNG or PDF\u2026"), tr("Export plot"),
                            QStringLiteral("interpolation.png"), PlotExport::fileDialogFilter(),
                            [this](const QString& path, QString* error) {
                                return PlotExport::save(m_panel->curvePlot(), path, error);
                            });
    m_export->addSeparator();
    const QString caption = tr("Export the curve");
    m_export->addFileExport(QStringLiteral("curve-csv"), tr("Curve as CSV\u2026"), caption,
                            QStringLiteral("interpolation.csv"), tr("CSV file (*.csv)"),
                            [this](const QString& path, QString* error) {
                                return writeFileAtomically(path, ViewExports::curveCsv(m_panel->curve()), error);
                            });
    m_export->addFileExport(QStringLiteral("curve-json"), tr("Curve and texts as JSON\u2026"), caption,
                            QStringLiteral("interpolation.json"), tr("JSON file (*.json)"),
                            [this](const QString& path, QString* error) {
                                return writeFileAtomically(
                                    path, ViewExports::curveJson(m_panel->curve(), m_curveSpherical), error);
                            });
}

void InterpolationPage::connectEngine()
{
    EngineClient* engine = m_context.engine;
    connect(m_context.model, &ModelController::modelOpened, this, [this] {
        const QVector<view::InterpolationPoint> kept = m_restoredCurve;
        m_restoredCurve.clear();
        resetPrepared();
        if (!kept.isEmpty())
            m_panel->setCurve(kept);
    });
    connect(engine, &EngineClient::interpolationPrepared, this, &InterpolationPage::onPrepared);
    connect(engine, &EngineClient::interpolated, this, [this](const InterpolationResult& result) {
        if (result.preview)
            m_panel->showPreview(result.alpha, result.point.regenerated);
        else
            m_panel->showRegeneration(result.alpha, result.vsA, result.vsB);
        updateBusy();
        emit interpolationShown();
    });
    // The words as they come: while dragging, and while the full regeneration runs after the release.
    connect(engine, &EngineClient::interpolationPartial, m_panel, &InterpolationPanel::showPreview);
    connect(engine, &EngineClient::curveChanged, this, &InterpolationPage::onCurveChanged);
    connect(engine, &EngineClient::interpolationStateChanged, this, &InterpolationPage::updateBusy);
    connect(engine, &EngineClient::sweepFinished, this, &InterpolationPage::updateBusy);
    connect(engine, &EngineClient::jobFinished, this, [this](quint64 job) {
        if (job != m_prepareJob)
            return;
        m_prepareJob = 0;
        if (!m_context.engine->interpolationReady())
            setStatus(tr("Not prepared."));
    });
    connect(m_panel, &InterpolationPanel::alphaRequested, this, [this](double alpha, bool spherical) {
        if (!m_context.engine->interpolationReady())
            return;
        if (spherical != m_curveSpherical)
            startSweep(spherical);
        // Dragging: a cheap preview of the first words for each position, latest wins.
        const bool dragging = m_panel->slider()->isSliderDown();
        m_context.engine->requestInterpolation(alpha, spherical, dragging ? kPreviewTokens : 0);
        updateBusy();
    });
    // The curve's points wait during a drag; the release asks for the full regeneration.
    connect(m_panel->slider(), &QSlider::sliderPressed, this, [this] { m_context.engine->setSweepHeld(true); });
    connect(m_panel->slider(), &QSlider::sliderReleased, this, [this] {
        m_context.engine->setSweepHeld(false);
        if (!m_context.engine->interpolationReady())
            return;
        m_context.engine->requestInterpolation(m_panel->alpha(), m_panel->spherical());
        updateBusy();
    });
    connect(m_panel, &InterpolationPanel::sweepRequested, this, [this](bool spherical) {
        if (!m_context.engine->interpolationReady())
            return;
        startSweep(spherical);
        updateBusy();
    });
}

void InterpolationPage::prepare()
{
    const CompressorEntry* c = m_context.compressorOrWarn();
    if (!c)
        return;
    m_restoredCurve.clear();
    resetPrepared();
    setStatus(tr("Compressing A and B\u2026"));
    m_prepareJob = m_context.engine->prepareInterpolation(c->id, textA(), m_pathA, textB(), m_pathB);
    emit runStarted();
}

void InterpolationPage::onPrepared(const SlotEntry& a, const SlotEntry& b)
{
    const CompressorEntry* c = m_context.engine->compressor(a.compressorId);
    setPrepared(a, b, c ? c->label : a.compressorId);
    startSweep(m_panel->spherical());
    m_context.engine->requestInterpolation(m_panel->alpha(), m_curveSpherical);
    updateBusy();
}

void InterpolationPage::startSweep(bool spherical)
{
    m_curveSpherical = spherical;
    m_context.engine->startSweep(kSweepPoints, spherical);
}

void InterpolationPage::onCurveChanged(const QVector<view::InterpolationPoint>& curve, int done, int total)
{
    m_panel->setCurve(curve);
    if (total > 0 && done < total)
        setStatus(tr("Computing the BLEU curve: %1 of %2 points\u2026").arg(done).arg(total));
    else if (total > 0)
        setStatus(tr("BLEU curve done (%n point(s)).", nullptr, total));
    updateBusy();
}

void InterpolationPage::updateBusy()
{
    const auto& tracker = m_context.engine->sliderTracker();
    m_panel->setBusy(m_context.engine->isSweeping() || tracker.isRunning() || tracker.hasPending());
}

QWidget* InterpolationPage::endpointBox(int which)
{
    auto* box = new QGroupBox(which == 0 ? tr("Text A (\u03b1 = 0)") : tr("Text B (\u03b1 = 1)"), this);
    auto* v = new QVBoxLayout(box);
    auto* edit = new QPlainTextEdit(box);
    edit->setPlaceholderText(which == 0 ? tr("Type or paste text A, or load a compressed prompt (.xcp)")
                                        : tr("Type or paste text B, or load a compressed prompt (.xcp)"));
    auto* file = new QLabel(box);
    file->setWordWrap(true);
    file->setTextFormat(Qt::PlainText);
    file->hide();
    auto* buttons = new QHBoxLayout;
    auto* useMain = new QPushButton(tr("Use main text"), box);
    useMain->setToolTip(tr("Copy the text of the main editor here."));
    auto* load = new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("Load .xcp\u2026"), box);
    load->setToolTip(tr("Use a compressed prompt saved earlier (File \u25b8 Save Compressed Prompt)."));
    auto* clearFile = new QPushButton(tr("Use text instead"), box);
    clearFile->hide();
    buttons->addWidget(useMain);
    buttons->addWidget(load);
    buttons->addWidget(clearFile);
    buttons->addStretch(1);
    v->addWidget(edit, 1);
    v->addWidget(file);
    v->addLayout(buttons);
    if (which == 0) {
        m_textA = edit;
        m_fileA = file;
    } else {
        m_textB = edit;
        m_fileB = file;
    }
    connect(edit, &QPlainTextEdit::textChanged, this, [this, which] {
        if ((which == 0 ? m_pathA : m_pathB).isEmpty())
            resetPrepared();  // a typed endpoint changed; a loaded one is read-only
        updateButtons();
    });
    connect(useMain, &QPushButton::clicked, this, [this, which] { useMainText(which); });
    connect(load, &QPushButton::clicked, this, [this, which] { emit loadFileRequested(which); });
    connect(clearFile, &QPushButton::clicked, this, [this, which] {
        if (which == 0)
            setPathA(QString());
        else
            setPathB(QString());
    });
    file->setObjectName(which == 0 ? QStringLiteral("fileA") : QStringLiteral("fileB"));
    clearFile->setObjectName(which == 0 ? QStringLiteral("clearFileA") : QStringLiteral("clearFileB"));
    return box;
}

QString InterpolationPage::textA() const { return m_textA->toPlainText(); }
QString InterpolationPage::textB() const { return m_textB->toPlainText(); }
void InterpolationPage::setTextA(const QString& text) { m_textA->setPlainText(text); }
void InterpolationPage::setTextB(const QString& text) { m_textB->setPlainText(text); }

void InterpolationPage::setPathA(const QString& path)
{
    setPath(0, path);
}

void InterpolationPage::setPathB(const QString& path)
{
    setPath(1, path);
}

void InterpolationPage::setPath(int which, const QString& path)
{
    (which == 0 ? m_pathA : m_pathB) = path;
    QLabel* file = which == 0 ? m_fileA : m_fileB;
    file->setText(tr("Compressed prompt: %1").arg(QFileInfo(path).fileName()));
    file->setVisible(!path.isEmpty());
    (which == 0 ? m_textA : m_textB)->setReadOnly(!path.isEmpty());
    if (auto* b = findChild<QPushButton*>(which == 0 ? QStringLiteral("clearFileA") : QStringLiteral("clearFileB")))
        b->setVisible(!path.isEmpty());
    resetPrepared();
    updateButtons();
}

void InterpolationPage::useTexts(const QString& textA, const QString& textB)
{
    setPathA(QString());
    setPathB(QString());
    setTextA(textA);
    setTextB(textB);
}

void InterpolationPage::useMainText(int which)
{
    const QString text = m_context.source->text();
    if (which == 0) {
        setPathA(QString());
        setTextA(text);
    } else {
        setPathB(QString());
        setTextB(text);
    }
}

void InterpolationPage::setPrepared(const SlotEntry& a, const SlotEntry& b, const QString& compressorLabel)
{
    // Show the source texts the prompts were made from (a loaded .xcp carries its own).
    const QSignalBlocker blockA(m_textA), blockB(m_textB);
    if (!a.path.isEmpty())
        m_textA->setPlainText(a.sourceText);
    if (!b.path.isEmpty())
        m_textB->setPlainText(b.sourceText);
    m_prepared = true;
    m_panel->setEndpoints(a.sourceText, b.sourceText);
    m_panel->setEndpointNames(a.path.isEmpty() ? QString() : QFileInfo(a.path).fileName(),
                              b.path.isEmpty() ? QString() : QFileInfo(b.path).fileName());
    m_panel->setEnabled(true);
    setStatus(tr("Both prompts compressed with %1. Move the slider; the curve fills in the background.")
                  .arg(compressorLabel));
}

void InterpolationPage::resetPrepared()
{
    m_prepared = false;
    m_panel->setEnabled(false);
    m_panel->clearCurve();
    setStatus(tr("Give two texts (or .xcp files) and press Compress A and B."));
}

void InterpolationPage::restoreCurve(const QVector<view::InterpolationPoint>& curve)
{
    m_restoredCurve = curve;
    m_panel->setCurve(curve);
}

void InterpolationPage::setStatus(const QString& text)
{
    m_status->setText(text);
}

void InterpolationPage::setRunEnabled(bool enabled)
{
    m_runEnabled = enabled;
    updateButtons();
}

void InterpolationPage::updateButtons()
{
    const bool a = !m_pathA.isEmpty() || !textA().trimmed().isEmpty();
    const bool b = !m_pathB.isEmpty() || !textB().trimmed().isEmpty();
    m_prepare->setEnabled(m_runEnabled && a && b);
}

}  // namespace xcomp::workbench
