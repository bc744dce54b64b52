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
