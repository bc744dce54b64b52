"""data/export.py and data/tokenizer_check.py on a tiny generated corpus (CPU, a few seconds).

What must hold for any exported dataset: the tokenizer has the requested size and the challenge's ids
(BOS=1); every document comes back from the shards as BOS + tokens that decode to its exact text;
validation and training share no document; and the challenge's bytes-per-token rule, computed here
by brute force from the piece table, adds up to each document's UTF-8 length.
"""

from __future__ import annotations

import json
import random
import shutil

import numpy as np
import pytest
import zstandard

from data import export
from data.export import ExportError, export_file, iter_documents
from data.shards import BOS_ID, load_tokens, split_documents
from data.tokenizer_check import TokenizerError, check_tokenizer

VOCAB = 400
WORDS = (
    "the of and to a in that was he it his her with as had for she you not be is at on him by which but "
    "have from my were they all this so what or no there said one been their would could very an some "
    "them me more when who will do if any much must such than only time every into now should being "
    "miss mister lady house letter morning evening walk garden family sister brother friend heart mind "
    "happy quiet little great good young long never always again upon before after while though"
).split()

SPECIAL_DOCS = [
    " A document that starts with a space, and has  two spaces inside.",
    "Numbers: in 1813 there were 42 guests, 7 carriages and 1,250 pounds.",
    "Unicode: café, naïve, “curly quotes” — an em dash, 日本語, and an emoji 🙂 at the end.",
    "A verse kept line by line:\n    indented first line,\n      more indented second line.",
    "Tabs\tinside\tthe text and trailing spaces   ",
]


def make_docs(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        sentences = []
        for _ in range(rng.randint(2, 6)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(4, 14))]
            sentences.append(" ".join(words).capitalize() + rng.choice([".", ".", "!", "?", ";"]))
        docs.append(" ".join(sentences))
    return docs


