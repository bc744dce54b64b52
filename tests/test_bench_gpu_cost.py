"""scripts/bench_gpu_cost.py, the CPU count of a training step's GPU cost: its pieces on tiny models (CI has no
public scripts: the 04-27 patch is checked on a stand-in text, the kernels' stand-ins against the eager math)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import torch
import torch.nn.functional as F

from tests.rehearsal import HANG_S, ROOT, failure_text, load_script

PUBLIC_0427_LIKE = '''import torch
import torch.nn.functional as F
from flash_attn_interface import (
    flash_attn_func as flash_attn_3_func,
    flash_attn_varlen_func,
)
'''


@pytest.fixture(scope="module")
def bench():
    return load_script("bench_gpu_cost")


def tiny_ours(flagship, bench, preset="record_0323"):
    return bench.build_ours(flagship, preset, {**bench.TINY_ENV[preset], "_SEQ": bench.TINY_SEQ})


def test_0427_patch_stands_sdpa_in_for_fa3(bench, flagship):
    gc = load_script("gpu_check")
    text, done = gc.patch_public(PUBLIC_0427_LIKE, bench.PATCHES_0427)
    scope = {}
    exec(compile(text, "patched", "exec"), scope)
    assert len(done) == 1 and "flash_attn_interface" not in text
    q, k, v = torch.randn(1, 16, 4, 8), torch.randn(1, 16, 2, 8), torch.randn(1, 16, 2, 8)
    torch.testing.assert_close(scope["flash_attn_3_func"](q, k, v, causal=True), flagship.sdpa_attention(q, k, v))
    with pytest.raises(NotImplementedError):
        scope["flash_attn_varlen_func"](q, k, v)


def test_fused_mlp_stand_in_is_leaky_relu_square_and_its_backward(bench):
    bench._define_ops()
    x, w1, w2 = torch.randn(37, 16), torch.randn(24, 16), torch.randn(16, 24)
    pre, post = bench.linear_leaky_relu_square(x, w1)
    torch.testing.assert_close(post, F.leaky_relu(x @ w1.T, 0.5).square())
    torch.testing.assert_close(pre, x @ w1.T)
    xr = x.clone().requires_grad_()
    out = F.linear(F.leaky_relu(F.linear(xr, w1), 0.5).square(), w2)
    g = torch.randn_like(out)
    out.backward(g)
    dpre = bench.linear_leaky_relu_square(g, w2.T.contiguous(), aux=pre)  # as the record's backward calls it
    torch.testing.assert_close(dpre @ w1, xr.grad)


def test_fused_ce_stand_in_is_softcapped_cross_entropy_and_its_gradient(bench):
    softcap, n, vocab = 30.0, 13, 50
    logits, targets = 20 * torch.randn(n, vocab), torch.randint(0, vocab, (n,))
    losses, lse = torch.empty(n), torch.empty(n)
    bench._ce_fwd(logits, losses, lse, targets, 0, 0, n, vocab, softcap)
    lr = logits.clone().requires_grad_()
    ref = F.cross_entropy(softcap * torch.tanh(lr / softcap), targets, reduction="none")
    torch.testing.assert_close(losses, ref, rtol=1e-5, atol=1e-4)
    g = torch.rand(n)
    ref.backward(g)
    grad = torch.empty_like(logits)
    bench._ce_bwd(grad, g, lse, logits, targets, 0, 0, 0, 0, n, vocab, softcap)
    torch.testing.assert_close(grad, lr.grad, rtol=1e-4, atol=1e-6)


def test_our_kernels_stand_ins_are_the_eager_math_within_their_scope_only(bench, flagship):
    """Ours is counted with its fused ops on, as the 04-27 record is: train_gpt.py's pgolf custom ops (their
    fakes and autograd) with the eager math as their CPU kernel, registered for the measurement alone."""
    from torch._library.custom_ops import OPDEFS

    torch.manual_seed(0)
    x, w_up, w_down = torch.randn(2, 37, 16), torch.randn(24, 16), torch.randn(16, 24)
    logits, targets = 20 * torch.randn(13, 50), torch.randint(0, 50, (13,))
    with bench.ours_kernels_on_cpu(flagship) as (mlp, ce):
        for fused, eager, args in ((mlp, flagship.leaky_relu_sq_mlp, (x, w_up, w_down)),
                                   (ce, flagship.softcapped_cross_entropy, (logits, targets, 30.0))):
            got, want = ([a.clone().requires_grad_(a.is_floating_point()) if torch.is_tensor(a) else a
                          for a in args] for _ in range(2))
            out, ref = fused(*got), eager(*want)
            torch.testing.assert_close(out, ref, rtol=1e-4, atol=1e-4)
            out.sum().backward()
            ref.sum().backward()
            for g, w in zip(got, want):
                if torch.is_tensor(g) and g.requires_grad:
                    torch.testing.assert_close(g.grad, w.grad, rtol=1e-4, atol=1e-4)
        assert not {"cpu"} & OPDEFS["pgolf::leaky_mlp"]._disabled_kernel
    assert all("cpu" in OPDEFS[f"pgolf::{n}"]._disabled_kernel for n in bench.OURS_STAND_INS)  # Triton again


def test_our_fused_ops_count_the_flops_of_the_eager_math(bench, flagship):
    model, vocab = bench.build_ours(flagship, "frontier_0427", {**bench.TINY_ENV["frontier_0427"],
                                                                "_SEQ": bench.TINY_SEQ})
    x, y = bench.batch(vocab, bench.TINY_SEQ)
    eager = bench.count_flops(model, x, y)
    with bench.ours_kernels_on_cpu(flagship) as kernels:
        model.set_kernels(*kernels)
        fused = bench.count_flops(model, x, y)
    assert fused["by_op_gflop"]["pgolf.leaky_mlp"] > 0 and fused["by_op_gflop"]["pgolf.leaky_mlp_dpre"] > 0
    assert fused["total_gflop"] == pytest.approx(eager["total_gflop"], rel=1e-12)


def test_public_frontier_is_built_as_its_record_ran():
    """The 04-27 record's run command turns on the sparse attention gate and SmearGate (its defaults leave them
    off, which dropped 13 MFLOP per sequence from the public side at the frontier)."""
    bench = load_script("bench_gpu_cost")
    env = bench.PUBLIC_ENV["frontier_0427"]
    assert env["SPARSE_ATTN_GATE_ENABLED"] == env["SMEAR_GATE_ENABLED"] == "1" and env["GATE_WINDOW"] == "12"
    assert bench.OURS_ENV["frontier_0427"] == {"DOC_MASK": "0"}  # one document: causal, no (T, T) mask


def test_residual_stream_is_saved_in_bf16(bench, flagship):
    """Issue 25: ours cast its fp32 tables to bf16 at the lookup, so under bf16 autocast the residual stream
    saved for backward is bf16 (with fp32 tables, fp32 was 21% of the bytes at this size; now ~3%)."""
    model, vocab = tiny_ours(flagship, bench)
    x, y = bench.batch(vocab, bench.TINY_SEQ)
    saved = bench.saved_bytes(model, x, y)
    assert saved["dynamo"]["graphs"] >= 1 and saved["dynamo"]["graph_breaks"] == 0
    assert saved["by_dtype_mib"]["float32"] < 0.1 * saved["total_mib"], saved["by_dtype_mib"]


def test_tied_table_bf16_copy_is_recast_in_backward_not_saved(bench, flagship, monkeypatch):
    """The tied head runs under selective checkpointing that saves its matmul alone: autocast's bf16 copy of
    the fp32 table (1 MiB at vocab 1024, 8 at 8192) is recomputed in backward (the public tables are bf16)."""
    model, vocab = tiny_ours(flagship, bench)
    x, y = bench.batch(vocab, bench.TINY_SEQ)
    with_sac = bench.saved_bytes(model, x, y)
    monkeypatch.setattr(torch.utils.checkpoint, "checkpoint", lambda fn, *args, **kwargs: fn(*args))
    without = bench.saved_bytes(model, x, y)
    table_bf16 = model.tok_emb.weight.numel() * 2 / bench.MIB
    assert without["total_mib"] - with_sac["total_mib"] == pytest.approx(table_bf16), (with_sac, without)


class LazyCacheLM(torch.nn.Module):
    """A tiny LM with a cache filled on its first forward, as the public scripts' Rotary fills its cos/sin."""

    def __init__(self, vocab=32, dim=16):
        super().__init__()
        self.emb = torch.nn.Embedding(vocab, dim)
        self.up = torch.nn.Linear(dim, 4 * dim)
        self.down = torch.nn.Linear(4 * dim, dim)
        self.head = torch.nn.Linear(dim, vocab)
        self._scale_cached = None

    def forward(self, x, y):
        if self._scale_cached is None or self._scale_cached.shape[0] != x.shape[1]:
            self._scale_cached = torch.linspace(0.5, 1.5, x.shape[1])[:, None]
        h = self.emb(x) * self._scale_cached
        h = h + self.down(torch.relu(self.up(h)).square())
        return F.cross_entropy(self.head(h).flatten(0, 1).float(), y.flatten())


