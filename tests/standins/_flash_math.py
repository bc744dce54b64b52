"""The attention math and the call-contract checks shared by the two flash-attn stand-ins.

Written with plain torch ops (no SDPA: an independent reference), so it runs on CPU, under FakeTensorMode
and under torch.compile. Layout (B, T, H, D) for q and (B, S, KV, D) for k, v, H a multiple of KV (GQA).
"""

from __future__ import annotations

import math
import os

import torch

CALLS = {"n": 0}  # calls made outside torch.compile (eager tests use it to prove the path was taken)


def strict() -> bool:
    """Strict mode (PGOLF_FLASH_STRICT=1) refuses what the real CUDA kernels refuse: anything but fp16/bf16."""
    return os.environ.get("PGOLF_FLASH_STRICT") == "1"


def check(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, who: str) -> None:
    if not q.dtype == k.dtype == v.dtype:
        raise RuntimeError(f"{who}: query, key and value must have the same dtype "
                           f"(got {q.dtype}, {k.dtype}, {v.dtype})")
    if strict() and q.dtype not in (torch.float16, torch.bfloat16):
        raise RuntimeError(f"{who}: FlashAttention only supports fp16 and bf16 data type (got {q.dtype})")
    if q.ndim != 4 or k.ndim != 4 or v.ndim != 4:
        raise RuntimeError(f"{who}: expected (batch, seqlen, heads, headdim) tensors")
    if k.shape[2] != v.shape[2] or q.shape[2] % k.shape[2] != 0:
        raise RuntimeError(f"{who}: number of heads in key/value must divide number of heads in query")
    if q.shape[-1] != k.shape[-1] or q.shape[0] != k.shape[0]:
        raise RuntimeError(f"{who}: q and k must agree on batch and head dim")


def check_varlen(q, k, v, cu_q, cu_k, who: str) -> None:
    check(q[None], k[None], v[None], who)
    if cu_q.dtype != torch.int32 or cu_k.dtype != torch.int32 or cu_q.ndim != 1 or cu_q.shape != cu_k.shape:
        raise RuntimeError(f"{who}: cu_seqlens must be int32 vectors of one length (batch + 1)")


def varlen_attention(q, k, v, cu_q, causal, softmax_scale=None, window_size=(-1, -1), softcap=0.0):
    """FlashAttention's varlen call on (total, H, D) tensors where q and k share cu_seqlens (self-attention
    over packed sequences): position p belongs to the segment whose [cu[s], cu[s+1]) holds it; attention
    stays inside a segment (causal inside it). Returns (out (total, H, D), lse (H, total))."""
    pos = torch.arange(q.shape[0], device=q.device)
    seg = torch.searchsorted(cu_q.to(torch.int64), pos, right=True)  # (total,): segments are [cu[s], cu[s+1])
    allowed = seg[:, None] == seg[None, :]
    if causal:
        allowed &= pos[None, :] <= pos[:, None]
    out, lse = attention(q[None], k[None], v[None], softmax_scale, False, window_size, softcap, allowed=allowed)
    return out[0], lse[0]


def attention(q, k, v, softmax_scale=None, causal=False, window_size=(-1, -1), softcap=0.0, allowed=None):
    """(out, softmax_lse): out (B, T, H, D) in q's dtype, lse (B, H, T) fp32, as FlashAttention defines them.
    causal aligns the mask to the bottom-right corner (FlashAttention's rule when T != S). `allowed`, a (T, S)
    bool mask, further restricts the pairs (the varlen call's segments)."""
    if not torch.compiler.is_compiling():
        CALLS["n"] += 1
    B, T, H, D = q.shape
    S, KV = k.shape[1], k.shape[2]
    scale = 1.0 / math.sqrt(D) if softmax_scale is None else softmax_scale
    qf = q.float().permute(0, 2, 1, 3)  # (B, H, T, D)
    kf = k.float().permute(0, 2, 1, 3).repeat_interleave(H // KV, dim=1)  # (B, H, S, D)
    vf = v.float().permute(0, 2, 1, 3).repeat_interleave(H // KV, dim=1)
    scores = qf @ kf.transpose(-1, -2) * scale  # (B, H, T, S)
    if softcap > 0:
        scores = softcap * torch.tanh(scores / softcap)
    i = torch.arange(T, device=q.device)[:, None] + (S - T)  # query positions on the key axis
    j = torch.arange(S, device=q.device)[None, :]
    left, right = window_size
    extra, allowed = allowed, torch.ones(T, S, dtype=torch.bool, device=q.device)
    if causal:
        right = 0
    if right >= 0:
        allowed &= j <= i + right
    if left >= 0:
        allowed &= j >= i - left
    scores = scores.masked_fill(~allowed if extra is None else ~(allowed & extra), float("-inf"))
    lse = torch.logsumexp(scores, dim=-1)  # (B, H, T)
    out = torch.softmax(scores, dim=-1) @ vf  # (B, H, T, D)
    return out.permute(0, 2, 1, 3).to(q.dtype), lse
