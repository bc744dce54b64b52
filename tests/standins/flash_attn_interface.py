"""Test stand-in for FlashAttention 3's `flash_attn_interface` (the Hopper build), runnable on CPU.

It has the real function's signature and defaults, so code that works against it calls the real kernel
correctly: `causal=False` unless passed (the trap: a non-causal LM attends to the future), q, k, v of one
dtype (fp16/bf16 only under PGOLF_FLASH_STRICT=1, as on CUDA), (B, T, H, D) layout, GQA. Newer FA3 builds
return `out`; older ones returned `(out, softmax_lse)`: PGOLF_FLASH_RETURN_LSE=1 mimics those.
Put tests/standins on sys.path (or PYTHONPATH) to make `import flash_attn_interface` find it.
"""

from __future__ import annotations

import os

from _flash_math import attention, check, check_varlen, varlen_attention

STANDIN = True  # lets a test tell this module from the real one


def flash_attn_func(q, k, v, softmax_scale=None, causal=False, qv=None, q_descale=None, k_descale=None,
                    v_descale=None, window_size=(-1, -1), attention_chunk=0, softcap=0.0, num_splits=1,
                    pack_gqa=None, deterministic=False, sm_margin=0, return_attn_probs=False):
    check(q, k, v, "flash_attn_interface.flash_attn_func")
    if qv is not None or q_descale is not None or attention_chunk:
        raise NotImplementedError("stand-in: qv, fp8 descales and attention_chunk are not modelled")
    out, lse = attention(q, k, v, softmax_scale, causal, window_size, softcap)
    if return_attn_probs or os.environ.get("PGOLF_FLASH_RETURN_LSE") == "1":
        return out, lse
    return out


def flash_attn_varlen_func(q, k, v, cu_seqlens_q, cu_seqlens_k, max_seqlen_q, max_seqlen_k, seqused_q=None,
                           seqused_k=None, softmax_scale=None, causal=False, qv=None, q_descale=None,
                           k_descale=None, v_descale=None, window_size=(-1, -1), attention_chunk=0, softcap=0.0,
                           num_splits=1, pack_gqa=None, deterministic=False, sm_margin=0, return_attn_probs=False):
    """Packed sequences (total, H, D), segments given by int32 cu_seqlens; causal=False unless passed. The
    stand-in models self-attention (cu_seqlens_q and cu_seqlens_k equal), as the flagship calls it."""
    check_varlen(q, k, v, cu_seqlens_q, cu_seqlens_k, "flash_attn_interface.flash_attn_varlen_func")
    out, lse = varlen_attention(q, k, v, cu_seqlens_q, causal, softmax_scale, window_size, softcap)
    if return_attn_probs or os.environ.get("PGOLF_FLASH_RETURN_LSE") == "1":
        return out, lse
    return out
