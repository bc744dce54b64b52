"""scripts/package_record.py: a record folder from a run, atomic, refusing to overwrite."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import SEED_SCORES, load_script, make_run_dir  # noqa: E402

package = load_script("package_record")
check = load_script("check_submission")

ARGS = ["--name", "Fake Record", "--author", "Tester", "--github-id", "tester", "--blurb",
        "A hand-made test record.", "--hardware", "8xH100 SXM", "--date", "2026-05-01"]


def run(capsys, *args) -> tuple[int, str, str]:
    code = package.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_packages_a_record_that_passes_the_checker(capsys, tmp_path):
    run_dir = make_run_dir(tmp_path / "run")
    out = tmp_path / "records" / "2026-05-01_Fake"
    code, stdout, err = run(capsys, run_dir, out, *ARGS, "--leaderboard-claim")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        "README.md", "submission.json", "train_gpt.py", "train_seed1337.log", "train_seed2025.log",
        "train_seed42.log"]
    sub = json.loads((out / "submission.json").read_text())
    bpb = [b for _, b, _ in SEED_SCORES.values()]
    assert sub["val_bpb"] == pytest.approx(np.mean(bpb), rel=1e-15)
    assert sub["val_bpb_std"] == pytest.approx(np.std(bpb, ddof=1))
    assert sub["bytes_total"] == 15990006 and sub["hardware"] == "8xH100 SXM"
    assert sub["leaderboard_claim"] is True and sub["date"] == "2026-05-01"
    assert sub["seed_results"]["42"]["val_bpb"] == 1.11923004 and sub["score_key"] == "legal_ttt_exact"
    for key in ("name", "github_id", "val_bpb", "bytes_total", "blurb", "author", "date"):
        assert key in sub
    assert "| 1337 | 1.88923456 | 1.11889012 | 15,876,510 |" in (out / "README.md").read_text()
    assert f"val_bpb:{sub['val_bpb']:.8f}" in stdout
    assert check.main([str(out)]) == 0, capsys.readouterr().out
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temp folder left behind


def test_refuses_to_overwrite_without_force(capsys, tmp_path):
    run_dir = make_run_dir(tmp_path / "run")
    out = tmp_path / "rec"
    out.mkdir()
    (out / "keep.txt").write_text("old")
    code, _, err = run(capsys, run_dir, out, *ARGS)
    assert code == 1 and "already exists (pass --force" in err
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    code, _, err = run(capsys, run_dir, out, *ARGS, "--force")
    assert code == 0, err
    assert not (out / "keep.txt").exists() and (out / "submission.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rec", "run"]


def test_log_without_a_size_line_is_refused_and_leaves_nothing(capsys, tmp_path):
    run_dir = make_run_dir(tmp_path / "run", {1: (1.9, 1.12, 15_000_000), 2: (1.9, 1.12, None)})
    out = tmp_path / "rec"
    code, _, err = run(capsys, run_dir, out, *ARGS)
    assert code == 1 and "train_seed2.log" in err and "Total submission size" in err
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["run"]


def test_code_files_and_artifact_are_copied(capsys, tmp_path):
    run_dir = make_run_dir(tmp_path / "run")
    with open(run_dir / "train_gpt.py", "a") as f:
        f.write('\nCODE_FILES = ["train_gpt.py", "kernels/fast.py"]\n')
    (run_dir / "kernels").mkdir()
    (run_dir / "kernels" / "fast.py").write_text("X = 1\n")
    artifact = tmp_path / "model.bin"
    artifact.write_bytes(b"\0" * 10)
    out = tmp_path / "rec"
    code, _, err = run(capsys, run_dir, out, *ARGS, "--artifact", artifact)
    assert code == 0, err
    assert (out / "kernels" / "fast.py").read_text() == "X = 1\n"
    assert (out / "final_model.pgolf").read_bytes() == b"\0" * 10  # renamed to ARTIFACT_NAME
    sub = json.loads((out / "submission.json").read_text())
    assert sub["bytes_code"] == (run_dir / "train_gpt.py").stat().st_size + 6


def test_readme_names_the_packages_the_script_imports(capsys, tmp_path):
    """A record needs its imports installed to run (the ctx codec needs constriction): the README says which,
    found with ast anywhere in the script, the ImportError-guarded ones marked optional."""
    from eval.record_files import third_party_imports

    script = tmp_path / "train_gpt.py"
    script.write_text("from __future__ import annotations\nimport os, json\nimport numpy as np\nimport torch.nn as nn\n"
                      "def save():\n    import constriction\n    from zstandard import ZstdCompressor\n"
                      "try:\n    from flash_attn_interface import flash_attn_func\nexcept ImportError:\n    pass\n"
                      "from . import sibling\n")
    assert third_party_imports(script) == (["constriction", "numpy", "torch", "zstandard"], ["flash_attn_interface"])
    run_dir = make_run_dir(tmp_path / "run")
    out = tmp_path / "records" / "2026-05-01_Fake"
    assert run(capsys, run_dir, out, *ARGS)[0] == 0
    required, optional = third_party_imports(run_dir / "train_gpt.py")
    line = next(x for x in (out / "README.md").read_text().splitlines() if x.startswith("- Python packages"))
    assert all(name in line for name in required + optional), line


# ---------------------------------------------------------------- runs.md (session 4): the seed logs' runs


def flagship_heads(run_dir: Path, changes: dict | None = None, device: str = "cuda", limited: bool = False):
    """Open each seed log as the flagship's do: `run_id:r<S>` (device, world size), hp: lines, val_tokens."""
    for log in run_dir.glob("train_seed*.log"):
        seed = int(log.stem.removeprefix("train_seed"))
        hp = {"DATA_PATH": f"'/data/run{seed}'", "RUN_ID": f"'r{seed}'", "SEED": seed, "NUM_LAYERS": 11,
              "MATRIX_LR": 0.025, **(changes or {}).get(seed, {})}
        head = [f"run_id:r{seed} torch:2.13.0 device:{device} world_size:{8 if device == 'cuda' else 1}"]
        head += [f"hp:{name}={value} unit:the setting's unit" for name, value in hp.items()]
        head.append("val_tokens:4001 targets:4000" + (" (VAL_TOKENS_LIMIT: not a challenge score)" * limited))
        log.write_text("\n".join(head) + "\n" + log.read_text())


