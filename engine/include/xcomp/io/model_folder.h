// xcomp/io/model_folder.h — a Hugging Face model folder: config.json + safetensors + tokenizer.model.
#pragma once
#include <memory>
#include <string>

#include "xcomp/model/model.h"
#include "xcomp/io/tokenizer.h"

namespace xcomp {

struct ModelFolder {
    std::shared_ptr<const LlamaModel> model;
    std::shared_ptr<const Tokenizer> tokenizer;  // null when absent and not required
};

// Loads the model and its tokenizer; the tokenizer's vocabulary must fit the model's embeddings
// and agree on BOS/EOS, else xcomp::Error naming both files.
ModelFolder load_model_folder(const std::string& dir, const LlamaModel::LoadOptions& options,
                              bool require_tokenizer = true);

}  // namespace xcomp
