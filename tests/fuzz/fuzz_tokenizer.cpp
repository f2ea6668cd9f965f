// Fuzzes the tokenizer loader (Tokenizer::load_from_bytes: a sentencepiece `tokenizer.model` as bytes)
// and our wrapper around what sentencepiece returns for it. sentencepiece itself is a static library
// built without sanitizers, so its own bugs show only as crashes, not as ASan reports. Invariants on an
// accepted model: special ids are -1 or inside the vocabulary; encoding a fixed text gives ids inside
// the vocabulary, one piece each, and decodes to valid UTF-8; ids outside are refused with an Error.
#include "fuzz_util.h"
#include "xcomp/error.h"
#include "xcomp/io/tokenizer.h"

using namespace xcomp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::shared_ptr<const Tokenizer> tok;
    try {
        tok = Tokenizer::load_from_bytes(std::string(reinterpret_cast<const char*>(data), size), "tokenizer.model");
    } catch (const Error&) {
        return 0;
    }
    const int vocab = tok->vocab_size();
    FUZZ_CHECK(vocab > 0);
    for (int id : {tok->bos_id(), tok->eos_id(), tok->pad_id(), tok->unk_id()}) FUZZ_CHECK(id >= -1 && id < vocab);
    try {
        const std::vector<int> ids = tok->encode("Soft prompts: 96 tokens into 4. \xC3\x9C""ber \xE6\x96\x87\xE5\xAD\x97 \xF0\x9F\x99\x82");
        for (int id : ids) FUZZ_CHECK(id >= 0 && id < vocab);
        FUZZ_CHECK(tok->pieces(ids).size() == ids.size());
        FUZZ_CHECK(is_valid_utf8(tok->decode(ids)));
    } catch (const Error&) {
        // encoding may fail cleanly on a strange model
    }
    bool refused = false;
    try {
        tok->decode({vocab});
    } catch (const Error&) {
        refused = true;
    }
    FUZZ_CHECK(refused);
    return 0;
}
