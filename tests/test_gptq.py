"""The flagship's GPTQ (GPTQ_CALIB_SEQS > 0): Hessians from the banks' real inputs, rounding that lowers the
layer-output error on the same grid, and the end-to-end run that pays for calibration out of the training cap.
CPU, tiny shapes."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import torch

from tests.rehearsal import HANG_S, run_python

ROOT = Path(__file__).resolve().parents[1]


def correlated_problem(B=3, R=32, C=64, seed=0):
    """Bank weights W (B, R, C), inputs X (B, N, C) with correlated channels (where GPTQ helps), H = X^T X."""
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(B, 2048, C, generator=g) @ (torch.eye(C) + 0.5 * torch.randn(B, C, C, generator=g))
    return torch.randn(B, R, C, generator=g) * 0.3, X, X.mT @ X


def output_error(W, X, q, s) -> float:
    """||X (W - q s)^T||^2: what the layer's output loses to the rounding."""
    return float((X @ (W - q.float() * s.float()[..., None]).mT).square().sum())


@pytest.mark.parametrize("clip", [31, 15])
def test_gptq_lowers_the_output_error_on_the_same_grid(flagship, clip):
    W, X, H = correlated_problem()
    B, R, C = W.shape
    _, s = flagship.quantize_rows(W.reshape(-1, C), clip)
    s = s.view(B, R)
    rtn = (W / s.float()[..., None]).round().clamp(-clip, clip)  # round to nearest on the same row steps
    q = flagship.gptq_bank(W, H, s, clip)
    assert q.dtype == torch.int8 and q.shape == W.shape and int(q.abs().max()) <= clip
    assert output_error(W, X, q, s) < 0.7 * output_error(W, X, rtn, s)
    for b in range(B):  # each matrix on its own gives the same integers: the batching is only a speed-up
        assert torch.equal(flagship.gptq_bank(W[b : b + 1], H[b : b + 1], s[b : b + 1], clip), q[b : b + 1])


def test_gptq_ignores_inputs_that_never_fire(flagship):
    W, X, _ = correlated_problem(B=1)
    X[..., 5] = 0  # a dead input channel: its column of H is zero
    H = X.mT @ X
    _, s = flagship.quantize_rows(W[0], 31)
    q = flagship.gptq_bank(W, H, s[None], 31)
    assert torch.all(q[0, :, 5] == 0)  # no bytes spent on a weight that never sees a non-zero input
    assert torch.isfinite(q.float()).all()


def test_hessians_come_from_the_bank_slices_real_inputs(flagship, tiny_data):
    hp = flagship.Hyperparameters.from_env({**tiny_data["env"], "GPTQ_CALIB_SEQS": "6"})
    torch.manual_seed(0)
    model = flagship.build_model(hp)
    with torch.no_grad():
        for bank in model.banks():  # output projections start at zero; give every slice a signal
            bank.add_(0.02 * torch.randn_like(bank))
    rt = flagship.Runtime(device=torch.device("cpu"))
    H = flagship.collect_hessians(model, hp, rt)
    L, C = hp.model.num_layers, hp.model.model_dim
    assert {k: tuple(v.shape) for k, v in H.items()} == {
        "qo_bank": (2 * L, C, C), "kv_bank": (2 * L, C, C), "mlp_up_bank": (L, C, C),
        "mlp_down_bank": (L, hp.model.mlp_hidden, hp.model.mlp_hidden), "tok_emb.weight": (1, C, C)}
    for h in H.values():
        assert torch.allclose(h, h.mT) and torch.linalg.eigvalsh(h.double()).min() > -1e-6
        assert (h.diagonal(dim1=-2, dim2=-1).sum(-1) > 0).all()  # every slice saw its input
    for i in range(L):  # q, k and v of a layer read the same normalized input; o reads the attention output
        torch.testing.assert_close(H["qo_bank"][i], H["kv_bank"][i], rtol=0, atol=0)
        torch.testing.assert_close(H["kv_bank"][L + i], H["kv_bank"][i], rtol=0, atol=0)
        assert not torch.allclose(H["qo_bank"][L + i], H["qo_bank"][i])
    # split over two ranks (each its contiguous share of the sequences), the sums add up to one process's
    halves = [flagship.collect_hessians(model, hp, flagship.Runtime(device=torch.device("cpu"), rank=r, world_size=2))
              for r in (0, 1)]
    for name in H:
        torch.testing.assert_close(halves[0][name] + halves[1][name], H[name], rtol=1e-5, atol=1e-4)
    assert torch.nn.functional.linear(torch.ones(1, 2), torch.ones(3, 2)).shape == (1, 3)  # the mode is gone


