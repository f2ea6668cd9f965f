#!/usr/bin/env python3
"""Reference tensors for the engine's conformance tests, made with transformers and peft.

Run on a machine with torch + transformers + peft (the GPU machine):
    python3 tools/make_conformance_fixtures.py --out tests/fixtures/conformance
Each case folder holds an HF model (config.json + model.safetensors, sometimes an adapter/) and
expected.safetensors with float32 references computed on the CPU in float32 (eager attention):
  input_ids [B,T] int64, logits [B,T,V], prefix_keys/prefix_values [L,B,Hkv,P,D] (after RoPE),
  rest_logits [B,T-P,V], attentions [L,B,H,T,T], greedy_ids [1,N] (greedy continuation of row 0).
"""
import argparse
import copy
import json
import os
import shutil

import torch
import transformers
from safetensors.torch import save_file
from transformers import LlamaConfig, LlamaForCausalLM
from hf_cache import cache_kv  # tools/hf_cache.py, beside this script

B, T, P, NEW = 2, 16, 6, 12

CASES = {
    # name: (config overrides, options)
    "mha_tied": (dict(num_key_value_heads=4, tie_word_embeddings=True), {}),
    "gqa_untied_llama3": (dict(num_key_value_heads=2, head_dim=24, tie_word_embeddings=False,
                                rope_theta=500000.0, max_position_embeddings=256,
                                rope_scaling={"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
                                              "high_freq_factor": 4.0, "original_max_position_embeddings": 32}),
                          {}),
    "linear_rope_v4_spelling": (dict(num_key_value_heads=2, rope_scaling={"rope_type": "linear", "factor": 2.0}),
                                {"v4_spelling": True}),
    "bf16_weights": (dict(num_key_value_heads=2, tie_word_embeddings=False), {"bf16": True}),
    "lora": (dict(num_key_value_heads=2), {"lora": True}),
    "no_mlp": (dict(num_key_value_heads=2), {"no_mlp": True}),
}

BASE = dict(vocab_size=256, hidden_size=64, intermediate_size=160, num_hidden_layers=3, num_attention_heads=4,
            max_position_embeddings=512, rms_norm_eps=1e-5, bos_token_id=1, eos_token_id=2, rope_theta=10000.0)


def to_v4_spelling(cfg):
    """transformers 5.x writes rope_parameters/dtype; 4.x wrote rope_theta/rope_scaling/torch_dtype."""
    cfg = dict(cfg)
    params = dict(cfg.pop("rope_parameters", None) or {"rope_type": "default", "rope_theta": 10000.0})
    cfg["rope_theta"] = params.pop("rope_theta", 10000.0)
    rope_type = params.pop("rope_type", "default")
    cfg["rope_scaling"] = None if rope_type == "default" else {"type": rope_type, **params}
    if "dtype" in cfg:
        cfg["torch_dtype"] = cfg.pop("dtype")
    return cfg


def to_v5_spelling(cfg):
    cfg = dict(cfg)
    if "rope_parameters" in cfg:
        return cfg
    params = {"rope_theta": cfg.pop("rope_theta", 10000.0)}
    scaling = dict(cfg.pop("rope_scaling", None) or {"rope_type": "default"})
    scaling["rope_type"] = scaling.pop("type", scaling.get("rope_type", "default"))
    params.update(scaling)
    cfg["rope_parameters"] = params
    if "torch_dtype" in cfg:
        cfg["dtype"] = cfg.pop("torch_dtype")
    return cfg


