"""A real CaseOps dataset end to end (issue 27): `python -m data.export --caseops` from text, the flagship
trains on it and exports, and `python -m eval` re-scores the artifact to 1e-6, dividing by the val byte
sidecars' bytes.

tests/test_sidecar.py runs the same train-export-judge path on the tiny sp512 dataset with sidecars made up
beside it (token bytes + 0-2); this one runs it on data the CaseOps exporter wrote: transformed text, a
tokenizer with the four operators reserved, sidecars by the public rule. Its val bytes are the UTF-8 bytes of
the original (untransformed) validation documents, which the tokenizer's pieces do not count (operators are
3-byte pieces standing for no bytes), so a side that counted pieces would print another val_bpb.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from data import caseops, export
from data.shards import load_tokens, load_val_bytes, shard_paths
from eval.bpb import build_luts, load_tokenizer, stream_target_bytes
from tests.conftest import TINY_ENV, make_documents
from tests.rehearsal import failure_text, judge, run_flagship

VOCAB = 512
VAL_DOCS = 24
NAME = f"tiny_sp{VOCAB}_lossless_caps_caseops_v1_reserved"
MODEL = f"tiny_{VOCAB}_bpe_lossless_caps_caseops_v1_reserved.model"


def caseops_documents(n_docs: int) -> list[str]:
    """conftest's prose with every case the transform has: Title words (sentence starts), ALL-CAPS words, a
    capital inside a word (CAPNEXT), and the operator characters themselves as literal text (escaped)."""
    docs = []
    for i, doc in enumerate(make_documents(n_docs, seed=3)):
        words = doc.split(" ")
        words = [w.upper() if j % 7 == 3 else w for j, w in enumerate(words)]
        words = [w[:2] + w[2:].capitalize() if j % 11 == 5 and len(w) > 3 else w for j, w in enumerate(words)]
        if i % 5 == 0:
            words.insert(1, "".join(caseops.OPERATORS))
        docs.append(" ".join(words))
    return docs


def build_caseops_dataset(root) -> dict:
    """The tiny CaseOps dataset under root (the exporter's own layout): paths, env, val docs and tokens."""
    docs = caseops_documents(300)
    corpus = root / "docs.jsonl"
    corpus.write_text("".join(json.dumps({"text": d}) + "\n" for d in docs), encoding="utf-8")
    rc = export.main([str(corpus), "--data-dir", str(root), "--caseops", "--vocab-size", str(VOCAB),
                      "--prefix", "tiny", "--val-docs", str(VAL_DOCS), "--shard-tokens", "2000",
                      "--threads", "1"])
    assert rc == 0
    data, tokenizer = root / "datasets" / NAME, root / "tokenizers" / MODEL
    val_paths = shard_paths(str(data / "fineweb_val_*.bin"))
    env = dict(TINY_ENV, DATA_PATH=str(data), TOKENIZER_PATH=str(tokenizer))
    return dict(data=data, tokenizer=tokenizer, env=env, val_docs=docs[:VAL_DOCS], val_paths=val_paths,
                val=load_tokens(str(data / "fineweb_val_*.bin")), sidecar=load_val_bytes(val_paths))


@pytest.fixture(scope="module")
def caseops_tiny(tmp_path_factory):
    return build_caseops_dataset(tmp_path_factory.mktemp("caseops_tiny"))


def test_the_exported_sidecars_count_the_original_text_and_the_pieces_do_not(caseops_tiny):
    d = caseops_tiny
    assert len(d["val_paths"]) >= 2  # several val shards, a sidecar for each
    assert int((d["val"] == 1).sum()) == VAL_DOCS
    original = sum(len(doc.encode("utf-8")) for doc in d["val_docs"])
    assert int(d["sidecar"].sum()) == original  # the public rule: each original byte once, 0 for operators
    pieces = int(stream_target_bytes(d["val"], build_luts(load_tokenizer(str(d["tokenizer"])), VOCAB)).sum())
    assert pieces != original, "the pieces count as the sidecars do: the tests here would prove nothing"
    assert np.isin(d["val"], [4, 5, 6, 7]).any()  # the operators are in the val stream


def test_a_caseops_run_trains_ships_and_is_judged_to_1e6_with_sidecar_bytes(caseops_tiny, tmp_path):
    d = caseops_tiny
    env = {**d["env"], "ITERATIONS": "8", "WARMDOWN_ITERS": "4", "EMA_DECAY": "0.9"}
    run = run_flagship(tmp_path / "run", env)
    n_files = len(d["val_paths"])
    assert f"\nval_bytes:sidecar files:{n_files}\n" in run.log, run.log[-3000:]
    n_targets = len(d["val"]) - 1
    nbytes = sum(len(doc.encode("utf-8")) for doc in d["val_docs"])  # the whole val set: every original byte
    lines = {"plain": "final_int6_roundtrip_exact", "sliding": "final_int6_sliding_window_exact"}
    for line in lines.values():
        loss, bpb = run.score(line)
        assert abs(loss * n_targets / math.log(2) / nbytes - bpb) < 1e-6 * bpb, line  # 8 printed digits
    data = {k: d["env"][k] for k in ("DATA_PATH", "TOKENIZER_PATH")}
    proc, report = judge(run.dir, data)
    assert proc.returncode == 0, failure_text(proc)
    out = proc.stdout.splitlines()
    assert f"val_bytes:sidecar files:{n_files}" in out
    assert report["val"]["bytes_source"] == "sidecar" and report["val"]["bytes"] == nbytes
    assert report["val"]["targets"] == n_targets
    assert [str(p) for p in d["val_paths"]] == report["val"]["files"]
    for mode, line in lines.items():
        assert abs(report["scores"][mode]["val_bpb"] - run.score(line)[1]) < 1e-6, mode
        assert abs(report["scores"][mode]["val_loss"] - run.score(line)[0]) < 1e-6, mode
    assert all(c["ok"] for c in report["comparisons"]) and report["comparisons"]
    # the judge says how many documents the val set has, and that it is not FineWeb's 50,000
    assert f"val_docs:{VAL_DOCS} canonical:50000 match:false" in out
    assert report["val"]["docs"] == VAL_DOCS and report["val"]["canonical_docs"] == 50_000
    assert any(f"has {VAL_DOCS} validation documents, not FineWeb's canonical 50,000" in n
               for n in report["notes"]), report["notes"]
