// Session::regenerate and Session::answer on texts longer than one window (issue 19, item 5): the
// chunks and their byte ranges, each chunk regenerated exactly as it would be alone, the whole text's
// report, the multi-span ("together") reading, the context checks and cancellation. On the tiny
// fixture model (compressors trained on 8-40 tokens: a window of 40; context 1024; m = 4).
#include <ATen/ATen.h>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "engine/engine_test_util.h"
#include "xcomp/compress/chunking.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/io/tokenizer.h"
#include "xcomp/session.h"

using namespace xcomp;
namespace fs = std::filesystem;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

class TestChunkedSession : public QObject {
    Q_OBJECT
    std::unique_ptr<Session> s_;
    std::shared_ptr<const Tokenizer> tok_;
    std::string text_;  // an abstract of three paragraphs' worth, ~5 chunks at a window of 40

    RegenerateOptions windowed(int window) const {
        RegenerateOptions o;
        o.window_tokens = window;
        return o;
    }

private slots:
    void initTestCase() {
        SessionOptions so;
        so.model_dir = test::fixture("tiny-model");
        so.device = test::device();
        s_ = Session::open(so);
        tok_ = Tokenizer::load(test::fixture("tiny-model/tokenizer.model"));
        text_ = read(test::fixture("texts/abstract-compression.txt"));
        QVERIFY(s_->count_tokens(text_) > 80);
    }

    // The chunks are the splitter's, each regenerated exactly as it is when run alone; the report
    // itself is the whole text, joined and scored as one.
    void chunksAndWhole() {
        const RegenerationReport r = s_->regenerate("aoc-m4", text_, windowed(40));
        const std::vector<TextChunk> want = split_into_chunks(*tok_, text_, 40);
        QVERIFY(want.size() >= 3);
        QCOMPARE(r.chunks.size(), want.size());
        QCOMPARE(r.window_tokens, 40);
        QCOMPARE(r.text_end, text_.size());
        int token = 0;
        size_t at = 0;
        for (size_t i = 0; i < want.size(); ++i) {
            const RegenerationReport& c = r.chunks[i];
            QCOMPARE(c.text_begin, want[i].begin);
            QCOMPARE(c.text_end, want[i].end);
            QCOMPARE(c.source_tokens, want[i].tokens);
            QVERIFY(c.source_tokens <= 40);
            QCOMPARE(c.token_begin, token);
            token += c.source_tokens;
            // What the decoder regenerates from chunk i's own 4 memory tokens in the batch is what it
            // regenerates from that chunk compressed alone.
            const std::string part = text_.substr(c.text_begin, c.text_end - c.text_begin);
            const RegenerationReport alone = s_->regenerate("aoc-m4", part, {});
            QVERIFY(alone.chunks.empty());
            QCOMPARE(c.original, alone.original);
            QCOMPARE(c.regenerated, alone.regenerated);
            QCOMPARE(c.scores.bleu, alone.scores.bleu);
            QCOMPARE(c.evidence.probability.size(), size_t(c.source_tokens + 1));
            QVERIFY(std::abs(c.evidence.teacher_forced_accuracy - alone.evidence.teacher_forced_accuracy) < 1e-6);
            // The whole regeneration holds the chunks' regenerations in order.
            const size_t found = r.regenerated.find(c.regenerated, at);
            QVERIFY2(found != std::string::npos, c.regenerated.c_str());
            at = found + c.regenerated.size();
        }
        QCOMPARE(r.source_tokens, token);
        QCOMPARE(r.evidence.probability.size(), size_t(r.source_tokens + 1));
        const RegenerationScores whole = score_regeneration(r.original, r.regenerated);
        QCOMPARE(r.scores.bleu, whole.bleu);
        QCOMPARE(r.scores.rouge_l_f, whole.rouge_l_f);
        QVERIFY(r.compressed_bytes > 0 && r.compressed_bytes < r.full_kv_bytes);
        // The multi-span reading fits (k*4 + N + 2 positions of 1024) and reads the same whole text.
        QCOMPARE(r.together.size(), size_t(1));
        QVERIFY(r.together_note.empty());
        QCOMPARE(r.together[0].original, r.original);
        QCOMPARE(r.together[0].evidence.probability.size(), size_t(r.source_tokens + 1));
        QCOMPARE(r.together[0].source_tokens, r.source_tokens);  // (its regeneration may be empty: not trained for it)
        // Turned off, it is not run and the report says so.
        RegenerateOptions off = windowed(40);
        off.read_together = false;
        const RegenerationReport r2 = s_->regenerate("aoc-m4", text_, off);
        QVERIFY(r2.together.empty());
        QVERIFY(!r2.together_note.empty());
        QCOMPARE(r2.regenerated, r.regenerated);
    }

