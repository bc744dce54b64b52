"""`python -m data.export --caseops` and `python -m data.sample --caseops`: CaseOps tokenizer (operators
reserved), shards and val byte sidecars, held to the public record's prepare_caseops_data.py on the same
documents (tests/fixtures/caseops_sample_public.json, made by tests/fixtures/make_caseops_golden.py --sample)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from data import caseops, export, sample
from data.shards import load_tokens, load_val_bytes, shard_paths

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PUBLIC = json.loads((FIXTURES / "caseops_sample_public.json").read_text(encoding="utf-8"))
CASE_NAME = "sample_sp8192_lossless_caps_caseops_v1_reserved"
MODEL_NAME = "sample_8192_bpe_lossless_caps_caseops_v1_reserved.model"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def per_doc(tokens: np.ndarray, values: np.ndarray) -> list[np.ndarray]:
    starts = list(np.flatnonzero(tokens == 1)) + [len(tokens)]
    return [values[a:b] for a, b in zip(starts[:-1], starts[1:])]


def test_caseops_sample_is_what_the_public_prep_script_writes(tmp_path, capsys):
    assert sample.main(["--data-dir", str(tmp_path), "--caseops"]) == 0
    out = capsys.readouterr().out
    folder = tmp_path / "datasets" / CASE_NAME
    model = tmp_path / "tokenizers" / MODEL_NAME
    assert sorted(p.name for p in folder.iterdir()) == [
        "fineweb_train_000000.bin", "fineweb_train_000001.bin", "fineweb_val_000000.bin",
        "fineweb_val_bytes_000000.bin", "manifest.json"]
    # Same tokenizer as the public run used (sentencepiece training is deterministic here; if this fails, the
    # trainer changed: regenerate the fixture as tests/fixtures/make_caseops_golden.py says).
    assert sha(model) == PUBLIC["tokenizer_sha256"]
    assert sha(folder / "fineweb_val_000000.bin") == PUBLIC["val_shard_sha256"]
    assert sha(folder / "fineweb_val_bytes_000000.bin") == PUBLIC["val_bytes_sidecar_sha256"]
    train = load_tokens(str(folder / "fineweb_train_*.bin"))
    assert hashlib.sha256(train.astype("<u2").tobytes()).hexdigest() == PUBLIC["train_tokens_sha256"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    side = load_val_bytes(shard_paths(str(folder / "fineweb_val_*.bin")))
    assert int(side.sum()) == PUBLIC["val_bytes_total"] == manifest["val_bytes_sidecar"]["val_bytes"]
    assert manifest["val_bytes_sidecar"]["equals_val_utf8_bytes"]
    assert manifest["text_transform"] == caseops.TRANSFORM_NAME
    assert manifest["disjoint_check"]["passed"] and manifest["disjoint_check"]["roundtrip_mismatches"] == 0
    assert f"val byte sidecars: {PUBLIC['val_bytes_total']:,} original bytes" in out
    # Up to date now: a second run does nothing; the plain sample's name is untouched.
    assert sample.stale_reasons(tmp_path, vocab_size=8192, caseops_data=True) == []
    assert not (tmp_path / "datasets" / "sample_sp8192").exists()


DOCS = [
    "The NASA Launch was LOUD. McDonald's iPhone met eBay in Zürich, ÉCOLE and École.",
    "Literal operators " + "".join(caseops.OPERATORS) + " and \ue000 must survive, as must ß and Ω.",
    " A document that starts with a space, has  double  spaces,\ttabs\nand new lines.\n",
] + [f"Document {i}: The {w.upper()} River and the {w.title()} Stone; {w} again. " * 4
     for i, w in enumerate(["alder", "birch", "cedar", "delta", "ember", "fjord", "grove", "heath", "inlet",
                            "jetty", "knoll", "larch"])]


def test_export_caseops_writes_sidecars_that_count_every_original_byte(tmp_path):
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("".join(json.dumps({"text": d}) + "\n" for d in DOCS), encoding="utf-8")
    rc = export.main([str(corpus), "--data-dir", str(tmp_path), "--caseops", "--vocab-size", "400",
                      "--prefix", "tiny", "--val-docs", "4", "--shard-tokens", "150"])
    assert rc == 0
    folder = tmp_path / "datasets" / "tiny_sp400_lossless_caps_caseops_v1_reserved"
    model = tmp_path / "tokenizers" / "tiny_400_bpe_lossless_caps_caseops_v1_reserved.model"
    sp = export.check_tokenizer(model, 400)
    assert [sp.piece_to_id(op) for op in caseops.OPERATORS] == [4, 5, 6, 7]
    vals = shard_paths(str(folder / "fineweb_val_*.bin"))
    assert len(vals) >= 2  # several val shards, each with its own sidecar
    tokens = load_tokens(str(folder / "fineweb_val_*.bin"))
    side = load_val_bytes(vals)
    docs = per_doc(tokens, tokens)
    counts = per_doc(tokens, side)
    assert [caseops.decode(sp.decode(d[1:].tolist())) for d in docs] == DOCS[:4]
    assert [int(c.sum()) for c in counts] == [len(d.encode("utf-8")) for d in DOCS[:4]]
    assert all(c[0] == 0 for c in counts)  # BOS stands for no bytes
    # TITLE, ALLCAPS, CAPNEXT and ESC stand for no bytes either; an escaped literal operator for its own 3.
    escaped = np.zeros(len(tokens), dtype=bool)
    for i in range(1, len(tokens)):
        escaped[i] = tokens[i - 1] == 7 and not escaped[i - 1]  # ESC ESC: the second is the literal
    assert not side[np.isin(tokens, [4, 5, 6, 7]) & ~escaped].any()
    assert side[escaped].tolist() == [3, 3, 3, 3]
    # Each count is the public rule on the token's surface (golden-tested in tests/test_caseops.py).
    for doc, c in zip(DOCS[:4], counts):
        (ids, expected), = caseops.encode_for_tokenizer(sp, [doc])
        assert c[1:].tolist() == expected
    assert export.verify_export(folder) == []


def test_caseops_export_refuses_a_tokenizer_without_reserved_operators(tmp_path, capsys):
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("".join(json.dumps({"text": d}) + "\n" for d in DOCS), encoding="utf-8")
    assert export.main([str(corpus), "--data-dir", str(tmp_path), "--vocab-size", "400", "--prefix", "plain",
                        "--val-docs", "4"]) == 0
    plain = tmp_path / "tokenizers" / "plain_400_bpe.model"
    capsys.readouterr()
    assert export.main([str(corpus), "--data-dir", str(tmp_path), "--caseops", "--tokenizer", str(plain),
                        "--prefix", "x", "--val-docs", "4"]) == 2
    err = capsys.readouterr().err
    assert str(plain) in err and "not a CaseOps tokenizer" in err
    assert not (tmp_path / "datasets" / "x_sp400_lossless_caps_caseops_v1_reserved").exists()
    # And the other way round: a CaseOps tokenizer without --caseops would be fed untransformed text.
    assert export.main([str(corpus), "--data-dir", str(tmp_path), "--caseops", "--vocab-size", "400",
                        "--prefix", "c", "--val-docs", "4"]) == 0
    model = tmp_path / "tokenizers" / "c_400_bpe_lossless_caps_caseops_v1_reserved.model"
    capsys.readouterr()
    assert export.main([str(corpus), "--data-dir", str(tmp_path), "--tokenizer", str(model), "--prefix", "y",
                        "--val-docs", "4"]) == 2
    err = capsys.readouterr().err
    assert str(model) in err and "is a CaseOps tokenizer" in err and "pass --caseops" in err


@pytest.mark.parametrize("caseops_data, name",
                         [(False, "p_sp300"), (True, "p_sp300_lossless_caps_caseops_v1_reserved")])
def test_names_follow_the_public_record(caseops_data, name):
    assert export.dataset_name("p", 300, caseops_data) == name
    record_name = "fineweb_8192_bpe_lossless_caps_caseops_v1_reserved.model"
    assert export.tokenizer_filename("fineweb", 8192, True) == record_name
