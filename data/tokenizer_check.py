"""Check that a SentencePiece tokenizer fits the model and the data it is used with.

A tokenizer that does not match silently ruins a run: a model whose embedding has fewer rows than the
tokenizer has ids crashes on the first rare token (or, worse, trains on wrapped ids), and bits per byte
computed with the wrong tokenizer's piece table are simply wrong numbers. So every consumer (the
exporter, training, the judge) calls `check_tokenizer` once up front, and it fails loudly, naming the
file and the setting that disagree.

The shards of this challenge begin every document with BOS id 1 (see data/shards.py), so a tokenizer
whose BOS is elsewhere is refused too.
"""

from __future__ import annotations

import os
from pathlib import Path

from data.shards import BOS_ID


class TokenizerError(ValueError):
    """A tokenizer that is missing, unreadable or does not match; the message names the file."""


def load_sentencepiece(model_path: str | os.PathLike):
    """Load a SentencePiece model file, turning every failure into a TokenizerError naming the file."""
    import sentencepiece as spm  # imported here so `import data.tokenizer_check` stays cheap

    path = Path(model_path)
    if not path.is_file():
        raise TokenizerError(
            f"tokenizer file not found: {path} "
            "(build one with `python -m data.export` or `python -m data.sample`, or fix the path)"
        )
    try:
        return spm.SentencePieceProcessor(model_file=str(path))
    except (RuntimeError, OSError) as err:
        raise TokenizerError(f"{path}: not a readable SentencePiece model ({err})") from None


def check_tokenizer(model_path: str | os.PathLike, vocab_size: int, max_token_id: int | None = None):
    """Return the loaded tokenizer after checking it against `vocab_size` and the data's largest id.

    Raises TokenizerError when the file is missing or unreadable, when its vocabulary size is not the
    model's `vocab_size`, when its BOS id is not the shards' BOS id (1), or when `max_token_id` (the
    largest id found in the data) is not a valid id of this tokenizer.
    """
    path = Path(model_path)
    sp = load_sentencepiece(path)
    n = int(sp.vocab_size())
    if int(vocab_size) != n:
        raise TokenizerError(
            f"{path}: tokenizer vocab size is {n}, but vocab_size={int(vocab_size)} was requested "
            "(the model's embedding and the tokenizer must agree; use the matching tokenizer or vocab size)"
        )
    if int(sp.bos_id()) != BOS_ID:
        raise TokenizerError(
            f"{path}: tokenizer BOS id is {int(sp.bos_id())}, but the shards separate documents with "
            f"BOS id {BOS_ID}"
        )
    if max_token_id is not None and not 0 <= int(max_token_id) < n:
        raise TokenizerError(
            f"{path}: the data holds token id {int(max_token_id)}, outside this tokenizer's "
            f"{n} ids (0..{n - 1}); the shards were made with a different tokenizer"
        )
    return sp
