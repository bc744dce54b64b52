"""CaseOps: the lossless case transform of the frontier records (`lossless_caps_caseops_v1`).

    python -m data.caseops encode < text.txt > text.caseops      (UTF-8 stdin -> stdout)
    python -m data.caseops decode < text.caseops > text.txt

Every record since 2026-04-19 tokenizes text after this transform: capitals are rewritten as four
operator characters from Unicode's private-use area, so a tokenizer reuses its lowercase pieces for
"The", "THE" and "the". Byte-identical to the public `lossless_caps_caseops_v1` (the 04-27 1.0611 record's
lossless_caps.py, which maps that name to its `encode/decode_lossless_caps_v2`); that identity is what makes
the hub's CaseOps tokenizer and shards usable with this code. tests/test_caseops.py holds it to a golden
fixture made from the public code (tests/fixtures/make_caseops_golden.py says how).

The rules, over maximal runs of ASCII letters [A-Za-z] (nothing else changes case):
    all lowercase          -> unchanged                         "the"  -> "the"
    one capital letter     -> TITLE + lowercase                 "A"    -> TITLE "a"
    2+ letters, all upper  -> ALLCAPS + lowercase               "NASA" -> ALLCAPS "nasa"
    capital + lowercase    -> TITLE + lowercase                 "The"  -> TITLE "the"
    any other mix          -> TITLE if the first is upper, then each later capital as CAPNEXT + lowercase
                                                                "McDo" -> TITLE "m" "c" CAPNEXT "d" "o"
    a literal operator     -> ESC + the operator                (so the transform is a bijection)
Non-ASCII letters (É, ß, Ω) are left as they are.

Scoring: token pieces no longer spell the original text, so a CaseOps dataset carries a byte sidecar per
validation shard (data/shards.py) holding each token's original UTF-8 bytes. `original_byte_counts` computes
them from the tokenizer's piece surfaces exactly as the public exporter
(`surface_piece_original_byte_counts`):
a piece counts the original bytes that decoding its characters produces, in order across pieces; operators
and ESC count 0, the escaped character its own bytes. `token_ids_and_surfaces` gets ids and surfaces with the
current sentencepiece API (the public script's `encode_as_immutable_proto` is gone in sentencepiece 0.2.3).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence

TRANSFORM_NAME = "lossless_caps_caseops_v1"
TITLE = "\ue001"  # the next letter, the first of its word, is upper case
ALLCAPS = "\ue002"  # every letter of the next word is upper case
CAPNEXT = "\ue003"  # the next letter, inside a word, is upper case
ESC = "\ue004"  # the next character is literal (how an operator character in the input survives)
OPERATORS = (TITLE, ALLCAPS, CAPNEXT, ESC)

# A run of ASCII letters (one word for the rules above) or one literal operator character.
_WORD_OR_OPERATOR = re.compile("[A-Za-z]+|[\ue001-\ue004]")


class CaseOpsError(ValueError):
    """Text that no `encode` output can be (a misplaced or dangling operator); the message says where."""


def _is_ascii_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _encode_match(match: re.Match) -> str:
    word = match.group()
    if word in OPERATORS:
        return ESC + word
    if word.islower():
        return word
    lower = word.lower()
    if word.isupper():
        # A lone capital ("I", "A") is a title-case word of one letter, not an all-caps one.
        return (ALLCAPS if len(word) >= 2 else TITLE) + lower
    if word[0].isupper() and word[1:].islower():
        return TITLE + lower
    parts = [TITLE] if word[0].isupper() else []
    parts.append(lower[0])
    for ch in word[1:]:
        parts.append(CAPNEXT + ch.lower() if ch.isupper() else ch)
    return "".join(parts)


def encode(text: str) -> str:
    """The CaseOps form of `text` (any str); `decode(encode(text)) == text`."""
    return _WORD_OR_OPERATOR.sub(_encode_match, text)


class _Decoder:
    """The inverse transform as a state machine fed in pieces, so that the output of each tokenizer piece
    can be counted on its own (original_byte_counts). It accepts and refuses exactly what the public
    decoder does, also on text that `encode` never produces (an escaped letter, say)."""

    def __init__(self) -> None:
        self.escape = False  # the previous character was ESC
        self.word_mode: str | None = None  # TITLE or ALLCAPS seen, waiting for the word's first letter
        self.capnext = False  # CAPNEXT seen, waiting for its letter
        self.in_word = False  # the previous output character was an ASCII letter
        self.allcaps_word = False  # inside a word that ALLCAPS started

    def feed(self, chunk: str) -> str:
        out: list[str] = []
        for ch in chunk:
            if self.escape:
                if self.word_mode is not None and not _is_ascii_letter(ch):
                    raise CaseOpsError(f"escaped {ch!r} after a word operator that needs a letter")
                out.append(ch)
                self.escape = False
                self.in_word = _is_ascii_letter(ch)
                if not self.in_word:
                    self.allcaps_word = False
            elif ch == ESC:
                self.escape = True
            elif ch == TITLE or ch == ALLCAPS:
                if self.word_mode is not None or self.in_word or self.capnext:
                    raise CaseOpsError("TITLE/ALLCAPS operator inside a word or after another operator")
                self.word_mode = ch
            elif ch == CAPNEXT:
                if self.capnext:
                    raise CaseOpsError("two CAPNEXT operators in a row")
                self.capnext = True
            elif _is_ascii_letter(ch):
                if not self.in_word:
                    upper = self.word_mode is not None or self.capnext
                    if self.word_mode == ALLCAPS:
                        self.allcaps_word = True
                    self.word_mode = None
                    self.in_word = True
                else:
                    if self.word_mode is not None:
                        raise CaseOpsError("TITLE/ALLCAPS operator in the middle of a word")
                    upper = self.allcaps_word or self.capnext
                self.capnext = False
                out.append(ch.upper() if upper else ch)
            else:
                if self.word_mode is not None or self.capnext:
                    raise CaseOpsError(f"case operator followed by {ch!r}, not by an ASCII letter")
                out.append(ch)
                self.in_word = False
                self.allcaps_word = False
        return "".join(out)

    def finish(self, where: str) -> None:
        if self.escape:
            raise CaseOpsError(f"ESC operator dangling at the end of {where}")
        if self.word_mode is not None or self.capnext:
            raise CaseOpsError(f"case operator dangling at the end of {where}")


def decode(text: str) -> str:
    """The original text of a CaseOps string; CaseOpsError if no `encode` output looks like it."""
    decoder = _Decoder()
    out = decoder.feed(text)
    decoder.finish("the text")
    return out


def original_byte_counts(surfaces: Iterable[str]) -> list[int]:
    """Original UTF-8 bytes each piece stands for, given the pieces' surfaces in order (one document).

    The counts sum to the document's UTF-8 length when the surfaces spell the whole encoded document."""
    decoder = _Decoder()
    counts = [len(decoder.feed(surface).encode("utf-8")) for surface in surfaces]
    decoder.finish("the pieces")
    return counts


