"""Download the challenge's FineWeb shards and tokenizer files from the Hugging Face hub, safely.

    python data/cached_challenge_fineweb.py --variant sp1024 --train-shards 10
    python -m data.cached_challenge_fineweb --variant sp1024 --train-shards 10 --with-docs

What it fetches, all named by the export's manifest (`<root>/manifest.json` in the dataset repo):
    <root>/datasets/fineweb10B_<variant>/fineweb_val_*.bin     every validation shard, always
    <root>/datasets/fineweb10B_<variant>/fineweb_val_bytes_*.bin  their byte sidecars, when the dataset has
                                                               them (`val_bytes_glob`; CaseOps must)
    <root>/datasets/fineweb10B_<variant>/fineweb_train_*.bin   the first --train-shards train shards
    <root>/<tokenizer model_path / vocab_path / path>          the variant's tokenizer files
    <root>/<docs_jsonl>, <docs_meta.source_manifest>          only with --with-docs
and writes the local layout the rest of the toolkit reads:
    <data-dir>/manifest.json                                   the export's manifest, as published
    <data-dir>/datasets/fineweb10B_<variant>/fineweb_{train,val,val_bytes}_%06d.bin
    <data-dir>/datasets/fineweb10B_<variant>/manifest.json     what this download holds (below), last
    <data-dir>/tokenizers/<file name>
    <data-dir>/docs_selected.jsonl (and its sidecar)          with --with-docs

Why not the public tool as is: it checks no sizes and leaves whatever a failed transfer leaves, so a
truncated shard can sit in data/ and be trained or scored on. Here every file is downloaded into a
private temp folder next to its destination, checked, and only then moved into place with os.replace
(atomic on one filesystem): the final path holds either nothing or a verified file.

Checks, before skipping a local file and after every download:
- size: from the manifest when it gives one, either an explicit `file_sizes` map ({path under the
  root: bytes}, at the top level or in the dataset entry; the published manifest has none today), or,
  for shards, derived from `shard_size` and `stats.tokens_{train,val}` (the exporters fill every shard
  to shard_size except the last of each split; used only when `stats.files_*` agrees with that rule);
- shards: the header must be valid and its token count must match the file's length
  (data.shards.read_header), always.
A local file that passes is skipped with a log line; one that fails is downloaded again.

Transfers go through the real huggingface_hub client (hf_hub_download, repo_type="dataset"), so
HF_ENDPOINT, HF_TOKEN and the client's own resume-on-disconnect apply. Its cache is a throwaway
folder per file, not the user's global HF cache: shards are large and we keep exactly one copy.

The dataset folder's manifest.json, in data/export.py's field names where they apply, is written after
everything is in place and checked (atomically: temp file + os.replace): `tokenizer` {name, model_path,
vocab_path, sha256 of the model file downloaded}, `val_bytes_sidecar` ({files, val_bytes} when the dataset
has byte sidecars, else null), `text_transform` (data/caseops.py's name for CaseOps, else null), `tokens`
(read from the shard headers), `source` (hub endpoint, repo, root) and `written_by`. The flagship reads it
from DATA_PATH: it refuses a tokenizer whose SHA-256 differs (another tokenizer of the same vocab size would
score wrong bytes), and data/shards.py refuses val shards without their sidecars when `val_bytes_sidecar` is
set. On a rerun the local tokenizer model is kept only when it still has the SHA-256 recorded there (else,
or with no record, it is downloaded again), so a swapped file is replaced, not recorded. A manifest.json in
that folder written by anything else (data/export.py's local export) is refused before anything is fetched:
the hub's shards would mix with the export's, and the export's manifest would no longer describe its folder.

At the end it counts the validation documents (BOS tokens) and says so when they are not FineWeb's
canonical 50,000 (the public CaseOps prep script defaults to 10,000, which would score on a different set).

CaseOps (`--variant sp8192_lossless_caps_caseops_v1_reserved`, data/caseops.py): the frontier records' data,
published by @romeerp (PR #1729) in romeerp/parameter-golf-caseops-v1 under `datasets/`, with a byte
sidecar per validation shard (data/shards.py). Its sidecars are fetched and checked like shards (one uint16
per val token: the same size as their val shard), and a CaseOps dataset without them is refused: its val_bpb
needs them.

Environment (as the public tool): MATCHED_FINEWEB_REPO_ID (default willdepueoai/parameter-golf; the variants
published elsewhere default to their own repo, VARIANT_REPO_IDS), MATCHED_FINEWEB_REMOTE_ROOT_PREFIX
(default `datasets`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

if __name__ == "__main__" and not __package__:
    # Run as a script, Python puts data/ itself first on sys.path; the downloaded data/datasets/ and
    # data/tokenizers/ folders would then shadow the PyPI packages of the same names. Put the repo
    # root there instead, which also makes `data.shards` importable.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

import numpy as np
from tqdm import tqdm

from data import caseops
from data.shards import (BOS_ID, HEADER_BYTES, ShardError, atomic_write_bytes, load_shard, load_val_bytes,
                         read_header, shard_name, val_docs_line, val_docs_note)

DEFAULT_REPO_ID = "willdepueoai/parameter-golf"
# Variants published outside the default repo, with the same layout (manifest under `datasets/`). sp8192:
# @clarkkev's export used by the SP8192 records since 2026-04-05 (their READMEs download it with
# MATCHED_FINEWEB_REPO_ID=kevclark/parameter-golf --variant sp8192).
# CaseOps: @romeerp's export (PR #1729) that every record since 2026-04-19 trains on; the 04-18 and 04-27
# records' READMEs download it with MATCHED_FINEWEB_REPO_ID=romeerp/parameter-golf-caseops-v1
# MATCHED_FINEWEB_REMOTE_ROOT_PREFIX=datasets --variant sp8192_lossless_caps_caseops_v1_reserved.
CASEOPS_VARIANT = "sp8192_lossless_caps_caseops_v1_reserved"
VARIANT_REPO_IDS = {"sp8192": "kevclark/parameter-golf", CASEOPS_VARIANT: "romeerp/parameter-golf-caseops-v1"}
DEFAULT_REMOTE_ROOT = "datasets"
VARIANT_REMOTE_ROOTS = {CASEOPS_VARIANT: "datasets"}
REPO_ID_ENV = "MATCHED_FINEWEB_REPO_ID"
REMOTE_ROOT_ENV = "MATCHED_FINEWEB_REMOTE_ROOT_PREFIX"
VARIANTS = ("sp1024", "sp4096", "sp8192", "byte260", CASEOPS_VARIANT)
# Variants whose token pieces do not spell the original text: val_bpb needs their byte sidecars.
SIDECAR_VARIANTS = (CASEOPS_VARIANT,)
DEFAULT_VARIANT = "sp1024"
# The public README's default: 80 shards of 100M tokens = 8B training tokens.
DEFAULT_TRAIN_SHARDS = 80
TOKENIZER_FILE_KEYS = ("model_path", "vocab_path", "path")
DEFAULT_DATA_DIR = Path(__file__).resolve().parent
# Marks the dataset folder's manifest.json as ours: one without it (data/export.py's) is never overwritten.
WRITTEN_BY = "data/cached_challenge_fineweb.py"


class DownloadError(RuntimeError):
    """A download that cannot go on; the message names the file or setting at fault."""


class RemoteFileMissing(DownloadError):
    """The repo exists but the file does not (a wrong root prefix shows up first as this)."""


@dataclass(frozen=True)
class Source:
    """Where the export lives: a dataset repo and the folder inside it that holds manifest.json."""

    repo_id: str
    root: str

    @classmethod
    def from_env(cls, variant: str = "sp1024") -> "Source":
        """MATCHED_FINEWEB_REPO_ID when set, else the repo that publishes `variant` (VARIANT_REPO_IDS);
        MATCHED_FINEWEB_REMOTE_ROOT_PREFIX when set, else that variant's root."""
        default_root = VARIANT_REMOTE_ROOTS.get(variant, DEFAULT_REMOTE_ROOT)
        root = os.environ.get(REMOTE_ROOT_ENV, default_root).strip("/")
        return cls(os.environ.get(REPO_ID_ENV) or VARIANT_REPO_IDS.get(variant, DEFAULT_REPO_ID), root)

    def repo_path(self, remote: str) -> str:
        return f"{self.root}/{remote}" if self.root else remote

    def where(self, remote: str) -> str:
        return f"{self.repo_id}:{self.repo_path(remote)}"


