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
    # each seed ran in its own OUT_DIR (probe R4: one folder kept only the last seed's final_state), said so
    for seed in (1337, 42):
        log = (new / f"train_seed{seed}.log").read_text()
        assert f"hp:OUT_DIR='seed{seed}'" in log and f"final_state:seed{seed}/final_state.pt" in log
    assert "SEED=<seed> OUT_DIR=seed<seed> " in readme
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


# Seed logs to stand in for finished runs (the NS5 and MUD references: real flagship logs with score and size
# lines), so the staging tests below package without training.
NS5 = ROOT / "records" / "track_10min_16mb" / "2026-12-02_ParallelMuon_NS5"
MUD = ROOT / "records" / "track_10min_16mb" / "2026-12-02_ParallelMuon_MUD"


class FakeRuns:
    """cut_record's run_seeds, replaced: each seed 'runs' by copying MUD's log of that seed into the staging
    folder; a seed in `fail` fails as a real run does (a .failed log, SeedRunError). Records what it ran."""

    def __init__(self, fail=()):
        self.calls, self.fail = [], set(fail)

    def __call__(self, record_dir, seeds, nproc=1, env_extra=None, cwd=None, force=False, echo=None):
        from eval.runs import SeedRunError

        self.calls.append(list(seeds))
        for seed in seeds:
            log = Path(record_dir) / f"train_seed{seed}.log"
            if seed in self.fail:
                log.with_name(log.name + ".failed").write_text("Traceback: boom\n")
                raise SeedRunError(f"seed {seed}: exited with code 1; log kept at {log}.failed")
            log.write_text((MUD / log.name).read_text())
        return []


def cut_args(tmp_path, *extra):
    return ["Staged", "--what-changed", "A test cut.", "--hardware", "cpu", "--records-root", str(tmp_path / "rr"),
            "--date", "2026-12-06", *[a for kv in ("NUM_LAYERS=2", "VE_LAYERS=1", "XSA_LAST_N=2")
                                      for a in ("--run-env", kv)], *extra]  # a valid config: checked


def test_cut_record_refuses_bad_options_before_making_anything(tmp_path, capsys, monkeypatch):
    """Probe F9/F10/F14/F16: every option is checked before the first run and before any folder is made; the
    error is one `error:` line naming the option (--nproc 0 was a traceback leaving a staging folder, a SEED in
    --run-env was overridden by the runs yet printed in the README's command, a --ref typo was found only after
    every seed had run)."""
    from tests.rehearsal import load_script

    cut = load_script("cut_record")
    monkeypatch.setattr(cut, "run_seeds", FakeRuns(fail={1, 2, 42, 1337}))  # a run here fails the test
    cases = [(["--nproc", "0"], "--nproc 0: must be >= 1"),
             (["--seeds", "1,abc"], "--seeds '1,abc': 'abc' is not an integer"),
             (["--seeds", f"1,{2**64}"], f"--seeds: seed {2**64} is not an integer in [0, 2**63)"),
             (["--seeds", "1,1"], "--seeds: seed 1 is given twice"),
             (["--run-env", "SEED=7", "--seeds", "1,2"], "--run-env SEED=7: a run's seed is set by --seeds"),
             (["--run-env", "NOEQUALS"], "--run-env 'NOEQUALS': expected KEY=VALUE"),
             (["--seeds", "1,2", "--ref", str(tmp_path / "TYPO")], f"--ref {tmp_path / 'TYPO'}: not a folder"),
             (["--seeds", "1,2", "--ref", str(tmp_path / "empty")], "no train_seed*.log"),
             (["--seeds", "1,2", "--ref", str(tmp_path / "bad")], "no `<key> val_loss:X val_bpb:Y` score line"),
             (["--seeds", "1", "--ref", str(NS5)], "needs 2 or more new seeds (--seeds), got 1"),
             (["--resume", "--run-dir", str(tmp_path)], "--resume"),
             (["--run-dir", str(tmp_path / "none")], "--run-dir")]
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "train_seed1.log").write_text("no score here\n")  # a --ref compare_seeds cannot read
    for args, message in cases:
        assert cut.main(cut_args(tmp_path, *args)) == 2, args
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1 and message in err, (args, err)
        assert not (tmp_path / "rr").exists(), args  # no staging folder, no record folder
    assert cut.run_seeds.calls == []


