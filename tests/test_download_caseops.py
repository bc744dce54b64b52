"""data/cached_challenge_fineweb.py with the CaseOps variant, against the local hub stand-in
(tests/hub_standin.py, driven through tests/test_download.py's Export): its own repo and root by default, val
byte sidecars fetched and checked like shards, the validation document count reported."""

from __future__ import annotations

import hashlib
import json
import subprocess

import numpy as np
import pytest

from data import caseops
from data.shards import load_val_bytes, shard_bytes, shard_paths, write_shard
from tests.rehearsal import HANG_S
from tests.test_download import Export, explain, make_tokens

CASEOPS = "sp8192_lossless_caps_caseops_v1_reserved"
DATASET = f"fineweb10B_{CASEOPS}"
HUB_REPO = "romeerp/parameter-golf-caseops-v1"
MODEL = "tokenizers/fineweb_8192_bpe_lossless_caps_caseops_v1_reserved.model"
SHARD_SIZE = 2048
TOKENS = {"val": 3000, "train": 3000}  # val: 2048 + 952 tokens, each with its sidecar; train: 2048 + 952


def caseops_export(ex: Export, val_stream: np.ndarray | None = None, shard_size: int = SHARD_SIZE) -> None:
    """Replace the stand-in's export by a CaseOps one, served as the public repo is (root `datasets/`)."""
    build = ex.tmp / "build_caseops"
    files: dict[str, bytes] = {}
    streams = {"val": make_tokens(TOKENS["val"], 5) if val_stream is None else val_stream,
               "train": make_tokens(TOKENS["train"], 6)}
    rng = np.random.default_rng(7)
    for split, stream in streams.items():
        for i, start in enumerate(range(0, len(stream), shard_size)):
            part = stream[start:start + shard_size]
            write_shard(build / f"fineweb_{split}_{i:06d}.bin", part)
            name = f"fineweb_{split}_{i:06d}.bin"
            files[f"datasets/{DATASET}/{name}"] = (build / name).read_bytes()
            if split == "val":
                counts = np.where(part == 1, 0, rng.integers(0, 6, size=len(part)))
                files[f"datasets/{DATASET}/fineweb_val_bytes_{i:06d}.bin"] = shard_bytes(counts)
    files[MODEL] = b"stand-in caseops model\n" * 40
    ex.files = files
    ex.manifest = {
        "version": "10B", "shard_size": shard_size,
        "datasets": [{
            "name": DATASET, "tokenizer_name": "sp_bpe_8192_caseops", "bos_id": 1,
            "val_bytes_glob": f"datasets/{DATASET}/fineweb_val_bytes_*.bin",
            "stats": {"files_val": len(range(0, len(streams["val"]), shard_size)),
                      "files_train": len(range(0, TOKENS["train"], shard_size)),
                      "tokens_val": len(streams["val"]), "tokens_train": TOKENS["train"]},
        }],
        "tokenizers": [{"name": "sp_bpe_8192_caseops", "model_path": MODEL}],
    }
    ex.hub.repo_id = HUB_REPO
    ex.publish()


def run_default_repo(ex: Export, *args: str) -> subprocess.CompletedProcess:
    """The CLI with neither MATCHED_FINEWEB_REPO_ID nor the root prefix set: the variant's own defaults."""
    env = ex.env()
    del env["MATCHED_FINEWEB_REPO_ID"]
    return subprocess.run(ex.argv("--variant", CASEOPS, *args), env=env, cwd=ex.tmp, capture_output=True,
                          text=True, timeout=HANG_S)


@pytest.fixture
def export(tmp_path):
    ex = Export(tmp_path)
    caseops_export(ex)
    yield ex
    ex.hub.stop()


def served_values(ex: Export, name: str) -> np.ndarray:
    """The uint16 values of a served shard or sidecar of the CaseOps dataset."""
    return np.frombuffer(ex.files[f"datasets/{DATASET}/{name}"][1024:], "<u2")


def local(ex: Export, name: str):
    return ex.data_dir / "datasets" / DATASET / name


def test_caseops_variant_fetches_val_sidecars_train_and_tokenizer_from_its_repo(export):
    result = run_default_repo(export, "--train-shards", "1")
    assert result.returncode == 0, explain(result, export.hub)
    names = ["fineweb_val_000000.bin", "fineweb_val_000001.bin", "fineweb_val_bytes_000000.bin",
             "fineweb_val_bytes_000001.bin", "fineweb_train_000000.bin"]
    for name in names:
        assert local(export, name).read_bytes() == export.files[f"datasets/{DATASET}/{name}"], name
    assert not local(export, "fineweb_train_000001.bin").exists()
    model = export.data_dir / "tokenizers" / MODEL.split("/")[-1]
    assert model.read_bytes() == export.files[MODEL]
    assert "done: 6 downloaded" in result.stdout
    # The val set's documents are counted (BOS tokens) and a non-canonical count is said.
    val = np.concatenate([served_values(export, n) for n in names[:2]])
    assert f"val_docs:{int((val == 1).sum())} canonical:50000 match:false\n" in result.stdout
    assert "not FineWeb's canonical 50,000" in result.stdout
    side = np.concatenate([served_values(export, n) for n in names[2:4]])
    assert f"val_bytes_source:sidecar val_bytes:{int(side.sum())}" in result.stdout
    # A second run fetches only the manifest.
    before = len(export.hub.requests)
    again = run_default_repo(export, "--train-shards", "1")
    assert again.returncode == 0, explain(again, export.hub)
    assert "done: 0 downloaded, 6 already present" in again.stdout
    assert {r[1] for r in export.hub.requests[before:]} == {"datasets/manifest.json"}


