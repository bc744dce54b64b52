#!/usr/bin/env bash
# The CPU demo: a tiny configuration of the flagship on the offline sample (build it with
# `python -m data.sample`). Trains 150 steps, shows the loss falling, exports the artifact, reloads it
# and re-scores it. About 1-3 minutes on 2 idle cores (much longer on a busy one; the scores do not depend on
# it). Extra KEY=VALUE pairs before the call override (train_gpt.py's docstring: the GPU-path rehearsal).
set -euo pipefail
cd "$(dirname "$0")/.."
export DATA_PATH="${DATA_PATH:-data/datasets/sample_sp1024}"
export TOKENIZER_PATH="${TOKENIZER_PATH:-data/tokenizers/sample_1024_bpe.model}"
export NUM_LAYERS="${NUM_LAYERS:-2}" MODEL_DIM="${MODEL_DIM:-64}" NUM_HEADS="${NUM_HEADS:-4}" NUM_KV_HEADS="${NUM_KV_HEADS:-2}"
export MLP_MULT="${MLP_MULT:-2}" BIGRAM_VOCAB_SIZE="${BIGRAM_VOCAB_SIZE:-256}" BIGRAM_DIM="${BIGRAM_DIM:-32}"
export VE_DIM="${VE_DIM:-32}" VE_LAYERS="${VE_LAYERS:-1}" XSA_LAST_N="${XSA_LAST_N:-1}"
export TRAIN_SEQ_LEN="${TRAIN_SEQ_LEN:-128}" EVAL_SEQ_LEN="${EVAL_SEQ_LEN:-128}" EVAL_STRIDE="${EVAL_STRIDE:-32}"
export TRAIN_BATCH_TOKENS="${TRAIN_BATCH_TOKENS:-8192}" ITERATIONS="${ITERATIONS:-150}" WARMDOWN_ITERS="${WARMDOWN_ITERS:-50}"
export WARMUP_STEPS="${WARMUP_STEPS:-2}" VAL_LOSS_EVERY="${VAL_LOSS_EVERY:-50}" TRAIN_LOG_EVERY="${TRAIN_LOG_EVERY:-25}"
export VAL_TOKENS_LIMIT="${VAL_TOKENS_LIMIT:-32768}" MAX_WALLCLOCK_SECONDS="${MAX_WALLCLOCK_SECONDS:-0}" EMA_DECAY="${EMA_DECAY:-0.9}"
# RUN_ID is set here so we know the log's name.
if [ -z "${RUN_ID:-}" ]; then RUN_ID="demo_cpu_$(date -u +%Y%m%dT%H%M%SZ)"; fi
export RUN_ID
python3 train_gpt.py "$@"
log="${OUT_DIR:-.}/logs/${RUN_ID}.txt"
# The run is the demo; the picture is a bonus, so a failed plot (e.g. no matplotlib) is reported, not fatal.
python3 scripts/plot_runs.py "$log" --out "$log.png" || echo "demo_cpu: no curve drawn for $log" >&2
