"""Bytes per target token and bits per byte: the one place eval/ does byte accounting.

The rule (eval/INTERFACE.md, "Bytes of a target token"), built from a SentencePiece model:

    base_bytes[id]         control/unknown/unused pieces 0; byte pieces <0xNN> 1;
                           otherwise UTF-8 length of the piece with one leading "▁" removed
    has_leading_space[id]  the (normal) piece starts with "▁"
    is_boundary[id]        control, unknown or unused piece (BOS, EOS, PAD, UNK)

    bytes(v[j]) = base_bytes[v[j]] + (has_leading_space[v[j]] and not is_boundary[v[j-1]])

The "▁" byte is counted from the previous token because SentencePiece drops the dummy-prefix space
of a document's first piece when decoding; the boundary test reproduces exactly that.
tests/test_eval_bpb.py holds this to a brute-force decode of every document.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SPACE_MARK = "\u2581"  # "▁", SentencePiece's visible space


class TokenizerError(ValueError):
    """A tokenizer file that cannot be loaded or does not fit the model; the message names it."""


@dataclass(frozen=True)
class ByteLUTs:
    """Per-token-id lookup tables (length = table size >= tokenizer vocab)."""

    base_bytes: np.ndarray  # int32
    has_leading_space: np.ndarray  # bool
    is_boundary: np.ndarray  # bool

    @property
    def size(self) -> int:
        return int(self.base_bytes.shape[0])


def load_tokenizer(path: str | Path):
    """A SentencePieceProcessor for `path`, or TokenizerError naming the file."""
    return read_tokenizer(path)[0]


def read_tokenizer(path: str | Path) -> tuple[object, bytes]:
    """(SentencePieceProcessor, the bytes it was loaded from), the file read once: the judge hashes these
    bytes, so the SHA-256 it reports names the model it used even if the file is replaced meanwhile (it had
    read the file twice, the model by path and the bytes to hash). TokenizerError naming the file; OSError
    from the read."""
    import sentencepiece as spm  # imported here: only the judge needs it, not every eval/ user

    path = Path(path)
    if not path.is_file():
        raise TokenizerError(f"{path}: tokenizer model not found")
    data = path.read_bytes()
    sp = spm.SentencePieceProcessor()
    try:
        sp.LoadFromSerializedProto(data)
    except (OSError, RuntimeError) as exc:
        raise TokenizerError(f"{path}: not a SentencePiece model ({exc})") from None
    return sp, data


def build_luts(sp, table_size: int | None = None) -> ByteLUTs:
    """The three tables for tokenizer `sp`; ids past its vocab (padding of the model's
    embedding table) get 0 bytes and count as boundaries, like unused pieces."""
    vocab = sp.GetPieceSize()
    size = vocab if table_size is None else int(table_size)
    if size < vocab:
        raise TokenizerError(f"table size {size} is smaller than the tokenizer vocab {vocab}")
    base = np.zeros(size, dtype=np.int32)
    lead = np.zeros(size, dtype=bool)
    boundary = np.ones(size, dtype=bool)
    for i in range(vocab):
        if sp.IsControl(i) or sp.IsUnknown(i) or sp.IsUnused(i):
            continue  # 0 bytes, boundary
        boundary[i] = False
        if sp.IsByte(i):
            base[i] = 1
            continue
        piece = sp.IdToPiece(i)
        if piece.startswith(SPACE_MARK):
            lead[i] = True
            piece = piece[1:]
        base[i] = len(piece.encode("utf-8"))
    return ByteLUTs(base, lead, boundary)


def target_bytes(prev_ids, target_ids, luts: ByteLUTs) -> np.ndarray:
    """Bytes of each target token given the token before it (arrays of equal shape, int32 out).

    Token arrays are indexed as they come (uint16 shards need no int64 copy: the full val set is
    62M tokens, and every rank builds this table)."""
    prev = np.asarray(prev_ids)
    tgt = np.asarray(target_ids)
    if prev.shape != tgt.shape:
        raise ValueError(f"prev_ids shape {prev.shape} != target_ids shape {tgt.shape}")
    out = luts.base_bytes[tgt]
    out += luts.has_leading_space[tgt] & ~luts.is_boundary[prev]
    return out


def stream_target_bytes(tokens, luts: ByteLUTs) -> np.ndarray:
    """Bytes of targets v[1..N] of a token stream v[0..N] (length N, int32)."""
    v = np.asarray(tokens)
    return target_bytes(v[:-1], v[1:], luts)


def bits_per_byte(loss_sum_nats: float, byte_count: float) -> float:
    """(sum of losses in nats / ln 2) / bytes."""
    if byte_count <= 0:
        raise ValueError(f"byte count must be positive, got {byte_count}")
    return float(loss_sum_nats) / math.log(2.0) / float(byte_count)
