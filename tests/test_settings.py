"""The flagship's settings fail loudly (issue 26, item 5; item 8's RUN_ID): an env name meant as a setting but
misspelled, or the public scripts' name for one of ours, stops the run before anything runs, with "did you
mean"; non-finite floats, values that are not what the setting takes and rule conflicts name the setting and
show the value (and what the preset set); RUN_ID is a plain name. Unrelated variables (torchrun's, CUDA's, the
shell's, the ones this repo's tools and tests read) still pass.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest

from tests.rehearsal import run_python

ROOT = Path(__file__).resolve().parents[1]


def refusal(flagship, env) -> str:
    with pytest.raises(ValueError) as info:
        flagship.Hyperparameters.from_env(env)
    return str(info.value)


# --- names that are not settings ------------------------------------------------------------------

@pytest.mark.parametrize("env, expected", [
    ({"NUM_LAYER": "4"}, "NUM_LAYER is not a setting: did you mean NUM_LAYERS?"),  # trained 11 layers
    ({"TTT_ENABLE": "1"}, "TTT_ENABLE is not a setting: did you mean TTT_ENABLED?"),  # ran no TTT
    ({"num_layers": "4"}, "num_layers is not a setting: did you mean NUM_LAYERS?"),
    ({"MATRIX_LRR": "0.02"}, "MATRIX_LRR is not a setting: did you mean MATRIX_LR?"),
    ({"TIED_EMBED_INIT_SD": "0"}, "TIED_EMBED_INIT_SD is not a setting: did you mean TIED_EMBED_INIT_STD?"),
    # edit distance over 2, a settings prefix
    ({"TTT_DOCUMENT_BATCH": "8"}, "TTT_DOCUMENT_BATCH is not a setting: did you mean TTT_DOC_BATCH?"),
    ({"EVAL_WINDOW_TOKENS": "64"}, "EVAL_WINDOW_TOKENS is not a setting: did you mean EVAL_"),
    ({"MUON_NESTEROV": "1"}, "MUON_NESTEROV is not a setting: did you mean MUON_"),
])
def test_a_misspelled_setting_stops_the_run_with_did_you_mean(flagship, env, expected):
    assert expected in refusal(flagship, env)


@pytest.mark.parametrize("public, ours", [
    ("MUON_BACKEND_STEPS", "ORTHO_STEPS"), ("TTT_CHUNK_SIZE", "TTT_DOC_CHUNK"),
    ("TTT_BATCH_SIZE", "TTT_DOC_BATCH"),
    ("SKIP_GATES_ENABLED", "SKIP_GATES"), ("SPARSE_ATTN_GATE_ENABLED", "SPARSE_ATTN_GATE"),
    ("PHASED_TTT_NUM_PHASES", "TTT_PHASES"), ("GLOBAL_TTT_EPOCHS", "TTT_EPOCHS"), ("GLOBAL_TTT_LR", "TTT_LR"),
    ("ATTN_CLIP_SIGMAS", "CLIP_SIGMAS_ATTN"), ("EMBED_LR", "TIED_EMBED_LR"), ("DATA_DIR", "DATA_PATH"),
])
def test_a_public_script_name_says_which_setting_is_ours(flagship, public, ours):
    assert f"{public} is the public script's name; ours is {ours}" in refusal(flagship, {public: "1"})


@pytest.mark.parametrize("public, fixed", [
    ("BETA1", "fixed at 0.9"), ("ADAM_EPS", "fixed at 1e-8"), ("GRAD_CLIP_NORM", "fixed at 0.3"),
    ("MUON_MOMENTUM_WARMUP_START", "fixed at 0.92"), ("TIE_EMBEDDINGS", "always tied"), ("HEAD_LR", "none"),
    ("SWA_EVERY", "swa every 50 steps"), ("MTP_NUM_HEADS", "none"),
])
def test_a_public_setting_with_no_counterpart_stops_the_run_without_a_misleading_hint(flagship, public, fixed):
    """Adversarial probe 2026-12-06 (runs F6): TIE_EMBEDDINGS=0 and HEAD_LR trained a tied model without a
    word; BETA1 was told "did you mean BETA2?", ADAM_EPS "ADAM_WD?", GRAD_CLIP_NORM "GRAD_ACCUM_STEPS?"."""
    message = refusal(flagship, {public: "0"})
    assert f"{public} is the public script's name; ours is none" in message and fixed in message, message
    assert "did you mean" not in message


@pytest.mark.parametrize("seed", ["18446744073709551616", "9223372036854775808", "-1"])
def test_a_seed_torch_cannot_take_is_refused_naming_seed(flagship, seed):
    """Was a bare "Overflow when unpacking long long" from torch.manual_seed (runs F12)."""
    assert f"SEED={int(seed)!r} must be in [0, 2**63)" in refusal(flagship, {"SEED": seed})


def test_one_message_lists_every_offender_and_nothing_runs(flagship):
    env = {"NUM_LAYER": "4", "TTT_ENABLE": "1", "MUON_BACKEND_STEPS": "3", "NUM_LAYERS": "2"}
    message = refusal(flagship, env)
    for fragment in ("NUM_LAYER is not", "TTT_ENABLE is not", "MUON_BACKEND_STEPS is the public"):
        assert fragment in message
    assert "stopped before anything ran" in message


def test_public_names_point_at_real_settings_and_presets_name_only_settings(flagship):
    known = {f.metadata["env"] for _, f in flagship.Hyperparameters.fields()}
    for public, ours in flagship.PUBLIC_NAMES.items():  # "none...": no setting (a value fixed here)
        assert public not in known and (ours.startswith("none") or set(ours.split(" and ")) <= known), ours
    for name, table in flagship.PRESETS.items():
        assert set(table) <= known, (name, set(table) - known)  # presets are merged after the name check


def test_the_known_names_come_from_the_fields(flagship):
    """A setting another part of the file adds is known (and near-missed) without touching the check."""
    class RunWithOneMore(flagship.RunConfig):  # a stage: frozen, its env name FUSED_WIDGET (the field's)
        fused_widget: bool = flagship._hp(False, "a setting added later")

    @dataclasses.dataclass(frozen=True)
    class WithOneMore(flagship.Hyperparameters):  # the stage that holds it
        run: RunWithOneMore = dataclasses.field(default_factory=RunWithOneMore)

    assert WithOneMore.from_env({"FUSED_WIDGET": "1"}).run.fused_widget is True
    with pytest.raises(ValueError, match="FUSED_WIDGT is not a setting: did you mean FUSED_WIDGET"):
        WithOneMore.from_env({"FUSED_WIDGT": "1"})


def env_names_the_repo_reads() -> set[str]:
    """Every name this repo's tools and tests read from, or put in, the environment (os.environ / getenv /
    monkeypatch.setenv): they must never be refused as misspelled settings."""
    reads = r"environ(?:\.get|\.setdefault|\.pop)?\(?\[?|getenv\(|setenv\("
    pattern = re.compile(r"(?:%s)\s*[\"']([A-Z][A-Z0-9_]*)[\"']" % reads)
    names = set()
    for folder in ("eval", "scripts", "tests", "data"):
        for path in (ROOT / folder).rglob("*.py"):
            names |= set(pattern.findall(path.read_text(encoding="utf-8")))
    names |= set(pattern.findall((ROOT / "train_gpt.py").read_text(encoding="utf-8")))
    return names


UNRELATED = [
    # torchrun / torch.distributed
    "RANK", "LOCAL_RANK", "WORLD_SIZE", "LOCAL_WORLD_SIZE", "GROUP_RANK", "GROUP_WORLD_SIZE", "ROLE_RANK",
    "ROLE_NAME", "ROLE_WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT", "TORCHELASTIC_RUN_ID",
    "TORCHELASTIC_RESTART_COUNT", "TORCHELASTIC_MAX_RESTARTS", "TORCHELASTIC_USE_AGENT_STORE",
    "TORCHELASTIC_ERROR_FILE", "TORCH_NCCL_ASYNC_ERROR_HANDLING", "OMP_NUM_THREADS", "OMP_WAIT_POLICY",
    "MKL_NUM_THREADS", "NODE_RANK",
    # CUDA, NCCL, compilers, Triton
    "CUDA_VISIBLE_DEVICES", "CUDA_HOME", "CUDA_PATH", "CUDA_LAUNCH_BLOCKING", "CUDA_MODULE_LOADING",
    "NCCL_DEBUG", "NCCL_IB_DISABLE", "NCCL_P2P_LEVEL", "PYTORCH_CUDA_ALLOC_CONF", "TORCHINDUCTOR_CACHE_DIR",
    "TORCH_LOGS", "TORCH_COMPILE_DEBUG", "TORCHDYNAMO_VERBOSE", "TRITON_INTERPRET", "TRITON_CACHE_DIR", "CC",
    "CXX", "MAX_JOBS", "LD_LIBRARY_PATH", "TOKENIZERS_PARALLELISM", "HF_HOME", "HF_TOKEN",
    "HF_HUB_ENABLE_HF_TRANSFER",
    # Python, shell, CI
    "PYTHONPATH", "PYTHONUNBUFFERED", "PYTHONHASHSEED", "PYTHONDONTWRITEBYTECODE", "PATH", "HOME", "USER",
    "SHELL", "PWD", "OLDPWD", "LANG", "LC_ALL", "TERM", "TMPDIR", "HOSTNAME", "LOGNAME", "SHLVL", "_", "CI",
    "GITHUB_ACTIONS", "RUNNER_OS", "PYTEST_CURRENT_TEST", "PYTEST_XDIST_WORKER", "VIRTUAL_ENV",
    "CONDA_PREFIX", "SLURM_JOB_ID",
    # other tools' names under a first word that is no prefix here, and near misses too short to count
    "NUM_WORKERS", "DATA_ROOT", "MODEL_NAME", "RUN_NAME", "OUT", "ENABLE_LOGGING", "SKIP_SLOW",
    "FINAL_REPORT", "MIN_VERSION", "GIT_DIR", "ROOT_DIR", "WORK_DIR", "CUR_DIR",
]


def test_unrelated_variables_and_the_repos_own_pass(flagship):
    repo = env_names_the_repo_reads()
    assert {"STEPS_FP32", "PGOLF_FLASH_STRICT", "WORLD_SIZE", "OMP_WAIT_POLICY"} <= repo  # the scan sees them
    known = {f.metadata["env"] for _, f in flagship.Hyperparameters.fields()}
    env = {name: "1" for name in UNRELATED + sorted(repo) if name not in known}
    env.update({k: v for k, v in os.environ.items() if k not in known})
    assert flagship.Hyperparameters.from_env(env).model.num_layers == 11


# --- values ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("env, expected", [
    ({"ROPE_BASE": "inf"}, "ROPE_BASE=inf must be a finite number"),  # trained before
    ({"MLP_MULT": "nan"}, "MLP_MULT=nan must be a finite number"),
    ({"MAX_WALLCLOCK_SECONDS": "inf"}, "MAX_WALLCLOCK_SECONDS=inf must be a finite number"),
    ({"TTT_LORA_ALPHA": "1e400"}, "TTT_LORA_ALPHA=inf must be a finite number"),
    ({"LATE_QAT_THRESHOLD": "Infinity"}, "LATE_QAT_THRESHOLD=inf must be a finite number"),
])
def test_non_finite_values_are_refused(flagship, env, expected):
    assert expected in refusal(flagship, env)


@pytest.mark.parametrize("env, expected", [
    ({"VE_LAYERS": "a"}, "VE_LAYERS='a' must be indices like 9,10"),  # a bare int() error
    ({"VE_LAYERS": "9;10"}, "VE_LAYERS='9;10' must be indices like 9,10"),
    ({"VE_LAYERS": "-1"}, "VE_LAYERS='-1' must be indices like 9,10"),
    # runs F15: a typo for 1,2 trained value embeddings on layer 1 alone and a scale parameter nothing read
    ({"VE_LAYERS": "1,1"}, "VE_LAYERS must not repeat a layer: VE_LAYERS='1,1'"),
    ({"VE_LAYERS": "9, 10,09"}, "VE_LAYERS must not repeat a layer: VE_LAYERS='9, 10,09'"),
    ({"VE_LAYERS": "11"}, "VE_LAYERS must name layers < NUM_LAYERS: VE_LAYERS='11', NUM_LAYERS=11"),
    # int(0.001 * 512) = 0: a hidden width of 0 was a ZeroDivisionError in ParallelMuon's scale
    ({"MLP_MULT": "0.001"}, "MLP_MULT x MODEL_DIM must be >= 1 (the MLP's hidden width): MLP_MULT=0.001, "
                            "MODEL_DIM=512"),
])
def test_values_the_setting_cannot_take_name_it_and_show_the_value(flagship, env, expected):
    assert expected in refusal(flagship, env)


@pytest.mark.parametrize("value", ["", "9,10", " 9 , 10 ,", "0"])
def test_ve_layers_forms_that_worked_still_work(flagship, value):
    assert flagship.Hyperparameters.from_env({"VE_LAYERS": value}).model.ve_layers == value


def test_every_parse_error_names_the_setting_and_shows_the_value(flagship):
    for _, f in flagship.Hyperparameters.fields():
        env = f.metadata["env"]
        if isinstance(f.default, str) and f.metadata["check"] in (None, flagship._PATH):
            continue  # a path or a free name: any text is a value (TTT_LORA_TARGETS: a rule, below)
        message = refusal(flagship, {env: "x?"})
        assert f"{env}='x?'" in message, (env, message)
    assert "TTT_LORA_TARGETS='x?'" in refusal(flagship, {"TTT_LORA_TARGETS": "x?"})


def test_a_preset_conflict_names_the_preset_and_the_settings_with_their_values(flagship):
    message = refusal(flagship, {"PRESET": "frontier_0427", "NUM_LAYERS": "4"})
    assert message == ("XSA_LAST_N must be <= NUM_LAYERS: XSA_LAST_N=11, NUM_LAYERS=4 "
                       "(PRESET=frontier_0427 sets XSA_LAST_N=11)")
    message = refusal(flagship, {"PRESET": "frontier_0427", "NUM_LAYERS": "4", "XSA_LAST_N": "4"})
    assert message == ("NUM_LOOPS > 0 needs 0 <= LOOP_START <= LOOP_END < NUM_LAYERS: NUM_LOOPS=2, "
                       "LOOP_START=3, LOOP_END=5, NUM_LAYERS=4 "
                       "(PRESET=frontier_0427 sets NUM_LOOPS=2, LOOP_START=3, LOOP_END=5)")
    # without a preset value in the rule, no preset is named
    assert refusal(flagship, {"NUM_HEADS": "3"}) == (
        "MODEL_DIM must be divisible by NUM_HEADS: MODEL_DIM=512, NUM_HEADS=3")


@pytest.mark.parametrize("run_id", ["../../x", "a/b", "..", ".hidden", "a b", "/tmp/x", "x\n"])
def test_a_run_id_that_is_not_a_plain_name_is_refused(flagship, run_id):
    assert f"RUN_ID={run_id!r} must be a plain name" in refusal(flagship, {"RUN_ID": run_id})


@pytest.mark.parametrize("run_id", ["", "run_1", "seed-42.v2", "demo_cpu_20261205T091000Z"])
def test_plain_run_ids_pass(flagship, run_id):
    assert flagship.Hyperparameters.from_env({"RUN_ID": run_id}).run.run_id == run_id


@pytest.mark.parametrize("env", ["DATA_PATH", "TOKENIZER_PATH", "OUT_DIR", "EXPORT_FROM"])
def test_a_path_starting_with_a_tilde_no_shell_expanded_is_refused(flagship, env):
    """runs F18: OUT_DIR="~/runs" (quoted, or from a file) wrote into ./~/runs while the log said ~/runs,
    whose own advice (EXPORT_FROM=~/runs/final_state.pt, typed in a shell) then named another file."""
    message = refusal(flagship, {env: "~/runs"})
    assert message == f"{env}='~/runs' starts with ~ (no shell expanded it): unquote it or write it out"
    assert flagship.Hyperparameters.from_env({env: "runs/~x"}).values()[env] == "runs/~x"  # a name, not HOME


def test_every_path_setting_is_checked_for_a_tilde(flagship):
    fields = flagship.Hyperparameters.fields()
    paths = {f.metadata["env"] for _, f in fields if f.metadata["check"] is flagship._PATH}
    assert paths == {"DATA_PATH", "TOKENIZER_PATH", "OUT_DIR", "EXPORT_FROM"}


def test_an_empty_bool_is_refused_naming_the_setting(flagship):
    """runs F18: TTT_ENABLED= (an unset shell variable) read as off, though an empty int was refused."""
    bools = [f.metadata["env"] for _, f in flagship.Hyperparameters.fields() if isinstance(f.default, bool)]
    assert "TTT_ENABLED" in bools
    for env in bools:
        assert refusal(flagship, {env: ""}) == f"{env}='' is not a valid bool"
        assert flagship.Hyperparameters.from_env({env: " Off "}).values()[env] is False
    assert refusal(flagship, {"NUM_LAYERS": ""}) == "NUM_LAYERS='' is not a valid int"


# --- settings without effect ---------------------------------------------------------------------

INERT_ENV = dict(TTT_MODE="lora_phased", TTT_DOC_CHUNK="16", TTT_LORA_RANK="8", LOOP_START="1", LOOP_END="2",
                 ENABLE_LOOPING_AT="0.3", CLIP_SIGMAS_MLP="9", LQER_TOP_K="5", GPTQ_RESERVE_SECONDS="30")


def warnings(flagship, env) -> list[str]:
    lines = flagship.Hyperparameters.from_env(env).log_lines(env)
    return [line for line in lines if not line.startswith("hp:")]


def test_a_setting_set_while_its_gate_is_off_is_warned_naming_the_gate(flagship):
    """runs F5: the probe's command trained without TTT, loop, sd clip, LQER or GPTQ, and no line said so. A
    warning, not a refusal: a judge sets TTT_MODE on any artifact. A line a setting, in hp: lines' order."""
    assert warnings(flagship, INERT_ENV) == [
        "settings:warning LOOP_START=1 has no effect: NUM_LOOPS=0",
        "settings:warning LOOP_END=2 has no effect: NUM_LOOPS=0",
        "settings:warning ENABLE_LOOPING_AT=0.3 has no effect: NUM_LOOPS=0",
        "settings:warning GPTQ_RESERVE_SECONDS=30.0 has no effect: GPTQ_CALIB_SEQS=0",
        "settings:warning CLIP_SIGMAS_MLP=9.0 has no effect: QUANT_CLIP='search'",
        "settings:warning LQER_TOP_K=5 has no effect: LQER_RANK=0",
        "settings:warning TTT_MODE='lora_phased' has no effect: TTT_ENABLED=False",
        "settings:warning TTT_DOC_CHUNK=16 has no effect: TTT_ENABLED=False",  # the first gate that is off
        "settings:warning TTT_LORA_RANK=8 has no effect: TTT_ENABLED=False"]
    lora = {"TTT_ENABLED": "1", "TTT_LORA_RANK": "8", "TTT_PHASES": "2", "TTT_EPOCHS": "2"}  # TTT_MODE=sgd
    assert warnings(flagship, lora) == ["settings:warning TTT_LORA_RANK=8 has no effect: TTT_MODE='sgd'",
                                        "settings:warning TTT_PHASES=2 has no effect: TTT_MODE='sgd'"]
    frontier = {"PRESET": "frontier_0427", "WARMDOWN_ITERS": "100", "CLIP_SIGMAS_MLP": "9"}
    assert warnings(flagship, frontier) == [
        "settings:warning WARMDOWN_ITERS=100 has no effect: WARMDOWN_FRAC=0.85"]