def test_a_kept_staging_folder_is_refused_then_resumed_with_its_finished_seeds(tmp_path, capsys, monkeypatch):
    """Probe F9: a cut whose third seed failed keeps its staging folder with two finished seeds; the same command
    again had deleted it without a word and run every seed anew. Now it refuses, naming the folder and its
    finished seeds; --resume runs only the missing seed and packages the kept logs as they are."""
    from tests.rehearsal import load_script

    cut = load_script("cut_record")
    track = tmp_path / "rr" / "track_10min_16mb"
    staging, out = track / ".2026-12-06_Staged.run", track / "2026-12-06_Staged"
    monkeypatch.setattr(cut, "run_seeds", FakeRuns(fail={2025}))
    args = cut_args(tmp_path, "--seeds", "1337,42,2025")
    assert cut.main(args) == 1
    err = capsys.readouterr().err
    assert f"staging folder kept: {staging}" in err and "--resume" in err
    assert not out.exists() and (staging / "train_seed42.log").is_file()
    with open(staging / "train_seed1337.log", "a") as f:
        f.write("marker: this finished run is kept\n")

    monkeypatch.setattr(cut, "run_seeds", FakeRuns())
    assert cut.main(args) == 2  # the natural retry: refused, nothing deleted, nothing run
    err = capsys.readouterr().err
    assert str(staging) in err and "finished seeds there: 1337,42" in err and "--resume" in err and "--force" in err
    assert cut.run_seeds.calls == [] and "marker:" in (staging / "train_seed1337.log").read_text()

    assert cut.main([*args, "--resume", "--run-env", "MODEL_DIM=128"]) == 2  # other settings than its runs'
    assert "--run-env MODEL_DIM" in capsys.readouterr().err and cut.run_seeds.calls == []
    assert cut.main(cut_args(tmp_path, "--seeds", "1337,2025", "--resume")) == 2  # seed 42 would be packaged
    assert "train_seed42.log" in capsys.readouterr().err and cut.run_seeds.calls == []

    assert cut.main([*args, "--resume"]) == 0
    assert cut.run_seeds.calls == [[2025]]  # only the missing seed ran
    assert "reused:1337,42 to_run:2025" in capsys.readouterr().out
    assert "marker:" in (out / "train_seed1337.log").read_text()
    assert sorted(json.loads((out / "submission.json").read_text())["seed_results"]) == ["1337", "2025", "42"]
    assert not staging.exists()  # (the checker would flag the stand-in logs: they are of another script)


def test_force_starts_a_kept_staging_folder_over(tmp_path, capsys, monkeypatch):
    from tests.rehearsal import load_script

    cut = load_script("cut_record")
    staging = tmp_path / "rr" / "track_10min_16mb" / ".2026-12-06_Staged.run"
    monkeypatch.setattr(cut, "run_seeds", FakeRuns(fail={42}))
    assert cut.main(cut_args(tmp_path, "--seeds", "1337,42")) == 1
    monkeypatch.setattr(cut, "run_seeds", FakeRuns())
    assert cut.main(cut_args(tmp_path, "--seeds", "1337,42", "--force")) == 0
    assert cut.run_seeds.calls == [[1337, 42]] and not staging.exists()


def test_a_failure_after_packaging_leaves_no_record_folder(tmp_path, capsys, monkeypatch):
    """Probe F16: when the significance section cannot be written, the record folder (with its placeholder
    section, which the checker passed) is removed; the staging folder stays for --resume, which finishes it."""
    from eval.submission import PackageError
    from tests.rehearsal import load_script

    cut = load_script("cut_record")
    out = tmp_path / "rr" / "track_10min_16mb" / "2026-12-06_Staged"
    monkeypatch.setattr(cut, "run_seeds", FakeRuns())
    real = cut.significance_text

    def broken(new, ref):
        raise PackageError("compare_seeds failed: boom")

    monkeypatch.setattr(cut, "significance_text", broken)
    args = cut_args(tmp_path, "--seeds", "1337,42", "--ref", str(NS5))
    assert cut.main(args) == 1
    err = capsys.readouterr().err
    assert "boom" in err and f"record folder {out} removed" in err and "--resume" in err
    assert not out.exists() and sorted(p.name for p in out.parent.iterdir()) == [".2026-12-06_Staged.run"]
    monkeypatch.setattr(cut, "significance_text", real)
    assert cut.main([*args, "--resume"]) == 0 and cut.run_seeds.calls == [[1337, 42]]
    readme = (out / "README.md").read_text()
    assert f"Against `{NS5.name}`" in readme and "welch_bpb new_mean:" in readme
    assert "written below once the folder exists" not in readme


# Probe F21: a frontier preset with changes on top, the natural way to cut a "frontier + one change" record
F21_SETTINGS = {"PRESET": "frontier_0427", "MATRIX_LR": "0.03", "MLP_MULT": "3.5", "TTT_ENABLED": "0"}