    // Attention captured chunk by chunk: the whole puts them side by side (memory k*m, block-diagonal).
    void attentionSideBySide() {
        RegenerateOptions o = windowed(40);
        o.capture_attention = true;
        const std::string text = text_.substr(0, 260);
        const RegenerationReport r = s_->regenerate("aoc-m4", text, o);
        const int k = static_cast<int>(r.chunks.size());
        QVERIFY(k >= 2);
        const AttentionUsage& A = r.attention;
        QCOMPARE(A.memory_tokens, 4 * k);
        QCOMPARE(A.source_tokens, r.source_tokens);
        int G = 0;
        for (const RegenerationReport& c : r.chunks) {
            QCOMPARE(c.attention.memory_tokens, 4);
            QCOMPARE(c.attention.source_tokens, c.source_tokens);
            G += c.attention.generated;
        }
        QCOMPARE(A.generated, G);
        const size_t M = A.memory_tokens, N = A.source_tokens, H = A.heads;
        QCOMPARE(A.encoder_attention.size(), size_t(A.layers) * H * M * N);
        // Memory token 4 (chunk 2's first) reads only chunk 2's source tokens, and as chunk 2 alone says.
        const RegenerationReport& c1 = r.chunks[1];
        double outside = 0, inside = 0;
        for (size_t n = 0; n < N; ++n) {
            const float w = A.encoder_attention[(0 * M + 4) * N + n];  // layer 0, head 0
            const bool own = n >= size_t(c1.token_begin) && n < size_t(c1.token_begin + c1.source_tokens);
            (own ? inside : outside) += w;
            if (own) QCOMPARE(w, c1.attention.encoder_attention[0 * size_t(c1.source_tokens) + (n - c1.token_begin)]);
        }
        QCOMPARE(outside, 0.0);
        QVERIFY(inside > 0);
        // Captured one by one, the chunks regenerate what the batch without capture does.
        const RegenerationReport plain = s_->regenerate("aoc-m4", text, windowed(40));
        for (int i = 0; i < k; ++i) QCOMPARE(r.chunks[i].regenerated, plain.chunks[i].regenerated);
        QCOMPARE(r.together.size(), size_t(1));
        QCOMPARE(r.together[0].attention.memory_tokens, 4 * k);
    }

    // Unasked, only a text over max_source_tokens (512) is cut, with the trained window (40 here).
    void automaticAboveTheLimit() {
        std::string shortish = text_.substr(0, 300);
        QVERIFY(s_->regenerate("aoc-m4", shortish, {}).chunks.empty());
        std::string long_text;
        while (s_->count_tokens(long_text) <= 600) long_text += text_ + "\n";
        const RegenerationReport r = s_->regenerate("aoc-m4", long_text, {});
        QVERIFY(r.chunks.size() >= 15);
        QCOMPARE(r.window_tokens, 40);
        QCOMPARE(r.chunks.back().text_end, long_text.size());
        RegenerateOptions off;
        off.chunking = false;
        const QString e = test::error_of([&] { s_->regenerate("aoc-m4", long_text, off); });
        QVERIFY2(e.contains(QStringLiteral("compresses at most 512")), qPrintable(e));
    }