@dataclass(frozen=True)
class FileTask:
    """One file to have locally: its path under the remote root, its destination, what to check."""

    remote: str
    local: Path
    expected_size: int | None
    is_shard: bool
    # The tokenizer model: a local copy is kept only if it has the SHA-256 that the dataset folder's manifest
    # recorded at its download (None: nothing recorded, so it is fetched again and its hash then recorded).
    hashed: bool = False
    recorded_sha256: str | None = None


# ----------------------------------------------------------------------------------------------------
# Transfer: hub client into a private temp folder, check, then one atomic rename.


def hub_download(source: Source, remote: str, cache_dir: Path) -> Path:
    """Download one repo file with huggingface_hub into `cache_dir`; return the real file's path."""
    from huggingface_hub import constants, hf_hub_download
    from huggingface_hub.errors import EntryNotFoundError, LocalEntryNotFoundError, RepositoryNotFoundError

    where = source.where(remote)
    try:
        path = hf_hub_download(
            repo_id=source.repo_id,
            filename=source.repo_path(remote),
            repo_type="dataset",
            cache_dir=cache_dir,
        )
    except RepositoryNotFoundError:
        raise DownloadError(
            f"dataset repo {source.repo_id!r} not found on {constants.ENDPOINT} (set by {REPO_ID_ENV})"
        ) from None
    except LocalEntryNotFoundError as e:
        # The client's name for "could not reach the hub and nothing cached": a network problem.
        raise DownloadError(f"could not fetch {where} from {constants.ENDPOINT}: {e}") from e
    except EntryNotFoundError:
        raise RemoteFileMissing(f"{where} does not exist in the dataset repo") from None
    except Exception as e:  # the client's HTTP/consistency errors: say which file, keep the cause
        raise DownloadError(f"downloading {where} failed: {type(e).__name__}: {e}") from e
    # The client returns a snapshot symlink into its blob store; we want the blob itself.
    return Path(os.path.realpath(path))


