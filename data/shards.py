"""The challenge's token shard format, read and written exactly as the public tools do.

A shard is a 1024-byte header of 256 little-endian int32 values, then n little-endian uint16 tokens:

    header[0] = 20240520   magic
    header[1] = 1          version
    header[2] = n          number of tokens
    file size = 1024 + 2 * n bytes

Train shards are `fineweb_train_%06d.bin`, validation shards `fineweb_val_%06d.bin`. Documents are
concatenated as BOS (id 1) + tokens, with no EOS.

A dataset whose tokens do not spell the original text (CaseOps: capitals rewritten as operator symbols) has a
byte sidecar per validation shard, `fineweb_val_bytes_%06d.bin`: the same header and layout, one uint16 per val
token = the original UTF-8 bytes that token stands for (0 for BOS and for operators). val_bpb divides by the
sidecar's bytes. Note that the glob `fineweb_val_*.bin` also matches sidecars: shard_paths leaves them out.

The flagship train_gpt.py and every record carry their own few lines of this reader on purpose (a record
is one self-contained file); tests/test_shards.py holds the copies to the same bytes.
"""

from __future__ import annotations

import glob
import json
import os
import tempfile
from pathlib import Path

import numpy as np

MAGIC = 20240520
VERSION = 1
HEADER_INTS = 256
HEADER_BYTES = HEADER_INTS * 4
TOKEN_DTYPE = np.dtype("<u2")
BOS_ID = 1
# FineWeb's validation set: the first 50,000 documents of docs_selected.jsonl. A val set with another count
# (the public CaseOps prep script's default of 10,000, the offline sample) is scored on other documents.
CANONICAL_VAL_DOCS = 50_000


class ShardError(ValueError):
    """A shard file that does not follow the format; the message names the file."""


SIDECAR_PREFIX = "fineweb_val_bytes_"


def shard_name(split: str, index: int) -> str:
    if split not in ("train", "val", "val_bytes"):
        raise ValueError(f"split must be 'train', 'val' or 'val_bytes', got {split!r}")
    return f"fineweb_{split}_{index:06d}.bin"


def is_sidecar(path: str | os.PathLike) -> bool:
    return Path(path).name.startswith(SIDECAR_PREFIX)


def sidecar_path(val_path: str | os.PathLike) -> Path:
    """The byte sidecar that belongs to a validation shard (it may not exist)."""
    val_path = Path(val_path)
    if not val_path.name.startswith("fineweb_val_") or is_sidecar(val_path):
        raise ShardError(f"{val_path}: not a validation shard name (fineweb_val_NNNNNN.bin)")
    return val_path.with_name(SIDECAR_PREFIX + val_path.name[len("fineweb_val_"):])


def read_header(path: str | os.PathLike) -> int:
    """Validate a shard's header and size; return its token count."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ShardError(f"{path}: shard file not found") from None
    if size < HEADER_BYTES:
        raise ShardError(f"{path}: file is {size} bytes, shorter than the {HEADER_BYTES}-byte header")
    header = np.fromfile(path, dtype="<i4", count=HEADER_INTS)
    if int(header[0]) != MAGIC:
        raise ShardError(f"{path}: bad magic {int(header[0])}, expected {MAGIC} (not a challenge shard)")
    if int(header[1]) != VERSION:
        raise ShardError(f"{path}: unsupported version {int(header[1])}, expected {VERSION}")
    n = int(header[2])
    if n < 0:
        raise ShardError(f"{path}: negative token count {n} in header")
    expected = HEADER_BYTES + 2 * n
    if size != expected:
        what = "truncated" if size < expected else "has trailing bytes"
        raise ShardError(
            f"{path}: file {what}: {size} bytes on disk, header says {n} tokens = {expected} bytes"
        )
    return n


def load_shard(path: str | os.PathLike) -> np.ndarray:
    """Memory-map a shard's tokens (read-only uint16 array of length n) after validating it."""
    n = read_header(path)
    if n == 0:
        return np.zeros(0, dtype=TOKEN_DTYPE)
    return np.memmap(path, dtype=TOKEN_DTYPE, mode="r", offset=HEADER_BYTES, shape=(n,))


def shard_bytes(tokens) -> bytes:
    """The exact bytes of a shard holding `tokens` (header + uint16 payload)."""
    arr = np.asarray(tokens)
    if arr.ndim != 1:
        raise ValueError(f"tokens must be 1-D, got shape {arr.shape}")
    if arr.size and (int(arr.min()) < 0 or int(arr.max()) > 65535):
        raise ValueError(f"token ids must fit uint16, got range [{int(arr.min())}, {int(arr.max())}]")
    header = np.zeros(HEADER_INTS, dtype="<i4")
    header[0], header[1], header[2] = MAGIC, VERSION, arr.size
    return header.tobytes() + arr.astype(TOKEN_DTYPE, copy=False).tobytes()


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write to a temp file in the same folder, fsync, then rename: readers never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes owner-only files; give the usual permissions (0666 less the umask).
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_shard(path: str | os.PathLike, tokens) -> None:
    atomic_write_bytes(path, shard_bytes(tokens))


