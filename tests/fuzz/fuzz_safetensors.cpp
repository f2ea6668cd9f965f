// Fuzzes the safetensors header parser (SafeTensorsFile::from_bytes, the checks open() runs on a
// mapped file). Invariants on an accepted file: every tensor lies inside the data buffer with the
// byte size its shape and dtype give, no two overlap, find() finds each; and the writer writes it
// back so that it reads again as the same tensors, bytes and metadata.
#include <cstring>

#include "fuzz_util.h"
#include "xcomp/error.h"
#include "xcomp/io/safetensors.h"

using namespace xcomp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::shared_ptr<SafeTensorsFile> file;
    try {
        file = SafeTensorsFile::from_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.safetensors");
    } catch (const Error&) {
        return 0;
    }
    uint64_t header_len = 0;
    for (int i = 7; i >= 0; --i) header_len = (header_len << 8) | data[i];
    const uint64_t data_size = size - 8 - header_len;
    uint64_t last_end = 0;
    for (const TensorInfo& t : file->tensors()) {
        FUZZ_CHECK(t.begin <= t.end && t.end <= data_size);
        FUZZ_CHECK(static_cast<uint64_t>(t.numel()) * dtype_size(t.dtype) == t.end - t.begin);
        if (t.begin != t.end) {
            FUZZ_CHECK(t.begin >= last_end);  // sorted by begin, no overlap
            last_end = t.end;
        }
        FUZZ_CHECK(file->find(t.name) == &t);
        // The view points at the tensor's own bytes of the input.
        FUZZ_CHECK(std::memcmp(file->data(t), data + 8 + header_len + t.begin, t.end - t.begin) == 0);
    }

    // Round trip through the writer.
    SafeTensorsWriter writer;
    for (const auto& [k, v] : file->metadata()) writer.set_metadata(k, v);
    try {
        for (const TensorInfo& t : file->tensors()) writer.add(t.name, t.dtype, t.shape, file->data(t), t.end - t.begin);
    } catch (const Error&) {
        std::abort();  // the reader accepted what the writer refuses
    }
    const auto path = fuzz::scratch_dir() / "roundtrip.safetensors";
    writer.write(path.string());
    const auto again = SafeTensorsFile::open(path.string());
    FUZZ_CHECK(again->metadata() == file->metadata());
    FUZZ_CHECK(again->tensors().size() == file->tensors().size());
    for (const TensorInfo& t : file->tensors()) {
        const TensorInfo* u = again->find(t.name);
        FUZZ_CHECK(u && u->dtype == t.dtype && u->shape == t.shape && u->end - u->begin == t.end - t.begin);
        FUZZ_CHECK(std::memcmp(again->data(*u), file->data(t), t.end - t.begin) == 0);
    }
    return 0;
}