def fetch_file(source: Source, remote: str, dest: Path, check: Callable[[Path], None]) -> None:
    """Download `remote` to `dest` atomically: `check(staged_file)` must pass before it is moved in.

    The temp folder sits next to `dest` so that the final os.replace is a rename on one filesystem
    (data/datasets is often a symlink to a bigger disk). It is removed whatever happens, so a failed
    or interrupted transfer leaves neither a partial file at `dest` nor debris beside it. Only a hard
    kill (SIGKILL, power loss) can leave a hidden `.<name>.*.download` folder behind: safe to delete.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".download", dir=dest.parent))
    try:
        blob = hub_download(source, remote, tmp / "hub-cache")
        # Give the staged copy the final file's name, so check errors read naturally.
        staged = tmp / dest.name
        os.replace(blob, staged)
        check(staged)
        os.replace(staged, dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def problem_with(path: Path, task: FileTask) -> str | None:
    """Why `path` is not a good copy of `task`'s file, or None if it is."""
    size = path.stat().st_size
    if task.expected_size is not None and size != task.expected_size:
        return f"{size} bytes, but the manifest expects {task.expected_size} bytes"
    if task.is_shard:
        try:
            read_header(path)
        except ShardError as e:
            return f"not a valid shard: {e}"
    return None


def check_download(task: FileTask) -> Callable[[Path], None]:
    def check(staged: Path) -> None:
        problem = problem_with(staged, task)
        if problem is not None:
            raise DownloadError(
                f"downloaded {task.remote} is wrong: {problem}; it was discarded, nothing written to {task.local}"
            )

    return check


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def reason_to_fetch(task: FileTask) -> str | None:
    """None if the local copy can be kept (skipped), else why it must be downloaded."""
    if not task.local.exists():
        return "missing"
    if not task.local.is_file():
        raise DownloadError(f"{task.local} exists but is not a regular file; move it away and rerun")
    problem = problem_with(task.local, task)
    if problem is None and task.hashed:
        # Without this a tokenizer swapped after the download would be kept and its hash recorded as if
        # downloaded: the flagship's SHA-256 check would then pass the wrong tokenizer.
        if task.recorded_sha256 is None:
            problem = "no SHA-256 recorded for it beside the shards"
        elif file_sha256(task.local) != task.recorded_sha256:
            problem = f"SHA-256 differs from the {task.recorded_sha256[:16]}... recorded at its download"
    return None if problem is None else f"local copy is bad ({problem})"


