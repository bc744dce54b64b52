"""The offline sample (data/sample.py): built into a temp dir, it must be a usable, honest dataset.

The build takes about a second, so each test builds its own copy rather than trusting data/datasets/.
"""

from __future__ import annotations

import collections
import hashlib
import re

import pytest

from data import sample
from data.export import verify_export
from data.shards import BOS_ID, load_tokens, split_documents
from data.tokenizer_check import check_tokenizer


def tree_hashes(root):
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("sample")
    manifest, did_build = sample.build_sample(data_dir)
    assert did_build
    return data_dir, manifest


def test_layout_tokenizer_and_counts(built):
    data_dir, manifest = built
    d = data_dir / "datasets" / "sample_sp1024"
    model = data_dir / "tokenizers" / "sample_1024_bpe.model"
    names = sorted(p.name for p in d.iterdir())
    assert names[-1] == "manifest.json" and "fineweb_val_000000.bin" in names
    assert len([n for n in names if n.startswith("fineweb_train_")]) >= 2
    assert (data_dir / "tokenizers" / "sample_1024_bpe.vocab").is_file()
    val = load_tokens(str(d / "fineweb_val_*.bin"))
    train = load_tokens(str(d / "fineweb_train_*.bin"))
    sp = check_tokenizer(model, 1024, max_token_id=int(max(val.max(), train.max())))
    assert sp.bos_id() == BOS_ID
    assert 1_000_000 <= val.size + train.size <= 3_000_000
    assert manifest["tokens"] == {"val": int(val.size), "train": int(train.size), "total": int(val.size + train.size)}
    n_val, n_train = int((val == BOS_ID).sum()), int((train == BOS_ID).sum())
    assert (n_val, n_train) == (manifest["docs"]["val"], manifest["docs"]["train"]) == (sample.VAL_DOCS, 249)
    assert 0.05 <= n_val / (n_val + n_train) <= 0.10
    assert manifest["disjoint_check"]["passed"] and manifest["disjoint_check"]["roundtrip_mismatches"] == 0
    assert verify_export(d) == []


def test_validation_is_english_prose_from_all_novels(built):
    data_dir, _ = built
    sp = check_tokenizer(data_dir / "tokenizers" / "sample_1024_bpe.model", 1024)
    docs = split_documents(load_tokens(str(data_dir / "datasets" / "sample_sp1024" / "fineweb_val_*.bin")))
    text = "\n".join(sp.decode(doc[1:].tolist()) for doc in docs)
    words = collections.Counter(re.findall(r"[a-z]+", text.lower()))
    top = {w for w, _ in words.most_common(12)}
    assert {"the", "and", "of", "to", "a"} <= top, words.most_common(12)
    assert sum(words.values()) > 50_000
    assert sum(c.isascii() for c in text) / len(text) > 0.999
    # Chapters carry their heading; the hash order mixes the books into validation.
    assert all(re.search(r"^(CHAPTER|Chapter) [0-9IVXLC]+", sp.decode(d[1:].tolist()), re.M) for d in docs)
    corpus_docs = list(sample.iter_documents(sample.CORPUS, "jsonl"))
    assert len(corpus_docs) == 269


def test_build_is_deterministic_and_idempotent(built, tmp_path, capsys):
    data_dir, _ = built
    first = tree_hashes(data_dir)
    manifest, did_build = sample.build_sample(tmp_path)
    assert did_build and tree_hashes(tmp_path) == first
    # Up to date: nothing is rebuilt, and the CLI says so.
    assert sample.main(["--data-dir", str(tmp_path)]) == 0
    assert "up to date" in capsys.readouterr().out
    # A changed shard is noticed and rebuilt to the same bytes.
    shard = tmp_path / "datasets" / "sample_sp1024" / "fineweb_train_000001.bin"
    shard.write_bytes(shard.read_bytes()[:-2])
    assert sample.stale_reasons(tmp_path)
    _, did_build = sample.build_sample(tmp_path)
    assert did_build and tree_hashes(tmp_path) == first
    assert sample.main(["--data-dir", str(tmp_path), "--force"]) == 0
    assert "sample built" in capsys.readouterr().out


def test_missing_corpus_is_a_clear_error(tmp_path, capsys):
    with pytest.raises(ValueError, match=r"sample corpus not found: .*gone\.jsonl\.zst"):
        sample.build_sample(tmp_path, corpus=tmp_path / "gone.jsonl.zst")


def test_corpus_file_is_small_and_licensed():
    assert sample.CORPUS.stat().st_size <= 3_000_000
    licence = (sample.CORPUS.parent / "LICENSE").read_text(encoding="utf-8")
    assert "public domain" in licence and "Julia Silge" in licence


def test_the_sp8192_build_has_the_frontier_vocabulary_and_exact_bytes(tmp_path):
    """`--vocab 8192`: the same chapters with an 8192-piece tokenizer (the 04-27 frontier's vocabulary size,
    challenge_facts.md), its own folder beside sample_sp1024, bytes per target still the text's own."""
    from eval.bpb import build_luts, load_tokenizer, stream_target_bytes

    assert sample.main(["--data-dir", str(tmp_path), "--vocab", "8192"]) == 0
    d = tmp_path / "datasets" / "sample_sp8192"
    model = tmp_path / "tokenizers" / "sample_8192_bpe.model"
    val = load_tokens(str(d / "fineweb_val_*.bin"))
    sp = check_tokenizer(model, 8192, max_token_id=int(val.max()))
    assert int(val.max()) > 1024 and verify_export(d) == []
    docs = split_documents(val)
    luts = build_luts(load_tokenizer(str(model)), 8192)
    assert int(stream_target_bytes(val, luts).sum()) == sum(len(sp.decode(doc[1:].tolist()).encode()) for doc in docs)
    assert not (tmp_path / "datasets" / "sample_sp1024").exists()
    with pytest.raises(ValueError, match="vocab_size 4096"):
        sample.build_sample(tmp_path, vocab_size=4096)
