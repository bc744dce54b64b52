"""The flagship's runtime options (issue 28 item 1: test and benchmark knobs off the env surface).

`--compile-backend` and `--ortho-dtype` say how one process runs, not what the run is: they were the settings
COMPILE_BACKEND and ORTHO_DTYPE until 2026-12-06; now argv sets them, the log's first line shows them, no `hp:`
line, artifact header or record carries them, and the old env names stop the run naming the option. The
compiled end-to-end runs (tests/test_rehearsal_runs.py) pass `--compile-backend aot_eager` through torchrun.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import torch

from tests.rehearsal import run_python

ROOT = Path(__file__).resolve().parents[1]


def test_the_defaults_are_the_gpu_runs(flagship):
    opts = flagship.runtime_options([])
    assert (opts.compile_backend, opts.ortho_dtype) == ("inductor", "bf16")
    rt = flagship.compute_init(flagship.Hyperparameters.from_env({}))
    assert rt.compile_backend == "inductor" and rt.ortho_dtype is torch.bfloat16


@pytest.mark.parametrize("ortho", ["ns5", "polar"])
def test_ortho_dtype_reaches_the_orthogonalizer_muon_calls(flagship, ortho):
    hp = flagship.Hyperparameters.from_env({"NUM_LAYERS": "2", "MODEL_DIM": "64", "NUM_HEADS": "4",
                                            "NUM_KV_HEADS": "2", "VE_LAYERS": "1", "XSA_LAST_N": "1",
                                            "ORTHO": ortho})
    for argv, dtype in (([], torch.bfloat16), (["--ortho-dtype", "fp32"], torch.float32)):
        rt = flagship.compute_init(hp, flagship.runtime_options(argv))
        opt = flagship.Optimizers(flagship.build_model(hp), hp.train, rt)
        assert opt.muon.orthogonalize.keywords["dtype"] is dtype, (argv, opt.muon.orthogonalize)


def test_compile_backend_reaches_torch_compile(flagship, monkeypatch):
    seen = []
    monkeypatch.setattr(torch, "compile", lambda fn, **kw: seen.append(kw["backend"]) or fn)
    hp = flagship.Hyperparameters.from_env({"COMPILE": "1"})
    for argv, backend in (([], "inductor"), (["--compile-backend", "aot_eager"], "aot_eager")):
        flagship.compute_init(hp, flagship.runtime_options(argv)).compiled(len)
        assert seen[-1] == backend


@pytest.mark.parametrize("argv, fragment", [
    (["--ortho-dtype", "fp16"], "argument --ortho-dtype: invalid choice: 'fp16'"),
    (["--compile-backend", "inductr"], "argument --compile-backend: invalid choice: 'inductr'"),
    (["--ortho_dtype", "fp32"], "unrecognized arguments: --ortho_dtype"),
])
def test_a_bad_option_stops_with_its_name(flagship, capsys, argv, fragment):
    with pytest.raises(SystemExit) as info:
        flagship.runtime_options(argv)
    assert info.value.code == 2 and fragment in capsys.readouterr().err


@pytest.mark.parametrize("name, option", [("ORTHO_DTYPE", "--ortho-dtype"), ("COMPILE_BACKEND", "--compile-backend")])
def test_the_old_env_names_point_at_the_options(flagship, name, option):
    with pytest.raises(ValueError) as info:
        flagship.Hyperparameters.from_env({name: "fp32"})
    assert f"{name} is not a setting: pass {option} to train_gpt.py" in str(info.value)


def test_they_are_no_settings(flagship):
    known = {f.metadata["env"] for _, f in flagship.Hyperparameters.fields()}
    assert not known & {"ORTHO_DTYPE", "COMPILE_BACKEND"}
    header = flagship.header_settings(flagship.Hyperparameters.from_env({}))
    assert not {"ORTHO_DTYPE", "COMPILE_BACKEND"} & {env for part in header.values() for env in part}


def test_help_answers_before_any_setting_is_read(tmp_path):
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, "NUM_LAYER": "4"}  # would stop a run
    proc = run_python(env, tmp_path, [str(ROOT / "train_gpt.py"), "--help"], timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "--ortho-dtype {bf16,fp32}" in proc.stdout and "--compile-backend" in proc.stdout
    assert "docs/settings.md" in proc.stdout and not (tmp_path / "logs").exists()
