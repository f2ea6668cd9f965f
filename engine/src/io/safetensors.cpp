// safetensors reader (mmap), atomic writer and (sharded) checkpoint folders.
#include "xcomp/io/atomic_file.h"
#include "xcomp/io/safetensors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "xcomp/error.h"

namespace xcomp {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kMetadataKey = "__metadata__";

[[noreturn]] void fail(const std::string& path, const std::string& message) {
    throw Error(path + ": " + message);
}

[[noreturn]] void fail_tensor(const std::string& path, const std::string& tensor, const std::string& field,
                              const std::string& message) {
    throw Error(path + ": tensor '" + tensor + "': field '" + field + "': " + message);
}

std::string sys_error() { return std::strerror(errno); }

// Element count, or -1 when a dimension is negative or the product overflows int64.
int64_t checked_numel(const std::vector<int64_t>& shape) {
    int64_t n = 1;
    for (int64_t d : shape) {
        if (d < 0) return -1;
        if (d != 0 && n > std::numeric_limits<int64_t>::max() / d) return -1;
        n *= d;
    }
    return n;
}

// nlohmann keeps the last of duplicate keys silently; this parser callback notices them instead.
struct DuplicateKeyWatch {
    std::vector<std::set<std::string>> stack;
    std::string duplicate;

    bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
        switch (event) {
            case json::parse_event_t::object_start:
                stack.emplace_back();
                break;
            case json::parse_event_t::object_end:
                if (!stack.empty()) stack.pop_back();
                break;
            case json::parse_event_t::key:
                if (!stack.empty() && !stack.back().insert(parsed.get<std::string>()).second && duplicate.empty())
                    duplicate = parsed.get<std::string>();
                break;
            default:
                break;
        }
        return true;
    }
};

json parse_json_strict(const std::string& text, const std::string& path, const std::string& what) {
    DuplicateKeyWatch watch;
    json value;
    try {
        value = json::parse(text, std::ref(watch));
    } catch (const json::exception& e) {  // parse_error, and out_of_range for a number like 1e999
        fail(path, what + " is not valid JSON (" + e.what() + ")");
    }
    if (!watch.duplicate.empty()) fail(path, what + ": duplicate name '" + watch.duplicate + "'");
    if (!value.is_object()) fail(path, what + " is not a JSON object");
    return value;
}

uint64_t read_offset(const std::string& path, const std::string& name, const json& v) {
    if (!v.is_number_unsigned()) fail_tensor(path, name, "data_offsets", "entries must be non-negative integers");
    return v.get<uint64_t>();
}

