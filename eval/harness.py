"""The judge's run: load a record's interface, its artifact and the val set, score, size, compare.

    run_eval(options, ctx) -> report dict (JSON-ready)

Steps (eval/INTERFACE.md is the contract):
  0. before any record code runs: resolve the counted files (train_gpt.py, CODE_FILES, the artifact:
     --artifact or ARTIFACT_NAME read with ast), size and hash them, copy them into a private folder for the
     child; read the val set, byte sidecars and tokenizer the judge's options / environment name into memory
     (record_files, read_val_inputs); after the child and all it started are gone, check them unchanged;
  1. in a fresh child process (eval/child.py; this process never imports or runs record code): import the
     record's train_gpt.py via eval.loader (nothing trains at import), read its hyperparameters from the
     artifact's header (settings_from_artifact or, in older records, Hyperparameters.from_artifact; else
     Hyperparameters.from_env(), env vars apply), build_model(hp), load_artifact(path) under the
     no-unpickling tripwire, load_state_dict(strict=True) (load_interface and load_model below, run there);
  2. read the val shards with data.shards and the bytes of each target: from the val shards' byte sidecars
     when the dataset has them (CaseOps data: the tokens do not spell the text; data.shards.load_val_bytes),
     else from the tokenizer's byte tables (eval/bpb.py);
  3. probe the model through the port (eval/probes.py: finite outputs, purity, causality, document
     isolation) and refuse it on a failure; while scoring, the port checks causality and purity again on
     requests it draws in secret (eval/port.py plan_checks; --check-fraction);
  4. score plain (stride = L), sliding (stride S) and, with --ttt, legal score-first TTT, every loss the
     judge's own NLL of the logits the child returns; the TTT trace checked (check_score_first,
     check_doc_trace);
  5. count code + artifact bytes against the 16,000,000-byte cap;
  6. compare with the record's train_seed*.log final lines and submission.json.

Command-line overrides (--seq-len, --stride, ...) change the judge's settings only; the model is
always built from the record's own Hyperparameters, so an artifact is loaded into the shape it was
saved from. Any input the judge cannot use raises JudgeError (one line, naming the file or setting;
the CLI exits 2). Checks that fail (over cap, score mismatch) are listed in report["failures"].
"""

from __future__ import annotations

import dataclasses
import glob
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import torch

from data.shards import (BOS_ID, CANONICAL_VAL_DOCS, ShardError, count_documents, load_tokens, load_val_bytes,
                         shard_paths, sidecar_path, val_docs_line, val_docs_note)
from eval.bpb import TokenizerError, build_luts, read_tokenizer, stream_target_bytes
from eval.dist import DistContext
from eval.guard import UnpicklingRefused, no_unpickling
from eval.loader import RecordInterfaceError, load_record_module
from eval.logs import LogSummary, parse_record_logs
from eval.record_files import (READABLE_NAME, SIZE_CAP, RecordFileError, artifact_name, code_files,
                               readable_source, script_path, shipped_header, shipped_source)
from eval.scoring import ScoreCountError, ScoreSums, finite_or_raise, prefix_bytes, score_windows
from eval.doc_ttt import DocTTTConfig, check_doc_geometry, check_doc_trace, run_doc_ttt, split_documents
from eval.port import CALL_TIMEOUT_S, CHECK_FRACTION, ChildError, ChildModel
from eval.probes import ProbeError, run_probes
from eval.settings import has_setting
from eval.ttt import TTTConfig, TTTOrderError, check_score_first, run_ttt
from eval.windows import GeometryError, check_geometry, n_chunks, share, sliding_windows

HP_FIELDS = ("vocab_size", "train_seq_len", "eval_seq_len", "eval_stride", "eval_batch_seqs",
             "val_files", "tokenizer_path", "ttt_enabled", "ttt_lr", "ttt_momentum", "ttt_epochs",
             "ttt_chunk_tokens", "ttt_grad_clip", "ttt_batch_seqs")
# The judge's modes, the log family each is compared with, and its report line name.
MODES = {
    "plain": ("roundtrip", "eval_plain_exact"),
    "sliding": ("sliding", "eval_sliding_window_exact"),
    "ttt": ("ttt", "eval_ttt_exact"),
}


class JudgeError(Exception):
    """An input the judge cannot use; str() is one line naming the file or setting."""


@dataclass
class EvalOptions:
    record_dir: Path
    artifact: Path | None = None
    ttt: bool = False
    seq_len: int | None = None
    stride: int | None = None
    val_files: str | None = None
    tokenizer: str | None = None
    batch_seqs: int | None = None
    val_tokens_limit: int | None = None
    device: str = "cpu"
    tolerance: float = 1e-4
    seed: int | None = None
    cap: int = SIZE_CAP
    call_timeout: float = CALL_TIMEOUT_S
    check_fraction: float = CHECK_FRACTION  # of each scoring pass's requests checked on the batch itself


@dataclass(frozen=True)
class JudgeSettings:
    seq_len: int
    stride: int
    batch_seqs: int
    val_files: str
    tokenizer_path: str
    vocab_size: int
    val_tokens_limit: int  # 0 = the whole val set; > 0 is not a challenge score
    ttt: TTTConfig
    doc_ttt: DocTTTConfig | None = None  # TTT_MODE=lora_phased (per-document LoRA TTT); None: sgd


@dataclass
class ValData:
    tokens: np.ndarray
    files: list[str]
    cum_bytes: np.ndarray
    docs: int  # documents (BOS tokens) in the whole val set, before any val_tokens_limit
    byte_files: list[str] = field(default_factory=list)  # the byte sidecars counted; empty: the tokenizer's bytes
    tokens_total: int = 0  # tokens of the whole val set, before any val_tokens_limit
    sha256: str = ""  # of the whole val set's tokens (uint16 little-endian, the shards' order)
    tokenizer_sha256: str = ""

    @property
    def n_targets(self) -> int:
        return len(self.tokens) - 1

    @property
    def total_bytes(self) -> int:
        return int(self.cum_bytes[-1])


