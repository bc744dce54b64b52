"""Legal score-first test-time training, owned by the judge (eval/INTERFACE.md, "Legal score-first TTT").

The loop is the legality argument: for chunk c = 0, 1, ... it first scores every window of chunk c
under inference_mode with the current weights, and only then trains on chunk c's tokens, so a
target's loss is always computed with weights adapted on earlier chunks only. Training sequences
of chunk c end at or before target (c+1)*C, all already scored. The last chunk is not trained on.

Under torchrun each chunk's windows are split by rank, and each batch of `ttt_batch_seqs` training
sequences is split by rank too: a rank's loss is its summed token losses divided by the tokens of
the whole batch, and gradients are all-reduced by SUM, so every rank applies the same update as a
single process would (the mean over the batch) whatever the world size.

`check_score_first(events)` is an independent checker of the four TTT rules on a recorded event
list: ("score", lo, hi) a window's scored targets [lo, hi); ("train", lo, hi) token positions
[lo, hi) a gradient forward saw; ("step",) an optimizer update from the forwards since the last step.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from eval.dist import DistContext
from eval.port import as_port
from eval.scoring import ScoreSums, batch_rows, plan_checks, score_windows, token_rows
from eval.settings import setting
from eval.windows import Windows, check_geometry, n_chunks, share, window_chunks


class TTTOrderError(AssertionError):
    """An event order that breaks a TTT rule (a token seen by an update before it was scored, ...)."""


@dataclass(frozen=True)
class TTTConfig:
    lr: float
    momentum: float
    epochs: int
    chunk_tokens: int
    grad_clip: float
    batch_seqs: int

    @classmethod
    def from_hp(cls, hp) -> "TTTConfig":
        """From a record's settings, flat or staged (eval/settings.py), or the child's flat copy of them."""
        s = functools.partial(setting, hp)
        return cls(lr=float(s("ttt_lr")), momentum=float(s("ttt_momentum")), epochs=int(s("ttt_epochs")),
                   chunk_tokens=int(s("ttt_chunk_tokens")), grad_clip=float(s("ttt_grad_clip")),
                   batch_seqs=int(s("ttt_batch_seqs")))

    def validate(self) -> None:
        if self.epochs < 0:
            raise ValueError(f"ttt_epochs must be >= 0, got {self.epochs}")
        if self.batch_seqs <= 0:
            raise ValueError(f"ttt_batch_seqs must be positive, got {self.batch_seqs}")


def chunk_lr(cfg: TTTConfig, chunk: int, total_chunks: int) -> float:
    """Cosine from ttt_lr at chunk 0 down to 0 at the last chunk."""
    return cfg.lr * 0.5 * (1.0 + math.cos(math.pi * chunk / max(total_chunks - 1, 1)))


def chunk_train_starts(chunk: int, chunk_tokens: int, seq_len: int, n_targets: int) -> np.ndarray:
    """Input start positions cC + iL of chunk c's training sequences (a partial last one dropped)."""
    base = chunk * chunk_tokens
    count = max(0, (min(base + chunk_tokens, n_targets) - base) // seq_len)
    return base + seq_len * np.arange(count, dtype=np.int64)


def run_ttt(model, tokens: np.ndarray, windows: Windows, cum_bytes: np.ndarray, cfg: TTTConfig,
            eval_batch_seqs: int, ctx: DistContext, trace: list | None = None) -> ScoreSums:
    """Score all windows with score-first TTT; returns this rank's sums (caller all-reduces).

    `model` (a port, eval/port.py, or a bare model run in this process) is adapted in place. `trace`, if
    given, receives ("score", lo, hi) events from the scoring code, ("train", lo, hi) per training sequence
    and ("step",) per optimizer step.
    """
    cfg.validate()
    check_geometry(windows.seq_len, windows.stride, cfg.chunk_tokens)
    port = as_port(model, ctx)
    total = n_chunks(windows.n_targets, cfg.chunk_tokens)
    bounds = np.searchsorted(window_chunks(windows, cfg.chunk_tokens), np.arange(total + 1))
    port.mode(train=False, params_grad=True)
    port.sgd_begin(cfg.lr, cfg.momentum)  # one optimizer for the whole pass
    on_score = (lambda lo, hi: trace.append(("score", lo, hi))) if trace is not None else None
    shares = [share(int(bounds[c + 1] - bounds[c]), ctx.rank, ctx.world_size) for c in range(total)]
    # the whole pass's scoring requests, so the checks are drawn over all of them, not per chunk
    plan_checks(port, "forward", [n for c, (lo, hi) in enumerate(shares) for n in
                                  batch_rows(int(bounds[c]) + lo, int(bounds[c]) + hi, eval_batch_seqs)])
    sums = ScoreSums()
    for c in range(total):
        lo, hi = shares[c]
        port.mode(train=False, params_grad=True)
        sums = sums.add(score_windows(port, tokens, windows, int(bounds[c]) + lo,
                                      int(bounds[c]) + hi, cum_bytes, eval_batch_seqs, ctx,
                                      on_score=on_score, plan=False))
        if c == total - 1:
            break  # nothing left to score with what the last chunk would teach
        starts = chunk_train_starts(c, cfg.chunk_tokens, windows.seq_len, windows.n_targets)
        port.mode(train=True, params_grad=True)
        for _ in range(cfg.epochs):
            train_epoch(port, tokens, starts, windows.seq_len, cfg, chunk_lr(cfg, c, total), ctx, trace)
    port.mode(train=False, params_grad=True)
    return sums


def train_epoch(port, tokens, starts, seq_len, cfg, lr, ctx, trace) -> None:
    """One pass over `starts` (sequences of seq_len + 1 tokens), batches of cfg.batch_seqs split by rank."""
    for b in range(0, len(starts), cfg.batch_seqs):
        batch = starts[b:b + cfg.batch_seqs]
        lo, hi = share(len(batch), ctx.rank, ctx.world_size)
        mine = batch[lo:hi]
        sgd_step(port, token_rows(tokens, mine, seq_len) if len(mine) else None, len(batch) * seq_len, lr,
                 cfg.grad_clip, ctx)
        if trace is not None:
            trace.extend(("train", int(s), int(s) + seq_len + 1) for s in mine)
            trace.append(("step",))


def sgd_step(port, rows, denom: int, lr: float, clip: float, ctx: DistContext) -> None:
    """One all-weight step: this rank's rows' summed token loss / denom backward, gradients summed over ranks
    (by the judge, in one flat buffer), grad-norm clip, SGD at lr."""
    flat = port.grad(rows, denom, flat=ctx.distributed)
    if flat is not None:
        ctx.all_reduce_sum(flat)
    port.apply(flat, lr, clip)


def check_score_first(events, n_targets: int) -> None:
    """Raise TTTOrderError unless the events follow the TTT rules:

    - an optimizer step may only use forwards whose tokens (positions >= 1) were all scored before it;
    - no target is scored after an update that saw it, nor scored twice (one pass);
    - at the end every target 1..n_targets was scored exactly once.
    """
    scored = np.zeros(n_targets + 1, dtype=bool)
    seen = np.zeros(n_targets + 1, dtype=bool)  # seen by an applied update
    pending: list[tuple[int, int, int]] = []
    for i, event in enumerate(events):
        kind = event[0]
        if kind == "score":
            lo, hi = event[1], event[2]
            if seen[lo:hi].any():
                t = lo + int(np.argmax(seen[lo:hi]))
                raise TTTOrderError(f"event {i}: target {t} scored after an update that saw it")
            if scored[lo:hi].any():
                t = lo + int(np.argmax(scored[lo:hi]))
                raise TTTOrderError(f"event {i}: target {t} scored twice")
            scored[lo:hi] = True
        elif kind == "train":
            pending.append((i, max(event[1], 1), event[2]))
        elif kind == "step":
            for j, lo, hi in pending:
                if not scored[lo:hi].all():
                    t = lo + int(np.argmin(scored[lo:hi]))
                    raise TTTOrderError(
                        f"event {i}: update uses forward {j} that saw token {t} before it was scored")
                seen[lo:hi] = True
            pending.clear()
        else:
            raise ValueError(f"event {i}: unknown kind {kind!r}")
    missing = np.flatnonzero(~scored[1:])
    if missing.size:
        raise TTTOrderError(f"{missing.size} targets never scored (first: {int(missing[0]) + 1})")
