"""The flagship's KERNELS (FUSED_MLP, FUSED_CE): the fused Triton MLP and softcapped cross-entropy against the
eager math, run on CPU in Triton's interpreter. TRITON_INTERPRET=1 must be set before triton is imported and
would change every later import of triton in this process, so every check that runs a kernel runs in a
subprocess with it set there alone; the checks here in-process never import triton.
"""

from __future__ import annotations

import os
import textwrap

import pytest
import torch

from tests.conftest import TINY_ENV
from tests import rehearsal
from tests.rehearsal import HANG_S, ROOT


def run_python(code: str, interpret: bool = True) -> str:
    """`code` in a fresh interpreter with the flagship loaded as `fs` (as eval/ loads it); its stdout."""
    prelude = textwrap.dedent(f"""
        import sys, torch
        sys.path.insert(0, {str(ROOT)!r})
        from eval.loader import load_record_module
        """)
    env = {k: v for k, v in os.environ.items() if k != "TRITON_INTERPRET"}
    if interpret:
        env["TRITON_INTERPRET"] = "1"
    # a child of the shared fork server (torch loaded, triton not): the same as a new interpreter here
    proc = rehearsal.run_python(env, ROOT, ["-c", prelude + textwrap.dedent(code)], timeout=HANG_S)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
    return proc.stdout


def test_flagship_loads_without_importing_triton_and_runs_without_it():
    env = {**TINY_ENV, "FUSED_MLP": "auto", "FUSED_CE": "auto"}
    run_python("""
        fs = load_record_module(__import__("pathlib").Path("train_gpt.py"))
        assert "triton" not in sys.modules, "loading train_gpt.py imported triton"
        sys.modules["triton"] = None  # from here on, triton is not installed
        env = TINY_ENV
        hp = fs.Hyperparameters.from_env(env)
        assert (hp.run.fused_mlp, hp.run.fused_ce) == ("auto", "auto")
        assert fs.select_kernels(hp.run, torch.device("cpu")) == (None, None)
        for name in ("FUSED_MLP", "FUSED_CE"):
            try:
                fs.select_kernels(fs.Hyperparameters.from_env({**env, name: "1"}).run, torch.device("cpu"))
            except ValueError as e:
                assert f"{name}=1 needs triton (installed: False)" in str(e), e
            else:
                raise AssertionError(f"{name}=1 without triton was not refused")
        model = fs.build_model(hp)
        ids = torch.randint(0, hp.model.vocab_size, (2, hp.train.train_seq_len))
        model(ids, ids).backward()
        """.replace("TINY_ENV", repr(env)), interpret=False)


def test_fused_settings_values_preset_and_refusal_on_cpu(flagship, monkeypatch):
    monkeypatch.delenv("TRITON_INTERPRET", raising=False)
    hp = flagship.Hyperparameters.from_env({})
    assert (hp.run.fused_mlp, hp.run.fused_ce) == ("0", "0")  # record_0323: the eager math, as its public script
    frontier = flagship.Hyperparameters.from_env({"PRESET": "frontier_0427"})
    assert (frontier.run.fused_mlp, frontier.run.fused_ce) == ("auto", "auto")
    assert flagship.select_kernels(frontier.run, torch.device("cpu")) == (None, None)  # auto: CUDA only
    with pytest.raises(ValueError, match="FUSED_MLP='yes'"):
        flagship.Hyperparameters.from_env({"FUSED_MLP": "yes"})
    with pytest.raises(ValueError, match=r"FUSED_CE=1 needs .*TRITON_INTERPRET=1"):
        flagship.select_kernels(flagship.Hyperparameters.from_env({"FUSED_CE": "1"}).run, torch.device("cpu"))