def test_canonical_val_set_is_not_flagged(export):
    stream = np.ones(50_010, dtype=np.int64)  # 50,000 documents, nearly all empty: the canonical count
    stream[1:11] = 5
    caseops_export(export, val_stream=stream, shard_size=40_000)  # 2 val shards, 2 sidecars
    result = run_default_repo(export, "--train-shards", "0")
    assert result.returncode == 0, explain(result, export.hub)
    assert "val_docs:50000 canonical:50000 match:true\n" in result.stdout
    assert "not FineWeb's canonical" not in result.stdout


def test_damaged_sidecar_is_fetched_again(export):
    assert run_default_repo(export, "--train-shards", "0").returncode == 0
    side = local(export, "fineweb_val_bytes_000001.bin")
    side.write_bytes(side.read_bytes()[:-10])
    before = len(export.hub.requests)
    result = run_default_repo(export, "--train-shards", "0")
    assert result.returncode == 0, explain(result, export.hub)
    fetched = {r[1] for r in export.hub.requests[before:] if r[0] == "GET"}
    assert fetched == {"datasets/manifest.json", f"datasets/datasets/{DATASET}/fineweb_val_bytes_000001.bin"}
    assert side.read_bytes() == export.files[f"datasets/{DATASET}/fineweb_val_bytes_000001.bin"]


def test_wrong_length_sidecar_is_rejected_and_not_placed(export):
    # A well-formed shard file, but one entry short of its val shard's 952 tokens (size derived from it).
    remote = f"datasets/{DATASET}/fineweb_val_bytes_000001.bin"
    export.files[remote] = shard_bytes(np.zeros(951, dtype=np.uint16))
    export.publish()
    result = run_default_repo(export, "--train-shards", "0")
    assert result.returncode == 1, explain(result, export.hub)
    assert "fineweb_val_bytes_000001.bin" in result.stderr and "2926 bytes" in result.stderr
    assert not local(export, "fineweb_val_bytes_000001.bin").exists()


def test_sidecar_giving_bos_bytes_is_refused(export):
    remote = f"datasets/{DATASET}/fineweb_val_bytes_000000.bin"
    export.files[remote] = shard_bytes(np.full(SHARD_SIZE, 3, dtype=np.uint16))
    export.publish()
    result = run_default_repo(export, "--train-shards", "0")
    assert result.returncode == 1, explain(result, export.hub)
    assert "BOS tokens original bytes" in result.stderr


def test_caseops_manifest_without_sidecars_is_refused(export):
    del export.manifest["datasets"][0]["val_bytes_glob"]
    export.publish()
    result = run_default_repo(export, "--train-shards", "0")
    assert result.returncode == 1, explain(result, export.hub)
    assert "lists no val byte sidecars" in result.stderr and DATASET in result.stderr
    assert not (export.data_dir / "datasets").exists()


def test_env_still_overrides_the_caseops_defaults(export):
    result = export.run("--variant", CASEOPS, "--train-shards", "0")  # env names the test repo: not there
    assert result.returncode == 1 and "test-org/parameter-golf" in result.stderr, explain(result, export.hub)
    result = run_default_repo(export, "--train-shards", "0")
    assert result.returncode == 0
    env = export.env(MATCHED_FINEWEB_REMOTE_ROOT_PREFIX="nope")
    del env["MATCHED_FINEWEB_REPO_ID"]
    wrong_root = subprocess.run(export.argv("--variant", CASEOPS), env=env, cwd=export.tmp,
                                capture_output=True, text=True, timeout=HANG_S)
    assert wrong_root.returncode == 1 and f"no manifest at {HUB_REPO}:nope/manifest.json" in wrong_root.stderr


def test_caseops_dataset_manifest_says_transform_and_sidecars(export):
    """The folder's manifest.json names the transform and the sidecars (data/shards.py and the flagship refuse
    val shards without them when it does) and the tokenizer's SHA-256, on the first run and on a rerun."""
    result = run_default_repo(export, "--train-shards", "1")
    assert result.returncode == 0, explain(result, export.hub)
    path = local(export, "manifest.json")
    first = path.read_bytes()
    record = json.loads(first)
    assert record["text_transform"] == caseops.TRANSFORM_NAME
    side = np.concatenate([served_values(export, f"fineweb_val_bytes_{i:06d}.bin") for i in range(2)])
    assert record["val_bytes_sidecar"] == {"files": 2, "val_bytes": int(side.sum())}
    assert record["tokenizer"]["model_path"] == MODEL and record["tokenizer"]["vocab_path"] is None
    assert record["tokenizer"]["sha256"] == hashlib.sha256(export.files[MODEL]).hexdigest()
    val_tokens = TOKENS["val"]
    assert record["tokens"] == {"val": val_tokens, "train": SHARD_SIZE, "total": val_tokens + SHARD_SIZE}
    assert record["source"]["hub_repo"] == HUB_REPO and record["bos_id"] == 1
    val = shard_paths(str(path.parent / "fineweb_val_*.bin"))
    assert np.array_equal(load_val_bytes(val), side)
    again = run_default_repo(export, "--train-shards", "1")
    assert again.returncode == 0, explain(again, export.hub)
    assert path.read_bytes() == first
