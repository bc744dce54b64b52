"""scripts/benchlib.py, the one results writer every benchmark under scripts/ calls: the facts a figure needs
are in every file, the file is written whole or not at all, and a bad path is refused before anything is
written, with a message naming it."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import time

import pytest
import torch

from scripts import benchlib
from tests.rehearsal import HANG_S, ROOT, failure_text, load_script

BENCHES = ("bench_compress", "bench_gpu_cost", "bench_orthogonalize", "bench_shipped_code",
           "bench_train_step", "bench_ttt", "gpu_check")


def facts(**extra) -> dict:
    script = ROOT / "scripts" / "bench_ttt.py"
    return {**benchlib.run_facts("a test figure", script, ["--seeds", "1,2", "a b"], "cpu"), **extra}


def test_run_facts_hold_what_a_figure_needs():
    got = facts()
    assert set(benchlib.FACTS) <= set(got)
    assert got["what"] == "a test figure" and got["device"] == "cpu"
    assert got["command"] == "python scripts/bench_ttt.py --seeds 1,2 'a b'"  # from the root, copy-pasteable
    assert got["argv"] == ["--seeds", "1,2", "a b"]
    assert got["torch"] == torch.__version__ and got["python"].count(".") == 2
    assert got["machine"]["cores"] > 0 and got["machine"]["cpu"] and got["torch_threads"] > 0
    assert got["date"].endswith("+00:00")  # UTC
    with_packages = benchlib.run_facts("x", __file__, [], "cpu", ("numpy", "no-such-distribution-here"))
    assert with_packages["packages"] == {"numpy": with_packages["numpy"], "no-such-distribution-here": None}


def test_write_results_writes_the_report_whole(tmp_path):
    path = tmp_path / "deeper" / "bench.json"  # a missing folder is made
    t0 = time.monotonic()
    report = facts(figures={"ms": [1.5, 2.25]}, name="é")
    assert benchlib.write_results(path, report, started=t0) == path
    back = json.loads(path.read_text(encoding="utf-8"))
    assert back == report and back["wall_s"] >= 0 and back["figures"] == {"ms": [1.5, 2.25]}
    assert path.read_text(encoding="utf-8").endswith("}\n")
    report["figures"]["ms"].append(3.0)  # written again after a later stage: the file holds the new whole
    benchlib.write_results(path, report)
    assert json.loads(path.read_text())["figures"]["ms"] == [1.5, 2.25, 3.0]
    assert sorted(p.name for p in path.parent.iterdir()) == ["bench.json"]  # no temp file left


@pytest.mark.parametrize("missing", benchlib.FACTS)
def test_write_results_refuses_a_report_without_the_facts(tmp_path, missing):
    report = facts()
    del report[missing]
    path = tmp_path / "bench.json"
    with pytest.raises(benchlib.ResultsError, match=rf"{path.name}: the report lacks {missing}"):
        benchlib.write_results(path, report)
    assert not path.exists()


def test_write_results_refuses_bad_paths_clearly(tmp_path):
    (tmp_path / "a_file").write_text("not a folder")
    (tmp_path / "a_folder.json").mkdir()
    cases = {tmp_path / "bench.txt": "must end in .json",
             tmp_path / "a_folder.json": "is a folder, not a results file",
             tmp_path / "a_file" / "sub" / "bench.json": "a_file is a file, not a folder"}
    for path, why in cases.items():
        with pytest.raises(benchlib.ResultsError, match=why) as info:
            benchlib.write_results(path, facts())
        assert str(path) in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file", "a_folder.json"]  # nothing written
    assert list((tmp_path / "a_folder.json").iterdir()) == []


def test_a_failed_write_leaves_the_earlier_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "bench.json"
    benchlib.write_results(path, facts(stage=1))
    before = path.read_bytes()
    with pytest.raises(benchlib.ResultsError, match=rf"{path.name}: the report is not JSON"):
        benchlib.write_results(path, facts(stage=2, figure=object()))

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError, match=rf"{path.name}: results not written \(No space left on device\)"):
        benchlib.write_results(path, facts(stage=3))
    assert path.read_bytes() == before and json.loads(before)["stage"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bench.json"]


@pytest.mark.parametrize("name", BENCHES)
def test_a_bad_out_path_stops_the_command_line_before_any_work(name, tmp_path, monkeypatch, capsys):
    """--out is checked when the arguments are read (exit 2, the reason named), not after the run."""
    script = load_script(name)
    for slow in ("load_record_module", "load_flagship", "train_checkpoint", "run_stage", "synthetic_data"):
        monkeypatch.setattr(script, slow, lambda *a, **k: pytest.fail("it started working"), raising=False)
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("it started working"))
    (tmp_path / "a_file").write_text("")
    if name == "bench_ttt":  # --out is its folder: bench_ttt.json goes inside
        bad, why = tmp_path / "a_file", "a_file is a file, not a folder"
    else:
        bad, why = tmp_path / "report.txt", "must end in .json"
    try:
        code = script.main(["--out", str(bad)])
    except SystemExit as exc:  # argparse's own exit on a bad argument
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2 and why in err and str(bad) in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file"]


def test_default_results_paths_are_named_by_what_and_where():
    assert benchlib.results_path("gpu_check", benchlib.slug("NVIDIA H100 80GB HBM3"), "20261205-120000") == \
        ROOT / "results" / "gpu_check_nvidia-h100-80gb-hbm3_20261205-120000.json"
    assert benchlib.results_path("gpu_cost", "2026-12-05", "cpu").name == "gpu_cost_2026-12-05_cpu.json"
    assert benchlib.device_name("cpu") == benchlib.device_name(torch.device("cpu")) == "cpu"


def test_every_benchmark_writes_through_the_one_writer():
    """Each bench script builds its report on run_facts and writes it with write_results; none keeps its own
    JSON writer, atomic-file helper or machine description (the copies this module replaced)."""
    for name in BENCHES:
        tree = ast.parse((ROOT / "scripts" / f"{name}.py").read_text())
        calls = {ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
        assert {"run_facts", "write_results"} <= calls, name
        assert not {"json.dump", "write_json", "write_json_atomic"} & calls, f"{name} writes JSON itself"
        defs = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        own = sorted(d for d in defs if any(w in d for w in ("json", "atomic", "machine", "environment",
                                                             "device_name", "device_slug")))
        assert not own, f"{name} defines {own}: call scripts/benchlib.py instead"


def test_scripts_run_as_files_and_as_modules():
    """`python scripts/X.py` from any folder and `python -m scripts.X` from the root both reach main()
    (--help: argparse exits 0 before any work), for every benchmark; one process for all of them."""
    program = f"""
import runpy, sys
for how in ("file", "module"):  # files first: nothing has put the repo on sys.path yet
    for name in {BENCHES!r}:
        sys.argv = [name, "--help"]
        if how == "module" and sys.path[0] != {str(ROOT)!r}:
            sys.path.insert(0, {str(ROOT)!r})  # what `python -m` from the root puts first
        try:
            if how == "file":
                runpy.run_path({str(ROOT / "scripts")!r} + "/" + name + ".py", run_name="__main__")
            else:
                runpy.run_module("scripts." + name, run_name="__main__", alter_sys=True)
        except SystemExit as exc:
            assert exc.code in (0, None), (name, how, exc.code)
        else:
            raise AssertionError((name, how, "main() did not run"))
        print("ok", name, how)
"""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([sys.executable, "-c", program], cwd=ROOT / "results", capture_output=True,
                          text=True, env=env, timeout=HANG_S)
    assert proc.returncode == 0, failure_text(proc)
    assert proc.stdout.count("ok ") == 2 * len(BENCHES), proc.stdout
