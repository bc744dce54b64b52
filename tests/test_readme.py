"""README, CI and the demo agree: the test command CI runs is the README's, and the demo settings match."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.rehearsal import HANG_S

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    block = re.search(r"```bash\n(.*?)```", text, re.S).group(1)
    return [l for l in block.splitlines() if l.strip() and not l.startswith("#")]


def test_ci_runs_the_readme_test_command():
    commands = readme_commands()
    assert len(commands) == 2, commands
    ci_lines = [l.strip() for l in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert commands[1] in ci_lines
    assert "python3 -m data.sample" in commands[0] and "bash scripts/demo_cpu.sh" in commands[0]


def demo_settings_from_script() -> dict[str, str]:
    text = (ROOT / "scripts" / "demo_cpu.sh").read_text()
    return dict(re.findall(r'(\w+)="\$\{\1:-([^}]*)\}"', text))


def test_demo_script_matches_flagship_docstring():
    doc = (ROOT / "train_gpt.py").read_text().split('"""')[1]
    cpu = doc.split("# CPU demo")[1].split("# 8xH100")[0]
    from_doc = dict(re.findall(r"(\w+)=(\S+)", cpu.replace("\\", " ")))
    assert from_doc == demo_settings_from_script()


def test_demo_entry_point_runs_end_to_end(tmp_path, tiny_data):
    """`python train_gpt.py` as users launch it: trains, exports, reloads and prints the final lines."""
    env = {**os.environ, **tiny_data["env"], "ITERATIONS": "12", "TRAIN_LOG_EVERY": "4", "VAL_LOSS_EVERY": "6",
           "WARMUP_STEPS": "2", "OUT_DIR": str(tmp_path), "RUN_ID": "t", "TTT_ENABLED": "1", "EMA_DECAY": "0.5"}
    out = subprocess.run([sys.executable, str(ROOT / "train_gpt.py")], env=env, capture_output=True, text=True,
                         timeout=HANG_S, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    log = (tmp_path / "logs" / "t.txt").read_text()
    assert log == out.stdout
    for key in ("final_float_exact", "final_int6_roundtrip_exact", "final_int6_sliding_window_exact",
                "legal_ttt_exact", "Total submission size int6+ctx:", "fits:true", "hp:MATRIX_LR="):
        assert key in log, key
    vals = [float(v) for v in re.findall(r"step:\d+/12 val_loss:([\d.]+)", log)]
    assert len(vals) == 2 and vals[1] < vals[0]
    assert (tmp_path / "final_model.int6.ptz").is_file()


def test_settings_the_readme_names_are_real(flagship):
    """Every `NAME=value` in README.md names a flagship hyperparameter (or one of the few other env vars the
    tools read), so the documentation cannot drift from the file."""
    others = {"MATCHED_FINEWEB_REPO_ID", "MATCHED_FINEWEB_REMOTE_ROOT_PREFIX", "PYTHONPATH", "HF_ENDPOINT", "HF_TOKEN",
              "NAME"}  # NAME: the placeholder of `hp:NAME=value`
    known = {f.metadata["env"] for f in __import__("dataclasses").fields(flagship.Hyperparameters)} | others
    text = (ROOT / "README.md").read_text()
    named = set(re.findall(r"\b([A-Z][A-Z0-9_]{2,})=", text))
    assert named and not named - known, sorted(named - known)
    for value in re.findall(r"PRESET=(\w+)", text):
        assert value in flagship.PRESETS