def test_a_baked_preset_is_expanded_so_the_record_runs_the_set_values(flagship, tmp_path):
    """Probe F21: the --set values were baked as class defaults, but the record's from_env applied the baked
    PRESET's table over them: every seed ran the plain frontier (MATRIX_LR=0.026, MLP_MULT=4.0, TTT on)
    while the README said 0.03. Now the table is baked as defaults under the --set values and PRESET back to
    the empty table: the record with no env runs every setting the root runs given the settings; only
    defaults changed."""
    from tests.test_records import differences_beyond_hp_defaults

    text = (ROOT / "train_gpt.py").read_text()
    baked = bake_defaults(text, F21_SETTINGS, flagship.Hyperparameters)
    (tmp_path / "train_gpt.py").write_text(baked)
    record = load_record_module(tmp_path / "train_gpt.py").Hyperparameters.from_env({})
    assert (record.train.matrix_lr, record.model.mlp_mult, record.eval.ttt_enabled) == (0.03, 3.5, False)
    want = flagship.Hyperparameters.from_env(dict(F21_SETTINGS))
    assert (record.model.vocab_size, record.train.ortho, record.run.data_path) == \
        (8192, "polar", want.run.data_path)  # the preset's other values are the record's defaults
    differ = {env for env, value in want.values().items() if record.values()[env] != value}
    assert differ == {"PRESET"} and record.run.preset == "record_0323"  # the empty table: replaces nothing
    assert not differences_beyond_hp_defaults(baked, text)


def test_the_baked_check_refuses_a_record_that_would_run_other_values(flagship, monkeypatch):
    """The check after baking imports the baked script: were the preset not expanded (the bake before F21), it
    names each --set value the record would not run; a PRESET in the runs' env (--run-env), whose table would
    replace a baked value at run time, is refused the same way."""
    import eval.submission as submission

    text = (ROOT / "train_gpt.py").read_text()
    with pytest.raises(PackageError, match="the baked script, run with PRESET=frontier_0427, would not run"
                                           r".*MATRIX_LR: the record runs 0.026, wanted 0.03"):
        bake_defaults(text, {"MATRIX_LR": "0.03"}, flagship.Hyperparameters, {"PRESET": "frontier_0427"})
    monkeypatch.setattr(submission, "preset_expansion", lambda settings, cls: None)  # the old bake
    with pytest.raises(PackageError, match="run with no env") as refused:
        bake_defaults(text, F21_SETTINGS, flagship.Hyperparameters)
    for named in ("MATRIX_LR: the record runs 0.026, wanted 0.03",
                  "MLP_MULT: the record runs 4.0, wanted 3.5",
                  "TTT_ENABLED: the record runs True, wanted False"):
        assert named in str(refused.value)


def test_cut_record_of_a_preset_runs_and_says_its_expanded_values(flagship, tmp_path, capsys, monkeypatch):
    """Probe F21 through the cutter: the staged script the seeds run is the expanded one, and the README's
    "Defaults baked" line says the preset was expanded (how many values) besides the explicit ones; --run-env
    PRESET over a --set value is refused before anything runs or is made."""
    from tests.rehearsal import load_script

    cut = load_script("cut_record")
    monkeypatch.setattr(cut, "run_seeds", FakeRuns())
    common = ["--what-changed", "Frontier, LR 0.03.", "--hardware", "cpu", "--records-root",
              str(tmp_path / "rr"), "--date", "2026-12-06", "--seeds", "1337,42"]
    assert cut.main(["Bad", "--set", "MATRIX_LR=0.03", "--run-env", "PRESET=frontier_0427", *common]) == 2
    assert "MATRIX_LR: the record runs 0.026" in capsys.readouterr().err and not (tmp_path / "rr").exists()
    assert cut.run_seeds.calls == []

    sets = [a for k, v in F21_SETTINGS.items() for a in ("--set", f"{k}={v}")]
    assert cut.main(["Frontier_LR03", *sets, *common]) == 0
    out = tmp_path / "rr" / "track_10min_16mb" / "2026-12-06_Frontier_LR03"
    record = load_record_module(out / "train_gpt_readable.py").Hyperparameters.from_env({})
    assert (record.train.matrix_lr, record.model.mlp_mult, record.eval.ttt_enabled) == (0.03, 3.5, False)
    n = len(set(flagship.PRESETS["frontier_0427"]) - set(F21_SETTINGS))
    line = next(ln for ln in (out / "README.md").read_text().splitlines() if "Defaults baked" in ln)
    assert f"`PRESET=frontier_0427` (expanded into its {n} values" in line and "record_0323" in line
    assert "`MATRIX_LR=0.03`, `MLP_MULT=3.5`, `TTT_ENABLED=0`" in line, line
