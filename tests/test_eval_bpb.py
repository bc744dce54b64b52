"""eval/bpb.py: the byte tables and the target-byte rule, held to a brute-force decode."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import world  # noqa: E402,F401  (pytest fixture)

from data.shards import split_documents  # noqa: E402
from eval.bpb import (ByteLUTs, TokenizerError, bits_per_byte, build_luts, load_tokenizer,  # noqa: E402
                      stream_target_bytes, target_bytes)


def brute_force_doc_bytes(sp, tokens) -> list[int]:
    """UTF-8 length of each decoded document (the reference the tables must reproduce)."""
    return [len(sp.decode([int(t) for t in doc[1:]]).encode("utf-8")) for doc in split_documents(tokens)]


def per_doc_table_bytes(tokens, luts) -> list[int]:
    """Table bytes of each document's targets (its tokens after BOS; the next BOS carries 0)."""
    tb = np.concatenate([[0], stream_target_bytes(tokens, luts)])  # tb[j] = bytes of target j
    starts = np.flatnonzero(np.asarray(tokens) == 1)
    ends = np.append(starts[1:], len(tokens))
    return [int(tb[s + 1:e].sum()) for s, e in zip(starts, ends)]


def test_tables_follow_the_piece_rules(world):
    sp = load_tokenizer(world.tokenizer)
    luts = build_luts(sp)
    for i in range(sp.GetPieceSize()):
        piece = sp.IdToPiece(i)
        if sp.IsControl(i) or sp.IsUnknown(i):
            assert (luts.base_bytes[i], luts.is_boundary[i], luts.has_leading_space[i]) == (0, True, False)
        elif sp.IsByte(i):
            assert (luts.base_bytes[i], luts.is_boundary[i], luts.has_leading_space[i]) == (1, False, False)
        else:
            lead = piece.startswith("\u2581")
            assert luts.has_leading_space[i] == lead, piece
            assert luts.base_bytes[i] == len(piece[1 if lead else 0:].encode()), piece
    ids = {sp.IdToPiece(i): i for i in range(sp.GetPieceSize())}
    assert luts.base_bytes[ids["\u2581数据"]] == 6 and luts.has_leading_space[ids["\u2581数据"]]  # CJK: 3 bytes each
    assert luts.base_bytes[ids["数据"]] == 6 and not luts.has_leading_space[ids["数据"]]
    assert luts.base_bytes[ids["\u2581"]] == 0 and luts.has_leading_space[ids["\u2581"]]


def test_bytes_equal_brute_force_decode_per_document(world):
    sp = load_tokenizer(world.tokenizer)
    luts = build_luts(sp)
    tokens = world.val_tokens
    assert np.isin(tokens, [i for i in range(sp.GetPieceSize()) if sp.IsByte(i)]).any(), \
        "fixture must exercise byte-fallback pieces"
    assert per_doc_table_bytes(tokens, luts) == brute_force_doc_bytes(sp, tokens)
    assert int(stream_target_bytes(tokens, luts).sum()) == sum(brute_force_doc_bytes(sp, tokens))


def test_brute_force_comparison_catches_a_forgotten_space_byte(world):
    """The classic bug (no "▁" byte) must make the comparison above fail."""
    sp = load_tokenizer(world.tokenizer)
    good = build_luts(sp)
    buggy = ByteLUTs(good.base_bytes, np.zeros_like(good.has_leading_space), good.is_boundary)
    assert per_doc_table_bytes(world.val_tokens, buggy) != brute_force_doc_bytes(sp, world.val_tokens)


def test_space_byte_depends_on_previous_token(world):
    sp = load_tokenizer(world.tokenizer)
    luts = build_luts(sp)
    the = sp.PieceToId("\u2581the")
    word = sp.PieceToId("\u2581data")
    out = target_bytes([1, word], [the, the], luts)  # after BOS: no space byte; after a word: one
    assert out.tolist() == [3, 4]


def test_table_padding_and_shape_errors(world):
    sp = load_tokenizer(world.tokenizer)
    luts = build_luts(sp, table_size=sp.GetPieceSize() + 8)
    assert luts.size == sp.GetPieceSize() + 8
    assert luts.base_bytes[-8:].sum() == 0 and luts.is_boundary[-8:].all()
    with pytest.raises(TokenizerError, match="smaller than the tokenizer vocab"):
        build_luts(sp, table_size=10)
    with pytest.raises(ValueError, match="shape"):
        target_bytes([1, 2], [3], luts)


def test_bits_per_byte_arithmetic():
    assert bits_per_byte(np.log(2) * 10, 5) == pytest.approx(2.0, rel=1e-15)
    with pytest.raises(ValueError):
        bits_per_byte(1.0, 0)


def test_load_tokenizer_errors_name_the_file(tmp_path):
    with pytest.raises(TokenizerError, match="not found"):
        load_tokenizer(tmp_path / "missing.model")
    junk = tmp_path / "junk.model"
    junk.write_bytes(b"not a model")
    with pytest.raises(TokenizerError, match="junk.model"):
        load_tokenizer(junk)


def test_the_judge_hashes_the_tokenizer_bytes_it_loads(world, tmp_path, monkeypatch):
    """The judge reports the tokenizer's SHA-256 (the val_set: line): it must name the model the bytes were
    counted with. It read the file twice, the model by path and then the bytes to hash, so a file replaced
    between the reads was scored with one model and reported as another. Here every read of the file swaps
    it for another tokenizer right after: the model and the hash must both be the first file's."""
    import hashlib
    import random
    import shutil

    import sentencepiece as spm
    from eval_world import make_docs

    from eval.harness import read_val_inputs

    first = tmp_path / "tok.model"
    shutil.copy(world.tokenizer, first)
    spm.SentencePieceTrainer.train(  # the swap: another vocabulary, so the loaded model tells which it is
        sentence_iterator=iter([t for t in make_docs(random.Random(3), 300) if t]),
        model_prefix=str(tmp_path / "other"), vocab_size=340, model_type="bpe", byte_fallback=True,
        character_coverage=0.995, pad_id=0, bos_id=1, eos_id=2, unk_id=3, num_threads=1, minloglevel=2)
    original, other = first.read_bytes(), (tmp_path / "other.model").read_bytes()
    swaps = []

    def swapping(read):
        def wrapped(self, *args, **kwargs):
            out = read(self, *args, **kwargs)
            target = self if isinstance(self, Path) else Path(str(args[0]) if args else "")
            if not swaps and target.resolve() == first.resolve():
                first.write_bytes(other)  # the file swapped right after the judge's first read of it
                swaps.append(read.__name__)
            return out
        return wrapped

    monkeypatch.setattr(Path, "read_bytes", swapping(Path.read_bytes))
    monkeypatch.setattr(spm.SentencePieceProcessor, "Load", swapping(spm.SentencePieceProcessor.Load))
    inputs = read_val_inputs(world.val_glob, str(first))
    assert swaps and first.read_bytes() == other  # the swap happened
    assert inputs.tokenizer_sha256 == hashlib.sha256(original).hexdigest()
    assert inputs.sp.GetPieceSize() == spm.SentencePieceProcessor(model_proto=original).GetPieceSize() != 340