def shard_paths(pattern: str) -> list[Path]:
    """Sorted shard files matching a glob; an empty match is an error naming the pattern.

    Byte sidecars are left out unless the pattern itself names them (`fineweb_val_*.bin` matches both)."""
    paths = sorted(Path(p) for p in glob.glob(str(pattern)))
    if SIDECAR_PREFIX not in Path(str(pattern)).name:
        paths = [p for p in paths if not is_sidecar(p)]
    if not paths:
        raise ShardError(f"no shard files match {pattern!r}")
    return paths


def load_tokens(pattern: str) -> np.ndarray:
    """All tokens of the shards matching `pattern`, concatenated in file-name order (int64 copy not made)."""
    parts = [np.asarray(load_shard(p)) for p in shard_paths(pattern)]
    return np.concatenate(parts) if len(parts) > 1 else np.array(parts[0])


def read_manifest(folder: str | os.PathLike) -> dict:
    """A dataset folder's manifest.json (data/export.py's, the downloader's); {} where there is none."""
    path = Path(folder) / "manifest.json"
    try:  # one cut short by an interrupted copy said only "Expecting value", naming no file
        manifest = json.loads(path.read_text()) if path.is_file() else {}
    except ValueError as exc:
        raise ShardError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("tokenizer", {}), dict):
        raise ShardError(f"{path}: not a JSON object whose tokenizer is an object (as data/export.py writes)")
    return manifest


def load_val_bytes(val_paths: list[Path]) -> np.ndarray | None:
    """The byte sidecars of these validation shards, concatenated; None when none of them has one.

    All or none: a dataset with some sidecars missing, or a sidecar whose length differs from its shard's,
    is refused naming both files (a wrong byte count is a wrong score)."""
    sidecars = [sidecar_path(p) for p in val_paths]
    present = [s.exists() for s in sidecars]
    # CaseOps data's manifest (data/export.py) says it has sidecars: without them the tokenizer's byte counts
    # would score its operator tokens as text (a wrong bpb, 2026-12-06 probe), so their absence is an error
    told = sorted({Path(p).parent for p in val_paths})
    told = [d / "manifest.json" for d in told if read_manifest(d).get("val_bytes_sidecar")]
    if not any(present) and not told:
        return None
    parts = []
    for val, side, here in zip(val_paths, sidecars, present):
        if not here:
            why = f"{told[0]} says the shards have one" if told else "other validation shards have one"
            raise ShardError(f"{side}: byte sidecar missing for {val} ({why})")
        n_side, n_val = read_header(side), read_header(val)
        if n_side != n_val:
            raise ShardError(f"{side}: byte sidecar has {n_side} entries, its shard {val} has {n_val} tokens")
        parts.append(np.asarray(load_shard(side)))
    return np.concatenate(parts)


def split_documents(tokens: np.ndarray, bos_id: int = BOS_ID) -> list[np.ndarray]:
    """Documents of a BOS-separated stream, each starting with its BOS."""
    starts = np.flatnonzero(np.asarray(tokens) == bos_id)
    if starts.size == 0 or starts[0] != 0:
        raise ShardError("token stream does not start with BOS")
    ends = np.append(starts[1:], len(tokens))
    return [tokens[s:e] for s, e in zip(starts, ends)]


def count_documents(tokens, bos_id: int = BOS_ID) -> int:
    """Documents in a val stream: its BOS tokens (each document is BOS + its tokens)."""
    return int(np.count_nonzero(np.asarray(tokens) == bos_id))


def val_docs_line(docs: int) -> str:
    """The `val_docs:` line the downloader and the judge print for a val set of `docs` documents."""
    match = str(docs == CANONICAL_VAL_DOCS).lower()
    return f"val_docs:{docs} canonical:{CANONICAL_VAL_DOCS} match:{match}"


def val_docs_note(docs: int, where: str) -> str | None:
    """What to say when the val set at `where` is not FineWeb's canonical one (None when it is)."""
    if docs == CANONICAL_VAL_DOCS:
        return None
    return (f"{where} has {docs:,} validation documents, not FineWeb's canonical {CANONICAL_VAL_DOCS:,}: "
            "its val_bpb is not comparable with the leaderboard's")
