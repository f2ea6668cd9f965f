// xcomp/io/safetensors.h — reader and writer for the safetensors format, without LibTorch.
//
// Format: 8-byte little-endian header length N, N bytes of JSON
// {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}},
// then the data buffer. Files are memory-mapped; every header field is validated on open
// (dtype known, shape non-negative, byte size = product(shape) * dtype size, offsets inside the
// buffer, no two tensors overlapping).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace xcomp {

enum class DType { F32, F16, BF16, I64, I32, I8, U8 };

size_t dtype_size(DType dtype);
const char* dtype_name(DType dtype);  // "F32", "BF16", ...
bool parse_dtype(const std::string& name, DType* out);

struct TensorInfo {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    uint64_t begin = 0;  // byte offsets into the data buffer
    uint64_t end = 0;
    int64_t numel() const;
};

class SafeTensorsFile {
public:
    // Maps `path` read-only and validates its header; throws xcomp::Error naming file and field.
    static std::shared_ptr<SafeTensorsFile> open(const std::string& path);
    // The same checks on a file's whole content held in memory (kept by the object); `origin` names
    // it in messages. For callers that do not have a file, and for the fuzz harness.
    static std::shared_ptr<SafeTensorsFile> from_bytes(std::string bytes, const std::string& origin);
    ~SafeTensorsFile();
    SafeTensorsFile(const SafeTensorsFile&) = delete;
    SafeTensorsFile& operator=(const SafeTensorsFile&) = delete;

    const std::string& path() const { return path_; }
    const std::map<std::string, std::string>& metadata() const { return metadata_; }
    const std::vector<TensorInfo>& tensors() const { return tensors_; }
    const TensorInfo* find(const std::string& name) const;  // nullptr when absent
    const TensorInfo& at(const std::string& name) const;    // throws when absent
    const uint8_t* data(const TensorInfo& info) const { return data_ + info.begin; }

private:
    SafeTensorsFile() = default;
    void parse(const uint8_t* bytes, size_t size);  // header checks shared by open() and from_bytes()
    std::string path_;
    std::map<std::string, std::string> metadata_;
    std::vector<TensorInfo> tensors_;
    std::map<std::string, size_t> index_;
    void* map_ = nullptr;
    size_t map_size_ = 0;
    std::string owned_;  // from_bytes(): the content, when nothing is mapped
    const uint8_t* data_ = nullptr;
};

// Collects tensors and writes them atomically (temporary file + rename).
class SafeTensorsWriter {
public:
    void set_metadata(const std::string& key, const std::string& value) { metadata_[key] = value; }
    // Copies `bytes` bytes from `data`; bytes must equal product(shape) * dtype_size(dtype).
    void add(const std::string& name, DType dtype, const std::vector<int64_t>& shape, const void* data,
             size_t bytes);
    void write(const std::string& path) const;
    size_t total_bytes() const;

private:
    struct Entry {
        std::string name;
        DType dtype;
        std::vector<int64_t> shape;
        std::vector<uint8_t> bytes;
    };
    std::map<std::string, std::string> metadata_;
    std::vector<Entry> entries_;
};

// A checkpoint folder: `model.safetensors`, or shards listed by `model.safetensors.index.json`
// (weight_map: tensor name -> shard file). `stem` selects e.g. "adapter_model".
class Checkpoint {
public:
    static Checkpoint open(const std::string& dir, const std::string& stem = "model");
    const TensorInfo* find(const std::string& name, const SafeTensorsFile** file) const;
    std::vector<std::string> names() const;
    const std::string& dir() const { return dir_; }

private:
    std::string dir_;
    std::vector<std::shared_ptr<SafeTensorsFile>> files_;
    std::map<std::string, size_t> where_;  // tensor name -> index into files_
};

}  // namespace xcomp