TensorInfo parse_tensor(const std::string& path, const std::string& name, const json& entry) {
    if (!entry.is_object()) fail_tensor(path, name, "(entry)", "must be an object");
    TensorInfo info;
    info.name = name;

    auto dtype = entry.find("dtype");
    if (dtype == entry.end()) fail_tensor(path, name, "dtype", "missing");
    if (!dtype->is_string()) fail_tensor(path, name, "dtype", "must be a string");
    if (!parse_dtype(dtype->get<std::string>(), &info.dtype))
        fail_tensor(path, name, "dtype", "unknown dtype '" + dtype->get<std::string>() + "'");

    auto shape = entry.find("shape");
    if (shape == entry.end()) fail_tensor(path, name, "shape", "missing");
    if (!shape->is_array()) fail_tensor(path, name, "shape", "must be an array");
    for (const json& d : *shape) {
        if (!d.is_number_integer()) fail_tensor(path, name, "shape", "dimensions must be integers");
        if (d.is_number_unsigned()) {
            if (d.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
                fail_tensor(path, name, "shape", "dimension too large");
        } else if (d.get<int64_t>() < 0) {
            fail_tensor(path, name, "shape", "negative dimension " + std::to_string(d.get<int64_t>()));
        }
        info.shape.push_back(d.get<int64_t>());
    }

    auto offsets = entry.find("data_offsets");
    if (offsets == entry.end()) fail_tensor(path, name, "data_offsets", "missing");
    if (!offsets->is_array() || offsets->size() != 2)
        fail_tensor(path, name, "data_offsets", "must be an array [begin, end]");
    info.begin = read_offset(path, name, (*offsets)[0]);
    info.end = read_offset(path, name, (*offsets)[1]);
    if (info.begin > info.end)
        fail_tensor(path, name, "data_offsets",
                    "begin " + std::to_string(info.begin) + " > end " + std::to_string(info.end));

    const int64_t numel = checked_numel(info.shape);
    if (numel < 0) fail_tensor(path, name, "shape", "element count overflows");
    const uint64_t elem = dtype_size(info.dtype);
    if (static_cast<uint64_t>(numel) > std::numeric_limits<uint64_t>::max() / elem ||
        static_cast<uint64_t>(numel) * elem != info.end - info.begin)
        fail_tensor(path, name, "data_offsets",
                    "byte size " + std::to_string(info.end - info.begin) + " does not match shape x dtype (" +
                        std::to_string(numel) + " x " + std::to_string(elem) + " bytes)");
    return info;
}

std::string shape_text(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

}  // namespace

// ---------------------------------------------------------------------------------------------- dtypes

size_t dtype_size(DType dtype) {
    switch (dtype) {
        case DType::F32: return 4;
        case DType::F16: return 2;
        case DType::BF16: return 2;
        case DType::I64: return 8;
        case DType::I32: return 4;
        case DType::I8: return 1;
        case DType::U8: return 1;
    }
    return 0;
}

const char* dtype_name(DType dtype) {
    switch (dtype) {
        case DType::F32: return "F32";
        case DType::F16: return "F16";
        case DType::BF16: return "BF16";
        case DType::I64: return "I64";
        case DType::I32: return "I32";
        case DType::I8: return "I8";
        case DType::U8: return "U8";
    }
    return "?";
}

bool parse_dtype(const std::string& name, DType* out) {
    static const std::pair<const char*, DType> table[] = {{"F32", DType::F32}, {"F16", DType::F16},
                                                          {"BF16", DType::BF16}, {"I64", DType::I64},
                                                          {"I32", DType::I32}, {"I8", DType::I8},
                                                          {"U8", DType::U8}};
    for (const auto& [n, t] : table) {
        if (name == n) {
            if (out) *out = t;
            return true;
        }
    }
    return false;
}

int64_t TensorInfo::numel() const {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
}

// -------------------------------------------------------------------------------------------- reading

std::shared_ptr<SafeTensorsFile> SafeTensorsFile::open(const std::string& path) {
    std::shared_ptr<SafeTensorsFile> file(new SafeTensorsFile());
    file->path_ = path;

    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, "cannot open: " + sys_error());
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const std::string err = sys_error();
        ::close(fd);
        fail(path, "cannot stat: " + err);
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        fail(path, "not a regular file");
    }
    const size_t size = static_cast<size_t>(st.st_size);
    if (size < 8) {
        ::close(fd);
        fail(path, "file is " + std::to_string(size) + " bytes, shorter than the 8-byte header length");
    }
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    const std::string map_err = map == MAP_FAILED ? sys_error() : "";
    ::close(fd);  // the mapping stays valid without the descriptor
    if (map == MAP_FAILED) fail(path, "cannot mmap: " + map_err);
    file->map_ = map;  // from here on the destructor unmaps
    file->map_size_ = size;
    file->parse(static_cast<const uint8_t*>(map), size);
    return file;
}

std::shared_ptr<SafeTensorsFile> SafeTensorsFile::from_bytes(std::string bytes, const std::string& origin) {
    std::shared_ptr<SafeTensorsFile> file(new SafeTensorsFile());
    file->path_ = origin;
    file->owned_ = std::move(bytes);
    const std::string& b = file->owned_;
    if (b.size() < 8)
        fail(origin, "file is " + std::to_string(b.size()) + " bytes, shorter than the 8-byte header length");
    file->parse(reinterpret_cast<const uint8_t*>(b.data()), b.size());
    return file;
}

