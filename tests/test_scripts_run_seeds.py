"""scripts/run_seeds.py: one log per seed (tee), SEED and passthrough env, stop at a failed run."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import load_script  # noqa: E402

from eval.runs import seed_command  # noqa: E402

run_seeds = load_script("run_seeds")

# A stub record: no torch, so each run costs one bare interpreter start. Seed 13 fails.
STUB = '''import os, sys
print(f"seed={os.environ['SEED']} foo={os.environ.get('FOO')} rank={os.environ.get('RANK', '-')}")
print("to stderr too", file=sys.stderr)
sys.exit(3 if os.environ["SEED"] == "13" else 0)
'''


def stub_record(tmp_path: Path) -> Path:
    record = tmp_path / "rec"
    record.mkdir()
    (record / "train_gpt.py").write_text(STUB)
    return record


def test_each_seed_gets_its_log_and_env(capsys, tmp_path):
    record = stub_record(tmp_path)
    code = run_seeds.main([str(record), "--seeds", "1,2", "--env", "FOO=bar", "--cwd", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    for seed in (1, 2):
        log = (record / f"train_seed{seed}.log").read_text()
        assert f"seed={seed} foo=bar rank=-" in log and "to stderr too" in log
        assert f"seed={seed} foo=bar" in out  # tee: also on the console
    assert "run_seeds ok:true seeds:2" in out
    assert not list(record.glob("*.partial"))


def test_stops_at_a_failed_run_and_keeps_its_log(capsys, tmp_path):
    record = stub_record(tmp_path)
    code = run_seeds.main([str(record), "--seeds", "1,13,2"])
    err = capsys.readouterr().err
    assert code == 1 and "seed 13:" in err and "exited with code 3" in err
    assert (record / "train_seed1.log").is_file()
    assert (record / "train_seed13.log.failed").is_file() and not (record / "train_seed13.log").exists()
    assert not (record / "train_seed2.log").exists()  # never started


def test_refuses_to_overwrite_logs_and_bad_arguments(capsys, tmp_path):
    record = stub_record(tmp_path)
    (record / "train_seed1.log").write_text("precious")
    assert run_seeds.main([str(record), "--seeds", "1"]) == 1
    assert (record / "train_seed1.log").read_text() == "precious"
    assert run_seeds.main([str(record), "--seeds", "1", "--force"]) == 0
    assert "seed=1" in (record / "train_seed1.log").read_text()
    assert run_seeds.main([str(record), "--seeds", "5", "--env", "NOEQUALS"]) == 2
    assert "NOEQUALS" in capsys.readouterr().err


def test_torchrun_for_several_processes(capsys, tmp_path):
    script = Path("/r/train_gpt.py")
    assert seed_command(script, 1, "py") == ["py", "/r/train_gpt.py"]
    assert seed_command(script, 8, "py") == ["py", "-m", "torch.distributed.run", "--standalone",
                                             "--nproc_per_node=8", "/r/train_gpt.py"]
    record = stub_record(tmp_path)
    assert run_seeds.main([str(record), "--seeds", "7", "--nproc", "2"]) == 0
    log = (record / "train_seed7.log").read_text()
    assert "seed=7 foo=None rank=0" in log and "seed=7 foo=None rank=1" in log


def test_a_setting_exported_by_the_caller_does_not_reach_the_run(capsys, tmp_path, monkeypatch):
    """Issue 26 (8): the runs get the listed settings and what a process needs to start, not the caller's shell
    (tiny settings exported there had made a record whose README said they were never set)."""
    record = stub_record(tmp_path)
    (record / "train_gpt.py").write_text("import os\nprint('num_layers', os.environ.get('NUM_LAYERS'), "
                                         "'foo', os.environ.get('FOO'), 'omp', os.environ.get('OMP_NUM_THREADS'))\n")
    monkeypatch.setenv("NUM_LAYERS", "1")
    monkeypatch.setenv("FOO", "from-the-shell")
    monkeypatch.setenv("OMP_NUM_THREADS", "3")  # a process setting, inherited (eval/runs.py INHERITED)
    assert run_seeds.main([str(record), "--seeds", "1", "--env", "FOO=listed"]) == 0
    assert "num_layers None foo listed omp 3" in (record / "train_seed1.log").read_text()


def test_bad_seeds_settings_and_cwd_are_refused_before_any_run(capsys, tmp_path):
    """Probe F9/F10/F14: every argument is checked before the first run, the error names its option, and
    nothing is written: a seed the flagship refuses (>= 2**63), a repeat, a SEED setting that --seeds would
    silently override, a --cwd that is not a folder (it had left a stray train_seed<S>.log.partial)."""
    record = stub_record(tmp_path)
    cases = [(["--seeds", "1,abc"], "--seeds '1,abc': 'abc' is not an integer"),
             (["--seeds", f"1,{2**64}"], f"--seeds: seed {2**64} is not an integer in [0, 2**63)"),
             (["--seeds", "1,-1"], "--seeds: seed -1 is not an integer in [0, 2**63)"),
             (["--seeds", "1,2,1"], "--seeds: seed 1 is given twice"),
             (["--seeds", " , "], "--seeds: no seeds given"),
             (["--seeds", "1", "--env", "SEED=7"], "--env SEED=7: a run's seed is set by --seeds"),
             (["--seeds", "1", "--cwd", str(tmp_path / "nonexistent")], "--cwd"),
             (["--seeds", "1", "--nproc", "0"], "--nproc")]
    for args, message in cases:
        assert run_seeds.main([str(record), *args]) == 2, args
        captured = capsys.readouterr()
        assert captured.err.startswith("error: ") and message in captured.err, (args, captured.err)
        assert "run_seed seed:" not in captured.out, args  # no run started
        assert sorted(p.name for p in record.iterdir()) == ["train_gpt.py"], args


def test_a_run_that_cannot_start_leaves_no_partial_log(capsys, tmp_path, monkeypatch):
    """A run whose process cannot start (an OSError from Popen: here a fake tee_run that opens the log, as the
    real one does, then fails) is a SeedRunError naming the seed; no train_seed<S>.log.partial is left."""
    import eval.runs as runs

    def no_start(cmd, env, cwd, log_path, echo=None):
        log_path.write_bytes(b"")
        raise FileNotFoundError(2, "No such file or directory", str(cwd))

    monkeypatch.setattr(runs, "tee_run", no_start)
    record = stub_record(tmp_path)
    assert run_seeds.main([str(record), "--seeds", "1"]) == 1
    assert "seed 1:" in capsys.readouterr().err
    assert sorted(p.name for p in record.iterdir()) == ["train_gpt.py"]


# Writes what the flagship writes per run, where it writes it: OUT_DIR/final_state.pt (and the artifact).
WRITES_OUTPUTS = '''import os, pathlib
out = pathlib.Path(os.environ.get("OUT_DIR", "."))
out.mkdir(parents=True, exist_ok=True)
(out / "final_state.pt").write_text(os.environ["SEED"])
'''


def test_each_seed_keeps_its_outputs_in_its_own_out_dir(capsys, tmp_path):
    """Probe R4 (F4): every seed ran in one OUT_DIR, so only the last seed's final_state.pt and artifact were
    left (EXPORT_FROM could redo only the last seed's export). Each seed now writes to <OUT_DIR>/seed<S>,
    relative to the run's folder as OUT_DIR is; a seed folder that holds files is not run into without
    --force (it holds another run's weights)."""
    record = stub_record(tmp_path)
    (record / "train_gpt.py").write_text(WRITES_OUTPUTS)
    work = tmp_path / "work"
    work.mkdir()
    assert run_seeds.main([str(record), "--seeds", "1,2", "--cwd", str(work)]) == 0
    for seed in (1, 2):
        assert (work / f"seed{seed}" / "final_state.pt").read_text() == str(seed)
    assert f"out_dir:{work / 'seed2'}" in capsys.readouterr().out
    assert not (work / "final_state.pt").exists()
    for log in record.glob("train_seed*.log"):
        log.unlink()
    assert run_seeds.main([str(record), "--seeds", "3,1", "--cwd", str(work)]) == 1  # seed1/ holds a run
    err = capsys.readouterr().err
    assert "would overwrite" in err and str(work / "seed1") in err and "--force" in err
    assert not (work / "seed3").exists() and not list(record.glob("train_seed*.log*"))  # nothing ran
    assert run_seeds.main([str(record), "--seeds", "3,1", "--cwd", str(work), "--force"]) == 0
    assert run_seeds.main([str(record), "--seeds", "4", "--cwd", str(work), "--env", "OUT_DIR=runs/a"]) == 0
    assert (work / "runs" / "a" / "seed4" / "final_state.pt").read_text() == "4"
