"""Time and score the orthogonalizers (NS5, Polar Express, MUD) on the flagship's bank shapes.

What it measures
  * time per call of every method in the source's ORTHOGONALIZERS, plus `mud_leaf16` (mud with
    leaf=16: a small batched solve on 16x16 diagonal blocks, fewer GEMM levels) when mud takes
    `leaf`, plus `mud_reference` (MUD as the paper writes it, with torch.linalg.solve_triangular: the
    ground truth the tests hold mud() to), plus `ns5_naive`, a plain
    NS5 written here the textbook way (torch.bmm, separate elementwise ops, no fusions), on the full
    banks (22x512x512, 22x256x512, 11x1536x512, 11x512x1536) and on one rank's shard of each
    (bank dim split ceil(B / world_size), e.g. 3x512x512 for 8 ranks);
  * quality against the exact polar factor U V^T from an fp64 SVD of the same input: output
    singular values (min / max / mean / std), relative Frobenius distance to U V^T, and the row
    orthonormality error ||R R^T - I||_F / sqrt(k) of the wide orientation. Inputs: momentum-like
    matrices (low rank with a decaying spectrum plus noise) and Gaussian ones, and optionally the
    real matrices of a `--matrices` .pt file (a tensor, or a list/dict of 2-D/3-D tensors).
    MUD whitens rows but does not target U V^T, so judge it by the spread, not by the distance.

Timing: on CUDA, CUDA events around each call after warm-up, median of --reps (>= 20) calls; on
CPU, time.perf_counter per call. Every rep is kept in the JSON.

Output: results/orthogonalize_<device>_<date>.json (scripts/benchlib.write_results) with the device
name, torch version, command line, TF32 setting, every timing and every quality figure.

H100 (or any CUDA GPU), from the repo root:
    python scripts/bench_orthogonalize.py --device cuda --reps 50
    python scripts/bench_orthogonalize.py --device cuda --reps 50 --compile --tf32
(--compile wraps each method in torch.compile as the training step does; --tf32 enables TF32 for
fp32 matmuls, which changes MUD's fp32 GEMMs; run with and without to see both.)

CPU smoke run (what a CPU-only machine can commit):
    python scripts/bench_orthogonalize.py --device cpu --reps 3 --quick
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import inspect
import math
import os
import statistics
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file: make the repo importable

from eval.loader import RecordInterfaceError, load_record_module  # noqa: E402
from scripts.benchlib import (device_name, results_arg, results_path, run_facts, slug,  # noqa: E402
                              write_results)

FULL_BANKS = [(22, 512, 512), (22, 256, 512), (11, 1536, 512), (11, 512, 1536)]
NS5_ABC = (3.4445, -4.7750, 2.0315)


# ------------------------------------------------------------------------------------ loading


def load_source(path: Path):
    """The record interface module (train_gpt.py or a record's copy) that defines ORTHOGONALIZERS."""
    try:
        module = load_record_module(path)
    except RecordInterfaceError as exc:
        raise SystemExit(str(exc)) from None
    if not isinstance(getattr(module, "ORTHOGONALIZERS", None), dict):
        raise SystemExit(f"{path}: defines no ORTHOGONALIZERS dict")
    return module


def ns5_naive(G: torch.Tensor, steps: int = 5, eps: float = 1e-7) -> torch.Tensor:
    """Baseline: quintic Newton-Schulz with plain torch.bmm and separate elementwise ops."""
    a, b, c = NS5_ABC
    X = G.to(torch.bfloat16)
    tall = X.size(-2) > X.size(-1)
    if tall:
        X = X.mT
    X = X / (X.norm(dim=(-2, -1), keepdim=True) + eps)
    for _ in range(steps):
        A = torch.bmm(X, X.mT)
        B = b * A + c * torch.bmm(A, A)
        X = a * X + torch.bmm(B, X)
    if tall:
        X = X.mT
    return X.to(G.dtype)


def mud_reference(G: torch.Tensor, passes: int = 1, eps: float = 1e-7) -> torch.Tensor:
    """MUD exactly as the paper writes it (arXiv:2603.17970): per pass Q <- rownorm(Q), T = tril(Q Q^T),
    solve T Q' = Q by torch.linalg.solve_triangular, Q <- rownorm(Q'); wide orientation, fp32 (fp64 stays
    fp64), the flagship's eps on the row norms and on T's diagonal. The baseline the public MUD run used."""
    X = G.reshape(-1, G.size(-2), G.size(-1))
    tall = X.size(-2) > X.size(-1)
    Q = (X.mT if tall else X).to(torch.float64 if G.dtype == torch.float64 else torch.float32)
    eye = torch.eye(Q.size(-2), dtype=Q.dtype, device=Q.device)
    for _ in range(passes):
        Q = Q / (torch.linalg.vector_norm(Q, dim=-1, keepdim=True) + eps)
        Q = torch.linalg.solve_triangular(torch.tril(Q @ Q.mT) + eps * eye, Q, upper=False)
        Q = Q / (torch.linalg.vector_norm(Q, dim=-1, keepdim=True) + eps)
    return (Q.mT if tall else Q).to(G.dtype).contiguous().reshape(G.shape)


def collect_methods(module, names: list[str] | None) -> dict:
    methods = dict(module.ORTHOGONALIZERS)
    mud = methods.get("mud")
    if mud is not None and "leaf" in inspect.signature(mud).parameters:
        # the same MUD with its leaf diagonal blocks inverted by one small batched solve
        methods["mud_leaf16"] = functools.partial(mud, leaf=16)
    if mud is not None:
        methods["mud_reference"] = mud_reference
    methods["ns5_naive"] = ns5_naive
    if names:
        unknown = [n for n in names if n not in methods]
        if unknown:
            raise SystemExit(f"unknown --methods {unknown}; available: {sorted(methods)}")
        methods = {n: methods[n] for n in names}
    return methods


# ------------------------------------------------------------------------------------- inputs


def momentum_like(shape, gen: torch.Generator, rank: int = 16, noise: float = 0.05) -> torch.Tensor:
    """Low rank with a decaying spectrum (1 .. 1e-2) plus relative Gaussian noise, fp32, CPU."""
    b, m, n = shape
    U = torch.randn(b, m, rank, generator=gen)
    V = torch.randn(b, rank, n, generator=gen)
    X = (U * torch.logspace(0, -2, rank)) @ V / math.sqrt(rank)
    scale = X.norm(dim=(-2, -1), keepdim=True) / math.sqrt(m * n)
    return X + noise * scale * torch.randn(b, m, n, generator=gen)


def load_matrices(path: Path, limit: int) -> list[torch.Tensor]:
    obj = torch.load(path, map_location="cpu", weights_only=True)
    if isinstance(obj, torch.Tensor):
        items = [obj]
    elif isinstance(obj, dict):
        items = list(obj.values())
    elif isinstance(obj, (list, tuple)):
        items = list(obj)
    else:
        raise SystemExit(f"{path}: expected a tensor, list or dict of tensors, got {type(obj).__name__}")
    mats = []
    for t in items:
        if isinstance(t, torch.Tensor) and t.ndim >= 2 and t.is_floating_point():
            mats.extend(t.reshape(-1, t.size(-2), t.size(-1)).float().unbind(0))
    return mats[:limit]


# ------------------------------------------------------------------------------------- timing


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def time_method(fn, G: torch.Tensor, reps: int, warmup: int) -> list[float]:
    """Milliseconds per call, one entry per rep."""
    device = G.device
    for _ in range(warmup):
        fn(G)
    sync(device)
    if device.type == "cuda":
        starts = [torch.cuda.Event(enable_timing=True) for _ in range(reps)]
        ends = [torch.cuda.Event(enable_timing=True) for _ in range(reps)]
        for s, e in zip(starts, ends):
            s.record()
            fn(G)
            e.record()
        torch.cuda.synchronize(device)
        return [s.elapsed_time(e) for s, e in zip(starts, ends)]
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn(G)
        out.append((time.perf_counter() - t0) * 1e3)
    return out


# ------------------------------------------------------------------------------------ quality


def quality_of(out: torch.Tensor, G: torch.Tensor) -> dict:
    """Figures for one output matrix against the exact polar factor of its input (fp64, CPU)."""
    G64, O64 = G.double().cpu(), out.double().cpu()
    U, _, Vh = torch.linalg.svd(G64, full_matrices=False)
    P = U @ Vh
    sv = torch.linalg.svdvals(O64)
    R = O64.mT if O64.size(-2) > O64.size(-1) else O64
    k = R.size(-2)
    orth = (R @ R.mT - torch.eye(k, dtype=torch.float64)).norm() / math.sqrt(k)
    return {
        "sv_min": sv.min().item(),
        "sv_max": sv.max().item(),
        "sv_mean": sv.mean().item(),
        "sv_std": sv.std().item(),
        "rel_fro_to_polar": ((O64 - P).norm() / P.norm()).item(),
        "row_orth_err": orth.item(),
    }


def summarize(rows: list[dict]) -> dict:
    """Worst case over matrices for the spread, mean for the rest."""
    return {
        "n_matrices": len(rows),
        "sv_min": min(r["sv_min"] for r in rows),
        "sv_max": max(r["sv_max"] for r in rows),
        "sv_mean": statistics.fmean(r["sv_mean"] for r in rows),
        "sv_std": statistics.fmean(r["sv_std"] for r in rows),
        "rel_fro_to_polar_mean": statistics.fmean(r["rel_fro_to_polar"] for r in rows),
        "rel_fro_to_polar_max": max(r["rel_fro_to_polar"] for r in rows),
        "row_orth_err_mean": statistics.fmean(r["row_orth_err"] for r in rows),
    }


# --------------------------------------------------------------------------------------- main


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--source", default="train_gpt.py", help="file defining ORTHOGONALIZERS (default: train_gpt.py)")
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    p.add_argument("--reps", type=int, default=None, help="timed calls per case (default 30 on CUDA, 5 on CPU)")
    p.add_argument("--warmup", type=int, default=None, help="untimed calls first (default 5 on CUDA, 1 on CPU)")
    p.add_argument("--quick", action="store_true", help="only the per-rank shard shapes (skip the full banks)")
    p.add_argument("--world-size", type=int, default=8, help="ranks the banks are sharded over (default 8)")
    p.add_argument("--methods", nargs="+", default=None, help="subset of methods to run")
    p.add_argument("--dtype", choices=["fp32", "bf16"], default="fp32", help="dtype of the bank passed in")
    p.add_argument("--compile", action="store_true", help="torch.compile each method before timing")
    p.add_argument("--tf32", action="store_true", help="allow TF32 for fp32 matmuls (as a training script may)")
    p.add_argument("--matrices", type=Path, default=None, help=".pt file of real matrices to score as well")
    p.add_argument("--quality-per-shape", type=int, default=2, help="matrices scored per shape and input kind (0: none)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=results_arg,
                   help="JSON path (default results/orthogonalize_<device>_<date>.json)")
    args = p.parse_args(argv)
    cuda = args.device.startswith("cuda")
    if args.reps is None:
        args.reps = 30 if cuda else 5
    if args.warmup is None:
        args.warmup = 5 if cuda else 1
    if cuda and args.reps < 20:
        p.error("on CUDA use --reps >= 20 (the median of fewer calls is not a number to report)")
    if args.reps < 1:
        p.error("--reps must be >= 1")
    return args


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    device = torch.device(args.device)
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = args.tf32
    source = Path(args.source)
    if not source.is_absolute():
        source = (Path.cwd() / source) if (Path.cwd() / source).exists() else ROOT / source
    module = load_source(source)
    methods = collect_methods(module, args.methods)
    if args.compile:
        methods = {name: torch.compile(fn, dynamic=False) for name, fn in methods.items()}
    dtype = {"fp32": torch.float32, "bf16": torch.bfloat16}[args.dtype]
    gen = torch.Generator().manual_seed(args.seed)

    shard_shapes = [(math.ceil(b / args.world_size), m, n) for (b, m, n) in FULL_BANKS]
    cases = [("shard", s) for s in shard_shapes] + ([] if args.quick else [("bank", s) for s in FULL_BANKS])

    timings = []
    print(f"device: {device_name(device)}  torch {torch.__version__}  source {source}")
    print(f"{'case':>6} {'shape':>14} " + " ".join(f"{n:>14}" for n in methods) + "   (median ms)")
    for label, shape in cases:
        G = momentum_like(shape, gen).to(device=device, dtype=dtype)
        medians = []
        for name, fn in methods.items():
            reps = time_method(fn, G, args.reps, args.warmup)
            med = statistics.median(reps)
            medians.append(med)
            timings.append(
                {
                    "case": label,
                    "shape": list(shape),
                    "method": name,
                    "dtype": args.dtype,
                    "reps_ms": reps,
                    "median_ms": med,
                    "min_ms": min(reps),
                }
            )
        print(f"{label:>6} {'x'.join(map(str, shape)):>14} " + " ".join(f"{m:14.3f}" for m in medians))

    # quality: a few matrices per distinct (m, n), both input kinds, plus the optional real matrices
    inputs: dict[str, list[torch.Tensor]] = {}
    for _, m, n in FULL_BANKS if args.quality_per_shape > 0 else ():  # 0: timings only (fp64 SVDs are slow on CPU)
        q = args.quality_per_shape
        inputs[f"momentum_{m}x{n}"] = list(momentum_like((q, m, n), gen).unbind(0))
        inputs[f"gaussian_{m}x{n}"] = list(torch.randn(q, m, n, generator=gen).unbind(0))
    if args.matrices is not None:
        inputs[f"file:{args.matrices.name}"] = load_matrices(args.matrices, limit=64)
    quality = []
    print(f"\n{'inputs':>22} {'method':>14} {'sv_min':>7} {'sv_max':>7} {'sv_std':>7} {'dist_UVt':>8} {'orth':>7}")
    for kind, mats in inputs.items():
        for name, fn in methods.items():
            rows = []
            for M in mats:
                out = fn(M.to(device=device, dtype=dtype).unsqueeze(0))[0]
                rows.append(quality_of(out, M.to(dtype)))
            s = summarize(rows)
            quality.append({"inputs": kind, "method": name, "dtype": args.dtype, **s, "per_matrix": rows})
            print(
                f"{kind:>22} {name:>14} {s['sv_min']:7.3f} {s['sv_max']:7.3f} {s['sv_std']:7.3f} "
                f"{s['rel_fro_to_polar_mean']:8.4f} {s['row_orth_err_mean']:7.3f}"
            )

    payload = {
        **run_facts("orthogonalizers (NS5, Polar Express, MUD): time per call and quality on the bank shapes",
                    __file__, argv, device),
        "device_type": device.type,
        "source": os.path.relpath(source, ROOT) if source.is_relative_to(ROOT) else str(source),
        "settings": {
            "reps": args.reps,
            "warmup": args.warmup,
            "quick": args.quick,
            "world_size": args.world_size,
            "dtype": args.dtype,
            "compile": args.compile,
            "tf32": bool(device.type == "cuda" and torch.backends.cuda.matmul.allow_tf32),
            "timer": "cuda_events" if device.type == "cuda" else "perf_counter",
            "seed": args.seed,
            "torch_threads": torch.get_num_threads(),
            # other work on the machine skews CPU timings; min_ms is the more robust figure then
            "loadavg_1_5_15m_at_end": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        },
        "timings": timings,
        "quality": quality,
    }
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%d-%H%M%S")
    out_path = args.out or results_path("orthogonalize", slug(payload["device"]), stamp)
    write_results(out_path, payload)
    print(f"\nwrote {out_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
