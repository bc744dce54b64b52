"""Sliding-window scoring: every target exactly once, equal to a brute-force per-token reference."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import one_thread, world  # noqa: E402,F401  (pytest fixtures)

from eval.dist import DistContext  # noqa: E402
from eval.scoring import ScoreCountError, ScoreSums, prefix_bytes, score_windows  # noqa: E402
from eval.windows import GeometryError, check_geometry, sliding_windows, window_chunks  # noqa: E402

CPU = DistContext()
N_SUB = 1500  # targets used by the brute-force tests (each target costs one forward)


@pytest.mark.parametrize("n,L,S", [(1, 8, 4), (5, 8, 4), (8, 8, 4), (9, 8, 4), (100, 8, 2),
                                   (101, 16, 16), (1000, 64, 16), (64, 64, 64)])
def test_every_target_scored_exactly_once(n, L, S):
    w = sliding_windows(n, L, S)
    scored = np.concatenate([np.arange(p + 1, e + 1) for p, e in zip(w.prev_ends, w.ends)])
    assert scored.tolist() == list(range(1, n + 1))
    assert (w.ends - w.starts == w.width).all() and w.width == min(L, n)
    assert (w.starts >= 0).all() and w.ends[-1] == n
    assert (w.scored_counts()[1:] <= S).all()


def test_window_geometry_matches_the_contract_formula():
    w = sliding_windows(1000, 64, 16)
    assert w.ends[:3].tolist() == [64, 80, 96] and w.prev_ends[:3].tolist() == [0, 64, 80]
    assert w.starts[:3].tolist() == [0, 16, 32]
    assert w.ends[-1] == 1000 and w.prev_ends[-1] == 992  # tail window scores 8, not 16, targets


def test_chunks_hold_all_targets_of_their_windows():
    n, L, S, C = 1000, 32, 8, 128
    w = sliding_windows(n, L, S)
    chunk = window_chunks(w, C)
    first_chunk = (w.prev_ends + 1 - 1) // C  # chunk of each window's first scored target
    assert (first_chunk == chunk).all()


@pytest.mark.parametrize("L,S,C,match", [(64, 48, None, "multiple of eval_stride"),
                                         (64, 0, None, "eval_stride"),
                                         (64, 16, 100, "ttt_chunk_tokens"),
                                         (64, 16, 96, "ttt_chunk_tokens")])
def test_geometry_errors_name_the_setting(L, S, C, match):
    with pytest.raises(GeometryError, match=match):
        check_geometry(L, S, C)


@pytest.fixture(scope="module")
def scored_model(world, tmp_path_factory):
    """The fake record's model with its artifact weights, and the first N_SUB targets of the val set."""
    module = world.fake_module()
    hp = module.Hyperparameters.from_env({})
    model = module.build_model(hp)
    model.load_state_dict(module.load_artifact(world.record / module.ARTIFACT_NAME), strict=True)
    return model.eval(), world.val_tokens[:N_SUB + 1].astype(np.int64)


def brute_force_losses(model, tokens, L, S, shift=0) -> np.ndarray:
    """Each target j scored alone: its context start from the contract's formula, forwarded by
    itself, the last position's loss taken. shift != 0 feeds a wrong context (must not match)."""
    n = len(tokens) - 1
    out = np.zeros(n + 1)
    with torch.inference_mode():
        for j in range(1, n + 1):
            if j <= L or n <= L:
                start = 0
            else:
                end = min(L + -(-(j - L) // S) * S, n)  # the window end e_k that scores j
                start = end - L
            start = min(start + shift, j - 1)
            x = torch.as_tensor(tokens[start:j])[None]
            logits = model.forward_logits(x)[0, -1].float()
            out[j] = F.cross_entropy(logits[None], torch.as_tensor(tokens[j:j + 1])).item()
    return out


@pytest.mark.parametrize("L,S,batch", [(64, 16, 8), (32, 32, 5)])
def test_sliding_equals_brute_force_per_token(scored_model, one_thread, L, S, batch):
    model, tokens = scored_model
    n = len(tokens) - 1
    windows = sliding_windows(n, L, S)
    per_target = np.full(n + 1, np.nan)
    sums = score_windows(model, tokens, windows, 0, len(windows), prefix_bytes(np.ones(n, np.int64)),
                         batch, CPU, per_target=per_target)
    ref = brute_force_losses(model, tokens, L, S)
    assert int(sums.targets) == n and not np.isnan(per_target[1:]).any()
    np.testing.assert_allclose(per_target[1:], ref[1:], rtol=1e-4, atol=1e-4)
    assert sums.loss_sum == pytest.approx(ref[1:].sum(), rel=1e-6)
    # the reference is sensitive to the context: one token less of it changes the losses
    wrong = brute_force_losses(model, tokens[:400], L, S, shift=1)
    assert np.abs(wrong[L + 1:400] - ref[L + 1:400]).max() > 1e-2


def test_batch_size_and_rank_split_do_not_change_the_sum(scored_model, one_thread):
    model, tokens = scored_model
    n = len(tokens) - 1
    w = sliding_windows(n, 64, 16)
    cum = prefix_bytes(np.ones(n, np.int64))
    whole = score_windows(model, tokens, w, 0, len(w), cum, 7, CPU)
    half = len(w) // 3
    parts = score_windows(model, tokens, w, 0, half, cum, 3, CPU).add(
        score_windows(model, tokens, w, half, len(w), cum, 16, CPU))
    assert parts.targets == whole.targets == n and parts.windows == len(w)
    assert parts.loss_sum == pytest.approx(whole.loss_sum, rel=1e-9)


def test_missing_windows_fail_the_count_check(scored_model, one_thread):
    model, tokens = scored_model
    n = len(tokens) - 1
    w = sliding_windows(n, 64, 16)
    cum = prefix_bytes(np.ones(n, np.int64))
    sums = score_windows(model, tokens, w, 0, len(w) - 1, cum, 8, CPU)
    with pytest.raises(ScoreCountError, match=f"the val set has {n}"):
        sums.result(n, int(cum[-1]))
    doubled = sums.add(score_windows(model, tokens, w, len(w) - 2, len(w), cum, 8, CPU))
    with pytest.raises(ScoreCountError):
        doubled.result(n, int(cum[-1]))


def test_result_arithmetic():
    sums = ScoreSums(loss_sum=np.log(2) * 30, byte_sum=10, targets=6, windows=2)
    r = sums.result(6, 10)
    assert r["val_loss"] == pytest.approx(np.log(2) * 5) and r["val_bpb"] == pytest.approx(3.0)
