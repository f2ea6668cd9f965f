#!/usr/bin/env bash
# How long the per-text upper bound (optimised-kv, m = 1, 4, 16) takes on the CPU for one text of 96 and
# one of 480 tokens. Usage: tools/upper_bound_cpu_time.sh TEXT96 TEXT480 (files holding exactly 96 and 480
# tokens; `xcomp tokenize --text T --json` counts them). Results: /tmp/opt_res_*.json, steps in /tmp/opt_err_*.
cd "$(dirname "$0")/.."
cp "$1" /tmp/opt_96.txt && cp "$2" /tmp/opt_480.txt
for N in 96 480; do for m in 1 4 16; do for meth in kv; do
  /usr/bin/time -f "wall %e s" build/app/xcomp regenerate --compressor optimised-$meth-m$m --file /tmp/opt_$N.txt --threads 2 --json > /tmp/opt_res_${meth}_${m}_$N.json 2> /tmp/opt_err_${meth}_${m}_$N.txt
  python3 -c "
import json;j=json.load(open('/tmp/opt_res_${meth}_${m}_$N.json'))
print('$meth m=$m N=$N', {k:j.get(k) for k in ['compress_ms','regenerate_ms','exact_match','bleu','rouge_l_f','source_tokens','compressor']})" 2>&1 | head -3
  tail -n 1 /tmp/opt_err_${meth}_${m}_$N.txt
done; done; done