# ----------------------------------------------------------------------------------------------------
# Piece surfaces with the current sentencepiece API: the serialized SentencePieceText protobuf, read here
# with a few lines of wire-format parsing (the `protobuf` package is not a dependency). Fields, from
# sentencepiece.proto: SentencePieceText.pieces = 2; SentencePiece.id = 2, .surface = 3.


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def _fields(buf: bytes):
    """(field number, value) of a protobuf message: int for varints, bytes for length-delimited fields."""
    pos = 0
    while pos < len(buf):
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(buf, pos)
        elif wire == 2:
            size, pos = _varint(buf, pos)
            value, pos = buf[pos:pos + size], pos + size
        elif wire == 5:
            value, pos = buf[pos:pos + 4], pos + 4
        elif wire == 1:
            value, pos = buf[pos:pos + 8], pos + 8
        else:
            raise ValueError(f"unexpected protobuf wire type {wire} in a SentencePieceText")
        yield number, value


def _ids_and_surfaces(serialized: bytes) -> tuple[list[int], list[str]]:
    ids: list[int] = []
    surfaces: list[str] = []
    for number, value in _fields(serialized):
        if number != 2:
            continue
        piece_id, surface = 0, ""
        for field, item in _fields(value):
            if field == 2:
                piece_id = item
            elif field == 3:
                surface = item.decode("utf-8")
        ids.append(piece_id)
        surfaces.append(surface)
    return ids, surfaces


def token_ids_and_surfaces(sp, texts: Sequence[str], threads: int = 1) -> list[tuple[list[int], list[str]]]:
    """For each (already encoded) text: its token ids, as `sp.encode(text)`, and each piece's surface."""
    protos = sp.encode(list(texts), out_type="serialized_proto", num_threads=threads)
    return [_ids_and_surfaces(proto) for proto in protos]


def encode_for_tokenizer(sp, docs: Sequence[str], threads: int = 1) -> list[tuple[list[int], list[int]]]:
    """Each original document's (token ids, original bytes per token): transform, tokenize, count."""
    pieces = token_ids_and_surfaces(sp, [encode(doc) for doc in docs], threads)
    return [(ids, original_byte_counts(surfaces)) for ids, surfaces in pieces]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0] not in ("encode", "decode"):
        print("usage: python -m data.caseops encode|decode  (UTF-8 text on stdin, result on stdout)",
              file=sys.stderr)
        return 2
    try:
        text = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"error: stdin is not UTF-8: {e}", file=sys.stderr)
        return 1
    try:
        result = encode(text) if argv[0] == "encode" else decode(text)
    except CaseOpsError as e:
        print(f"error: stdin is not CaseOps text: {e}", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(result.encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
