"""scripts/bench_ttt.py end to end on the tiny data: one artifact per seed, each scored by the judge under both
TTT modes, the Welch comparison written. The data paths are given relative to the repository root, as the
script's docstring does (its training runs in a temp folder: the 2026-12-02 bug this catches)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

from tests.rehearsal import HANG_S, ROOT, failure_text


def test_bench_ttt_scores_one_artifact_per_seed_under_both_modes(tiny_data, tmp_path):
    env = dict(tiny_data["env"], DATA_PATH=os.path.relpath(tiny_data["data"], ROOT),
               TOKENIZER_PATH=os.path.relpath(tiny_data["tokenizer"], ROOT), VAL_TOKENS_LIMIT="512")  # 1024 before 2026-12-05
    out = tmp_path / "bench"
    cmd = [sys.executable, "scripts/bench_ttt.py", "--seeds", "1,2", "--out", str(out),
           *[a for k, v in env.items() for a in ("--env", f"{k}={v}")],
           "--mode-env", "lora_phased:TTT_DOC_BATCH=2", "--mode-env", "lora_phased:TTT_PHASE_DOCS=2",
           "--mode-env", "lora_phased:TTT_PHASES=1",
           "--mode-env", "lora_phased:TTT_DOC_CHUNK=32"]  # <= the tiny EVAL_SEQ_LEN (validate)
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=HANG_S)
    assert proc.returncode == 0, failure_text(proc)
    report = json.loads((out / "bench_ttt.json").read_text())
    assert set(report["seeds"]) == {"1", "2"}
    for seed, modes in report["seeds"].items():
        assert set(modes) == {"sgd", "lora_phased"}
        # equal model: both modes' sliding scores come from the same artifact; only the TTT scores differ
        assert {k: modes["sgd"]["sliding"][k] for k in ("val_loss", "val_bpb")} == \
               {k: modes["lora_phased"]["sliding"][k] for k in ("val_loss", "val_bpb")}
        assert all(math.isfinite(m["ttt"]["val_bpb"]) for m in modes.values())
        for mode in modes:
            assert "eval_ttt_exact" in (out / mode / f"train_seed{seed}.log").read_text()
    assert "welch_nats" in (out / "compare.txt").read_text()


def test_relative_data_paths_are_made_absolute_from_the_root(tmp_path):
    from eval.runs import absolute_paths

    env = absolute_paths({"DATA_PATH": "data/x", "TOKENIZER_PATH": str(tmp_path / "t.model"), "SEED": "1"}, tmp_path)
    assert env == {"DATA_PATH": str((tmp_path / "data/x").resolve()), "TOKENIZER_PATH": str(tmp_path / "t.model"),
                   "SEED": "1"}
