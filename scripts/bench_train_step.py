"""Benchmark the flagship's training step, sliding-window eval and export on one device; write JSON.

    # one H100 = one rank of the 8xH100 run (98,304 tokens/step, grad accumulation 1):
    python scripts/bench_train_step.py --batch-tokens 98304 --grad-accum 1
    # CPU smoke check of the script itself (tiny model):
    python scripts/bench_train_step.py --steps 6 --warmup 2 --eval-windows 8 --env NUM_LAYERS=2 --env MODEL_DIM=64 \
        --env NUM_HEADS=4 --env NUM_KV_HEADS=2 --env TRAIN_SEQ_LEN=128 --env EVAL_SEQ_LEN=128 --batch-tokens 4096

Timing: steps after `--warmup` (compile happens there), each step timed with CUDA events (perf_counter
on CPU), median and every value reported. Model FLOPs per token (fwd+bwd):
    6 * (bank matrix params + tied output head V*d + small projections) + 6 * L * T * d   (causal attention)
MFU = achieved FLOP/s / peak (H100 SXM bf16 dense 989 TFLOP/s; --peak-tflops to change). Projection to
the challenge: steps in 600 s = 600 / (per-GPU step + all-reduce time measured elsewhere); eval time for
the 62,021,632-target val set at stride 64 over 8 GPUs from windows/s. Data: synthetic uniform tokens
in the challenge shard format (speed does not depend on the token values), unless --data-path is given.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file: make the repo importable

from data.shards import write_shard  # noqa: E402
from eval.loader import load_record_module  # noqa: E402
from eval.runs import parse_env_pairs  # noqa: E402
from scripts.benchlib import (FINEWEB_VAL_TARGETS, results_arg, results_path, run_facts, slug,  # noqa: E402
                              write_results)


class Timer:
    """CUDA events on GPU (no host sync inside the timed region), perf_counter on CPU."""

    def __init__(self, device: torch.device):
        self.cuda = device.type == "cuda"

    def __enter__(self):
        if self.cuda:
            self.start, self.end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            self.start.record()
        else:
            self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        if self.cuda:
            self.end.record()
            torch.cuda.synchronize()
            self.ms = self.start.elapsed_time(self.end)
        else:
            self.ms = 1000.0 * (time.perf_counter() - self.t0)


def flops_per_token(model, hp) -> int:
    matmul = sum(b.numel() for b in model.banks()) + model.tok_emb.weight.numel()
    matmul += sum(m.weight.numel() for m in model.modules() if isinstance(m, torch.nn.Linear))
    return 6 * matmul + 6 * hp.model.num_layers * hp.train.train_seq_len * hp.model.model_dim


def synthetic_data(folder: Path, vocab: int, n_tokens: int) -> None:
    rng = np.random.default_rng(0)
    for split, n in (("train", n_tokens), ("val", n_tokens // 4)):
        tokens = rng.integers(4, vocab, size=n, dtype=np.int64)
        tokens[:: 1000] = 1  # BOS now and then, like documents
        write_shard(folder / f"fineweb_{split}_000000.bin", tokens)


def profile_steps(train_step, first: int, n: int, device: torch.device, top: int = 20) -> list[dict]:
    """torch.profiler over n more steps: the ops with the most self time (CUDA time on a GPU), per step."""
    from torch.profiler import ProfilerActivity, profile

    activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if device.type == "cuda" else [])
    with profile(activities=activities) as prof:
        for step in range(first, first + n):
            train_step(step)
        if device.type == "cuda":
            torch.cuda.synchronize()
    key = "self_device_time_total" if device.type == "cuda" else "self_cpu_time_total"
    rows = sorted(prof.key_averages(), key=lambda e: getattr(e, key), reverse=True)[:top]
    return [{"name": e.key, "calls_per_step": e.count / n, "self_ms_per_step": getattr(e, key) / 1000 / n}
            for e in rows]


def build(tg, hp, rt):
    """The script's model on the run's device with the run's attention (causal, as select_attention binds it)."""
    return tg.build_model(hp, rt.attention_fn).to(rt.device)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--script", type=Path, default=ROOT / "train_gpt.py")
    p.add_argument("--env", action="append", default=[], metavar="KEY=VALUE", help="hyperparameter override")
    p.add_argument("--batch-tokens", type=int, default=98_304)
    p.add_argument("--grad-accum", type=int, default=1)
    p.add_argument("--steps", type=int, default=60, help="last step timed (steps warmup+1..steps)")
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--eval-windows", type=int, default=256)
    p.add_argument("--data-path", type=Path, help="challenge shards to use instead of synthetic tokens")
    p.add_argument("--peak-tflops", type=float, default=989.0)
    p.add_argument("--profile-steps", type=int, default=0, help="profile this many extra steps: top kernels")
    p.add_argument("--out", type=results_arg,
                   help="JSON path (default results/train_step_<device>_<time>.json)")
    args = p.parse_args(argv)
    tg = load_record_module(args.script)
    tmp = Path(tempfile.mkdtemp(prefix="bench_train_step."))
    env = parse_env_pairs(args.env)
    env.update(TRAIN_BATCH_TOKENS=str(args.batch_tokens), GRAD_ACCUM_STEPS=str(args.grad_accum), WARMUP_STEPS="0")
    if args.data_path is None:
        vocab = int(env.get("VOCAB_SIZE", "1024"))
        synthetic_data(tmp, vocab, max(4 * args.batch_tokens * args.grad_accum, 1_000_000))
        env["DATA_PATH"] = str(tmp)
    else:
        env["DATA_PATH"] = str(args.data_path)
    hp = tg.Hyperparameters.from_env(env)
    rt = tg.compute_init(hp)
    torch.manual_seed(0)
    model = build(tg, hp, rt)
    fwd = rt.compiled(model)
    loader = tg.DistributedTokenLoader(hp, rt, args.grad_accum)
    opt = tg.Optimizers(model, hp.train, rt)
    if rt.device.type == "cuda":
        torch.cuda.reset_peak_memory_stats()
    def train_step(step: int) -> None:
        opt.zero_grad()
        for x, y, segments in loader.next_step():
            with rt.autocast():
                loss = fwd(x, y, None, segments)
            (loss / args.grad_accum).backward()
        opt.step(1.0, tg.muon_momentum_at(step, hp.train))

    step_ms, warmup_ms = [], []
    for step in range(args.steps):
        with Timer(rt.device) as t:
            train_step(step)
        (step_ms if step >= args.warmup else warmup_ms).append(t.ms)
    peak_mib = torch.cuda.max_memory_allocated() / 2**20 if rt.device.type == "cuda" else None
    peak_reserved_mib = torch.cuda.max_memory_reserved() / 2**20 if rt.device.type == "cuda" else None
    top_kernels = profile_steps(train_step, args.steps, args.profile_steps, rt.device) if args.profile_steps else None
    med = statistics.median(step_ms)
    tokens = args.batch_tokens
    fpt = flops_per_token(model, hp)
    # sliding eval: windows of eval_seq_len, timed over --eval-windows windows
    val = torch.randint(4, hp.model.vocab_size, (hp.eval.eval_seq_len + hp.eval.eval_stride * args.eval_windows + 1,))
    luts = (torch.ones(hp.model.vocab_size, dtype=torch.long, device=rt.device),
            torch.zeros(hp.model.vocab_size, dtype=torch.bool, device=rt.device),
            torch.zeros(hp.model.vocab_size, dtype=torch.bool, device=rt.device))
    logits_fn = rt.compiled(model.forward_logits)
    model.eval()
    tg.eval_sliding(logits_fn, val[: hp.eval.eval_seq_len * 2 + 1], hp.eval.eval_seq_len, hp.eval.eval_stride,
                    hp.eval.eval_batch_seqs, luts, rt)  # warm-up / compile
    with Timer(rt.device) as t:
        tg.eval_sliding(logits_fn, val, hp.eval.eval_seq_len, hp.eval.eval_stride, hp.eval.eval_batch_seqs, luts, rt)
    n_windows = len(tg.window_ends(val.numel() - 1, hp.eval.eval_seq_len, hp.eval.eval_stride))
    windows_per_s = n_windows / (t.ms / 1000)
    full_windows = math.ceil((FINEWEB_VAL_TARGETS - hp.eval.eval_seq_len) / hp.eval.eval_stride) + 1
    with Timer(torch.device("cpu")) as t_export:
        size = tg.write_artifact(tmp / "bench.ptz", model.state_dict(), hp.export.compressor)
    report = {
        **run_facts("flagship train step, sliding eval and export on one device", __file__, argv, rt.device),
        "env": env, "attention": rt.attention, "compile": rt.compile,
        "batch_tokens": tokens, "grad_accum": args.grad_accum, "step_ms_all": step_ms, "step_ms_median": med,
        "tokens_per_s": tokens / (med / 1000), "flops_per_token": fpt,
        "flop_formula": "6*(bank + tied head + small linear params) + 6*L*T*d",
        "mfu": fpt * tokens / (med / 1000) / (args.peak_tflops * 1e12), "peak_tflops": args.peak_tflops,
        "peak_memory_mib": peak_mib, "peak_reserved_mib": peak_reserved_mib,
        "warmup_step_ms": warmup_ms, "first_step_ms_includes_compile": warmup_ms[0] if warmup_ms else None,
        "profile_top_kernels": top_kernels,
        "projected_steps_in_600s_if_no_comm": math.floor(600_000 / med),
        "eval_windows_timed": n_windows, "eval_ms": t.ms, "eval_windows_per_s": windows_per_s,
        "projected_full_val_eval_s_on_8_gpus": full_windows / windows_per_s / 8,
        "export_ms": t_export.ms, "export_bytes_untrained": size,
    }
    out = args.out or results_path("train_step", slug(report["device"]), time.strftime("%Y%m%d-%H%M%S"))
    write_results(out, report)
    for key in ("device", "step_ms_median", "tokens_per_s", "mfu", "peak_memory_mib", "eval_windows_per_s",
                "projected_full_val_eval_s_on_8_gpus", "export_ms"):
        print(f"{key}:{report[key]}")
    print(f"json:{out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