# ----------------------------------------------------------------------------------------------------
# The manifest: what exists, and how big it should be.


def check_json(path: Path) -> None:
    try:
        value = json.loads(path.read_bytes())
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DownloadError(f"downloaded manifest is not valid JSON: {e}") from None
    if not isinstance(value, dict):
        raise DownloadError(f"downloaded manifest is a JSON {type(value).__name__}, expected an object")


def fetch_manifest(source: Source, data_dir: Path) -> dict:
    """Download `<root>/manifest.json` to `<data_dir>/manifest.json` (always refreshed) and parse it."""
    dest = data_dir / "manifest.json"
    try:
        fetch_file(source, "manifest.json", dest, check_json)
    except RemoteFileMissing:
        raise DownloadError(
            f"no manifest at {source.where('manifest.json')}: check {REMOTE_ROOT_ENV}={source.root!r} "
            f"and {REPO_ID_ENV}={source.repo_id!r}"
        ) from None
    return json.loads(dest.read_bytes())


def clean_relative(path: object, field: str) -> str:
    """A manifest path must stay inside the export root: relative, no '..' (it becomes a local path too)."""
    text = str(path).replace("\\", "/") if isinstance(path, str) else ""
    parts = text.split("/")
    if not text or text.startswith("/") or ".." in parts or "" in parts:
        raise DownloadError(f"manifest field {field} = {path!r} is not a path inside the export root")
    return text


def find_dataset(manifest: dict, variant: str, source: Source) -> dict:
    name = f"fineweb10B_{variant}"
    entries = [d for d in manifest.get("datasets") or [] if isinstance(d, dict)]
    for entry in entries:
        if entry.get("name") == name:
            return entry
    known = ", ".join(str(d.get("name")) for d in entries) or "none"
    raise DownloadError(
        f"--variant {variant}: dataset {name} is not in {source.where('manifest.json')} (it lists: {known})"
    )


def find_tokenizer(manifest: dict, dataset: dict, source: Source) -> dict:
    name = dataset.get("tokenizer_name")
    for entry in manifest.get("tokenizers") or []:
        if isinstance(entry, dict) and entry.get("name") == name:
            return entry
    raise DownloadError(
        f"tokenizer {name!r} of dataset {dataset.get('name')} is not in {source.where('manifest.json')}"
    )


def shard_count(dataset: dict, split: str, source: Source) -> int:
    value = (dataset.get("stats") or {}).get(f"files_{split}")
    if not isinstance(value, int) or value < 0:
        raise DownloadError(
            f"dataset {dataset.get('name')} in {source.where('manifest.json')} has no valid "
            f"stats.files_{split} (got {value!r})"
        )
    return value


def explicit_sizes(manifest: dict, dataset: dict) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for table in (manifest.get("file_sizes"), dataset.get("file_sizes")):
        if isinstance(table, dict):
            sizes.update({str(k): v for k, v in table.items() if isinstance(v, int) and v >= 0})
    return sizes


def derived_shard_sizes(manifest: dict, dataset: dict) -> dict[str, int]:
    """Shard sizes implied by shard_size and the token counts, where the file counts agree with them."""
    shard_size = dataset.get("shard_size", manifest.get("shard_size"))
    stats = dataset.get("stats") or {}
    if not isinstance(shard_size, int) or shard_size <= 0:
        return {}
    sizes: dict[str, int] = {}
    for split in ("val", "train"):
        tokens, files = stats.get(f"tokens_{split}"), stats.get(f"files_{split}")
        # Only trust the fill-to-shard_size rule when it reproduces the published file count.
        if not isinstance(tokens, int) or not isinstance(files, int) or files != math.ceil(tokens / shard_size):
            continue
        for i in range(files):
            n = min(shard_size, tokens - i * shard_size)
            sizes[f"datasets/{dataset['name']}/{shard_name(split, i)}"] = HEADER_BYTES + 2 * n
            if split == "val":  # a byte sidecar holds one entry per token of its val shard
                sizes[f"datasets/{dataset['name']}/{shard_name('val_bytes', i)}"] = HEADER_BYTES + 2 * n
    return sizes