# ---------------------------------------------------------------- loading


def load_interface(record_dir: Path, artifact_override: Path | None = None):
    """(module, hp, script path, artifact path) of a record, errors as JudgeError.

    hp comes from the artifact's header when the record exposes `settings_from_artifact` (records before
    2026-12-05: `Hyperparameters.from_artifact`; the flagship's artifacts record the model they hold, so no
    env is needed; an env that contradicts them is an error naming the settings); otherwise from
    `Hyperparameters.from_env()`."""
    script = script_path(record_dir)
    try:
        readable_source(script)  # a damaged self-extracting script is named here, before it is run
        module = load_record_module(script)
    except (RecordInterfaceError, RecordFileError) as exc:
        raise JudgeError(str(exc)) from None
    artifact = artifact_path(module, record_dir, artifact_override)
    from_artifact = (getattr(module, "settings_from_artifact", None)
                     or getattr(module.Hyperparameters, "from_artifact", None))
    try:
        hp = from_artifact(str(artifact)) if from_artifact else module.Hyperparameters.from_env()
    except module.ArtifactError as exc:
        raise JudgeError(f"artifact: {exc}") from None
    except ValueError as exc:
        how = from_artifact.__qualname__ if from_artifact else "Hyperparameters.from_env"
        raise JudgeError(f"{script}: {how}(): {exc}") from None
    missing = [f for f in HP_FIELDS if not has_setting(hp, f)]  # flat or staged (eval/settings.py)
    if missing:
        raise JudgeError(f"{script}: Hyperparameters lacks fields {missing} (eval/INTERFACE.md)")
    return module, hp, script, artifact


def judge_settings(hp, opts: EvalOptions) -> JudgeSettings:
    """The record's eval settings with command-line overrides applied, validated."""
    pick = lambda override, default: default if override is None else override  # noqa: E731
    settings = JudgeSettings(
        seq_len=int(pick(opts.seq_len, hp.eval_seq_len)),
        stride=int(pick(opts.stride, hp.eval_stride)),
        batch_seqs=int(pick(opts.batch_seqs, hp.eval_batch_seqs)),
        val_files=str(pick(opts.val_files, hp.val_files)),
        tokenizer_path=str(pick(opts.tokenizer, hp.tokenizer_path)),
        vocab_size=int(hp.vocab_size),
        # only the judge's own --val-tokens-limit: one the record's settings set (its code, its artifact's
        # header) would let it pick the prefix it is scored on (run_eval says it was ignored)
        val_tokens_limit=int(opts.val_tokens_limit or 0),
        ttt=TTTConfig.from_hp(hp),
        doc_ttt=_doc_config(hp),
    )
    try:
        check_geometry(settings.seq_len, settings.stride,
                       settings.ttt.chunk_tokens if opts.ttt else None)
        if opts.ttt:
            settings.ttt.validate()
        if opts.ttt and settings.doc_ttt is not None:
            check_doc_geometry(settings.doc_ttt)
    except (GeometryError, ValueError) as exc:
        raise JudgeError(f"settings: {exc}") from None
    if settings.batch_seqs <= 0:
        raise JudgeError(f"settings: eval_batch_seqs must be positive, got {settings.batch_seqs}")
    if settings.val_tokens_limit < 0:
        raise JudgeError(f"settings: val_tokens_limit must be >= 0, got {settings.val_tokens_limit}")
    return settings


def _doc_config(hp) -> DocTTTConfig | None:
    if getattr(hp, "ttt_mode", "sgd") != "lora_phased":
        return None
    try:
        return DocTTTConfig.from_hp(hp)
    except (AttributeError, TypeError, ValueError) as exc:
        raise JudgeError(f"settings: TTT_MODE=lora_phased: {exc}") from None


def artifact_path(module, record_dir: Path, override: Path | None) -> Path:
    path = Path(override) if override else Path(record_dir) / str(module.ARTIFACT_NAME)
    if not path.is_file():
        raise JudgeError(f"{path}: artifact not found (pass --artifact PATH)")
    return path


def load_model(module, hp, path: Path, ctx: DistContext):
    """build_model(hp) with the artifact's weights, strict, in eval mode on the judge's device."""
    try:
        with no_unpickling(str(path)):
            state = module.load_artifact(str(path))
    except module.ArtifactError as exc:
        raise JudgeError(f"artifact: {exc}") from None
    except UnpicklingRefused as exc:
        raise JudgeError(f"artifact: {exc}") from None
    except Exception as exc:  # a record loader that does not validate: still one line
        raise JudgeError(f"artifact: {path}: load_artifact failed: {type(exc).__name__}: {exc}") from None
    torch.manual_seed(0)  # the random init is overwritten; seeded only so runs are reproducible
    model = module.build_model(hp)
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise JudgeError(f"artifact: {path}: does not fit build_model(hp): {first}") from None
    if not callable(getattr(model, "forward_logits", None)):
        raise JudgeError("build_model(hp) returned a model without forward_logits (eval/INTERFACE.md)")
    return model.to(ctx.device).eval()


@dataclass
class ValInputs:
    """The val set and tokenizer as read into memory before the record's child starts (nothing the child
    does afterwards changes them), with what was on disk then, to see a change after it ended."""
    val_files: str
    tokenizer_path: str
    files: list[str]
    tokens: np.ndarray  # the whole val set
    sidecar: np.ndarray | None
    sp: object  # the SentencePiece model, loaded
    sha256: str
    tokenizer_sha256: str
    stamps: dict = field(default_factory=dict)  # path -> (size, mtime_ns) or None (absent)

    def changed(self) -> list[str]:
        """Files of the val set or the tokenizer that differ from when they were read (or appeared)."""
        try:
            now = [str(p) for p in shard_paths(self.val_files)]
        except ShardError:
            now = []
        moved = [] if now == self.files else [f"{self.val_files} (its files)"]
        return moved + [path for path, stamp in self.stamps.items() if _stamp(path) != stamp]


