"""TTT_MODE=lora_phased: per-document score-first LoRA TTT with phased SGD, in the flagship and (its own loop and
score around the record's DocTTTAdapter) in the judge: documents, schedule, legality of the trace, what the
adaptation step is handed, and the two loops held to 1e-6.

The public 04-27 record (challenge_facts.md, "Its TTT") ordered its batches by a file lock the ranks raced for;
here order, batches, phase points and rank shares are functions of the data and the world size only.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from eval.doc_ttt import DocTTTConfig, check_doc_trace, run_doc_ttt, schedule, split_documents
from eval.dist import DistContext
from eval.port import LocalModel
from eval.scoring import prefix_bytes
from eval.ttt import TTTOrderError
from tests.rehearsal import awake_model

DOC = dict(TTT_MODE="lora_phased", TTT_DOC_CHUNK="16", TTT_DOC_BATCH="3", TTT_LORA_RANK="4", TTT_PHASES="2",
           TTT_PHASE_DOCS="6", TTT_LR="0.01", TTT_EPOCHS="1")


def setup(flagship, tiny_data, **extra):
    hp, model = awake_model(flagship, {**tiny_data["env"], **DOC, "VAL_TOKENS_LIMIT": "1200", **extra})
    val = flagship.load_val_tokens(hp)
    luts = flagship.byte_luts(flagship.load_tokenizer(hp), torch.device("cpu"))
    return hp, model, val, luts


def doc_port(flagship, model, hp, ctx=None) -> LocalModel:
    """The judge's in-process port to `model` with the flagship's adaptation step (the child serves the same)."""
    return LocalModel(model, ctx or DistContext(), lambda: flagship.DocTTTAdapter(model, hp))


def judge_doc_ttt(flagship, model, hp, val, luts, trace=None):
    """The judge's lora_phased score of `model` (adapted in place): its loop, its NLL, the flagship's adapter."""
    tokens = val.numpy()
    cum = prefix_bytes(flagship.target_bytes(val[:-1], val[1:], luts).numpy())
    sums = run_doc_ttt(doc_port(flagship, model, hp), tokens, cum, DocTTTConfig.from_hp(hp), DistContext(), trace)
    return sums.result(len(tokens) - 1, int(cum[-1]))


def test_documents_hold_every_target_once_bos_included(flagship, tiny_data):
    _, _, val, luts = setup(flagship, tiny_data)
    docs = flagship.documents(val)
    assert docs == split_documents(val.numpy())
    targets = [j for s, e in docs for j in range(s + 1, e + 1)]
    assert targets == list(range(1, val.numel()))
    assert all(int(val[s]) == 1 for s, _ in docs) and sum(int(val[e]) == 1 for _, e in docs) == len(docs) - 1
    nbytes = flagship.target_bytes(val[:-1], val[1:], luts)
    assert all(int(nbytes[e - 1]) == 0 for _, e in docs[:-1])  # a document's last target, the next BOS: 0 bytes
    with pytest.raises(ValueError, match="start with a BOS"):
        flagship.documents(val[1:])


def test_schedule_is_length_sorted_longest_batch_first():
    docs = [(0, 10), (10, 13), (13, 40), (40, 41), (41, 60)]
    batches, order = schedule(docs, 2)
    assert batches == [[3, 1], [0, 4], [2]]  # ascending length
    assert order == [2, 1, 0]  # longest batch first


def test_the_judge_trace_is_score_first_and_documents_stay_apart(flagship, tiny_data):
    """The judge's loop around the flagship's adapter: every target once, windows inside documents, train after
    score, phases on scored documents; batches after phase 0 score with its weights. (The flagship's own loop
    carried a trace too until 2026-12-06; it is held to this one's score to 1e-6 below.)"""
    hp, model, val, luts = setup(flagship, tiny_data)
    trace = []
    result = judge_doc_ttt(flagship, model, hp, val, luts, trace)
    docs = flagship.documents(val)
    check_doc_trace(trace, docs)
    phases = [e for e in trace if e[0] == "phase"]
    assert [p[1] for p in phases] == [0, 1] and len(phases[0][2]) == 3 and len(phases[1][2]) == 6
    versions = {e[-1] for e in trace if e[0] == "score"}
    assert versions == {0, 1}  # batches after phase 0 score with its weights (phase 1 comes after the last)
    assert any(e[0] == "train" for e in trace) and np.isfinite(result["val_bpb"])
    # the checker does catch a broken order: a document trained before it is scored
    bad = [("train", 0, 1, 17, 0)] + trace
    with pytest.raises(TTTOrderError, match="not \\(all\\) scored"):
        check_doc_trace(bad, docs)
    twice = trace + [e for e in trace if e[0] == "score"][:1]
    with pytest.raises(TTTOrderError, match="scored twice"):
        check_doc_trace(twice, docs)


def test_the_judge_reproduces_the_flagship_in_process(flagship, tiny_data):
    """Same model, same val: the judge's own loop and score around the flagship's adapter give the flagship's
    eval_ttt_docs score to 1e-6."""
    hp, model, val, luts = setup(flagship, tiny_data)
    state = {k: v.clone() for k, v in model.state_dict().items()}
    rt = flagship.Runtime(device=torch.device("cpu"))
    loss, bpb = flagship.eval_ttt_docs(model, model, val, hp, luts, rt)
    model.load_state_dict(state)
    result = judge_doc_ttt(flagship, model, hp, val, luts)
    assert abs(result["val_bpb"] - bpb) < 1e-6 and abs(result["val_loss"] - loss) < 1e-6, (result["val_bpb"], bpb)


class Spy:
    """A record's adapter that wants every token it can get: it wraps the flagship's, and notes, for each
    adapt(), the stream positions of every target it was handed (tokens here are their positions)."""

    def __init__(self, inner, trace, seen):
        self.inner, self.trace, self.seen = inner, trace, seen

    def renew(self):
        self.inner.renew()

    def reset(self):
        self.inner.reset()

    def logits(self, x, segments=None):
        return self.inner.logits(x, segments)

    def adapt(self, y, mask):
        scored = {j for e in self.trace if e[0] == "score" for j in range(e[3], e[4])}
        handed = {t - 1 for t in y[y != 0].tolist()}  # a target's token is its position + 1; 0: nothing
        self.seen.append((handed, scored, {t - 1 for t in y[mask].tolist()} == handed))
        self.inner.adapt(y, mask)


def test_the_adaptation_step_is_handed_only_scored_targets(flagship, tiny_data):
    """Legality by construction: a record's adapt() that looks at everything it is handed finds only targets the
    judge scored before the call (a stream whose token ids are their positions, BOS every 37), each of them
    the chunk's scored targets of a document that goes on, and nothing else (every other entry 0)."""
    hp, model, _, _ = setup(flagship, tiny_data)
    n = 400
    ids = np.arange(1, n + 2, dtype=np.int64)
    ids[::37] = 1  # BOS (id 1, read back as position 0): documents of 36 targets
    assert n + 1 < hp.model.vocab_size
    trace, seen = [], []
    port = LocalModel(model, DistContext(), lambda: Spy(flagship.DocTTTAdapter(model, hp), trace, seen))
    cum = np.arange(n + 1, dtype=np.int64)  # any bytes: the test asks what is handed, not the score
    run_doc_ttt(port, ids, cum, DocTTTConfig.from_hp(hp), DistContext(), trace)
    check_doc_trace(trace, split_documents(ids))
    assert len(seen) > 3
    for handed, scored, only_mask in seen:
        assert 0 not in handed  # a document's last target, its next BOS: never trained on (its last chunk)
        assert handed and handed <= scored and only_mask, sorted(handed - scored)[:5]
# End to end (`python train_gpt.py` with TTT_MODE=lora_phased, then `python -m eval --ttt` from the artifact, its
# trace checked by check_doc_trace, 1e-6 apart): one rank in test_rehearsal_runs.py (the
# lora_phased_frontier_switches_fa2_zstd setting), two gloo ranks in test_sidecar.py (the sidecar run). Until
# 2026-12-05 this file trained and judged two runs of its own for it.


def test_a_phase_of_no_documents_is_refused_by_both_naming_the_settings(flagship, tiny_data):
    """TTT_PHASE_DOCS=2 with 3 phases put the first phase at 0 documents: both crashed on an empty concatenation
    (found by tests/test_bench_ttt.py); now the flagship's validation and the judge's config name the settings."""
    with pytest.raises(ValueError, match="TTT_PHASE_DOCS must be >= TTT_PHASES"):
        flagship.Hyperparameters.from_env({**tiny_data["env"], **DOC, "TTT_PHASES": "3", "TTT_PHASE_DOCS": "2"})
    hp = flagship.Hyperparameters.from_env({**tiny_data["env"], **DOC})
    with pytest.raises(ValueError, match="TTT_PHASE_DOCS=2 must be >= TTT_PHASES=3"):
        DocTTTConfig.from_hp(type("HP", (), {**vars(hp), "ttt_phases": 3, "ttt_phase_docs": 2})())
