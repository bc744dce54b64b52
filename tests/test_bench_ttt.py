"""scripts/bench_ttt.py end to end on the tiny data: one artifact per seed, each scored by the judge under both
TTT modes, the Welch comparison written. The data paths are given relative to the repository root, as the
script's docstring does (its training runs in a temp folder: the 2026-12-02 bug this catches).

The script's main() runs in this process and its `python ...` children (2 trainings, 4 judges, compare_seeds)
are forked from the suite's torch-loaded server (tests/rehearsal.py run_python: the same env, folder and argv
as a new interpreter, which it falls back to where a start-time variable differs); until 2026-12-07 the test
ran `python scripts/bench_ttt.py` and each child was a new interpreter (~1.7 s of torch import each). That the
script runs as a file: tests/test_bench_results.py test_scripts_run_as_files_and_as_modules."""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

from tests.rehearsal import ROOT, load_script, run_python


class ForkedSubprocess:
    """What bench_ttt sees as its `subprocess` module: run([sys.executable, ...]) as run_python does it."""

    def __init__(self):
        self.calls: list[list[str]] = []

    def run(self, cmd, cwd=None, env=None, capture_output=False, text=False):
        assert cmd[0] == sys.executable and capture_output and text, cmd  # the script starts only `python`
        self.calls.append(list(cmd[1:]))
        return run_python(dict(os.environ) if env is None else env, Path(cwd or os.getcwd()), list(cmd[1:]))


def test_bench_ttt_scores_one_artifact_per_seed_under_both_modes(tiny_data, tmp_path, capsys, monkeypatch):
    env = dict(tiny_data["env"], DATA_PATH=os.path.relpath(tiny_data["data"], ROOT),
               TOKENIZER_PATH=os.path.relpath(tiny_data["tokenizer"], ROOT), VAL_TOKENS_LIMIT="512")  # 1024 before 2026-12-05
    out = tmp_path / "bench"
    args = ["--seeds", "1,2", "--out", str(out),
            *[a for k, v in env.items() for a in ("--env", f"{k}={v}")],
            "--mode-env", "lora_phased:TTT_DOC_BATCH=2", "--mode-env", "lora_phased:TTT_PHASE_DOCS=2",
            "--mode-env", "lora_phased:TTT_PHASES=1",
            "--mode-env", "lora_phased:TTT_DOC_CHUNK=32"]  # <= the tiny EVAL_SEQ_LEN (validate)
    bench = load_script("bench_ttt")
    children = ForkedSubprocess()
    monkeypatch.setattr(bench, "subprocess", children)
    monkeypatch.chdir(tmp_path)  # not the root: the relative data paths must be made absolute from the root
    code = bench.main(args)
    output = capsys.readouterr()
    assert code == 0, output.out[-2000:] + output.err[-3000:]
    compare = str(ROOT / "scripts" / "compare_seeds.py")
    assert [c[0] for c in children.calls] == ["train_gpt.py", "-m", "-m"] * 2 + [compare], children.calls
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
