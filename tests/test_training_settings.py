"""The settings that change only training math (the orthogonalizer, the lr schedule, the optimizer's extras, the
micro-steps, late QAT, the weights that ship), each trained in-process through the flagship's own train() on the
end-to-end tests' tiny model (a 12-step run), with spies on the optimizer, the forward and the weight averages
showing that the setting reaches its code, and "default" beside them as the control every check is two-sided against.

Why not end to end: main() reads none of these settings (it hands hp to train(), which builds the optimizers and
the weight averages from it), the artifact's header records none of them, and the export, the reload, the evals
and the judge are the default run's code (test_rehearsal_runs.py runs that, with GPTQ, TTT, 2 ranks, compiled,
...). Until 2026-12-05 each of these trained a subprocess and had it judged (~10-20 s each, 10 runs); what those
runs checked beyond the code reached here (the run finishes, its roundtrip is near its float score, the judge
agrees to 1e-6) is the same export and judge code on different weights, which the default run checks.
The math of each orthogonalizer is tested in test_orthogonalize.py and test_frontier.py, the lr schedule's values
in test_flagship.py and test_frontier.py, the EMA/SWA averaging in test_flagship.py.
"""

from __future__ import annotations

import functools
import math

import pytest
import torch

# A shorter run than the end-to-end tests' 40 steps, in which every setting still shows: the last two steps are
# under WeightAverages.swa_start_scale (0.2; swa_every=1 snapshots both), the last one under the late-QAT
# threshold (0.15), and WARMDOWN_FRAC=0.5 decays from step 7 to a MIN_LR floor (0.25) that binds on the last
# step (and keeps late QAT off there).
RUN = dict(ITERATIONS="12", WARMDOWN_ITERS="12", TRAIN_LOG_EVERY="1", EMA_DECAY="0.9")
STEPS = 12

SETTINGS = {
    "default": {},
    "ortho_polar": dict(ORTHO="polar"),
    "ortho_mud": dict(ORTHO="mud"),
    "ortho_mud_two_passes": dict(ORTHO="mud"),
    "ortho_ns5_three_steps_fp32": dict(ORTHO_STEPS="3"),  # and the runtime's fp32 (RUNTIME below)
    "ortho_polar_frontier_seven_steps": dict(ORTHO="polar", POLAR_SCHEDULE="frontier", ORTHO_STEPS="7"),
    "optimizer_frontier": dict(MUON_ROW_NORMALIZE="1", ORTHO="polar", POLAR_SCHEDULE="frontier", WARMDOWN_FRAC="0.5",
                               MIN_LR="0.25", EMBED_WD="0.085"),
    "grad_accum_1": dict(GRAD_ACCUM_STEPS="1"),  # one rank's share of the 8-GPU step, as on one H100
    "late_qat_off": dict(LATE_QAT_THRESHOLD="0"),
    "final_weights_swa": dict(FINAL_WEIGHTS="swa"),
    "final_weights_raw": dict(FINAL_WEIGHTS="raw"),
}

# Not settings (no preset, script or record used them): MUD's pass count, an argument of orthogonalizer() this
# case passes through a patched default, and WeightAverages' SWA period.
ORTHO_ARGS = {"ortho_mud_two_passes": dict(mud_passes=2)}
SWA_EVERY = {"final_weights_swa": 1}
RUNTIME = {"ortho_ns5_three_steps_fp32": dict(ortho_dtype=torch.float32)}  # --ortho-dtype fp32: not a setting

# (the orthogonalizer's function name, the keywords bound to it) each setting must reach
ORTHO_CALLS = {
    "ortho_polar": ("polar_express", dict(steps=5, dtype=torch.bfloat16, schedule="amsel")),
    "ortho_mud": ("mud", dict(passes=1)),
    "ortho_mud_two_passes": ("mud", dict(passes=2)),
    "ortho_ns5_three_steps_fp32": ("ns5", dict(steps=3, dtype=torch.float32)),
    "ortho_polar_frontier_seven_steps": ("polar_express", dict(steps=7, dtype=torch.bfloat16, schedule="frontier")),
    "optimizer_frontier": ("polar_express", dict(steps=5, dtype=torch.bfloat16, schedule="frontier")),
}
DEFAULT_ORTHO = ("ns5", dict(steps=5, dtype=torch.bfloat16))


class Spied:
    """What train() did: the optimizers it built (the last is the loop's), every orthogonalizer input's row norms,
    every lr scale it stepped with, the QAT flag at every forward, and the weights before the averages applied."""

    def __init__(self):
        self.opts, self.row_norms, self.lr_scales, self.qat, self.before_apply = [], [], [], [], None


