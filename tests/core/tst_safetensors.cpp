// SafeTensorsFile / SafeTensorsWriter / Checkpoint: round trips and every rejected header.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <functional>
#include <nlohmann/json.hpp>

#include "core/core_test_util.h"
#include "xcomp/error.h"
#include "xcomp/io/safetensors.h"

using namespace xcomp;

namespace {

// Writes a safetensors file by hand: 8-byte length, header text, `data_size` zero bytes.
void write_raw(const QString& path, const std::string& header, size_t data_size) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    char len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<char>(static_cast<uint64_t>(header.size()) >> (8 * i));
    f.write(len, 8);
    f.write(header.data(), static_cast<qint64>(header.size()));
    f.write(QByteArray(static_cast<int>(data_size), '\0'));
}

// The error message, or an empty string when `fn` did not throw xcomp::Error.
using test::error_of;

template <typename T>
std::vector<uint8_t> bytes_of(const std::vector<T>& v) {
    std::vector<uint8_t> b(v.size() * sizeof(T));
    if (!b.empty()) std::memcpy(b.data(), v.data(), b.size());
    return b;
}

}  // namespace

class TestSafeTensors : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString file(const QString& name) const { return tmp_.filePath(name); }
    std::string path(const QString& name) const { return file(name).toStdString(); }

    // Writes `header` (with enough data bytes) and expects open() to fail naming the file and `parts`.
    void expect_header_error(const std::string& header, size_t data_size, std::initializer_list<const char*> parts) {
        const QString name = QString("bad_%1.safetensors").arg(QTest::currentTestFunction());
        write_raw(file(name), header, data_size);
        const std::string p = path(name);
        const std::string msg = error_of([&] { SafeTensorsFile::open(p); });
        QVERIFY2(!msg.empty(), "no xcomp::Error thrown");
        QVERIFY2(msg.find(p) != std::string::npos, msg.c_str());
        for (const char* part : parts) QVERIFY2(msg.find(part) != std::string::npos, msg.c_str());
    }

