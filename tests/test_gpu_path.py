"""The CUDA code path on CPU: attention as the runtime hands it out (through flash-attn stand-ins with the
real call contract) and the dtypes of the forward under CUDA bf16 autocast (fake CUDA tensors).

Defects these tests were written against (issue 13, code of 2026-11-25): FlashAttention was called as
fn(q, k, v), i.e. causal=False, and under CUDA autocast on torch >= 2.12 q and k reached it as fp32
(rms_norm is on autocast's fp32 list) while v was bf16, which FA3 refuses.
"""

from __future__ import annotations

import sys
from collections import Counter

import pytest
import torch
from torch.overrides import TorchFunctionMode

from eval.loader import load_record_module
from eval.settings import setting
from tests.rehearsal import ROOT, assert_causal, awake_model, fake_cuda, flash_standins, load_script

RECORDS = sorted(p.parent for p in (ROOT / "records").glob("*/*/train_gpt.py"))
SCRIPTS = [ROOT / "train_gpt.py", *(r / "train_gpt.py" for r in RECORDS)]


def reference_causal(q, k, v):
    """Causal GQA attention written out (fp64): what every attention function must compute."""
    H, KV = q.shape[2], k.shape[2]
    qd, kd, vd = (t.double().transpose(1, 2) for t in (q, k, v))
    kd, vd = kd.repeat_interleave(H // KV, 1), vd.repeat_interleave(H // KV, 1)
    s = qd @ kd.transpose(-1, -2) / q.shape[-1] ** 0.5
    T = q.shape[1]
    s = s.masked_fill(torch.ones(T, T, dtype=torch.bool).triu(1), float("-inf"))
    return (s.softmax(-1) @ vd).transpose(1, 2)


@pytest.mark.parametrize("kind, return_lse", [("fa3", False), ("fa3", True), ("fa2", False), ("sdpa", False)],
                         ids=["fa3", "fa3-older-build-returns-lse", "fa2", "sdpa"])
def test_every_attention_the_runtime_hands_out_is_causal(flagship, kind, return_lse):
    with flash_standins(return_lse=return_lse):
        import _flash_math

        name, fn = flagship.select_attention(kind, torch.device("cpu"))
        assert name == kind
        torch.manual_seed(0)
        q, k, v = torch.randn(2, 12, 4, 8), torch.randn(2, 12, 2, 8), torch.randn(2, 12, 2, 8)
        before = _flash_math.CALLS["n"]
        out = fn(q, k, v)
        assert (_flash_math.CALLS["n"] > before) == (kind != "sdpa"), "the stand-in must have been called"
    assert out.shape == q.shape
    torch.testing.assert_close(out.double(), reference_causal(q, k, v), rtol=1e-5, atol=1e-5)


def test_the_raw_flash_kernel_is_not_causal_by_default():
    """The stand-in keeps the trap the binding must avoid: called as fn(q, k, v), the future leaks in."""
    with flash_standins():
        from flash_attn_interface import flash_attn_func

        q, k, v = torch.randn(1, 6, 2, 4), torch.randn(1, 6, 2, 4), torch.randn(1, 6, 2, 4)
        assert not torch.allclose(flash_attn_func(q, k, v), reference_causal(q, k, v).float(), atol=1e-4)


def test_standin_enforces_the_real_dtype_contract():
    with flash_standins(strict=True):
        from flash_attn_interface import flash_attn_func

        q = torch.randn(1, 4, 2, 8, dtype=torch.bfloat16)
        with pytest.raises(RuntimeError, match="same dtype"):
            flash_attn_func(q.float(), q, q, causal=True)
        with pytest.raises(RuntimeError, match="fp16 and bf16"):
            flash_attn_func(q.float(), q.float(), q.float(), causal=True)
        assert flash_attn_func(q, q, q, causal=True).dtype == torch.bfloat16


def test_bound_flash_refuses_mixed_dtypes_instead_of_casting(flagship):
    with flash_standins():
        _, fn = flagship.select_attention("fa3", torch.device("cpu"))
        q = torch.randn(1, 4, 2, 8)
        with pytest.raises(TypeError, match="one dtype"):
            fn(q, q.bfloat16(), q.bfloat16())


def test_asking_for_flash_attention_without_it_names_the_setting(flagship):
    sys.modules.pop("flash_attn_interface", None)
    with pytest.raises(ImportError, match="ATTENTION=fa3"):
        flagship.select_attention("fa3", torch.device("cpu"))
    assert flagship.select_attention("auto", torch.device("cpu"))[0] == "sdpa"


def tiny_model(module, tiny_env, **extra):
    return awake_model(module, {**tiny_env, **extra})


@pytest.mark.parametrize("kind", ["fa3", "fa2"])
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.parent.name if p.parent != ROOT else "flagship")
def test_flagship_and_records_are_causal_through_flash_attention(script, kind, tiny_data):
    module = load_record_module(script)
    env = dict(tiny_data["env"])
    if getattr(module, "PRESETS", None) and setting(module.Hyperparameters.from_env({}), "preset") == "frontier_0427":
        env.update(LOOP_START="1", LOOP_END="1", PARALLEL_START_LAYER="2", VE_LAYERS="",  # its stack in 3 layers
                   TTT_DOC_CHUNK="32")  # its phased TTT's chunk fits the tiny EVAL_SEQ_LEN (validate)
    with flash_standins():
        import _flash_math

        rt = module.compute_init(module.Hyperparameters.from_env({**env, "ATTENTION": kind}))
        assert rt.attention == kind
        hp, model = tiny_model(module, env)
        if hasattr(model, "set_attention"):  # the frozen records: attention set after the build
            model.set_attention(rt.attention_fn)
        else:  # the flagship's builder takes it
            state, model = model.state_dict(), module.build_model(hp, rt.attention_fn).eval()
            model.load_state_dict(state)
        before = _flash_math.CALLS["n"]
        assert_causal(model, hp, getattr(rt, "segments", None))  # DOC_MASK (the frontier record): varlen FA
        assert _flash_math.CALLS["n"] > before, "the model did not go through the flash stand-in"


