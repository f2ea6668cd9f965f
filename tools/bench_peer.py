#!/usr/bin/env python3
"""The peer of `xcomp bench`: the same work done the way the papers' code does it, with PyTorch,
transformers and peft, so docs/PERFORMANCE.md can put our numbers next to a reference.

    python3 tools/bench_peer.py --model resources/models/default --data .carry/data/arxiv_valid.jsonl \
        --ours bench_gpu.json --out peer_gpu.json [--section gpu|cpu|all] [--repeats 7] [--threads 2]

* The model folder is loaded with LlamaForCausalLM.from_pretrained (it is an HF-compatible folder),
  the tokenizer with sentencepiece.
* 500x / ICAE: PeftModel.from_pretrained(base, compressor_dir + '/adapter') plus the memory tokens
  from memory.safetensors ('memory_tokens' [m, d]). AOC: a deep copy of the base with every
  layer.mlp = nn.Identity() and the attention/norm weights from encoder.safetensors.
* Encoder input = text embeddings + memory embeddings appended; the memory positions' past_key_values
  (500x, AOC) or final hidden states (ICAE) go to the decoder, which is the base with the adapter
  disabled: generate() from [BOS] with a DynamicCache holding the memory's K/V, or for ICAE with the
  memory states as inputs_embeds before [BOS].
* Rows have the ids, parameters and statistics of `xcomp bench` (median and p90 of the repeats after
  one warm-up, peak host RSS from getrusage, peak GPU memory from torch.cuda).
* With --ours, the greedy regenerations that xcomp bench stored ("samples") are redone here and the
  agreement is printed and stored: a check that both sides do the same work.
"""
import argparse
import copy
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
import traceback

import torch
from hf_cache import cache_kv  # tools/hf_cache.py, beside this script

DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}


# ---- small helpers (the same definitions as app/cli/bench/bench.cpp) ------------------------------