def make_case(name, overrides, opts, out_root, seed):
    torch.manual_seed(seed)
    cfg = LlamaConfig(**{**BASE, **overrides})
    cfg._attn_implementation = "eager"
    model = LlamaForCausalLM(cfg).eval()
    with torch.no_grad():  # random norms so that every weight matters
        for n, p in model.named_parameters():
            if "norm" in n:
                p.copy_(1.0 + 0.2 * torch.randn_like(p))
    if opts.get("bf16"):
        with torch.no_grad():
            for p in model.parameters():
                p.copy_(p.to(torch.bfloat16).to(torch.float32))
    folder = os.path.join(out_root, name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    model.save_pretrained(folder, safe_serialization=True)
    if opts.get("bf16"):
        # A bf16 copy on disk; the float32 model in memory keeps exact float32 RoPE buffers, as a
        # float32 load of that checkpoint would have (casting the model itself would round inv_freq).
        copy.deepcopy(model).to(torch.bfloat16).save_pretrained(folder, safe_serialization=True)
    cfg_path = os.path.join(folder, "config.json")
    with open(cfg_path) as f:
        written = json.load(f)
    # One case in each spelling, whatever this transformers writes.
    written = to_v4_spelling(written) if opts.get("v4_spelling") else to_v5_spelling(written)
    with open(cfg_path, "w") as f:
        json.dump(written, f, indent=2)
    if not opts.get("v4_spelling") or int(transformers.__version__.split(".")[0]) < 5:
        # The folder as written must reproduce the model it came from.
        reloaded = LlamaForCausalLM.from_pretrained(folder, torch_dtype=torch.float32).eval()
        probe = torch.randint(3, BASE["vocab_size"], (1, 24))
        with torch.no_grad():
            assert torch.allclose(reloaded(probe).logits, model(probe).logits, atol=1e-5), name + ": reload differs"

    if opts.get("lora"):
        from peft import LoraConfig, get_peft_model
        lcfg = LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj", "o_proj", "gate_proj", "down_proj"],
                          lora_dropout=0.0, init_lora_weights=False)
        model = get_peft_model(model, lcfg).eval()
        model.save_pretrained(os.path.join(folder, "adapter"))
    if opts.get("no_mlp"):
        for layer in model.model.layers:
            layer.mlp = torch.nn.Identity()

    g = torch.Generator().manual_seed(seed + 1)
    ids = torch.randint(3, BASE["vocab_size"], (B, T), generator=g)
    ids[:, 0] = 1
    with torch.no_grad():
        full = model(input_ids=ids, output_attentions=True, use_cache=False)
        pre = model(input_ids=ids[:, :P], use_cache=True)
        L = cfg.num_hidden_layers
        keys = torch.stack([cache_kv(pre.past_key_values, l)[0] for l in range(L)])
        values = torch.stack([cache_kv(pre.past_key_values, l)[1] for l in range(L)])
        rest = model(input_ids=ids[:, P:], past_key_values=pre.past_key_values, use_cache=True)
        greedy = ids[:1]
        for _ in range(NEW):  # plain greedy, no EOS stop, so every case yields NEW tokens
            nxt = model(input_ids=greedy, use_cache=False).logits[:, -1].argmax(-1, keepdim=True)
            greedy = torch.cat([greedy, nxt], 1)
    save_file({
        "input_ids": ids.contiguous(),
        "logits": full.logits.float().contiguous(),
        "prefix_keys": keys.float().contiguous(),
        "prefix_values": values.float().contiguous(),
        "rest_logits": rest.logits.float().contiguous(),
        "attentions": torch.stack(full.attentions).float().contiguous(),
        "greedy_ids": greedy[:, T:].contiguous(),
    }, os.path.join(folder, "expected.safetensors"), metadata={"prefix_len": str(P), "no_mlp": str(bool(opts.get("no_mlp"))),
                                                               "adapter": "adapter" if opts.get("lora") else ""})
    print(f"{name}: rope {getattr(cfg, 'rope_parameters', None) or getattr(cfg, 'rope_scaling', None)}")
    print(f"{name}: logits {tuple(full.logits.shape)} greedy {greedy[0, T:].tolist()}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="tests/fixtures/conformance")
    args = ap.parse_args()
    print("transformers", transformers.__version__, "torch", torch.__version__)
    for i, (name, (overrides, opts)) in enumerate(CASES.items()):
        make_case(name, overrides, opts, args.out, seed=1000 + i)
    with open(os.path.join(args.out, "VERSIONS.json"), "w") as f:
        import peft
        json.dump({"transformers": transformers.__version__, "torch": torch.__version__, "peft": peft.__version__}, f)


if __name__ == "__main__":
    main()
