"""The eval plan (issue 25, item 4): before training the flagship prints, per eval it will run, the FLOPs
(forward FLOPs of every window it scores; TTT: plus its training forward and backward over every epoch, chunk
and phase) and a time at 8xH100 and that eval's MFU (calibrated on the public records' logged eval times, see
the comment above EVAL_MFU in train_gpt.py), and with EVAL_PLAN=check refuses evals estimated over the 600 s
eval cap. PRESET=frontier_0427 runs the public 04-27 record's evals: roundtrip and phased TTT, no sliding.

The plan's FLOPs are held to torch's FlopCounterMode (which on CPU does not count SDPA's CPU kernel: its own
formulas for the GPU attention kernels are mapped onto it here), the full-size estimates to the records' logs.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from torch.utils.flop_counter import FlopCounterMode, sdpa_backward_flop_count, sdpa_flop_count

from tests.conftest import TINY_ENV
from tests.rehearsal import ROOT, run_flagship

aten = torch.ops.aten
# torch's counts for its GPU attention kernels (full T x T, causal or not), given to the CPU kernel the model
# runs here (FlopCounterMode's custom mappings receive shapes).
ATTENTION_FLOPS = {
    aten._scaled_dot_product_flash_attention_for_cpu: lambda q, k, v, *a, out_val=None, **kw: sdpa_flop_count(q, k, v),
    aten._scaled_dot_product_flash_attention_for_cpu_backward:
        lambda g, q, k, v, *a, out_val=None, **kw: sdpa_backward_flop_count(g, q, k, v),
}
# A tiny frontier: the preset's switches (loop, parallel lanes, gates, input smear, document mask) at width 32.
TINY_FRONTIER = dict(PRESET="frontier_0427", NUM_LAYERS="6", LOOP_START="2", LOOP_END="3", PARALLEL_START_LAYER="4",
                     XSA_LAST_N="6", MLP_MULT="4", BIGRAM_VOCAB_SIZE="0", VE_LAYERS="", TTT_LORA_RANK="4",
                     TTT_DOC_BATCH="4", TTT_DOC_CHUNK="32")  # <= EVAL_SEQ_LEN (validate)
SHAPES = {"march": {}, "march_doc_mask": {"DOC_MASK": "1", "TTT_DOC_BATCH": "4"}, "frontier": TINY_FRONTIER}

# Full-size val sets: sp1024 targets (challenge_facts.md), the 04-27 record's val_tokens: 47,851,520 (its logs).
TARGETS_SP1024, TARGETS_0427 = 62_021_632, 47_851_520 - 1
# The records' slowest logged eval times (s) that calibrate EVAL_MFU (records/track_10min_16mb/*/train_seed*.log).
LOGGED_S = {"roundtrip": 20.430, "sliding": 97.749, "ttt_sgd": 410.268, "ttt_lora_phased": 508.785}
RECORD_0323 = {"TTT_ENABLED": "1", "BIGRAM_VOCAB_SIZE": "1536"}  # its launch line


def counted(fn) -> int:
    with FlopCounterMode(display=False, custom_mapping=ATTENTION_FLOPS) as counter:
        fn()
    return counter.get_total_flops()


def record_0427_doc_lengths(n_targets: int = TARGETS_0427) -> list[int]:
    """The 04-27 val set's 50,000 document lengths (e - s of documents()), sorted: interpolated in log space
    between the shortest and longest document of each batch of 64 that its logs' ttp: lines report, scaled
    (by 1.7%) to the val set's targets."""
    rows = [tuple(map(int, line.split())) for line in (ROOT / "tests" / "fixtures" / "record_0427_ttp_batches.txt")
            .read_text().splitlines() if not line.startswith("#")]
    ranks = [r for b, _, _ in rows for r in ((b - 1) * 64, min(b * 64, 50_000) - 1)]
    lengths = np.exp(np.interp(np.arange(50_000), ranks, [np.log(v) for _, lo, hi in rows for v in (lo, hi)]))
    out = np.round(lengths * n_targets / lengths.sum()).astype(int)
    out[-1] += n_targets - out.sum()
    return out.tolist()


@pytest.mark.parametrize("shape", SHAPES)
def test_forward_flops_agree_with_flop_counter_for_a_window_and_a_ttt_step(flagship, shape):
    """One scoring window, one all-weight SGD step (TTT_MODE=sgd and the phases) and one DocLoRA step (frozen
    weights, adapters on every visit and the head) on tiny models: the plan's count is FlopCounterMode's."""
    hp = flagship.Hyperparameters.from_env({**TINY_ENV, **SHAPES[shape]})
    torch.manual_seed(0)
    model = flagship.build_model(hp)
    rows, L = 3, hp.eval.eval_seq_len
    x = torch.randint(2, hp.model.vocab_size, (rows, L))
    window = counted(lambda: model.forward_logits(x[:1]))
    assert window == pytest.approx(flagship.forward_flops(hp, 1, L), rel=1e-6)
    step = counted(lambda: model(x, x, torch.full((rows, L), 1.0 / x.numel())).backward())
    assert step == pytest.approx(flagship.forward_flops(hp, rows, L, "all"), rel=1e-6)
    assert step > 2.9 * window * rows  # the backward is in it

    model.requires_grad_(False)
    lora = flagship.DocLoRA(model, hp.eval, torch.Generator().manual_seed(0), torch.device("cpu"))
    ids = torch.randint(2, hp.model.vocab_size, (hp.eval.ttt_doc_batch, 24))

    def lora_step():
        with lora:
            logits = model.forward_logits(ids)
        logits.float().logsumexp(-1).sum().backward()

    assert counted(lora_step) == pytest.approx(flagship.forward_flops(hp, hp.eval.ttt_doc_batch, 24, "lora"), rel=1e-6)


