#include "xcomp/io/model_folder.h"

#include <filesystem>

#include "xcomp/error.h"

namespace xcomp {

ModelFolder load_model_folder(const std::string& dir, const LlamaModel::LoadOptions& options, bool require_tokenizer) {
    namespace fs = std::filesystem;
    ModelFolder f;
    f.model = LlamaModel::load(dir, options);
    const std::string tok_path = (fs::path(dir) / "tokenizer.model").string();
    if (!fs::exists(tok_path)) {
        if (require_tokenizer) throw Error(dir + ": no tokenizer.model (a sentencepiece model is required)");
        return f;
    }
    f.tokenizer = Tokenizer::load(tok_path);
    const LlamaConfig& c = f.model->config();
    if (f.tokenizer->vocab_size() > c.vocab_size)
        throw Error(tok_path + ": the tokenizer has " + std::to_string(f.tokenizer->vocab_size()) +
                    " pieces but config.json's vocab_size is " + std::to_string(c.vocab_size));
    if (f.tokenizer->bos_id() >= 0 && c.bos_token_id() >= 0 && f.tokenizer->bos_id() != c.bos_token_id())
        throw Error(tok_path + ": BOS id " + std::to_string(f.tokenizer->bos_id()) + " differs from config.json's bos_token_id " +
                    std::to_string(c.bos_token_id()));
    return f;
}

}  // namespace xcomp
