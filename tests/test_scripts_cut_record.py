"""The record cutter bakes a variant's defaults into a copy of the flagship, and refuses bad settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eval.loader import load_record_module
from eval.submission import PackageError, bake_defaults

ROOT = Path(__file__).resolve().parents[1]


def test_bake_defaults_changes_only_the_named_defaults(flagship, tmp_path):
    text = (ROOT / "train_gpt.py").read_text()
    baked = bake_defaults(text, {"ORTHO": "mud", "BIGRAM_VOCAB_SIZE": "1536", "TTT_ENABLED": "1"}, flagship.Hyperparameters)
    changed = [(a, b) for a, b in zip(text.splitlines(), baked.splitlines()) if a != b]
    assert len(changed) == 3 and len(text.splitlines()) == len(baked.splitlines())
    (tmp_path / "train_gpt.py").write_text(baked)
    hp = load_record_module(tmp_path / "train_gpt.py").Hyperparameters.from_env({})
    assert (hp.ortho, hp.bigram_vocab_size, hp.ttt_enabled) == ("mud", 1536, True)


def test_bake_defaults_rejects_bad_settings(flagship):
    text = (ROOT / "train_gpt.py").read_text()
    with pytest.raises(PackageError, match="unknown setting"):
        bake_defaults(text, {"NOT_A_SETTING": "1"}, flagship.Hyperparameters)
    with pytest.raises(ValueError, match="ORTHO='svd' must be one of"):
        bake_defaults(text, {"ORTHO": "svd"}, flagship.Hyperparameters)


def test_cut_record_cli_reports_bad_input():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "cut_record.py"), "X", "--set", "ORTHO=svd",
                          "--what-changed", "x", "--hardware", "cpu"], capture_output=True, text=True)
    assert out.returncode == 2 and "ORTHO='svd'" in out.stderr