def test_kernels_are_bound_in_training_mode_and_only_for_the_training_loop(flagship, tiny_data):
    """Runtime.kernels reach the MLP and the loss in training mode during train(); eval mode (GPTQ's and LoRA
    TTT's F.linear readers, the eval forward) and everything after train() (TTT's SGD) run the eager math."""
    calls = {"mlp": 0, "ce": 0}

    def mlp(x, w_up, w_down):
        calls["mlp"] += 1
        return flagship.leaky_relu_sq_mlp(x, w_up, w_down)

    def ce(logits, targets, softcap, reduction="mean"):
        calls["ce"] += 1
        return flagship.softcapped_cross_entropy(logits, targets, softcap, reduction)

    hp = flagship.Hyperparameters.from_env({**tiny_data["env"], "ITERATIONS": "2", "WARMUP_STEPS": "0"})
    torch.manual_seed(0)
    model = flagship.build_model(hp)
    assert all(b.mlp_core.func is flagship.leaky_relu_sq_mlp for b in model.blocks)  # on the named sites
    rt = flagship.Runtime(device=torch.device("cpu"), kernels=(mlp, ce))
    seen_in_eval = []

    def evaluate():  # as main()'s evaluate_plain: in eval mode
        before = dict(calls)
        ids = torch.randint(0, hp.model.vocab_size, (1, hp.train.train_seq_len))
        model.eval()
        with torch.no_grad():
            model.forward_logits(ids)
            model(ids, ids)
        model.train()
        seen_in_eval.append(calls != before)
        return 0.0, 0.0

    flagship.train(hp, rt, model, model, evaluate, lambda line: None)
    assert calls["mlp"] == 2 * 8 * hp.model.num_layers and calls["ce"] == 2 * 8, calls  # 2 steps x 8 micro-steps
    assert seen_in_eval == [False], "the eval forward used the training kernels"
    model.train()  # TTT's SGD steps after training: the eager math, as the judge's
    assert all(b.mlp_core.func is flagship.leaky_relu_sq_mlp for b in model.blocks)  # on the named sites
    assert model.cross_entropy is flagship.softcapped_cross_entropy


def test_kernels_match_the_eager_math_values_and_gradients():
    """fp32 to ~1e-5 and bf16 at bf16's tolerance (against fp64 math on the same bf16 inputs, as eager bf16 is),
    shapes that are no multiple of the interpreter's tiles (16 x 32 x 16; CE blocks of 128): masked tails in
    rows, columns, K and the vocabulary; 3-D MLP inputs; the CE's lse; bf16 casts under autocast."""
    out = run_python("""
        fs = load_record_module(__import__("pathlib").Path("train_gpt.py"))
        fused_mlp, fused_ce = fs.fused_kernels()
        torch.manual_seed(0)

        def rel(a, b):
            return ((a.double() - b.double()).abs().max() / b.double().abs().max()).item()

        def grads(fn, inputs, dy):
            leaves = [t.detach().clone().requires_grad_(t.is_floating_point()) for t in inputs]
            y = fn(*leaves)
            y.backward(dy)
            return [y.detach()] + [t.grad for t in leaves if t.requires_grad]

        tol = {torch.float32: 1e-5, torch.bfloat16: 2e-2}
        for dtype in (torch.float32, torch.bfloat16):
            for shape, (K, N) in (((37,), (24, 50)), ((16,), (16, 32)), ((1,), (20, 33)), ((2, 19), (40, 70))):
                x = torch.randn(*shape, K).to(dtype)
                w_up = (torch.randn(N, K) / K ** 0.5).to(dtype)
                w_down = (torch.randn(K, N) / N ** 0.5).to(dtype)
                dy = torch.randn(*shape, K).to(dtype)
                got = grads(fused_mlp, (x, w_up, w_down), dy)
                ref = grads(fs.leaky_relu_sq_mlp, [t.double() for t in (x, w_up, w_down)], dy.double())
                for name, a, b in zip(("out", "dx", "dw_up", "dw_down"), got, ref):
                    assert a.dtype == dtype and a.shape == b.shape, (name, a.dtype, a.shape)
                    assert rel(a, b) < tol[dtype], (dtype, shape, K, N, name, rel(a, b))
            for rows, V in ((13, 301), (5, 128), (7, 1000), (1, 130)):
                logits = (torch.randn(rows, V) * 40).to(dtype)  # the cap bends them: up to ~4 softcaps
                targets = torch.randint(0, V, (rows,))
                targets[0], targets[-1] = 0, V - 1
                dloss = torch.rand(rows)
                loss_fn = lambda z, t: fused_ce(z, t, 30.0, "none")
                ref_fn = lambda z, t: fs.softcapped_cross_entropy(z, t, 30.0, "none")
                got = grads(loss_fn, (logits, targets), dloss)
                ref = grads(ref_fn, (logits.double(), targets), dloss.double())
                assert got[0].dtype == torch.float32 and got[1].dtype == dtype
                assert rel(got[0], ref[0]) < 1e-5, (dtype, rows, V, "loss", rel(got[0], ref[0]))
                assert rel(got[1], ref[1]) < tol[dtype], (dtype, rows, V, "dlogits", rel(got[1], ref[1]))
                loss, lse = torch.ops.pgolf.softcapped_ce(logits, targets, 30.0)
                z = 30.0 * torch.tanh(logits.double() / 30.0)
                assert rel(lse, torch.logsumexp(z, -1)) < 1e-6
                mean = fused_ce(logits, targets, 30.0)
                assert abs(mean.item() - fs.softcapped_cross_entropy(logits.double(), targets, 30.0).item()) < 1e-4
        # autocast: the fused MLP's inputs cast to bf16, as F.linear's are
        x, w_up, w_down = torch.randn(2, 9, 24), torch.randn(40, 24) / 5, torch.randn(24, 40) / 7
        with torch.autocast("cpu", dtype=torch.bfloat16):
            got, ref = fused_mlp(x, w_up, w_down), fs.leaky_relu_sq_mlp(x, w_up, w_down)
        assert got.dtype == ref.dtype == torch.bfloat16 and rel(got, ref) < 2e-2, rel(got, ref)
        print("ok")
        """)
    assert out.strip().endswith("ok")


