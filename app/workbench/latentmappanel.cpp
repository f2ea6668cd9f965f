#include "latentmappanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "filedialogs.h"
#include "latentmapview.h"
#include "latentprojection.h"
#include "messagebar.h"
#include "teachingtext.h"

namespace xcomp::workbench {

LatentMapPanel::LatentMapPanel(MessageBar* messages, QWidget* parent) : QWidget(parent), m_messages(messages)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("C&ompressor:"), this);
    m_which = new QComboBox(this);
    m_which->setToolTip(tr("Each compressor writes into a space of its own: the map shows one at a time."));
    label->setBuddy(m_which);
    m_export = new QToolButton(this);
    m_export->setText(tr("Export\u2026"));
    m_export->setToolTip(tr("Save the latent map as PNG or PDF, or its coordinates as CSV"));
    row->addWidget(label);
    row->addWidget(m_which, 1);
    row->addWidget(m_export);
    layout->addLayout(row);
    m_note = new QLabel(tr("Each point is one text's compressed prompt, placed by the two directions in which the "
                           "batch's prompts differ most (principal components) and coloured by BLEU. Click a point "
                           "to open its regeneration."),
                        this);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    m_view = new LatentMapView(this);
    m_view->setToolTip(TeachingText::tooltip(TeachingText::Topic::LatentMap));
    layout->addWidget(m_view, 1);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(250);  // rows arrive one by one during a batch: project once they pause
    connect(m_timer, &QTimer::timeout, this, &LatentMapPanel::updateNow);
    connect(m_which, &QComboBox::currentIndexChanged, this, [this] { updateNow(); });
    connect(m_view, &LatentMapView::pointClicked, this, [this](int i) {
        if (i >= 0 && i < m_shown.size())
            emit reviewRequested(m_rows.at(m_shown.at(i)));
    });
    connect(m_export, &QToolButton::clicked, this, &LatentMapPanel::askExport);
    updateNow();
}

QString LatentMapPanel::groupOf(const view::EvalRow& row)
{
    return row.compressor.isEmpty() ? QStringLiteral("%1 m=%2").arg(row.method).arg(row.memoryTokens) : row.compressor;
}

void LatentMapPanel::setRows(const QVector<view::EvalRow>& rows)
{
    m_rows = rows;
    refillCompressors();
    updateNow();
}

void LatentMapPanel::addRow(const view::EvalRow& row)
{
    m_rows << row;
    if (!row.latent.isEmpty() && m_which->findText(groupOf(row)) < 0)
        refillCompressors();
    // The projection costs n^2 d on the GUI thread: only for a map on screen, once rows pause.
    if (isVisible())
        m_timer->start();
    else
        m_dirty = true;
}

void LatentMapPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        updateNow();
}

void LatentMapPanel::clear()
{
    setRows({});
}

QStringList LatentMapPanel::compressors() const
{
    QStringList out;
    for (const view::EvalRow& r : m_rows)
        if (!r.latent.isEmpty() && !out.contains(groupOf(r)))
            out << groupOf(r);
    return out;
}

void LatentMapPanel::refillCompressors()
{
    const QString was = m_which->currentText();
    const QSignalBlocker block(m_which);
    m_which->clear();
    m_which->addItems(compressors());
    m_which->setCurrentIndex(std::max(0, m_which->findText(was)));
}

void LatentMapPanel::setCompressor(const QString& label)
{
    const int i = m_which->findText(label);
    if (i >= 0)
        m_which->setCurrentIndex(i);
}

QString LatentMapPanel::compressor() const
{
    return m_which->currentText();
}

void LatentMapPanel::updateNow()
{
    m_timer->stop();
    m_dirty = false;
    const QString group = compressor();
    QVector<QVector<float>> vectors;
    m_shown.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        if (!m_rows.at(i).latent.isEmpty() && groupOf(m_rows.at(i)) == group) {
            vectors << m_rows.at(i).latent;
            m_shown << i;
        }
    const Projection p = principalComponents(vectors);
    QVector<LatentMapPoint> points;
    for (int k = 0; k < p.points.size(); ++k)
        points << LatentMapPoint{p.points.at(k), m_rows.at(m_shown.at(k)).metrics.bleu, m_rows.at(m_shown.at(k)).id};
    if (points.size() != m_shown.size())
        m_shown.clear();  // vectors of different lengths: nothing to place
    m_view->setPoints(points, group, p.explained[0], p.explained[1]);
    m_export->setEnabled(!points.isEmpty());
}

void LatentMapPanel::askExport()
{
    const QString path = FileDialogs::askSavePath(this, tr("Export the latent map"),
                                                  FileDialogs::inLastFolder(QStringLiteral("latent-map.png")),
                                                  LatentMapView::fileDialogFilter(), QStringLiteral(".png"));
    if (path.isEmpty())
        return;
    QString error;
    if (m_view->exportFile(path, &error))
        m_messages->showInformation(tr("Latent map written to %1").arg(path));
    else
        m_messages->showError(error);
}

}  // namespace xcomp::workbench
