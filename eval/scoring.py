"""Score windows with a model: float64 sums of target losses, bytes and counts.

The model only ever sees `forward_logits(inputs)`; losses are the cross entropy of the
log-softmax of its (float32-cast) logits, a normalized distribution over the whole vocabulary.
Bytes come from a prefix sum over the stream's target bytes (eval/bpb.py), so a window's bytes are
cum[end] - cum[prev_end] and the byte total never depends on how windows are split across ranks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from eval.bpb import bits_per_byte
from eval.dist import DistContext
from eval.port import as_port
from eval.windows import Windows


class ScoreCountError(RuntimeError):
    """The judge did not score every target exactly once (a bug in the judge, never an input error)."""


@dataclass
class ScoreSums:
    loss_sum: float = 0.0  # nats, float64
    byte_sum: float = 0.0  # integral, kept in float64 for the all-reduce
    targets: float = 0.0
    windows: float = 0.0

    def add(self, other: "ScoreSums") -> "ScoreSums":
        return ScoreSums(self.loss_sum + other.loss_sum, self.byte_sum + other.byte_sum,
                         self.targets + other.targets, self.windows + other.windows)

    def all_reduced(self, ctx: DistContext) -> "ScoreSums":
        t = torch.tensor([self.loss_sum, self.byte_sum, self.targets, self.windows],
                         dtype=torch.float64, device=ctx.device)
        ctx.all_reduce_sum(t)
        return ScoreSums(*[float(x) for x in t.cpu().tolist()])

    def result(self, n_targets: int, total_bytes: int) -> dict:
        """val_loss / val_bpb after checking every target was scored once (counts are exact in float64)."""
        if int(self.targets) != n_targets:
            raise ScoreCountError(f"scored {int(self.targets)} targets, the val set has {n_targets}")
        if int(self.byte_sum) != total_bytes:
            raise ScoreCountError(f"scored {int(self.byte_sum)} bytes, the val set has {total_bytes}")
        return {
            "val_loss": self.loss_sum / n_targets,
            "val_bpb": bits_per_byte(self.loss_sum, self.byte_sum),
            "loss_sum_nats": self.loss_sum,
            "targets": n_targets,
            "bytes": total_bytes,
            "windows": int(self.windows),
        }


def prefix_bytes(target_bytes: np.ndarray) -> np.ndarray:
    """cum[j] = bytes of targets 1..j (cum[0] = 0), int64, length N + 1."""
    return np.concatenate([[0], np.cumsum(target_bytes, dtype=np.int64)])


def token_rows(tokens: np.ndarray, starts: np.ndarray, width: int) -> torch.Tensor:
    """Rows tokens[s : s + width + 1] (inputs and the shifted targets) as int64."""
    idx = np.asarray(starts, dtype=np.int64)[:, None] + np.arange(width + 1, dtype=np.int64)
    return torch.from_numpy(np.asarray(tokens)[idx].astype(np.int64))


def window_losses(model, rows: torch.Tensor, keep: int, ctx: DistContext) -> torch.Tensor:
    """Per-position losses (float32) of the last `keep` positions of each row: the judge's own log-softmax and
    NLL of the float32 logits the model (a port, eval/port.py) returns, whatever their scale."""
    logits = as_port(model, ctx).forward(rows[:, :-1], keep)
    y = rows[:, 1:].to(ctx.device, non_blocking=True)[:, -keep:]
    if tuple(logits.shape[:2]) != tuple(y.shape):
        raise ValueError(f"model returned logits of shape {tuple(logits.shape)} for {tuple(y.shape)} targets")
    return nll(logits, y)


def nll(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """-log softmax(logits)[target] per position, float32, shaped like targets (the loss the judge scores)."""
    flat = logits.float().reshape(-1, logits.shape[-1])
    return F.cross_entropy(flat, targets.reshape(-1), reduction="none").view(targets.shape)


def score_windows(model, tokens: np.ndarray, windows: Windows, lo: int, hi: int,
                  cum_bytes: np.ndarray, batch_seqs: int, ctx: DistContext,
                  on_score=None, per_target: np.ndarray | None = None, plan: bool = True) -> ScoreSums:
    """Score windows [lo, hi) in order, in batches of `batch_seqs`, under inference_mode.

    on_score(lo_target, hi_target) is called for each window with the half-open range of targets
    it added to the sums (for the TTT order check); per_target, if given (float64, length N + 1),
    receives each scored target's loss at its index. plan: tell the port this pass's batches first, so it
    draws which requests to check (eval/port.py plan_checks; False when a caller planned a larger pass).
    """
    if batch_seqs <= 0:
        raise ValueError(f"eval_batch_seqs must be positive, got {batch_seqs}")
    width = windows.width
    model = as_port(model, ctx)
    if plan:
        plan_checks(model, "forward", batch_rows(lo, hi, batch_seqs))
    all_counts, all_starts = windows.scored_counts(), windows.starts  # once, not per batch
    loss_sum = torch.zeros((), dtype=torch.float64, device=ctx.device)
    for b in range(lo, hi, batch_seqs):
        ks = np.arange(b, min(b + batch_seqs, hi))
        counts = all_counts[ks]  # scored targets = the last `count` positions of the window
        keep = int(counts.max())
        rows = token_rows(tokens, all_starts[ks], width)
        with torch.inference_mode():
            losses = window_losses(model, rows, keep, ctx)
            pos = torch.arange(keep, device=ctx.device)
            mask = pos[None, :] >= (keep - torch.as_tensor(counts, device=ctx.device))[:, None]
            loss_sum += (losses.double() * mask).sum()
        if per_target is not None:
            _store_per_target(per_target, losses, counts, windows.ends[ks])
        if on_score is not None:
            for k in ks:
                on_score(int(windows.prev_ends[k]) + 1, int(windows.ends[k]) + 1)
    ends, prevs = windows.ends[lo:hi], windows.prev_ends[lo:hi]
    return ScoreSums(
        loss_sum=float(loss_sum.item()),
        byte_sum=float(int((cum_bytes[ends] - cum_bytes[prevs]).sum())),
        targets=float(int((ends - prevs).sum())),
        windows=float(hi - lo),
    )


def batch_rows(lo: int, hi: int, batch_seqs: int) -> list[int]:
    """The rows of each batch score_windows sends for windows [lo, hi)."""
    return [min(b + batch_seqs, hi) - b for b in range(lo, hi, batch_seqs)]


def plan_checks(port, kind: str, batches: list[int]) -> None:
    """A scoring pass's requests told to the port (ChildModel draws its checks from them), if it checks."""
    plan = getattr(port, "plan_checks", None)
    if plan is not None:
        plan(kind, batches)


def _store_per_target(out: np.ndarray, losses: torch.Tensor, counts: np.ndarray,
                      ends: np.ndarray) -> None:
    vals = losses.double().cpu().numpy()
    for row, (count, end) in enumerate(zip(counts, ends)):
        out[end - count + 1:end + 1] = vals[row, vals.shape[1] - count:]


def finite_or_raise(value: float, what: str) -> float:
    if not math.isfinite(value):
        raise FloatingPointError(f"{what} is not finite ({value}); the model produced NaN/inf logits")
    return value