    void contextLimits() {
        // The multi-span reading of ~1,200 tokens does not fit a context of 1024: a note naming the numbers.
        std::string long_text;
        while (s_->count_tokens(long_text) <= 1100) long_text += text_ + "\n";
        const RegenerationReport r = s_->regenerate("aoc-m4", long_text, windowed(40));
        QVERIFY(r.together.empty());
        QVERIFY2(r.together_note.find("1024") != std::string::npos, r.together_note.c_str());
        QVERIFY2(r.together_note.find(std::to_string(r.source_tokens)) != std::string::npos, r.together_note.c_str());
        QVERIFY(!r.chunks.empty() && !r.regenerated.empty());
        // A chunk's own regeneration past the context is refused before any work, naming the numbers.
        RegenerateOptions o = windowed(40);
        o.max_new_tokens = 1020;
        const QString e = test::error_of([&] { s_->regenerate("aoc-m4", text_, o); });
        QVERIFY2(e.contains(QStringLiteral("chunk 1 of")) && e.contains(QStringLiteral("1025")) &&
                     e.contains(QStringLiteral("1024")),
                 qPrintable(e));
    }

    void windowChecked() {
        for (int w : {-1, 3, 513}) {
            const QString e = test::error_of([&] { s_->regenerate("aoc-m4", text_, windowed(w)); });
            QVERIFY2(e.contains(QStringLiteral("between 8 and 512")), qPrintable(e));
        }
    }

    void cancelKeepsWhatIsDone() {
        std::atomic<bool> cancel{false};
        RunControl cb;
        cb.cancel = &cancel;
        int chunk_seen = 0;
        cb.on_progress = [&](const Progress& p) {
            if (p.chunks > 0) chunk_seen = std::max(chunk_seen, p.chunks);
            if (p.stage == "regenerate" && p.done >= 5) cancel = true;
        };
        const RegenerationReport r = s_->regenerate("aoc-m4", text_, windowed(40), cb);
        QVERIFY(r.cancelled);
        QVERIFY(chunk_seen >= 3);  // progress named how many chunks
        QVERIFY(!r.chunks.empty());
        QVERIFY(r.together.empty());
    }

    // QA on a long context: every chunk's memory tokens at once; past the context, a clear refusal.
    void answerLongContext() {
        std::string long_text;
        while (s_->count_tokens(long_text) <= 600) long_text += text_ + "\n";
        const QAReport q = s_->answer("aoc-m4", long_text, "What is compressed?", {"memory tokens"});
        QVERIFY(q.chunks >= 15);
        QCOMPARE(q.memory_tokens, 4 * q.chunks);
        QVERIFY(q.has_gold);
        QVERIFY(!q.answer_full.empty() || !q.note.empty());
        // The tiny model with a context of 128 positions: 4 memory tokens per chunk of 40, the question
        // and 48 answer tokens no longer fit (the compressor's base fingerprint follows the config).
        QTemporaryDir dir;
        const fs::path model = fs::path(dir.path().toStdString()) / "m";
        fs::create_directories(model / "compressors");
        const fs::path tiny = test::fixture("tiny-model");
        for (const char* f : {"model.safetensors", "tokenizer.model"}) fs::copy_file(tiny / f, model / f);
        fs::copy(tiny / "compressors/aoc-m4", model / "compressors/aoc-m4", fs::copy_options::recursive);
        nlohmann::json config = nlohmann::json::parse(std::ifstream(tiny / "config.json"));
        config["max_position_embeddings"] = 128;
        std::ofstream(model / "config.json") << config.dump(2);
        const std::string fingerprint = load_model_folder(model.string(), {}).model->fingerprint();
        nlohmann::json comp = nlohmann::json::parse(std::ifstream(model / "compressors/aoc-m4/compressor.json"));
        comp["base_fingerprint"] = fingerprint;
        std::ofstream(model / "compressors/aoc-m4/compressor.json") << comp.dump(2);
        SessionOptions so;
        so.model_dir = model.string();
        so.device = test::device();
        auto small = Session::open(so);
        const QString e = test::error_of([&] { small->answer("aoc-m4", long_text, "What is compressed?", {}); });
        QVERIFY2(e.contains(QStringLiteral("memory tokens")) && e.contains(QStringLiteral("48 answer tokens")) &&
                     e.contains(QStringLiteral("context holds 128")),
                 qPrintable(e));
        // There the multi-span reading of a regeneration does not fit either, and says so.
        const RegenerationReport r = small->regenerate("aoc-m4", text_, windowed(40));
        QVERIFY(r.together.empty());
        QVERIFY2(r.together_note.find("holds 128") != std::string::npos, r.together_note.c_str());
    }
};

QTEST_GUILESS_MAIN(TestChunkedSession)
#include "tst_chunked_session.moc"
