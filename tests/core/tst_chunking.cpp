// split_into_chunks (xcomp/compress/chunking.h): sentence boundaries, exact coverage of the text,
// UTF-8 safety, a sentence longer than the window, and the trained window of a compressor.json.
#include <QtTest>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/core_test_util.h"
#include "xcomp/compress/chunking.h"
#include "xcomp/io/tokenizer.h"

using namespace xcomp;

namespace {

std::string fixture(const std::string& rel) { return std::string(XCOMP_FIXTURES_DIR) + "/" + rel; }

// Every chunk follows the one before, the last ends at the end, each range starts on a character and
// holds as many tokens as it says; none is over the window unless it is one character.
void check_cover(const Tokenizer& tok, const std::string& text, const std::vector<TextChunk>& chunks, int window) {
    QVERIFY(!chunks.empty());
    QCOMPARE(chunks.front().begin, size_t(0));
    QCOMPARE(chunks.back().end, text.size());
    for (size_t i = 0; i < chunks.size(); ++i) {
        const TextChunk& c = chunks[i];
        if (i > 0) QCOMPARE(c.begin, chunks[i - 1].end);
        QVERIFY(c.end >= c.begin);
        if (c.begin < text.size()) QVERIFY((static_cast<unsigned char>(text[c.begin]) & 0xC0) != 0x80);
        const std::string part = text.substr(c.begin, c.end - c.begin);
        QVERIFY2(is_valid_utf8(part), part.c_str());
        QCOMPARE(c.tokens, static_cast<int>(tok.encode(part).size()));
        if (text.size() > 0) QVERIFY2(c.tokens > 0, "a chunk without tokens");
        if (c.tokens > window) {
            size_t chars = 0;
            for (char ch : part) chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
            QVERIFY2(chars == 1, "a chunk over the window that is more than one character");
        }
    }
}

}  // namespace

class TestChunking : public QObject {
    Q_OBJECT
    std::shared_ptr<const Tokenizer> tok_;

private slots:
    void initTestCase() { tok_ = Tokenizer::load(fixture("tokenizer/tokenizer.model")); }

    void shortTextIsOneChunk() {
        const std::string t = "The cat sat on the mat. It looked out.";
        const auto chunks = split_into_chunks(*tok_, t, 512);
        QCOMPARE(chunks.size(), size_t(1));
        QCOMPARE(chunks[0].end, t.size());
        QCOMPARE(chunks[0].tokens, static_cast<int>(tok_->encode(t).size()));
    }

    // Three sentences of about the same length and a window that holds two: the cut falls after the second.
    void cutsAtSentenceEnds() {
        const std::string a = "The cat sat on the mat and looked at the garden. ";
        const std::string b = "A dog ran across the garden, chasing a ball? ";
        const std::string c = "Rain fell on the roof while the kettle boiled!\n";
        const std::string d = "The river flows past the mill.";
        const std::string t = a + b + c + d;
        const int ab = static_cast<int>(tok_->encode(a + b).size());
        const auto chunks = split_into_chunks(*tok_, t, ab);
        check_cover(*tok_, t, chunks, ab);
        QVERIFY(chunks.size() >= 2);
        const std::vector<size_t> ends{a.size(), (a + b).size(), (a + b + c).size()};
        QVERIFY(std::find(ends.begin(), ends.end(), chunks[0].end) != ends.end());  // whitespace stays with its sentence
        for (const TextChunk& ch : chunks) {      // every cut is right after an end mark and its whitespace
            if (ch.end == t.size()) continue;
            const std::string before = t.substr(0, ch.end);
            const size_t last = before.find_last_not_of(" \n");
            QVERIFY2(std::string(".?!\n").find(before[last]) != std::string::npos || before.back() == '\n', before.c_str());
        }
        // A window that holds everything gives one chunk.
        QCOMPARE(split_into_chunks(*tok_, t, 10000).size(), size_t(1));
    }

