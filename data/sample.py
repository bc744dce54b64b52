"""Build the offline sample dataset: real English prose in the challenge's layout, no network needed.

    python -m data.sample                # builds data/datasets/sample_sp1024/ + data/tokenizers/sample_1024_bpe.model
    python -m data.sample --vocab 8192   # the same text with an 8192-piece tokenizer: sample_sp8192/ (the frontier's size)
    python -m data.sample --caseops      # CaseOps (data/caseops.py), 8192 pieces, val byte sidecars:
        data/datasets/sample_sp8192_lossless_caps_caseops_v1_reserved/ and
        data/tokenizers/sample_8192_bpe_lossless_caps_caseops_v1_reserved.model
    python -m data.sample --force        # rebuild even if the outputs match their manifest

Why: FineWeb is ~20 GB behind a download; a CPU demo, a test or a first look at the training loop needs
something small that is still real text, so that a tiny GPT shows a loss that falls the way it does on
real data (random tokens would not; code would teach the wrong lesson about bytes per token).

Source: Jane Austen's six completed novels (Sense and Sensibility, Pride and Prejudice, Mansfield Park,
Emma, Northanger Abbey, Persuasion), one document per chapter: 269 documents, 4.0 MB of UTF-8 text,
committed as data/sample_corpus/austen_chapters.jsonl.zst (1.07 MB, zstd). The text is in the public
domain (Austen died in 1817); it was taken from the R package janeaustenr 1.0.0 (MIT, Julia Silge), via
Debian's r-cran-janeaustenr package; data/sample_corpus/make_austen_corpus.py shows exactly how, and
data/sample_corpus/LICENSE carries the notice. No PyPI package ships public-domain books usable offline,
and CI installs only from PyPI, hence the committed file.

What it builds (through data/export.py, with its tokenizer settings): a 1024-piece (or, with --vocab,
an 8192-piece) BPE tokenizer trained on the training chapters, 20 validation chapters (7%: about 0.1 M tokens) in
fineweb_val_000000.bin and 249 training chapters (about 1.3 M tokens) in 500,000-token train shards,
plus manifest.json. The chapters are ordered by the SHA-1 of their text before the split, so validation
mixes all six novels, and the order does not depend on anything but the text.

Deterministic: the same corpus gives byte-identical tokenizer and shards (single-threaded tokenizer
training, no sampling). Idempotent: when the outputs exist and match the recorded manifest (files,
hashes, source and settings), it says so and does nothing. Takes a few seconds on 2 cores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from data.export import (
    CASEOPS_TRAINER_OVERRIDES,
    DEFAULT_DATA_DIR,
    FORMAT_VERSION,
    TRAINER_OPTIONS,
    ExportError,
    dataset_name,
    doc_hash,
    export_documents,
    iter_documents,
    verify_export,
)
from data.tokenizer_check import TokenizerError

CORPUS = Path(__file__).resolve().parent / "sample_corpus" / "austen_chapters.jsonl.zst"
PREFIX = "sample"
VOCAB_SIZES = (1024, 8192)  # the March stack's vocabulary and the 04-27 frontier's
VAL_DOCS = 20
# Several train shards even for ~1.3 M tokens, so loaders that walk shard files are exercised.
SHARD_TOKENS = 500_000
DESCRIPTION = (
    "Jane Austen's six completed novels, one document per chapter; public-domain text from janeaustenr "
    "1.0.0 (MIT, Julia Silge) via Debian r-cran-janeaustenr 1.0.0-1; documents ordered by SHA-1 of their text"
)


CASEOPS_VOCAB = 8192  # the CaseOps sample stands in for the frontier's data: its vocabulary by default


def dataset_dir(
    data_dir: str | Path = DEFAULT_DATA_DIR, vocab_size: int = 1024, caseops_data: bool = False
) -> Path:
    return Path(data_dir) / "datasets" / dataset_name(PREFIX, vocab_size, caseops_data)


def _corpus_sha256(corpus: Path) -> str:
    if not corpus.is_file():
        raise ExportError(
            f"sample corpus not found: {corpus} (it is committed with the repository; restore it with git)"
        )
    return hashlib.sha256(corpus.read_bytes()).hexdigest()


def stale_reasons(data_dir: str | Path = DEFAULT_DATA_DIR, corpus: Path = CORPUS, vocab_size: int = 1024,
                  caseops_data: bool = False) -> list[str]:
    """Why the built sample does not match what a build would make now; [] when it is up to date."""
    folder = dataset_dir(data_dir, vocab_size, caseops_data)
    problems = verify_export(folder)
    if problems:
        return problems
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    overrides = CASEOPS_TRAINER_OVERRIDES if caseops_data else {}
    expected = {
        "format_version": FORMAT_VERSION,
        "source sha256": _corpus_sha256(corpus),
        "vocab_size": vocab_size,
        "settings": {"val_docs": VAL_DOCS, "shard_tokens": SHARD_TOKENS},
        "trainer_options": {k: v for k, v in {**TRAINER_OPTIONS, **overrides}.items() if k != "minloglevel"},
    }
    found = {
        "format_version": manifest.get("format_version"),
        "source sha256": manifest.get("source", {}).get("sha256"),
        "vocab_size": manifest.get("vocab_size"),
        "settings": manifest.get("settings"),
        "trainer_options": manifest.get("tokenizer", {}).get("trainer_options"),
    }
    return [f"{key} differs from the manifest's" for key in expected if expected[key] != found[key]]


def build_sample(
    data_dir: str | Path = DEFAULT_DATA_DIR,
    *,
    force: bool = False,
    corpus: Path = CORPUS,
    vocab_size: int = 1024,
    log: Callable[[str], None] | None = None,
    caseops_data: bool = False,
) -> tuple[dict, bool]:
    """(manifest, built): build the sample under `data_dir` unless it is already up to date.
    `caseops_data`: the CaseOps form (data/export.py --caseops), its own dataset and tokenizer names."""
    if vocab_size not in VOCAB_SIZES:
        raise ExportError(f"sample vocab_size {vocab_size} is not one of {VOCAB_SIZES}")
    say = log or (lambda _msg: None)
    corpus_sha = _corpus_sha256(corpus)
    folder = dataset_dir(data_dir, vocab_size, caseops_data)
    if not force:
        reasons = stale_reasons(data_dir, corpus, vocab_size, caseops_data)
        if not reasons:
            say(f"{folder} is up to date with its manifest; nothing to do (--force rebuilds)")
            return json.loads((folder / "manifest.json").read_text(encoding="utf-8")), False
        if (folder / "manifest.json").exists():
            say("rebuilding: " + "; ".join(reasons[:3]))
    # Order by content hash: a fixed shuffle, so the validation chapters come from all six novels.
    docs = sorted(iter_documents(corpus, "jsonl"), key=doc_hash)
    source = {"file": corpus.name, "sha256": corpus_sha, "format": "jsonl", "description": DESCRIPTION}
    manifest = export_documents(
        docs, data_dir, prefix=PREFIX, vocab_size=vocab_size, name=folder.name, val_docs=VAL_DOCS,
        shard_tokens=SHARD_TOKENS, source=source, log=say, caseops_data=caseops_data,
    )
    return manifest, True


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m data.sample", description=__doc__.split("\n\n")[0])
    p.add_argument("--data-dir", default=str(DEFAULT_DATA_DIR),
                   help="folder that gets tokenizers/ and datasets/ (default: this repo's data/)")
    p.add_argument("--vocab", type=int, choices=VOCAB_SIZES,
                   help=f"tokenizer pieces (default 1024; {CASEOPS_VOCAB} with --caseops)")
    p.add_argument("--caseops", action="store_true",
                   help="the CaseOps form: transformed text, operators reserved, val byte sidecars")
    p.add_argument("--force", action="store_true", help="rebuild even if the outputs match their manifest")
    args = p.parse_args(argv)
    start = time.perf_counter()
    try:
        vocab = args.vocab or (CASEOPS_VOCAB if args.caseops else 1024)
        manifest, built = build_sample(args.data_dir, force=args.force, vocab_size=vocab, log=print,
                                       caseops_data=args.caseops)
    except (ExportError, TokenizerError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if built:
        t = manifest["tokens"]
        print(f"sample built in {time.perf_counter() - start:.1f} s: {t['val']:,} val + {t['train']:,} train "
              f"tokens, tokenizer {manifest['tokenizer']['model_path']} (under {args.data_dir})")
        if manifest.get("val_bytes_sidecar"):
            print(f"val byte sidecars: {manifest['val_bytes_sidecar']['val_bytes']:,} original bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