def reference_bytes(sp, tokens: np.ndarray) -> int:
    """Brute-force challenge rule: bytes of each target token of one BOS-led document, summed."""
    def boundary(t: int) -> bool:
        return sp.is_control(t) or sp.is_unknown(t) or sp.is_unused(t)

    total = 0
    ids = [int(t) for t in tokens]
    for prev, tok in zip(ids[:-1], ids[1:]):
        if boundary(tok):
            continue
        if sp.is_byte(tok):
            total += 1
            continue
        piece = sp.id_to_piece(tok)
        if piece.startswith("▁"):
            total += len(piece[1:].encode("utf-8")) + (0 if boundary(prev) else 1)
        else:
            total += len(piece.encode("utf-8"))
    return total


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Blank-line-separated text with a val document repeated in train and a train duplicate."""
    base = make_docs(60)
    docs = base[:3] + SPECIAL_DOCS + base[3:]
    val_docs = 6
    val = docs[:val_docs]
    lines = docs[:30] + [val[0]] + docs[30:] + [docs[20]]  # val[0] again, then a train doc again
    train = docs[val_docs:]
    root = tmp_path_factory.mktemp("corpus")
    path = root / "tiny.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return {"path": path, "val": val, "train": train, "val_docs": val_docs, "root": root}


@pytest.fixture(scope="module")
def exported(corpus, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("data")
    manifest = export_file(corpus["path"], data_dir, vocab_size=VOCAB, prefix="tiny",
                           val_docs=corpus["val_docs"], shard_tokens=700)
    sp = check_tokenizer(data_dir / "tokenizers" / f"tiny_{VOCAB}_bpe.model", VOCAB)
    return {"dir": data_dir / "datasets" / f"tiny_sp{VOCAB}", "data_dir": data_dir, "manifest": manifest, "sp": sp}


def read_split(dataset_dir, split):
    return split_documents(load_tokens(str(dataset_dir / f"fineweb_{split}_*.bin")))


def test_tokenizer_has_requested_size_and_challenge_ids(exported):
    sp = exported["sp"]
    assert sp.vocab_size() == VOCAB
    assert (sp.pad_id(), sp.bos_id(), sp.eos_id(), sp.unk_id()) == (0, 1, 2, 3)
    assert BOS_ID == 1 and sp.id_to_piece(1) == "<s>"
    vocab_file = exported["data_dir"] / "tokenizers" / f"tiny_{VOCAB}_bpe.vocab"
    assert vocab_file.read_text(encoding="utf-8").count("\n") == VOCAB


def test_layout_and_manifest(exported, corpus):
    d, m = exported["dir"], exported["manifest"]
    names = sorted(p.name for p in d.iterdir())
    assert "fineweb_val_000000.bin" in names and "manifest.json" in names
    train_files = [n for n in names if n.startswith("fineweb_train_")]
    assert len(train_files) >= 2, "700-token shards must split the training stream"
    assert json.loads((d / "manifest.json").read_text(encoding="utf-8")) == m
    assert m["docs"]["val"] == corpus["val_docs"] and m["docs"]["train"] == len(corpus["train"])
    assert m["tokens"]["total"] == m["tokens"]["val"] + m["tokens"]["train"]
    assert sum(f["tokens"] for f in m["files"]) == m["tokens"]["total"]
    assert m["tokenizer"]["model_path"] == f"tokenizers/tiny_{VOCAB}_bpe.model"
    assert m["vocab_size"] == VOCAB and m["source"]["file"] == "tiny.txt"
    assert export.verify_export(d) == []


@pytest.mark.parametrize("split", ["val", "train"])
def test_shards_decode_to_the_original_documents(exported, corpus, split):
    docs = read_split(exported["dir"], split)
    expected = corpus[split]
    stream = load_tokens(str(exported["dir"] / f"fineweb_{split}_*.bin"))
    assert int((stream == BOS_ID).sum()) == len(expected)  # one BOS per document, no EOS
    assert not (stream == 2).any()
    assert len(docs) == len(expected)
    for toks, text in zip(docs, expected):
        assert toks[0] == BOS_ID
        assert exported["sp"].decode(toks[1:].tolist()) == text


def test_duplicate_of_a_val_document_is_not_in_train(exported, corpus):
    val_texts = {exported["sp"].decode(t[1:].tolist()) for t in read_split(exported["dir"], "val")}
    train_texts = [exported["sp"].decode(t[1:].tolist()) for t in read_split(exported["dir"], "train")]
    assert corpus["val"][0] in val_texts
    assert corpus["val"][0] not in train_texts  # it was in the input a second time, among train docs
    assert not val_texts & set(train_texts)
    assert len(train_texts) == len(set(train_texts))  # the train duplicate was dropped too
    docs, check = exported["manifest"]["docs"], exported["manifest"]["disjoint_check"]
    assert docs["train_dropped_as_in_val"] == 1 and docs["duplicates_dropped_within_train"] == 1
    assert check["passed"] and check["val_train_hash_overlap"] == 0 and check["roundtrip_mismatches"] == 0


@pytest.mark.parametrize("split", ["val", "train"])
def test_byte_rule_sums_to_utf8_length(exported, split):
    sp = exported["sp"]
    docs = read_split(exported["dir"], split)
    if split == "val":  # the emoji and CJK document is in val: byte fallback must be exercised
        assert any(sp.is_byte(int(t)) for d in docs for t in d)
    for toks in docs:
        text = sp.decode(toks[1:].tolist())
        assert reference_bytes(sp, toks) == len(text.encode("utf-8")), text[:60]


def test_val_bytes_in_manifest(exported, corpus):
    assert exported["manifest"]["utf8_bytes"]["val"] == sum(len(t.encode("utf-8")) for t in corpus["val"])


def test_reusing_the_tokenizer_gives_the_same_shards(exported, corpus, tmp_path):
    model = exported["data_dir"] / "tokenizers" / f"tiny_{VOCAB}_bpe.model"
    m = export_file(corpus["path"], tmp_path, tokenizer_path=model, prefix="tiny",
                    val_docs=corpus["val_docs"], shard_tokens=700)
    assert m["tokenizer"]["trained_here"] is False and m["vocab_size"] == VOCAB
    assert [f["sha256"] for f in m["files"]] == [f["sha256"] for f in exported["manifest"]["files"]]
    assert not (tmp_path / "tokenizers").exists()


def test_training_is_deterministic(corpus, tmp_path):
    a = export.train_tokenizer(corpus["train"], tmp_path / "a.model", VOCAB)
    b = export.train_tokenizer(corpus["train"], tmp_path / "b.model", VOCAB)
    assert a.read_bytes() == b.read_bytes()


def test_rerun_removes_stale_shards(corpus, tmp_path):
    export_file(corpus["path"], tmp_path, vocab_size=VOCAB, prefix="tiny", val_docs=6, shard_tokens=300)
    m = export_file(corpus["path"], tmp_path, vocab_size=VOCAB, prefix="tiny", val_docs=6, shard_tokens=100_000)
    d = tmp_path / "datasets" / f"tiny_sp{VOCAB}"
    assert sorted(p.name for p in d.glob("*.bin")) == ["fineweb_train_000000.bin", "fineweb_val_000000.bin"]
    assert len(m["files"]) == 2 and export.verify_export(d) == []


def test_input_formats(tmp_path):
    docs = ["first doc\nwith two lines", "second {doc}", "third"]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps({"text": d}) + "\n" for d in docs) + "\n")
    (tmp_path / "b.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress((tmp_path / "a.jsonl").read_bytes()))
    (tmp_path / "c.txt").write_text("one\n\n\n two \n  \nthree\nfour\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("one\r\ntwo\r\n", encoding="utf-8", newline="")
    assert list(iter_documents(tmp_path / "a.jsonl")) == docs
    assert list(iter_documents(tmp_path / "b.jsonl.zst")) == docs
    assert list(iter_documents(tmp_path / "c.txt")) == ["one", " two ", "three\nfour"]
    assert list(iter_documents(tmp_path / "c.txt", one_per_line=True)) == ["one", " two ", "three", "four"]
    assert list(iter_documents(tmp_path / "d.txt", one_per_line=True)) == ["one", "two"]
    (tmp_path / "bad.jsonl").write_text('{"text": "ok"}\n{"body": "no text"}\n')
    with pytest.raises(ExportError, match=r"bad\.jsonl:2: expected an object with a string 'text' field"):
        list(iter_documents(tmp_path / "bad.jsonl"))


# --- errors name the file or the setting -------------------------------------------------------------


def test_check_tokenizer_errors(exported, tmp_path):
    model = exported["data_dir"] / "tokenizers" / f"tiny_{VOCAB}_bpe.model"
    assert check_tokenizer(model, VOCAB, max_token_id=VOCAB - 1).vocab_size() == VOCAB
    missing = tmp_path / "nope.model"
    with pytest.raises(TokenizerError, match=r"tokenizer file not found: .*nope\.model"):
        check_tokenizer(missing, VOCAB)
    with pytest.raises(TokenizerError, match=rf"tiny_{VOCAB}_bpe\.model: tokenizer vocab size is {VOCAB}, "
                                             r"but vocab_size=1024 was requested"):
        check_tokenizer(model, 1024)
    with pytest.raises(TokenizerError, match=rf"holds token id {VOCAB}, outside this tokenizer's {VOCAB} ids"):
        check_tokenizer(model, VOCAB, max_token_id=VOCAB)
    junk = tmp_path / "junk.model"
    junk.write_bytes(b"not a model")
    with pytest.raises(TokenizerError, match=r"junk\.model: not a readable SentencePiece model"):
        check_tokenizer(junk, VOCAB)


def test_export_errors(corpus, exported, tmp_path):
    with pytest.raises(ExportError, match=r"input file not found: .*missing\.txt"):
        export_file(tmp_path / "missing.txt", tmp_path, vocab_size=VOCAB, val_docs=2)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"no documents in empty\.txt"):
        export_file(empty, tmp_path, vocab_size=VOCAB, val_docs=2)
    with pytest.raises(ExportError, match=r"--vocab-size 100 is out of range"):
        export_file(corpus["path"], tmp_path, vocab_size=100, val_docs=2)
    with pytest.raises(ExportError, match=r"--vocab-size 100000 is out of range"):
        export_file(corpus["path"], tmp_path, vocab_size=100_000, val_docs=2)
    with pytest.raises(ExportError, match=r"--vocab-size 280 is too small for tiny\.txt: its characters need at least"):
        export_file(corpus["path"], tmp_path, vocab_size=280, val_docs=2)
    with pytest.raises(ExportError, match=r"--vocab-size 9000 is too large for tiny\.txt: .* at most \d+ pieces"):
        export_file(corpus["path"], tmp_path, vocab_size=9000, val_docs=2)
    with pytest.raises(ExportError, match=r"--val-docs 500 takes all \d+ distinct documents of tiny\.txt"):
        export_file(corpus["path"], tmp_path, vocab_size=VOCAB, val_docs=500)
    with pytest.raises(ExportError, match=r"--vocab-size is required"):
        export_file(corpus["path"], tmp_path, val_docs=2)
    model = exported["data_dir"] / "tokenizers" / f"tiny_{VOCAB}_bpe.model"
    with pytest.raises(TokenizerError, match=rf"tiny_{VOCAB}_bpe\.model: tokenizer vocab size is {VOCAB}, "
                                             r"but vocab_size=512 was requested"):
        export_file(corpus["path"], tmp_path, tokenizer_path=model, vocab_size=512, val_docs=2)


def test_cli(corpus, tmp_path, capsys):
    assert export.main([str(tmp_path / "missing.txt"), "--data-dir", str(tmp_path), "--vocab-size", "400"]) == 2
    assert "input file not found" in capsys.readouterr().err
    src = tmp_path / "in.txt"
    shutil.copy(corpus["path"], src)
    rc = export.main([str(src), "--data-dir", str(tmp_path), "--vocab-size", str(VOCAB), "--val-docs", "6"])
    assert rc == 0
    assert "wrote 2 shard(s)" in capsys.readouterr().out
    assert (tmp_path / "datasets" / f"in_sp{VOCAB}" / "manifest.json").is_file()
    assert (tmp_path / "tokenizers" / f"in_{VOCAB}_bpe.model").is_file()