def quantile(values, q):
    v = sorted(values)
    if not v:
        return 0.0
    pos = q * (len(v) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


class Meter:
    def __init__(self, device):
        self.device = device
        self.rss_reset = False

    def begin(self):
        try:
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")
            self.rss_reset = True
        except OSError:
            self.rss_reset = False
        if self.device.type == "cuda":
            torch.cuda.synchronize()
            torch.cuda.reset_peak_memory_stats()

    def peak_rss_mb(self):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0

    def peak_gpu_mb(self):
        if self.device.type == "cuda":
            return torch.cuda.max_memory_allocated() / (1024.0 * 1024.0)
        return None


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def read_texts(path, limit=4000):
    """Records as xcomp's read_jsonl reads them: the first of abstract/text/context that is a string."""
    out = []
    opener = open
    if path.endswith(".xz"):
        import lzma
        opener = lzma.open
    with opener(path, "rt", encoding="utf-8", errors="strict") as f:
        for line in f:
            if len(out) >= limit:
                break
            if not line.strip(" \t\r\n"):
                continue
            try:
                j = json.loads(line)
            except ValueError:
                continue
            if not isinstance(j, dict):
                continue
            text = ""
            for key in ("abstract", "text", "context"):
                if isinstance(j.get(key), str):
                    text = j[key]
                    break
            if text:
                out.append(text)
    return out


class TextPool:
    """Texts of exactly n tokens: whole records long enough (file order), then consecutive n-token
    chunks of all records' ids joined end to end (xcomp bench's TextPool)."""

    def __init__(self, records):
        self.records = records
        self.stream = [t for r in records for t in r]

    def take(self, n, count):
        out = [r[:n] for r in self.records if len(r) >= n][:count]
        at = 0
        while len(out) < count:
            out.append([self.stream[(at + i) % len(self.stream)] for i in range(n)])
            at += n
        return out


def make_cache(pairs):
    from transformers import DynamicCache
    try:
        cache = DynamicCache()
        for i, (k, v) in enumerate(pairs):
            cache.update(k, v, i)
        return cache
    except Exception:  # older transformers
        return DynamicCache.from_legacy_cache(tuple(pairs))


# ---- the compressors, as the papers' code builds them ---------------------------------------------

class PeerCompressor:
    def __init__(self, cdir, model_dir, dtype, device):
        from safetensors.torch import load_file
        from transformers import LlamaForCausalLM
        with open(os.path.join(cdir, "compressor.json")) as f:
            cfg = json.load(f)
        self.id = cfg.get("id") or os.path.basename(cdir.rstrip("/"))
        self.method = cfg["method"]
        self.m = int(cfg["memory_tokens"])
        self.qa = bool(cfg.get("qa", False))
        self.qa_template = cfg.get("qa_template", "Question: {q} Answer:")
        self.device, self.dtype = device, dtype
        if self.method not in ("500x", "icae", "aoc"):
            raise ValueError(f"{cdir}: method {self.method} is not part of the peer")
        self.base = LlamaForCausalLM.from_pretrained(model_dir, torch_dtype=dtype).to(device).eval()
        for p in self.base.parameters():
            p.requires_grad_(False)
        gc = self.base.generation_config
        gc.eos_token_id = None  # exactly N tokens, as xcomp bench runs (stop_at_eos = false)
        gc.pad_token_id = 0
        gc.do_sample = False
        self.memory = load_file(os.path.join(cdir, "memory.safetensors"))["memory_tokens"].to(device, dtype)
        self.peft = None
        self.encoder = None
        if self.method in ("500x", "icae"):
            from peft import PeftModel
            adapter = os.path.join(cdir, "adapter")
            sd = load_file(os.path.join(adapter, "adapter_model.safetensors"))
            if any(k.endswith("_scale") for k in sd):
                # int8 rows (xcomp quantize-compressor): PEFT reads a dequantized copy.
                import shutil
                import tempfile
                from safetensors.torch import save_file
                for k in [k for k in sd if k + "_scale" in sd]:
                    sd[k] = sd[k].float() * sd.pop(k + "_scale").float().unsqueeze(1)
                tmp = tempfile.mkdtemp(prefix="xcomp-adapter-")
                shutil.copy(os.path.join(adapter, "adapter_config.json"), tmp)
                save_file({k: v.contiguous() for k, v in sd.items()}, os.path.join(tmp, "adapter_model.safetensors"))
                adapter = tmp
            self.peft = PeftModel.from_pretrained(self.base, adapter).eval()
            self.enc_model = self.peft.base_model.model.model  # the LlamaModel with LoRA layers
        else:
            self.encoder = copy.deepcopy(self.base)
            for layer in self.encoder.model.layers:
                layer.mlp = torch.nn.Identity()
            sd = load_file(os.path.join(cdir, "encoder.safetensors"))
            # int8 rows (engine/include/xcomp/io/weight_quantization.h): W = q * scale per row.
            for k in [k for k in sd if k + "_scale" in sd]:
                sd[k] = sd[k].float() * sd.pop(k + "_scale").float().unsqueeze(1)
            own = self.encoder.state_dict()
            missing = [k for k in sd if k not in own]
            if missing:
                raise ValueError(f"{cdir}: encoder tensors not in the model: {missing[:4]}")
            self.encoder.load_state_dict({k: v.to(dtype) for k, v in sd.items()}, strict=False)
            self.enc_model = self.encoder.model
        self.embed = self.base.get_input_embeddings()
        self.L = self.base.config.num_hidden_layers
        self.note = ""

    def decoder_ctx(self):
        """The decoder is the frozen base: the adapter (if any) is disabled."""
        if self.peft is not None:
            return self.peft.disable_adapter()
        import contextlib
        return contextlib.nullcontext()

    # ids: LongTensor [B, T] (equal lengths) -> ("kv", DynamicCache) or ("emb", [B, m, d])
    def encode(self, ids, attention_mask=None, position_ids=None, memory=None):
        B, T = ids.shape
        mem = (self.memory if memory is None else memory).to(self.dtype)
        with torch.no_grad():
            text = self.embed(ids)
        x = torch.cat([text, mem.unsqueeze(0).expand(B, -1, -1)], 1)
        kw = {}
        if attention_mask is not None:
            kw["attention_mask"] = attention_mask
            kw["position_ids"] = position_ids
        if self.method == "icae":
            out = self.enc_model(inputs_embeds=x, use_cache=False, **kw)
            return "emb", out.last_hidden_state[:, T:]
        out = self.enc_model(inputs_embeds=x, use_cache=True, **kw)
        pairs = []
        for l in range(self.L):
            k, v = cache_kv(out.past_key_values, l)
            pairs.append((k[:, :, T:].contiguous(), v[:, :, T:].contiguous()))
        return "kv", make_cache(pairs)

    def generate(self, mem, prompt, n, streamer=None):
        """Greedy, exactly n new tokens after the memory and `prompt` ([B, P] ids, e.g. [BOS])."""
        kind, val = mem
        B = prompt.shape[0]
        with torch.no_grad(), self.decoder_ctx():
            if kind == "kv":
                ids = torch.cat([torch.zeros(B, self.m, dtype=torch.long, device=prompt.device), prompt], 1)
                out = self.base.generate(input_ids=ids, attention_mask=torch.ones_like(ids), past_key_values=val,
                                         max_new_tokens=n, do_sample=False, streamer=streamer)
                new = out.shape[1] - ids.shape[1]
            else:
                x = torch.cat([val, self.embed(prompt)], 1)
                am = torch.ones(B, x.shape[1], dtype=torch.long, device=prompt.device)
                out = self.base.generate(inputs_embeds=x, attention_mask=am, max_new_tokens=n, do_sample=False,
                                         streamer=streamer)
                new = out.shape[1] if out.shape[1] <= n else out.shape[1] - x.shape[1]
        if new != n:
            gc = self.base.generation_config
            if gc.eos_token_id is None:
                # generate() still stopped at EOS: name an id no logit can produce (self_check retries).
                gc.eos_token_id = [self.base.config.vocab_size]
                self.note = "eos_token_id set to vocab_size: generate() did not take None"
            raise RuntimeError(f"generate() returned {new} new tokens, not {n} (EOS stop still on?)")
        return out[:, -n:]

    def self_check(self, bos):
        """generate() must run exactly n steps (EOS off) and agree with the plain loop."""
        ids = torch.arange(3, 3 + 24, dtype=torch.long, device=self.device).view(1, -1) % self.base.config.vocab_size
        prompt = torch.full((1, 1), bos, dtype=torch.long, device=self.device)
        with torch.no_grad():
            for attempt in range(2):
                try:
                    gen = self.generate(self.encode(ids), prompt, 32)
                    break
                except RuntimeError:
                    if attempt == 1:
                        raise
            loop = self.loop(self.encode(ids), prompt, 32)
        return bool(torch.equal(gen, loop))

    def loop(self, mem, prompt, n):
        """The same greedy decode as a plain loop over forward() (the official 500x code's way)."""
        kind, val = mem
        with torch.no_grad(), self.decoder_ctx():
            if kind == "kv":
                out = self.base(input_ids=prompt, past_key_values=val, use_cache=True)
            else:
                out = self.base(inputs_embeds=torch.cat([val, self.embed(prompt)], 1), use_cache=True)
            toks = []
            for i in range(n):
                nxt = out.logits[:, -1].argmax(-1, keepdim=True)
                toks.append(nxt)
                if i + 1 < n:
                    out = self.base(input_ids=nxt, past_key_values=out.past_key_values, use_cache=True)
        return torch.cat(toks, 1)


class FirstToken:
    """A generate() streamer that notes when the first new token reaches the host."""

    def __init__(self):
        self.calls = 0
        self.t = None

    def put(self, value):
        self.calls += 1
        if self.calls == 2 and self.t is None:
            value.cpu()
            self.t = time.perf_counter()

    def end(self):
        pass


# ---- the bench -------------------------------------------------------------------------------------

class Bench:
    def __init__(self, args, device, meta):
        self.args, self.device = args, device
        self.meter = Meter(device)
        self.meta = meta
        self.rows, self.errors, self.agreement = [], [], []

    def measure(self, name, rid, params, fn, main="total"):
        fn(-1)
        sync(self.device)
        self.meter.begin()
        samples = {}
        for r in range(self.args.repeats):
            for k, v in fn(r).items():
                samples.setdefault(k, []).append(v)
        row = {"name": name, "id": rid, "device": self.device.type, **params}
        row["median_ms"] = quantile(samples[main], 0.5)
        row["p90_ms"] = quantile(samples[main], 0.9)
        row["repeats"] = self.args.repeats
        for k, v in samples.items():
            if k != main:
                row[k + "_median_ms"] = quantile(v, 0.5)
                row[k + "_p90_ms"] = quantile(v, 0.9)
        self.finish_memory(row)
        return row

    def finish_memory(self, row):
        row["peak_rss_mb"] = self.meter.peak_rss_mb()
        row["rss_peak_reset"] = self.meter.rss_reset
        row["peak_gpu_mb"] = self.meter.peak_gpu_mb()

    def add(self, row):
        extra = f"  {row['throughput']:.1f} {row.get('throughput_unit', '')}" if row.get("throughput") is not None else ""
        print(f"  {row['id']:<44} median {row['median_ms']:10.2f} ms  p90 {row['p90_ms']:10.2f} ms{extra}", flush=True)
        self.rows.append(row)
        self.write()

    def write(self):
        if not self.args.out:
            return
        j = dict(self.meta)
        j["rows"] = self.rows
        j["errors"] = self.errors
        j["agreement"] = self.agreement
        tmp = self.args.out + ".tmp"
        with open(tmp, "w") as f:
            json.dump(j, f, indent=1)
        os.replace(tmp, self.args.out)


def t_ms(a, b):
    return (b - a) * 1000.0


def comp_params(c):
    return {"compressor": c.id, "method": c.method, "m": c.m}


def to_ids(rows, device):
    return torch.tensor(rows, dtype=torch.long, device=device)


def cpu_section(b, comps, pool, bos):
    R, dev = b.args.repeats, b.device
    print(f"CPU section: compress + regenerate exactly N tokens, {R} repeats", flush=True)
    for c in comps:
        for n in (96, 192, 480):
            texts = pool.take(n, R + 1)

            def fn(rep, c=c, n=n, texts=texts):
                ids = to_ids([texts[(rep + 1) % len(texts)]], dev)
                t0 = time.perf_counter()
                with torch.no_grad():
                    mem = c.encode(ids)
                sync(dev)
                t1 = time.perf_counter()
                c.generate(mem, torch.full((1, 1), bos, dtype=torch.long, device=dev), n)
                sync(dev)
                t2 = time.perf_counter()
                return {"compress": t_ms(t0, t1), "regenerate": t_ms(t1, t2), "total": t_ms(t0, t2)}

            row = b.measure("compress_regenerate", f"compress_regenerate/{c.id}/N={n}", {**comp_params(c), "N": n}, fn)
            row["throughput"] = n / (row["regenerate_median_ms"] / 1000.0)
            row["throughput_unit"] = "tokens/s (decode)"
            row["decode_ms_per_token"] = row["regenerate_median_ms"] / n
            b.add(row)


def batch_section(b, comps, pool, bos):
    R, dev = b.args.repeats, b.device
    print("GPU section: batched compress + regenerate", flush=True)
    for c in comps:
        for B, n in ((1, 96), (64, 96), (256, 96), (64, 480)):
            texts = pool.take(n, B * (R + 1))

            def fn(rep, c=c, B=B, n=n, texts=texts):
                first = (rep + 1) * B
                ids = to_ids([texts[(first + i) % len(texts)] for i in range(B)], dev)
                t0 = time.perf_counter()
                with torch.no_grad():
                    mem = c.encode(ids)
                sync(dev)
                t1 = time.perf_counter()
                c.generate(mem, torch.full((B, 1), bos, dtype=torch.long, device=dev), n)
                sync(dev)
                t2 = time.perf_counter()
                return {"compress": t_ms(t0, t1), "regenerate": t_ms(t1, t2), "total": t_ms(t0, t2)}

            row = b.measure("batch_regen", f"batch_regen/{c.id}/B={B}/N={n}", {**comp_params(c), "B": B, "N": n}, fn)
            row["throughput"] = B / (row["median_ms"] / 1000.0)
            row["throughput_unit"] = "texts/s"
            row["decode_ms_per_step"] = row["regenerate_median_ms"] / n
            b.add(row)


def train_section(b, comps, records, bos, eos, steps):
    """train_compressor's step: a batch of 32 texts cut to lengths in [96, 480], the compressor's
    memory (+ LoRA or the AOC encoder) trained through the frozen decoder's teacher-forced loss."""
    dev = b.device
    print(f"GPU section: compressor training throughput ({steps} steps, batch 32, lengths 96-480)", flush=True)
    pool = [r for r in records if len(r) >= 96]
    pool = pool[: len(pool) - min(len(pool) // 10, 4)]  # the trainer's held-out validation records
    skip = min(3, steps - 1)
    for c in comps:
        rng = random.Random(7)
        memory = torch.nn.Parameter(c.memory.detach().float().clone())
        params = [memory]
        if c.peft is not None:
            for n_, p in c.peft.named_parameters():
                if "lora_" in n_:
                    p.requires_grad_(True)
                    params.append(p)
        else:
            c.encoder.float()  # float32 master weights, bf16 compute under autocast
            for n_, p in c.encoder.named_parameters():
                trainable = ".layers." in n_ and ("self_attn" in n_ or "layernorm" in n_)
                p.requires_grad_(trainable)
                if trainable:
                    params.append(p)
        opt = torch.optim.AdamW(params, lr=1e-4, betas=(0.9, 0.95), eps=1e-8, weight_decay=0.01)
        V = c.base.config.vocab_size
        use_autocast = dev.type == "cuda" and c.dtype != torch.float32
        step_ms, step_tokens = [], []
        b.meter.begin()
        for step in range(steps):
            t0 = time.perf_counter()
            batch = []
            for _ in range(32):
                r = pool[rng.randrange(len(pool))]
                batch.append(r[: rng.randint(96, 480)])
            B, T = len(batch), max(len(r) for r in batch)
            ids = torch.zeros(B, T, dtype=torch.long)
            mask = torch.zeros(B, T + c.m, dtype=torch.long)
            for i, r in enumerate(batch):  # left padding: the memory tokens end every row
                ids[i, T - len(r):] = torch.tensor(r)
                mask[i, T - len(r):] = 1
            ids, mask = ids.to(dev), mask.to(dev)
            pos = (mask.cumsum(1) - 1).clamp(min=0)
            with torch.autocast(device_type="cuda", dtype=c.dtype, enabled=use_autocast):
                mem = c.encode(ids, attention_mask=mask, position_ids=pos, memory=memory)
            # Decoder: [BOS] + text, teacher-forced on text + EOS, rows right-padded.
            targets = [r + [eos] for r in batch]
            Tt = max(len(t) for t in targets)
            dec_in = torch.full((B, Tt), eos, dtype=torch.long)
            labels = torch.full((B, Tt), -100, dtype=torch.long)
            dmask = torch.zeros(B, Tt, dtype=torch.long)
            for i, t in enumerate(targets):
                row = [bos] + t[:-1]
                dec_in[i, : len(row)] = torch.tensor(row)
                labels[i, : len(t)] = torch.tensor(t)
                dmask[i, : len(row)] = 1
            dec_in, labels, dmask = dec_in.to(dev), labels.to(dev), dmask.to(dev)
            kind, val = mem
            with c.decoder_ctx():
                if kind == "kv":
                    am = torch.cat([torch.ones(B, c.m, dtype=torch.long, device=dev), dmask], 1)
                    logits = c.base(input_ids=dec_in, attention_mask=am, past_key_values=val, use_cache=True).logits
                else:
                    x = torch.cat([val.to(c.dtype), c.embed(dec_in)], 1)
                    am = torch.cat([torch.ones(B, c.m, dtype=torch.long, device=dev), dmask], 1)
                    logits = c.base(inputs_embeds=x, attention_mask=am, use_cache=False).logits[:, c.m:]
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, V).float(), labels.reshape(-1), ignore_index=-100)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            opt.zero_grad(set_to_none=True)
            loss.item()  # the trainer reads the loss every step
            t1 = time.perf_counter()
            step_ms.append(t_ms(t0, t1))
            step_tokens.append(sum(len(t) for t in targets))
        for p in params:
            p.requires_grad_(False)
        if c.encoder is not None:
            c.encoder.to(c.dtype)
        ms, toks = step_ms[skip:], step_tokens[skip:]
        row = {"name": "train_compressor", "id": f"train_compressor/{c.id}/batch=32", "device": dev.type,
               **comp_params(c), "batch": 32, "lengths": "96-480", "steps": steps, "measured_steps": len(ms),
               "median_ms": quantile(ms, 0.5), "p90_ms": quantile(ms, 0.9), "repeats": len(ms),
               "throughput": sum(toks) / (sum(ms) / 1000.0) if ms else 0.0, "throughput_unit": "tokens/s",
               "tokens": sum(toks)}
        b.finish_memory(row)
        b.add(row)


def qa_section(b, c, pool, sp, bos):
    R, dev = b.args.repeats, b.device
    n = 480
    question = "What problem does this paper address?"
    print(f"GPU section: QA after a {n}-token context, compressed ({c.id}, at question time and beforehand) "
          "vs full text", flush=True)
    texts = pool.take(n, R + 1)
    filled = c.qa_template.replace("{q}", question)
    tail = sp.encode(filled)
    prompt = to_ids([[bos] + tail], dev)
    # "reused": compressed before the clock starts (fresh each time: generate() extends the cache).
    for context in ("compressed", "reused", "full"):
        def fn(rep, context=context):
            ids = texts[(rep + 1) % len(texts)]
            st = FirstToken()
            if context == "reused":
                with torch.no_grad():
                    ready = c.encode(to_ids([ids], dev))
                sync(dev)
            t0 = time.perf_counter()
            if context == "compressed":
                with torch.no_grad():
                    mem = c.encode(to_ids([ids], dev))
                c.generate(mem, prompt, 48, streamer=st)
            elif context == "reused":
                c.generate(ready, prompt, 48, streamer=st)
            else:
                full = to_ids([[bos] + ids + tail], dev)
                with torch.no_grad(), c.decoder_ctx():
                    c.base.generate(input_ids=full, attention_mask=torch.ones_like(full), max_new_tokens=48,
                                    do_sample=False, streamer=st)
            sync(dev)
            t1 = time.perf_counter()
            return {"ttft": t_ms(t0, st.t if st.t else t1), "total": t_ms(t0, t1)}

        params = {**comp_params(c), "N": n, "answer_tokens": 48, "context": context}
        row = b.measure("qa", "", params, fn)
        ttft = dict(row)
        ttft.update({"name": "qa_ttft", "id": f"qa_ttft/{context}/{c.id}/N={n}", "median_ms": row["ttft_median_ms"],
                     "p90_ms": row["ttft_p90_ms"], "total_median_ms": row["median_ms"], "total_p90_ms": row["p90_ms"]})
        del ttft["ttft_median_ms"], ttft["ttft_p90_ms"]
        row.update({"name": "qa_total", "id": f"qa_total/{context}/{c.id}/N={n}",
                    "throughput": 48 / (row["median_ms"] / 1000.0), "throughput_unit": "answer tokens/s"})
        b.add(ttft)
        b.add(row)


def step_probe(b, c, pool, B, bos):
    """One decoder step with a cache of m + 97 positions (mid-regeneration): the forward call's host
    time before the device finishes (enqueue), with the device (forward), and the argmax to host."""
    dev = b.device
    texts = pool.take(96, B)
    ids = to_ids(texts, dev)
    with torch.no_grad():
        kind, val = c.encode(ids)
        prompt = torch.cat([torch.full((B, 1), bos, dtype=torch.long, device=dev), ids[:, :-1]], 1)
        with c.decoder_ctx():
            if kind == "kv":
                cache = c.base.model(input_ids=prompt, past_key_values=val, use_cache=True).past_key_values
            else:
                x = torch.cat([val, c.embed(prompt)], 1)
                cache = c.base.model(inputs_embeds=x, use_cache=True).past_key_values
    S = cache.get_seq_length()
    nxt = torch.full((B, 1), texts[0][0], dtype=torch.long, device=dev)

    def fn(rep):
        with torch.no_grad(), c.decoder_ctx():
            sync(dev)
            t0 = time.perf_counter()
            out = c.base(input_ids=nxt, past_key_values=cache, use_cache=True)
            t1 = time.perf_counter()
            sync(dev)
            t2 = time.perf_counter()
            out.logits[:, -1].argmax(-1).cpu()
            t3 = time.perf_counter()
            cache.crop(S)
        return {"forward": t_ms(t0, t2), "forward_enqueue": t_ms(t0, t1), "argmax_to_host": t_ms(t2, t3),
                "total": t_ms(t0, t2) + t_ms(t2, t3)}

    row = b.measure("decode_step", f"decode_step/{c.id}/B={B}", {**comp_params(c), "B": B, "cache": S}, fn)
    b.add(row)


def check_agreement(b, comps, ours, bos):
    """Redo xcomp bench's stored greedy regenerations; print and keep the agreement."""
    by_id = {c.id: c for c in comps}
    dev = b.device
    for s in ours.get("samples", []):
        c = by_id.get(s["compressor"])
        if c is None:
            continue
        n = len(s["output_ids"])
        ids = to_ids([s["source_ids"]], dev)
        with torch.no_grad():
            mem = c.encode(ids)
            gen = c.generate(mem, torch.full((1, 1), bos, dtype=torch.long, device=dev), n)[0].tolist()
            mem = c.encode(ids)
            loop = c.loop(mem, torch.full((1, 1), bos, dtype=torch.long, device=dev), n)[0].tolist()
        want = s["output_ids"]
        prefix = next((i for i, (x, y) in enumerate(zip(gen, want)) if x != y), min(len(gen), len(want)))
        same = sum(1 for x, y in zip(gen, want) if x == y)
        rec = {"compressor": c.id, "N": n, "tokens": len(want), "identical": gen == want,
               "common_prefix": prefix, "positions_equal": same, "generate_equals_loop": gen == loop,
               "ours_device": s.get("device"), "peer_device": dev.type}
        b.agreement.append(rec)
        print(f"  agreement {c.id}: identical={gen == want} common prefix {prefix}/{len(want)} tokens, "
              f"equal positions {same}/{len(want)}; generate()==loop: {gen == loop}", flush=True)
    b.write()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="resources/models/default")
    ap.add_argument("--data", default="../shared/data/arxiv/valid.jsonl")
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--dtype", default="", help="float32|bfloat16|float16 (default: what --ours used, else the config's on CUDA, float32 on CPU)")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--section", default="", help="cpu|gpu|all (default: gpu on CUDA, cpu otherwise)")
    ap.add_argument("--compressors", default="", help="comma-separated ids (default: all regeneration compressors)")
    ap.add_argument("--train-steps", type=int, default=30)
    ap.add_argument("--ours", default="", help="xcomp bench's JSON: its samples are checked for agreement")
    ap.add_argument("--out", default="")
    args = ap.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    section = args.section or ("gpu" if device.type == "cuda" else "cpu")
    ours = {}
    if args.ours and os.path.exists(args.ours):
        with open(args.ours) as f:
            ours = json.load(f)
    with open(os.path.join(args.model, "config.json")) as f:
        config = json.load(f)
    dtype_name = args.dtype or (ours.get("model", {}).get("dtype") if ours.get("model", {}).get("device", "").startswith(device.type) else "")
    if not dtype_name:
        dtype_name = (config.get("dtype") or config.get("torch_dtype") or "float32") if device.type == "cuda" else "float32"
    dtype = DTYPES[dtype_name]
    torch.manual_seed(0)

    import sentencepiece
    import transformers
    try:
        import peft
        peft_version = peft.__version__
    except ImportError:
        peft_version = None
    sp = sentencepiece.SentencePieceProcessor(model_file=os.path.join(args.model, "tokenizer.model"))
    bos = config.get("bos_token_id", 1)
    bos = bos[0] if isinstance(bos, list) else bos
    eos = config.get("eos_token_id", 2)
    eos = eos[0] if isinstance(eos, list) else eos

    gpu = ""
    if device.type == "cuda":
        gpu = torch.cuda.get_device_name(device)
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), cpu)
    except OSError:
        pass
    meta = {"tool": "tools/bench_peer.py", "implementation": "peer",
            "versions": {"torch": torch.__version__, "transformers": transformers.__version__, "peft": peft_version,
                         "python": platform.python_version()},
            "command": "python3 " + " ".join(sys.argv),
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "section": section, "repeats": args.repeats,
            "data": args.data, "model": {"dir": args.model, "dtype": dtype_name, "device": str(device)},
            "machine": {"cpu": cpu, "cores": os.cpu_count(), "threads": torch.get_num_threads(), "gpu": gpu}}
    b = Bench(args, device, meta)
    print(f"peer: {args.model} on {device} ({dtype_name}, {torch.get_num_threads()} threads), torch {torch.__version__}, "
          f"transformers {transformers.__version__}, peft {peft_version}", flush=True)

    root = os.path.join(args.model, "compressors")
    wanted = [w for w in args.compressors.split(",") if w]
    comps, qa_comps = [], []
    for name in sorted(os.listdir(root)) if os.path.isdir(root) else []:
        cdir = os.path.join(root, name)
        if not os.path.exists(os.path.join(cdir, "compressor.json")):
            continue
        try:
            c = PeerCompressor(cdir, args.model, dtype, device)
        except Exception as e:  # e.g. lora-aoc, not part of the peer
            b.errors.append(f"load {name}: {e}")
            print(f"  skipped {name}: {e}", flush=True)
            continue
        try:
            same = c.self_check(bos)
            print(f"  {c.id}: generate() runs exactly N steps; equal to the plain loop: {same}"
                  + (f" ({c.note})" if c.note else ""), flush=True)
            b.meta.setdefault("self_check", {})[c.id] = {"generate_equals_loop": same, "note": c.note}
        except Exception as e:
            traceback.print_exc()
            b.errors.append(f"self-check {name}: {type(e).__name__}: {e}")
            continue
        (qa_comps if c.qa else comps).append(c)
    order = {"500x": 0, "icae": 1, "aoc": 2}
    comps.sort(key=lambda c: (order.get(c.method, 9), c.m, c.id))
    qa_comps.sort(key=lambda c: c.id)
    if wanted:
        comps = [c for c in comps if c.id in wanted]
    m4 = [c for c in comps if c.m == 4] or comps[:1]

    records = [[int(t) for t in sp.encode(text)] for text in read_texts(args.data)]
    pool = TextPool(records)

    def run(label, fn):
        try:
            fn()
        except Exception as e:
            traceback.print_exc()
            b.errors.append(f"{label}: {type(e).__name__}: {e}")
            b.write()

    if ours:
        run("agreement", lambda: check_agreement(b, comps, ours, bos))
    probe_c = next((c for c in m4 if c.method == "aoc"), m4[0] if m4 else None)
    if section in ("cpu", "all"):
        run("cpu", lambda: cpu_section(b, comps, pool, bos))
        run("step", lambda: step_probe(b, probe_c, pool, 1, bos))
    if section in ("gpu", "all"):
        run("batch", lambda: batch_section(b, m4, pool, bos))
        if section == "gpu":
            run("step", lambda: step_probe(b, probe_c, pool, 1, bos))
        run("step", lambda: step_probe(b, probe_c, pool, 256, bos))
        run("train", lambda: train_section(b, m4, records, bos, eos, args.train_steps))
        qc = qa_comps[0] if qa_comps else next((c for c in m4 if c.method == "aoc"), m4[0] if m4 else None)
        if qc is not None:
            run("qa", lambda: qa_section(b, qc, pool, sp, bos))
    b.write()
    if b.errors:
        print("errors:\n  " + "\n  ".join(b.errors), flush=True)
    return 1 if b.errors and not b.rows else 0


if __name__ == "__main__":
    sys.exit(main())