def test_benchmark_model_is_causal_through_flash_attention(tiny_data):
    bench_train_step = load_script("bench_train_step")
    tg = load_record_module(ROOT / "train_gpt.py")
    with flash_standins():
        hp = tg.Hyperparameters.from_env({**tiny_data["env"], "ATTENTION": "fa3"})
        rt = tg.compute_init(hp)
        model = bench_train_step.build(tg, hp, rt)
        with torch.no_grad():
            for p in model.parameters():
                p.add_(0.05 * torch.randn_like(p))
        assert rt.attention == "fa3"
        assert_causal(model.eval(), hp)


# --- dtypes under CUDA bf16 autocast (fake CUDA tensors) ---------------------------------------------------

# What the hot path computes in fp32 under CUDA bf16 autocast, and why (the ops whose outputs are (B, T, ...)
# activations in fp32). Everything else, every F.linear and the attention's q, k, v, is bf16.
FP32_BY_DESIGN = {
    "embedding": "the fp32 master tables' rows, cast to bf16 at once (train_gpt.embed)",
    "rms_norm": "on autocast's fp32 list since torch 2.12; cast back to its input's dtype (train_gpt.rms_norm)",
    "normalize": "XSA's unit value vectors (norm is on autocast's fp32 list), as in the 04-27 record",
    "mul": "XSA's products with the fp32 unit values",
    "sub": "XSA's projection removal (fp32 operands)",
    "sum": "XSA's dot products with the fp32 unit values",
    "unsqueeze": "XSA's unit values, broadcast over the query-head group",
    "view": "XSA's fp32 output",
    "reshape": "XSA's output before the out-projection (cast to bf16 there)",
    "float": "the loss: logits go to fp32 for the cross entropy",
    "cross_entropy": "the loss in fp32 (autocast's fp32 list)",
}


class DtypeRecorder(TorchFunctionMode):
    """Records (op, output dtype) for every activation-shaped output ((B, T, ...)) outside attention."""

    def __init__(self, batch: int, seq: int):
        super().__init__()
        self.bt, self.ops, self.attention_calls, self.inside = (batch, seq), Counter(), [], False

    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if (not self.inside and isinstance(out, torch.Tensor) and out.is_floating_point()
                and tuple(out.shape[:2]) == self.bt):
            self.ops[(getattr(func, "__name__", str(func)), out.dtype)] += 1
        return out

    def wrap(self, attention):
        def recorded(q, k, v, ctx=None):
            self.attention_calls.append((q.dtype, k.dtype, v.dtype, q.device.type))
            self.inside = True
            try:
                return attention(q, k, v, ctx)
            finally:
                self.inside = False
        return recorded


@pytest.mark.parametrize("kind", ["fa3", "sdpa"])
def test_cuda_autocast_dtype_flow(flagship, tiny_data, kind):
    """q, k, v reach the attention as bf16 under CUDA autocast; fp32 only where FP32_BY_DESIGN says why."""
    hp = flagship.Hyperparameters.from_env(tiny_data["env"])
    B, T = 2, hp.train.train_seq_len
    with flash_standins(strict=True):  # the attention first: the builder takes it (the stand-ins read
        name, attention = flagship.select_attention(kind, torch.device("cuda"))  # strictness when called)
    rec = DtypeRecorder(B, T)
    model = flagship.build_model(hp, rec.wrap(attention))
    with flash_standins(strict=True), fake_cuda() as autocast:
        assert name == kind
        model.to_empty(device="cuda")  # fake CUDA parameters (values are gone: shapes and dtypes are the point)
        stream = []  # the residual stream (x, x0) into each block and x out of it
        for block in model.blocks:
            block.register_forward_pre_hook(lambda _, args: stream.extend(t.dtype for t in args[:2]))
            block.register_forward_hook(lambda _, args, out: stream.append(out.dtype))
        ids = torch.randint(0, hp.model.vocab_size, (B, T), device="cuda")
        with autocast, rec:
            loss = model(ids, ids)
    # bf16 between blocks, as in the public scripts (so its gradients are bf16 too: a gradient has its tensor's
    # dtype); before the lookups were cast, the fp32 tables made it fp32 through every block.
    assert stream == [torch.bfloat16] * 3 * hp.model.num_layers, stream
    assert loss.dtype == torch.float32
    assert len(rec.attention_calls) == hp.model.num_layers
    assert all(c == (torch.bfloat16, torch.bfloat16, torch.bfloat16, "cuda") for c in rec.attention_calls), \
        rec.attention_calls
    assert rec.ops[("linear", torch.bfloat16)] > 0 and rec.ops[("linear", torch.float32)] == 0
    fp32 = {op for (op, dtype) in rec.ops if dtype == torch.float32}
    assert fp32 <= set(FP32_BY_DESIGN), f"new fp32 activations in the hot path: {fp32 - set(FP32_BY_DESIGN)}"
    assert "pow" not in fp32 and "square" not in fp32  # the MLP's square stays bf16 (h * h)