@pytest.fixture
def spied(flagship, monkeypatch):
    seen = Spied()

    class SpiedOptimizers(flagship.Optimizers):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            seen.opts.append(self)
            ortho = self.muon.orthogonalize

            def orthogonalize(u):
                seen.row_norms.append(u.float().norm(dim=-1))
                return ortho(u)

            self.muon.orthogonalize = orthogonalize
            self.muon.bound = ortho  # the partial the setting chose

        def step(self, lr_scale, momentum):
            seen.lr_scales.append(lr_scale)
            return super().step(lr_scale, momentum)

    class SpiedAverages(flagship.WeightAverages):
        def apply(self, log):
            seen.before_apply = [p.detach().clone() for p in self.params]
            self.swa_mean = None if self.swa is None else [t / self.swa_count for t in self.swa]
            seen.averages = self
            return super().apply(log)

    monkeypatch.setattr(flagship, "Optimizers", SpiedOptimizers)
    monkeypatch.setattr(flagship, "WeightAverages", SpiedAverages)
    return seen


@pytest.mark.parametrize("name", list(SETTINGS))
def test_training_setting_reaches_its_code(name, flagship, tiny_data, spied, monkeypatch):
    env = {**tiny_data["env"], **RUN, **SETTINGS[name]}
    if name in ORTHO_ARGS:
        patched = functools.partial(flagship.orthogonalizer, **ORTHO_ARGS[name])
        monkeypatch.setattr(flagship, "orthogonalizer", patched)
    if name in SWA_EVERY:
        monkeypatch.setattr(flagship.WeightAverages, "swa_every", SWA_EVERY[name])
    hp = flagship.Hyperparameters.from_env(env)
    torch.manual_seed(0)
    model = flagship.build_model(hp)
    rt = flagship.Runtime(device=torch.device("cpu"), **RUNTIME.get(name, {}))
    lines = []

    def fwd(*args):
        spied.qat.append(model.qat)
        return model(*args)

    flagship.train(hp, rt, model, fwd, lambda: (0.0, 0.0), lines.append)
    log = "\n".join(lines)
    losses = [float(l.split("train_loss:")[1].split()[0]) for l in lines if "train_loss:" in l]
    steps = STEPS
    assert len(losses) == steps and all(math.isfinite(v) for v in losses) and losses[-1] < losses[0] - 0.3, losses
    assert len(spied.lr_scales) == steps

    # the orthogonalizer and its settings, as the Muon step calls it (once per bank per step)
    muon = spied.opts[-1].muon
    func, keywords = ORTHO_CALLS.get(name, DEFAULT_ORTHO)
    assert muon.bound.func is getattr(flagship, func) and muon.bound.keywords == keywords, muon.bound
    assert len(spied.row_norms) == steps * len(muon.slots)
    live = [n[n > 0] for n in spied.row_norms]  # rows no token reached have zero gradients and stay zero
    unit_rows = all(torch.allclose(n, torch.ones_like(n), atol=1e-2) for n in live)
    assert unit_rows == (name == "optimizer_frontier")  # MUON_ROW_NORMALIZE: unit rows into the orthogonalizer

    # the embedding tables' weight decay (AdamW's first group) and the lr schedule
    assert spied.opts[-1].adam.param_groups[0]["weight_decay"] == (0.085 if name == "optimizer_frontier" else 0.04)
    scales = spied.lr_scales
    if name == "optimizer_frontier":  # WARMDOWN_FRAC=0.5, MIN_LR=0.25: flat for half the steps, then down to 0.25
        assert scales[: steps // 2 + 1] == [1.0] * (steps // 2 + 1) and scales[steps // 2 + 1] < 1.0
        assert scales[-2] == pytest.approx(2 / 6) and scales[-1] == pytest.approx(0.25)  # (1 - 11/12) / 0.5 < 0.25
    else:  # WARMDOWN_ITERS=12 of 12, no floor
        assert scales == pytest.approx([(steps - s) / steps for s in range(steps)])

    # micro-steps per step: 8 // world_size unless GRAD_ACCUM_STEPS says otherwise
    accum = 1 if name == "grad_accum_1" else 8
    assert f"grad_accum_steps:{accum} " in log and len(spied.qat) == steps * accum

    # late QAT: on in the warmdown's tail (lr scale < 0.15), for every forward from then on, unless switched off
    # (or, in optimizer_frontier, the MIN_LR floor of 0.25 keeps the scale above the threshold)
    if name in ("late_qat_off", "optimizer_frontier"):
        assert "late_qat:on" not in log and not any(spied.qat)
    else:
        first = spied.qat.index(True)
        assert "late_qat:on" in log and 0 < first and all(spied.qat[first:])

    # the weights that ship: the EMA (default), the SWA snapshots' mean, or the last step's weights
    after = list(model.parameters())
    averages = spied.averages
    if name == "final_weights_raw":
        assert not any("final_weights:" in l for l in lines)
        assert all(torch.equal(a, b) for a, b in zip(after, spied.before_apply))
    elif name == "final_weights_swa":
        snapshots = int(log.split("final_weights:swa snapshots:")[1].split()[0])
        assert snapshots > 1 and snapshots == averages.swa_count
        assert all(torch.equal(a, m.to(a.dtype)) for a, m in zip(after, averages.swa_mean))
        assert not all(torch.equal(a, b) for a, b in zip(after, spied.before_apply))
    else:
        assert "final_weights:ema" in log and averages.swa is None
        assert all(torch.equal(a, e.to(a.dtype)) for a, e in zip(after, averages.ema))
        assert not all(torch.equal(a, b) for a, b in zip(after, spied.before_apply))