def test_flop_count_leaves_no_fake_state_for_the_saved_count(bench):
    """The FLOP count runs the model under FakeTensorMode; a lazily filled cache must not keep its fake tensors
    (the public 03-23 model's saved bytes came out 63.9 MiB instead of ~480: its Rotary cache was fake)."""
    torch.manual_seed(0)
    x, y = bench.batch(32, 24)
    fresh = bench.saved_bytes(LazyCacheLM(), x, y)
    model = LazyCacheLM()
    bench.count_flops(model, x, y)
    after = bench.saved_bytes(model, x, y)
    assert (after["tensors"], after["total_mib"]) == (fresh["tensors"], fresh["total_mib"])
    assert fresh["tensors"] >= 5 and bench.fake_tensors_in(model) == []


def test_saved_count_refuses_a_model_holding_fake_tensors(bench):
    from torch._subclasses.fake_tensor import FakeTensorMode

    model = LazyCacheLM()
    x, y = bench.batch(32, 24)
    with FakeTensorMode() as mode:
        model._scale_cached = mode.from_tensor(torch.ones(24, 1))
    assert bench.fake_tensors_in(model) == ["<model>._scale_cached"]
    got = bench.measure(model, 32, 24, ["saved"], {}, lambda: None)
    assert "FakeTensors before saved" in got["saved"]["error"]


