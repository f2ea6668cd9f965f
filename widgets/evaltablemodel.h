// widgets/evaltablemodel.h — a table over the rows of a batch evaluation (view::EvalRow): one row
// per example, columns for the settings, the metrics and the error counts. Display text is
// formatted; SortRole gives the raw number (or string) so a QSortFilterProxyModel with
// setSortRole(EvalTableModel::SortRole) sorts numerically. RowRole gives the whole EvalRow.
#pragma once
#include <QAbstractTableModel>
#include <QVector>

#include "viewdata.h"

class QIODevice;

namespace xcomp {

class EvalTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        MethodColumn,
        MemoryTokensColumn,  // m
        LengthColumn,        // source tokens
        BleuColumn,
        RougeLColumn,        // ROUGE-L F
        ExactMatchColumn,
        TeacherForcedColumn,  // teacher-forced accuracy ("TF acc")
        PrefixExactMatchColumn,
        RatioColumn,         // compression ratio
        MistakeColumn,
        InformationLossColumn,
        HallucinationColumn,
        ParaphraseColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole,  // double for numbers, QString for id/method
        RowRole,                  // QVariant::fromValue(view::EvalRow)
    };

    explicit EvalTableModel(QObject* parent = nullptr);

    void setRows(const QVector<view::EvalRow>& rows);
    void appendRow(const view::EvalRow& row);
    void clear();
    const QVector<view::EvalRow>& rows() const { return m_rows; }
    const view::EvalRow& row(int index) const { return m_rows.at(index); }

    // The error-count column of a type (-1 for Equal, which has no column), and back.
    static int columnOf(view::ErrorType type);
    static view::ErrorType errorTypeOf(int column);  // Equal for non-error columns
    // Untranslated key of a column, used as the CSV header and JSON field ("bleu", "rouge_l_f", ...).
    static QString columnKey(int column);
    // The raw value behind a cell (what SortRole returns).
    static QVariant rawValue(const view::EvalRow& row, int column);
    static QString displayText(const view::EvalRow& row, int column);

    // CSV (RFC 4180, header of column keys, full precision) and JSON of the given rows.
    static QByteArray toCsv(const QVector<view::EvalRow>& rows);
    static QByteArray toJson(const QVector<view::EvalRow>& rows);
    // Atomic writes (writeFileAtomically) of all rows in model order.
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    bool exportJson(const QString& path, QString* error = nullptr) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<view::EvalRow> m_rows;
};

}  // namespace xcomp