def _stamp(path: str):
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def read_val_inputs(val_files: str, tokenizer_path: str) -> ValInputs:
    """Val tokens, byte sidecars and tokenizer, read into memory; errors name the file or setting."""
    try:
        paths = shard_paths(val_files)
        files = [str(p) for p in paths]
        tokens = np.array(load_tokens(val_files))  # a copy, not a map of the file
        # sidecars are named after fineweb_val_NNNNNN.bin; shards named otherwise (--val-files) have none
        canonical = all(p.name.startswith("fineweb_val_") for p in paths)
        sidecar = load_val_bytes(paths) if canonical else None
        sidecar = None if sidecar is None else np.array(sidecar)
    except ShardError as exc:
        raise JudgeError(f"val_files: {exc} (cwd {Path.cwd()}; --val-files overrides)") from None
    try:
        sp, tok_bytes = read_tokenizer(tokenizer_path)  # one read: the bytes hashed are the bytes used
        tok_sha = hashlib.sha256(tok_bytes).hexdigest()
    except OSError as exc:
        raise JudgeError(f"tokenizer: {tokenizer_path}: {exc} (--tokenizer overrides)") from None
    except TokenizerError as exc:
        raise JudgeError(f"tokenizer: {exc} (--tokenizer overrides)") from None
    watched = files + ([str(sidecar_path(p)) for p in paths] if canonical else []) + [str(tokenizer_path)]
    return ValInputs(val_files=val_files, tokenizer_path=str(tokenizer_path), files=files, tokens=tokens,
                     sidecar=sidecar, sp=sp, tokenizer_sha256=tok_sha,
                     sha256=hashlib.sha256(tokens.astype("<u2").tobytes()).hexdigest(),
                     stamps={path: _stamp(path) for path in watched})


def val_data(inputs: ValInputs, vocab_size: int, val_tokens_limit: int) -> ValData:
    """The tokens to score and the prefix sum of their target bytes, from what read_val_inputs read. The bytes
    are the byte sidecars' when the val shards have them (all or none, each as long as its shard: a sidecar
    that does not match is refused naming both files), else counted from the tokenizer's pieces."""
    tokens, sidecar, files = inputs.tokens, inputs.sidecar, inputs.files
    docs = count_documents(tokens)
    if val_tokens_limit:
        tokens = tokens[: val_tokens_limit + 1]
    if len(tokens) < 2:
        raise JudgeError(f"val_files {inputs.val_files!r}: need at least 2 tokens, got {len(tokens)}")
    if int(tokens[0]) != BOS_ID:
        raise JudgeError(f"val_files {inputs.val_files!r}: stream starts with {int(tokens[0])}, not BOS")
    top = int(tokens.max())
    if top >= vocab_size:
        raise JudgeError(f"val_files: token id {top} >= vocab_size {vocab_size}")
    try:
        if inputs.sp.GetPieceSize() > vocab_size:
            raise TokenizerError(f"{inputs.tokenizer_path}: vocab {inputs.sp.GetPieceSize()} > model "
                                 f"vocab_size {vocab_size}")
        luts = build_luts(inputs.sp, vocab_size)
    except TokenizerError as exc:
        raise JudgeError(f"tokenizer: {exc} (--tokenizer overrides)") from None
    ident = dict(docs=docs, tokens_total=len(inputs.tokens), sha256=inputs.sha256,
                 tokenizer_sha256=inputs.tokenizer_sha256)
    if sidecar is None:
        return ValData(tokens=tokens, files=files, cum_bytes=prefix_bytes(stream_target_bytes(tokens, luts)),
                       **ident)
    # entry j is the bytes of token j; targets are tokens 1..N (the same prefix as the tokens when limited)
    target_bytes = sidecar[1 : len(tokens)].astype(np.int64)
    return ValData(tokens=tokens, files=files, cum_bytes=prefix_bytes(target_bytes),
                   byte_files=[str(sidecar_path(Path(p))) for p in files], **ident)


def load_val(settings: JudgeSettings) -> ValData:
    """read_val_inputs + val_data for these settings (tests and tools that have settings in hand)."""
    return val_data(read_val_inputs(settings.val_files, settings.tokenizer_path), settings.vocab_size,
                    settings.val_tokens_limit)


# ---------------------------------------------------------------- scoring


TRACE_CONDITIONS = {
    "sgd": "score_before_update,no_target_after_update,every_target_once",
    "lora_phased": "every_target_once,windows_inside_documents,trained_chunks_scored_first,"
                   "last_chunk_never_trained,phases_on_scored_documents",
}


def score_mode(mode: str, model, val: ValData, settings: JudgeSettings, ctx: DistContext) -> dict:
    """One mode's val_loss/val_bpb (all ranks agree), with its wall-clock; `model` a port (eval/port.py)."""
    stride = settings.seq_len if mode == "plain" else settings.stride
    windows = sliding_windows(val.n_targets, settings.seq_len, stride)
    ctx.synchronize()
    t0 = time.perf_counter()
    trace = [] if mode == "ttt" else None
    if mode == "ttt" and settings.doc_ttt is not None:
        sums = run_doc_ttt(model, val.tokens, val.cum_bytes, settings.doc_ttt, ctx, trace)
    elif mode == "ttt":
        sums = run_ttt(model, val.tokens, windows, val.cum_bytes, settings.ttt, settings.batch_seqs, ctx,
                       trace)
    else:
        lo, hi = share(len(windows), ctx.rank, ctx.world_size)
        sums = score_windows(model, val.tokens, windows, lo, hi, val.cum_bytes, settings.batch_seqs, ctx)
    sums: ScoreSums = sums.all_reduced(ctx)
    ctx.synchronize()
    result = sums.result(val.n_targets, val.total_bytes)
    try:
        finite_or_raise(result["val_loss"], f"{mode} val_loss")
    except FloatingPointError as exc:
        raise JudgeError(f"artifact: {exc}") from None
    result.update(seq_len=settings.seq_len, stride=stride,
                  eval_time_ms=round(1000 * (time.perf_counter() - t0), 1))
    if mode == "ttt":
        kind = "lora_phased" if settings.doc_ttt is not None else "sgd"
        result["chunks"] = n_chunks(val.n_targets, settings.ttt.chunk_tokens)
        result["ttt"] = asdict(settings.ttt)
        result["ttt_mode"] = kind
        if settings.doc_ttt is not None:
            result["doc_ttt"] = asdict(settings.doc_ttt)
        result["trace_check"] = _check_trace(kind, trace, val, ctx)
    return result


