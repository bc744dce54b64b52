"""Test stand-in for FlashAttention 2's `flash_attn` package, runnable on CPU.

The real `flash_attn_func` signature and defaults: `causal=False` unless passed, dropout_p first after
q, k, v, q, k, v of one dtype (fp16/bf16 only under PGOLF_FLASH_STRICT=1, as on CUDA), (B, T, H, D),
GQA. Returns `out` (with return_attn_probs=True, `(out, softmax_lse, None)`: the stand-in has no probs).
"""

from __future__ import annotations

from _flash_math import attention, check, check_varlen, varlen_attention

STANDIN = True


def flash_attn_func(q, k, v, dropout_p=0.0, softmax_scale=None, causal=False, window_size=(-1, -1),
                    softcap=0.0, alibi_slopes=None, deterministic=False, return_attn_probs=False):
    check(q, k, v, "flash_attn.flash_attn_func")
    if dropout_p or alibi_slopes is not None:
        raise NotImplementedError("stand-in: dropout and ALiBi are not modelled")
    out, lse = attention(q, k, v, softmax_scale, causal, window_size, softcap)
    return (out, lse, None) if return_attn_probs else out


def flash_attn_varlen_func(q, k, v, cu_seqlens_q, cu_seqlens_k, max_seqlen_q, max_seqlen_k, dropout_p=0.0,
                           softmax_scale=None, causal=False, window_size=(-1, -1), softcap=0.0, alibi_slopes=None,
                           deterministic=False, return_attn_probs=False, block_table=None):
    """Packed sequences (total, H, D), segments given by int32 cu_seqlens; causal=False unless passed. The
    stand-in models self-attention (cu_seqlens_q and cu_seqlens_k equal), as the flagship calls it."""
    check_varlen(q, k, v, cu_seqlens_q, cu_seqlens_k, "flash_attn.flash_attn_varlen_func")
    out, lse = varlen_attention(q, k, v, cu_seqlens_q, causal, softmax_scale, window_size, softcap)
    return (out, lse, None) if return_attn_probs else out
