// app/workbench/datasetreader.h — batch datasets: JSON Lines, one example per line.
//
// Recognised fields (the first present wins for the text):
//   "abstract" | "text" | "context"   the text to compress (required)
//   "question"                        optional; with it the example is also a QA example
//   "answers"                         gold answers: a string, a list of strings, or SQuAD's
//                                     {"text": [...], "answer_start": [...]}; "answer" is accepted too
//   "id" | "_id" | "title"            optional name (else "line N")
// Blank lines are skipped; a malformed line or one without a text is reported and skipped.
#pragma once
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

#include "enginetypes.h"

class QIODevice;

namespace xcomp::workbench {

class DatasetReader {
    Q_DECLARE_TR_FUNCTIONS(xcomp::workbench::DatasetReader)
public:
    struct Result {
        QVector<BatchExample> examples;
        QStringList warnings;  // one per skipped line
        QString error;         // set when the file cannot be read at all
        bool ok() const { return error.isEmpty(); }
        int questionCount() const;
    };

    static Result readFile(const QString& path);
    static Result read(QIODevice* device);
    static Result readBytes(const QByteArray& bytes);
};

}  // namespace xcomp::workbench
