// The CLI's sub-commands; each takes the parsed options and returns the exit code.
#pragma once
#include <string>
#include <vector>

#include "args.h"
#include "xcomp/compress/optimisation_options.h"
#include "xcomp/io/model_folder.h"

namespace xcomp::cli {

int cmd_info(Args& a);
int cmd_tokenize(Args& a);
int cmd_generate(Args& a);
int cmd_logits(Args& a);
int cmd_train_tokenizer(Args& a);
int cmd_train_lm(Args& a);
int cmd_train_compressor(Args& a);
int cmd_quantize_compressor(Args& a);
int cmd_compress(Args& a);
int cmd_regenerate(Args& a);
int cmd_qa(Args& a);
int cmd_ablate(Args& a);
int cmd_interpolate(Args& a);
int cmd_eval(Args& a);
int cmd_bench(Args& a);

// --model (default: the bundled model), --device (device_override, when given, instead), --dtype.
ModelFolder open_model(Args& a, bool require_tokenizer = true, const std::string& device_override = "");

// The command line as main() received it (argv[0] first).
const std::vector<std::string>& command_line();

// --optimise-steps, --optimise-lr: how the optimised-memory methods fit a text.
MemoryOptimisationOptions optimisation_options(Args& a);

}  // namespace xcomp::cli
