#!/usr/bin/env bash
# Issue 27's comparison: the same tiny model, 100 steps, on the offline sample in its plain sp8192 build and in
# its CaseOps build (sp8192_lossless_caps_caseops_v1_reserved), then the judge (`python -m eval`) on each run
# (tokenizer bytes on sp8192, byte sidecars on CaseOps). Not a claim about FineWeb: both paths run, that's all.
#
#   bash results/caseops_vs_sp8192_driver.sh            # outputs under $OUT (default /tmp/caseops_vs_sp8192)
#
# Needs both sample builds: python -m data.sample --vocab 8192 and python -m data.sample --caseops.
set -euo pipefail
R=$(cd "$(dirname "$0")/.." && pwd)  # this checkout's root
OUT=${OUT:-/tmp/caseops_vs_sp8192}
# Idle OpenMP threads sleep instead of spinning: on a shared 2-core box spinning slows a run several-fold
# (tests/conftest.py sets the same).
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
common="NUM_LAYERS=2 MODEL_DIM=64 NUM_HEADS=4 NUM_KV_HEADS=2 MLP_MULT=2 BIGRAM_VOCAB_SIZE=256 BIGRAM_DIM=32
 VE_DIM=32 VE_LAYERS=1 XSA_LAST_N=1 TRAIN_SEQ_LEN=128 EVAL_SEQ_LEN=128 EVAL_STRIDE=32 TRAIN_BATCH_TOKENS=8192
 ITERATIONS=100 WARMDOWN_ITERS=40 WARMUP_STEPS=2 VAL_LOSS_EVERY=50 TRAIN_LOG_EVERY=25 MAX_WALLCLOCK_SECONDS=0
 EMA_DECAY=0.9 VOCAB_SIZE=8192 SEED=1337"
echo "machine: $(uname -srm), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "python: $(python --version 2>&1), torch: $(python -c 'import torch; print(torch.__version__)')"
echo "commit: $(git -C "$R" rev-parse HEAD)$(git -C "$R" diff --quiet HEAD -- train_gpt.py eval data || echo ' (modified)')"
echo "settings: $(echo $common) OMP_WAIT_POLICY=$OMP_WAIT_POLICY"
for v in plain caseops; do
  d=$OUT/$v; rm -rf "$d"; mkdir -p "$d"; cp "$R/train_gpt.py" "$d/"
  if [ $v = plain ]; then
    data="DATA_PATH=$R/data/datasets/sample_sp8192 TOKENIZER_PATH=$R/data/tokenizers/sample_8192_bpe.model"
  else
    data="DATA_PATH=$R/data/datasets/sample_sp8192_lossless_caps_caseops_v1_reserved"
    data="$data TOKENIZER_PATH=$R/data/tokenizers/sample_8192_bpe_lossless_caps_caseops_v1_reserved.model"
  fi
  echo "== $v: $data"
  start=$(date +%s)
  (cd "$d" && env $common $data RUN_ID=$v OUT_DIR=. python train_gpt.py > train.out 2>&1)
  echo "train_wall_s:$(( $(date +%s) - start ))"
  start=$(date +%s)
  (cd "$R" && env $data python -m eval "$d" --json "$d/judge.json" > "$d/judge.out" 2>&1) || echo "judge rc=$? for $v"
  echo "judge_wall_s:$(( $(date +%s) - start ))"
  grep -E "^(val_tokens|val_bytes):|final_.*exact|step:100/|Total submission size" "$d/logs/$v.txt" | cut -c1-200
  grep -E "^(val_bytes|val_docs):|eval_settings|eval_(plain|sliding_window)_exact|^note|eval_ok|bytes_total" \
    "$d/judge.out" | cut -c1-240
done