def test_seed_logs_of_different_configurations_are_refused(capsys, tmp_path):
    """runs.md F17: seed 3 re-run with other settings was packaged with seeds 1 and 2 (the mean of two
    models, ok:true). Refused, naming the setting, its values and the logs; a log of two runs too."""
    run_dir = make_run_dir(tmp_path / "run")
    flagship_heads(run_dir, {2025: {"MATRIX_LR": 0.1}})
    out = tmp_path / "rec"
    code, _, err = run(capsys, run_dir, out, *ARGS)
    assert code == 1 and ("hp:MATRIX_LR differs between the seed logs: 0.025 in train_seed42.log, "
                          "train_seed1337.log; 0.1 in train_seed2025.log") in err, err
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["run"]
    run_dir = make_run_dir(tmp_path / "run2")
    flagship_heads(run_dir)
    assert run(capsys, run_dir, out, *ARGS)[0] == 0  # seeds, run ids and paths differ: one configuration
    log = run_dir / "train_seed42.log"
    log.write_text(log.read_text() * 2)  # a reused RUN_ID: the second run appended to the first's log
    code, _, err = run(capsys, run_dir, out, *ARGS, "--force")
    assert code == 1 and "train_seed42.log: 2 runs in one log" in err, err


def test_an_artifact_of_another_run_is_refused(capsys, tmp_path, flagship):
    """runs.md F11: --artifact of run gq, seed 1337 was shipped beside logs of other runs (ok:true)."""
    import torch

    run_dir = make_run_dir(tmp_path / "run")
    flagship_heads(run_dir)
    artifact = tmp_path / "final_model.int6.ptz"
    flagship.write_artifact(artifact, {"w": torch.zeros(4, 4)}, codec="zstd", run_id="gq", seed=1337)
    out = tmp_path / "rec"
    code, _, err = run(capsys, run_dir, out, *ARGS, "--artifact", artifact)
    assert code == 1 and f"{artifact}: header says run_id:gq seed:1337, which matches no seed log" in err, err
    assert "train_seed1337.log run_id:r1337 seed:1337" in err and not out.exists(), err
    flagship.write_artifact(artifact, {"w": torch.zeros(4, 4)}, codec="zstd", run_id="r1337", seed=1337)
    code, _, err = run(capsys, run_dir, out, *ARGS, "--artifact", artifact)
    assert code == 0 and "warning" not in err, err
    assert (out / "final_model.pgolf").read_bytes() == artifact.read_bytes()
    assert check.main([str(out)]) == 0, capsys.readouterr().out
    artifact.write_bytes(b"\0" * 10)  # no run recorded (another format): said, not refused
    code, _, err = run(capsys, run_dir, out, *ARGS, "--artifact", artifact, "--force")
    assert code == 0 and f"warning: {artifact}: not the flagship's artifact format" in err, err


def test_logs_that_are_no_challenge_run_need_an_explicit_no_claim(capsys, tmp_path):
    """runs.md F20: --leaderboard-claim on logs of VAL_TOKENS_LIMIT and device:cpu wrote leaderboard_claim:
    true. Such logs are packaged only with --no-leaderboard-claim (the records' leaderboard_claim: false)."""
    run_dir = make_run_dir(tmp_path / "run")
    flagship_heads(run_dir, device="cpu", limited=True)
    out = tmp_path / "rec"
    code, _, err = run(capsys, run_dir, out, *ARGS, "--leaderboard-claim")
    assert code == 1 and "--leaderboard-claim, but the seed logs are no challenge runs: VAL_TOKENS_LIMIT: " \
                         "not a challenge score (train_seed42.log:7, " in err and "device:cpu (" in err, err
    code, _, err = run(capsys, run_dir, out, *ARGS)
    assert code == 1 and "pass --no-leaderboard-claim" in err and not out.exists(), err
    code, _, err = run(capsys, run_dir, out, *ARGS, "--no-leaderboard-claim")
    assert code == 0, err
    sub = json.loads((out / "submission.json").read_text())
    assert sub["leaderboard_claim"] is False and "Leaderboard claim: no" in (out / "README.md").read_text()
    assert check.main([str(out)]) == 0
    assert "warn check:claim not a leaderboard claim" in capsys.readouterr().out
    run_dir = make_run_dir(tmp_path / "run2")
    flagship_heads(run_dir)  # challenge runs: no flag needed, no claim unless asked
    code, _, err = run(capsys, run_dir, out, *ARGS, "--force")
    assert code == 0 and json.loads((out / "submission.json").read_text())["leaderboard_claim"] is False, err