@pytest.mark.parametrize("env", [{}, {"PRESET": "frontier_0427"}, {"PRESET": "record_0323"},
                                 {**INERT_ENV, "TTT_ENABLED": "1", "NUM_LOOPS": "1", "QUANT_CLIP": "sd",
                                  "LQER_RANK": "2", "GPTQ_CALIB_SEQS": "8"}])
def test_a_preset_or_settings_whose_gates_are_on_warn_of_nothing(flagship, env):
    """Only what the env sets is warned, never a preset's values (frontier_0427 sets TTT_MODE, TTT on)."""
    assert warnings(flagship, env) == []


def test_the_gates_name_settings_and_each_gates_one_at_least(flagship):
    values = flagship.Hyperparameters.from_env({}).values()
    for gate, on, names in flagship.INERT_UNLESS:
        assert gate in values and isinstance(on(values[gate]), bool)
        assert [n for n in values if re.fullmatch(names, n) and n != gate], names


def test_the_run_logs_the_warnings_after_the_settings(flagship, tmp_path, monkeypatch):
    for key in [k for k in os.environ if k in flagship.Hyperparameters.from_env({}).values()]:
        monkeypatch.delenv(key)
    for key, value in {**INERT_ENV, "DATA_PATH": str(tmp_path / "none"), "OUT_DIR": str(tmp_path),
                       "RUN_ID": "inert"}.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(FileNotFoundError, match="no shard files match"):  # stops at the data: nothing trained
        flagship.main([])
    log = (tmp_path / "logs" / "inert.txt").read_text()
    assert "settings:warning LQER_TOP_K=5 has no effect: LQER_RANK=0\n" in log
    assert log.index("hp:TTT_PHASE_DOCS=") < log.index("settings:warning LOOP_START=")  # after every hp: line
    assert log.endswith("settings:warning TTT_LORA_RANK=8 has no effect: TTT_ENABLED=False\n")


# --- the flagship as run --------------------------------------------------------------------------

@pytest.mark.parametrize("setting, expected", [
    ({"NUM_LAYER": "4"}, "NUM_LAYER is not a setting: did you mean NUM_LAYERS?"),
    ({"OUT_DIR": "~/runs"}, "OUT_DIR='~/runs' starts with ~"),  # wrote ./~/runs/ (runs F18)
])
def test_a_bad_setting_stops_the_flagship_before_training(tiny_data, tmp_path, setting, expected):
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, **tiny_data["env"],
           "OUT_DIR": str(tmp_path), "RUN_ID": "misspelled", "OMP_NUM_THREADS": "1", **setting}
    proc = run_python(env, tmp_path, [str(ROOT / "train_gpt.py")], timeout=600)  # forked from the server
    assert proc.returncode != 0
    assert expected in proc.stderr
    assert "step:" not in proc.stdout and not (tmp_path / "logs").exists()  # no log opened, no step taken
    assert [p.name for p in tmp_path.iterdir()] == []  # no ./~ either
