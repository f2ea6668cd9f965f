#!/usr/bin/env python3
"""Reference gradient of the regeneration loss with respect to memory KV values, made with transformers.

Optimised memory (engine/include/xcomp/compress/memory_optimisation.h) fits the memory tokens' K/V to a
text by gradient descent through the frozen decoder. This checks that gradient: the conformance case
`mha_tied` (tests/fixtures/conformance/mha_tied, made by make_conformance_fixtures.py) gives the model,
its input_ids and the K/V of their first P tokens (prefix_keys/values). Here those K/V are leaves that
require grad, the decoder reads ids[:, P:T-1] after them (positions P.., as a cache of length P gives),
and the loss is the per-row mean cross-entropy of ids[:, P+1:T], averaged over rows (the engine's
LossNormalization::Sample). Written next to the case as memory_gradient.safetensors:
  loss [] float32, grad_keys / grad_values [L, B, Hkv, P, D] float32.
Run on a machine with torch + transformers (the GPU machine; computed on its CPU in float32):
    python3 tools/make_memory_gradient_fixture.py --case tests/fixtures/conformance/mha_tied
"""
import argparse
import os

import torch
from safetensors.torch import load_file, save_file
from transformers import DynamicCache, LlamaForCausalLM


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--case", default="tests/fixtures/conformance/mha_tied")
    args = ap.parse_args()
    model = LlamaForCausalLM.from_pretrained(args.case, torch_dtype=torch.float32, attn_implementation="eager").eval()
    for p in model.parameters():
        p.requires_grad_(False)
    ref = load_file(os.path.join(args.case, "expected.safetensors"))
    ids = ref["input_ids"]
    keys = ref["prefix_keys"].clone().requires_grad_(True)      # [L, B, Hkv, P, D]
    values = ref["prefix_values"].clone().requires_grad_(True)
    L, P = keys.shape[0], keys.shape[3]
    cache = DynamicCache()
    for layer in range(L):
        cache.update(keys[layer], values[layer], layer)
    inputs, labels = ids[:, P:-1], ids[:, P + 1:]
    logits = model(input_ids=inputs, past_key_values=cache, use_cache=True).logits  # [B, T-P-1, V]
    per_token = torch.nn.functional.cross_entropy(logits.transpose(1, 2), labels, reduction="none")  # [B, T-P-1]
    loss = per_token.mean(1).mean()
    loss.backward()
    save_file({"loss": loss.detach().float().contiguous(),
               "grad_keys": keys.grad.float().contiguous(),
               "grad_values": values.grad.float().contiguous()},
              os.path.join(args.case, "memory_gradient.safetensors"))
    print(f"loss {loss.item():.6f} |grad_keys| {keys.grad.norm():.6f} |grad_values| {values.grad.norm():.6f}")


if __name__ == "__main__":
    main()
