"""Settings by stage (issue 28 item 1): the flagship's Hyperparameters holds one config per stage (run, model,
train, export, eval); the model and eval configs are exactly what the artifact header records, written byte for
byte as the flat class of the records before them wrote it; each stage's functions take only their config; the
judge reads a record's flat settings and the flagship's staged ones through one accessor (eval/settings.py).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import torch

from eval.child import OPTIONAL_FIELDS
from eval.harness import HP_FIELDS
from eval.loader import load_record_module
from eval.settings import has_setting, setting, setting_fields

ROOT = Path(__file__).resolve().parents[1]
# a frozen record cut from the flagship's flat Hyperparameters (2026-12-02), its preset baked: frontier_0427
FLAT_RECORD = ROOT / "records" / "track_10min_16mb" / "2026-12-02_Frontier0427_Stack" / "train_gpt_readable.py"
SMALL = dict(NUM_LAYERS="3", VE_LAYERS="1,2", XSA_LAST_N="2", LOOP_START="1", LOOP_END="1", PARALLEL_START_LAYER="2",
             MODEL_DIM="32", NUM_HEADS="4", NUM_KV_HEADS="2", ROPE_DIMS="4", VOCAB_SIZE="64", BIGRAM_VOCAB_SIZE="16",
             TTT_DOC_CHUNK="32", EVAL_SEQ_LEN="64", TTT_CHUNK_TOKENS="128", TTT_LORA_TARGETS="v,mlp")


@pytest.fixture(scope="module")
def flat_record():
    return load_record_module(FLAT_RECORD)


def envs(cfg) -> list[str]:
    return [f.metadata["env"] for f in dataclasses.fields(cfg)]


def test_one_config_per_stage_each_setting_in_one_with_its_unit(flagship):
    assert [s.name for s in dataclasses.fields(flagship.Hyperparameters)] == ["run", "model", "train", "export", "eval"]
    names = [f.metadata["env"] for _, f in flagship.Hyperparameters.fields()]
    assert len(names) == len(set(names)) == len(flagship.Hyperparameters.from_env({}).log_lines())
    assert all(f.metadata["unit"] for _, f in flagship.Hyperparameters.fields())
    hp = flagship.Hyperparameters.from_env({"NUM_LAYERS": "4", "XSA_LAST_N": "2", "VE_LAYERS": "3", "TTT_LR": "0.01",
                                            "INT5_SHARE": "0.5", "GPTQ_CALIB_SEQS": "8", "MATRIX_LR": "0.02"})
    assert (hp.model.num_layers, hp.eval.ttt_lr, hp.export.int5_share, hp.train.matrix_lr) == (4, 0.01, 0.5, 0.02)
    with pytest.raises(dataclasses.FrozenInstanceError):
        hp.model.num_layers = 5


def test_model_and_eval_configs_are_exactly_what_the_artifact_header_records(flagship, tmp_path):
    hp = flagship.Hyperparameters.from_env({**SMALL, "PRESET": "frontier_0427"})
    header = flagship.header_settings(hp)
    assert list(header) == ["model", "eval"]
    assert list(header["model"]) == envs(flagship.ModelConfig) and list(header["eval"]) == envs(flagship.EvalConfig)
    path = tmp_path / "a.ptz"
    flagship.write_artifact(path, flagship.build_model(hp).state_dict(), "zstd", hp=hp)
    saved = flagship.settings_from_artifact(path, {})  # no env: the header alone
    assert saved.model == hp.model and saved.eval == hp.eval
    assert saved.train == flagship.TrainConfig() and saved.export == flagship.ExportConfig()  # not recorded


@pytest.mark.parametrize("env", [{}, dict(SMALL, TTT_ENABLED="1", DOC_MASK="0", SMEAR_GATE="static")])
def test_the_header_is_byte_for_byte_what_the_flat_settings_wrote(flagship, flat_record, env):
    """Old artifacts and frozen records load because the staged header is the flat class's, byte for byte."""
    flat = flat_record.Hyperparameters.from_env(env)
    staged = flagship.Hyperparameters.from_env({"PRESET": flat.preset, **env})
    as_bytes = lambda h: json.dumps(h, separators=(",", ":"))  # noqa: E731 (write_artifact's form)
    assert as_bytes(flagship.header_settings(staged)) == as_bytes(flat_record.header_settings(flat))


def test_each_stage_function_is_annotated_with_its_config_alone(flagship):
    """The functions of a stage take its config, not the whole settings object (it fails on the flat class)."""
    takes = {
        "RunConfig": [flagship.select_kernels],
        "ModelConfig": [flagship.GPT.__init__, flagship.Block.__init__, flagship.CausalSelfAttention.__init__,
                        flagship.BigramHash.__init__, flagship.SmearGate.__init__, flagship.InputSmearGate.__init__,
                        flagship.ValueEmbedding.__init__, flagship.visit_order],
        "TrainConfig": [flagship.ParallelMuon.__init__, flagship.Optimizers.__init__, flagship.progress,
                        flagship.lr_scale_at, flagship.muon_momentum_at, flagship.WeightAverages.__init__],
        "ExportConfig": [flagship.clip_sigmas, flagship.quantize_state_dict, flagship.plan_bytes],
        "EvalConfig": [flagship.eval_ttt, flagship.sgd_on_chunk, flagship.lora_batch, flagship.DocLoRA.__init__],
    }
    for config, functions in takes.items():
        for fn in functions:
            notes = " ".join(map(str, fn.__annotations__.values()))
            assert config in notes and "Hyperparameters" not in notes, (fn.__qualname__, notes)


def test_a_stage_gets_no_other_stages_settings(flagship):
    hp = flagship.Hyperparameters.from_env(SMALL)
    model = flagship.GPT(hp.model, flagship.sdpa_attention, 64, 1.5, 0.005)  # the model from its config alone
    assert model.forward_logits(torch.randint(0, 64, (1, 8))).shape == (1, 8, 64)
    with pytest.raises(AttributeError):  # the whole settings object is no ModelConfig
        flagship.GPT(hp, flagship.sdpa_attention, 64, 1.5, 0.005)
    with pytest.raises(AttributeError):  # nor is another stage's
        flagship.lr_scale_at(0, 0.0, hp.export)
    assert flagship.lr_scale_at(0, 0.0, hp.train) == 1.0
    shapes = {k: tuple(v.shape) for k, v in model.state_dict().items()}
    assert flagship.plan_bytes(hp.export, shapes) == flagship.plan_bytes(flagship.ExportConfig(), shapes)


def test_the_judge_reads_flat_and_staged_settings_alike(flagship, flat_record):
    flat = flat_record.Hyperparameters.from_env({})
    staged = flagship.Hyperparameters.from_env({"PRESET": flat.preset})
    for name in HP_FIELDS + OPTIONAL_FIELDS:  # what eval/child.py sends the judge
        assert has_setting(flat, name) and has_setting(staged, name), name
        assert setting(flat, name) == setting(staged, name), name
    assert setting(staged, "val_files").endswith("fineweb_val_*.bin")  # a stage's property too
    assert not has_setting(staged, "no_such_setting") and setting(staged, "no_such_setting", 7) == 7
    with pytest.raises(AttributeError, match="no_such_setting"):
        setting(flat, "no_such_setting")
    staged_envs = {f.metadata["env"] for _, f in flagship.Hyperparameters.fields()}
    assert set(setting_fields(flagship.Hyperparameters)) == staged_envs
    assert set(setting_fields(flat_record.Hyperparameters)) == {
        f.metadata["env"] for f in dataclasses.fields(flat_record.Hyperparameters)}
