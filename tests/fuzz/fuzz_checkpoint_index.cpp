// Fuzzes the sharded checkpoint index (`model.safetensors.index.json`, Checkpoint::open). The input
// is written as the index of a scratch folder that holds two real shards (the names the bundled
// model uses). Invariants on an accepted index: every tensor it names is found, in a shard inside
// the folder, and names() lists exactly those.
#include <set>

#include "fuzz_util.h"
#include "xcomp/error.h"
#include "xcomp/io/safetensors.h"

using namespace xcomp;
namespace fs = std::filesystem;

namespace {

const fs::path& checkpoint_dir() {
    static const fs::path dir = [] {
        const fs::path d = fuzz::scratch_dir() / "checkpoint";
        fs::create_directories(d);
        const float v[4] = {1, 2, 3, 4};
        SafeTensorsWriter one, two;
        one.add("model.embed_tokens.weight", DType::F32, {2, 2}, v, sizeof v);
        one.add("model.norm.weight", DType::F32, {2}, v, 2 * sizeof(float));
        two.add("lm_head.weight", DType::F32, {1, 2}, v, 2 * sizeof(float));
        one.write((d / "model-00001-of-00002.safetensors").string());
        two.write((d / "model-00002-of-00002.safetensors").string());
        return d;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const fs::path& dir = checkpoint_dir();
    fuzz::write_file(dir / "model.safetensors.index.json", data, size);
    Checkpoint ckpt;
    try {
        ckpt = Checkpoint::open(dir.string());
    } catch (const Error&) {
        return 0;
    }
    const std::vector<std::string> names = ckpt.names();
    FUZZ_CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
    for (const std::string& name : names) {
        const SafeTensorsFile* file = nullptr;
        const TensorInfo* info = ckpt.find(name, &file);
        FUZZ_CHECK(info && file && info->name == name);
        const fs::path rel = fs::path(file->path()).lexically_normal().lexically_relative(dir);
        FUZZ_CHECK(!rel.empty() && *rel.begin() != "..");
    }
    const SafeTensorsFile* none = nullptr;
    FUZZ_CHECK(ckpt.find("no such tensor", &none) == nullptr && none == nullptr);
    return 0;
}
