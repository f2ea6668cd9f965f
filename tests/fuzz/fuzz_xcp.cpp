// Fuzzes `.xcp` compressed prompts (CompressedPrompt::load; the input is written to a scratch file,
// since load() maps a path like every safetensors reader). Invariants on an accepted prompt: the
// tensors are floating-point with the shapes the metadata promises, the counts in the metadata are
// plain decimal (what save() writes), and save() then load() gives the same prompt.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include "fuzz_util.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/error.h"
#include "xcomp/io/safetensors.h"

using namespace xcomp;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    at::set_num_threads(1);  // one fuzzing process per core
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto path = fuzz::scratch_dir() / "input.xcp";
    fuzz::write_file(path, data, size);
    CompressedPrompt p;
    try {
        p = CompressedPrompt::load(path.string());
    } catch (const Error&) {
        return 0;
    }
    FUZZ_CHECK(p.memory_tokens >= 1 && p.memory_tokens <= kMaxMemoryTokens);
    if (method_outputs_kv(p.method)) {
        FUZZ_CHECK(p.keys.defined() && p.keys.dim() == 4 && p.keys.size(2) == p.memory_tokens);
        FUZZ_CHECK(p.values.sizes() == p.keys.sizes());
    } else {
        FUZZ_CHECK(p.embeddings.defined() && p.embeddings.dim() == 2 && p.embeddings.size(0) == p.memory_tokens);
    }
    for (const at::Tensor* t : {&p.keys, &p.values, &p.embeddings})
        if (t->defined()) FUZZ_CHECK(at::isFloatingType(t->scalar_type()));
    const auto meta = SafeTensorsFile::open(path.string())->metadata();
    FUZZ_CHECK(meta.at("memory_tokens") == std::to_string(p.memory_tokens));
    FUZZ_CHECK(meta.at("source_tokens") == std::to_string(p.source_tokens));

    const auto out = fuzz::scratch_dir() / "written.xcp";
    p.save(out.string());
    const CompressedPrompt q = CompressedPrompt::load(out.string());
    FUZZ_CHECK(q.method == p.method && q.memory_tokens == p.memory_tokens && q.compressor_id == p.compressor_id &&
               q.base_fingerprint == p.base_fingerprint && q.source_tokens == p.source_tokens &&
               q.source_text == p.source_text);
    for (const auto& [a, b] : {std::pair{&p.keys, &q.keys}, {&p.values, &q.values}, {&p.embeddings, &q.embeddings}}) {
        FUZZ_CHECK(a->defined() == b->defined());
        if (a->defined()) FUZZ_CHECK(a->scalar_type() == b->scalar_type() && at::equal(*a, *b));
    }
    return 0;
}
