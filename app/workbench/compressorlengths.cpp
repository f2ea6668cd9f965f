#include "compressorlengths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "metricsstrip.h"

namespace xcomp::workbench {

CompressorLengths::Range CompressorLengths::trained(const QString& compressorDir)
{
    Range r;
    if (compressorDir.isEmpty())
        return r;
    QFile file(QDir(compressorDir).filePath(QStringLiteral("compressor.json")));
    if (!file.open(QIODevice::ReadOnly))
        return r;
    const QJsonArray tokens =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("training")).toObject().value(
            QLatin1String("tokens")).toArray();
    if (tokens.size() == 2 && tokens[0].toInt() > 0 && tokens[1].toInt() >= tokens[0].toInt()) {
        r.shortest = tokens[0].toInt();
        r.longest = tokens[1].toInt();
    }
    return r;
}

const CompressorEntry* CompressorLengths::routed(const QVector<CompressorEntry>& all, const QString& id, int tokens)
{
    const CompressorEntry* asked = nullptr;
    const CompressorEntry* best = nullptr;
    for (const CompressorEntry& c : all) {
        if (c.id == id)
            asked = &c;
        else if (c.variantOf == id && c.servesUpTo >= tokens && (!best || c.servesUpTo < best->servesUpTo))
            best = &c;
    }
    if (!asked || !asked->variantOf.isEmpty())
        return asked;  // a variant asked for by its own id always runs
    return best ? best : asked;
}

QString CompressorLengths::warning(const CompressorEntry& c, int tokens)
{
    return MetricsStrip::lengthWarning(tokens, c.trainedShortest, c.trainedLongest, c.maxSourceTokens);
}

int CompressorLengths::leastChunks(const CompressorEntry& c, int tokens, int chosenWindow)
{
    if (chosenWindow > 0)
        return tokens <= chosenWindow ? 1 : (tokens + chosenWindow - 1) / chosenWindow;
    if (c.maxSourceTokens <= 0 || tokens <= c.maxSourceTokens)
        return 1;
    const int window = c.trainedLongest > 0 ? qMin(c.trainedLongest, c.maxSourceTokens) : c.maxSourceTokens;
    return (tokens + window - 1) / window;
}

}  // namespace xcomp::workbench
