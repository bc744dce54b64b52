"""The record cutter: bakes a variant's defaults into a copy of the flagship, refuses bad settings, cuts records."""

from __future__ import annotations

import json
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
    assert (hp.train.ortho, hp.model.bigram_vocab_size, hp.eval.ttt_enabled) == ("mud", 1536, True)


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


def test_cut_record_runs_its_seeds_packages_and_compares_with_a_reference(tiny_data, tmp_path, capsys):
    """The whole cut, as the records in records/ were made: a reference (the root defaults) and a variant
    (ORTHO=mud baked in) of 2 tiny seeds each, the variant compared with the reference by Welch's test; both
    pass the checker; a second cut of the same name is refused without --force; no staging folder is left."""
    from tests.rehearsal import load_script

    cut, check = load_script("cut_record"), load_script("check_submission")
    # 4 tiny runs (2 seeds of 2 records): 6 steps and 509 val targets each (20 and 1009 until 2026-12-05; nothing
    # here needs the model to learn, only logs with scores to package and compare)
    env = {**tiny_data["env"], "ITERATIONS": "6", "WARMDOWN_ITERS": "3", "VAL_TOKENS_LIMIT": "509",
           "EMA_DECAY": "0.9", "TRAIN_LOG_EVERY": "3"}
    common = ["--hardware", "CPU (2 cores), tiny config", "--seeds", "1337,42", "--records-root", str(tmp_path),
              "--date", "2026-12-04", *[a for k, v in env.items() for a in ("--run-env", f"{k}={v}")]]
    assert cut.main(["TinyRef", "--what-changed", "The root defaults.", *common]) == 0
    track = tmp_path / "track_10min_16mb"
    ref, new = track / "2026-12-04_TinyRef", track / "2026-12-04_TinyMud"
    assert cut.main(["TinyMud", "--set", "ORTHO=mud", "--what-changed", "MUD for NS5. Tiny.", "--ref", str(ref),
                     *common]) == 0
    assert sorted(p.name for p in track.iterdir()) == sorted([ref.name, new.name])  # no staging folder left
    for record in (ref, new):
        assert sorted(p.name for p in record.iterdir()) == ["README.md", "submission.json", "train_gpt.py",
                                                            "train_gpt_readable.py", "train_seed1337.log",
                                                            "train_seed42.log"]
        assert check.main([str(record)]) == 0
    baked = load_record_module(new / "train_gpt_readable.py").Hyperparameters.from_env({})
    assert baked.train.ortho == "mud"
    readme = (new / "README.md").read_text()
    assert "`ORTHO=mud`" in readme and f"Against `{ref.name}`" in readme and "welch_bpb new_mean:" in readme
    assert str(track) in readme  # the run command names this records root
    assert "This is the reference record of its family" in (ref / "README.md").read_text()
    assert sorted(json.loads((new / "submission.json").read_text())["seed_results"]) == ["1337", "42"]
    capsys.readouterr()
    assert cut.main(["TinyRef", "--what-changed", "again", *common]) == 2
    assert "already exists (pass --force)" in capsys.readouterr().err


def test_cut_record_refuses_names_that_are_not_plain(capsys):
    from tests.rehearsal import load_script

    cut = load_script("cut_record")
    for args in (["../../x"], ["a/b"], ["..", "--track", "t"], ["Ok", "--track", "../t"], ["Ok", "--date", "../x"]):
        assert cut.main([*args, "--what-changed", "x", "--hardware", "cpu"]) == 2, args
        assert "is not a plain name" in capsys.readouterr().err


def test_run_id_must_be_a_plain_name(flagship):
    for bad in ("../../x", "a/b", "..", "a b"):
        with pytest.raises(ValueError, match="RUN_ID=.* must be a plain name"):
            flagship.Hyperparameters.from_env({"RUN_ID": bad})
    assert flagship.Hyperparameters.from_env({"RUN_ID": "seed-1337_v2.1"}).run.run_id == "seed-1337_v2.1"
