"""Legal score-first TTT: instrumented order, the order checker, and an independent reference."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import one_thread, world  # noqa: E402,F401  (pytest fixtures)

from eval.dist import DistContext  # noqa: E402
from eval.port import LocalModel  # noqa: E402
from eval.scoring import prefix_bytes, score_windows  # noqa: E402
from eval.ttt import (TTTConfig, TTTOrderError, train_epoch, check_score_first,  # noqa: E402
                      chunk_lr, chunk_train_starts, run_ttt)
from eval.windows import n_chunks, sliding_windows, window_chunks  # noqa: E402

CPU = DistContext()
L, S, N_SUB = 32, 8, 1100  # 1100 targets, chunks of 128: 9 chunks, the last one partial
CFG = TTTConfig(lr=0.05, momentum=0.9, epochs=2, chunk_tokens=128, grad_clip=1.0, batch_seqs=3)


@pytest.fixture
def setup(world, one_thread):
    module = world.fake_module()
    model = module.build_model(module.Hyperparameters.from_env({}))
    model.load_state_dict(module.load_artifact(world.record / module.ARTIFACT_NAME), strict=True)
    tokens = world.val_tokens[:N_SUB + 1].astype(np.int64)
    windows = sliding_windows(N_SUB, L, S)
    return model.eval(), tokens, windows, prefix_bytes(np.ones(N_SUB, np.int64))


class Recorder(nn.Module):
    """Wraps a model; logs each forward as ("score_fwd", starts) under inference_mode or
    ("train", lo, hi) per row with grad, locating rows in the token stream by their content."""

    def __init__(self, inner, tokens, width, log):
        super().__init__()
        self.inner, self.log = inner, log
        self.where = {}
        for s in range(len(tokens) - width + 1):
            self.where.setdefault(tokens[s:s + width].tobytes(), []).append(s)
        assert all(len(v) == 1 for v in self.where.values()), "rows must be unique to locate them"

    def forward_logits(self, x):
        starts = [self.where[r.numpy().astype(np.int64).tobytes()][0] for r in x.cpu()]
        if torch.is_inference_mode_enabled():
            self.log.append(("score_fwd", starts))
        else:
            self.log.extend(("train", s, s + x.shape[1] + 1) for s in starts)
        return self.inner.forward_logits(x)


@pytest.fixture
def recorded_steps(monkeypatch):
    """Optimizer steps recorded from outside the judge (SGD.step patched)."""
    log = []
    original = torch.optim.SGD.step

    def step(self, *a, **k):
        log.append(("step",))
        return original(self, *a, **k)

    monkeypatch.setattr(torch.optim.SGD, "step", step)
    return log


class ScoresOnly:
    """The judge's trace, keeping only its "score" events (which targets entered the sums) and
    appending them to the shared log; "train" and "step" come from the outside instruments."""

    def __init__(self, log):
        self.log = log

    def append(self, event):
        if event[0] == "score":
            self.log.append(event)

    def extend(self, events):
        for event in events:
            self.append(event)


def checker_events(log):
    return [e for e in log if e[0] in ("score", "train", "step")]


def test_ttt_scores_each_chunk_before_any_update_that_saw_it(setup, recorded_steps):
    model, tokens, windows, cum = setup
    log = recorded_steps  # one list, in real order: patched optimizer, recorder, judge's scores
    rec = Recorder(model, tokens, L, log)
    sums = run_ttt(rec, tokens, windows, cum, CFG, 5, CPU, trace=ScoresOnly(log))
    assert int(sums.targets) == N_SUB
    # every step saw only scored tokens; nothing scored twice or after an update; all scored once
    check_score_first(checker_events(log), N_SUB)
    # the scores the judge reports come from inference forwards that ended at the scored target
    last_fwd = None
    for e in log:
        if e[0] == "score_fwd":
            last_fwd = e[1]
        elif e[0] == "score":
            assert max(e[2] - 1 - L, 0) in last_fwd
    steps = sum(e[0] == "step" for e in log)
    total = n_chunks(N_SUB, CFG.chunk_tokens)
    assert steps == (total - 1) * CFG.epochs * math.ceil(CFG.chunk_tokens // L / CFG.batch_seqs)


def adapt_then_score(model, tokens, windows, cum, cfg, log):
    """A deliberately ILLEGAL loop built from the judge's own parts: train on chunk c, then score it."""
    total = n_chunks(windows.n_targets, cfg.chunk_tokens)
    bounds = np.searchsorted(window_chunks(windows, cfg.chunk_tokens), np.arange(total + 1))
    port = LocalModel(model, CPU)
    port.sgd_begin(cfg.lr, cfg.momentum)
    for c in range(total):
        starts = chunk_train_starts(c, cfg.chunk_tokens, windows.seq_len, windows.n_targets)
        train_epoch(port, tokens, starts, windows.seq_len, cfg, cfg.lr, CPU, None)
        score_windows(model, tokens, windows, int(bounds[c]), int(bounds[c + 1]), cum, 5, CPU,
                      on_score=lambda lo, hi: log.append(("score", lo, hi)))