def docs_files(manifest: dict, dataset: dict) -> list[tuple[str, str]]:
    """(manifest field, path) of the docs side files listed for this dataset or the whole export."""
    found = []
    for field, value in (
        (f"datasets[{dataset.get('name')}].docs_jsonl", dataset.get("docs_jsonl")),
        ("docs_jsonl", manifest.get("docs_jsonl")),
        ("docs_meta.source_manifest", (manifest.get("docs_meta") or {}).get("source_manifest")),
    ):
        if value and value not in [path for _, path in found]:
            found.append((field, value))
    return found


# ----------------------------------------------------------------------------------------------------
# Planning and running.


def plan(manifest: dict, source: Source, variant: str, train_shards: int, with_docs: bool, data_dir: Path,
         recorded: dict | None = None):
    """The files to have, in download order (val, val sidecars, train, tokenizer, docs), plus notes.
    `recorded`: the dataset folder's manifest from an earlier run (own_manifest), for the tokenizer's hash."""
    dataset = find_dataset(manifest, variant, source)
    name = dataset["name"]
    n_val, n_train = shard_count(dataset, "val", source), shard_count(dataset, "train", source)
    if train_shards > n_train:
        raise DownloadError(
            f"--train-shards {train_shards} is more than the {n_train} train shards {name} has in "
            f"{source.where('manifest.json')}"
        )
    sizes = {**derived_shard_sizes(manifest, dataset), **explicit_sizes(manifest, dataset)}
    tasks, notes = [], []

    sidecars = bool(dataset.get("val_bytes_glob"))
    if variant in SIDECAR_VARIANTS and not sidecars:
        raise DownloadError(
            f"dataset {name} in {source.where('manifest.json')} lists no val byte sidecars (val_bytes_glob); "
            "a CaseOps val_bpb cannot be computed without them"
        )
    shards = [("val", i) for i in range(n_val)] + [("val_bytes", i) for i in range(n_val) if sidecars]
    shards += [("train", i) for i in range(train_shards)]
    for split, i in shards:
        remote = f"datasets/{name}/{shard_name(split, i)}"
        tasks.append(FileTask(remote, data_dir / remote, sizes.get(remote), True))

    tokenizer = find_tokenizer(manifest, dataset, source)
    paths = [(key, tokenizer[key]) for key in TOKENIZER_FILE_KEYS if tokenizer.get(key)]
    if not paths:
        raise DownloadError(f"tokenizer {tokenizer.get('name')!r} in the manifest lists no file ({TOKENIZER_FILE_KEYS})")
    before = (recorded or {}).get("tokenizer") or {}
    # The file the flagship loads as TOKENIZER_PATH: hashed and recorded (a byte tokenizer lists only `path`).
    model_key = next((key for key, _ in paths if key in ("model_path", "path")), None)
    for key, value in paths:
        remote = clean_relative(value, f"tokenizers[{tokenizer.get('name')}].{key}")
        local = data_dir / "tokenizers" / remote.rsplit("/", 1)[-1]
        if key != model_key:
            tasks.append(FileTask(remote, local, sizes.get(remote), False))
            continue
        same_file = before.get("model_path") == local.relative_to(data_dir).as_posix()
        sha = before.get("sha256") if same_file and isinstance(before.get("sha256"), str) else None
        tasks.append(FileTask(remote, local, sizes.get(remote), False, hashed=True, recorded_sha256=sha))

    if with_docs:
        docs = docs_files(manifest, dataset)
        if not docs:
            notes.append(f"--with-docs: the manifest lists no docs files for {name}; no docs downloaded")
        for field, value in docs:
            remote = clean_relative(value, field)
            tasks.append(FileTask(remote, data_dir / remote, sizes.get(remote), False))
    return tasks, notes


