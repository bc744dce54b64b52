"""scripts/compare_seeds.py: the table, which line it took, mean/std and the Welch test."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import stats as sps

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import SEED_SCORES, load_script, make_run_dir  # noqa: E402

compare = load_script("compare_seeds")
NEW = {1: (1.8800, 1.1135, 15_900_000), 2: (1.8810, 1.1141, 15_900_100), 3: (1.8805, 1.1138, 15_900_200)}


def run(capsys, *args) -> tuple[int, str, str]:
    code = compare.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def field(out: str, prefix: str, key: str) -> float:
    line = next(l for l in out.splitlines() if l.startswith(prefix))
    return float(next(t for t in line.split() if t.startswith(key + ":")).split(":", 1)[1])


def test_table_says_which_line_it_took(capsys, tmp_path):
    run_dir = make_run_dir(tmp_path / "ref")
    code, out, _ = run(capsys, run_dir)
    assert code == 0
    header = out.splitlines()[0].split()
    assert header == ["seed", "key", "val_loss", "val_bpb", "bytes_total", "step", "peak_mib", "source"]
    assert "1337  legal_ttt_exact  1.88923456  1.11889012  15876510     7185/20000  21471" in out
    assert f"took seed:42 line:{run_dir / 'train_seed42.log'}:7 text:legal_ttt_exact val_loss:1.88980001" in out
    bpb = [b for _, b, _ in SEED_SCORES.values()]
    assert field(out, "new_mean", "val_bpb") == pytest.approx(np.mean(bpb), abs=1e-8)
    assert field(out, "new_std", "val_bpb") == pytest.approx(np.std(bpb, ddof=1), abs=1e-8)


def test_family_choice(capsys, tmp_path):
    run_dir = make_run_dir(tmp_path / "ref")
    code, out, _ = run(capsys, run_dir, "--family", "sliding")
    assert code == 0 and "final_int6_sliding_window_exact  1.89323456  1.12119012" in out


def test_welch_against_reference_values(capsys, tmp_path):
    new = make_run_dir(tmp_path / "new", NEW)
    ref = [l for l, _, _ in SEED_SCORES.values()]
    code, out, _ = run(capsys, new, "--ref-values", ",".join(map(str, ref)), "--json", tmp_path / "r.json")
    assert code == 0
    new_loss = [l for l, _, _ in NEW.values()]
    expect = sps.ttest_ind(new_loss, np.array(ref) - 0.005, equal_var=False, alternative="less")
    tests = json.loads((tmp_path / "r.json").read_text())["tests"]
    assert tests["nats"]["p_value"] == pytest.approx(expect.pvalue, rel=1e-9)
    assert field(out, "welch_nats", "t") == pytest.approx(expect.statistic, abs=1e-4)
    assert "significant:true" in out and "bpb" not in tests  # no reference bpb given


def test_welch_against_a_reference_folder_in_nats_and_bpb(capsys, tmp_path):
    new = make_run_dir(tmp_path / "new", NEW)
    ref = make_run_dir(tmp_path / "ref")
    code, out, _ = run(capsys, new, "--ref", ref, "--require-significant")
    assert code == 0
    assert "welch_nats" in out and "welch_bpb" in out
    ratio = np.mean([b for _, b, _ in NEW.values()]) / np.mean([l for l, _, _ in NEW.values()])
    assert field(out, "welch_bpb", "margin") == pytest.approx(0.005 * ratio, abs=1e-6)


def test_not_significant_and_errors(capsys, tmp_path):
    same = make_run_dir(tmp_path / "same")
    ref = make_run_dir(tmp_path / "ref")
    code, out, _ = run(capsys, same, "--ref", ref, "--require-significant")
    assert code == 1 and "significant:false" in out
    (same / "train_seed42.log").write_text("no score here\n")
    code, _, err = run(capsys, same)
    assert code == 2 and "train_seed42.log: no `<key> val_loss:X val_bpb:Y` score line" in err
