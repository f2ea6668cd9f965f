// xcomp/train/synthetic_qa.h — rule-based extractive question-answer pairs from a paragraph of English text.
//
// Why: the tiny LM that learns extractive QA ("<context> Question: <q> Answer: <span>") needs far
// more examples than SQuAD has. In the spirit of unsupervised QA by cloze translation (Lewis et al.
// 2019, arXiv 1906.04980) we pick an answer span in a sentence and turn that sentence into a
// question whose answer is the span. Cloze questions keep the sentence's other words, so the model
// learns to find the sentence by lexical overlap and copy the span.
//
// Guarantees, for every input (empty, binary, invalid UTF-8, megabytes): no exception; every
// answer is non-empty, has at most max_answer_words words and equals
// text.substr(answer_offset, answer.size()); no question contains its answer (ASCII
// case-insensitively); every question starts with a capital letter (when it starts with an ASCII
// letter) and ends with "?"; answers over 40 bytes a word and questions over 1 KiB (URLs, base64,
// binary) are dropped. Output is deterministic for a given text and options (the same on
// every platform). Texts are split only at ASCII bytes, so no UTF-8 character is ever cut.
//
// Rules (each can be switched off; docs in src/synthetic_qa.cpp):
//   acronym   "Large Language Models (LLMs)"  -> "What does LLMs stand for?" / "Large Language Models"
//   number    "We evaluate on 12 benchmarks." -> "We evaluate on how many benchmarks?" / "12"
//             (also "what percentage" for 95.3%, "what year" for 19xx/20xx, "how much" otherwise)
//   entity    "We introduce PEACE, a benchmark." -> "We introduce what, a benchmark?" / "PEACE"
//   list      "... tasks such as QA and summarization." -> "... tasks such as what?" / "QA and summarization"
//   proposal  "We propose a sparse adapter that ..." -> "What do the authors propose?" / "a sparse adapter"
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace xcomp {

struct SyntheticQA {
    std::string question;
    std::string answer;             // exact substring of the text
    std::size_t answer_offset = 0;  // byte offset of answer in the text
    std::string kind;               // "acronym", "number", "percentage", "year", "entity", "list", "proposal"
};

struct SyntheticQAOptions {
    int max_pairs = 3;                         // per text; <= 0 gives none
    std::uint64_t seed = 1;                    // choice among candidates (std::mt19937_64), deterministic
    int max_answer_words = 8;                  // longer answers are cut (lists, proposals) or skipped
    int max_question_words = 25;               // cloze questions keep about this many words around the span
    std::size_t max_scan_bytes = 64 * 1024;    // only the first this-many bytes are read (keeps 10 MB inputs fast)
    bool acronyms = true;                      // "Expansion (ACR)" -> What does ACR stand for?
    bool numbers = true;                       // numbers, percentages, years -> how many / what percentage / ...
    bool entities = true;                      // capitalised / CamelCase / ALLCAPS runs -> what
    bool lists = true;                         // "such as X, Y and Z" -> such as what?
    bool proposals = true;                     // "We propose X" -> What do the authors propose?
};

// Up to max_pairs pairs, taken from different sentences where possible, ordered by answer_offset.
// Empty when nothing fits.
std::vector<SyntheticQA> synthetic_qa(const std::string& text, const SyntheticQAOptions& options = {});

// Every candidate pair the enabled rules find (the pool synthetic_qa chooses from), in text order.
std::vector<SyntheticQA> synthetic_qa_candidates(const std::string& text, const SyntheticQAOptions& options = {});

}  // namespace xcomp