def val_report(tasks: list[FileTask], dataset: dict, variant: str) -> tuple[list[str], int | None]:
    """Lines about the downloaded validation set: its document count (BOS tokens), whether that is the
    canonical 50,000, and for a sidecar dataset its original bytes; a sidecar that does not fit is an
    error. Also the sidecars' byte total, None without sidecars."""
    val = [t.local for t in tasks if t.is_shard and t.local.name.startswith("fineweb_val_")]
    val = [p for p in val if not p.name.startswith("fineweb_val_bytes_")]
    if not val:
        return [], None
    bos = dataset.get("bos_id", BOS_ID)
    is_bos = np.concatenate([np.asarray(load_shard(p)) == bos for p in val])
    docs = int(np.count_nonzero(is_bos))
    # the same line and note as the judge's (data/shards.py)
    note = val_docs_note(docs, dataset["name"])
    lines = [val_docs_line(docs)] + ([f"note: {note}"] if note else [])
    try:
        side = load_val_bytes(val)
    except ShardError as e:
        raise DownloadError(f"byte sidecar does not fit its val shard: {e}") from None
    if side is None:
        if variant in SIDECAR_VARIANTS:
            raise DownloadError(f"{val[0].parent}: no byte sidecars after the download")
        return lines, None
    if np.any(side[is_bos]):
        raise DownloadError(f"{val[0].parent}: a byte sidecar gives BOS tokens original bytes (must be 0)")
    total = int(side.sum(dtype=np.int64))
    return lines + [f"val_bytes_source:sidecar val_bytes:{total}"], total


# ----------------------------------------------------------------------------------------------------
# The dataset folder's manifest.json: what the flagship and data/shards.py check DATA_PATH against.


def own_manifest(path: Path) -> dict | None:
    """The manifest.json at `path` as an earlier run of this downloader wrote it; None when there is none.
    One written by anything else is refused, before anything is fetched: it describes a local export whose
    shards the download would mix with the hub's, and overwriting it would lose its record."""
    if not path.exists():
        return None
    try:
        value = json.loads(path.read_bytes())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DownloadError(
            f"{path} is not a manifest this downloader wrote ({e}); move it away and rerun") from None
    if isinstance(value, dict) and value.get("written_by") == WRITTEN_BY:
        return value
    who = ("data/export.py (a local export)" if isinstance(value, dict) and "format_version" in value
           else "something other than this downloader")
    raise DownloadError(
        f"{path} was written by {who}; the download would mix the hub's files into that folder and leave its "
        "manifest wrong, so it is not overwritten: move that folder away or pass another --data-dir"
    )


def dataset_manifest(tasks: list[FileTask], manifest: dict, dataset: dict, source: Source, variant: str,
                     data_dir: Path, val_bytes: int | None) -> dict:
    """The dataset folder's manifest for what is on disk now (every task done and checked)."""
    from huggingface_hub import constants

    tokenizer = find_tokenizer(manifest, dataset, source)
    model = next((t.local for t in tasks if t.hashed), None)
    vocab = [t.local for t in tasks if t.remote == tokenizer.get("vocab_path")]
    # longest prefix first: fineweb_val_bytes_ also starts with fineweb_val_
    prefixes = {"val_bytes": "fineweb_val_bytes_", "val": "fineweb_val_", "train": "fineweb_train_"}
    shards: dict[str, list[Path]] = {split: [] for split in prefixes}
    for task in (t for t in tasks if t.is_shard):
        split = next(name for name, prefix in prefixes.items() if task.local.name.startswith(prefix))
        shards[split].append(task.local)
    tokens = {split: sum(read_header(p) for p in shards[split]) for split in ("val", "train")}
    return {
        "written_by": WRITTEN_BY,
        "name": dataset["name"],
        "source": {"endpoint": constants.ENDPOINT, "hub_repo": source.repo_id, "root": source.root,
                   "manifest": source.repo_path("manifest.json")},
        "tokenizer": {
            "name": tokenizer.get("name"),
            "model_path": model.relative_to(data_dir).as_posix() if model else None,
            "vocab_path": vocab[0].relative_to(data_dir).as_posix() if vocab else None,
            "sha256": file_sha256(model) if model else None,
        },
        "vocab_size": tokenizer.get("vocab_size", dataset.get("vocab_size")),
        "bos_id": dataset.get("bos_id", BOS_ID),
        "text_transform": caseops.TRANSFORM_NAME if variant == CASEOPS_VARIANT else None,
        "val_bytes_sidecar": ({"files": len(shards["val_bytes"]), "val_bytes": val_bytes}
                              if shards["val_bytes"] else None),
        "tokens": {**tokens, "total": tokens["val"] + tokens["train"]},
        "train_shards": {"downloaded": len(shards["train"]),
                         "published": (dataset.get("stats") or {}).get("files_train")},
    }


