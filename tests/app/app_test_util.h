// Helpers shared by the workbench test suites.
#pragma once
#include <QDir>
#include <QString>
#include <QStringList>

namespace xcomp::workbench::test {

// A model folder with at least one compressor, or "" (the tests needing it are skipped).
inline QString findModel()
{
    QStringList candidates;
    const QByteArray env = qgetenv("XCOMP_MODEL_DIR");
    if (!env.isEmpty())
        candidates << QString::fromLocal8Bit(env);
    candidates << QStringLiteral(XCOMP_FIXTURES_DIR "/tiny-model");
    for (const QString& c : candidates)
        if (!QDir(c + QStringLiteral("/compressors")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty())
            return c;
    return QString();
}

inline const char* const kNoModel =
    "no model with compressors: set XCOMP_MODEL_DIR or provide tests/fixtures/tiny-model (config.json, weights, "
    "tokenizer.model, compressors/*)";

}  // namespace xcomp::workbench::test
