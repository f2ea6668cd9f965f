// Temporary file + fsync + rename (see atomic_file.h).
#include "xcomp/io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "xcomp/error.h"

namespace xcomp {
namespace fs = std::filesystem;

namespace {
std::string sys_error() { return std::strerror(errno); }
}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    const fs::path target(path_);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // In the target's folder: a rename across file systems would not be atomic.
    std::string tmpl = (folder / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
    fd_ = ::mkstemp(tmpl.data());
    if (fd_ < 0) throw Error("cannot write " + path_ + ": cannot create a temporary file in '" + folder.string() + "': " + sys_error());
    tmp_ = tmpl;
    if (::fchmod(fd_, 0644) != 0) {  // mkstemp makes 0600; outputs are ordinary shared files
        const std::string err = sys_error();
        ::close(fd_);
        ::unlink(tmp_.c_str());
        fd_ = -1;
        throw Error("cannot write " + path_ + ": chmod failed: " + err);
    }
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!tmp_.empty()) ::unlink(tmp_.c_str());
}

void AtomicFile::write(const void* data, size_t n) {
    if (fd_ < 0) throw Error("cannot write " + path_ + ": the file was already committed");
    const auto* b = static_cast<const char*>(data);
    while (n > 0) {
        const ssize_t w = ::write(fd_, b, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            throw Error("cannot write " + path_ + ": " + sys_error());
        }
        b += w;
        n -= static_cast<size_t>(w);
    }
}

void AtomicFile::commit() {
    if (fd_ < 0) throw Error("cannot write " + path_ + ": the file was already committed");
    if (::fsync(fd_) != 0) throw Error("cannot write " + path_ + ": fsync failed: " + sys_error());
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) throw Error("cannot write " + path_ + ": close failed: " + sys_error());
    if (::rename(tmp_.c_str(), path_.c_str()) != 0) throw Error("cannot write " + path_ + ": rename failed: " + sys_error());
    tmp_.clear();
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
    AtomicFile f(path);
    f.write(bytes);
    f.commit();
}

}  // namespace xcomp
