#include "modelcontroller.h"

#include <QComboBox>
#include <QLocale>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QSignalBlocker>

#include <algorithm>
#include <utility>

#include "devicechoice.h"
#include "engineclient.h"
#include "messagebar.h"
#include "preferences.h"
#include "reportconvert.h"
#include "teachingtext.h"
#include "xcomp/runtime.h"

namespace xcomp::workbench {

ModelController::ModelController(EngineClient* engine, MessageBar* messages, QObject* parent)
    : QObject(parent), m_engine(engine), m_messages(messages)
{
    m_compressor = new QComboBox;
    m_compressor->setMinimumContentsLength(14);
    m_compressor->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_compressor->setToolTip(TeachingText::tooltip(TeachingText::Topic::MemoryTokens));
    buildDeviceCombo();
    m_label = new QLabel;
    // In the status bar: a long model description is cut, it never widens the window (tooltip: the folder).
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_label->setMinimumWidth(120);

    connect(m_compressor, &QComboBox::currentIndexChanged, this, [this] {
        if (!currentCompressorId().isEmpty())
            Preferences::setLastCompressor(currentCompressorId());
        emit compressorChanged();
    });
    connect(m_device, &QComboBox::activated, this, [this] {
        Preferences::setDevice(device());
        if (!m_modelDir.isEmpty())
            openModelFolder(m_modelDir);
    });
    connect(m_engine, &EngineClient::modelOpened, this, &ModelController::onOpened);
    connect(m_engine, &EngineClient::modelFailed, this, &ModelController::onFailed);
    connect(m_engine, &EngineClient::busyChanged, this, &ModelController::updateEnabled);
    updateLabel();
    updateEnabled();
}

void ModelController::buildDeviceCombo()
{
    m_device = new QComboBox;
    addDeviceItems(m_device, tr("CPU"), tr("CUDA"), tr("No CUDA device is available."));
    int index = m_device->findData(Preferences::device());
    if (index == 1 && !xcomp::cuda_available())
        index = 0;
    m_device->setCurrentIndex(std::max(0, index));
}

QString ModelController::initialModelDir()
{
    const QString last = Preferences::lastModelDir();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    return fromStd(xcomp::default_model_dir());
}

void ModelController::openModelFolder(const QString& dir)
{
    if (dir.isEmpty())
        return;
    if (!QFileInfo(dir).isDir()) {
        m_messages->showWarning(tr("No model folder at %1. Use File \u25b8 Open Model Folder\u2026 to choose one.")
                                    .arg(QDir::toNativeSeparators(dir)));
        return;
    }
    m_loading = true;
    m_pendingModelDir = dir;
    m_label->setText(tr("Loading model from %1\u2026").arg(QDir::toNativeSeparators(dir)));
    m_engine->openModel(dir, device(), Preferences::threads());
    updateEnabled();
    emit loadingChanged();
}

void ModelController::chooseModelFolder(QWidget* dialogParent)
{
    const QString dir = QFileDialog::getExistingDirectory(
        dialogParent, tr("Open Model Folder"), m_modelDir.isEmpty() ? Preferences::lastDirectory() : m_modelDir);
    if (!dir.isEmpty())
        openModelFolder(dir);
}

void ModelController::restore(const QString& modelDir, const QString& compressorId)
{
    // The folder being opened (at start, a session restored while the model loads) is not opened twice.
    const QString opening = m_loading ? m_pendingModelDir : m_modelDir;
    if (!modelDir.isEmpty() && modelDir != opening && QFileInfo(modelDir).isDir()) {
        m_pendingCompressor = compressorId;
        openModelFolder(modelDir);
    } else if (m_loading && !compressorId.isEmpty()) {
        m_pendingCompressor = compressorId;
    } else if (!compressorId.isEmpty() && !setCurrentCompressor(compressorId)) {
        m_pendingCompressor = compressorId;
    }
}

QString ModelController::currentCompressorId() const
{
    return m_compressor->currentData().toString();
}

const CompressorEntry* ModelController::currentCompressor() const
{
    return m_engine->compressor(currentCompressorId());
}

bool ModelController::setCurrentCompressor(const QString& id)
{
    const int index = m_compressor->findData(id);
    if (index < 0)
        return false;
    m_compressor->setCurrentIndex(index);
    return true;
}

QString ModelController::device() const
{
    return m_device->currentData().toString();
}

void ModelController::showDevice(const QString& device)
{
    const QSignalBlocker block(m_device);
    m_device->setCurrentIndex(std::max(0, m_device->findData(device)));
}

void ModelController::onOpened(const ModelEntry& model)
{
    m_loading = false;
    m_modelDir = m_pendingModelDir.isEmpty() ? model.dir : m_pendingModelDir;
    m_pendingModelDir.clear();
    Preferences::setLastModelDir(m_modelDir);
    const QString previous = !m_pendingCompressor.isEmpty() ? m_pendingCompressor
                             : !currentCompressorId().isEmpty() ? currentCompressorId()
                                                                : Preferences::lastCompressor();
    m_pendingCompressor.clear();
    fillCompressors(model.compressors, previous, upperBoundsFor(model.compressors, model.optimised));
    if (!model.warnings.isEmpty())
        m_messages->showWarning(tr("%n compressor(s) could not be loaded: %1", nullptr, int(model.warnings.size()))
                                    .arg(model.warnings.join(QStringLiteral("; "))));
    else if (model.compressors.isEmpty())
        m_messages->showWarning(tr("The model folder %1 has no compressors (compressors/*). Train one with the "
                                   "xcomp command-line tool first.")
                                    .arg(QDir::toNativeSeparators(m_modelDir)));
    updateLabel();
    updateEnabled();
    emit compressorChanged();
    emit modelOpened(model);
}

void ModelController::onFailed()
{
    m_loading = false;
    m_pendingModelDir.clear();
    // The session keeps the previous model, if any: show its device again.
    if (m_engine->hasModel())
        m_device->setCurrentIndex(std::max(0, m_device->findData(m_engine->model().device.startsWith(
                                                  QLatin1String("cuda")) ? QStringLiteral("cuda")
                                                                         : QStringLiteral("cpu"))));
    updateLabel();
    updateEnabled();
    emit loadingChanged();
}

// In the papers' order (the engine's); the list changes without a compressorChanged() per item.
QVector<CompressorEntry> ModelController::upperBoundsFor(const QVector<CompressorEntry>& compressors,
                                                         const QVector<CompressorEntry>& optimised)
{
    QVector<CompressorEntry> out;
    for (const CompressorEntry& o : optimised) {
        const bool used = std::any_of(compressors.begin(), compressors.end(),
                                      [&](const CompressorEntry& c) { return c.memoryTokens == o.memoryTokens; });
        if (used)
            out << o;
    }
    return out;
}

void ModelController::fillCompressors(const QVector<CompressorEntry>& compressors, const QString& select,
                                      const QVector<CompressorEntry>& upperBounds)
{
    const QSignalBlocker block(m_compressor);
    m_compressor->clear();
    for (const CompressorEntry& c : compressors) {
        m_compressor->addItem(c.label, c.id);
        m_compressor->setItemData(m_compressor->count() - 1,
                                  QString(tr("%1 \u2014 method %2, %3 memory tokens, up to %4 source tokens%5")
                                      .arg(c.id, c.method)
                                      .arg(c.memoryTokens)
                                      .arg(c.maxSourceTokens)
                                      .arg(c.qa ? tr(", QA fine-tuned") : QString())
                                      + (c.routing.isEmpty() ? QString()
                                                             : QString(QLatin1Char('\n') + tr("Runs %1.").arg(c.routing)))),
                                  Qt::ToolTipRole);
    }
    if (!upperBounds.isEmpty())
        m_compressor->insertSeparator(m_compressor->count());
    for (const CompressorEntry& c : upperBounds) {
        m_compressor->addItem(tr("%1 (upper bound)").arg(c.label), c.id);
        m_compressor->setItemData(m_compressor->count() - 1,
                                  tr("%1 \u2014 no compressor: %2 memory tokens fitted to this text by gradient "
                                     "descent, the upper bound for the trained compressors with as many memory "
                                     "tokens. Slow: hundreds of optimiser steps.")
                                      .arg(c.id)
                                      .arg(c.memoryTokens),
                                  Qt::ToolTipRole);
    }
    const int index = m_compressor->findData(select);
    m_compressor->setCurrentIndex(index >= 0 ? index : std::max(0, m_compressor->findData(strongestCompressor(compressors))));
}

QString ModelController::strongestCompressor(const QVector<CompressorEntry>& compressors)
{
    // The papers' order: AOC keeps more than 500xCompressor, which keeps more than ICAE, and more
    // memory tokens keep more. A general compressor (its length variants run short texts by themselves),
    // not a QA fine-tune.
    const auto methodRank = [](const QString& method) {
        if (method.contains(QLatin1String("aoc")))
            return 3;
        if (method == QLatin1String("500x"))
            return 2;
        return method == QLatin1String("icae") ? 1 : 0;
    };
    const CompressorEntry* best = nullptr;
    for (const CompressorEntry& c : compressors) {
        if (c.qa || !c.variantOf.isEmpty())
            continue;
        if (!best || std::make_pair(methodRank(c.method), c.memoryTokens) >
                         std::make_pair(methodRank(best->method), best->memoryTokens))
            best = &c;
    }
    return best ? best->id : (compressors.isEmpty() ? QString() : compressors.first().id);
}

// No other device while a model loads or a job runs; no choice of compressor before there is one.
void ModelController::updateEnabled()
{
    m_device->setEnabled(!m_loading && !m_engine->isBusy());
    m_compressor->setEnabled(m_compressor->count() > 0);
}

void ModelController::updateLabel()
{
    if (m_loading)
        return;
    if (!m_engine->hasModel()) {
        m_label->setText(tr("No model open"));
        return;
    }
    const ModelEntry& m = m_engine->model();
    const double millions = double(m.parameters) / 1e6;
    m_label->setText(tr("Model %1 \u2014 %2M parameters, %3 layers \u2014 %4, %5 \u2014 %n compressor(s)", nullptr,
                        int(m.compressors.size()))
                         .arg(m.name)
                         .arg(QLocale().toString(millions, 'f', millions < 10 ? 1 : 0))
                         .arg(m.layers)
                         .arg(m.device, m.dtype));
    m_label->setToolTip(QDir::toNativeSeparators(m.dir));
}

}  // namespace xcomp::workbench