// Validates the header of `size` (>= 8) bytes at `bytes` (mapped or owned) and fills the tensor table.
void SafeTensorsFile::parse(const uint8_t* bytes, size_t size) {
    const std::string& path = path_;
    uint64_t header_len = 0;
    for (int i = 7; i >= 0; --i) header_len = (header_len << 8) | bytes[i];  // little-endian
    if (header_len > size - 8)
        fail(path, "header length " + std::to_string(header_len) + " exceeds the file size " + std::to_string(size));
    data_ = bytes + 8 + header_len;
    const uint64_t data_size = size - 8 - header_len;

    const json header =
        parse_json_strict(std::string(reinterpret_cast<const char*>(bytes + 8), header_len), path, "header");

    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == kMetadataKey) {
            if (it->is_null()) continue;
            if (!it->is_object()) fail(path, "field '__metadata__': must be an object");
            for (auto m = it->begin(); m != it->end(); ++m) {
                if (!m->is_string())
                    fail(path, "field '__metadata__." + m.key() + "': metadata values must be strings");
                metadata_[m.key()] = m->get<std::string>();
            }
            continue;
        }
        TensorInfo info = parse_tensor(path, it.key(), *it);
        if (info.end > data_size)
            fail_tensor(path, info.name, "data_offsets",
                        "end " + std::to_string(info.end) + " is beyond the data buffer (" +
                            std::to_string(data_size) + " bytes)");
        tensors_.push_back(std::move(info));
    }

    // Storage order; overlapping byte ranges would alias tensors.
    std::sort(tensors_.begin(), tensors_.end(), [](const TensorInfo& a, const TensorInfo& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.name < b.name;
    });
    const TensorInfo* last = nullptr;
    for (const TensorInfo& t : tensors_) {
        if (t.begin == t.end) continue;  // empty tensors occupy no bytes
        if (last && t.begin < last->end)
            fail_tensor(path, t.name, "data_offsets",
                        "overlaps tensor '" + last->name + "' ([" + std::to_string(t.begin) + ", " +
                            std::to_string(t.end) + ") vs [" + std::to_string(last->begin) + ", " +
                            std::to_string(last->end) + "))");
        if (!last || t.end > last->end) last = &t;
    }
    for (size_t i = 0; i < tensors_.size(); ++i) index_[tensors_[i].name] = i;
}

SafeTensorsFile::~SafeTensorsFile() {
    if (map_) ::munmap(map_, map_size_);
}

const TensorInfo* SafeTensorsFile::find(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &tensors_[it->second];
}

const TensorInfo& SafeTensorsFile::at(const std::string& name) const {
    const TensorInfo* info = find(name);
    if (!info) fail(path_, "no tensor named '" + name + "'");
    return *info;
}

// -------------------------------------------------------------------------------------------- writing

void SafeTensorsWriter::add(const std::string& name, DType dtype, const std::vector<int64_t>& shape,
                            const void* data, size_t bytes) {
    if (name.empty() || name == kMetadataKey) throw Error("safetensors writer: invalid tensor name '" + name + "'");
    for (const Entry& e : entries_)
        if (e.name == name) throw Error("safetensors writer: duplicate tensor name '" + name + "'");
    const int64_t numel = checked_numel(shape);
    if (numel < 0) throw Error("safetensors writer: tensor '" + name + "': invalid shape " + shape_text(shape));
    if (static_cast<uint64_t>(numel) * dtype_size(dtype) != bytes)
        throw Error("safetensors writer: tensor '" + name + "': " + std::to_string(bytes) +
                    " bytes given, shape " + shape_text(shape) + " of " + dtype_name(dtype) + " needs " +
                    std::to_string(static_cast<uint64_t>(numel) * dtype_size(dtype)));
    Entry e{name, dtype, shape, {}};
    if (bytes) {
        const auto* p = static_cast<const uint8_t*>(data);
        e.bytes.assign(p, p + bytes);
    }
    entries_.push_back(std::move(e));
}

size_t SafeTensorsWriter::total_bytes() const {
    size_t n = 0;
    for (const Entry& e : entries_) n += e.bytes.size();
    return n;
}