    // Six like sentences and a window that holds five: not 5 + 1 but 3 + 3 (a shorter text regenerates better).
    void evensOutTheChunks() {
        std::string t;
        for (int i = 0; i < 6; ++i) t += "The cat sat on the mat. ";
        const int five = static_cast<int>(tok_->encode(t.substr(0, 5 * 24)).size());
        const auto chunks = split_into_chunks(*tok_, t, five);
        check_cover(*tok_, t, chunks, five);
        QCOMPARE(chunks.size(), size_t(2));
        QCOMPARE(chunks[0].end, size_t(3 * 24));
    }

    // "Dr. Who" style abbreviations and decimals: "3.5" is no sentence end (no space after the dot).
    void noCutInsideNumbers() {
        const std::string t = "Version 3.5 is out. The value 2.75 is larger than 1.25 and smaller than 10.5 today.";
        const auto chunks = split_into_chunks(*tok_, t, static_cast<int>(tok_->encode("Version 3.5 is out. ").size()));
        check_cover(*tok_, t, chunks, 1 << 20);
        for (const TextChunk& ch : chunks)
            if (ch.end < t.size()) QVERIFY2(t[ch.end - 1] == ' ', t.substr(0, ch.end).c_str());
    }

    // One sentence of many words and a small window: cut at word boundaries, each within the window.
    void sentenceLongerThanWindow() {
        std::string t;
        for (int i = 0; i < 30; ++i) t += "garden window kettle ";
        t += "end.";
        const int window = 12;
        const auto chunks = split_into_chunks(*tok_, t, window);
        check_cover(*tok_, t, chunks, window);
        QVERIFY(chunks.size() >= 5);
        for (const TextChunk& ch : chunks) {
            QVERIFY(ch.tokens <= window);
            if (ch.begin > 0) QCOMPARE(t[ch.begin - 1], ' ');  // starts on a word
        }
    }

    // Multi-byte characters: a word of 2- and 3-byte characters longer than the window is cut between
    // characters, never inside one; CJK full stops end sentences without a space.
    void utf8Safety() {
        std::string word;
        for (int i = 0; i < 40; ++i) word += (i % 2) ? "\u00e9" : "\u4e2d";  // é 中 (unknown pieces too)
        const std::string t = "Caf\u00e9 na\u00efve r\u00e9sum\u00e9. " + word + " \u6587\u3002\u6587\u5b57\uff01ok";
        for (int window : {1, 3, 7, 20}) {
            const auto chunks = split_into_chunks(*tok_, t, window);
            check_cover(*tok_, t, chunks, window);
        }
        const std::string a = "The cat sat on the mat\u3002", b = "The dog ran across the garden\uff01";
        const auto chunks = split_into_chunks(*tok_, a + b, static_cast<int>(tok_->encode(a).size()));
        QVERIFY(chunks.size() >= 2);
        QCOMPARE(chunks[0].end, a.size());
    }

    void edgeCases() {
        QCOMPARE(split_into_chunks(*tok_, "", 8).size(), size_t(1));
        const std::string spaces = "  \n  ";
        const auto c = split_into_chunks(*tok_, spaces, 8);
        QCOMPARE(c.size(), size_t(1));
        QCOMPARE(c[0].end, spaces.size());
        // Leading whitespace and blank lines stay inside chunks; no chunk is whitespace only.
        const std::string t = "\n\n  First line here.\n\n\nSecond line here.\n  Third one.  ";
        check_cover(*tok_, t, split_into_chunks(*tok_, t, 6), 6);
        EXPECT_ERROR(split_into_chunks(*tok_, "text", 0), "window", "at least 1");
        EXPECT_ERROR(split_into_chunks(*tok_, std::string("ab\xff"), 8), "UTF-8", "offset 2");
    }

    void trainedWindow() {
        QCOMPARE(trained_window(R"({"tokens": [96, 480], "steps": 10})", 512), 480);
        QCOMPARE(trained_window(R"({"tokens": [96, 600]})", 512), 512);  // capped by the hard limit
        QCOMPARE(trained_window("{}", 512), 512);
        QCOMPARE(trained_window("", 300), 300);
        QCOMPARE(trained_window("not json", 512), 512);
        QCOMPARE(trained_window(R"({"tokens": "96-480"})", 512), 512);
    }
};

QTEST_APPLESS_MAIN(TestChunking)
#include "tst_chunking.moc"
