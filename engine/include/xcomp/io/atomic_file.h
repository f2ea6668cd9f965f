// xcomp/io/atomic_file.h — how every file the engine and the CLI write reaches the disk: a temporary
// file in the target's folder, written, flushed (fsync) and renamed over the target. A crash, a kill
// or a full disk at any moment leaves the old file or the new one, never part of one.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace xcomp {

class AtomicFile {
public:
    // Creates the temporary file beside `path` (mode 0644). Throws xcomp::Error naming `path`.
    explicit AtomicFile(std::string path);
    // Without commit() the temporary file is removed and the target is left as it was.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(const void* data, size_t bytes);  // throws xcomp::Error (disk full, I/O error)
    void write(std::string_view text) { write(text.data(), text.size()); }
    void commit();                               // fsync, then rename over the target; throws

private:
    std::string path_, tmp_;
    int fd_ = -1;
};

// The whole of `bytes` as `path`, atomically (AtomicFile).
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace xcomp
