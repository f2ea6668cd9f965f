// xcomp/io/tokenizer.h — the sentencepiece tokenizer of a model folder (tokenizer.model).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "xcomp/io/utf8.h"  // is_valid_utf8: every text is checked before encoding

namespace xcomp {

class Tokenizer {
public:
    // Loads a sentencepiece model file; throws xcomp::Error when missing or unreadable.
    static std::shared_ptr<const Tokenizer> load(const std::string& path);
    // The same from the model file's bytes; `origin` names it in messages (load() reads the file and calls this).
    static std::shared_ptr<const Tokenizer> load_from_bytes(const std::string& bytes, const std::string& origin);
    ~Tokenizer();

    // Text must be valid UTF-8 (xcomp::Error otherwise); no BOS/EOS are added.
    std::vector<int> encode(const std::string& text) const;
    std::string decode(const std::vector<int>& ids) const;
    std::vector<std::string> pieces(const std::vector<int>& ids) const;  // surface form of each id
    int vocab_size() const;
    int bos_id() const;
    int eos_id() const;
    int pad_id() const;
    int unk_id() const;

    // Trains a model with sentencepiece (unigram unless model_type says otherwise).
    static void train(const std::string& input_text_file, const std::string& model_prefix, int vocab_size,
                      const std::string& model_type = "unigram", int64_t input_sentence_size = 2000000);

private:
    Tokenizer();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace xcomp
