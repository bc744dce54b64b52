"""The frontier record folder on CaseOps data (issue 27): its frozen train_gpt.py reads the CaseOps dataset
and tokenizer by default (PRESET=frontier_0427 as the public 04-27 record ran), leaves the val byte sidecars
out of its val tokens and divides by their bytes, and its logs are runs on the offline CaseOps sample,
labelled so.

tests/test_records.py runs and judges every record (the frontier one on the plain sp8192 sample: the record
takes DATA_PATH/TOKENIZER_PATH from the env); this file checks what is CaseOps about this one, from its files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from data.shards import load_val_bytes, shard_name, shard_paths, write_shard
from eval.loader import load_record_module

ROOT = Path(__file__).resolve().parents[1]
RECORD = ROOT / "records" / "track_10min_16mb" / "2026-12-02_Frontier0427_Stack"
VARIANT = "sp8192_lossless_caps_caseops_v1_reserved"
SAMPLE = f"sample_{VARIANT}"


def test_the_record_reads_the_caseops_dataset_and_tokenizer_by_default():
    hp = load_record_module(RECORD / "train_gpt.py").Hyperparameters.from_env({})
    assert hp.preset == "frontier_0427" and hp.vocab_size == 8192
    assert hp.data_path == f"./data/datasets/fineweb10B_{VARIANT}"
    assert hp.tokenizer_path == "./data/tokenizers/fineweb_8192_bpe_lossless_caps_caseops_v1_reserved.model"


def test_the_record_reads_no_sidecar_as_tokens_and_counts_the_sidecar_bytes(tmp_path):
    """The frozen script before this cut globbed fineweb_val_*.bin, sidecars included (byte counts are valid
    token ids): it would have scored garbage on the data it now reads by default."""
    module = load_record_module(RECORD / "train_gpt.py")
    rng = np.random.default_rng(0)
    vals = [np.concatenate([[1], rng.integers(8, 8192, n)]) for n in (300, 200)]
    sides = [np.where(v == 1, 0, rng.integers(0, 9, len(v))) for v in vals]
    for i, (v, s) in enumerate(zip(vals, sides)):
        write_shard(tmp_path / shard_name("val", i), v)
        write_shard(tmp_path / shard_name("val_bytes", i), s)
    pattern = str(tmp_path / "fineweb_val_*.bin")
    assert module.shard_files(pattern) == [str(p) for p in shard_paths(pattern)]
    hp = module.Hyperparameters.from_env({"DATA_PATH": str(tmp_path)})
    assert module.load_val_tokens(hp).tolist() == np.concatenate(vals).tolist()
    expected = load_val_bytes(shard_paths(pattern))
    assert module.load_val_bytes(hp.val_files, len(expected), None).tolist() == expected.tolist()


def test_its_logs_are_caseops_sample_runs_scored_with_sidecar_bytes():
    logs = sorted(RECORD.glob("train_seed*.log"))
    assert len(logs) == 3
    for log in logs:
        text = log.read_text()
        assert re.search(rf"^hp:DATA_PATH='\S*/data/datasets/{SAMPLE}' ", text, re.M), log
        assert re.search(rf"^hp:TOKENIZER_PATH='\S*/{SAMPLE.replace('sp8192', '8192_bpe')}.model' ", text,
                         re.M), log
        assert "\nval_bytes:sidecar files:1\n" in text, log
        assert "\nlegal_ttt_exact val_loss:" in text, log
    readme = (RECORD / "README.md").read_text()
    submission = json.loads((RECORD / "submission.json").read_text())
    assert submission["leaderboard_claim"] is False and "Leaderboard claim: no" in readme
    for text in (readme, submission["hardware"]):
        assert "CaseOps sample" in text and "not a FineWeb" in text
    assert f"python data/cached_challenge_fineweb.py --variant {VARIANT}" in readme
    assert f"DATA_PATH=data/datasets/{SAMPLE} " in readme
