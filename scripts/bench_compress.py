"""Artifact bytes: codecs and layouts on the same quantized weights, and quantizers by rate and loss.

What it measures (one run, one set of weights)
  * A checkpoint of the FULL-SIZE flagship (default hyperparameters, BIGRAM_VOCAB_SIZE=1536 as the record
    ran), trained with the flagship's own train() on the offline sample for --train-seconds of CPU time and
    cached at --checkpoint (it is reused when present; --retrain forces a new one). The JSON says how it
    was trained. CAVEAT: a model trained for a few dozen CPU steps is not the record's 7,000-step model:
    its bank rows all sit on the exporter's scale floor (1/31), so its int6 values are narrow (about 2
    bits of entropy instead of the record's ~4.6) and general-purpose coders waste relatively more on
    them. The bench therefore also codes the same checkpoint with its banks scaled x4 ("proxy") so the
    values carry ~4 bits, closer to the record's regime; that proxy is labelled as such.
  * The flagship's exporter (quantize_state_dict: int6 rows with the GPTQ-lite clip search, int8
    embeddings, fp16 small tensors) quantizes once; every method then codes the SAME integers and scales
    and must give them back bit for bit (checked): torch.save + lzma preset 6 (the public record's way),
    the flagship's artifact with each of its codecs (zstd-22 is the current default), lzma 6 / 9e,
    zstd-22 with and without a trained dictionary, brotli-11, layouts that help a coder (a stream per
    array, streams per scheme, offset / zig-zag maps, 6-bit packing, bit planes, column-major order,
    rows sorted by their scale, fp16 byte planes), and order-0 rANS from a maintained library
    (constriction) per tensor and per matrix with its frequency tables stored.
  * Bytes, bits per parameter, ratio to torch.save + lzma-6, encode and decode seconds of every method;
    the order-0 entropy of the integers per tensor, per matrix and in total (the floor of any coder that
    treats the values as independent draws of one distribution per tensor / matrix).
  * Rate against loss on the sample val set (VAL_TOKENS_LIMIT tokens, seq 512, stride 512, the flagship's
    eval_sliding): the float weights, today's exporter, plain rounding, Hessian-aware GPTQ at int6
    (calibration tokens from the TRAINING shards: training time under the rules), GPTQ with int5 / int6 per
    matrix chosen by sensitivity at a fraction of today's bank bytes (gptq_mixed@f, this bench's planner),
    GPTQ with all MLP banks at int5, and the flagship's own exporter with GPTQ and INT5_SHARE=s (int5share@s:
    what ships). Every GPTQ variant uses the flagship's collect_hessians and gptq_bank.
  * context_ablation: the integers' conditional entropy with no context, per matrix, by row spread, by row +
    column spread (the ctx codec's model) and with the neighbours added (why the codec stops there).

The flagship's default codec (COMPRESSOR=ctx, train_gpt.py EXPORT) is the context-modelled range coder:
count tables chosen per value by its row and column log spread, range-coded by constriction. The rows
`flagship_<codec>` are the flagship's own write_artifact / load_artifact. (An earlier numpy rANS version of
the same model, 236 lines, was measured in results/compress_full11L-cpu48steps_2026-11-25.json and replaced
by this one; it is in git history at commit f08c1b0, results/compress_rans_codec_flagship.patch.)

Output: results/compress_<checkpoint tag>_<date>.json (written atomically, also after each stage) with the
device, torch and library versions, the command line and every figure.

Run (from the repo root; build the sample once with `python -m data.sample`):
    python scripts/bench_compress.py --train-seconds 3000 --val-tokens 0   # trains unless cached, then ~60 min
    python scripts/bench_compress.py --quick --skip-rate-loss     # smaller method list, codecs only
    python scripts/bench_compress.py --check-lrzip   # the per-group lrzip serializer through the real binary
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import hashlib
import io
import json
import lzma
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file: make the repo importable

from data.shards import atomic_write_bytes  # noqa: E402
from eval.loader import RecordInterfaceError, load_record_module  # noqa: E402
from scripts.benchlib import results_arg, results_path, run_facts, write_results  # noqa: E402

DEFAULT_CHECKPOINT = Path(tempfile.gettempdir()) / "pgolf_bench_compress_full11L.pt"
PUBLIC = "public_torchsave_lzma6"

# The full-size model as the public record ran it (default hyperparameters + BIGRAM_VOCAB_SIZE=1536), trained
# on the offline sample at a CPU-sized batch: 8 sequences of 512 per step, one micro-step (a full-size step
# takes ~6-13 s on 2 cores: 502 steps in 3000 s for the committed results). EMA is off (FINAL_WEIGHTS=raw):
# with a few hundred steps an EMA at 0.997 would still lean on early weights. The lr warms down over the last
# 40 steps' worth of wall clock and late QAT switches on there, as in the record.
TRAIN_ENV = {
    "BIGRAM_VOCAB_SIZE": "1536",
    "DATA_PATH": "data/datasets/sample_sp1024",
    "TOKENIZER_PATH": "data/tokenizers/sample_1024_bpe.model",
    "TRAIN_SEQ_LEN": "512",
    "EVAL_SEQ_LEN": "512",
    "EVAL_STRIDE": "512",
    "EVAL_BATCH_SEQS": "8",
    "TRAIN_BATCH_TOKENS": "4096",
    "GRAD_ACCUM_STEPS": "1",
    "WARMUP_STEPS": "0",
    "WARMDOWN_ITERS": "40",
    "MUON_MOMENTUM_WARMUP_STEPS": "10",
    "FINAL_WEIGHTS": "raw",
    "VAL_LOSS_EVERY": "0",
    "TRAIN_LOG_EVERY": "1",
    "ITERATIONS": "100000",
    "COMPILE": "0",
}


# ------------------------------------------------------------------------------------ loading


def load_flagship(path: Path):
    """Import train_gpt.py (or another record script) as eval/ does (eval.loader); nothing runs at import."""
    try:
        module = load_record_module(path)
    except RecordInterfaceError as exc:
        raise SystemExit(f"{exc} (--script)") from None
    for needed in ("quantize_state_dict", "write_artifact", "train"):
        if not hasattr(module, needed):
            raise SystemExit(f"{path}: has no {needed} (not a flagship-style train_gpt.py)")
    return module


def train_checkpoint(fs, seconds: float, path: Path, steps: int = 0, batch_tokens: int = 0) -> dict:
    """Train the full-size model on CPU with the flagship's own train() for `seconds` of wall clock, or for
    exactly `steps` steps (the lr warmdown then over the last WARMDOWN_ITERS steps: the same weights whatever
    else the machine runs); cache the state dict."""
    env = {**TRAIN_ENV, "MAX_WALLCLOCK_SECONDS": str(seconds)}
    if steps:
        env.update(MAX_WALLCLOCK_SECONDS="0", ITERATIONS=str(steps))
    if batch_tokens:
        env["TRAIN_BATCH_TOKENS"] = str(batch_tokens)
    hp = fs.Hyperparameters.from_env(env)
    # fp32 NS5 (--ortho-dtype fp32): on a CPU without bf16 units (this box's AMD EPYC has AVX2 only, 2026-12-02)
    # bf16 matmuls are emulated: one full-size optimizer step took 153 s in bf16. The weights' regime is what
    # the bench needs.
    rt = fs.Runtime(device=torch.device("cpu"), ortho_dtype=torch.float32)
    torch.manual_seed(hp.run.seed)
    np.random.seed(hp.run.seed)
    model = fs.build_model(hp)
    lines: list[str] = []

    def log(msg: str) -> None:
        print(msg, flush=True)
        lines.append(msg)

    def no_eval():  # with a wall-clock cap train() stops before its final eval; the bench scores later
        return float("nan"), float("nan")

    t0 = time.perf_counter()
    fs.train(hp, rt, model, model, no_eval, log)
    steps = [line for line in lines if line.startswith("step:") and "train_loss" in line]
    meta = dict(env=env, train_wall_s=round(time.perf_counter() - t0, 1), n_params=sum(p.numel() for p in model.parameters()),
                steps=len(steps), first_log=steps[0] if steps else None, last_log=steps[-1] if steps else None,
                log=lines, created=_dt.datetime.now().isoformat(timespec="seconds"), torch=str(torch.__version__))
    state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    buf = io.BytesIO()
    torch.save(dict(state_dict=state, meta=meta), buf)
    atomic_write_bytes(path, buf.getvalue())
    return meta


def load_checkpoint(path: Path) -> tuple[dict, dict]:
    # weights_only: the file is ours, but nothing here should need to unpickle code
    obj = torch.load(path, map_location="cpu", weights_only=True)
    if not isinstance(obj, dict) or "state_dict" not in obj:
        raise SystemExit(f"{path}: not a checkpoint written by this script (no state_dict); use --retrain")
    return obj["state_dict"], obj.get("meta", {})


# ------------------------------------------------------------------------------------ quantized weights
# "entries" are the flagship exporter's output: [(name, scheme, shape, [arrays])]; int schemes carry
# [q int8 (rows, cols), scale float16 (rows,)], fp16 carries [values float16].


def is_int(scheme: str) -> bool:
    return scheme.endswith("_row")


def int_clip(scheme: str, clips: dict[str, int]) -> int:
    """Largest magnitude the scheme allows (values lie in [-clip, clip]); `clips` is the flagship's own table,
    train_gpt.INT_SCHEMES (int5 values sit inside int6; int7 is the embedding at EMBED_BITS=7). Layouts put
    int6 in the narrow stream, int7/int8 in the byte stream."""
    if scheme not in clips:
        raise ValueError(f"unknown integer scheme {scheme!r} (known: {', '.join(clips)})")
    return clips[scheme]


def mats_of(shape, q: np.ndarray) -> np.ndarray:
    """(mats, rows, cols) view: bank slices are separate matrices; a 2-D table is one."""
    rows = shape[-2] if len(shape) > 1 else 1
    return q.reshape(-1, rows, shape[-1])


def payload_of(entries) -> bytes:
    """The flagship's uncompressed payload: every array's bytes in order."""
    return b"".join(np.ascontiguousarray(a).tobytes() for _, _, _, arrays in entries for a in arrays)


def entries_equal(a, b) -> bool:
    if len(a) != len(b):
        return False
    for (n1, s1, sh1, ar1), (n2, s2, sh2, ar2) in zip(a, b):
        if n1 != n2 or s1 != s2 or tuple(sh1) != tuple(sh2) or len(ar1) != len(ar2):
            return False
        for x, y in zip(ar1, ar2):
            if x.dtype != y.dtype or x.shape != y.shape or x.tobytes() != y.tobytes():
                return False
    return True


def template_of(entries):
    """What a decoder may know from the artifact header: names, schemes, shapes, array dtypes and shapes."""
    return [(n, s, tuple(sh), [(a.dtype, a.shape) for a in arrays]) for n, s, sh, arrays in entries]


@contextmanager
def fixed_quantizer(fs, entries):
    """Make fs.write_artifact code these entries (no re-quantization): its quantize_state_dict returns them."""
    original = fs.quantize_state_dict
    fs.quantize_state_dict = lambda sd, *args: entries
    try:
        yield
    finally:
        fs.quantize_state_dict = original


# ------------------------------------------------------------------------------------ entropy


def entropy_bits(counts: np.ndarray) -> float:
    c = counts[counts > 0].astype(np.float64)
    return float((c * np.log2(c.sum() / c)).sum()) if c.size else 0.0


def entropy_report(entries) -> dict:
    """Order-0 entropy of the integers per tensor and per matrix (bank slice); fp16 byte planes beside them."""
    tensors, tot_t, tot_m, n_int = [], 0.0, 0.0, 0
    fp16 = dict(values=0, hi_bits=0.0, lo_bits=0.0)
    for name, scheme, shape, arrays in entries:
        if is_int(scheme):
            q = arrays[0].astype(np.int64) + 128
            h_t = entropy_bits(np.bincount(q.ravel(), minlength=256))
            h_m = sum(entropy_bits(np.bincount(m.ravel(), minlength=256)) for m in mats_of(shape, q))
            tensors.append(dict(name=name, scheme=scheme, shape=list(shape), values=int(q.size),
                                bits_per_value_tensor=round(h_t / q.size, 4), bits_per_value_matrix=round(h_m / q.size, 4),
                                floor_bytes_tensor=int(math.ceil(h_t / 8)), floor_bytes_matrix=int(math.ceil(h_m / 8)),
                                std=round(float(arrays[0].std()), 3), zero_fraction=round(float((arrays[0] == 0).mean()), 4),
                                distinct_scales=int(np.unique(arrays[1]).size)))
            tot_t, tot_m, n_int = tot_t + h_t, tot_m + h_m, n_int + q.size
        f16 = [arrays[1]] if is_int(scheme) else [arrays[0]]
        for a in f16:
            b = a.reshape(-1).view(np.uint8).reshape(-1, 2)
            fp16["values"] += b.shape[0]
            fp16["hi_bits"] += entropy_bits(np.bincount(b[:, 1], minlength=256))
            fp16["lo_bits"] += entropy_bits(np.bincount(b[:, 0], minlength=256))
    return dict(
        ints=dict(values=n_int, floor_bytes_tensor=int(math.ceil(tot_t / 8)), floor_bytes_matrix=int(math.ceil(tot_m / 8)),
                  bits_per_value_tensor=round(tot_t / n_int, 4), bits_per_value_matrix=round(tot_m / n_int, 4)),
        fp16_parts=dict(values=fp16["values"], order0_bytes_per_array_planes=int(math.ceil((fp16["hi_bits"] + fp16["lo_bits"]) / 8)),
                        note="scales and fp16 tensors, high and low byte planes, order-0 per array"),
        tensors=tensors)


def conditional_entropy_bits(sym: np.ndarray, ctx: np.ndarray) -> float:
    """Sum over values of -log2 p(symbol | context), p from the counts (tables not counted)."""
    joint = np.unique(ctx.astype(np.int64) * 4096 + sym, return_counts=True)[1].astype(np.float64)
    marg = np.unique(ctx, return_counts=True)[1].astype(np.float64)
    return float(-(joint * np.log2(joint)).sum() + (marg * np.log2(marg)).sum())


def context_ablation(fs, entries) -> dict:
    """Why the ctx codec models what it models: the integers' conditional entropy (bytes, tables not counted)
    with no context (per tensor), the matrix, the row spread, row + column spread (what COMPRESSOR=ctx codes
    with), and that plus the magnitudes of the left and upper neighbours (capped at 7)."""
    out = dict(order0_tensor=0.0, order0_matrix=0.0, row=0.0, row_col=0.0, row_col_neighbours=0.0)
    for name, scheme, shape, arrays in entries:
        if not is_int(scheme):
            continue
        m = arrays[0].reshape(-1, shape[-2], shape[-1]).astype(np.int64)  # (M, R, C)
        sym = (m + 128).ravel()
        mat = np.broadcast_to(np.arange(len(m))[:, None, None], m.shape).ravel()
        rows = fs.log_spread(m, 2)
        cols = fs.log_spread(m, 1) - fs.log_spread(m.reshape(len(m), -1), 1)[:, None]
        ctx = (rows[:, :, None] + cols[:, None, :] + 128).ravel()
        left = np.minimum(np.abs(np.pad(m, ((0, 0), (0, 0), (1, 0)))[:, :, :-1]), 7).ravel()
        up = np.minimum(np.abs(np.pad(m, ((0, 0), (1, 0), (0, 0)))[:, :-1, :]), 7).ravel()
        out["order0_tensor"] += conditional_entropy_bits(sym, np.zeros_like(sym))
        out["order0_matrix"] += conditional_entropy_bits(sym, mat)
        out["row"] += conditional_entropy_bits(sym, np.broadcast_to(rows[:, :, None], m.shape).ravel() + 128)
        out["row_col"] += conditional_entropy_bits(sym, ctx)
        out["row_col_neighbours"] += conditional_entropy_bits(sym, (ctx * 8 + left) * 8 + up)
    return {k: int(math.ceil(v / 8)) for k, v in out.items()}


# ------------------------------------------------------------------------------------ general codecs


class Codec:
    """A general-purpose byte codec: name, compress(bytes) -> bytes, decompress(bytes) -> bytes."""

    def __init__(self, name, compress, decompress):
        self.name, self.compress, self.decompress = name, compress, decompress


def _zstd(level: int, dict_data=None) -> Codec:
    import zstandard

    def c(b):
        return zstandard.ZstdCompressor(level=level, dict_data=dict_data).compress(b)

    def d(b):
        return zstandard.ZstdDecompressor(dict_data=dict_data).decompress(b)
    return Codec(f"zstd{level}" + ("_dict" if dict_data is not None else ""), c, d)


def _brotli(quality: int) -> Codec:
    # imported on use: brotli is optional (pip install brotli), only the brotli rows need it
    def c(b):
        import brotli

        return brotli.compress(b, quality=quality, lgwin=24)

    def d(b):
        import brotli

        return brotli.decompress(b)
    return Codec(f"brotli{quality}", c, d)


CODECS = {
    "lzma6": Codec("lzma6", lambda b: lzma.compress(b, preset=6), lzma.decompress),
    "lzma9e": Codec("lzma9e", lambda b: lzma.compress(b, preset=9 | lzma.PRESET_EXTREME), lzma.decompress),
    "zstd22": _zstd(22),
    "brotli11": _brotli(11),
}


def train_zstd_dict(streams: list[bytes], size: int = 112_640, chunk: int = 4096, seed: int = 0):
    """A zstd dictionary trained on chunks of the streams themselves; its bytes are counted by the caller."""
    import zstandard

    rng = np.random.default_rng(seed)
    samples = []
    for s in streams:
        starts = range(0, max(len(s) - chunk, 1), chunk)
        for a in rng.permutation(len(starts))[: max(4, 2000 * len(s) // max(sum(map(len, streams)), 1))]:
            samples.append(s[starts[a] : starts[a] + chunk])
    return zstandard.train_dictionary(size, samples, level=22)


# ------------------------------------------------------------------------------------ layouts
# A layout turns the entries into byte streams (each compressed on its own) and back. The inverse only
# uses the template (what the artifact header says); the values come from the streams.


def _split(buf: bytes, sizes: list[int]) -> list[bytes]:
    out, pos = [], 0
    for n in sizes:
        out.append(buf[pos : pos + n])
        pos += n
    if pos != len(buf):
        raise ValueError(f"layout: {len(buf)} bytes where {pos} were expected")
    return out


def layout_concat(entries) -> list[bytes]:
    return [payload_of(entries)]


def inverse_concat(streams, template):
    sizes = [int(np.prod(shape)) * np.dtype(dt).itemsize for _, _, _, arrs in template for dt, shape in arrs]
    parts = iter(_split(streams[0], sizes))
    return [(n, s, sh, [np.frombuffer(next(parts), dtype=dt).reshape(shape).copy() for dt, shape in arrs])
            for n, s, sh, arrs in template]


def layout_per_array(entries) -> list[bytes]:
    return [np.ascontiguousarray(a).tobytes() for _, _, _, arrays in entries for a in arrays]


def inverse_per_array(streams, template):
    it = iter(streams)
    return [(n, s, sh, [np.frombuffer(next(it), dtype=dt).reshape(shape).copy() for dt, shape in arrs])
            for n, s, sh, arrs in template]


def _pack6(v: np.ndarray) -> bytes:
    """Four 6-bit values (0..63) into three bytes."""
    v = np.concatenate([v, np.zeros((-v.size) % 4, dtype=np.uint8)]).astype(np.uint32).reshape(-1, 4)
    w = v[:, 0] | (v[:, 1] << 6) | (v[:, 2] << 12) | (v[:, 3] << 18)
    return np.stack([w & 0xFF, (w >> 8) & 0xFF, (w >> 16) & 0xFF], axis=1).astype(np.uint8).tobytes()


def _unpack6(b: bytes, n: int) -> np.ndarray:
    t = np.frombuffer(b, dtype=np.uint8).reshape(-1, 3).astype(np.uint32)
    w = t[:, 0] | (t[:, 1] << 8) | (t[:, 2] << 16)
    return np.stack([(w >> s) & 0x3F for s in (0, 6, 12, 18)], axis=1).astype(np.uint8).ravel()[:n]


def make_grouped_layout(intmap="raw", order="row", int6="bytes", fp16="whole", rowsort=False, *, clips):
    """Streams by kind: int6 values, int8 values, all row scales, all fp16 tensors.

    intmap: raw (two's complement bytes) | offset (q + clip: 0..2*clip) | zigzag (0,-1,1,-2,... -> 0,1,2,3,...)
    order: row | col (each matrix column-major); int6: bytes | pack6 (4 values in 3 bytes, needs offset) |
    planes (two streams: high 3 and low 3 bits, needs offset); fp16: whole | planes (high / low byte
    streams); rowsort: rows of each matrix ordered by their scale (the decoder reads the scales first);
    clips: the flagship's INT_SCHEMES.
    """
    if int6 in ("pack6", "planes") and intmap != "offset":
        raise ValueError("pack6 / planes need the offset map (values 0..62)")

    def fwd_map(q, clip):
        if intmap == "offset":
            return (q.astype(np.int16) + clip).astype(np.uint8)
        if intmap == "zigzag":
            q = q.astype(np.int16)
            return ((q << 1) ^ (q >> 15)).astype(np.uint8)
        return q.view(np.uint8)

    def inv_map(u, clip):
        if intmap == "offset":
            return (u.astype(np.int16) - clip).astype(np.int8)
        if intmap == "zigzag":
            u = u.astype(np.int16)
            return ((u >> 1) ^ -(u & 1)).astype(np.int8)
        return u.view(np.int8)

    def perms(shape, scales):
        s = scales.reshape(-1, shape[-2] if len(shape) > 1 else 1)
        return [np.argsort(row, kind="stable") for row in s]

    def arrange(q, shape, scales):
        m = mats_of(shape, q)
        if rowsort:
            m = np.stack([mi[p] for mi, p in zip(m, perms(shape, scales))])
        return m.transpose(0, 2, 1) if order == "col" else m

    def forward(entries):
        i6, i8, sc, f16 = [], [], [], []
        for name, scheme, shape, arrays in entries:
            if is_int(scheme):
                clip = int_clip(scheme, clips)
                u = fwd_map(arrange(arrays[0], shape, arrays[1]), clip)
                (i8 if clip > 31 else i6).append(np.ascontiguousarray(u).ravel())
                sc.append(arrays[1].ravel())
            else:
                f16.append(arrays[0].ravel())
        streams = []
        v6 = np.concatenate(i6) if i6 else np.zeros(0, np.uint8)
        if int6 == "pack6":
            streams.append(_pack6(v6))
        elif int6 == "planes":
            streams += [(v6 >> 3).tobytes(), (v6 & 7).tobytes()]
        else:
            streams.append(v6.tobytes())
        streams.append(np.concatenate(i8).tobytes() if i8 else b"")
        for group in (sc, f16):
            b = (np.concatenate(group) if group else np.zeros(0, np.float16)).view(np.uint8).reshape(-1, 2)
            streams += [b[:, 1].tobytes(), b[:, 0].tobytes()] if fp16 == "planes" else [b.tobytes()]
        return streams

    def inverse(streams, template):
        n6 = sum(int(np.prod(arrs[0][1])) for _, s, _, arrs in template if s == "int6_row")
        it = iter(streams)
        if int6 == "pack6":
            v6 = _unpack6(next(it), n6)
        elif int6 == "planes":
            hi, lo = np.frombuffer(next(it), np.uint8), np.frombuffer(next(it), np.uint8)
            v6 = (hi << 3) | lo
        else:
            v6 = np.frombuffer(next(it), np.uint8)
        v8 = np.frombuffer(next(it), np.uint8)
        groups = []
        for _ in range(2):
            if fp16 == "planes":
                hi, lo = np.frombuffer(next(it), np.uint8), np.frombuffer(next(it), np.uint8)
                groups.append(np.stack([lo, hi], axis=1).ravel().view(np.float16))
            else:
                groups.append(np.frombuffer(next(it), np.uint8).view(np.float16))
        sc, f16 = groups
        out, p6, p8, ps, pf = [], 0, 0, 0, 0
        for name, scheme, shape, arrs in template:
            if is_int(scheme):
                (qdt, qshape), (sdt, sshape) = arrs
                n, rows = int(np.prod(qshape)), int(np.prod(sshape))
                scales = sc[ps : ps + rows].copy()
                ps += rows
                clip = int_clip(scheme, clips)
                if clip > 31:
                    u, p8 = v8[p8 : p8 + n], p8 + n
                else:
                    u, p6 = v6[p6 : p6 + n], p6 + n
                r, c = (shape[-2] if len(shape) > 1 else 1), shape[-1]
                m = inv_map(u, clip)
                m = m.reshape(-1, c, r).transpose(0, 2, 1) if order == "col" else m.reshape(-1, r, c)
                if rowsort:
                    m = np.stack([mi[np.argsort(p, kind="stable")] for mi, p in zip(m, perms(shape, scales))])
                out.append((name, scheme, shape, [np.ascontiguousarray(m).reshape(qshape).astype(qdt), scales.reshape(sshape)]))
            else:
                (dt, fshape), = arrs
                n = int(np.prod(fshape))
                out.append((name, scheme, shape, [f16[pf : pf + n].copy().reshape(fshape)]))
                pf += n
        return out

    return forward, inverse


# ------------------------------------------------------------------------------------ library entropy coder


def constriction_order0(per: str, clips: dict[str, int]):
    """Order-0 rANS from constriction: one categorical model per tensor (or per matrix) from the value counts,
    the counts stored (u32, lzma) as the table; scales and fp16 tensors as byte planes + lzma-9e.

    The decoder rebuilds the same float probabilities from the stored counts, so both sides build the same
    model (constriction's perfect=False quantization is deterministic for equal inputs)."""
    import constriction

    Categorical = constriction.stream.model.Categorical
    AnsCoder = constriction.stream.stack.AnsCoder
    rest_fwd, rest_inv = make_grouped_layout(intmap="offset", fp16="planes", clips=clips)

    def groups(shape, q):
        return list(mats_of(shape, q)) if per == "matrix" else [q]

    def forward(entries):
        tables, words = [], []
        for name, scheme, shape, arrays in entries:
            if not is_int(scheme):
                continue
            for g in groups(shape, arrays[0]):
                v = g.astype(np.int32).ravel() + 128
                lo, hi = int(v.min()), int(v.max())
                counts = np.bincount(v - lo, minlength=hi - lo + 1).astype(np.uint32)
                tables.append(np.array([lo, counts.size], dtype=np.uint32).tobytes() + counts.tobytes())
                coder = AnsCoder()
                if counts.size > 1:  # one value only (an all-zero matrix): the table says it all, and
                    # constriction refuses a one-symbol distribution
                    coder.encode_reverse((v - lo).astype(np.int32), Categorical(counts / counts.sum(), perfect=False))
                w = coder.get_compressed()
                words.append(np.uint32(w.size).tobytes() + w.tobytes())
        # the ints are coded; the remaining streams (scales, fp16) use the grouped layout's planes
        rest = rest_fwd(entries)[2:]  # streams 0, 1: int6 / int8 values (dropped), then scale and fp16 planes
        return [lzma.compress(b"".join(tables), preset=9 | lzma.PRESET_EXTREME), b"".join(words)] + rest

    def inverse(streams, template):
        tables, words, rest = lzma.decompress(streams[0]), streams[1], streams[2:]
        tp, wp, qs = 0, 0, []
        for name, scheme, shape, arrs in template:
            if not is_int(scheme):
                continue
            (qdt, qshape), _ = arrs
            r = shape[-2] if len(shape) > 1 else 1
            n_groups = int(np.prod(qshape)) // (r * shape[-1]) if per == "matrix" else 1
            per_group = int(np.prod(qshape)) // n_groups
            parts = []
            for _ in range(n_groups):
                lo, n = np.frombuffer(tables, np.uint32, 2, tp)
                counts = np.frombuffer(tables, np.uint32, int(n), tp + 8)
                tp += 8 + 4 * int(n)
                (nw,) = np.frombuffer(words, np.uint32, 1, wp)
                w = np.frombuffer(words, np.uint32, int(nw), wp + 4).copy()
                wp += 4 + 4 * int(nw)
                v = (AnsCoder(w).decode(Categorical(counts / counts.sum(), perfect=False), per_group) if n > 1
                     else np.zeros(per_group, np.int32))
                parts.append((v.astype(np.int32) + int(lo) - 128).astype(np.int8))
            qs.append(np.concatenate(parts))
        # rebuild the int streams the grouped layout expects, then let it place everything
        schemes = [s for _, s, _, _ in template if is_int(s)]
        v6 = [(q.astype(np.int16) + 31).astype(np.uint8) for q, s in zip(qs, schemes)
              if int_clip(s, clips) == 31]
        v8 = [(q.astype(np.int16) + int_clip(s, clips)).astype(np.uint8) for q, s in zip(qs, schemes)
              if int_clip(s, clips) > 31]
        v6, v8 = (np.concatenate(v) if v else np.zeros(0, np.uint8) for v in (v6, v8))
        return rest_inv([v6.tobytes(), v8.tobytes()] + list(rest), template)

    return forward, inverse


# ------------------------------------------------------------------------------------ measuring methods


# ------------------------------------------------------------------------------------ per-group lrzip
# The public 04-27 record's serializer (COMPRESSOR=pergroup), rebuilt on our integers: the int matrices of
# each kind (q, k, v, o, fc, mlp proj, each table) concatenated in layer order, the rows of the "hot" kinds
# (tok_emb, q, fc) first reordered by a greedy nearest-neighbour chain in L1 (starting at row 0), every matrix
# written column-major, each group coded with `lrzip -z -L 9` (ZPAQ); the rest (scales, fp16 tensors) and the
# row orders (uint16) with brotli-11. The system binary `lrzip` is needed (Debian: apt-get install lrzip).
LRZIP_HOT = ("tok_emb.weight", "c_q", "fc")
LRZIP = "pergroup_lrzip9+brotli11"  # its method name in the reports


def lrzip_available() -> bool:
    return shutil.which("lrzip") is not None


def lrzip_check() -> int:
    """`--check-lrzip`: the per-group serializer through the real lrzip binary, bit-exact back, hot rows permuted
    (the test suite runs the serializer with a stand-in coder, so it needs no system binary; .ci/run runs this)."""
    if not lrzip_available():
        print("lrzip_check ok:false the lrzip binary is not installed (apt-get install lrzip)", file=sys.stderr)
        return 1
    rng = np.random.default_rng(0)
    q = np.clip(np.round(rng.laplace(0, 6, (2 * 24, 40))), -31, 31).astype(np.int8)
    entries = [("tok_emb.weight", "int6_row", (24, 40), [q[:24], np.full(24, 0.01, np.float16)]),
               ("mlp_up_bank", "int6_row", (1, 24, 40), [q[24:], np.full(24, 0.02, np.float16)])]
    ok = entries_equal(pergroup_inverse(pergroup_forward(entries), template_of(entries)), entries)
    print(f"lrzip_check ok:{str(ok).lower()} groups:2 values:{q.size}")
    return 0 if ok else 1


def _lrzip(data: bytes, decompress: bool = False) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in", Path(tmp) / "out"
        src.write_bytes(data)
        args = ["-d", "-f"] if decompress else ["-z", "-L", "9"]
        subprocess.run(["lrzip", "-q", *args, "-o", str(dst), str(src)], check=True, capture_output=True)
        return dst.read_bytes()


def _group_of(name: str, i: int, n: int) -> str:
    half = n // 2
    kind = {"qo_bank": ("c_q", "proj"), "kv_bank": ("c_k", "c_v")}.get(name)
    if kind:
        return kind[i >= half]
    return {"mlp_up_bank": "fc", "mlp_down_bank": "mlp_proj"}.get(name, name)


def similarity_order(m: np.ndarray) -> np.ndarray:
    """Greedy chain: from row 0, always to the unused row nearest (L1) to the current one (the record's sort)."""
    rows = m.astype(np.int16)
    left, order = np.ones(len(rows), bool), [0]
    left[0] = False
    for _ in range(len(rows) - 1):
        idx = np.flatnonzero(left)
        j = idx[np.abs(rows[idx] - rows[order[-1]]).sum(axis=1).argmin()]
        order.append(j)
        left[j] = False
    return np.asarray(order, dtype=np.uint16)


def _pergroup_mats(entries):
    """[(group, entry index, matrix index)] of every int matrix, in the order the groups are written."""
    out = []
    for k, (name, scheme, shape, arrays) in enumerate(entries):
        if is_int(scheme):
            n = math.prod(shape[:-2]) if len(shape) > 2 else 1  # matrices of the tensor (arrays or a template)
            out += [(_group_of(name, i, n), k, i) for i in range(n)]
    return sorted(out, key=lambda g: (g[0], g[1], g[2]))  # stable: layers in order inside a group


def pergroup_forward(entries) -> list[bytes]:
    groups, perms = {}, []
    for group, k, i in _pergroup_mats(entries):
        name, _, shape, arrays = entries[k]
        m = mats_of(shape, arrays[0])[i]
        if group in LRZIP_HOT:
            order = similarity_order(m)
            perms.append(order.tobytes())
            m = m[order]
        groups.setdefault(group, []).append(np.ascontiguousarray(m.T).tobytes())
    rest = b"".join(np.ascontiguousarray(a).tobytes() for _, scheme, _, arrays in entries
                    for a in (arrays[1:] if is_int(scheme) else arrays))
    return ([_lrzip(b"".join(parts)) for parts in groups.values()] + [CODECS["brotli11"].compress(rest),
            CODECS["brotli11"].compress(b"".join(perms))])


def pergroup_inverse(streams: list[bytes], template) -> list:
    entries = [(name, scheme, shape, [np.empty(sh, dt) for dt, sh in arrays]) for name, scheme, shape, arrays in template]
    mats = _pergroup_mats(template)
    names = list(dict.fromkeys(g for g, _, _ in mats))
    data = {g: memoryview(_lrzip(s, decompress=True)) for g, s in zip(names, streams)}
    perms = memoryview(CODECS["brotli11"].decompress(streams[-1]))
    for group, k, i in mats:
        _, _, shape, arrays = entries[k]
        view = mats_of(shape, arrays[0])
        R, C = view.shape[1:]
        m = np.frombuffer(data[group][: R * C], np.int8).reshape(C, R).T
        data[group] = data[group][R * C :]
        if group in LRZIP_HOT:
            order = np.frombuffer(perms[: 2 * R], np.uint16)
            perms = perms[2 * R :]
            m = m[np.argsort(order)]
        view[i] = m
    rest = memoryview(CODECS["brotli11"].decompress(streams[-2]))
    for _, scheme, _, arrays in entries:
        for a in arrays[1:] if is_int(scheme) else arrays:
            a.ravel()[:] = np.frombuffer(rest[: a.nbytes], a.dtype)
            rest = rest[a.nbytes :]
    return entries


def timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


class Bench:
    """Collects one row per method: bytes, ratio to the public way, bits per parameter, times, round trip."""

    def __init__(self, entries, n_params: int, container_bytes: int):
        self.entries, self.template, self.n_params = entries, template_of(entries), n_params
        self.container = container_bytes  # magic + length + the flagship's JSON header for these tensors
        self.rows: list[dict] = []

    def add(self, name, family, nbytes, enc_s, dec_s, ok, note=""):
        row = dict(method=name, family=family, bytes=int(nbytes), bits_per_param=round(8 * nbytes / self.n_params, 4),
                   encode_s=round(enc_s, 2), decode_s=round(dec_s, 2), roundtrip_exact=bool(ok), note=note)
        self.rows.append(row)
        print(f"method:{name} bytes:{nbytes} bits/param:{row['bits_per_param']} enc:{enc_s:.1f}s dec:{dec_s:.1f}s "
              f"exact:{ok}", flush=True)
        return row

    def layout_method(self, name, forward, inverse, codec: Codec, extra_bytes=0, note=""):
        """Streams coded one by one; bytes = streams + 4-byte lengths + the flagship container."""
        t = time.perf_counter()
        streams = forward(self.entries)
        comp = [codec.compress(s) for s in streams]
        enc = time.perf_counter() - t
        t = time.perf_counter()
        back = inverse([codec.decompress(c) for c in comp], self.template)
        dec = time.perf_counter() - t
        nbytes = sum(map(len, comp)) + 4 * len(comp) + self.container + extra_bytes
        return self.add(name, "layout+codec", nbytes, enc, dec, entries_equal(back, self.entries), note)

    def coded_method(self, name, forward, inverse, note=""):
        """Streams that are already coded (entropy coders); same accounting as layout_method."""
        streams, enc = timed(forward, self.entries)
        back, dec = timed(inverse, streams, self.template)
        nbytes = sum(map(len, streams)) + 4 * len(streams) + self.container
        return self.add(name, "entropy coder", nbytes, enc, dec, entries_equal(back, self.entries), note)


def public_way(entries) -> tuple[bytes, dict]:
    """The public record's export: a dict of int8-container tensors + fp16 scales, torch.save, lzma preset 6."""
    obj = {}
    for name, scheme, shape, arrays in entries:
        if is_int(scheme):
            obj[name + ".q"] = torch.from_numpy(arrays[0].copy())
            obj[name + ".scale"] = torch.from_numpy(arrays[1].copy())
        else:
            obj[name] = torch.from_numpy(arrays[0].copy())
    buf = io.BytesIO()
    torch.save(obj, buf)
    return lzma.compress(buf.getvalue(), preset=6), obj


def public_way_back(blob: bytes, template):
    obj = torch.load(io.BytesIO(lzma.decompress(blob)), map_location="cpu", weights_only=True)
    out = []
    for name, scheme, shape, arrs in template:
        if is_int(scheme):
            out.append((name, scheme, shape, [obj[name + ".q"].numpy(), obj[name + ".scale"].numpy()]))
        else:
            out.append((name, scheme, shape, [obj[name].numpy()]))
    return out


def artifact_holds(fs, path: Path, entries) -> bool:
    """The artifact at `path` holds exactly these entries: its header lists their names, schemes, shapes and
    array dtypes / sizes in order, and its payload, decoded by the flagship's own decompress_payload, is their
    bytes bit for bit (every integer, scale and fp16 value; load_artifact's floats are a function of both)."""
    header, compressed = fs.read_artifact(path)
    tensors = header["tensors"]
    listed = [(t["name"], t["scheme"], tuple(t["shape"]), [(a["dtype"], a["nbytes"]) for a in t["arrays"]])
              for t in tensors]
    want = [(n, s, tuple(sh), [(str(a.dtype), a.nbytes) for a in arrays]) for n, s, sh, arrays in entries]
    payload = fs.decompress_payload(compressed, header["codec"], path, tensors)
    return listed == want and payload == payload_of(entries)


def flagship_artifact(fs, entries, codec: str, workdir: Path) -> tuple[int, float, float, bool, Path]:
    """The flagship's own artifact for these entries: write_artifact, load_artifact (the decode time a judge
    pays), and artifact_holds (the check)."""
    path = workdir / f"artifact_{codec}.ptz"
    with fixed_quantizer(fs, entries):
        nbytes, enc = timed(fs.write_artifact, path, {}, codec)
    _, dec = timed(fs.load_artifact, path)
    return nbytes, enc, dec, artifact_holds(fs, path, entries), path


def flagship_codecs(fs) -> list[str]:
    """The codecs this train_gpt.py's writer accepts (it refuses unknown ones with a ValueError), default first."""
    default = fs.Hyperparameters.from_env({}).export.compressor
    # records cut before the export functions had public names call it _compress
    compress = getattr(fs, "compress_payload", None) or fs._compress
    known = []
    for codec in dict.fromkeys((default, "ctx", "zstd", "lzma")):
        try:
            try:
                compress(b"", codec, [])
            except TypeError:  # records written before the ctx codec: _compress(data, codec)
                compress(b"", codec)
            known.append(codec)
        except ValueError:
            pass
    return known


def run_methods(fs, entries, n_params: int, workdir: Path, quick: bool, label: str) -> dict:
    """Every method on the same entries; returns rows sorted by bytes, with ratios to the public way."""
    blob, enc = timed(lambda: public_way(entries)[0])
    back, dec = timed(public_way_back, blob, template_of(entries))
    rows = {}
    art = {}
    for codec in flagship_codecs(fs):
        if quick and codec == "lzma":
            continue
        art[codec] = flagship_artifact(fs, entries, codec, workdir)
    first = next(iter(art.values()))[4]
    hlen = int.from_bytes(first.read_bytes()[8:12], "little")
    bench = Bench(entries, n_params, container_bytes=12 + hlen)
    bench.add(PUBLIC, "public", len(blob), enc, dec, entries_equal(back, entries),
              "dict of int8-container tensors + fp16 scales, torch.save, lzma preset 6 (the public record)")
    for codec, (nbytes, e, d, ok, _) in art.items():
        bench.add(f"flagship_{codec}", "flagship artifact", nbytes, e, d, ok,
                  "train_gpt.write_artifact / load_artifact (header + payload, SHA-256 checked)")
    grouped = functools.partial(make_grouped_layout, clips=fs.INT_SCHEMES)
    plan = [
        ("concat+lzma6", layout_concat, inverse_concat, "lzma6"),
        ("concat+brotli11", layout_concat, inverse_concat, "brotli11"),
        ("per_array+zstd22", layout_per_array, inverse_per_array, "zstd22"),
        ("per_array+lzma9e", layout_per_array, inverse_per_array, "lzma9e"),
        ("by_scheme+zstd22", *grouped(), "zstd22"),
        ("by_scheme+lzma9e", *grouped(), "lzma9e"),
        ("by_scheme_offset+lzma9e", *grouped("offset"), "lzma9e"),
        ("by_scheme_zigzag+lzma9e", *grouped("zigzag"), "lzma9e"),
        ("by_scheme_zigzag+zstd22", *grouped("zigzag"), "zstd22"),
        ("by_scheme_offset_colmajor+lzma9e", *grouped("offset", "col"), "lzma9e"),
        ("by_scheme_offset_rowsort+lzma9e", *grouped("offset", rowsort=True), "lzma9e"),
        ("by_scheme_offset_pack6+lzma9e", *grouped("offset", int6="pack6"), "lzma9e"),
        ("by_scheme_offset_pack6+zstd22", *grouped("offset", int6="pack6"), "zstd22"),
        ("by_scheme_offset_bitplanes+lzma9e", *grouped("offset", int6="planes"), "lzma9e"),
        ("by_scheme_zigzag_fp16planes+lzma9e", *grouped("zigzag", fp16="planes"), "lzma9e"),
        ("by_scheme_zigzag_fp16planes+brotli11", *grouped("zigzag", fp16="planes"), "brotli11"),
    ]
    if quick:
        plan = [p for p in plan if p[0] in ("by_scheme_zigzag+lzma9e", "by_scheme_offset_pack6+lzma9e")]
    for name, fwd, inv, codec in plan:
        bench.layout_method(name, fwd, inv, CODECS[codec])
    if not quick:
        # zstd with a dictionary trained on the data itself (dictionary bytes counted): per array, and whole
        streams = layout_per_array(entries)
        zdict, t_dict = timed(train_zstd_dict, streams)
        codec = _zstd(22, zdict)
        row = bench.layout_method("per_array+zstd22_dict", layout_per_array, inverse_per_array, codec,
                                  extra_bytes=len(zdict.as_bytes()), note=f"112,640-byte dictionary counted; trained in {t_dict:.1f}s")
        row["encode_s"] = round(row["encode_s"] + t_dict, 2)
        row = bench.layout_method("concat+zstd22_dict", layout_concat, inverse_concat, codec, extra_bytes=len(zdict.as_bytes()),
                                  note="same dictionary, counted")
    if lrzip_available():
        bench.coded_method(LRZIP, pergroup_forward, pergroup_inverse,
                           note="the public 04-27 record's per-group serializer: groups by kind, hot rows "
                                "similarity-sorted, column-major, lrzip -z -L 9; rest brotli-11")
    else:
        print(f"method:{LRZIP} skipped: the lrzip binary is not installed (apt-get install lrzip)")
    for per in ("tensor", "matrix"):
        fwd, inv = constriction_order0(per, fs.INT_SCHEMES)
        bench.coded_method(f"constriction_order0_per_{per}+fp16planes_lzma9e", fwd, inv,
                           note="order-0 categorical rANS (constriction) over the ints, counts as tables")
    public_bytes = next(r["bytes"] for r in bench.rows if r["method"] == PUBLIC)
    for r in bench.rows:
        r["ratio_vs_public"] = round(r["bytes"] / public_bytes, 4)
    rows = sorted(bench.rows, key=lambda r: r["bytes"])
    print(f"[{label}] best: {rows[0]['method']} {rows[0]['bytes']} ({rows[0]['ratio_vs_public']}x public)", flush=True)
    return dict(public_bytes=public_bytes, target_bytes=int(0.90 * public_bytes), container_bytes=bench.container, methods=rows)


# ------------------------------------------------------------------------------------ rate vs loss


class BankQuantizer:
    """Bank matrices quantized by rounding (rtn) or GPTQ at int6 / int5, each computed once and reused by the
    variants; also reports each candidate's Hessian-weighted error and order-0 bytes (for the mixed plan)."""

    def __init__(self, fs, sd, hessians):
        self.fs, self.sd, self.hessians, self.cache = fs, sd, hessians, {}

    def get(self, name: str, i: int, how: str, clip: int):
        key = (name, i, how, clip)
        if key not in self.cache:
            w = self.sd[name][i].detach().float()
            if how == "rtn":
                q, s = self.fs.quantize_rows(w, clip, (1.0,))
                d = (w - q.float() * s.float()[:, None]).double()
                err = float(((d @ self.hessians[(name, i)]) * d).sum()) if self.hessians else float(d.square().sum())
            else:  # the flagship's own GPTQ rounding on its clip-searched grid, with its output error
                q, s, e = self.fs.round_bank(w[None], clip, self.hessians[(name, i)][None])
                q, s, err = q[0], s[0], float(e[0])
            nbytes = entropy_bits(np.bincount(q.numpy().astype(np.int64).ravel() + 128, minlength=256)) / 8
            self.cache[key] = (q, s, err, nbytes)
        return self.cache[key]

    def banks(self):
        return [(n, t.shape[0]) for n, t in self.sd.items() if n.endswith("_bank")]


def mixed_plan(bq: BankQuantizer, target_bytes: float) -> dict:
    """int5 / int6 per matrix by sensitivity: start from GPTQ int6 everywhere and move to GPTQ int5 the matrices
    that cost the least Hessian-weighted error per byte saved, until the banks' order-0 bytes reach the target
    (today's exporter's bank bytes): the same size, spent where the loss is least sensitive.

    Not the flagship's planner, on purpose: train_gpt.quantize_banks (what ships, the int5share@s rows) moves
    matrices until INT5_SHARE of the bank PARAMETERS are int5, ranked by error per parameter, a setting fixed
    before training that plan_bytes can predict; this one spends a BYTE budget measured on the integers,
    ranked by error per byte saved: the research question the flagship's rule was measured against. Both rank
    the same per-matrix errors of the same GPTQ rounding (round_bank), in a different order (a tiny model,
    2026-12-05: of 12 matrices the first two swap). gptq6's integers are the flagship's own exporter's with
    GPTQ and INT5_SHARE=0 (checked equal on that model); the cache here only shares them between variants."""
    choice, total, gains = {}, 0.0, []
    for name, n in bq.banks():
        for i in range(n):
            _, _, e6, b6 = bq.get(name, i, "gptq", 31)
            _, _, e5, b5 = bq.get(name, i, "gptq", 15)
            choice[(name, i)], total = 31, total + b6
            gains.append(((e5 - e6) / max(b6 - b5, 1e-9), name, i, b6 - b5))
    for _, name, i, saved in sorted(gains):
        if total <= target_bytes:
            break
        choice[(name, i)], total = 15, total - saved
    return choice


def flagship_bank_bytes(flagship_entries) -> float:
    """Order-0 bytes of today's exporter's bank integers, per matrix: the budget the mixed plans aim at."""
    return sum(entropy_bits(np.bincount(m.astype(np.int64).ravel() + 128, minlength=256)) / 8
               for name, _, shape, arrays in flagship_entries if name.endswith("_bank") for m in mats_of(shape, arrays[0]))


def settings_env(text: str, fs=None) -> dict[str, str]:
    """The env dict of a K=V+K=V text (an export: variant's settings or --codec-settings). With the flagship
    module `fs`, every K must be one of its Hyperparameters' env names: from_env reads only the names it
    knows, so a misspelt one would silently measure the default."""
    pairs = [kv.split("=", 1) for kv in text.split("+") if kv]
    if any(len(kv) != 2 for kv in pairs):
        raise ValueError(f"settings must be K=V joined by '+', got {text!r}")
    env = dict(pairs)
    if fs is not None:
        known = {f.metadata["env"] for _, f in fs.Hyperparameters.fields()}
        if unknown := sorted(set(env) - known):
            raise ValueError(f"not a setting of the flagship: {', '.join(unknown)}")
    return env


FIXED_VARIANTS = ("flagship", "rtn", "gptq6", "gptq5mlp", "gptq_mixed")


def parse_variant(fs, kind: str) -> tuple[str, object]:
    """(family, argument) of a --variants entry, every value checked: flagship | rtn | gptq6 | gptq5mlp (no
    argument) | gptq_mixed[@f] (f > 0, a fraction of today's bank bytes; 1 by default) | int5share@s (s as the
    flagship's INT5_SHARE takes it) | export:K=V+K=V (settings the flagship's Hyperparameters take). main()
    parses every entry before any work, and quantize_variant reads the same parse, so an entry the check
    passes is one the rate-loss pass runs."""
    family, at, arg = kind.partition("@")
    try:
        if kind.startswith("export:"):
            env = settings_env(kind.split(":", 1)[1], fs)
            fs.Hyperparameters.from_env({**TRAIN_ENV, **env})
            return "export", env
        if family == "int5share" and at:
            share = float(arg)
            fs.Hyperparameters.from_env({**TRAIN_ENV, "GPTQ_CALIB_SEQS": "1", "INT5_SHARE": arg})
            return family, share
        if family == "gptq_mixed" and at:
            frac = float(arg)
            if not frac > 0:
                raise ValueError(f"the fraction must be > 0, got {arg}")
            return family, frac
        if kind in FIXED_VARIANTS:
            return kind, (1.0 if kind == "gptq_mixed" else None)
    except ValueError as exc:
        raise SystemExit(f"--variants {kind}: {exc}") from None
    raise SystemExit(f"--variants {kind}: unknown entry (flagship, rtn, gptq6, gptq5mlp, gptq_mixed[@f], "
                     "int5share@s, export:K=V+K=V)")


def quantize_variant(fs, sd, kind: str, bq: BankQuantizer, flagship_entries, target: float | None = None):
    """Entries like quantize_state_dict, with the banks quantized by `kind` (parse_variant's grammar):
    flagship (today's exporter) | rtn (absmax rows, no clip search) | gptq6 | gptq5mlp (int5 MLP banks, int6
    attention) | gptq_mixed[@f] (int5/int6 per matrix by sensitivity at f x today's bank bytes; `target`
    overrides the budget in bytes) | int5share@s (the flagship's own exporter with GPTQ and INT5_SHARE=s: what
    ships) | export:K=V+K=V (the flagship's exporter with these settings on TRAIN_ENV; GPTQ when
    GPTQ_CALIB_SEQS is set). Non-bank tensors as the flagship does them."""
    family, arg = parse_variant(fs, kind)
    if family == "flagship":
        return flagship_entries, {}
    if family == "export":  # the flagship's exporter with these settings, e.g. export:QUANT_CLIP=sd+EMBED_BITS=7
        hp = fs.Hyperparameters.from_env({**TRAIN_ENV, **arg})
        return fs.quantize_state_dict(sd, bq.by_bank if hp.export.gptq_calib_seqs else None, hp.export.int5_share, hp.export), dict(settings=arg)
    if family == "int5share":  # exactly what ships with GPTQ_CALIB_SEQS > 0 and INT5_SHARE=<share>
        entries = fs.quantize_state_dict(sd, bq.by_bank, arg)
        int5 = [f"{name}[{i}]" for name, _, shape, a in entries if name.endswith("_bank")
                for i, m in enumerate(mats_of(shape, a[0])) if np.abs(m).max() <= 15]
        return entries, dict(int5_matrices=int5)
    info, banks = {}, {}
    if family == "gptq_mixed":
        target = arg * flagship_bank_bytes(flagship_entries) if target is None else target
        plan = mixed_plan(bq, target)
        info["bank_budget_bytes_order0"] = round(target)
    for name, n in bq.banks():
        qs, ss = [], []
        for i in range(n):
            if family == "rtn":
                how, clip = "rtn", 31
            elif family == "gptq6":
                how, clip = "gptq", 31
            elif family == "gptq5mlp":
                how, clip = "gptq", 15 if name.startswith("mlp") else 31
            else:  # gptq_mixed
                how, clip = "gptq", plan[(name, i)]
            q, s, _, _ = bq.get(name, i, how, clip)
            qs.append(q)
            ss.append(s)
            if clip == 15:
                info.setdefault("int5_matrices", []).append(f"{name}[{i}]")
        # scheme stays int6_row: int5 values fit it and the flagship's loader dequantizes every *_row alike
        banks[name] = (name, "int6_row", tuple(sd[name].shape), [torch.cat(qs).numpy(), torch.cat(ss).numpy()])
    return [banks.get(e[0], e) for e in flagship_entries], info


def rate_loss(fs, sd, entries_flagship, workdir: Path, val_tokens: int, calib_seqs: int, variants,
              on_row=None) -> dict:
    """(bytes, dequantized val loss) of each variant on the same weights; `on_row(result)` after the float score
    and after each variant, so a report on disk holds every row measured before a later one fails."""
    hp = fs.Hyperparameters.from_env({**TRAIN_ENV, "VAL_TOKENS_LIMIT": str(val_tokens)})
    rt = fs.Runtime(device=torch.device("cpu"))
    val = fs.load_val_tokens(hp)
    luts = fs.byte_luts(fs.load_tokenizer(hp), rt.device)
    model = fs.build_model(hp)
    model.load_state_dict(sd, strict=True)
    model.eval()

    def score(state) -> tuple[float, float, float]:
        model.load_state_dict(state, strict=True)
        (loss, bpb), t = timed(fs.eval_sliding, model.forward_logits, val, hp.eval.eval_seq_len, hp.eval.eval_stride,
                               hp.eval.eval_batch_seqs, luts, rt)
        return loss, bpb, t

    result = dict(val_tokens=int(val.numel() - 1), eval=f"eval_sliding seq {hp.eval.eval_seq_len} stride {hp.eval.eval_stride} "
                  "(every target once), sample val set, VAL_TOKENS_LIMIT: not a challenge score", variants=[])
    loss, bpb, t = score(sd)
    result["float"] = dict(val_loss=loss, val_bpb=bpb, eval_s=round(t, 1))
    print(f"rate_loss float val_loss:{loss:.5f} val_bpb:{bpb:.5f} ({t:.0f}s)", flush=True)
    if on_row is not None:
        on_row(result)
    hessians, by_bank, calib = None, None, {}
    parsed = [parse_variant(fs, v) for v in variants]
    if any(f in ("gptq6", "gptq5mlp", "gptq_mixed", "int5share") or (f == "export" and "GPTQ_CALIB_SEQS" in a)
           for f, a in parsed):
        model.load_state_dict(sd, strict=True)
        calib_hp = fs.Hyperparameters.from_env({**TRAIN_ENV, "GPTQ_CALIB_SEQS": str(calib_seqs)})
        by_bank, t = timed(fs.collect_hessians, model, calib_hp, rt)  # the flagship's own calibration
        hessians = {(name, i): H[i].double() for name, H in by_bank.items() for i in range(H.shape[0])}
        calib = dict(tokens=calib_seqs * hp.train.train_seq_len, source=f"{hp.run.train_files} (first tokens of the training stream)",
                     seconds=round(t, 1), note="calibration on training data counts as training time under the rules")
        result["calibration"] = calib
    result["note"] = ("quantize_s of a GPTQ variant includes only the matrices not already computed by an earlier "
                      "variant (results are shared); bytes = the flagship artifact with the codec named, and the "
                      "public torch.save + lzma-6 of the same integers")
    codec = flagship_codecs(fs)[0]  # the flagship's default codec
    bq = BankQuantizer(fs, sd, hessians)
    bq.by_bank = by_bank
    flagship_bytes = None
    for kind in variants:
        (entries, info), tq = timed(quantize_variant, fs, sd, kind, bq, entries_flagship)
        path = workdir / f"rate_{kind}.ptz"
        with fixed_quantizer(fs, entries):
            nbytes = fs.write_artifact(path, {}, codec)
        if kind == "flagship":
            flagship_bytes = nbytes
        if kind == "gptq_mixed" and flagship_bytes is not None:
            # "at today's bytes" means the shipped artifact, not the order-0 estimate: tighten the budget by
            # the excess until the artifact is no larger than today's (a few tries; each is one encode)
            for _ in range(4):
                if nbytes <= flagship_bytes:
                    break
                budget = info["bank_budget_bytes_order0"] - 1.05 * (nbytes - flagship_bytes)
                (entries, info), t2 = timed(quantize_variant, fs, sd, kind, bq, entries_flagship, budget)
                tq += t2
                with fixed_quantizer(fs, entries):
                    nbytes = fs.write_artifact(path, {}, codec)
        pub = len(public_way(entries)[0])
        state = fs.load_artifact(path)
        loss, bpb, t = score(state)
        ent = entropy_report(entries)["ints"]
        row = dict(variant=kind, quantize_s=round(tq, 1), artifact_codec=codec, artifact_bytes=nbytes,
                   public_torchsave_lzma6_bytes=pub, int_entropy_floor_bytes_matrix=ent["floor_bytes_matrix"],
                   val_loss=loss, val_bpb=bpb, delta_bpb_vs_float=bpb - result["float"]["val_bpb"], eval_s=round(t, 1),
                   int5_matrices=len(info.get("int5_matrices", [])), int5_which=info.get("int5_matrices", []),
                   bank_budget_bytes_order0=info.get("bank_budget_bytes_order0"))
        result["variants"].append(row)
        print(f"rate_loss {kind} bytes:{nbytes} public:{pub} val_loss:{loss:.5f} val_bpb:{bpb:.5f}", flush=True)
        if on_row is not None:
            on_row(result)
    return result


# ------------------------------------------------------------------------------------ main


def vs_lrzip(methods: dict) -> dict | None:
    """Issue 16's figure: the flagship's ctx artifact against per-group lrzip on the same integers (the target:
    <= 0.95x). None when lrzip did not run (the binary missing)."""
    rows = {r["method"]: r["bytes"] for r in methods["methods"]}
    if LRZIP not in rows or "flagship_ctx" not in rows:
        return None
    ratio = rows["flagship_ctx"] / rows[LRZIP]
    return dict(ctx_bytes=rows["flagship_ctx"], lrzip_bytes=rows[LRZIP], ratio=round(ratio, 4),
                target_0_95x_bytes=int(0.95 * rows[LRZIP]), target_met=ratio <= 0.95)


def summarize(report: dict) -> dict:
    """The figures the issue asks for, in one place: best codec vs torch.save + lzma-6, the floor, rate vs loss."""
    m = report["methods"]
    rows = {r["method"]: r for r in m["methods"]}
    best = m["methods"][0]
    ent = report["entropy"]
    out = dict(
        public_torchsave_lzma6_bytes=m["public_bytes"], target_bytes_0_90x=m["target_bytes"],
        best_method=best["method"], best_bytes=best["bytes"], best_ratio_vs_public=best["ratio_vs_public"],
        target_met=best["bytes"] <= m["target_bytes"],
        flagship_bytes={r["method"]: r["bytes"] for r in m["methods"] if r["method"].startswith("flagship_")},
        int_order0_floor_bytes=dict(per_tensor=ent["ints"]["floor_bytes_tensor"], per_matrix=ent["ints"]["floor_bytes_matrix"]),
        fp16_parts_order0_bytes=ent["fp16_parts"]["order0_bytes_per_array_planes"],
        floor_total_bytes_per_matrix=ent["ints"]["floor_bytes_matrix"] + ent["fp16_parts"]["order0_bytes_per_array_planes"],
    )
    out["vs_pergroup_lrzip"] = vs_lrzip(m)
    if "methods_settings" in report:
        out["settings_vs_pergroup_lrzip"] = vs_lrzip(report["methods_settings"]["methods"])
    if "proxy" in report:
        pm = report["proxy"]["methods"]
        out["proxy_best"] = dict(method=pm["methods"][0]["method"], bytes=pm["methods"][0]["bytes"],
                                 ratio_vs_public=pm["methods"][0]["ratio_vs_public"], public_bytes=pm["public_bytes"])
    if "rate_vs_loss" in report:
        rl = report["rate_vs_loss"]
        out["rate_vs_loss"] = [dict(variant=v["variant"], bytes=v["artifact_bytes"], val_bpb=round(v["val_bpb"], 5),
                                    delta_bpb_vs_float=round(v["delta_bpb_vs_float"], 5)) for v in rl["variants"]]
        out["float_val_bpb"] = round(rl["float"]["val_bpb"], 5)
        # The issue's figure in one run: bytes <= 0.90x torch.save+lzma-6 of TODAY's exporter's integers, with a
        # dequantized loss no worse than today's exporter's. Lossless codecs alone, or a quantizer + codec.
        base = next((v for v in rl["variants"] if v["variant"] == "flagship"), None)
        if base is not None:
            public = base["public_torchsave_lzma6_bytes"]
            out["vs_todays_exporter"] = [dict(variant=v["variant"], codec=v["artifact_codec"], bytes=v["artifact_bytes"],
                                              ratio_vs_public_of_todays_ints=round(v["artifact_bytes"] / public, 4),
                                              delta_val_loss_vs_todays=round(v["val_loss"] - base["val_loss"], 5),
                                              meets_0_90x_without_loss_regression=v["artifact_bytes"] <= 0.90 * public
                                              and v["val_loss"] <= base["val_loss"],
                                              # issue 16's: fewer bytes than today's exporter, loss no worse
                                              fewer_bytes_no_loss_regression=v["artifact_bytes"] < base["artifact_bytes"]
                                              and v["val_loss"] <= base["val_loss"]) for v in rl["variants"]]
    return out


def caveat(meta: dict, entries) -> str:
    """How far this CPU checkpoint is from the record's weights, from measured facts."""
    floor = np.float16(1 / 31)
    scales = np.concatenate([a[1] for name, _, _, a in entries if name.endswith("_bank")])
    bits = entropy_report([e for e in entries if e[0].endswith("_bank")])["ints"]["bits_per_value_matrix"]
    return (f"{meta.get('steps')} CPU steps of {meta.get('env', {}).get('TRAIN_BATCH_TOKENS')} tokens vs the record's ~7,000 "
            f"steps of 786,432: {100 * float(np.mean(scales == floor)):.1f}% of bank rows sit on the exporter's 1/31 scale "
            f"floor and the int6 values carry {bits:.2f} bits (order-0 per matrix) vs ~4.7 bits per parameter in the public "
            "record's artifact (15.85 MB for 26.9 M parameters, every tensor, lzma-6); "
            "general coders lose relatively more on narrow values, so ratios here may flatter an entropy coder. "
            "See 'proxy' for the same comparison with the banks scaled up.")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--script", default="train_gpt.py", help="record script to load (default: train_gpt.py)")
    p.add_argument("--checkpoint", default=str(DEFAULT_CHECKPOINT), help="cached full-size checkpoint (trained if missing)")
    p.add_argument("--train-seconds", type=float, default=600.0, help="CPU training time when (re)training")
    p.add_argument("--train-steps", type=int, default=0, help="train exactly this many steps instead (no wall clock)")
    p.add_argument("--train-batch-tokens", type=int, default=0, help="tokens per training step (default TRAIN_ENV's)")
    p.add_argument("--retrain", action="store_true", help="train a new checkpoint even if --checkpoint exists")
    p.add_argument("--val-tokens", type=int, default=65536, help="VAL_TOKENS_LIMIT for the rate-vs-loss evals")
    p.add_argument("--calib-seqs", type=int, default=64, help="512-token training sequences for the GPTQ Hessians")
    p.add_argument("--variants", default="flagship,rtn,gptq6,gptq_mixed,gptq_mixed@0.9,gptq_mixed@0.8,gptq5mlp,int5share@0.5",
                   help="rate-vs-loss quantizers (flagship first: gptq_mixed matches its artifact bytes)")
    p.add_argument("--proxy-scale", type=float, default=4.0, help="bank scale of the record-regime proxy (0 = skip)")
    p.add_argument("--skip-rate-loss", action="store_true")
    p.add_argument("--codec-settings", default="", help="K=V+K=V: also compare the codecs on this export's integers")
    p.add_argument("--reuse", default=None, help="an earlier report of this checkpoint and script: take its codec "
                   "section on the checkpoint's integers instead of recomputing it (the rest runs)")
    p.add_argument("--quick", action="store_true", help="a few methods only (smoke run)")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--out", type=results_arg, help="JSON path (default results/compress_<tag>_<date>.json)")
    return p.parse_args(argv)


def reused_codec_section(path: Path, report: dict) -> dict:
    """entropy, context_ablation and methods (and methods_settings, where it has them) of an earlier report, if
    it measured the same checkpoint (path, steps, creation time) with the same script; else a clear error."""
    try:
        old = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise SystemExit(f"--reuse {path}: cannot read it as a report ({exc})") from None
    same = {k: (old.get("checkpoint", {}).get(k), report["checkpoint"][k]) for k in ("path", "steps", "created")}
    same["script_sha256"] = (old.get("script_sha256"), report["script_sha256"])
    differ = [f"{k} {a!r} vs {b!r}" for k, (a, b) in same.items() if a != b]
    missing = [k for k in ("entropy", "context_ablation", "methods") if k not in old]
    if differ or missing:
        raise SystemExit(f"--reuse {path}: not this checkpoint's report ({'; '.join(differ)})" if differ else
                         f"--reuse {path}: it has no {', '.join(missing)}")
    facts = old.get("environment", old)  # reports before benchlib kept the run's facts under "environment"
    return dict(entropy=old["entropy"], context_ablation=old["context_ablation"], methods=old["methods"],
                **({"methods_settings": old["methods_settings"]} if "methods_settings" in old else {}),
                reused_from=dict(path=str(path), date=facts.get("date"), command=facts.get("command")))


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--check-lrzip"]:
        return lrzip_check()
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    script = Path(args.script) if Path(args.script).is_absolute() else ROOT / args.script
    fs = load_flagship(script)
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    if not args.skip_rate_loss:
        for kind in variants:  # every entry checked before any work (a bad tenth one had lost a run's rate-loss section)
            parse_variant(fs, kind)
    try:
        codec_env = settings_env(args.codec_settings or "", fs)
        fs.Hyperparameters.from_env({**TRAIN_ENV, **codec_env})
    except ValueError as exc:
        raise SystemExit(f"--codec-settings {args.codec_settings}: {exc}") from None
    os.chdir(ROOT)  # the sample data paths are relative to the repo root
    ckpt = Path(args.checkpoint)
    if args.retrain or not ckpt.is_file():
        print(f"training the full-size model for {args.train_seconds:.0f}s -> {ckpt}", flush=True)
        train_checkpoint(fs, args.train_seconds, ckpt, args.train_steps, args.train_batch_tokens)
    sd, meta = load_checkpoint(ckpt)
    n_params = sum(t.numel() for t in sd.values())
    tag = f"full11L-cpu{meta.get('steps', 0)}steps" + ("-quick" if args.quick else "")
    out = Path(args.out) if args.out else results_path("compress", tag, _dt.date.today().isoformat())
    report = dict(
        **run_facts("Artifact bytes: codecs and layouts on the same quantized weights, quantizers by rate "
                    "and loss", __file__, argv, "cpu", ("zstandard", "brotli", "constriction")),
        issue="Artifact bytes: beat the public int6+lzma by 10% on the same weights; quantization by rate and loss",
        script=str(script), script_sha256=hashlib.sha256(script.read_bytes()).hexdigest(),
        checkpoint=dict(path=str(ckpt), n_params=n_params, steps=meta.get("steps"), train_wall_s=meta.get("train_wall_s"),
                        first_log=meta.get("first_log"), last_log=meta.get("last_log"), env=meta.get("env"),
                        created=meta.get("created"),
                        how="train_gpt.train() on CPU (2 threads), full-size default model with BIGRAM_VOCAB_SIZE=1536, "
                            "offline sample data/datasets/sample_sp1024, raw final weights; env above"),
    )
    with tempfile.TemporaryDirectory(prefix="bench_compress_") as tmp:
        workdir = Path(tmp)
        entries, tq = timed(fs.quantize_state_dict, sd)
        report["quantize_s"] = round(tq, 1)
        report["checkpoint"]["caveat"] = caveat(meta, entries)
        if args.reuse:
            report.update(reused_codec_section(Path(args.reuse), report))
        else:
            report["entropy"] = entropy_report(entries)
            report["context_ablation"] = context_ablation(fs, entries)
            report["methods"] = run_methods(fs, entries, n_params, workdir, args.quick, "checkpoint")
        report["summary"] = summarize(report)
        write_results(out, report)
        env = codec_env
        if env and report.get("methods_settings", {}).get("settings") != env:  # (not already reused)
            # the codecs again, on the integers of another (rounding) export
            other = fs.quantize_state_dict(sd, None, 0.0, fs.Hyperparameters.from_env({**TRAIN_ENV, **env}).export)
            report["methods_settings"] = dict(settings=env, entropy=entropy_report(other),
                                              methods=run_methods(fs, other, n_params, workdir, args.quick, "settings"))
            report["summary"] = summarize(report)
            write_results(out, report)
        if args.proxy_scale:
            scaled = {k: (v * args.proxy_scale if k.endswith("_bank") else v) for k, v in sd.items()}
            pe = fs.quantize_state_dict(scaled)
            report["proxy"] = dict(
                what=f"the same checkpoint with its banks multiplied by {args.proxy_scale} before quantization, so rows "
                     "leave the scale floor and int6 values carry ~4 bits (closer to the record's ~4.6); synthetic",
                entropy=entropy_report(pe), context_ablation=context_ablation(fs, pe),
                methods=run_methods(fs, pe, n_params, workdir, True, "proxy"))
            report["summary"] = summarize(report)
            write_results(out, report)
        if not args.skip_rate_loss:
            def row_landed(result):
                report["rate_vs_loss"] = result
                report["summary"] = summarize(report)
                write_results(out, report)

            rate_loss(fs, sd, entries, workdir, args.val_tokens, args.calib_seqs, variants, row_landed)
    print(json.dumps(report["summary"], indent=1))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