def test_gptq_export_keeps_the_clip_search_grid(flagship, tiny_data, tmp_path):
    hp = flagship.Hyperparameters.from_env({**tiny_data["env"], "GPTQ_CALIB_SEQS": "4"})
    torch.manual_seed(1)
    model = flagship.build_model(hp)
    with torch.no_grad():
        for bank in model.banks():
            bank.add_(0.05 * torch.randn_like(bank))
    sd = model.state_dict()
    H = flagship.collect_hessians(model, hp, flagship.Runtime(device=torch.device("cpu")))
    rtn = {e[0]: e for e in flagship.quantize_state_dict(sd)}
    gptq = {e[0]: e for e in flagship.quantize_state_dict(sd, H)}
    changed = 0
    for name, (_, scheme, shape, arrays) in gptq.items():
        want = rtn[name][3]
        assert (scheme, shape) == rtn[name][1:3]
        assert (arrays[-1] == want[-1]).all()  # same scales (or the same fp16 tensor)
        changed += int((arrays[0] != want[0]).any()) if name.endswith("_bank") else 0
    assert changed == 4  # every bank's rounding moved
    flagship.write_artifact(tmp_path / "g.ptz", sd, "ctx", H)
    back = flagship.load_artifact(tmp_path / "g.ptz")
    q, s = gptq["mlp_up_bank"][3]
    torch.testing.assert_close(back["mlp_up_bank"].reshape(-1, q.shape[-1]),
                               torch.from_numpy(q).float() * torch.from_numpy(s).float()[:, None], rtol=0, atol=0)


def test_int5_share_moves_the_least_sensitive_matrices(flagship):
    g = torch.Generator().manual_seed(5)
    banks = {"a_bank": torch.randn(2, 8, 16, generator=g) * 0.3, "b_bank": torch.randn(3, 8, 16, generator=g) * 0.3}
    X = torch.randn(256, 16, generator=g)
    H = X.T @ X
    # the same inputs, but b's outputs matter 10^4 times less except b[1]'s: the cheapest moves are b[0] and b[2]
    hessians = {"a_bank": H.expand(2, 16, 16).clone(), "b_bank": torch.stack([H * 1e-4, H * 10, H * 1e-4])}
    out = flagship.quantize_banks(banks, hessians, int5_share=0.45)  # 2 of 5 equal-size matrices fit 45%
    int5 = {(n, i) for n, (q, _) in out.items() for i in range(q.shape[0]) if int(q[i].abs().max()) <= 15}
    assert int5 == {("b_bank", 0), ("b_bank", 2)}
    for n, i in int5:  # moved whole: GPTQ integers on the clip-15 grid
        _, s15 = flagship.quantize_rows(banks[n][i], 15)
        assert torch.equal(out[n][1][i], s15)
    assert flagship.quantize_banks(banks, hessians, 0.0)["b_bank"][0].abs().max() > 15  # share 0: all int6
    with pytest.raises(ValueError, match="INT5_SHARE"):
        flagship.Hyperparameters.from_env({"INT5_SHARE": "0.5"})  # int5 choice needs the GPTQ Hessians


