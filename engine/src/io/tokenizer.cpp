// Tokenizer: a thin wrapper over the (statically linked) sentencepiece processor and trainer.
#include "xcomp/io/tokenizer.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "xcomp/error.h"

namespace xcomp {

struct Tokenizer::Impl {
    sentencepiece::SentencePieceProcessor sp;
    std::string path;
};

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {}
Tokenizer::~Tokenizer() = default;

std::shared_ptr<const Tokenizer> Tokenizer::load(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw Error(path + ": tokenizer model file not found");
    if (!std::filesystem::is_regular_file(path, ec)) throw Error(path + ": tokenizer model is not a regular file");
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    if (!in || in.bad()) throw Error(path + ": cannot read the tokenizer model");
    return load_from_bytes(buf.str(), path);
}

std::shared_ptr<const Tokenizer> Tokenizer::load_from_bytes(const std::string& bytes, const std::string& origin) {
    std::shared_ptr<Tokenizer> tok(new Tokenizer());
    tok->impl_->path = origin;
    sentencepiece::util::Status status;
    try {
        status = tok->impl_->sp.LoadFromSerializedProto(bytes);
    } catch (const std::exception& e) {
        // sentencepiece reports most damage as a status, but its trie builder (darts_clone) throws,
        // e.g. "zero-length key" for an empty piece.
        throw Error(origin + ": not a valid sentencepiece model (" + e.what() + ")");
    }
    if (!status.ok())
        throw Error(origin + ": not a valid sentencepiece model (" + status.ToString() + ")");
    // A protobuf string may hold any bytes; a piece that is not UTF-8 would make decode() return
    // text that the JSON output and the metrics cannot take.
    for (int id = 0; id < tok->impl_->sp.GetPieceSize(); ++id) {
        size_t bad = 0;
        if (!is_valid_utf8(tok->impl_->sp.IdToPiece(id), &bad))
            throw Error(origin + ": piece " + std::to_string(id) + " is not valid UTF-8 (byte " + std::to_string(bad) +
                        ")");
    }
    // What decode() writes for <unk> comes from the trainer spec's unk_surface, not from a piece.
    if (const int unk = tok->impl_->sp.unk_id(); unk >= 0) {
        std::string surface;
        if (!tok->impl_->sp.Decode(std::vector<int>{unk}, &surface).ok() || !is_valid_utf8(surface))
            throw Error(origin + ": the unknown-token surface is not valid UTF-8");
    }
    return tok;
}

std::vector<int> Tokenizer::encode(const std::string& text) const {
    size_t bad = 0;
    if (!is_valid_utf8(text, &bad))
        throw Error("tokenizer input: invalid UTF-8 at byte offset " + std::to_string(bad));
    std::vector<int> ids;
    const auto status = impl_->sp.Encode(text, &ids);
    if (!status.ok()) throw Error(impl_->path + ": encoding failed (" + status.ToString() + ")");
    return ids;
}

namespace {

void check_ids(const std::vector<int>& ids, int vocab, const std::string& path) {
    for (size_t i = 0; i < ids.size(); ++i)
        if (ids[i] < 0 || ids[i] >= vocab)
            throw Error(path + ": token id " + std::to_string(ids[i]) + " at position " + std::to_string(i) +
                        " is outside the vocabulary (size " + std::to_string(vocab) + ")");
}

}  // namespace

std::string Tokenizer::decode(const std::vector<int>& ids) const {
    check_ids(ids, vocab_size(), impl_->path);
    std::string text;
    const auto status = impl_->sp.Decode(ids, &text);
    if (!status.ok()) throw Error(impl_->path + ": decoding failed (" + status.ToString() + ")");
    // The model's denormalization rules could still produce bytes that are not UTF-8.
    if (!is_valid_utf8(text)) throw Error(impl_->path + ": decoding gave text that is not valid UTF-8 (damaged model)");
    return text;
}

std::vector<std::string> Tokenizer::pieces(const std::vector<int>& ids) const {
    check_ids(ids, vocab_size(), impl_->path);
    std::vector<std::string> out;
    out.reserve(ids.size());
    // The word-boundary mark U+2581 shown as the space it stands for; byte pieces stay "<0xNN>",
    // since a lone byte of a multi-byte character has no text of its own.
    static const std::string kBoundary = "\xE2\x96\x81";
    for (int id : ids) {
        std::string piece = impl_->sp.IdToPiece(id);
        for (size_t at = piece.find(kBoundary); at != std::string::npos; at = piece.find(kBoundary, at + 1))
            piece.replace(at, kBoundary.size(), " ");
        out.push_back(std::move(piece));
    }
    return out;
}

int Tokenizer::vocab_size() const { return impl_->sp.GetPieceSize(); }
int Tokenizer::bos_id() const { return impl_->sp.bos_id(); }
int Tokenizer::eos_id() const { return impl_->sp.eos_id(); }
int Tokenizer::pad_id() const { return impl_->sp.pad_id(); }
int Tokenizer::unk_id() const { return impl_->sp.unk_id(); }

void Tokenizer::train(const std::string& input_text_file, const std::string& model_prefix, int vocab_size,
                      const std::string& model_type, int64_t input_sentence_size) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(input_text_file, ec))
        throw Error(input_text_file + ": tokenizer training text not found");
    if (vocab_size <= 0) throw Error("tokenizer training: vocab_size must be positive");
    // Byte fallback needs 256 byte pieces on top of the rest; only affordable in larger vocabularies.
    const bool byte_fallback = vocab_size >= 1024;
    // The map form keeps paths with spaces intact (the string form splits on whitespace).
    const std::unordered_map<std::string, std::string> args = {
        {"input", input_text_file},
        {"model_prefix", model_prefix},
        {"vocab_size", std::to_string(vocab_size)},
        {"model_type", model_type},
        {"input_sentence_size", std::to_string(input_sentence_size)},
        {"shuffle_input_sentence", "true"},
        {"character_coverage", "0.9995"},
        {"byte_fallback", byte_fallback ? "true" : "false"},
        {"unk_id", "0"},
        {"bos_id", "1"},
        {"eos_id", "2"},
        {"pad_id", "-1"},
        // Identity normalization and kept whitespace, so decode(encode(text)) == text.
        {"normalization_rule_name", "identity"},
        {"remove_extra_whitespaces", "false"},
        {"split_digits", "true"},
        // Small corpora cannot always fill the requested vocabulary; take what they give.
        {"hard_vocab_limit", "false"},
        {"num_threads", "2"},
        {"minloglevel", "1"},
    };
    const auto status = sentencepiece::SentencePieceTrainer::Train(args);
    if (!status.ok())
        throw Error(input_text_file + ": tokenizer training failed (" + status.ToString() + ")");
}

}  // namespace xcomp
