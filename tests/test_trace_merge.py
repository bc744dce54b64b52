"""The TTT trace check under torchrun: every rank's trace merged at the collective updates and checked whole.

Until 2026-12-05 the judge ran check_score_first / check_doc_trace only in one process and printed
`ran:false why:torchrun` under torchrun, the way an 8xH100 judge runs. Here two ranks are simulated in one
process (the all-reduces of a rank's own gradients are left out: each rank's model then drifts on its own,
which changes the scores, not the order of events the checker reads); tests/test_eval_distributed.py and
tests/test_doc_ttt.py run the merged check on real gloo ranks end to end.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import one_thread, world  # noqa: E402,F401  (pytest fixtures)

from eval.dist import DistContext  # noqa: E402
from eval.doc_ttt import DocTTTConfig, check_doc_trace, run_doc_ttt, split_documents  # noqa: E402
from eval.harness import merge_rank_traces  # noqa: E402
from eval.scoring import prefix_bytes  # noqa: E402
from eval.ttt import TTTConfig, TTTOrderError, check_score_first, run_ttt  # noqa: E402
from eval.windows import sliding_windows  # noqa: E402


class SimulatedRank(DistContext):
    """One rank of a world run rank after rank in this process: no process group, so no collectives."""

    @property
    def distributed(self) -> bool:
        return False

    def all_reduce_sum(self, tensor):
        return tensor


def _model(world):
    module = world.fake_module()
    model = module.build_model(module.Hyperparameters.from_env({}))
    model.load_state_dict(module.load_artifact(world.record / module.ARTIFACT_NAME), strict=True)
    return model.eval()


def _sgd_traces(world, ranks: int, n: int = 700):
    tokens = world.val_tokens[:n + 1].astype(np.int64)
    cfg = TTTConfig(lr=0.05, momentum=0.9, epochs=2, chunk_tokens=128, grad_clip=1.0, batch_seqs=3)
    model, traces = _model(world), []
    for rank in range(ranks):
        trace = []
        run_ttt(copy.deepcopy(model), tokens, sliding_windows(n, 32, 8), prefix_bytes(np.ones(n, np.int64)),
                cfg, 4, SimulatedRank(rank=rank, world_size=ranks), trace)
        traces.append(trace)
    return traces, n


def test_two_ranks_of_sgd_ttt_merge_into_a_legal_whole(world, one_thread):
    traces, n = _sgd_traces(world, 2)
    assert all(any(e[0] == "score" for e in t) for t in traces)  # both ranks scored part of the stream
    with pytest.raises(TTTOrderError):
        check_score_first(traces[0], n)  # one rank's trace alone is not the run (the other scored its part)
    merged = merge_rank_traces(traces, "step")
    check_score_first(merged, n)
    assert len(merged) == sum(map(len, traces)) - sum(e[0] == "step" for e in traces[1])
    # A rank whose training forward saw tokens before any rank scored them: the merged check refuses it.
    bad = [list(t) for t in traces]
    first_step = bad[1].index(("step",))
    bad[1].insert(0, ("train", n - 40, n + 1))
    bad[1].insert(first_step + 1, ("step",))
    bad[0].insert(0, ("step",))
    with pytest.raises(TTTOrderError, match="before it was scored"):
        check_score_first(merge_rank_traces(bad, "step"), n)


def test_ranks_with_different_updates_are_refused(world, one_thread):
    traces, _ = _sgd_traces(world, 2)
    traces[1] = traces[1][:-1] if traces[1][-1] == ("step",) else traces[1] + [("step",)]
    with pytest.raises(TTTOrderError, match="rank 1 recorded .* step events unlike rank 0"):
        merge_rank_traces(traces, "step")


def test_two_ranks_of_document_ttt_merge_into_a_legal_whole(flagship, tiny_data):
    from tests.test_doc_ttt import doc_port, setup

    hp, model, val, luts = setup(flagship, tiny_data)
    tokens = val.numpy()
    cum = prefix_bytes(flagship.target_bytes(val[:-1], val[1:], luts).numpy())
    traces = []
    for rank in range(2):
        trace = []
        ctx = SimulatedRank(rank=rank, world_size=2)
        run_doc_ttt(doc_port(flagship, copy.deepcopy(model), hp, ctx), tokens, cum, DocTTTConfig.from_hp(hp), ctx,
                    trace)
        traces.append(trace)
    docs = split_documents(tokens)
    phases = [e for e in traces[0] if e[0] == "phase"]
    assert len(phases) == 2 and phases == [e for e in traces[1] if e[0] == "phase"]
    merged = merge_rank_traces(traces, "phase")
    check_doc_trace(merged, docs)
    # Rank 1's events moved after the phase that trains on its documents: refused as training before scoring.
    chosen = set(phases[0][2])
    late = [e for e in traces[1] if e[0] in ("score", "train") and e[1] in chosen]
    assert late, "rank 1 scored none of the first phase's documents"
    moved = [e for e in traces[1] if e not in late]
    cut = moved.index(phases[0]) + 1
    with pytest.raises(TTTOrderError, match="before it was scored"):
        check_doc_trace(merge_rank_traces([traces[0], moved[:cut] + late + moved[cut:]], "phase"), docs)
