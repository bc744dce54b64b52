"""Turn a text corpus into a challenge-style tokenizer and token shards.

    python -m data.export corpus.jsonl --vocab-size 1024 --prefix mycorpus --val-docs 500

reads documents from a plain-text file (documents separated by blank lines, or one per line with
--one-per-line) or a JSONL file (one `{"text": ...}` object per line), optionally compressed
(.zst, .xz, .gz), and writes the layout the challenge's tools use:

    <data-dir>/tokenizers/<prefix>_<V>_bpe.model  (+ .vocab)   SentencePiece BPE, pad=0 bos=1 eos=2 unk=3
    <data-dir>/datasets/<name>/fineweb_val_000000.bin          the first --val-docs documents
    <data-dir>/datasets/<name>/fineweb_train_%06d.bin          the rest, --shard-tokens tokens per file
    <data-dir>/datasets/<name>/manifest.json                   counts, hashes, tokenizer, source

Every document is written as BOS (id 1) + its tokens, with no EOS, exactly as the challenge's shards.
<name> defaults to `<prefix>_sp<V>`, matching the challenge's `fineweb10B_sp1024` naming.

Why the care about validation: a data preparation script once let validation documents into training.
Here every document is keyed by the SHA-1 of its text, the first occurrence wins, and a training
document whose hash is already in validation is dropped. The shards are then read back from disk, and
the manifest records that no token sequence appears in both splits and whether every document decodes
back to its exact source text. The tokenizer is trained on the training documents only, so it has
not seen the validation text either.

The whole corpus is held in memory (documents, then their tokens): this is meant for corpora of up to a
few GB, such as the offline sample (data/sample.py) or a custom tokenizer experiment. For all of FineWeb
(docs_selected.jsonl) `--stream` (automatic for that file name) uses data/export_stream.py instead.

With --caseops (data/caseops.py, the frontier records' data since 2026-04-19) every document is first put
through the lossless CaseOps transform; the tokenizer is trained on the transformed text with the four
operator characters reserved as user-defined symbols (ids 4..7, as the public CaseOps tokenizer), and each
validation shard gets a byte sidecar fineweb_val_bytes_%06d.bin (data/shards.py): one uint16 per val token,
the original UTF-8 bytes it stands for, computed from the pieces' surfaces as the public exporter does (0 for
BOS and operators). Names follow the public record: <prefix>_<V>_bpe_lossless_caps_caseops_v1_reserved.model
(prefix fineweb: the record's tokenizer name) and dataset <prefix>_sp<V>_lossless_caps_caseops_v1_reserved
(the record's is fineweb10B_sp8192_lossless_caps_caseops_v1_reserved: pass --name for it).

The tokenizer check used here and by training/eval lives in data/tokenizer_check.py.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import hashlib
import io
import json
import lzma
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np

from data import caseops
from data.shards import (
    BOS_ID,
    atomic_write_bytes,
    load_tokens,
    load_val_bytes,
    shard_bytes,
    shard_name,
    shard_paths,
    split_documents,
)
from data.tokenizer_check import TokenizerError, check_tokenizer, load_sentencepiece

FORMAT_VERSION = 1
DEFAULT_DATA_DIR = Path(__file__).resolve().parent
DEFAULT_VAL_DOCS = 50_000  # the challenge's validation split is its first 50,000 documents
DEFAULT_SHARD_TOKENS = 100_000_000  # the challenge's train shard size
MAX_VOCAB = 1 << 16  # shards store ids as uint16
# 4 special pieces + 256 byte-fallback pieces; sentencepiece also needs one piece per kept character.
MIN_VOCAB = 4 + 256 + 1
COMPRESSED_SUFFIXES = (".zst", ".xz", ".gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")

# SentencePiece trainer options: the challenge's id layout, with the choices that make the exported
# bytes exactly the source bytes. Each line says why.
TRAINER_OPTIONS: dict[str, object] = {
    "model_type": "bpe",  # as the challenge's sp1024/sp4096 tokenizers
    # The challenge's id layout: shards separate documents with BOS id 1; EOS is never written.
    "pad_id": 0,
    "bos_id": 1,
    "eos_id": 2,
    "unk_id": 3,
    # Any byte sequence is encodable as <0xNN> pieces, so nothing ever becomes <unk>, decoding is
    # lossless, and the byte rule counts such a piece as exactly 1 byte.
    "byte_fallback": True,
    # The rarest 0.05% of characters are left to byte fallback instead of each taking a vocabulary
    # slot (which a 1024-piece vocabulary cannot spare); with byte fallback nothing is lost.
    "character_coverage": 0.9995,
    # Numbers go digit by digit, as in the challenge's tokenizers: no merges spent on digit strings.
    "split_digits": True,
    # identity + keeping whitespace makes decode(encode(text)) == text, so the bytes a model is scored
    # on are the document's own bytes. (The challenge's nmt_nfkc rewrites some characters and collapses
    # runs of spaces: its decoded text is not always the source text.)
    "normalization_rule_name": "identity",
    "remove_extra_whitespaces": False,
    # A document's first word is tokenized like every other word ("▁The", not "The"); decode drops
    # that one leading "▁" again and the byte rule gives it 0 bytes after BOS, so the count stays
    # exact, also for documents that themselves start with a space. (The challenge's uses False.)
    "add_dummy_prefix": True,
    # Exactly vocab_size pieces or an error (the challenge's hard_vocab_limit=False may silently give
    # fewer, and the model's embedding would then not match).
    "hard_vocab_limit": True,
    # Training sentences are the lines of the documents (as spm_train reads a text file), so no piece
    # ever holds a newline; a newline is encoded as the byte piece <0x0A>. Long lines (a paragraph per
    # line is common) must not be skipped, hence the raised limit (the default is 4192 bytes).
    "max_sentence_length": 1 << 20,
    "input_sentence_size": 0,  # all sentences, no sampling: no randomness in training
    # The thread count is stored in the model file: one fixed value gives byte-identical tokenizers on
    # every machine. BPE training on a few MB takes about a second anyway.
    "num_threads": 1,
    "minloglevel": 1,  # warnings and errors only
}


class ExportError(ValueError):
    """A bad input file, setting or result; the message names the file or the setting."""


# ---------------------------------------------------------------------------------------------------
# Reading documents


def _decompressed_name(path: Path) -> str:
    name = path.name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_text_file(path: str | os.PathLike) -> str:
    """A file's text, decompressed by suffix (.zst, .xz, .gz); CRLF line ends become LF."""
    path = Path(path)
    if not path.is_file():
        raise ExportError(f"input file not found: {path}")
    raw = path.read_bytes()
    name = path.name.lower()
    try:
        if name.endswith(".zst"):
            import zstandard

            # A stream reader: frames written in streaming mode carry no content size.
            with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(raw)) as reader:
                raw = reader.read()
        elif name.endswith(".xz"):
            raw = lzma.decompress(raw)
        elif name.endswith(".gz"):
            raw = gzip.decompress(raw)
    except Exception as err:  # each codec raises its own error type
        raise ExportError(f"{path}: cannot decompress ({err})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ExportError(f"{path}: not valid UTF-8 (byte {err.start} of the decompressed text)") from None
    return text.replace("\r\n", "\n")


def detect_format(path: str | os.PathLike) -> str:
    """'jsonl' for .jsonl/.ndjson/.json (optionally compressed), else 'text'."""
    return "jsonl" if _decompressed_name(Path(path)).endswith(JSONL_SUFFIXES) else "text"


def iter_documents(
    path: str | os.PathLike, fmt: str = "auto", *, one_per_line: bool = False, text_key: str = "text"
) -> Iterator[str]:
    """The documents of a file, in order.

    text:  documents are separated by blank (or whitespace-only) lines; a document's own lines are kept
           as they are, joined by "\\n". With one_per_line, every non-blank line is a document.
    jsonl: one JSON object per non-blank line; the document is its `text_key` string.
    """
    path = Path(path)
    if fmt == "auto":
        fmt = detect_format(path)
    if fmt not in ("text", "jsonl"):
        raise ExportError(f"unknown input format {fmt!r} (choose auto, text or jsonl)")
    text = read_text_file(path)
    if fmt == "jsonl":
        for lineno, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise ExportError(f"{path}:{lineno}: not valid JSON ({err.msg})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get(text_key), str):
                raise ExportError(f"{path}:{lineno}: expected an object with a string {text_key!r} field")
            yield obj[text_key]
    elif one_per_line:
        for line in text.split("\n"):
            if line.strip():
                yield line
    else:
        block: list[str] = []
        for line in text.split("\n"):
            if line.strip():
                block.append(line)
            elif block:
                yield "\n".join(block)
                block = []
        if block:
            yield "\n".join(block)


def doc_hash(text: str) -> str:
    """The document key used for de-duplication and the train/val check: SHA-1 of its UTF-8 text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def split_by_hash(docs: Iterable[str], val_docs: int) -> tuple[list[str], list[str], dict]:
    """(val, train, stats): the first `val_docs` distinct documents are validation, the rest training.

    Whitespace-only documents are dropped. A document whose SHA-1 was seen before is dropped (the first
    occurrence wins), so no training document has a validation document's hash.
    """
    val: list[str] = []
    train: list[str] = []
    val_hashes: set[str] = set()
    train_hashes: set[str] = set()
    stats = {"input": 0, "empty_dropped": 0, "duplicates_dropped_within_val": 0,
             "train_dropped_as_in_val": 0, "duplicates_dropped_within_train": 0}
    for text in docs:
        stats["input"] += 1
        if not text.strip():
            stats["empty_dropped"] += 1
            continue
        h = doc_hash(text)
        if h in val_hashes:
            key = "duplicates_dropped_within_val" if len(val) < val_docs else "train_dropped_as_in_val"
            stats[key] += 1
        elif len(val) < val_docs:
            val.append(text)
            val_hashes.add(h)
        elif h in train_hashes:
            stats["duplicates_dropped_within_train"] += 1
        else:
            train.append(text)
            train_hashes.add(h)
    stats["val"], stats["train"] = len(val), len(train)
    stats["val_train_hash_overlap"] = len(val_hashes & train_hashes)
    stats["val_hashes_sha256"] = hashlib.sha256("\n".join(sorted(val_hashes)).encode()).hexdigest()
    return val, train, stats


# ---------------------------------------------------------------------------------------------------
# Tokenizer


CASEOPS_SUFFIX = "_lossless_caps_caseops_v1_reserved"  # the public CaseOps tokenizer's and dataset's names
# CaseOps: the operators are user-defined symbols, so the trainer gives them ids 4..7 right after the specials
# and never splits or merges them (the public model's "reserved"); the transform never emits them otherwise.
CASEOPS_TRAINER_OVERRIDES = {"user_defined_symbols": list(caseops.OPERATORS)}


def tokenizer_filename(prefix: str, vocab_size: int, caseops_data: bool = False) -> str:
    return f"{prefix}_{int(vocab_size)}_bpe{CASEOPS_SUFFIX if caseops_data else ''}.model"


def dataset_name(prefix: str, vocab_size: int, caseops_data: bool = False) -> str:
    return f"{prefix}_sp{int(vocab_size)}{CASEOPS_SUFFIX if caseops_data else ''}"


def check_caseops_tokenizer(sp, model_path: Path, caseops_data: bool = True) -> None:
    """A CaseOps tokenizer must have each operator as one reserved piece, at the public model's ids 4..7;
    with `caseops_data` False, the tokenizer must not be one (it would be fed untransformed text)."""
    ids = [int(sp.piece_to_id(op)) for op in caseops.OPERATORS]
    if not caseops_data:
        if ids == [4, 5, 6, 7]:
            raise ExportError(f"{model_path} is a CaseOps tokenizer (operators U+E001..U+E004 reserved): "
                              "pass --caseops, or its text would not be transformed")
        return
    if ids != [4, 5, 6, 7]:
        raise ExportError(
            f"{model_path}: not a CaseOps tokenizer: the operators U+E001..U+E004 have ids {ids}, expected "
            "[4, 5, 6, 7] (train it with them as user_defined_symbols, as --caseops does)"
        )


def _check_vocab_range(vocab_size: int) -> None:
    if not MIN_VOCAB <= int(vocab_size) <= MAX_VOCAB:
        raise ExportError(
            f"--vocab-size {vocab_size} is out of range: a byte-fallback BPE tokenizer needs at least "
            f"{MIN_VOCAB} ids (4 special + 256 byte pieces + the characters it keeps), and shards store "
            f"ids as uint16, so at most {MAX_VOCAB}"
        )


def _training_sentences(docs: Iterable[str]) -> Iterator[str]:
    for text in docs:
        for line in text.split("\n"):
            if line.strip():
                yield line


def train_tokenizer(
    docs: Iterable[str],
    model_path: str | os.PathLike,
    vocab_size: int,
    *,
    source: str = "the input",
    trainer_overrides: dict | None = None,
) -> Path:
    """Train a SentencePiece BPE tokenizer on `docs`; write `model_path` and its .vocab atomically."""
    import sentencepiece as spm

    _check_vocab_range(vocab_size)
    model_path = Path(model_path)
    options = {**TRAINER_OPTIONS, **(trainer_overrides or {}), "vocab_size": int(vocab_size)}
    writer = io.BytesIO()
    try:
        spm.SentencePieceTrainer.train(sentence_iterator=_training_sentences(docs), model_writer=writer, **options)
    except RuntimeError as err:
        msg = str(err)
        small = re.search(r"smaller than required_chars\. (\d+) vs (\d+)", msg)
        large = re.search(r"Vocabulary size too high \((\d+)\)\. Please set it to a value <= (\d+)", msg)
        if small:
            raise ExportError(
                f"--vocab-size {vocab_size} is too small for {source}: its characters need at least "
                f"{small.group(2)} pieces (raise --vocab-size)"
            ) from None
        if large:
            raise ExportError(
                f"--vocab-size {vocab_size} is too large for {source}: the text supports at most "
                f"{large.group(2)} pieces (lower --vocab-size or use more text)"
            ) from None
        raise ExportError(f"sentencepiece training on {source} failed: {msg}") from None
    model = writer.getvalue()
    sp = spm.SentencePieceProcessor(model_proto=model)
    # The .vocab file sentencepiece itself writes: one "piece<TAB>score" line per id, for people to read.
    vocab = "".join(f"{sp.id_to_piece(i)}\t{sp.get_score(i):g}\n" for i in range(sp.vocab_size()))
    atomic_write_bytes(model_path, model)
    atomic_write_bytes(model_path.with_suffix(".vocab"), vocab.encode("utf-8"))
    return model_path


# ---------------------------------------------------------------------------------------------------
# Shards and manifest


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _display_path(path: Path, data_dir: Path) -> str:
    """Paths in the manifest are relative to the data dir when inside it, so a built tree can move."""
    try:
        return path.resolve().relative_to(data_dir.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def encode_documents(sp, docs: list[str], threads: int | None = None) -> list[np.ndarray]:
    """Each document as a uint16 array BOS + tokens (no EOS), as the challenge writes them."""
    encoded = sp.encode(docs, out_type=int, num_threads=threads or os.cpu_count() or 1)
    out = []
    for ids in encoded:
        arr = np.empty(len(ids) + 1, dtype=np.uint16)
        arr[0] = BOS_ID
        arr[1:] = ids
        out.append(arr)
    return out


def _write_split(dataset_dir: Path, split: str, docs_tokens: list[np.ndarray], shard_tokens: int) -> list[dict]:
    """Write a split's documents as shards of `shard_tokens`; split "val_bytes": the sidecars (same cuts)."""
    stream = np.concatenate(docs_tokens) if docs_tokens else np.zeros(0, dtype=np.uint16)
    files = []
    for index, start in enumerate(range(0, len(stream), shard_tokens)):
        chunk = stream[start : start + shard_tokens]
        data = shard_bytes(chunk)
        name = shard_name(split, index)
        atomic_write_bytes(dataset_dir / name, data)
        files.append({"name": name, "split": split, "tokens": int(chunk.size),
                      "sha256": hashlib.sha256(data).hexdigest()})
    return files


def _read_back(dataset_dir: Path, split: str) -> list[np.ndarray]:
    tokens = load_tokens(os.path.join(glob.escape(str(dataset_dir)), f"fineweb_{split}_*.bin"))
    return split_documents(tokens)


def _verify_written(dataset_dir: Path, sp, val: list[str], train: list[str],
                    val_tokens: list[np.ndarray], train_tokens: list[np.ndarray],
                    decode_text: Callable[[str], str] = lambda text: text) -> dict:
    """Read the shards back: same documents as encoded, no token sequence in both splits, round trip
    (`decode_text` undoes a text transform after the tokenizer's decode)."""
    seqs: dict[str, set[str]] = {}
    mismatches = 0
    for split, texts, expected in (("val", val, val_tokens), ("train", train, train_tokens)):
        docs = _read_back(dataset_dir, split)
        if len(docs) != len(expected) or any(not np.array_equal(a, b) for a, b in zip(docs, expected)):
            raise ExportError(f"{dataset_dir}: the {split} shards read back differ from what was written")
        seqs[split] = {hashlib.sha1(np.asarray(d).tobytes()).hexdigest() for d in docs}
        decoded = sp.decode([np.asarray(d[1:]).tolist() for d in docs])
        mismatches += sum(1 for text, back in zip(texts, decoded) if text != _safe_decode(decode_text, back))
    overlap = len(seqs["val"] & seqs["train"])
    if overlap:
        raise ExportError(
            f"{dataset_dir}: {overlap} validation document(s) tokenize to the same tokens as a training "
            "document (a lossy tokenizer merged distinct texts); de-duplicate the input"
        )
    return {"docs_read_back": len(val) + len(train), "val_train_token_sequence_overlap": overlap,
            "roundtrip_mismatches": mismatches}


def _safe_decode(decode_text: Callable[[str], str], text: str) -> str | None:
    """The inverse transform, or None when the tokenizer's output is not valid transformed text."""
    try:
        return decode_text(text)
    except caseops.CaseOpsError:
        return None


def _check_sidecars(dataset_dir: Path, expected: np.ndarray) -> None:
    """Read the val byte sidecars back through data/shards.py's reader: they must hold exactly `expected`."""
    val_paths = shard_paths(os.path.join(glob.escape(str(dataset_dir)), "fineweb_val_*.bin"))
    side = load_val_bytes(val_paths)
    if side is None or not np.array_equal(side, expected):
        raise ExportError(f"{dataset_dir}: the val byte sidecars read back differ from what was written")


def export_documents(
    docs: Iterable[str],
    data_dir: str | os.PathLike = DEFAULT_DATA_DIR,
    *,
    prefix: str,
    vocab_size: int | None = None,
    name: str | None = None,
    val_docs: int = DEFAULT_VAL_DOCS,
    shard_tokens: int = DEFAULT_SHARD_TOKENS,
    tokenizer_path: str | os.PathLike | None = None,
    tokenizer_train_docs: int | None = None,
    threads: int | None = None,
    source: dict | None = None,
    log: Callable[[str], None] | None = None,
    caseops_data: bool = False,
) -> dict:
    """Tokenize `docs` into `<data_dir>/datasets/<name>/`; train a tokenizer unless `tokenizer_path`.
    `caseops_data`: CaseOps-transform the text, reserve the operators, write val byte sidecars.

    Returns the manifest (also written as manifest.json, last, so its presence marks a complete export).
    """
    say = log or (lambda _msg: None)
    data_dir = Path(data_dir)
    source = dict(source or {"description": "documents passed in"})
    where = source.get("file", source.get("description", "the input"))
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", prefix or ""):
        raise ExportError(f"--prefix {prefix!r} must be letters, digits, '_', '.' or '-' (it names files)")
    if val_docs < 1:
        raise ExportError(f"--val-docs must be at least 1, got {val_docs}")
    if not 1 <= shard_tokens < 2**31:
        raise ExportError(f"--shard-tokens must be between 1 and 2**31-1, got {shard_tokens}")
    if tokenizer_train_docs is not None and tokenizer_train_docs < 1:
        raise ExportError(f"--tokenizer-train-docs must be at least 1, got {tokenizer_train_docs}")
    if tokenizer_path is None:
        if vocab_size is None:
            raise ExportError("--vocab-size is required to train a tokenizer (or pass --tokenizer to reuse one)")
        _check_vocab_range(vocab_size)

    val, train, doc_stats = split_by_hash(docs, val_docs)
    if not val:
        raise ExportError(f"no documents in {where} (empty, or only blank text)")
    if not train:
        raise ExportError(
            f"--val-docs {val_docs} takes all {len(val)} distinct documents of {where}; "
            "none are left for training (lower --val-docs)"
        )
    say(f"documents: {doc_stats['input']} read, {len(val)} val, {len(train)} train "
        f"({doc_stats['train_dropped_as_in_val']} train docs dropped as duplicates of val)")

    to_text = caseops.encode if caseops_data else (lambda text: text)
    overrides = CASEOPS_TRAINER_OVERRIDES if caseops_data else {}
    if tokenizer_path is None:
        model_path = data_dir / "tokenizers" / tokenizer_filename(prefix, vocab_size, caseops_data)
        train_docs = train if tokenizer_train_docs is None else train[:tokenizer_train_docs]
        kind = "CaseOps " if caseops_data else ""
        say(f"training a {vocab_size}-piece {kind}BPE tokenizer on {len(train_docs)} training documents")
        train_tokenizer((to_text(d) for d in train_docs), model_path, vocab_size, source=where,
                        trainer_overrides=overrides)
        trained = True
    else:
        model_path = Path(tokenizer_path)
        if vocab_size is None:
            vocab_size = int(load_sentencepiece(model_path).vocab_size())
        trained = False
    sp = check_tokenizer(model_path, vocab_size)
    vocab_size = int(sp.vocab_size())
    check_caseops_tokenizer(sp, model_path, caseops_data)

    name = name or dataset_name(prefix, vocab_size, caseops_data)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", name):
        raise ExportError(f"--name {name!r} must be letters, digits, '_', '.' or '-' (it names a folder)")
    say(f"tokenizing with {model_path}")
    val_bytes: list[np.ndarray] = []
    if caseops_data:
        val_tokens = []
        for ids, counts in caseops.encode_for_tokenizer(sp, val, threads or os.cpu_count() or 1):
            val_tokens.append(np.array([BOS_ID, *ids], dtype=np.uint16))
            val_bytes.append(np.array([0, *counts], dtype=np.uint16))  # BOS stands for no original bytes
        train_tokens = encode_documents(sp, [to_text(d) for d in train], threads)
    else:
        val_tokens = encode_documents(sp, val, threads)
        train_tokens = encode_documents(sp, train, threads)
    max_id = max(int(a.max()) for a in val_tokens + train_tokens)
    check_tokenizer(model_path, vocab_size, max_token_id=max_id)

    dataset_dir = data_dir / "datasets" / name
    dataset_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = dataset_dir / "manifest.json"
    manifest_path.unlink(missing_ok=True)  # no manifest while the folder is being rewritten
    files = _write_split(dataset_dir, "val", val_tokens, shard_tokens)
    if caseops_data:
        files += _write_split(dataset_dir, "val_bytes", val_bytes, shard_tokens)
    files += _write_split(dataset_dir, "train", train_tokens, shard_tokens)
    keep = {f["name"] for f in files}
    for stale in dataset_dir.glob("fineweb_*_*.bin"):
        if stale.name not in keep:
            stale.unlink()
    decode_text = caseops.decode if caseops_data else (lambda text: text)
    check = _verify_written(dataset_dir, sp, val, train, val_tokens, train_tokens, decode_text)
    val_utf8 = sum(len(t.encode("utf-8")) for t in val)
    sidecar = None
    if caseops_data:
        expected = np.concatenate(val_bytes)
        _check_sidecars(dataset_dir, expected)
        total = int(expected.sum(dtype=np.int64))
        # With our trainer options (identity normalization, whitespace kept) the surfaces spell the whole
        # text, so the sidecar must count every original byte; a reused tokenizer may drop some (the public
        # one's nmt_nfkc removes extra whitespace): recorded, and said.
        sidecar = {"val_bytes": total, "equals_val_utf8_bytes": total == val_utf8,
                   "method": "per token: original UTF-8 bytes of its piece surface, public "
                             "surface_piece_original_byte_counts rule (data/caseops.py); 0 for BOS"}
        if trained and total != val_utf8:
            raise ExportError(
                f"{dataset_dir}: the val byte sidecars count {total} bytes, the val text has {val_utf8}")
        if total != val_utf8:
            say(f"note: the val byte sidecars count {total:,} bytes, the val text has {val_utf8:,} "
                f"({model_path.name} does not keep every character)")
    vocab_file = model_path.with_suffix(".vocab")
    trainer_options = {k: v for k, v in {**TRAINER_OPTIONS, **overrides}.items() if k != "minloglevel"}
    manifest = {
        "format_version": FORMAT_VERSION,
        "name": name,
        "source": source,
        "tokenizer": {
            "model_path": _display_path(model_path, data_dir),
            "vocab_path": _display_path(vocab_file, data_dir) if vocab_file.is_file() else None,
            "sha256": _file_sha256(model_path),
            "trained_here": trained,
            "trainer_options": trainer_options if trained else None,
            "tokenizer_train_docs": len(train_docs) if trained else None,
        },
        "vocab_size": vocab_size,
        "bos_id": BOS_ID,
        "append_eos": False,
        "text_transform": caseops.TRANSFORM_NAME if caseops_data else None,
        "val_bytes_sidecar": sidecar,
        "settings": {"val_docs": val_docs, "shard_tokens": shard_tokens},
        "docs": {k: doc_stats[k] for k in ("input", "empty_dropped", "duplicates_dropped_within_val",
                                           "train_dropped_as_in_val", "duplicates_dropped_within_train",
                                           "val", "train")},
        "tokens": {  # BOS included: these are the shards' token counts
            "val": sum(int(a.size) for a in val_tokens),
            "train": sum(int(a.size) for a in train_tokens),
        },
        "utf8_bytes": {"val": val_utf8,
                       "train": sum(len(t.encode("utf-8")) for t in train)},
        "disjoint_check": {
            "method": "SHA-1 of each document's UTF-8 text; first occurrence kept; train docs whose hash is "
                      "in val dropped; shards read back and their token sequences compared",
            "val_train_hash_overlap": doc_stats["val_train_hash_overlap"],
            "val_hashes_sha256": doc_stats["val_hashes_sha256"],
            **check,
            "passed": doc_stats["val_train_hash_overlap"] == 0 and check["val_train_token_sequence_overlap"] == 0,
        },
        "files": files,
    }
    manifest["tokens"]["total"] = manifest["tokens"]["val"] + manifest["tokens"]["train"]
    atomic_write_bytes(manifest_path, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    say(f"wrote {len(files)} shard(s) to {dataset_dir}: {manifest['tokens']['val']:,} val tokens, "
        f"{manifest['tokens']['train']:,} train tokens")
    return manifest


def export_file(input_path: str | os.PathLike, data_dir: str | os.PathLike = DEFAULT_DATA_DIR, *,
                fmt: str = "auto", one_per_line: bool = False, text_key: str = "text",
                prefix: str | None = None, **kwargs) -> dict:
    """`export_documents` on the documents of a file; `prefix` defaults to the file's stem."""
    path = Path(input_path)
    if not path.is_file():
        raise ExportError(f"input file not found: {path}")
    fmt = detect_format(path) if fmt == "auto" else fmt
    if prefix is None:
        prefix = re.sub(r"[^A-Za-z0-9_.-]", "_", _decompressed_name(path).rsplit(".", 1)[0]) or "corpus"
    source = {"file": path.name, "sha256": _file_sha256(path), "format": fmt,
              "one_per_line": one_per_line if fmt == "text" else None}
    docs = iter_documents(path, fmt, one_per_line=one_per_line, text_key=text_key)
    return export_documents(docs, data_dir, prefix=prefix, source=source, **kwargs)


def verify_export(dataset_dir: str | os.PathLike) -> list[str]:
    """What no longer matches a dataset folder's manifest (missing, changed or extra files); [] if all do."""
    dataset_dir = Path(dataset_dir)
    manifest_path = dataset_dir / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        files = manifest["files"]
        tok = manifest["tokenizer"]
    except FileNotFoundError:
        return [f"{manifest_path}: missing"]
    except (ValueError, KeyError, TypeError) as err:
        return [f"{manifest_path}: unreadable ({err})"]
    problems = []
    data_dir = dataset_dir.parent.parent
    model = Path(tok["model_path"])
    model = model if model.is_absolute() else data_dir / model
    if not model.is_file():
        problems.append(f"{model}: tokenizer missing")
    elif _file_sha256(model) != tok["sha256"]:
        problems.append(f"{model}: tokenizer differs from the one the manifest records")
    for f in files:
        path = dataset_dir / f["name"]
        if not path.is_file():
            problems.append(f"{path}: missing")
        elif _file_sha256(path) != f["sha256"]:
            problems.append(f"{path}: contents differ from the manifest")
    listed = {f["name"] for f in files}
    for extra in sorted(dataset_dir.glob("fineweb_*_*.bin")):
        if extra.name not in listed:
            problems.append(f"{extra}: not in the manifest")
    return problems


# ---------------------------------------------------------------------------------------------------
# CLI


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m data.export", description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="plain-text or JSONL file (.zst/.xz/.gz compressed is fine)")
    p.add_argument("--data-dir", default=str(DEFAULT_DATA_DIR),
                   help="folder that gets tokenizers/ and datasets/ (default: this repo's data/)")
    p.add_argument("--vocab-size", type=int, help="tokenizer vocabulary size (required unless --tokenizer)")
    p.add_argument("--prefix", help="tokenizer/dataset name prefix (default: the input file's stem)")
    p.add_argument("--name", help="dataset folder name (default: <prefix>_sp<V>, + the CaseOps suffix)")
    p.add_argument("--val-docs", type=int, default=DEFAULT_VAL_DOCS,
                   help=f"the first N distinct documents are validation (default {DEFAULT_VAL_DOCS})")
    p.add_argument("--shard-tokens", type=int, default=DEFAULT_SHARD_TOKENS,
                   help=f"tokens per shard file (default {DEFAULT_SHARD_TOKENS})")
    p.add_argument("--format", choices=("auto", "text", "jsonl"), default="auto",
                   help="input format (default: by suffix, .jsonl/.ndjson/.json are JSONL)")
    p.add_argument("--one-per-line", action="store_true",
                   help="text input: every non-blank line is a document (default: blank lines separate them)")
    p.add_argument("--text-key", default="text", help="JSONL field holding the text (default: text)")
    p.add_argument("--tokenizer", help="reuse this SentencePiece .model instead of training one")
    p.add_argument("--tokenizer-train-docs", type=int,
                   help="train the tokenizer on only the first N training documents")
    p.add_argument("--threads", type=int, help="threads for encoding (default: all cores)")
    p.add_argument("--stream", action="store_true",
                   help="JSONL read line by line, all cores, resumable (data/export_stream.py); "
                   "automatic for an input named docs_selected.jsonl")
    p.add_argument("--restart", action="store_true", help="--stream: start over instead of resuming")
    p.add_argument("--max-shards", type=int,
                   help="--stream: stop after writing N new shards (rerun to go on)")
    p.add_argument("--caseops", action="store_true",
                   help="CaseOps data (data/caseops.py): transformed text, operators reserved in the "
                   "tokenizer, val byte sidecars; names get _lossless_caps_caseops_v1_reserved")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.stream or Path(args.input).name.startswith("docs_selected.jsonl"):
        return _main_stream(args)
    try:
        export_file(
            args.input, args.data_dir, fmt=args.format, one_per_line=args.one_per_line,
            text_key=args.text_key, prefix=args.prefix, vocab_size=args.vocab_size, name=args.name,
            val_docs=args.val_docs, shard_tokens=args.shard_tokens, tokenizer_path=args.tokenizer,
            tokenizer_train_docs=args.tokenizer_train_docs, threads=args.threads, log=print,
            caseops_data=args.caseops,
        )
    except (ExportError, TokenizerError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


def _main_stream(args) -> int:
    from data.export_stream import StreamExportError, export_stream

    if args.format == "text" or args.one_per_line:
        print("error: --stream reads JSONL (one document per line); --format text is not streamed",
              file=sys.stderr)
        return 2
    stem = _decompressed_name(Path(args.input)).rsplit(".", 1)[0]
    prefix = args.prefix or re.sub(r"[^A-Za-z0-9_.-]", "_", stem)
    print(f"streaming export of {args.input} (validation: its first {args.val_docs:,} documents)")
    try:
        export_stream(
            args.input, args.data_dir, prefix=prefix, vocab_size=args.vocab_size, name=args.name,
            val_docs=args.val_docs, shard_tokens=args.shard_tokens, tokenizer_path=args.tokenizer,
            tokenizer_train_docs=args.tokenizer_train_docs, workers=args.threads, caseops_data=args.caseops,
            text_key=args.text_key, max_shards=args.max_shards, restart=args.restart, log=print,
        )
    except (ExportError, TokenizerError, StreamExportError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
