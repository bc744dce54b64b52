"""torchrun with 2 gloo ranks gives the same score as one process (float64 sums all-reduced)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import one_thread, run_module, world, world_env  # noqa: E402,F401  (pytest fixtures)

from eval.cli import main
from tests.rehearsal import HANG_S, torchrun  # noqa: E402


def test_two_gloo_ranks_match_one_process(world_env, one_thread, tmp_path, monkeypatch):
    world = world_env
    monkeypatch.setenv("TTT_EPOCHS", "1")  # env vars reach the judge (and every rank); keeps it fast
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    common = ["-m", "eval", str(world.record), "--ttt", "--stride", "32"]
    assert main(common[2:] + ["--json", str(one)]) == 0  # one process, in this interpreter
    proc = run_module(torchrun(2)[1:] + common + ["--json", str(two)], env_extra={"TTT_EPOCHS": "1"}, timeout=HANG_S)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # the printed report reaches the pipe: under torchrun the judge leaves by os._exit (eval/__main__.py)
    assert "world_size:2" in proc.stdout and "eval_sliding_window_exact val_loss:" in proc.stdout, proc.stdout
    a, b = json.loads(one.read_text()), json.loads(two.read_text())
    assert (a["world_size"], b["world_size"]) == (1, 2)
    a, b = a["scores"], b["scores"]
    for mode in ("plain", "sliding"):  # only the float64 summation order differs
        assert b[mode]["targets"] == a[mode]["targets"] and b[mode]["bytes"] == a[mode]["bytes"]
        assert b[mode]["val_bpb"] == pytest.approx(a[mode]["val_bpb"], rel=1e-9, abs=0)
    # TTT: the same updates, up to the fp32 all-reduce order of the gradients
    assert b["ttt"]["val_bpb"] == pytest.approx(a["ttt"]["val_bpb"], rel=1e-5, abs=0)
    assert abs(b["ttt"]["val_bpb"] - b["sliding"]["val_bpb"]) > 1e-3
    # the score-first check ran on the two ranks' merged trace (before 2026-12-05: ran:false under torchrun)
    assert b["ttt"]["trace_check"]["ran"] and b["ttt"]["trace_check"]["ranks"] == 2
    assert b["ttt"]["trace_check"]["events"] > 0
    assert "eval_ttt_trace checker:check_score_first ran:true" in proc.stdout


class _RecordingDist:
    """Stands in for torch.distributed inside eval.dist: records the teardown calls in order."""

    def __init__(self):
        self.calls = []

    def is_initialized(self):
        return True

    def barrier(self):
        self.calls.append("barrier")

    def destroy_process_group(self):
        self.calls.append("destroy")


def test_close_waits_for_every_rank_only_after_a_finished_run(monkeypatch):
    import eval.dist as edist
    from eval.dist import DistContext
    for finished, expected in ((True, ["barrier", "destroy"]), (False, ["destroy"])):
        rec = _RecordingDist()
        monkeypatch.setattr(edist, "dist", rec)
        DistContext(rank=1, world_size=2, initialized_here=True).close(finished=finished)
        assert rec.calls == expected
    rec = _RecordingDist()
    monkeypatch.setattr(edist, "dist", rec)
    DistContext(rank=0, world_size=2, initialized_here=False).close()  # not ours: left alone
    assert rec.calls == []


@pytest.mark.parametrize("kind", ["judge_error", "score_count", "crash"])
def test_cli_tears_down_without_a_barrier_after_a_judge_error(monkeypatch, capsys, kind):
    """A rank that fails must not sit in a barrier its peer never reaches: it destroys the group and exits 2 on a
    bad record, 1 on a scoring-count failure, and re-raises anything else (a traceback) after the teardown."""
    import eval.cli as cli
    from eval.dist import DistContext
    from eval.scoring import ScoreCountError

    closes = []

    class Ctx(DistContext):
        def close(self, finished: bool = True):
            closes.append(finished)

    error = {"judge_error": cli.JudgeError("bad record (stand-in)"),
             "score_count": ScoreCountError("scored 9 targets, expected 10 (stand-in)"),
             "crash": RuntimeError("a kernel failed (stand-in)")}[kind]

    def fails(options, ctx):
        raise error

    monkeypatch.setattr(cli, "setup", lambda device: Ctx(rank=1, world_size=2, initialized_here=True))
    monkeypatch.setattr(cli, "run_eval", fails)
    if kind == "crash":
        with pytest.raises(RuntimeError, match="a kernel failed"):
            cli.main(["/nonexistent"])
    else:
        assert cli.main(["/nonexistent"]) == (2 if kind == "judge_error" else 1)
        err = capsys.readouterr().err
        assert ("rank 1: bad record (stand-in)" if kind == "judge_error"
                else "rank 1: judge scoring count: scored 9 targets, expected 10 (stand-in)") in err, err
    assert closes == [False]


def test_device_cuda_without_cuda_is_one_line_and_exit_2(capsys):
    """`python -m eval RUN --device cuda` on a machine without CUDA (this one): refused before any work."""
    import eval.cli as cli

    assert not torch.cuda.is_available()
    assert cli.main(["/nonexistent", "--device", "cuda"]) == 2
    assert capsys.readouterr().err.strip() == "error: --device cuda: CUDA is not available on this machine"


def test_a_bad_record_fails_a_torchrun_judge_with_the_error_named(tmp_path):
    """Under torchrun a bad record ends the judge with its one-line error and exit status 2 through
    eval/__main__.py's os._exit (no test ran that error path under torchrun before). The first rank out makes
    torchrun SIGTERM the other, so only the first failure's code and one rank's error line are certain."""
    proc = run_module(torchrun(2)[1:] + ["-m", "eval", str(tmp_path / "no_such_record")], timeout=HANG_S)
    assert proc.returncode != 0
    assert re.search(r"error: rank [01]: \S*no_such_record: record folder not found", proc.stderr), proc.stderr[-3000:]
    assert re.search(r"failed \(exitcode: 2\)", proc.stderr), proc.stderr[-3000:]
