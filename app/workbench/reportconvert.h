// app/workbench/reportconvert.h — the one place where engine results (UTF-8 std::string with byte
// offsets, xcomp/session.h) become the widgets' value structs (QString with UTF-16 offsets,
// widgets/viewdata.h), and back for the few strings that go the other way.
//
// Offsets: the engine's spans are UTF-8 byte ranges. A character of 1-3 UTF-8 bytes is one UTF-16
// code unit, a 4-byte character (emoji, rare CJK) two. Utf8Text decodes a string itself (an invalid
// byte becomes one U+FFFD) and keeps a byte -> UTF-16 table, so texts and offsets always agree.
#pragma once
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cstddef>
#include <string>
#include <vector>

#include "viewdata.h"
#include "xcomp/session.h"

namespace xcomp::workbench {

// A UTF-8 string decoded to a QString with a byte-offset -> UTF-16-offset table.
class Utf8Text {
public:
    Utf8Text() = default;
    explicit Utf8Text(const std::string& utf8);

    const QString& text() const { return m_text; }
    std::size_t byteSize() const { return m_units.empty() ? 0 : m_units.size() - 1; }

    // UTF-16 offset of a byte offset. Offsets past the end clamp to the end. An offset inside a
    // multi-byte character maps to that character's start (toUtf16) or its end (toUtf16End), so a
    // range [begin, end) never cuts a character in half.
    int toUtf16(std::size_t byteOffset) const;
    int toUtf16End(std::size_t byteOffset) const;
    // The inverse: byte offset of a UTF-16 offset (a low surrogate maps to its character's start).
    std::size_t toUtf8(int utf16Offset) const;

private:
    QString m_text;
    std::vector<int> m_units;      // [byte] -> UTF-16 offset of the character holding that byte
    std::vector<char> m_charStart;  // [byte] -> 1 where a character starts (and at the end)
};

QString fromStd(const std::string& utf8);  // same decoding as Utf8Text
std::string toStd(const QString& text);    // UTF-8
QStringList fromStd(const std::vector<std::string>& list);
std::vector<std::string> toStd(const QStringList& list);

view::ErrorType toViewType(xcomp::ErrorType type);

// Spans converted from byte ranges into UTF-16 ranges of the decoded texts (Equal spans kept).
view::DiffData toDiffData(const std::string& original, const std::string& regenerated,
                          const xcomp::Alignment& alignment);

view::RegenerationMetrics toMetrics(const xcomp::RegenerationReport& report);
view::RegenerationView toRegenerationView(const xcomp::RegenerationReport& report);
// Per-token evidence with the source's display pieces; empty when the report has none.
view::TokenEvidence toTokenEvidence(const xcomp::RegenerationReport& report);
// Empty AttentionData (layers == 0) when none was captured.
view::AttentionData toAttentionData(const xcomp::RegenerationReport& report);
// A chunked report's chunks (byte ranges of `text`, the text given to the engine, as UTF-16 ranges),
// whole and reading together; empty for a text of one window.
view::ChunkOverview toChunkOverview(const xcomp::RegenerationReport& report, const std::string& text);
view::InterpolationPoint toInterpolationPoint(const xcomp::InterpolationPoint& point);
view::EvalRow toEvalRow(const QString& id, const xcomp::RegenerationReport& report);
// The ablation's diff is the unablated regeneration (original side) against the ablated one.
view::AblationData toAblationData(const xcomp::AblationReport& report, const xcomp::AblationRequest& request,
                                  const QString& compressorLabel, const QString& donorText);

// Where each tokenizer piece of a generated text lies in that text, as UTF-16 ranges. Pieces may be
// raw sentencepiece pieces ("\u2581word", "<0x0A>") or already decoded; the first piece's leading
// space, which decoding drops, is tolerated. A piece that cannot be found gets an empty range at
// the current position. The result has one entry per piece.
QVector<QPair<int, int>> pieceRanges(const std::vector<std::string>& pieces, const std::string& text);

// Pieces as a reader sees them: byte-fallback pieces ("<0x58>") become the character their bytes
// spell ("X"); each piece of a multi-byte character shows that character ("€" three times for
// <0xE2><0x82><0xAC>), since each is a token of its own. Bytes that spell no character stay "<0xHH>".
QStringList displayPieces(const std::vector<std::string>& pieces);
// Index of the range holding a UTF-16 position (the nearest one before it between pieces), or -1.
int pieceAt(const QVector<QPair<int, int>>& ranges, int position);

// Human-readable label of a compressor ("AOC m=4") from its fields when the label is empty.
QString compressorLabel(const xcomp::CompressorInfo& info);

}  // namespace xcomp::workbench