def merge_rank_traces(traces: list[list], barrier: str) -> list:
    """One trace from every rank's, in an order the run itself guarantees.

    The `barrier` events ("step" for all-weight TTT, "phase" for document TTT) are collectives: every rank
    records the same ones, and none passes one before all ranks reached it. So every event a rank recorded
    before its k-th barrier happened before the k-th update on any rank: the merged trace is, for each k,
    every rank's events before its k-th barrier, then that barrier once. A rank with a different barrier
    sequence is a bug in the judge's loop, refused here."""
    segments = []
    for rank, trace in enumerate(traces):
        cuts = [i for i, event in enumerate(trace) if event[0] == barrier]
        bars = [tuple(trace[i]) for i in cuts]
        if rank and bars != segments[0][1]:
            raise TTTOrderError(f"rank {rank} recorded {len(bars)} {barrier} events unlike rank 0's "
                                f"{len(segments[0][1])}")
        bounds = [-1] + cuts + [len(trace)]
        segments.append(([trace[a + 1:b] for a, b in zip(bounds, bounds[1:])], bars))
    merged = []
    for k, bar in enumerate(segments[0][1] + [None]):
        for parts, _ in segments:
            merged.extend(parts[k])
        if bar is not None:
            merged.append(bar)
    return merged


def _check_trace(kind: str, trace: list, val: ValData, ctx: DistContext) -> dict:
    """The judge's own loop checked on its recorded trace by an independent checker (failure: a bug). Under
    torchrun rank 0 gathers every rank's trace, merges them (merge_rank_traces) and checks the whole run."""
    name = "check_doc_trace" if kind == "lora_phased" else "check_score_first"
    traces = ctx.gather_to_main(trace)
    error, events = None, 0
    if ctx.is_main:
        try:
            merged = merge_rank_traces(traces, "phase" if kind == "lora_phased" else "step")
            events = len(merged)
            if kind == "lora_phased":
                check_doc_trace(merged, split_documents(val.tokens))
            else:
                check_score_first(merged, val.n_targets)
        except TTTOrderError as exc:
            error = f"{name}: {exc}"
    error, events = ctx.broadcast_from_main((error, events))
    if error is not None:
        raise ScoreCountError(error)
    return {"checker": name, "conditions": TRACE_CONDITIONS[kind], "ran": True, "events": events,
            "ranks": ctx.world_size}


def probe_model(port: ChildModel, val: ValData, settings: JudgeSettings, hp, ctx: DistContext) -> dict:
    """eval/probes.py on this rank, then every rank learns whether any refused (so all stop together)."""
    width = min(settings.seq_len, val.n_targets)
    error = None
    try:
        doc_mask = bool(getattr(hp, "doc_mask", False))
        result = run_probes(port, val.tokens, width, settings.vocab_size, doc_mask, port.probe_tolerance)
    except ProbeError as exc:
        error, result = str(exc), {}
    _agree_or_refuse(error, ctx)
    return result


def _agree_or_refuse(error: str | None, ctx: DistContext) -> None:
    flag = torch.tensor([0.0 if error is None else 1.0], dtype=torch.float64, device=ctx.device)
    ctx.all_reduce_sum(flag)
    if error is not None:
        raise ProbeError(error)
    if float(flag.item()) > 0:
        raise ProbeError("another rank's probe refused the record (see its message)")