void SafeTensorsWriter::write(const std::string& path) const {
    // Widest element type first, then by name: every tensor then starts at a multiple of its element
    // size (the header is padded to 8), so mapped data can be viewed in place, with no holes.
    std::vector<const Entry*> order;
    for (const Entry& e : entries_) order.push_back(&e);
    std::sort(order.begin(), order.end(), [](const Entry* a, const Entry* b) {
        const size_t sa = dtype_size(a->dtype), sb = dtype_size(b->dtype);
        return sa != sb ? sa > sb : a->name < b->name;
    });

    json header = json::object();
    if (!metadata_.empty()) {
        json meta = json::object();
        for (const auto& [k, v] : metadata_) meta[k] = v;
        header[kMetadataKey] = meta;
    }
    uint64_t offset = 0;
    for (const Entry* e : order) {
        const uint64_t end = offset + e->bytes.size();
        header[e->name] = {{"dtype", dtype_name(e->dtype)}, {"shape", e->shape}, {"data_offsets", {offset, end}}};
        offset = end;
    }
    std::string text;
    try {
        text = header.dump();
    } catch (const json::type_error&) {
        fail(path, "tensor names and metadata must be valid UTF-8");
    }
    text.append((8 - text.size() % 8) % 8, ' ');

    AtomicFile out(path);
    uint8_t len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<uint8_t>(static_cast<uint64_t>(text.size()) >> (8 * i));
    out.write(len, 8);
    out.write(text);
    for (const Entry* e : order) out.write(e->bytes.data(), e->bytes.size());
    out.commit();
}

// ----------------------------------------------------------------------------------------- checkpoints

Checkpoint Checkpoint::open(const std::string& dir, const std::string& stem) {
    Checkpoint ckpt;
    ckpt.dir_ = dir;
    const fs::path single = fs::path(dir) / (stem + ".safetensors");
    const fs::path index_path = fs::path(dir) / (stem + ".safetensors.index.json");

    std::error_code ec;
    if (fs::is_regular_file(single, ec)) {
        ckpt.files_.push_back(SafeTensorsFile::open(single.string()));
        for (const TensorInfo& t : ckpt.files_[0]->tensors()) ckpt.where_[t.name] = 0;
        return ckpt;
    }
    if (!fs::is_regular_file(index_path, ec))
        throw Error(dir + ": no " + single.filename().string() + " or " + index_path.filename().string());

    const std::string ipath = index_path.string();
    std::ifstream in(index_path, std::ios::binary);
    if (!in) fail(ipath, "cannot open: " + sys_error());
    std::stringstream buf;
    buf << in.rdbuf();
    const json index = parse_json_strict(buf.str(), ipath, "index");

    auto map = index.find("weight_map");
    if (map == index.end()) fail(ipath, "field 'weight_map': missing");
    if (!map->is_object()) fail(ipath, "field 'weight_map': must be an object");

    std::map<std::string, size_t> shard_slot;  // shard file name -> index into files_
    for (auto it = map->begin(); it != map->end(); ++it) {
        const std::string field = "field 'weight_map." + it.key() + "'";
        if (!it->is_string() || it->get<std::string>().empty()) fail(ipath, field + ": must be a file name");
        const std::string shard = it->get<std::string>();
        // Shards live next to the index; refuse names that point elsewhere.
        const fs::path rel(shard);
        if (rel.is_absolute() || std::find(rel.begin(), rel.end(), fs::path("..")) != rel.end())
            fail(ipath, field + ": shard '" + shard + "' is outside the checkpoint folder");
        auto slot = shard_slot.find(shard);
        if (slot == shard_slot.end()) {
            const fs::path shard_path = fs::path(dir) / rel;
            if (!fs::is_regular_file(shard_path, ec))
                fail(ipath, field + ": shard file '" + shard + "' is missing");
            ckpt.files_.push_back(SafeTensorsFile::open(shard_path.string()));
            slot = shard_slot.emplace(shard, ckpt.files_.size() - 1).first;
        }
        if (!ckpt.files_[slot->second]->find(it.key()))
            fail(ipath, field + ": tensor '" + it.key() + "' is not in shard '" + shard + "'");
        ckpt.where_[it.key()] = slot->second;
    }
    return ckpt;
}

const TensorInfo* Checkpoint::find(const std::string& name, const SafeTensorsFile** file) const {
    auto it = where_.find(name);
    if (it == where_.end()) {
        if (file) *file = nullptr;
        return nullptr;
    }
    const SafeTensorsFile* f = files_[it->second].get();
    if (file) *file = f;
    return f->find(name);
}

std::vector<std::string> Checkpoint::names() const {
    std::vector<std::string> out;
    out.reserve(where_.size());
    for (const auto& [name, _] : where_) out.push_back(name);
    return out;
}

}  // namespace xcomp
