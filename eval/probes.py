"""Checks of a record's model made before anything is scored (eval/INTERFACE.md, "What the judge guarantees").

On a few windows of the val stream (the first, the last and two drawn with a fixed seed), through the
port the scores use:

- outputs: every logit finite, shape (rows, positions, vocab);
- purity: the same request twice gives the same log-probabilities (a forward that changes the model,
  e.g. trains on what it is asked to score, does not);
- causality: each row's tokens from a cut position on replaced by others: the log-probabilities before the cut
  unchanged, and a row left as it was unchanged too (rows do not see each other);
- document isolation (the record's DOC_MASK on): a BOS placed inside each row and every token before
  it replaced: the log-probabilities from the BOS on unchanged.

Comparisons are on log-softmax outputs (what the judge scores), max absolute difference against a tolerance
(1e-5 on CPU float32; 1e-3 on CUDA, where bf16 autocast runs). A failure is a ProbeError naming the check.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from data.shards import BOS_ID


class ProbeError(ValueError):
    """The record's model failed a check: the judge refuses it (one line naming the check)."""


def logprob_gap(a: torch.Tensor, b: torch.Tensor, block: int = 1024) -> float:
    """max |log_softmax(a) - log_softmax(b)| over matching positions (inf: shapes differ, not finite).
    In blocks of `block` positions: a checked scoring request can hold 16 x 2048 x 8192 logits, whose float64
    copies at once would take GBs beside the model."""
    if a.shape != b.shape:
        return float("inf")
    if a.numel() == 0:
        return 0.0
    a, b = a.reshape(-1, a.shape[-1]), b.reshape(-1, b.shape[-1])
    gap = 0.0
    for i in range(0, a.shape[0], block):
        part = float((torch.log_softmax(a[i:i + block].double(), -1)
                      - torch.log_softmax(b[i:i + block].double(), -1)).abs().max())
        if not math.isfinite(part):  # a NaN anywhere: checked per block (max() would pass over a NaN)
            return float("inf")
        gap = max(gap, part)
    return gap


def probe_rows(tokens: np.ndarray, width: int, count: int = 4, seed: int = 0) -> torch.Tensor:
    """`count` windows of `width` input tokens: the first, the last, the rest drawn (fixed seed)."""
    n_starts = len(tokens) - width  # a window's inputs are tokens[s:s + width]; s + width <= N
    rng = np.random.default_rng(seed)
    starts = [0, max(n_starts - 1, 0)] + [int(s) for s in rng.integers(0, max(n_starts, 1), size=count - 2)]
    return torch.from_numpy(np.stack([np.asarray(tokens[s:s + width], dtype=np.int64) for s in starts]))


def other_tokens(rng: np.random.Generator, shape, vocab: int) -> torch.Tensor:
    """Random token ids, never BOS (a BOS would start a document the probe did not ask for)."""
    ids = rng.integers(0, vocab - 1, size=shape)
    return torch.from_numpy(np.where(ids >= BOS_ID, ids + 1, ids).astype(np.int64))


def cut_rows(x: torch.Tensor, cuts: list[int], rng: np.random.Generator, vocab: int,
             filler: np.ndarray | None = None) -> torch.Tensor:
    """A copy of x (rows, width) with row r's tokens from cuts[r] on replaced (cuts[r] >= width: the row as it
    is), for both causality checks: the prelude's (run_probes) and the one on scoring requests (eval/port.py
    ChildModel._cut_copy). The token at a cut is always another than x's, so the position before the cut,
    whose next token changed, is a real test. The tail is a drawn stretch of `filler` (val tokens without
    BOS: a scoring request's copy must look like text, not like a probe) when it is given and longer than
    the tail, else random ids (never BOS)."""
    copy, width = x.clone(), x.shape[1]
    for r, cut in enumerate(cuts):
        n = width - cut
        if n <= 0:
            continue
        if filler is not None and len(filler) > n:
            start = int(rng.integers(0, len(filler) - n))
            tail = torch.from_numpy(np.array(filler[start:start + n], dtype=np.int64))
        else:
            tail = other_tokens(rng, n, vocab)
        while vocab > 2 and int(tail[0]) == int(x[r, cut]):  # vocab 2: BOS and one other id, nothing to draw
            tail[0] = other_tokens(rng, 1, vocab)[0]
        copy[r, cut:] = tail.to(copy.device)
    return copy


def run_probes(port, tokens: np.ndarray, width: int, vocab: int, doc_mask: bool, tolerance: float) -> dict:
    """Run every check; returns what was checked (for the report), raises ProbeError on the first failure."""
    if width < 2:
        return {"checks": [], "note": "windows of one position: nothing to probe"}
    x = probe_rows(tokens, width)
    rows = x.shape[0]
    rng = np.random.default_rng(1)
    base = port.forward(x, width).clone()
    if tuple(base.shape) != (rows, width, vocab):
        raise ProbeError(f"outputs: forward_logits gave shape {tuple(base.shape)} for {rows} windows of "
                         f"{width} tokens, expected {(rows, width, vocab)}")
    if not bool(torch.isfinite(base).all()):
        raise ProbeError("outputs: forward_logits gave non-finite logits (NaN/inf) on val windows")
    gap = logprob_gap(base, port.forward(x, width))
    if not gap <= tolerance:
        raise ProbeError(f"purity: the same windows twice gave log-probabilities {gap:.3g} apart (tolerance "
                         f"{tolerance:g}): the forward is not a pure function of its input")
    checks = ["outputs", "purity"]
    # causality: row r's tokens from cut[r] on replaced; the last row untouched (rows must not see each other)
    cuts = [max(1, width // 2)] + [int(c) for c in rng.integers(1, width, size=rows - 2)] + [width]
    after = port.forward(cut_rows(x, cuts, rng, vocab), width)
    for r, cut in enumerate(cuts):
        gap = logprob_gap(base[r, :cut], after[r, :cut])
        if not gap <= tolerance:
            where = "an unchanged row (it sees the other rows of its batch)" if cut == width else (
                f"positions before {cut} after tokens {cut}.. of window {r} changed")
            raise ProbeError(f"causality: log-probabilities moved by {gap:.3g} at {where} (tolerance "
                             f"{tolerance:g}): the model reads tokens after the one it predicts")
    checks.append("causality")
    if doc_mask:
        # document isolation: a BOS at bos[r]; everything before it replaced twice, differently
        bos = [int(b) for b in rng.integers(1, width, size=rows)]
        one, two = x.clone(), x.clone()
        for r, b in enumerate(bos):
            one[r, b] = two[r, b] = BOS_ID
            one[r, :b] = other_tokens(rng, b, vocab)
            two[r, :b] = other_tokens(rng, b, vocab)
        a, b_out = port.forward(one, width).clone(), port.forward(two, width)
        for r, b in enumerate(bos):
            gap = logprob_gap(a[r, b:], b_out[r, b:])
            if not gap <= tolerance:
                raise ProbeError(f"document isolation: with DOC_MASK on, log-probabilities after a BOS "
                                 f"(window {r}, position {b}) moved by {gap:.3g} when only tokens before it "
                                 f"changed (tolerance {tolerance:g}): the model reads across a document "
                                 "boundary")
        checks.append("doc_isolation")
    return {"checks": checks, "windows": rows, "width": width, "tolerance": tolerance}