def run_world_size(log: LogSummary | None) -> int | None:
    """The run's world_size from its log's run line (train_gpt.py prints `world_size:N`), if any."""
    if log is None:
        return None
    try:
        text = Path(log.path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = re.search(r"\bworld_size:(\d+)", text)
    return int(found.group(1)) if found else None


# ---------------------------------------------------------------- sizes and comparisons


@dataclass
class RecordFiles:
    """The files the cap counts (the script, its CODE_FILES, the artifact), resolved by the judge itself
    (CODE_FILES and ARTIFACT_NAME read with ast, eval/record_files.py) and read once, before any record code
    runs: their sizes are those bytes', and the child gets copies of exactly them (stage_record)."""
    root: Path
    script: Path
    artifact: Path
    code: dict[str, bytes]  # name relative to the record folder -> content; the script first
    artifact_blob: bytes
    sha256: dict[str, str] = field(default_factory=dict)  # path -> SHA-256 of what was read

    def changed(self) -> list[str]:
        """The counted files whose bytes differ now from what was read (or that are gone)."""
        out = []
        for path, digest in self.sha256.items():
            try:
                now = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            except OSError:
                now = None
            if now != digest:
                out.append(path)
        return out


def record_files(record_dir: Path, artifact_override: Path | None) -> RecordFiles:
    """The record's counted files as the judge resolves them (nothing the record's code says is a path)."""
    script = script_path(record_dir)
    if not script.is_file():
        raise JudgeError(f"{script}: record script not found")
    try:
        paths = code_files(script)  # also checks a self-extracting script and its readable copy
        name = None if artifact_override else artifact_name(script)
    except RecordFileError as exc:
        raise JudgeError(str(exc)) from None
    if artifact_override:
        artifact = Path(artifact_override)
    elif name is None:
        raise JudgeError(f"{script}: no ARTIFACT_NAME = \"<file name>\" at its top level (the judge reads it "
                         "without running the script, eval/INTERFACE.md): pass --artifact PATH")
    else:
        artifact = Path(record_dir) / name
    if not artifact.is_file():
        raise JudgeError(f"{artifact}: artifact not found (pass --artifact PATH)")
    root = script.parent.resolve()
    code = {str(p.relative_to(root)): p.read_bytes() for p in paths}
    blob = artifact.read_bytes()
    digests = {str(p): hashlib.sha256(data).hexdigest() for p, data in zip(paths, code.values())}
    digests[str(artifact)] = hashlib.sha256(blob).hexdigest()
    return RecordFiles(root=root, script=script, artifact=artifact, code=code, artifact_blob=blob,
                       sha256=digests)


def size_report(files: RecordFiles, cap: int) -> dict:
    """Code (what is shipped: a self-extracting script counts as itself) + artifact against the cap, sized
    from the bytes the judge read before the child started."""
    try:
        held = shipped_source(files.script)
    except RecordFileError as exc:
        raise JudgeError(str(exc)) from None
    sizes = {name: len(data) for name, data in files.code.items()}
    code, art = sum(sizes.values()), len(files.artifact_blob)
    readable = files.script.parent / READABLE_NAME
    shipped = None if held is None else {"readable_bytes": shipped_header(files.script)["readable_bytes"],
                                         "program_bytes": len(held.encode()),
                                         "matches_readable_file": readable.is_file() or None}
    return {"code_files": sizes, "bytes_code": code, "bytes_artifact": art, "shipped": shipped,
            "bytes_total": code + art, "cap": cap, "ok": code + art <= cap,
            # record_files hashed these bytes already, in this order (the code files, then the artifact)
            "sha256": dict(zip([*files.code, files.artifact.name], files.sha256.values()))}


def stage_record(files: RecordFiles) -> tuple[Path, Path]:
    """(folder, artifact): a private temporary folder holding copies of the counted files only, where the
    child runs (its cwd). A record that reads another file of its folder (weights in NOTES.txt, in the
    comments of train_gpt_readable.py) or the val shards by a relative path finds nothing there."""
    folder = Path(tempfile.mkdtemp(prefix="pgolf_record_"))
    for name, data in files.code.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    artifact = folder / files.artifact.name
    if files.artifact.name in files.code:
        shutil.rmtree(folder, ignore_errors=True)
        raise JudgeError(f"{files.artifact}: the artifact has the name of a code file "
                         f"({files.artifact.name})")
    artifact.write_bytes(files.artifact_blob)
    return folder, artifact


def _comparison(what: str, family: str, logged: float, computed: float, tol: float, source: str,
                line: str) -> dict:
    diff = computed - logged
    return {"what": what, "family": family, "logged_bpb": logged, "computed_bpb": computed,
            "diff": diff, "tolerance": tol, "ok": abs(diff) <= tol, "source": source, "line": line}


def pick_log(logs: list[LogSummary], scores: dict, seed: int | None) -> tuple[LogSummary | None, str]:
    """The seed log the artifact belongs to: --seed, the only log, or the closest headline."""
    if not logs:
        return None, "no train_seed*.log in the record folder: log comparison skipped"
    if seed is not None:
        match = [log for log in logs if log.seed == seed]
        if not match:
            raise JudgeError(f"--seed {seed}: no train_seed{seed}.log among {[l.path for l in logs]}")
        return match[0], f"log chosen by --seed {seed}"
    if len(logs) == 1:
        return logs[0], "the only seed log"
    mode = "ttt" if "ttt" in scores else "sliding"
    family = MODES[mode][0]
    candidates = [(abs(log.family(family).val_bpb - scores[mode]["val_bpb"]), log)
                  for log in logs if log.family(family) is not None]
    if not candidates:
        return logs[0], f"no seed log has a {family} line; using {logs[0].path}"
    best = min(candidates, key=lambda c: c[0])[1]
    return best, f"log chosen as the closest {family} score of {len(logs)} seed logs (pass --seed)"


def compare_logs(log: LogSummary | None, scores: dict, tol: float) -> tuple[list[dict], list[str]]:
    comparisons, notes = [], []
    if log is None:
        return comparisons, notes
    for mode, result in scores.items():
        family = MODES[mode][0]
        line = log.family(family)
        if line is None:
            notes.append(f"{log.path}: no {family} score line to compare the {mode} score with")
            continue
        comparisons.append(_comparison("log", family, line.val_bpb, result["val_bpb"], tol,
                                       line.source.where(), line.source.text))
    return comparisons, notes


def compare_submission(record_dir: Path, log: LogSummary | None, n_logs: int, scores: dict,
                       tol: float) -> tuple[list[dict], list[str]]:
    """The artifact's headline score vs submission.json (its per-seed value, or val_bpb for one seed)."""
    path = Path(record_dir) / "submission.json"
    if not path.is_file():
        return [], ["no submission.json: submission comparison skipped"]
    try:
        sub = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise JudgeError(f"{path}: not valid JSON ({exc})") from None
    head = log.headline() if log is not None else None
    family = head.family if head is not None else ("ttt" if "ttt" in scores else "sliding")
    mode = next((m for m, (fam, _) in MODES.items() if fam == family), None)
    if mode not in scores:
        return [], [f"{path}: the logs' headline is a {family} score, which this run did not compute"
                    + (" (pass --ttt)" if family == "ttt" else "")]
    per_seed = sub.get("seed_results") or {}
    if log is not None and log.seed is not None and str(log.seed) in per_seed:
        logged = float(per_seed[str(log.seed)]["val_bpb"])
        source = f"{path}:seed_results.{log.seed}.val_bpb"
    elif n_logs <= 1 and "val_bpb" in sub:
        logged, source = float(sub["val_bpb"]), f"{path}:val_bpb"
    else:
        return [], [f"{path}: val_bpb is a mean over {n_logs} seeds and there is no per-seed value; "
                    "use scripts/check_submission.py"]
    return [_comparison("submission", family, logged, scores[mode]["val_bpb"], tol, source,
                        f"val_bpb:{logged}")], []


# ---------------------------------------------------------------- the run


@dataclass(frozen=True)
class DataInputs:
    """Where the val set and the tokenizer are, and who said so: the judge's options and its user's
    environment, never the record (a record-reported path only as a fallback, outside the record folder)."""
    val_files: str | None
    tokenizer_path: str | None
    val_from: str = ""
    tokenizer_from: str = ""


def data_inputs(opts: EvalOptions, environ=None) -> DataInputs:
    """--val-files, else VAL_FILES, else DATA_PATH/fineweb_val_*.bin; --tokenizer, else TOKENIZER_PATH."""
    env = os.environ if environ is None else environ
    if opts.val_files:
        val, val_from = opts.val_files, "--val-files"
    elif env.get("VAL_FILES"):
        val, val_from = env["VAL_FILES"], "VAL_FILES"
    elif env.get("DATA_PATH"):
        val, val_from = os.path.join(env["DATA_PATH"], "fineweb_val_*.bin"), "DATA_PATH"
    else:
        val, val_from = None, ""
    if opts.tokenizer:
        tok, tok_from = opts.tokenizer, "--tokenizer"
    elif env.get("TOKENIZER_PATH"):
        tok, tok_from = env["TOKENIZER_PATH"], "TOKENIZER_PATH"
    else:
        tok, tok_from = None, ""
    return DataInputs(val, tok, val_from, tok_from)


def _outside(path: str, folders: list[Path], what: str, option: str) -> None:
    """A data path the record reported must not point into its own folder (or the child's copy of it)."""
    for hit in [Path(p) for p in glob.glob(path)] or [Path(path)]:
        where = hit.resolve()
        for folder in folders:
            if where == folder or folder in where.parents:
                raise JudgeError(f"{what}: the record's settings name {path!r}, inside the record folder "
                                 f"{folder}: the judge does not score a val set the record ships "
                                 f"(pass {option})")


def record_data_paths(data: DataInputs, staged: Path, artifact: Path, record_dir: Path, ctx: DistContext,
                      call_timeout: float) -> DataInputs:
    """Fill the paths the judge was not given from the record's settings, in a child of its own that is
    ended (with all it started) before the judge reads the files: no record code runs while they are read."""
    try:
        with ChildModel(staged, artifact, ctx, call_timeout, op="settings") as port:
            hp = port.info["hp"]
    except ChildError as exc:
        raise JudgeError(str(exc)) from None
    val, tok = data.val_files, data.tokenizer_path
    folders = [Path(record_dir).resolve(), staged.resolve()]
    if val is None:
        val = str(hp.get("val_files", ""))
        _outside(val, folders, "val_files", "--val-files or VAL_FILES")
    if tok is None:
        tok = str(hp.get("tokenizer_path", ""))
        _outside(tok, folders, "tokenizer", "--tokenizer or TOKENIZER_PATH")
    return DataInputs(val, tok, data.val_from or "record", data.tokenizer_from or "record")


def start_model(record_dir: Path, artifact: Path | None, ctx: DistContext,
                call_timeout: float = CALL_TIMEOUT_S, check_fraction: float = CHECK_FRACTION,
                script: Path | None = None) -> tuple[ChildModel, SimpleNamespace]:
    """The record's model in a child process (run in `record_dir`: the judge's private copy), and the settings
    it reported (checked for the fields the judge reads); the child's one-line errors become JudgeError."""
    try:
        port = ChildModel(record_dir, artifact, ctx, call_timeout, check_fraction)
    except ChildError as exc:
        raise JudgeError(str(exc)) from None
    hp = SimpleNamespace(**port.info["hp"])
    missing = [f for f in HP_FIELDS if not hasattr(hp, f)]
    if missing:
        port.close()
        raise JudgeError(f"{script or record_dir}: Hyperparameters lacks fields {missing} "
                         "(eval/INTERFACE.md)")
    return port, hp


def run_eval(opts: EvalOptions, ctx: DistContext) -> dict:
    """Everything the score rests on is read before any record code runs: the counted files (sized, hashed,
    copied into a private folder for the child), the val set and tokenizer (into memory); after the child
    and all it started are gone, the files are checked unchanged."""
    t_start = time.perf_counter()
    record_dir = Path(opts.record_dir)
    if not record_dir.is_dir():
        raise JudgeError(f"{record_dir}: record folder not found")
    files = record_files(record_dir, opts.artifact)
    sizes = size_report(files, opts.cap)
    staged, artifact = stage_record(files)
    try:
        data = data_inputs(opts)
        if data.val_files is None or data.tokenizer_path is None:
            data = record_data_paths(data, staged, artifact, record_dir, ctx, opts.call_timeout)
            shutil.rmtree(staged, ignore_errors=True)  # fresh copies: nothing that child wrote is seen next
            staged, artifact = stage_record(files)
        inputs = read_val_inputs(data.val_files, data.tokenizer_path)
        port, hp = start_model(staged, artifact, ctx, opts.call_timeout, opts.check_fraction, files.script)
        try:
            report = _run(opts, ctx, record_dir, port, hp, t_start, files, sizes, data, inputs)
        except ChildError as exc:
            raise JudgeError(str(exc)) from None
        finally:
            port.close()  # the child and every process it left, before the files are checked
    except JudgeError as exc:  # the child names its copies: say the files the user gave
        real = str(exc).replace(str(artifact), str(files.artifact)).replace(str(staged), str(record_dir))
        raise JudgeError(real) from None
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    changed = files.changed() + inputs.changed()
    flag = torch.tensor([float(bool(changed))], dtype=torch.float64, device=ctx.device)
    ctx.all_reduce_sum(flag)  # under torchrun every rank refuses together
    if changed or float(flag.item()) > 0:
        why = (f"files: {', '.join(changed)} changed while the record ran" if changed
               else "files: another rank saw a file change while the record ran")
        report.update(scores={}, comparisons=[], refused=report["refused"] + [why])
        report["failures"] = [f"refused: {why}"] + [f for f in report["failures"] if "mismatch" not in f]
        report["ok"] = False
    return report


def _run(opts: EvalOptions, ctx: DistContext, record_dir: Path, port: ChildModel, hp, t_start: float,
         files: RecordFiles, sizes: dict, data: DataInputs, inputs: ValInputs) -> dict:
    script, artifact = files.script, files.artifact  # the judge's own, never the child's (eval/INTERFACE.md)
    settings = judge_settings(hp, dataclasses.replace(opts, val_files=data.val_files,
                                                      tokenizer=data.tokenizer_path))
    doc = settings.doc_ttt if opts.ttt else None
    if doc is not None and not port.info.get("doc_adapter"):
        raise JudgeError(f"{script}: TTT_MODE=lora_phased but the record has no DocTTTAdapter, the "
                         "adaptation step the judge's per-document TTT drives (eval/INTERFACE.md; records cut "
                         "before 2026-12-06 lack it): judge without --ttt, or re-cut the record")
    val = val_data(inputs, settings.vocab_size, settings.val_tokens_limit)
    if isinstance(port, ChildModel):  # cut copies' tails: val text, not random ids (eval/probes.py cut_rows)
        port.filler = np.asarray(val.tokens)[np.asarray(val.tokens) != BOS_ID]
    if port.info["param_dtypes"] != ["torch.float32"]:
        raise JudgeError(f"{script}: build_model(hp) must give float32 parameters (eval/INTERFACE.md), got "
                         f"{port.info['param_dtypes']}")
    port.allocate(rows=max(settings.batch_seqs, settings.ttt.batch_seqs, doc.batch if doc else 1, 4),
                  width=max(settings.seq_len, doc.seq_len if doc else 1) + 1, vocab=settings.vocab_size,
                  n_params=int(port.info["n_params"]), out_rows=settings.batch_seqs)
    modes = ["plain", "sliding"] + (["ttt"] if opts.ttt else [])
    scores, refused, probes = {}, [], {}
    try:
        probes = probe_model(port, val, settings, hp, ctx)
        for mode in modes:  # ttt last: it adapts the model
            scores[mode] = score_mode(mode, port, val, settings, ctx)
            _agree_or_refuse(port.violations[0] if port.violations else None, ctx)
    except ProbeError as exc:
        refused, scores = [str(exc)], {}
    probes["purity_repeats"] = port.purity_checks
    probes["scoring_checks"], probes["check_fraction"] = port.cut_checks, port.check_fraction
    logs = parse_record_logs(record_dir)
    log, why = pick_log(logs, scores, opts.seed) if scores else (logs[0] if len(logs) == 1 else None, "")
    comparisons, notes = compare_logs(log, scores, opts.tolerance) if scores else ([], [])
    sub_cmp, sub_notes = ([], []) if not scores else compare_submission(record_dir, log, len(logs), scores,
                                                                        opts.tolerance)
    comparisons += sub_cmp
    notes = ([why] if why and (log is not None or not logs) else []) + notes + sub_notes
    notes += [port.buffer_note] if port.buffer_note else []
    docs_note = val_docs_note(val.docs, f"the val set {settings.val_files}")
    notes += [docs_note] if docs_note else []
    notes = _limit_notes(settings.val_tokens_limit, getattr(hp, "val_tokens_limit", 0) or 0) + notes
    run_ws = run_world_size(log)
    if run_ws is not None and run_ws != ctx.world_size:
        notes.append(f"world_size: the run had {run_ws} ranks ({log.path}), the judge {ctx.world_size}: the "
                     "scores agree up to float rounding, except TTT, whose batches and updates depend on the "
                     "ranks (lora_phased: rounds of world_size batches); judge with torchrun "
                     f"--nproc_per_node {run_ws} to compare TTT")
    failures = [f"refused: {r}" for r in refused]
    failures += [] if sizes["ok"] else [
        f"bytes_total {sizes['bytes_total']} exceeds the cap {sizes['cap']} "
        f"(code {sizes['bytes_code']} + artifact {sizes['bytes_artifact']})"]
    failures += [f"{c['what']} {c['family']} val_bpb mismatch: computed {c['computed_bpb']:.8f} vs "
                 f"logged {c['logged_bpb']:.8f} at {c['source']} (|diff| {abs(c['diff']):.2e} > "
                 f"tolerance {c['tolerance']:g})" for c in comparisons if not c["ok"]]
    return {
        "record": str(record_dir), "script": str(script), "artifact": str(artifact),
        "device": str(ctx.device), "world_size": ctx.world_size, "run_world_size": run_ws,
        "sandbox": port.info.get("sandbox") or "none reason:unknown",  # eval/sandbox.py, from the child
        "settings": {**{k: v for k, v in asdict(settings).items() if k not in ("ttt", "doc_ttt")},
                     "ttt": asdict(settings.ttt) if opts.ttt else None,
                     "doc_ttt": asdict(settings.doc_ttt) if opts.ttt and settings.doc_ttt else None,
                     "doc_mask": bool(getattr(hp, "doc_mask", False))},
        "hyperparameters": {f: getattr(hp, f) for f in HP_FIELDS},
        "val": {"files": val.files, "targets": val.n_targets, "bytes": val.total_bytes,
                "tokens": val.tokens_total, "sha256": val.sha256, "val_files_from": data.val_from,
                "tokenizer_from": data.tokenizer_from, "tokenizer_sha256": val.tokenizer_sha256,
                "bytes_source": "sidecar" if val.byte_files else "tokenizer", "byte_files": val.byte_files,
                "docs": val.docs, "canonical_docs": CANONICAL_VAL_DOCS},
        "probes": probes, "refused": refused,
        "scores": scores, "sizes": sizes, "comparisons": comparisons, "notes": notes,
        "log": log.path if log else None,
        "eval_time_ms": round(1000 * (time.perf_counter() - t_start), 1),
        "failures": failures, "ok": not failures,
    }


def _limit_notes(limit: int, record_limit: int) -> list[str]:
    """What the judge says about a val_tokens_limit: its own (--val-tokens-limit) scores a prefix, said first;
    the record's (its code, its artifact's header, VAL_TOKENS_LIMIT in the environment) is ignored."""
    notes = []
    if limit:
        notes.append(f"val_tokens_limit {limit}: part of the val set only, not a challenge score (asked by "
                     "the judge's --val-tokens-limit)")
    if record_limit and int(record_limit) != limit:
        notes.append(f"val_tokens_limit {int(record_limit)} in the record's settings (its code, its "
                     "artifact's header or VAL_TOKENS_LIMIT): ignored, only the judge's --val-tokens-limit "
                     "limits")
    return notes


def _ttt_lines(result: dict) -> list[str]:
    """The TTT settings the judge used (the doc-TTT ones for lora_phased) and its trace check."""
    t = result["ttt"]
    def sgd(pre: str) -> str:
        return (f"{pre}lr:{t['lr']:g} {pre}momentum:{t['momentum']:g} {pre}epochs:{t['epochs']} "
                f"{pre}chunk_tokens:{t['chunk_tokens']} {pre}grad_clip:{t['grad_clip']:g} "
                f"{pre}batch_seqs:{t['batch_seqs']}")
    if result["ttt_mode"] == "lora_phased":
        d = result["doc_ttt"]
        adapter = " ".join(f"{k}:{v:g}" if isinstance(v, float) else f"{k}:{v}"
                           for k, v in d["adapter"].items())  # the record's, as its settings report them
        line = (f"eval_ttt_settings mode:lora_phased doc_chunk:{d['chunk']} doc_batch:{d['batch']} "
                f"phases:{d['phases']} phase_docs:{d['phase_docs']} seq_len:{d['seq_len']} {sgd('phase_')} "
                f"{adapter}")
    else:
        line = f"eval_ttt_settings mode:sgd {sgd('')}"
    c = result["trace_check"]
    check = (f"eval_ttt_trace checker:{c['checker']} ran:true conditions:{c['conditions']} "
             f"events:{c['events']} ranks:{c['ranks']} ok:true")
    return [line, check]


def report_lines(report: dict) -> list[str]:
    """Human `key:value` lines of a report (the same grammar as the record logs)."""
    s = report["settings"]
    lines = [
        f"eval_record record:{report['record']} artifact:{report['artifact']} "
        f"device:{report['device']} world_size:{report['world_size']}",
        f"eval_settings seq_len:{s['seq_len']} stride:{s['stride']} batch_seqs:{s['batch_seqs']} "
        f"targets:{report['val']['targets']} bytes:{report['val']['bytes']} "
        f"val_files:{s['val_files']} tokenizer:{s['tokenizer_path']}",
        f"sandbox:{report.get('sandbox', 'none reason:unknown')}",  # what the record's process could read
        # the flagship's `val_bytes:` line, in its words
        "val_bytes:" + (f"sidecar files:{len(report['val']['byte_files'])}" if report["val"]["byte_files"]
                        else "tokenizer"),
    ]
    v = report["val"]
    if v.get("sha256"):  # which val set and tokenizer were read, and who named them (eval/INTERFACE.md)
        lines.append(f"val_set: tokens:{v['tokens']} sha256:{v['sha256']} files:{len(v['files'])} "
                     f"val_files_from:{v['val_files_from']} tokenizer_sha256:{v['tokenizer_sha256']} "
                     f"tokenizer_from:{v['tokenizer_from']}")
    if "docs" in report["val"]:  # the downloader's line for the same val set (data/shards.py)
        lines.append(val_docs_line(report["val"]["docs"]))
    p = report.get("probes") or {}
    if p.get("checks") is not None:
        lines.append(f"eval_probes checks:{','.join(p['checks']) or 'none'} windows:{p.get('windows', 0)} "
                     f"tolerance:{p.get('tolerance', 0):g} purity_repeats:{p.get('purity_repeats', 0)} "
                     f"scoring_checks:{p.get('scoring_checks', 0)} "
                     f"check_fraction:{p.get('check_fraction', 0):g} "
                     f"doc_mask:{str(s['doc_mask']).lower()} ok:{str(not report['refused']).lower()}")
    if report.get("run_world_size") is not None:
        lines.append(f"eval_world_size judge:{report['world_size']} run:{report['run_world_size']} "
                     f"match:{str(report['world_size'] == report['run_world_size']).lower()}")
    for mode, result in report["scores"].items():
        if mode == "ttt":
            lines += _ttt_lines(result)
        extra = f" chunks:{result['chunks']}" if "chunks" in result else ""
        lines.append(f"{MODES[mode][1]} val_loss:{result['val_loss']:.8f} "
                     f"val_bpb:{result['val_bpb']:.8f} targets:{result['targets']} "
                     f"windows:{result['windows']}{extra} eval_time:{result['eval_time_ms']:.0f}ms")
    z = report["sizes"]
    if z.get("shipped"):
        lines.append(f"shipped_code self_extracting:true readable_bytes:{z['shipped']['readable_bytes']} "
                     f"program_bytes:{z['shipped']['program_bytes']} matches_readable_file:{str(z['shipped']['matches_readable_file']).lower()}")
    lines.append(f"bytes_code:{z['bytes_code']} bytes_artifact:{z['bytes_artifact']} "
                 f"bytes_total:{z['bytes_total']} cap:{z['cap']} ok:{str(z['ok']).lower()}")
    for c in report["comparisons"]:
        lines.append(f"compare_{c['what']} family:{c['family']} logged_bpb:{c['logged_bpb']:.8f} "
                     f"computed_bpb:{c['computed_bpb']:.8f} diff:{c['diff']:+.2e} "
                     f"tolerance:{c['tolerance']:g} ok:{str(c['ok']).lower()} source:{c['source']}")
    lines += [f"note: {n}" for n in report["notes"]]
    lines += [f"refused: {r}" for r in report.get("refused", [])]
    lines += [f"FAIL: {f}" for f in report["failures"]]
    lines.append(f"eval_time_total:{report['eval_time_ms']:.0f}ms")
    lines.append(f"eval_ok:{str(report['ok']).lower()}")
    return lines
