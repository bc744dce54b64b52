"""Window geometry of the exact sliding-window score (eval/INTERFACE.md), as plain integer arrays.

Val tokens v[0..N] (N+1 tokens); target j is predicted from v[:j]. With window length L and
stride S:

    e_0 = min(L, N)                 window 0: inputs v[0:e_0], scores targets 1..e_0
    e_k = min(e_{k-1} + S, N)       window k: inputs v[e_k-L:e_k], scores targets e_{k-1}+1..e_k
    stop when e_k == N

so every target is scored exactly once. The plain (non-overlapping) score is S = L.
For TTT, window k belongs to chunk (e_k - 1) // C.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


class GeometryError(ValueError):
    """Window or chunk settings that break the contract (e.g. L % S != 0); names the setting."""


@dataclass(frozen=True)
class Windows:
    """Windows k = 0..K-1: inputs tokens[start:end], targets tokens[start+1:end+1];
    scored targets prev_end+1 .. end (the last end-prev_end positions of the window)."""

    n_targets: int
    seq_len: int
    stride: int
    ends: np.ndarray  # int64, e_k
    prev_ends: np.ndarray  # int64, e_{k-1} (0 for window 0)

    @property
    def starts(self) -> np.ndarray:
        return np.maximum(self.ends - self.seq_len, 0)

    @property
    def width(self) -> int:
        """Input length of every window (all equal: min(L, N))."""
        return min(self.seq_len, self.n_targets)

    def __len__(self) -> int:
        return int(self.ends.shape[0])

    def scored_counts(self) -> np.ndarray:
        return self.ends - self.prev_ends


def check_geometry(seq_len: int, stride: int, chunk_tokens: int | None = None) -> None:
    """The divisibility rules of the contract; errors name the setting at fault."""
    if seq_len <= 0:
        raise GeometryError(f"eval_seq_len must be positive, got {seq_len}")
    if stride <= 0 or stride > seq_len:
        raise GeometryError(f"eval_stride must be in 1..eval_seq_len={seq_len}, got {stride}")
    if seq_len % stride:
        raise GeometryError(f"eval_seq_len={seq_len} must be a multiple of eval_stride={stride}")
    if chunk_tokens is not None:
        if chunk_tokens <= 0:
            raise GeometryError(f"ttt_chunk_tokens must be positive, got {chunk_tokens}")
        if chunk_tokens % stride or chunk_tokens % seq_len:
            raise GeometryError(
                f"ttt_chunk_tokens={chunk_tokens} must be a multiple of eval_stride={stride} "
                f"and eval_seq_len={seq_len}"
            )


def sliding_windows(n_targets: int, seq_len: int, stride: int) -> Windows:
    """All windows over N = n_targets targets, in order."""
    check_geometry(seq_len, stride)
    if n_targets <= 0:
        raise GeometryError(f"need at least one target token, got {n_targets}")
    first = min(seq_len, n_targets)
    count = 1 + -(-(n_targets - first) // stride)  # ceil division
    ends = np.minimum(first + stride * np.arange(count, dtype=np.int64), n_targets)
    prev_ends = np.concatenate([[0], ends[:-1]]).astype(np.int64)
    return Windows(n_targets, seq_len, stride, ends, prev_ends)


def window_chunks(windows: Windows, chunk_tokens: int) -> np.ndarray:
    """Chunk index of every window: (e_k - 1) // C."""
    return (windows.ends - 1) // chunk_tokens


def n_chunks(n_targets: int, chunk_tokens: int) -> int:
    return -(-n_targets // chunk_tokens)


def share(count: int, rank: int, world_size: int) -> tuple[int, int]:
    """The contiguous rank-th share [lo, hi) of `count` items."""
    return count * rank // world_size, count * (rank + 1) // world_size