def run(tasks: list[FileTask], source: Source, desc: str) -> tuple[int, int]:
    """Fetch what is missing or bad, skip the rest; one progress bar over files. Returns (got, skipped)."""
    got = skipped = 0
    with tqdm(total=len(tasks), desc=desc, unit="file", file=sys.stderr, disable=None) as bar:
        for task in tasks:
            reason = reason_to_fetch(task)
            if reason is None:
                tqdm.write(f"skip {task.local} (already present, {task.local.stat().st_size} bytes)")
                skipped += 1
            else:
                if reason != "missing":
                    # Remove it first: if the new download fails too, no bad copy stays readable there.
                    tqdm.write(f"refetch {task.local}: {reason}; removed it")
                    task.local.unlink()
                fetch_file(source, task.remote, task.local, check_download(task))
                tqdm.write(f"got {task.local} ({task.local.stat().st_size} bytes)")
                got += 1
            bar.update(1)
    return got, skipped


def non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Download the challenge's FineWeb shards and tokenizer from the Hugging Face hub "
        "(verified, atomic, idempotent).",
        epilog=f"Environment: {REPO_ID_ENV} (default {DEFAULT_REPO_ID}; "
        f"sp8192: {VARIANT_REPO_IDS['sp8192']}; "
        f"{CASEOPS_VARIANT}: {VARIANT_REPO_IDS[CASEOPS_VARIANT]}), "
        f"{REMOTE_ROOT_ENV} "
        f"(default {DEFAULT_REMOTE_ROOT}), HF_ENDPOINT and HF_TOKEN as huggingface_hub reads them.",
    )
    parser.add_argument("--variant", choices=VARIANTS, default=DEFAULT_VARIANT,
                        help=f"tokenizer family; dataset fineweb10B_<variant> (default {DEFAULT_VARIANT})")
    parser.add_argument("--train-shards", type=non_negative_int, default=DEFAULT_TRAIN_SHARDS, metavar="N",
                        help=f"download the first N train shards (default {DEFAULT_TRAIN_SHARDS}); "
                        "all validation shards are always downloaded")
    parser.add_argument("--with-docs", action="store_true",
                        help="also download the docs side files the manifest lists (e.g. docs_selected.jsonl)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                        help="output root for manifest.json, datasets/ and tokenizers/ (default: %(default)s)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    source = Source.from_env(args.variant)
    data_dir = args.data_dir.expanduser().absolute()
    from huggingface_hub.utils import disable_progress_bars

    local_manifest = data_dir / "datasets" / f"fineweb10B_{args.variant}" / "manifest.json"
    try:
        # One bar over files is ours; the client's per-file byte bars would interleave with it.
        with disable_progress_bars():
            recorded = own_manifest(local_manifest)
            manifest = fetch_manifest(source, data_dir)
            tasks, notes = plan(manifest, source, args.variant, args.train_shards, args.with_docs, data_dir,
                                recorded)
            for note in notes:
                print(f"note: {note}", file=sys.stderr)
            got, skipped = run(tasks, source, f"fineweb10B_{args.variant}")
            dataset = find_dataset(manifest, args.variant, source)
            report, val_bytes = val_report(tasks, dataset, args.variant)
            # Last, once every file is in place and checked: its presence vouches for the folder.
            record = dataset_manifest(tasks, manifest, dataset, source, args.variant, data_dir, val_bytes)
            atomic_write_bytes(local_manifest, (json.dumps(record, indent=2) + "\n").encode())
    except DownloadError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: the file in flight was discarded; rerun to continue", file=sys.stderr)
        return 130
    for line in report:
        print(line)
    print(f"tokenizer sha256:{record['tokenizer']['sha256']} recorded in {local_manifest}")
    print(f"done: {got} downloaded, {skipped} already present, in {data_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
