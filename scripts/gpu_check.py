"""One prepared device call: the flagship's GPU figures beside the public 2026-03-23 record's, into one JSON.

    # On one H100/H200, from the repository root (about 8 minutes; every stage writes into the JSON as it
    # ends, so a stage that fails or runs out of budget leaves the others' figures):
    python3 scripts/gpu_check.py --public-script .cache/public/2026-03-23_train_gpt.py --out $OUT/gpu_check.json
    # The CPU path of this script (CI runs it: tests/test_gpu_check.py):
    python3 scripts/gpu_check.py --tiny --out /tmp/gpu_check_tiny.json

The public script stays out of the repository: copy records/track_10min_16mb/2026-03-23_LeakyReLU_LegalTTT_
ParallelMuon/train_gpt.py of openai/parameter-golf into an ignored folder and carry it. The device image has
no zstandard or constriction (the ctx codec, the offline sample's corpus): carry their cp312 wheels (.whl,
see /work/.library/device/README.md) and put them on PYTHONPATH first.

Stages, in order (--stages picks some):
  data    synthetic challenge shards (vocab 1024, BOS-separated documents of random lengths, fixed seed) and
          the offline sample's 1024-piece tokenizer (python -m data.sample) for the byte tables
  ours    `python train_gpt.py`: full 11-layer model (BIGRAM_VOCAB_SIZE=1536), TRAIN_BATCH_TOKENS=98304 with
          GRAD_ACCUM_STEPS=1 (one rank's share of the 8xH100 step), seq 2048, compiled, --steps steps, GPTQ
          calibration at seq 2048, export, roundtrip and sliding eval (stride 64) on the val tokens
  theirs  the public script on the same data and batch, patched as little as runs on one GPU without
          flash-attn (patch_public: FA3 -> SDPA causal GQA, grad accumulation 1, SDPA's math fallback on)
  step    our step in-process (scripts/bench_train_step.py): CUDA events after warm-up, median and every
          step, MFU, peak memory, and the profiler's top CUDA kernels
  ttt     the flagship's TTT on our artifact: sgd's time per chunk over the first chunks, and lora_phased
          (eager) on the first documents
  ortho   scripts/bench_orthogonalize.py on the bank shapes (NS5, Polar Express, MUD, plain bmm NS5)

ms/step of ours and theirs is measured the same way, from each script's own log: the train_time between
the step-50 and the last step line (both lines read the loss, a host sync, so the window is exact wall
time), divided by the steps between them. MFU = flops_per_token * tokens/s / peak, with flops_per_token
from bench_train_step.flops_per_token (6 * matmul params + 6 * L * T * d for causal attention).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file: make the repo importable

from data.shards import write_shard  # noqa: E402
from scripts.benchlib import (FINEWEB_VAL_TARGETS, PUBLIC_PATCHES, PatchError,  # noqa: E402,F401
                              patch_public, results_arg, results_path, run_facts, slug, write_results)

PUBLIC_RECORD = {"ms_per_step_8xh100": 83.4, "peak_mib": 21_471, "steps_in_600s": 7_185}  # challenge_facts.md
STAGES = ("data", "ours", "theirs", "step", "ttt", "ortho")

FULL = dict(steps=150, window_from=50, log_every=25, batch_tokens=98_304, seq=2048, val_tokens=4_194_304,
            train_tokens=20_000_000, gptq_seqs=64, ttt_chunks=3, env={"BIGRAM_VOCAB_SIZE": "1536"})
TINY = dict(steps=12, window_from=4, log_every=4, batch_tokens=2048, seq=128, val_tokens=20_000,
            train_tokens=200_000, gptq_seqs=4, ttt_chunks=2,
            env=dict(NUM_LAYERS="2", MODEL_DIM="64", NUM_HEADS="4", NUM_KV_HEADS="2", MLP_MULT="2",
                     BIGRAM_VOCAB_SIZE="256", BIGRAM_DIM="32", VE_DIM="32", VE_LAYERS="1", XSA_LAST_N="1",
                     TTT_CHUNK_TOKENS="1024", EVAL_BATCH_SEQS="8"))


def synthetic_shards(folder: Path, n_train: int, n_val: int, vocab: int = 1024, seed: int = 0) -> dict:
    """BOS + random tokens documents (lengths geometric, mean ~1000 tokens), train and val shards."""
    rng = np.random.default_rng(seed)
    out = {}
    for split, n in (("train", n_train), ("val", n_val)):
        tokens = rng.integers(4, vocab, size=n, dtype=np.int64)
        starts = np.cumsum(rng.geometric(1 / 1000, size=n // 100 + 2))
        tokens[starts[starts < n]] = 1
        tokens[0] = 1
        write_shard(folder / f"fineweb_{split}_000000.bin", tokens)
        out[split] = {"tokens": n, "documents": int((tokens == 1).sum())}
    return out


STEP_LINE = re.compile(r"^step:(\d+)/\d+ train_loss:\S+ train_time:(\d+)ms", re.M)


def run_logged(cmd: list[str], cwd: Path, env: dict, timeout: float) -> dict:
    """Run a training script, keeping each output line with the seconds since launch it arrived at."""
    t0 = time.monotonic()
    lines = []
    proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, "PYTHONUNBUFFERED": "1", **env}, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for line in proc.stdout:
            lines.append((round(time.monotonic() - t0, 3), line.rstrip("\n")))
            if time.monotonic() - t0 > timeout:
                proc.kill()
                break
        proc.wait(timeout=max(1.0, timeout - (time.monotonic() - t0)))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return {"returncode": proc.returncode, "wall_s": round(time.monotonic() - t0, 3), "lines": lines}


def log_figures(run: dict, window_from: int, batch_tokens: int) -> dict:
    """ms/step over the steady window, eval times and the other figures a training log prints."""
    text = "\n".join(line for _, line in run["lines"])
    steps = {int(s): int(t) for s, t in STEP_LINE.findall(text)}
    out = {"returncode": run["returncode"], "wall_s": run["wall_s"]}
    last = max(steps) if steps else None
    if last is not None and window_from in steps and last > window_from:
        ms = (steps[last] - steps[window_from]) / (last - window_from)
        out.update(ms_per_step=ms, window=[window_from, last], tokens_per_s=batch_tokens / (ms / 1000))
    first_step_at = next((t for t, line in run["lines"] if STEP_LINE.match(line)), None)
    out["seconds_to_first_step_line"] = first_step_at  # start-up + data + compile (+ warm-up steps)
    patterns = {
        "peak_allocated_mib": r"peak memory allocated: (\d+) MiB", "peak_reserved_mib": r"reserved: (\d+) MiB",
        "model_params": r"model_params:(\d+)", "roundtrip_eval_ms": r"final_int6_roundtrip_exact .*?eval_time:(\d+)ms",
        "sliding_eval_ms": r"final_int6_sliding_window_exact .*?eval_time:(\d+)ms",
        "sliding_val_bpb": r"final_int6_sliding_window_exact val_loss:\S+ val_bpb:(\S+)",
        "gptq_calibration_s": r"gptq_calibration .*?time:([\d.]+)s", "export_s": r"export:.*? time:([\d.]+)s",
        "gptq_time_upper_bound_s": r"gptq_time_upper_bound:([\d.]+)s", "within_reserve": r"within_reserve:(\w+)",
        "compile_graphs": r"compile_graphs:(\d+)", "bytes_total": r"Total submission size \S+: (\d+) bytes",
        "attention": r"attention:(\S+)"}
    for key, pat in patterns.items():
        m = re.search(pat, text)
        if m:
            out[key] = float(m.group(1)) if re.fullmatch(r"[\d.]+", m.group(1)) else m.group(1)
    out["log_tail"] = [line for _, line in run["lines"][-40:]]
    return out


def eval_projection(fig: dict, val_targets: int) -> None:
    """Sliding-eval tokens/s on this GPU and the projected time for the full val set over 8 GPUs."""
    if fig.get("sliding_eval_ms"):
        tps = val_targets / (fig["sliding_eval_ms"] / 1000)
        fig.update(sliding_targets_per_s=tps, projected_full_val_sliding_s_8gpu=FINEWEB_VAL_TARGETS / tps / 8)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--public-script", type=Path, help="the public 2026-03-23 record's train_gpt.py (not in the repo)")
    p.add_argument("--out", type=results_arg,
                   help="JSON path (default results/gpu_check_<device>_<time>.json)")
    p.add_argument("--tiny", action="store_true", help="a tiny model and few steps: the CPU check of this script")
    p.add_argument("--stages", default=",".join(STAGES), help=f"comma-separated subset of {','.join(STAGES)}")
    p.add_argument("--budget-s", type=float, default=480.0, help="wall seconds for all stages (a stage that would "
                   "start with less than its estimate left is skipped, and says so)")
    p.add_argument("--work", type=Path, help="scratch folder (default: a new temp folder)")
    args = p.parse_args(argv)
    stages = [s for s in args.stages.split(",") if s]
    if bad := [s for s in stages if s not in STAGES]:
        print(f"error: --stages: unknown {bad}; choose from {STAGES}", file=sys.stderr)
        return 2
    if args.public_script is not None and not args.public_script.is_file():
        print(f"error: --public-script {args.public_script}: not found", file=sys.stderr)
        return 2
    import torch

    cfg = TINY if args.tiny else FULL
    cuda = torch.cuda.is_available()
    device = torch.cuda.get_device_name() if cuda else "cpu"
    out = args.out or results_path("gpu_check", slug(device), time.strftime("%Y%m%d-%H%M%S"))
    work = args.work or Path(tempfile.mkdtemp(prefix="gpu_check."))
    t_start = time.monotonic()
    report = {**run_facts("flagship vs public 2026-03-23 record on one GPU: step, memory, eval, export, "
                          "orthogonalizers", __file__, argv, "cuda" if cuda else "cpu",
                          ("zstandard", "constriction")),
              "config": {k: v for k, v in cfg.items()},
              "attention_note": "no flash-attn on the device: both scripts ran attention on torch SDPA",
              "public_record_8xh100": PUBLIC_RECORD, "stages": {}}

    def save() -> None:
        write_results(out, report, t_start)

    estimates = {"data": 30, "ours": 200, "theirs": 200, "step": 90, "ttt": 45, "ortho": 60}
    if args.tiny:
        estimates = {k: 1 for k in estimates}
    data, tok = work / "data", work / "sample" / "tokenizers" / "sample_1024_bpe.model"
    common = {"DATA_PATH": str(data), "TOKENIZER_PATH": str(tok), "TRAIN_BATCH_TOKENS": str(cfg["batch_tokens"]),
              "GRAD_ACCUM_STEPS": "1", "TRAIN_SEQ_LEN": str(cfg["seq"]), "EVAL_SEQ_LEN": str(cfg["seq"]),
              "ITERATIONS": str(cfg["steps"]), "WARMUP_STEPS": "20" if not args.tiny else "2", "WARMDOWN_ITERS": "50",
              "MAX_WALLCLOCK_SECONDS": "0", "VAL_LOSS_EVERY": "0", "TRAIN_LOG_EVERY": str(cfg["log_every"]),
              "EVAL_STRIDE": "64" if not args.tiny else "32", "TTT_ENABLED": "0", "OMP_NUM_THREADS": "2", **cfg["env"]}
    for stage in stages:
        left = args.budget_s - (time.monotonic() - t_start)
        if left < estimates[stage]:
            report["stages"][stage] = {"skipped": f"{left:.0f} s of the budget left, estimate {estimates[stage]} s"}
            save()
            continue
        t = time.monotonic()
        try:
            report["stages"][stage] = run_stage(stage, args, cfg, cuda, work, data, tok, common, left)
        except Exception as exc:  # a failed stage is a figure too: say what broke and go on
            report["stages"][stage] = {"error": f"{type(exc).__name__}: {exc}"}
        report["stages"][stage]["stage_s"] = round(time.monotonic() - t, 1)
        save()
        print(f"gpu_check stage:{stage} s:{report['stages'][stage]['stage_s']} "
              f"{'error' if 'error' in report['stages'][stage] else 'ok'}", flush=True)
    ours, theirs = report["stages"].get("ours", {}), report["stages"].get("theirs", {})
    ratios = {}
    for key in ("ms_per_step", "peak_allocated_mib", "sliding_eval_ms"):
        if ours.get(key) and theirs.get(key):
            ratios[f"{key}_ours_over_theirs"] = ours[key] / theirs[key]
    report["ratios"] = ratios
    if ours.get("ms_per_step"):
        report["projection_8xh100"] = {
            "note": "one GPU's step at 98,304 tokens is one rank's share of the 8-GPU step; all-reduce time not "
                    "measured here (not added)",
            "steps_in_600s_without_comm": math.floor(600_000 / ours["ms_per_step"])}
    save()
    print(f"json:{out}")
    return 0


def run_stage(stage, args, cfg, cuda, work, data, tok, common, left) -> dict:
    if stage == "data":
        res = subprocess.run([sys.executable, "-m", "data.sample", "--data-dir", str(work / "sample")], cwd=ROOT,
                             capture_output=True, text=True, timeout=left)
        if res.returncode != 0:
            raise RuntimeError(f"data.sample failed: {res.stderr.strip()[-500:]}")
        return {"shards": synthetic_shards(data, cfg["train_tokens"], cfg["val_tokens"]), "tokenizer": str(tok)}
    if stage == "ours":
        env = {**common, "COMPILE": "auto", "GPTQ_CALIB_SEQS": str(cfg["gptq_seqs"]), "OUT_DIR": str(work / "ours"),
               "RUN_ID": "ours"}
        fig = log_figures(run_logged([sys.executable, str(ROOT / "train_gpt.py")], ROOT, env, left),
                          cfg["window_from"], cfg["batch_tokens"])
        eval_projection(fig, cfg["val_tokens"] - 1)
        return fig
    if stage == "theirs":
        if args.public_script is None:
            return {"skipped": "no --public-script given"}
        if not cuda:
            return {"skipped": "the public script needs CUDA"}
        text, changes = patch_public(args.public_script.read_text())
        script = work / "theirs" / "train_gpt.py"
        script.parent.mkdir(parents=True, exist_ok=True)
        script.write_text(text)
        fig = log_figures(run_logged([sys.executable, str(script)], script.parent, {**common, "RUN_ID": "theirs"}, left),
                          cfg["window_from"], cfg["batch_tokens"])
        eval_projection(fig, cfg["val_tokens"] - 1)
        fig["patches"] = changes
        return fig
    if stage == "step":
        bench_out = work / "bench_train_step.json"
        cmd = [sys.executable, str(ROOT / "scripts" / "bench_train_step.py"), "--batch-tokens", str(cfg["batch_tokens"]),
               "--grad-accum", "1", "--steps", "40" if not args.tiny else "6", "--warmup", "10" if not args.tiny else "2",
               "--eval-windows", "64" if not args.tiny else "4", "--profile-steps", "3" if not args.tiny else "1",
               "--out", str(bench_out)]
        for k, v in {**cfg["env"], "TRAIN_SEQ_LEN": str(cfg["seq"]), "EVAL_SEQ_LEN": str(cfg["seq"])}.items():
            cmd += ["--env", f"{k}={v}"]
        res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=left)
        if res.returncode != 0:
            raise RuntimeError(f"bench_train_step failed: {res.stderr.strip()[-800:]}")
        return json.loads(bench_out.read_text())
    if stage == "ttt":
        return ttt_timing(work / "ours", data, tok, cfg, args.tiny)
    if stage == "ortho":
        ortho_out = work / "ortho.json"
        cmd = [sys.executable, str(ROOT / "scripts" / "bench_orthogonalize.py"), "--out", str(ortho_out)]
        cmd += (["--quick", "--reps", "1", "--warmup", "0", "--quality-per-shape", "0", "--methods", "ns5", "mud"]
                if args.tiny else ["--reps", "20", "--quality-per-shape", "1"])
        res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=left)
        if res.returncode != 0:
            raise RuntimeError(f"bench_orthogonalize failed: {res.stderr.strip()[-800:]}")
        return json.loads(ortho_out.read_text())
    raise ValueError(stage)


def ttt_timing(run_dir: Path, data: Path, tok: Path, cfg: dict, tiny: bool) -> dict:
    """The flagship's eval_ttt (compiled as in main) on our artifact over the first chunks: ms per chunk."""
    import torch

    from eval.loader import load_record_module

    tg = load_record_module(ROOT / "train_gpt.py")
    artifact = run_dir / tg.ARTIFACT_NAME
    if not artifact.is_file():
        raise FileNotFoundError(f"{artifact}: run the ours stage first")
    env = {"DATA_PATH": str(data), "TOKENIZER_PATH": str(tok), "TTT_ENABLED": "1"}
    hp = tg.settings_from_artifact(artifact, env)
    rt = tg.compute_init(hp)
    model = tg.build_model(hp, rt.attention_fn).to(rt.device)
    model.load_state_dict(tg.load_artifact(artifact))
    fwd, logits_fn = rt.compiled(model), rt.compiled(model.forward_logits)
    val = tg.load_val_tokens(hp)
    luts = tg.byte_luts(tg.load_tokenizer(hp), rt.device)
    times = []
    # The first call compiles (one chunk, untimed for the figure); the second, after it, holds only steady chunks.
    # (A difference of the two timings went negative on a shared CPU: the compile's cost is not a constant.)
    for n in (1, cfg["ttt_chunks"]):
        part = val[: n * hp.eval.ttt_chunk_tokens + 1]
        rt.sync()
        t = time.perf_counter()
        tg.eval_ttt(model, fwd, logits_fn, part, hp.eval, luts, rt)
        rt.sync()
        times.append(time.perf_counter() - t)
        model.load_state_dict(tg.load_artifact(artifact))  # undo the adaptation
    per_chunk = times[1] / cfg["ttt_chunks"]
    n_full = math.ceil(FINEWEB_VAL_TARGETS / hp.eval.ttt_chunk_tokens)
    # TTT_MODE=lora_phased (the 04-27 settings, no phase: one batch of documents), eager as in the flagship
    doc_hp = dataclasses.replace(hp, eval=dataclasses.replace(hp.eval, ttt_mode="lora_phased", ttt_phases=0,
                                                            ttt_doc_batch=8 if tiny else 64))
    part = val[: (4 if tiny else 64) * hp.eval.eval_seq_len + 1]
    rt.sync()
    t = time.perf_counter()
    tg.eval_ttt_docs(model, fwd, part, doc_hp, luts, rt)
    rt.sync()
    return {"sgd": {"chunk_tokens": hp.eval.ttt_chunk_tokens, "epochs": hp.eval.ttt_epochs, "seconds": times,
                    "ms_per_chunk_1gpu": 1000 * per_chunk, "full_val_chunks": n_full,
                    "projected_full_ttt_s_1gpu": n_full * per_chunk,
                    "note": "one GPU scores and trains each whole chunk; on 8 GPUs each rank takes 1/8 of both"},
            "lora_phased": {"documents": len(tg.documents(part)), "doc_batch": doc_hp.eval.ttt_doc_batch,
                            "lora_rank": doc_hp.eval.ttt_lora_rank, "seconds": time.perf_counter() - t,
                            "note": "eager (no compile); synthetic documents of ~1000 tokens"}}


if __name__ == "__main__":
    sys.exit(main())
