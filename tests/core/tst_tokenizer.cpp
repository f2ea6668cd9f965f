// Tokenizer (sentencepiece) training, encode/decode, error cases; UTF-8 validation.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>

#include "core/core_test_util.h"
#include "xcomp/error.h"
#include "xcomp/io/tokenizer.h"

using namespace xcomp;

namespace {

const char* kTrainingText =
    "The cat sat on the mat and looked at the garden through the window.\n"
    "A dog ran across the garden, chasing a ball that the children had thrown.\n"
    "In the evening the family cooked dinner together and talked about the day.\n"
    "Rain fell on the roof while the kettle boiled and the radio played softly.\n"
    "Numbers like 12, 345 and 2024 should be split into single digits.\n"
    "Every morning the baker sells fresh bread, warm rolls and sweet cakes.\n"
    "The river flows past the mill, under the bridge and into the quiet lake.\n"
    "Students read books, write notes and ask questions about what they learn.\n"
    "Travellers carry maps, water and food when they walk over the mountains.\n"
    "The quick brown fox jumps over the lazy dog; wizards vex jumping gnomes.\n";

}  // namespace

class TestTokenizer : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::shared_ptr<const Tokenizer> tok_;

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        QFile f(tmp_.filePath("train.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 20; ++i) f.write(kTrainingText);  // enough sentences for the trainer
        f.close();
        // A space in the prefix checks that paths are not split on whitespace.
        const std::string prefix = tmp_.filePath("my tok").toStdString();
        Tokenizer::train(tmp_.filePath("train.txt").toStdString(), prefix, 200);
        QVERIFY(QFile::exists(tmp_.filePath("my tok.model")));
        tok_ = Tokenizer::load(prefix + ".model");
    }

    void specialIds() {
        QVERIFY(tok_->vocab_size() > 100);
        QVERIFY(tok_->vocab_size() <= 200);
        QCOMPARE(tok_->unk_id(), 0);
        QCOMPARE(tok_->bos_id(), 1);
        QCOMPARE(tok_->eos_id(), 2);
        QCOMPARE(tok_->pad_id(), -1);
        QCOMPARE(tok_->pieces({0, 1, 2}), (std::vector<std::string>{"<unk>", "<s>", "</s>"}));
    }

    void roundTrip_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("sentence") << "The cat sat on the mat.";
        QTest::newRow("unseen words") << "A quick wizard carried the bread over the bridge.";
        QTest::newRow("digits") << "In 2024 we baked 345 rolls.";
        QTest::newRow("double spaces") << "the  dog   ran";
        QTest::newRow("leading space") << " the lake";
        QTest::newRow("empty") << "";
    }

    void roundTrip() {
        QFETCH(QString, text);
        const std::string s = text.toStdString();
        const std::vector<int> ids = tok_->encode(s);
        QCOMPARE(ids.empty(), s.empty());
        for (int id : ids) {
            QVERIFY(id >= 0 && id < tok_->vocab_size());
            QVERIFY(id != tok_->bos_id() && id != tok_->eos_id());  // none added
            QVERIFY(id != tok_->unk_id());
        }
        QCOMPARE(QString::fromStdString(tok_->decode(ids)), text);
    }

    void digitsAreSplit() {
        const std::vector<std::string> p = tok_->pieces(tok_->encode("2024"));
        QStringList joined;
        for (const auto& s : p) joined << QString::fromStdString(s);
        for (const auto& s : p) {
            // each piece holds at most one digit (the first may carry the word-boundary space)
            int digits = 0;
            for (char ch : s) digits += (ch >= '0' && ch <= '9');
            QVERIFY2(digits <= 1, qPrintable(joined.join('|')));
        }
    }

    void piecesShowSpaces() {
        const std::vector<int> ids = tok_->encode("the cat");
        const std::vector<std::string> p = tok_->pieces(ids);
        QCOMPARE(p.size(), ids.size());
        std::string joined;
        for (const auto& s : p) joined += s;
        QCOMPARE(joined, std::string(" the cat"));  // U+2581 shown as a space, dummy prefix included
    }

    void invalidUtf8Rejected() {
        EXPECT_ERROR(tok_->encode("abc\xC0\xAF rest"), "UTF-8", "byte offset 3");
        EXPECT_ERROR(tok_->encode("\xED\xA0\x80"), "UTF-8", "byte offset 0");
    }

    void idsOutOfRange() {
        EXPECT_ERROR(tok_->decode({5, 100000}), "100000", "position 1");
        EXPECT_ERROR(tok_->pieces({-1}), "-1");
    }

    void missingModel() {
        const std::string p = tmp_.filePath("nothing.model").toStdString();
        EXPECT_ERROR(Tokenizer::load(p), p.c_str(), "not found");
    }

    void corruptModel() {
        QFile f(tmp_.filePath("corrupt.model"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a protobuf model at all \x01\x02\x03");
        f.close();
        const std::string p = tmp_.filePath("corrupt.model").toStdString();
        EXPECT_ERROR(Tokenizer::load(p), p.c_str(), "sentencepiece model");
    }

    void trainMissingInput() {
        const std::string p = tmp_.filePath("no-input.txt").toStdString();
        EXPECT_ERROR(Tokenizer::train(p, tmp_.filePath("x").toStdString(), 100), p.c_str());
    }

    void fixtureModel() {
        const auto t = Tokenizer::load(XCOMP_FIXTURES_DIR "/tokenizer/tokenizer.model");
        QCOMPARE(t->vocab_size(), 256);
        QCOMPARE(t->bos_id(), 1);
        QCOMPARE(t->eos_id(), 2);
        const std::string s = "The baker opens his shop at 6 o'clock.";
        QCOMPARE(t->decode(t->encode(s)), s);
    }

    // --------------------------------------------------------------------------------- UTF-8

    void utf8_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("offset");
        QTest::newRow("ascii") << QByteArray("hello") << true << -1;
        QTest::newRow("empty") << QByteArray("") << true << -1;
        QTest::newRow("2-byte") << QByteArray("\xC3\xA9") << true << -1;
        QTest::newRow("3-byte") << QByteArray("\xE2\x82\xAC") << true << -1;
        QTest::newRow("4-byte max") << QByteArray("\xF4\x8F\xBF\xBF") << true << -1;
        QTest::newRow("U+FFFF") << QByteArray("\xEF\xBF\xBF") << true << -1;
        QTest::newRow("U+E000 after surrogates") << QByteArray("\xEE\x80\x80") << true << -1;
        QTest::newRow("NUL inside") << QByteArray("a\0b", 3) << true << -1;
        QTest::newRow("overlong 2-byte /") << QByteArray("ab\xC0\xAF") << false << 2;
        QTest::newRow("overlong C1") << QByteArray("\xC1\xBF") << false << 0;
        QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << false << 0;
        QTest::newRow("overlong 4-byte") << QByteArray("x\xF0\x8F\xBF\xBF") << false << 1;
        QTest::newRow("surrogate D800") << QByteArray("\xED\xA0\x80") << false << 0;
        QTest::newRow("surrogate DFFF") << QByteArray("\xED\xBF\xBF") << false << 0;
        QTest::newRow("above 10FFFF") << QByteArray("\xF4\x90\x80\x80") << false << 0;
        QTest::newRow("F5 lead") << QByteArray("\xF5\x80\x80\x80") << false << 0;
        QTest::newRow("lone continuation") << QByteArray("ok\x80") << false << 2;
        QTest::newRow("truncated") << QByteArray("\xE2\x82") << false << 0;
        QTest::newRow("bad continuation") << QByteArray("\xC3\x28") << false << 0;
        QTest::newRow("FF") << QByteArray("a\xFF") << false << 1;
    }

    void utf8() {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QFETCH(int, offset);
        size_t bad = 12345;
        QCOMPARE(is_valid_utf8(bytes.toStdString(), &bad), valid);
        if (!valid) QCOMPARE(bad, size_t(offset));
        QCOMPARE(is_valid_utf8(bytes.toStdString()), valid);
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
