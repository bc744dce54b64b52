"""Test stand-in for FlashAttention 2's `flash_attn` package, runnable on CPU.

The real `flash_attn_func` signature and defaults: `causal=False` unless passed, dropout_p first after
q, k, v, q, k, v of one dtype (fp16/bf16 only under PGOLF_FLASH_STRICT=1, as on CUDA), (B, T, H, D),
GQA. Returns `out` (with return_attn_probs=True, `(out, softmax_lse, None)`: the stand-in has no probs).
"""

from __future__ import annotations

from _flash_math import attention, check

STANDIN = True


def flash_attn_func(q, k, v, dropout_p=0.0, softmax_scale=None, causal=False, window_size=(-1, -1),
                    softcap=0.0, alibi_slopes=None, deterministic=False, return_attn_probs=False):
    check(q, k, v, "flash_attn.flash_attn_func")
    if dropout_p or alibi_slopes is not None:
        raise NotImplementedError("stand-in: dropout and ALiBi are not modelled")
    out, lse = attention(q, k, v, softmax_scale, causal, window_size, softcap)
    return (out, lse, None) if return_attn_probs else out