def test_illegal_adapt_first_order_is_caught(setup, recorded_steps):
    model, tokens, windows, cum = setup
    log = recorded_steps
    rec = Recorder(model, tokens, L, log)
    adapt_then_score(rec, tokens, windows, cum, CFG, log)
    with pytest.raises(TTTOrderError, match="before it was scored"):
        check_score_first(checker_events(log), N_SUB)


@pytest.mark.parametrize("events,match", [
    ([("score", 1, 5), ("train", 0, 6), ("step",), ("score", 5, 7)], "before it was scored"),
    ([("score", 1, 7), ("train", 0, 6), ("step",), ("score", 5, 7)], "after an update that saw it"),
    ([("score", 1, 5), ("score", 4, 7)], "scored twice"),
    ([("score", 1, 5)], "never scored"),
])
def test_checker_rejects_hand_made_illegal_orders(events, match):
    with pytest.raises(TTTOrderError, match=match):
        check_score_first(events, 6)


def test_checker_accepts_a_legal_order_and_unstepped_forwards():
    check_score_first([("score", 1, 5), ("train", 0, 5), ("step",), ("train", 4, 7),
                       ("score", 5, 7)], 6)  # a forward never followed by a step updates nothing


def reference_ttt(model, tokens, n, cfg) -> float:
    """INTERFACE.md's TTT written out literally, window by window (independent of eval/ttt.py)."""
    ends = [min(L, n)]
    while ends[-1] < n:
        ends.append(min(ends[-1] + S, n))
    total = -(-n // cfg.chunk_tokens)
    opt = torch.optim.SGD(model.parameters(), lr=cfg.lr, momentum=cfg.momentum)
    loss_sum, prev = 0.0, 0
    for c in range(total):
        for e in [e for e in ends if (e - 1) // cfg.chunk_tokens == c]:
            with torch.inference_mode():
                x = torch.as_tensor(tokens[max(e - L, 0):e])[None]
                y = torch.as_tensor(tokens[max(e - L, 0) + 1:e + 1])
                losses = F.cross_entropy(model.forward_logits(x)[0].float(), y, reduction="none")
                loss_sum += losses[len(y) - (e - prev):].double().sum().item()
            prev = e
        if c == total - 1:
            break
        for g in opt.param_groups:
            g["lr"] = cfg.lr * 0.5 * (1 + math.cos(math.pi * c / max(total - 1, 1)))
        base = c * cfg.chunk_tokens
        seqs = [base + i * L for i in range((min(base + cfg.chunk_tokens, n) - base) // L)]
        for _ in range(cfg.epochs):
            for b in range(0, len(seqs), cfg.batch_seqs):
                rows = torch.stack([torch.as_tensor(tokens[s:s + L + 1]) for s in seqs[b:b + cfg.batch_seqs]])
                opt.zero_grad()
                logits = model.forward_logits(rows[:, :-1]).float()
                F.cross_entropy(logits.reshape(-1, logits.shape[-1]), rows[:, 1:].reshape(-1)).backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip)
                opt.step()
    return loss_sum


def test_ttt_matches_the_literal_reference(setup, world):
    model, tokens, windows, cum = setup
    judged = run_ttt(model, tokens, windows, cum, CFG, 5, CPU).loss_sum
    module = world.fake_module()
    fresh = module.build_model(module.Hyperparameters.from_env({}))
    fresh.load_state_dict(module.load_artifact(world.record / module.ARTIFACT_NAME), strict=True)
    ref = reference_ttt(fresh, tokens, N_SUB, CFG)
    assert judged == pytest.approx(ref, rel=1e-6)
    plain = score_windows(fresh.eval(), tokens, windows, 0, len(windows), cum, 5, CPU).loss_sum
    assert abs(judged - plain) / plain > 1e-3  # adaptation did something the check would see


def test_zero_lr_ttt_equals_the_sliding_score(setup):
    model, tokens, windows, cum = setup
    sliding = score_windows(model, tokens, windows, 0, len(windows), cum, 5, CPU)
    cfg = TTTConfig(lr=0.0, momentum=0.9, epochs=1, chunk_tokens=128, grad_clip=1.0, batch_seqs=3)
    ttt = run_ttt(model, tokens, windows, cum, cfg, 5, CPU)
    assert ttt.targets == sliding.targets and ttt.byte_sum == sliding.byte_sum
    assert ttt.loss_sum == pytest.approx(sliding.loss_sum, rel=1e-9)


def test_lr_schedule_and_training_sequences():
    assert chunk_lr(CFG, 0, 9) == pytest.approx(CFG.lr)
    assert chunk_lr(CFG, 4, 9) == pytest.approx(CFG.lr / 2)
    assert chunk_lr(CFG, 8, 9) == pytest.approx(0.0, abs=1e-12)
    assert chunk_lr(CFG, 0, 1) == pytest.approx(CFG.lr)
    assert chunk_train_starts(1, 128, 32, 1100).tolist() == [128, 160, 192, 224]
    assert chunk_train_starts(8, 128, 32, 1100).tolist() == [1024, 1056]  # partial last one dropped
    for c in range(9):
        s = chunk_train_starts(c, 128, 32, 1100)
        assert (s + 32 <= min((c + 1) * 128, 1100)).all()  # every trained target already scored
