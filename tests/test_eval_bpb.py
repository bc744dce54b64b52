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