def test_full_size_estimates_reproduce_the_records_logged_eval_times(flagship):
    """The calibration in train_gpt.py's comment, recomputed: each eval of the record that ran it is estimated at
    its slowest logged seed's time or at most 0.5% above (the MFUs are rounded down)."""
    plan = flagship.plan_evals(flagship.Hyperparameters.from_env(RECORD_0323), TARGETS_SP1024)
    frontier = flagship.plan_evals(flagship.Hyperparameters.from_env({"PRESET": "frontier_0427"}), TARGETS_0427,
                                   record_0427_doc_lengths())
    estimates = {**{k: plan[k][1] for k in ("roundtrip", "sliding", "ttt_sgd")},
                 "ttt_lora_phased": frontier["ttt_lora_phased"][1]}
    for key, logged in LOGGED_S.items():
        assert logged <= estimates[key] <= 1.005 * logged, (key, estimates[key], logged)


@pytest.mark.parametrize("env, n_targets", [
    ({"PRESET": "frontier_0427"}, TARGETS_0427),
    (RECORD_0323, TARGETS_SP1024),
    ({}, TARGETS_SP1024),
], ids=["frontier_0427", "record_0323_as_launched", "record_0323_preset"])
def test_each_presets_full_size_plan_fits_the_eval_cap(flagship, env, n_targets):
    hp = flagship.Hyperparameters.from_env(env)
    plan = flagship.plan_evals(hp, n_targets, record_0427_doc_lengths() if hp.eval.ttt_mode == "lora_phased" else None)
    assert sum(s for _, s in plan.values()) < flagship.EVAL_CAP_SECONDS, plan
    if env.get("PRESET") == "frontier_0427":  # the record's evals: roundtrip and phased TTT, no sliding
        assert set(plan) == {"roundtrip", "ttt_lora_phased"} and not hp.eval.sliding_eval
        with_sliding = flagship.Hyperparameters.from_env({**env, "SLIDING_EVAL": "1"})
        over = flagship.plan_evals(with_sliding, n_targets, record_0427_doc_lengths())
        assert sum(s for _, s in over.values()) > flagship.EVAL_CAP_SECONDS  # why the preset turns it off


@pytest.mark.parametrize("env, evaluation, setting", [
    ({"EVAL_STRIDE": "1"}, "sliding", "EVAL_STRIDE"),
    ({"TTT_ENABLED": "1", "TTT_EPOCHS": "30"}, "ttt_sgd", "TTT_EPOCHS"),
    ({"PRESET": "frontier_0427", "TTT_EPOCHS": "40"}, "ttt_lora_phased", "TTT_EPOCHS"),
], ids=["stride_1", "sgd_30_epochs", "phased_40_epochs"])
def test_a_full_size_plan_over_the_cap_names_the_eval_and_its_settings(flagship, env, evaluation, setting):
    hp = flagship.Hyperparameters.from_env(env)
    lora = hp.eval.ttt_enabled and hp.eval.ttt_mode == "lora_phased"
    plan = flagship.plan_evals(hp, TARGETS_0427 if lora else TARGETS_SP1024, record_0427_doc_lengths() if lora else None)
    assert max(plan, key=lambda k: plan[k][1]) == evaluation and plan[evaluation][1] > flagship.EVAL_CAP_SECONDS
    assert setting in flagship.EVAL_WAY_OUT[evaluation]


def test_eval_plan_check_refuses_before_step_1_with_no_artifact(tiny_data, tmp_path):
    """TTT for 10^12 epochs on the tiny data: refused before training, naming the eval and the setting (before
    this plan existed the run trained, then hung in TTT: the timeout is the guard)."""
    with pytest.raises(AssertionError) as failed:
        run_flagship(tmp_path / "check", {**tiny_data["env"], "TTT_ENABLED": "1", "TTT_EPOCHS": str(10 ** 12)},
                     timeout=900)
    text = str(failed.value)
    assert "eval_plan: the evals' estimated" in text and "ttt_sgd alone" in text, text[-3000:]
    assert "TTT_EPOCHS" in text and "EVAL_PLAN=warn" in text, text[-3000:]
    assert "eval_plan eval:ttt_sgd flops:" in text and "step:1/" not in text, text[-3000:]
    assert not list((tmp_path / "check").glob("final_model*")), text[-3000:]


def test_eval_plan_warn_trains_and_scores_anyway(tiny_data, tmp_path):
    """The flagship with a 1 microsecond eval cap (a copy, so any plan is over it): EVAL_PLAN=warn logs the warning
    and runs every eval."""
    work = tmp_path / "warn"
    work.mkdir()
    source = (ROOT / "train_gpt.py").read_text()
    cap_line = "EVAL_PEAK_FLOPS, EVAL_CAP_SECONDS = 8 * 989e12, 600.0"
    assert cap_line in source
    (work / "train_gpt.py").write_text(source.replace(cap_line, "EVAL_PEAK_FLOPS, EVAL_CAP_SECONDS = 8 * 989e12, 1e-6"))
    run = run_flagship(work, {**tiny_data["env"], "EVAL_PLAN": "warn"}, script=work / "train_gpt.py")
    assert "eval_plan:warning over the eval cap: roundtrip alone" in run.log, run.log[-3000:]  # tiny: the most
    assert "step:3/3" in run.log and run.score("final_int6_sliding_window_exact")
    assert float(run.value("est_total_s")) > 0 and run.value("cap_s") == "0"


# The frontier preset's evals (roundtrip and phased TTT, no sliding) are checked on its one end-to-end run:
# test_rehearsal_runs.py::test_frontier_preset_end_to_end_under_the_rehearsal_layer (until 2026-12-05 a second
# run of the preset here, on the tiny data).