def test_gptq_run_pays_for_calibration_out_of_the_training_cap(tmp_path, tiny_data):
    """`python train_gpt.py` with GPTQ on and the default ctx codec stops training early enough to calibrate. (The
    judge's re-score of a GPTQ + int5 artifact: test_rehearsal_runs.py's gptq_int5_ttt_sgd_fa3_lzma run; of the
    ctx codec: its default run. Until 2026-12-05 this run was judged too, on 2048 val tokens.)"""
    shutil.copy2(ROOT / "train_gpt.py", tmp_path / "train_gpt.py")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(tiny_data["env"], ITERATIONS="100000", MAX_WALLCLOCK_SECONDS="8", GPTQ_RESERVE_SECONDS="3",
               GPTQ_CALIB_SEQS="8", INT5_SHARE="0.5", TRAIN_LOG_EVERY="1", RUN_ID="g", VAL_TOKENS_LIMIT="257")
    out = run_python(env, tmp_path, ["train_gpt.py"], timeout=HANG_S)  # forked from the shared server
    assert out.returncode == 0, out.stderr[-3000:]
    log = out.stdout
    assert "train_cap:5.0s" in log and "codec:ctx quantizer:gptq int5_share:0.5" in log
    # Stopped at the reduced cap, not at MAX_WALLCLOCK_SECONDS: the stop step is the first whose clock reached 5 s.
    # Read from every step's logged clock, not from a window on the stop time (the earlier `5000 <= train_ms <
    # 8000` depended on step speed: one step slowed by a busy machine can end past 8 s).
    times = [int(t) for t in re.findall(r"^step:\d+/\d+ train_loss:\S+ train_time:(\d+)ms", log, re.M)]
    stop_ms = int(re.search(r"stopping_early: wallclock_cap train_time:(\d+)ms", log).group(1))
    assert len(times) >= 2 and times[-1] == stop_ms, log[-2000:]
    assert times[-2] < 5000 <= stop_ms, times[-5:]
    assert re.search(r"gptq_calibration seqs:8 tokens:256 time:[\d.]+s", log)
    assert re.search(r"gptq_time_upper_bound:[\d.]+s reserve:3.0s within_reserve:(true|false)", log)
    assert re.search(r"final_int6_sliding_window_exact val_loss:\S+ val_bpb:\S+", log), log[-2000:]


def test_gptq_survives_an_indefinite_hessian(flagship):
    # rounding errors can leave H (nearly) singular beyond what the 1% dampening covers: the export must not fail
    W = torch.randn(1, 8, 16, generator=torch.Generator().manual_seed(3))
    v = torch.randn(16, 1, generator=torch.Generator().manual_seed(4))
    H = (v @ v.T - 0.5 * torch.eye(16))[None]  # indefinite: negative eigenvalues far beyond 1% of the diagonal
    H.diagonal(dim1=-2, dim2=-1).abs_()
    _, s = flagship.quantize_rows(W[0], 31)
    q = flagship.gptq_bank(W, H, s[None], 31)
    assert q.dtype == torch.int8 and int(q.abs().max()) <= 31


@pytest.mark.parametrize("loops", ["0", "1"])
def test_every_bank_slice_and_the_head_go_through_the_named_site(flagship, loops):
    """GPT.project, where calibration and DocLoRA hook: each (site, layer) multiplies by the slice GPT.SITES
    names; every slice and the tied head are seen, a looped layer once per visit."""
    hp = flagship.Hyperparameters.from_env({"NUM_LAYERS": "3", "MODEL_DIM": "32", "NUM_HEADS": "4",
                                            "NUM_KV_HEADS": "2", "ROPE_DIMS": "4", "VE_LAYERS": "1",
                                            "XSA_LAST_N": "1", "LOOP_START": "1", "LOOP_END": "1",
                                            "NUM_LOOPS": loops})
    torch.manual_seed(0)
    model, L = flagship.build_model(hp).eval(), hp.model.num_layers
    banks = {name: bank for name, bank in model.named_parameters() if name.endswith("_bank")}
    weights = {(model.SITES[name][s // L], s % L): bank[s]
               for name, bank in banks.items() for s in range(len(bank))}
    weights["head", 0] = model.tok_emb.weight
    seen = []

    def hook(site, layer, x, out):
        assert torch.equal(out, torch.nn.functional.linear(x, weights[site, layer])), (site, layer)
        seen.append((site, layer))
        return out

    model.hook = hook
    with torch.no_grad():
        model.forward_logits(torch.randint(0, hp.model.vocab_size, (2, 16)))
    model.hook = None
    assert set(seen) == set(weights)
    assert seen.count(("q", 1)) == 1 + int(loops) and seen.count(("q", 0)) == 1
