// The one UTF-8 decoder (xcomp/io/utf8.h): code points and lengths of well-formed sequences at
// every boundary of RFC 3629, one-byte steps over everything else, and utf8_append as its inverse.
// (Validity with offsets is in tst_tokenizer; the fuzz harness fuzz_utf8 checks it against an
// independent decoder.)
#include <QtTest>

#include <string>
#include <vector>

#include "xcomp/io/utf8.h"

using namespace xcomp;

class TestUtf8 : public QObject {
    Q_OBJECT
private slots:
    void decodes_every_length() {
        struct Case {
            std::string bytes;
            char32_t cp;
            size_t len;
        };
        const std::vector<Case> cases = {
            {"A", U'A', 1},
            {"\x7F", 0x7F, 1},
            {"\xC2\x80", 0x80, 2},
            {"\xDF\xBF", 0x7FF, 2},
            {"\xE0\xA0\x80", 0x800, 3},
            {"\xE2\x82\xAC", 0x20AC, 3},  // €
            {"\xED\x9F\xBF", 0xD7FF, 3},  // last before the surrogates
            {"\xEE\x80\x80", 0xE000, 3},  // first after them
            {"\xEF\xBF\xBF", 0xFFFF, 3},
            {"\xF0\x90\x80\x80", 0x10000, 4},
            {"\xF0\x9F\x98\x80", 0x1F600, 4},  // 😀
            {"\xF4\x8F\xBF\xBF", 0x10FFFF, 4},
        };
        for (const Case& c : cases) {
            size_t len = 0;
            QCOMPARE(uint32_t(utf8_decode_at(c.bytes + "x", 0, &len)), uint32_t(c.cp));
            QCOMPARE(len, c.len);
            std::string back;
            utf8_append(back, c.cp);
            QCOMPARE(back, c.bytes);
        }
    }

    void ill_formed_bytes_step_by_one() {
        const std::vector<std::string> bad = {
            "\x80",              // stray continuation byte
            "\xC0\xAF",          // overlong '/'
            "\xC1\xBF",          // overlong
            "\xE0\x9F\xBF",      // overlong 3-byte
            "\xED\xA0\x80",      // surrogate U+D800
            "\xF0\x8F\xBF\xBF",  // overlong 4-byte
            "\xF4\x90\x80\x80",  // above U+10FFFF
            "\xF5\x80\x80\x80",  // lead byte never used
            "\xFF",
            "\xE2\x82",          // truncated at the end
            "\xE2\x28\xA1",      // second byte not a continuation
        };
        for (const std::string& b : bad) {
            size_t len = 7;
            QCOMPARE(uint32_t(utf8_decode_at(b, 0, &len)), uint32_t(kInvalidCodePoint));
            QCOMPARE(len, size_t(1));
            QVERIFY(!is_valid_utf8(b));
        }
        // Resynchronisation: a reader stepping by `len` sees the valid text after the bad byte.
        const std::string text = "a\x80\xE2\x82\xAC";
        std::vector<char32_t> seen;
        for (size_t i = 0, len = 0; i < text.size(); i += len) seen.push_back(utf8_decode_at(text, i, &len));
        QCOMPARE(seen.size(), size_t(3));
        QCOMPARE(uint32_t(seen[1]), uint32_t(kInvalidCodePoint));
        QCOMPARE(uint32_t(seen[2]), uint32_t(0x20AC));
    }
};

QTEST_GUILESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
