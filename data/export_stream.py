"""Streaming export for corpora too big for memory: FineWeb's docs_selected.jsonl (~15 M documents).

    python -m data.export data/docs_selected.jsonl --caseops --prefix fineweb \
        --tokenizer data/tokenizers/fineweb_8192_bpe_lossless_caps_caseops_v1_reserved.model
    python -m data.export big.jsonl --stream --vocab-size 8192 --tokenizer-train-docs 200000

`data.export` switches to this path for an input named docs_selected.jsonl (or with --stream). It differs from
the in-memory export on purpose where FineWeb needs it:
- validation is exactly the first --val-docs lines (default 50,000: FineWeb's canonical validation set, as the
  challenge's own export takes it; the public CaseOps prep script defaults to 10,000, which would train on
  canonical validation documents). They are not de-duplicated (the canonical set is what it is); a later
  document whose SHA-1 equals a validation document's is left out of training and counted.
- documents are read line by line, encoded in batches by every core (a process pool: JSON, the CaseOps
  transform, sentencepiece and the byte counts are all CPU work), and written in input order into shards of
  --shard-tokens; only one shard's tokens and the validation hashes are held in memory.
- progress goes to stderr (documents, tokens, shards, input bytes read).
- it resumes: after each shard, `.export_state.json` in the dataset folder records the input position and
  the tokens already encoded but not yet written (in `.carry_<split>.bin`); rerunning the same command goes on
  from there, rewriting nothing finished. Changed settings, tokenizer or input are refused (`--restart`).
- a tokenizer is trained (when --tokenizer is not given) on the first --tokenizer-train-docs training
  documents only (default 100,000): sentencepiece holds its training text in memory.
The manifest (same fields as the in-memory export's where they apply, sha256 of every file computed as it was
written) is written last, so its presence marks a complete export; data.export.verify_export checks it.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from data import caseops
from data.shards import BOS_ID, atomic_write_bytes, load_shard, shard_bytes, shard_name

STATE_FILE = ".export_state.json"
DEFAULT_TOKENIZER_TRAIN_DOCS = 100_000
BATCH_DOCS = 256  # documents per task handed to a worker: big enough to amortize the hand-off


class StreamExportError(ValueError):
    """A bad input, setting or saved state; the message names the file or the setting."""


def _open_text(path: Path):
    """The file as a text stream read line by line, decompressed by suffix (.zst/.xz/.gz)."""
    name = path.name.lower()
    if name.endswith(".zst"):
        import io

        import zstandard

        raw = zstandard.ZstdDecompressor().stream_reader(open(path, "rb"))
        return io.TextIOWrapper(raw, encoding="utf-8")
    if name.endswith(".xz"):
        import lzma

        return lzma.open(path, "rt", encoding="utf-8")
    if name.endswith(".gz"):
        import gzip

        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8", newline="")


def iter_lines(path: Path, skip: int = 0) -> Iterator[tuple[int, str]]:
    """(line number from 1, line) of the non-blank lines after the first `skip` non-blank lines."""
    seen = 0
    with _open_text(path) as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            seen += 1
            if seen > skip:
                yield lineno, line


# ---------------------------------------------------------------------------------------------------
# Workers: one sentencepiece processor per process, loaded once.

_WORKER: dict = {}


def _init_worker(model_path: str, caseops_data: bool, text_key: str, source: str) -> None:
    import sentencepiece as spm

    _WORKER.update(sp=spm.SentencePieceProcessor(model_file=model_path), caseops=caseops_data, key=text_key,
                   source=source)


def _parse(lineno: int, line: str) -> str:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise StreamExportError(f"{_WORKER['source']}:{lineno}: not valid JSON ({err.msg})") from None
    if isinstance(obj, str):
        return obj
    if not isinstance(obj, dict) or not isinstance(obj.get(_WORKER["key"]), str):
        raise StreamExportError(f"{_WORKER['source']}:{lineno}: expected an object with a string "
                                f"{_WORKER['key']!r} field")
    return obj[_WORKER["key"]]


def _encode_batch(task: tuple[list[tuple[int, str]], int]) -> list[tuple[str, np.ndarray, np.ndarray | None]]:
    """(SHA-1, BOS + token ids, original bytes per token or None) for each line; bytes only for the first
    `n_val` lines (validation) of a CaseOps export."""
    lines, n_val = task
    sp = _WORKER["sp"]
    texts = [_parse(lineno, line) for lineno, line in lines]
    hashes = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    out = []
    if _WORKER["caseops"]:
        val_part = caseops.encode_for_tokenizer(sp, texts[:n_val]) if n_val else []
        rest = sp.encode([caseops.encode(t) for t in texts[n_val:]], out_type=int)
        for (ids, counts), h in zip(val_part, hashes):
            tokens = np.array([BOS_ID, *ids], dtype=np.uint16)
            out.append((h, tokens, np.array([0, *counts], dtype=np.uint16)))
        for ids, h in zip(rest, hashes[n_val:]):
            out.append((h, np.array([BOS_ID, *ids], dtype=np.uint16), None))
    else:
        for ids, h in zip(sp.encode(texts, out_type=int), hashes):
            out.append((h, np.array([BOS_ID, *ids], dtype=np.uint16), None))
    return out


# ---------------------------------------------------------------------------------------------------
# The writer: shards in order, with a resumable state after each.


class _Writer:
    def __init__(self, folder: Path, shard_tokens: int, state: dict):
        self.folder = folder
        self.shard_tokens = shard_tokens
        self.state = state
        self.buf: list[np.ndarray] = []
        self.side: list[np.ndarray] = []
        self.fill = 0
        for split in ("val", "train"):
            carry = folder / f".carry_{split}.bin"
            if state["split"] == split and carry.exists():
                self.buf = [np.asarray(load_shard(carry)).copy()]
                self.fill = int(self.buf[0].size)
                if state["caseops"] and split == "val":
                    self.side = [np.asarray(load_shard(folder / ".carry_val_bytes.bin")).copy()]

    def add(self, tokens: np.ndarray, counts: np.ndarray | None, split: str) -> bool:
        """Append one document; True when a shard was written (the caller then saves the state)."""
        if split != self.state["split"]:
            self._flush_all()
            self.state["split"] = split
        self.buf.append(tokens)
        if counts is not None:
            self.side.append(counts)
        self.fill += int(tokens.size)
        wrote = False
        while self.fill >= self.shard_tokens:
            stream = np.concatenate(self.buf)
            side = np.concatenate(self.side) if self.side else None
            head = None if side is None else side[: self.shard_tokens]
            self._write(split, stream[: self.shard_tokens], head)
            self.buf = [stream[self.shard_tokens:]]
            self.side = [] if side is None else [side[self.shard_tokens:]]
            self.fill = int(self.buf[0].size)
            wrote = True
        return wrote

    def _flush_all(self) -> None:
        if self.fill:
            stream = np.concatenate(self.buf)
            side = np.concatenate(self.side) if self.side else None
            self._write(self.state["split"], stream, side)
        self.buf, self.side, self.fill = [], [], 0

    def _write(self, split: str, tokens: np.ndarray, side: np.ndarray | None) -> None:
        index = self.state["shards"][split]
        for kind, values in ((split, tokens), ("val_bytes", side)):
            if values is None:
                continue
            data = shard_bytes(values)
            name = shard_name(kind, index)
            atomic_write_bytes(self.folder / name, data)
            self.state["files"].append({"name": name, "split": kind, "tokens": int(values.size),
                                        "sha256": hashlib.sha256(data).hexdigest()})
        self.state["shards"][split] = index + 1
        self.state["tokens"][split] += int(tokens.size)
        if side is not None:
            self.state["val_bytes"] += int(side.sum(dtype=np.int64))

    def save(self) -> None:
        """Carry (tokens encoded but not yet in a shard) first, then the state naming them; atomic each."""
        split = self.state["split"]
        stream = np.concatenate(self.buf) if self.buf else np.zeros(0, dtype=np.uint16)
        atomic_write_bytes(self.folder / f".carry_{split}.bin", shard_bytes(stream))
        if self.state["caseops"] and split == "val":
            side = np.concatenate(self.side) if self.side else np.zeros(0, dtype=np.uint16)
            atomic_write_bytes(self.folder / ".carry_val_bytes.bin", shard_bytes(side))
        atomic_write_bytes(self.folder / STATE_FILE, json.dumps(self.state, indent=1).encode())

    def finish(self) -> None:
        self._flush_all()


def _fingerprint(path: Path) -> dict:
    """Enough to notice a different input file on resume without reading all of it."""
    st = path.stat()
    with open(path, "rb") as f:
        head = hashlib.sha256(f.read(1 << 20)).hexdigest()
    return {"name": path.name, "size": st.st_size, "first_mib_sha256": head}


def _training_docs(path: Path, text_key: str, val_docs: int, limit: int, to_text) -> Iterator[str]:
    _WORKER.update(key=text_key, source=str(path))
    for count, (lineno, line) in enumerate(iter_lines(path, skip=val_docs)):
        if count >= limit:
            return
        yield to_text(_parse(lineno, line))


def _up_to_date(folder: Path, settings: dict) -> bool:
    """A finished export of the same input, tokenizer and settings whose files still match its manifest."""
    from data.export import verify_export

    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        same = (manifest["source"].get("fingerprint") == settings["input"]
                and manifest["tokenizer"]["sha256"] == settings["tokenizer_sha256"]
                and manifest["settings"]["val_docs"] == settings["val_docs"]
                and manifest["settings"]["shard_tokens"] == settings["shard_tokens"]
                and manifest["text_transform"] == (caseops.TRANSFORM_NAME if settings["caseops"] else None)
                and manifest["source"].get("text_key", "text") == settings["text_key"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return same and verify_export(folder) == []


def export_stream(
    input_path: str | os.PathLike,
    data_dir: str | os.PathLike,
    *,
    prefix: str,
    vocab_size: int | None = None,
    name: str | None = None,
    val_docs: int = 50_000,
    shard_tokens: int = 100_000_000,
    tokenizer_path: str | os.PathLike | None = None,
    tokenizer_train_docs: int | None = None,
    workers: int | None = None,
    caseops_data: bool = False,
    text_key: str = "text",
    max_shards: int | None = None,
    restart: bool = False,
    log: Callable[[str], None] | None = None,
) -> dict | None:
    """Export `input_path` (JSONL, one document per line) shard by shard; returns the manifest, or None when
    it stopped after `max_shards` new shards (rerun to go on)."""
    from data import export as ex

    say = log or (lambda _msg: None)
    path = Path(input_path)
    data_dir = Path(data_dir)
    if not path.is_file():
        raise StreamExportError(f"input file not found: {path}")
    if val_docs < 1:
        raise StreamExportError(f"--val-docs must be at least 1, got {val_docs}")
    if not 1 <= shard_tokens < 2**31:
        raise StreamExportError(f"--shard-tokens must be between 1 and 2**31-1, got {shard_tokens}")
    if next(iter_lines(path, skip=val_docs), None) is None:  # reads at most val_docs + 1 lines
        count = sum(1 for _ in iter_lines(path))
        raise StreamExportError(f"{path} has only {count} documents, not more than --val-docs {val_docs}: "
                                "none are left for training")
    workers = workers or os.cpu_count() or 1
    to_text = caseops.encode if caseops_data else (lambda text: text)
    overrides = ex.CASEOPS_TRAINER_OVERRIDES if caseops_data else {}

    if tokenizer_path is None:
        if vocab_size is None:
            raise StreamExportError("--vocab-size is required to train a tokenizer (or pass --tokenizer)")
        model_path = data_dir / "tokenizers" / ex.tokenizer_filename(prefix, vocab_size, caseops_data)
        limit = tokenizer_train_docs or DEFAULT_TOKENIZER_TRAIN_DOCS
        if not model_path.is_file() or restart:
            say(f"training a {vocab_size}-piece tokenizer on the first {limit:,} training documents")
            docs = _training_docs(path, text_key, val_docs, limit, to_text)
            ex.train_tokenizer(docs, model_path, vocab_size, source=str(path), trainer_overrides=overrides)
        trained = True
    else:
        model_path = Path(tokenizer_path)
        trained = False
    sp = ex.check_tokenizer(model_path, vocab_size) if vocab_size else ex.check_tokenizer(
        model_path, int(ex.load_sentencepiece(model_path).vocab_size()))
    vocab_size = int(sp.vocab_size())
    ex.check_caseops_tokenizer(sp, model_path, caseops_data)

    name = name or ex.dataset_name(prefix, vocab_size, caseops_data)
    folder = data_dir / "datasets" / name
    folder.mkdir(parents=True, exist_ok=True)
    settings = {"val_docs": val_docs, "shard_tokens": shard_tokens, "text_key": text_key,
                "caseops": caseops_data, "tokenizer_sha256": ex._file_sha256(model_path),
                "input": _fingerprint(path)}
    state_path = folder / STATE_FILE
    state = json.loads(state_path.read_text()) if state_path.exists() and not restart else None
    if state is not None and state["settings"] != settings:
        changed = [k for k in settings if state["settings"].get(k) != settings[k]]
        raise StreamExportError(f"{state_path}: an unfinished export with other settings "
                                f"({', '.join(changed)}); rerun with --restart to start over")
    if state is None and not restart and _up_to_date(folder, settings):
        say(f"{folder} is complete and matches these settings; nothing to do (--restart rebuilds)")
        return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if state is None:
        (folder / "manifest.json").unlink(missing_ok=True)
        for stale in list(folder.glob("fineweb_*_*.bin")) + list(folder.glob(".carry_*.bin")):
            stale.unlink()
        state = {"settings": settings, "caseops": caseops_data, "lines_done": 0, "split": "val",
                 "shards": {"val": 0, "train": 0}, "tokens": {"val": 0, "train": 0}, "val_bytes": 0,
                 "docs": {"val": 0, "train": 0, "train_dropped_as_in_val": 0}, "val_hashes": [], "files": []}
    else:
        say(f"resuming {folder}: {state['lines_done']:,} documents already done, "
            f"{len(state['files'])} files written")
    val_hashes = set(state["val_hashes"])
    writer = _Writer(folder, shard_tokens, state)
    new_shards = 0

    def batches() -> Iterator[tuple[list[tuple[int, str]], int]]:
        batch: list[tuple[int, str]] = []
        n_val = 0
        done = state["lines_done"]
        for lineno, line in iter_lines(path, skip=done):
            batch.append((lineno, line))
            if done + len(batch) <= val_docs:
                n_val += 1
            if len(batch) == BATCH_DOCS:
                yield batch, n_val if caseops_data else 0
                done += len(batch)
                batch, n_val = [], 0
        if batch:
            yield batch, n_val if caseops_data else 0

    from tqdm import tqdm

    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    stopped = False
    with ctx.Pool(workers, _init_worker, (str(model_path), caseops_data, text_key, str(path))) as pool, \
            tqdm(desc=f"export {name}", unit="doc", initial=state["lines_done"], file=sys.stderr,
                 disable=None) as bar:
        # At most a few batches per worker in flight: Pool.imap would read the whole input ahead into memory.
        tasks = batches()
        pending: deque = deque()

        def submit() -> None:
            task = next(tasks, None)
            if task is not None:
                pending.append(pool.apply_async(_encode_batch, (task,)))

        for _ in range(4 * workers):
            submit()
        while pending:
            results = pending.popleft().get()
            submit()
            for doc_hash, tokens, counts in results:
                split = "val" if state["lines_done"] < val_docs else "train"
                state["lines_done"] += 1
                if split == "val":
                    val_hashes.add(doc_hash)
                    state["val_hashes"].append(doc_hash)
                elif doc_hash in val_hashes:
                    state["docs"]["train_dropped_as_in_val"] += 1
                    continue
                if int(tokens.max(initial=0)) >= vocab_size:
                    raise StreamExportError(
                        f"{path}: token id {int(tokens.max())} >= vocab size {vocab_size}")
                state["docs"][split] += 1
                if writer.add(tokens, counts, split):
                    writer.save()
                    new_shards += 1
                    bar.set_postfix(shards=len(state["files"]), tokens=sum(state["tokens"].values()))
                    if max_shards is not None and new_shards >= max_shards:
                        stopped = True
                        break
            bar.update(len(results))
            if stopped:
                pool.terminate()
                break
    if stopped:
        say(f"stopped after {new_shards} new shard(s) (--max-shards); rerun the same command to go on")
        return None
    if state["docs"]["val"] < val_docs:
        raise StreamExportError(f"{path} has only {state['docs']['val']} documents, not more than --val-docs "
                                f"{val_docs}: none are left for training")
    writer.finish()
    options = {**ex.TRAINER_OPTIONS, **overrides}
    trainer_options = {k: v for k, v in options.items() if k != "minloglevel"}
    train_limit = tokenizer_train_docs or DEFAULT_TOKENIZER_TRAIN_DOCS
    manifest = {
        "format_version": ex.FORMAT_VERSION,
        "name": name,
        "source": {"file": path.name, "format": "jsonl", "fingerprint": settings["input"], "streamed": True,
                   "text_key": text_key},
        "tokenizer": {
            "model_path": ex._display_path(model_path, data_dir),
            "vocab_path": None,
            "sha256": settings["tokenizer_sha256"],
            "trained_here": trained,
            "trainer_options": trainer_options if trained else None,
            "tokenizer_train_docs": train_limit if trained else None,
        },
        "vocab_size": vocab_size,
        "bos_id": BOS_ID,
        "append_eos": False,
        "text_transform": caseops.TRANSFORM_NAME if caseops_data else None,
        "val_bytes_sidecar": {"val_bytes": state["val_bytes"]} if caseops_data else None,
        "settings": {"val_docs": val_docs, "shard_tokens": shard_tokens},
        "docs": {"input": state["lines_done"], **state["docs"]},
        "tokens": {**state["tokens"], "total": state["tokens"]["val"] + state["tokens"]["train"]},
        "disjoint_check": {
            "method": "validation = the first val_docs lines; SHA-1 of each document's UTF-8 text; "
                      "train docs whose hash is a validation document's dropped (no other de-duplication)",
            "val_hashes_sha256": hashlib.sha256("\n".join(sorted(val_hashes)).encode()).hexdigest(),
            "passed": True,
        },
        "files": state["files"],
    }
    atomic_write_bytes(folder / "manifest.json", (json.dumps(manifest, indent=2) + "\n").encode("utf-8"))
    for leftover in [state_path, *folder.glob(".carry_*.bin")]:
        leftover.unlink(missing_ok=True)
    say(f"wrote {len(state['files'])} file(s) to {folder}: {state['tokens']['val']:,} val tokens "
        f"({state['docs']['val']:,} documents), {state['tokens']['train']:,} train tokens")
    return manifest