def test_compiled_tiny_model_trains_with_the_fused_kernels_in_its_graphs():
    """torch.compile(fullgraph) of the tiny flagship with FUSED_MLP=1 FUSED_CE=1 (aot_eager: AOT autograd's
    forward and backward graphs run as traced): both custom ops and their backward ops are in the graphs,
    and two training steps give the eager model's losses and gradients (fp32)."""
    env = {**TINY_ENV, "FUSED_MLP": "1", "FUSED_CE": "1", "VOCAB_SIZE": "301"}
    out = run_python(f"""
        from functorch.compile import make_boxed_func
        from torch._dynamo.backends.common import aot_autograd

        fs = load_record_module(__import__("pathlib").Path("train_gpt.py"))
        hp = fs.Hyperparameters.from_env({env!r})
        kernels = fs.select_kernels(hp.run, torch.device("cpu"))
        assert kernels == fs.fused_kernels(), kernels
        ops = set()

        def record(gm, example_inputs):
            ops.update(str(n.target) for n in gm.graph.nodes if "pgolf" in str(n.target))
            return make_boxed_func(gm.forward)

        torch.manual_seed(0)
        model = fs.build_model(hp)
        eager = fs.build_model(hp)
        eager.load_state_dict(model.state_dict())
        model.set_kernels(*kernels)
        compiled = torch.compile(model, fullgraph=True, dynamic=False,
                                 backend=aot_autograd(fw_compiler=record, bw_compiler=record))
        for step in range(2):
            ids = torch.randint(0, hp.model.vocab_size, (2, hp.train.train_seq_len))
            y = torch.randint(0, hp.model.vocab_size, (2, hp.train.train_seq_len))
            losses = []
            for m, fn in ((model, compiled), (eager, eager)):
                m.zero_grad(set_to_none=True)
                loss = fn(ids, y)
                loss.backward()
                losses.append(loss.item())
                with torch.no_grad():
                    for p in m.parameters():
                        p -= 0.5 * p.grad
            assert abs(losses[0] - losses[1]) < 1e-5, losses
            for (name, p), q in zip(model.named_parameters(), eager.parameters()):
                assert torch.allclose(p, q, rtol=1e-4, atol=1e-6), name
        want = {{"pgolf.leaky_mlp.default", "pgolf.leaky_mlp_dpre.default", "pgolf.softcapped_ce.default",
                 "pgolf.softcapped_ce_grad.default"}}
        assert ops == want, ops
        print("ok")
        """)
    assert out.strip().endswith("ok")