private slots:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    void dtypeTable() {
        const DType all[] = {DType::F32, DType::F16, DType::BF16, DType::I64, DType::I32, DType::U8};
        const size_t sizes[] = {4, 2, 2, 8, 4, 1};
        for (size_t i = 0; i < 6; ++i) {
            QCOMPARE(dtype_size(all[i]), sizes[i]);
            DType back;
            QVERIFY(parse_dtype(dtype_name(all[i]), &back));
            QCOMPARE(back, all[i]);
        }
        DType d;
        QVERIFY(!parse_dtype("F64", &d));
        QVERIFY(!parse_dtype("f32", &d));
    }

    void roundTripAllDtypes() {
        const std::vector<float> f32{1.5f, -2.f, 3.25f, 0.f, 1e-7f, 42.f};
        const std::vector<uint16_t> f16{0x3C00, 0xC000, 0x7BFF, 0x0001};  // raw half bits
        const std::vector<uint16_t> bf16{0x3F80, 0xBF80, 0x4049, 0x0000};
        const std::vector<int64_t> i64{-1, 0, int64_t(1) << 40};
        const std::vector<int32_t> i32{7, -7};
        const std::vector<uint8_t> u8{0, 1, 2, 254, 255};

        SafeTensorsWriter w;
        w.set_metadata("format", "pt");
        w.set_metadata("note", "h\xC3\xA9llo");
        // Odd-sized narrow tensors added first: the writer must still align the wide ones.
        w.add("u8", DType::U8, {5}, u8.data(), u8.size());
        w.add("f16", DType::F16, {4}, f16.data(), f16.size() * 2);
        w.add("bf16", DType::BF16, {2, 2}, bf16.data(), bf16.size() * 2);
        w.add("f32", DType::F32, {2, 3}, f32.data(), f32.size() * 4);
        w.add("i64", DType::I64, {3}, i64.data(), i64.size() * 8);
        w.add("i32", DType::I32, {1, 2}, i32.data(), i32.size() * 4);
        w.add("empty", DType::F32, {0, 4}, nullptr, 0);
        w.add("scalar", DType::I32, {}, i32.data(), 4);
        QCOMPARE(w.total_bytes(), size_t(5 + 8 + 8 + 24 + 24 + 8 + 0 + 4));
        const std::string p = path("all.safetensors");
        w.write(p);

        // Header is padded to a multiple of 8 and no temporary file is left behind.
        QFile raw(file("all.safetensors"));
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray head = raw.read(8);
        uint64_t header_len = 0;
        for (int i = 7; i >= 0; --i) header_len = (header_len << 8) | uint8_t(head[i]);
        QCOMPARE(header_len % 8, uint64_t(0));
        QCOMPARE(QDir(tmp_.path()).entryList(QStringList{"*.tmp*"}, QDir::Files | QDir::Hidden).size(), 0);

        auto f = SafeTensorsFile::open(p);
        QCOMPARE(f->path(), p);
        QCOMPARE(f->tensors().size(), size_t(8));
        QCOMPARE(f->metadata().size(), size_t(2));
        QCOMPARE(f->metadata().at("format"), std::string("pt"));
        QCOMPARE(f->metadata().at("note"), std::string("h\xC3\xA9llo"));

        auto check = [&](const char* name, DType dtype, std::vector<int64_t> shape, const std::vector<uint8_t>& data) {
            const TensorInfo* t = f->find(name);
            QVERIFY2(t, name);
            QCOMPARE(t->name, std::string(name));
            QCOMPARE(t->dtype, dtype);
            QCOMPARE(t->shape, shape);
            QCOMPARE(t->end - t->begin, uint64_t(data.size()));
            QCOMPARE(t->begin % dtype_size(dtype), uint64_t(0));
            QCOMPARE(reinterpret_cast<uintptr_t>(f->data(*t)) % dtype_size(dtype), uintptr_t(0));
            QVERIFY(data.empty() || std::memcmp(f->data(*t), data.data(), data.size()) == 0);
        };
        check("f32", DType::F32, {2, 3}, bytes_of(f32));
        check("f16", DType::F16, {4}, bytes_of(f16));
        check("bf16", DType::BF16, {2, 2}, bytes_of(bf16));
        check("i64", DType::I64, {3}, bytes_of(i64));
        check("i32", DType::I32, {1, 2}, bytes_of(i32));
        check("u8", DType::U8, {5}, u8);
        check("empty", DType::F32, {0, 4}, {});
        check("scalar", DType::I32, {}, bytes_of(std::vector<int32_t>{7}));
        QCOMPARE(f->at("empty").numel(), int64_t(0));
        QCOMPARE(f->at("scalar").numel(), int64_t(1));
        QCOMPARE(f->at("f32").numel(), int64_t(6));
        QVERIFY(!f->find("nope"));
        EXPECT_ERROR(f->at("nope"), "nope", p.c_str());
    }

    void overwriteIsAtomic() {
        const std::string p = path("over.safetensors");
        const std::vector<float> a{1.f}, b{2.f, 3.f};
        SafeTensorsWriter w1;
        w1.add("x", DType::F32, {1}, a.data(), 4);
        w1.write(p);
        auto old = SafeTensorsFile::open(p);  // still mapped while the file is replaced
        SafeTensorsWriter w2;
        w2.add("x", DType::F32, {2}, b.data(), 8);
        w2.write(p);
        QCOMPARE(*reinterpret_cast<const float*>(old->data(old->at("x"))), 1.f);
        auto now = SafeTensorsFile::open(p);
        QCOMPARE(now->at("x").shape, std::vector<int64_t>{2});
        QVERIFY(now->metadata().empty());
        QCOMPARE(QDir(tmp_.path()).entryList(QStringList{"*.tmp*"}, QDir::Files | QDir::Hidden).size(), 0);
    }

    void writerRejectsBadInput() {
        SafeTensorsWriter w;
        const float x[4] = {};
        EXPECT_ERROR(w.add("a", DType::F32, {3}, x, 16), "'a'", "16 bytes");
        EXPECT_ERROR(w.add("a", DType::F32, {-1}, x, 0), "'a'", "shape");
        EXPECT_ERROR(w.add("__metadata__", DType::F32, {1}, x, 4), "__metadata__");
        w.add("a", DType::F32, {4}, x, 16);
        EXPECT_ERROR(w.add("a", DType::F32, {4}, x, 16), "duplicate", "'a'");
        EXPECT_ERROR(w.write(tmp_.filePath("no/such/dir/x.safetensors").toStdString()), "no/such/dir");
        w.set_metadata("bad", "\xFF");
        EXPECT_ERROR(w.write(path("badmeta.safetensors")), "badmeta.safetensors", "UTF-8");
        QVERIFY(!QFile::exists(file("badmeta.safetensors")));
    }

    void emptyFileOfTensors() {
        SafeTensorsWriter w;
        const std::string p = path("none.safetensors");
        w.write(p);
        auto f = SafeTensorsFile::open(p);
        QVERIFY(f->tensors().empty());
        QVERIFY(f->metadata().empty());
    }

    // ------------------------------------------------------------------------------ bad input

    void missingFile() { EXPECT_ERROR(SafeTensorsFile::open(path("absent.safetensors")), "absent.safetensors"); }

    void fileShorterThan8Bytes() {
        QFile f(file("short.safetensors"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\x02\0\0", 3);
        f.close();
        EXPECT_ERROR(SafeTensorsFile::open(path("short.safetensors")), "short.safetensors", "8-byte");
    }

    void headerLengthBeyondFile() {
        QFile f(file("long.safetensors"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const char len[8] = {char(0xE8), 0x03, 0, 0, 0, 0, 0, 0};  // 1000
        f.write(len, 8);
        f.write("{}      ");
        f.close();
        EXPECT_ERROR(SafeTensorsFile::open(path("long.safetensors")), "long.safetensors", "header length 1000");
    }

    void headerNotJson() { expect_header_error("{\"a\": [", 0, {"header", "JSON"}); }
    void headerNotObject() { expect_header_error("[1, 2, 3]", 0, {"header", "not a JSON object"}); }

    void missingDtype() { expect_header_error(R"({"w": {"shape": [1], "data_offsets": [0, 4]}})", 4, {"'w'", "'dtype'", "missing"}); }
    void dtypeWrongType() { expect_header_error(R"({"w": {"dtype": 4, "shape": [1], "data_offsets": [0, 4]}})", 4, {"'w'", "'dtype'", "string"}); }
    void unknownDtype() { expect_header_error(R"({"w": {"dtype": "F64", "shape": [1], "data_offsets": [0, 8]}})", 8, {"'w'", "'dtype'", "F64"}); }
    void missingShape() { expect_header_error(R"({"w": {"dtype": "F32", "data_offsets": [0, 4]}})", 4, {"'w'", "'shape'", "missing"}); }
    void shapeWrongType() { expect_header_error(R"({"w": {"dtype": "F32", "shape": "1", "data_offsets": [0, 4]}})", 4, {"'w'", "'shape'", "array"}); }
    void shapeNotIntegers() { expect_header_error(R"({"w": {"dtype": "F32", "shape": [1.5], "data_offsets": [0, 4]}})", 4, {"'w'", "'shape'", "integers"}); }
    void negativeDim() { expect_header_error(R"({"w": {"dtype": "F32", "shape": [2, -1], "data_offsets": [0, 0]}})", 0, {"'w'", "'shape'", "negative"}); }
    void missingOffsets() { expect_header_error(R"({"w": {"dtype": "F32", "shape": [1]}})", 4, {"'w'", "'data_offsets'", "missing"}); }
    void offsetsWrongType() { expect_header_error(R"({"w": {"dtype": "F32", "shape": [1], "data_offsets": [0]}})", 4, {"'w'", "'data_offsets'", "[begin, end]"}); }
    void offsetsNegative() { expect_header_error(R"({"w": {"dtype": "F32", "shape": [1], "data_offsets": [-4, 0]}})", 4, {"'w'", "'data_offsets'", "non-negative"}); }
    void offsetsReversed() { expect_header_error(R"({"w": {"dtype": "F32", "shape": [1], "data_offsets": [8, 4]}})", 8, {"'w'", "'data_offsets'", "begin 8 > end 4"}); }
    void entryNotObject() { expect_header_error(R"({"w": [1, 2]})", 0, {"'w'", "object"}); }

    void endBeyondBuffer() {
        expect_header_error(R"({"w": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}})", 12,
                            {"'w'", "'data_offsets'", "beyond the data buffer"});
    }

    void byteSizeMismatch() {
        expect_header_error(R"({"w": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 12]}})", 16,
                            {"'w'", "'data_offsets'", "does not match"});
    }

    void overlappingTensors() {
        expect_header_error(R"({"a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]},
                               "b": {"dtype": "F32", "shape": [2], "data_offsets": [12, 20]}})",
                            20, {"'b'", "'data_offsets'", "overlaps tensor 'a'"});
    }

    void overlapHiddenBehindShortTensor() {
        // b lies inside a; c starts after b ends but still inside a.
        expect_header_error(R"({"a": {"dtype": "U8", "shape": [16], "data_offsets": [0, 16]},
                               "b": {"dtype": "U8", "shape": [16], "data_offsets": [16, 32]},
                               "c": {"dtype": "U8", "shape": [4], "data_offsets": [20, 24]}})",
                            32, {"'c'", "overlaps tensor 'b'"});
    }

    void emptyTensorsMayShareOffsets() {
        write_raw(file("empties.safetensors"),
                  R"({"a": {"dtype": "F32", "shape": [0], "data_offsets": [4, 4]},
                      "b": {"dtype": "F16", "shape": [3, 0], "data_offsets": [4, 4]},
                      "c": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}})",
                  8);
        auto f = SafeTensorsFile::open(path("empties.safetensors"));
        QCOMPARE(f->tensors().size(), size_t(3));
        QCOMPARE(f->at("b").numel(), int64_t(0));
    }

    void metadataNotString() {
        expect_header_error(R"({"__metadata__": {"epoch": 3}, "w": {"dtype": "U8", "shape": [1], "data_offsets": [0, 1]}})",
                            1, {"__metadata__.epoch", "strings"});
    }

    void metadataNotObject() { expect_header_error(R"({"__metadata__": "x"})", 0, {"'__metadata__'", "object"}); }

    void duplicateNames() {
        expect_header_error(R"({"w": {"dtype": "U8", "shape": [1], "data_offsets": [0, 1]},
                               "w": {"dtype": "U8", "shape": [1], "data_offsets": [1, 2]}})",
                            2, {"duplicate", "'w'"});
    }

    // ---------------------------------------------------------------------------- checkpoints

    void checkpointSingleFile() {
        QDir(tmp_.path()).mkpath("single");
        const std::vector<float> v{1.f, 2.f};
        SafeTensorsWriter w;
        w.add("layer.weight", DType::F32, {2}, v.data(), 8);
        w.write(tmp_.filePath("single/adapter_model.safetensors").toStdString());
        const Checkpoint c = Checkpoint::open(tmp_.filePath("single").toStdString(), "adapter_model");
        QCOMPARE(c.names(), std::vector<std::string>{"layer.weight"});
        const SafeTensorsFile* f = nullptr;
        const TensorInfo* t = c.find("layer.weight", &f);
        QVERIFY(t && f);
        QCOMPARE(reinterpret_cast<const float*>(f->data(*t))[1], 2.f);
        QVERIFY(!c.find("other", &f));
        QVERIFY(!f);
        // The default stem is "model", absent here.
        EXPECT_ERROR(Checkpoint::open(tmp_.filePath("single").toStdString()), "single", "model.safetensors");
    }

    void checkpointShardedRoundTrip() {
        QDir(tmp_.path()).mkpath("sharded");
        const QString dir = tmp_.filePath("sharded");
        const std::vector<float> a{1.f, 2.f, 3.f};
        const std::vector<int64_t> b{10, 20};
        const std::vector<uint8_t> c{9};
        SafeTensorsWriter s1, s2;
        s1.add("a", DType::F32, {3}, a.data(), 12);
        s1.add("b", DType::I64, {2}, b.data(), 16);
        s2.add("c", DType::U8, {1}, c.data(), 1);
        s1.write((dir + "/model-00001-of-00002.safetensors").toStdString());
        s2.write((dir + "/model-00002-of-00002.safetensors").toStdString());
        const nlohmann::json index = {
            {"metadata", {{"total_size", 29}}},
            {"weight_map",
             {{"a", "model-00001-of-00002.safetensors"},
              {"b", "model-00001-of-00002.safetensors"},
              {"c", "model-00002-of-00002.safetensors"}}}};
        QFile f(dir + "/model.safetensors.index.json");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(index.dump(2)));
        f.close();

        const Checkpoint ck = Checkpoint::open(dir.toStdString());
        QCOMPARE(ck.dir(), dir.toStdString());
        QCOMPARE(ck.names(), (std::vector<std::string>{"a", "b", "c"}));
        const SafeTensorsFile* file_a = nullptr;
        const SafeTensorsFile* file_c = nullptr;
        const TensorInfo* ta = ck.find("a", &file_a);
        const TensorInfo* tc = ck.find("c", &file_c);
        QVERIFY(ta && tc && file_a && file_c);
        QVERIFY(file_a != file_c);
        QVERIFY(QString::fromStdString(file_c->path()).endsWith("model-00002-of-00002.safetensors"));
        QCOMPARE(reinterpret_cast<const float*>(file_a->data(*ta))[2], 3.f);
        QCOMPARE(file_c->data(*tc)[0], uint8_t(9));
        const SafeTensorsFile* file_b = nullptr;
        const TensorInfo* tb = ck.find("b", &file_b);
        QCOMPARE(file_b, file_a);
        QCOMPARE(reinterpret_cast<const int64_t*>(file_b->data(*tb))[1], int64_t(20));
    }

    void indexMissingWeightMap() {
        QDir(tmp_.path()).mkpath("nomap");
        QFile f(tmp_.filePath("nomap/model.safetensors.index.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"metadata": {}})");
        f.close();
        EXPECT_ERROR(Checkpoint::open(tmp_.filePath("nomap").toStdString()), "model.safetensors.index.json",
                     "weight_map", "missing");
    }

    void indexNotJson() {
        QDir(tmp_.path()).mkpath("badindex");
        QFile f(tmp_.filePath("badindex/model.safetensors.index.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("weight_map = 1");
        f.close();
        EXPECT_ERROR(Checkpoint::open(tmp_.filePath("badindex").toStdString()), "model.safetensors.index.json", "JSON");
    }

    void indexShardMissing() {
        QDir(tmp_.path()).mkpath("noshard");
        QFile f(tmp_.filePath("noshard/model.safetensors.index.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"weight_map": {"a": "model-00001-of-00001.safetensors"}})");
        f.close();
        EXPECT_ERROR(Checkpoint::open(tmp_.filePath("noshard").toStdString()), "model.safetensors.index.json",
                     "weight_map.a", "model-00001-of-00001.safetensors", "missing");
    }

    void indexTensorNotInShard() {
        QDir(tmp_.path()).mkpath("wrongshard");
        const std::vector<float> v{1.f};
        SafeTensorsWriter w;
        w.add("a", DType::F32, {1}, v.data(), 4);
        w.write(tmp_.filePath("wrongshard/s1.safetensors").toStdString());
        QFile f(tmp_.filePath("wrongshard/model.safetensors.index.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"weight_map": {"a": "s1.safetensors", "z": "s1.safetensors"}})");
        f.close();
        EXPECT_ERROR(Checkpoint::open(tmp_.filePath("wrongshard").toStdString()), "'z'", "s1.safetensors");
    }

    void checkpointNothingThere() {
        QDir(tmp_.path()).mkpath("emptydir");
        EXPECT_ERROR(Checkpoint::open(tmp_.filePath("emptydir").toStdString()), "emptydir", "model.safetensors",
                     "model.safetensors.index.json");
    }
};

QTEST_GUILESS_MAIN(TestSafeTensors)
#include "tst_safetensors.moc"