def test_flops_count_matmuls_of_forward_and_backward(bench, flagship):
    model, vocab = tiny_ours(flagship, bench)
    x, y = bench.batch(vocab, bench.TINY_SEQ)
    flops = bench.count_flops(model, x, y)
    # 6 * matmul params * tokens is the bulk (attention adds more): a lower bound the count must clear
    matmul = sum(b.numel() for b in model.banks()) + model.tok_emb.weight.numel()
    assert flops["total_gflop"] * 1e9 >= 6 * matmul * bench.TINY_SEQ
    assert flops["by_op_gflop"]["mm"] > 0


def test_code_path_counts_syncs_and_collectives_reached_from_the_step():
    source = '''
import torch.distributed as dist
def helper(ps):
    for p in ps:
        dist.all_reduce(p)
def unused(t):
    return t.item()
def train(ps, loss):
    setup = loss.item()
    while True:
        helper(ps)
        print(loss.item())
'''
    bench = load_script("bench_gpu_cost")
    got = bench.code_path_counts(source, [("train", True)])
    assert got["host_sync_sites"] == 1 and got["collective_sites"] == 1 and got["collective_sites_in_loops"] == 1
    assert got["collectives"][0]["function"] == "helper" and got["roots_missing"] == []


def bench_ops():
    return load_script("bench_gpu_cost").OURS_OPS


def test_tiny_cli_run_writes_every_count_for_ours(tmp_path):
    """The CLI end to end on the tiny frontier model, both loop settings, without the inductor stage: inductor's
    lowering was ~2/3 of this run (2026-12-06, CPU user s: loop_off 15, loop_on 26-37 of ~60). The stage's code is
    one function whatever the loop: the next test runs it once, loop off, through the same measure()."""
    out = tmp_path / "gpu_cost.json"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_gpu_cost.py"), "--tiny",
                           "--presets", "frontier_0427", "--stages", "flops,saved,code", "--out", str(out)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=HANG_S)
    assert proc.returncode == 0, failure_text(proc)
    report = json.loads(out.read_text())
    assert report["machine"]["cores"] > 0 and report["torch"] and report["command"] and report["date"]
    row = report["presets"]["frontier_0427"]
    assert row["public"] == {"skipped": "--tiny (no public scripts in CI)"}
    for loop in ("loop_off", "loop_on"):
        counts = row["ours"][loop]
        assert not [s for s in ("flops", "saved") if "error" in counts[s]], counts
        assert "inductor" not in counts, counts  # --stages is obeyed
        assert counts["flops"]["total_gflop"] > 0 and counts["saved"]["total_mib"] > 0
    # the loop visits layers 1..2 three times: more FLOPs and more bytes saved
    assert row["ours"]["loop_on"]["flops"]["total_gflop"] > row["ours"]["loop_off"]["flops"]["total_gflop"]
    assert row["ours"]["loop_on"]["saved"]["total_mib"] > row["ours"]["loop_off"]["saved"]["total_mib"]
    assert row["ours"]["opaque_ops"] == [f"pgolf::{n}" for n in bench_ops()], row["ours"]
    path = row["ours"]["code_path"]
    assert path["host_sync_sites"] > 0 and path["collective_sites"] > 0 and path["roots_missing"] == []


def test_inductor_stage_counts_the_tiny_frontier_model_with_our_kernels(bench, flagship):
    """The CLI's inductor stage (measure(..., ["inductor"], ...)) as main() runs it for ours at the frontier
    preset: the fused ops on, the loop off (the CLI's loop_off row), inductor's byte and kernel counts filled."""
    env = {**bench.OURS_ENV["frontier_0427"], **bench.TINY_ENV["frontier_0427"], "_SEQ": bench.TINY_SEQ}
    model, vocab = bench.build_ours(flagship, "frontier_0427", env)
    assert bench.ours_fused(flagship, "frontier_0427", env) == (True, True)
    bench.set_loop(model, False)
    counts = {}
    with bench.ours_kernels_on_cpu(flagship) as kernels:
        model.set_kernels(*kernels)
        bench.measure(model, vocab, bench.TINY_SEQ, ["inductor"], counts, lambda: None)
    assert set(counts) == {"inductor"} and "error" not in counts["inductor"], counts
    assert counts["inductor"]["bytes_per_seq"] > 0 and counts["inductor"]["generated_kernels"] > 0
