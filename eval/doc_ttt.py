"""Per-document score-first TTT (TTT_MODE=lora_phased): the judge's loop around the record's adaptation step.

eval/INTERFACE.md, "Per-document LoRA TTT". The judge owns everything the score's legality rests on: the
documents (split at BOS), their batches and order, each chunk's window and targets, the score (its own
log-softmax of the logits the adapted forward returns), what may then be trained on, and when the all-weight
phases run (its own SGD through the port, on documents already scored). The record supplies only the
adaptation step (its `DocTTTAdapter`, run in the child: eval/port.py), in this order per chunk:

- `doc_logits(x, keep)`: the adapted forward of the chunk's windows; the judge scores the targets at `keep`;
- `doc_adapt(y, mask)`: only then the targets it may train on (the chunk's, of rows whose document goes on),
  every other entry 0. No call hands the adapter a target before it is scored, so a step cannot train on
  one, whatever its code; its forward is checked for purity and causality on calls the port draws in secret
  (eval/port.py ChildModel.plan_checks: this loop tells it how many calls the pass makes).

`check_doc_trace(events, docs)` checks those conditions on the loop's recorded trace independently.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import torch

from data.shards import BOS_ID
from eval.dist import DistContext
from eval.scoring import ScoreSums, nll, plan_checks
from eval.settings import has_setting, setting
from eval.ttt import TTTConfig, TTTOrderError, chunk_lr, train_epoch

# The adapter's settings the record reports (the judge prints them; the record's adapter uses them).
ADAPTER_FIELDS = {"lora_rank": "ttt_lora_rank", "lora_alpha": "ttt_lora_alpha",
                  "lora_targets": "ttt_lora_targets", "lora_lr": "ttt_lora_lr", "beta2": "ttt_beta2",
                  "lora_wd": "ttt_lora_wd", "seed": "seed"}


@dataclass(frozen=True)
class DocTTTConfig:
    chunk: int
    batch: int
    phases: int
    phase_docs: int
    seq_len: int
    sgd: TTTConfig
    adapter: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.phase_docs < self.phases:  # a phase bound of 0 documents would train on nothing
            raise ValueError(f"TTT_PHASE_DOCS={self.phase_docs} must be >= TTT_PHASES={self.phases}")

    @classmethod
    def from_hp(cls, hp) -> "DocTTTConfig":
        """From a record's settings, flat or staged (eval/settings.py), or the child's flat copy of them."""
        s = functools.partial(setting, hp)
        return cls(chunk=int(s("ttt_doc_chunk")), batch=int(s("ttt_doc_batch")), phases=int(s("ttt_phases")),
                   phase_docs=int(s("ttt_phase_docs")), seq_len=int(s("eval_seq_len")), sgd=TTTConfig.from_hp(hp),
                   adapter={k: s(f) for k, f in ADAPTER_FIELDS.items() if has_setting(hp, f)})


def split_documents(tokens: np.ndarray) -> list[tuple[int, int]]:
    """(s, e) per document: positions s..e-1 predict targets s+1..e; every target 1..N belongs to one."""
    if int(tokens[0]) != BOS_ID:
        raise ValueError("per-document scoring needs the val stream to start with a BOS")
    starts = np.flatnonzero(np.asarray(tokens[:-1]) == BOS_ID).tolist()
    return list(zip(starts, starts[1:] + [len(tokens) - 1]))


def schedule(docs: list[tuple[int, int]], batch: int) -> tuple[list[list[int]], list[int]]:
    """Batches of documents by ascending (length, index), and the processing order: longest batch first."""
    order = sorted(range(len(docs)), key=lambda d: (docs[d][1] - docs[d][0], d))
    batches = [order[i:i + batch] for i in range(0, len(order), batch)]
    longest = lambda b: docs[batches[b][-1]][1] - docs[batches[b][-1]][0]  # noqa: E731
    return batches, sorted(range(len(batches)), key=lambda b: (-longest(b), b))


def run_doc_ttt(port, tokens: np.ndarray, cum_bytes: np.ndarray, cfg: DocTTTConfig, ctx: DistContext,
                trace: list | None = None) -> ScoreSums:
    """This rank's sums over every target once (caller all-reduces). `port` (eval/port.py: the child, or a
    LocalModel given the record's adapter) is adapted in place."""
    check_doc_geometry(cfg)
    docs = split_documents(tokens)
    batches, order = schedule(docs, cfg.batch)
    bounds = [cfg.phase_docs * (p + 1) // cfg.phases for p in range(cfg.phases)]
    W = ctx.world_size
    mine = [order[r0 + ctx.rank] for r0 in range(0, len(order), W) if ctx.rank < len(order[r0:r0 + W])]
    # one adapted forward per chunk of this rank's batches: the port draws which it checks over all of them
    steps = [max(-(-(docs[d][1] - docs[d][0]) // cfg.chunk) for d in batches[b]) for b in mine]  # as _batch
    plan_checks(port, "doc", [cfg.batch] * sum(steps))
    port.doc_begin()
    done, version, loss_sum, nbytes, count = [], 0, 0.0, 0, 0
    for r0 in range(0, len(order), W):
        if ctx.rank < len(order[r0:r0 + W]):
            b = order[r0 + ctx.rank]
            s, n, c = _batch(port, [docs[d] for d in batches[b]], batches[b], tokens, cum_bytes, cfg, trace,
                             version)
            loss_sum, nbytes, count = loss_sum + s, nbytes + n, count + c
        done += order[r0:r0 + W]
        while version < len(bounds) and sum(len(batches[b]) for b in done) >= bounds[version]:
            chosen = [d for b in sorted(done) for d in batches[b]][:bounds[version]]
            if trace is not None:
                trace.append(("phase", version, chosen))
            _phase(port, np.concatenate([tokens[docs[d][0]:docs[d][1] + 1] for d in chosen]), cfg, ctx)
            version += 1
            port.doc_renew()
    port.mode(train=False, params_grad=True)
    return ScoreSums(loss_sum=loss_sum, byte_sum=float(nbytes), targets=float(count), windows=0.0)


def check_doc_geometry(cfg: DocTTTConfig) -> None:
    """A chunk's targets must fit one window: with TTT_DOC_CHUNK > EVAL_SEQ_LEN a window of EVAL_SEQ_LEN
    positions cannot hold them all, and targets would be counted without being scored."""
    if cfg.chunk > cfg.seq_len:
        raise ValueError(f"TTT_DOC_CHUNK={cfg.chunk} must be <= EVAL_SEQ_LEN={cfg.seq_len} (a chunk's "
                         "targets are scored from one window of EVAL_SEQ_LEN positions)")


def _batch(port, docs, ids, tokens, cum_bytes, cfg, trace, version):
    """One batch: per chunk, the adapted forward, every row's targets scored (the judge's NLL), then the
    scored targets of the rows that go on handed to one adaptation step."""
    port.doc_reset()
    loss_sum, nbytes, count = 0.0, 0, 0
    steps = max(-(-(e - s) // cfg.chunk) for s, e in docs)
    for k in range(steps):
        spans = []
        for s, e in docs:
            first, last = s + k * cfg.chunk + 1, min(s + (k + 1) * cfg.chunk, e)
            spans.append((max(s, last - cfg.seq_len), first, last) if first <= e else None)
        width = max(last - start for start, _, last in filter(None, spans))
        x = torch.zeros(cfg.batch, width, dtype=torch.int64)
        y = torch.zeros(cfg.batch, width, dtype=torch.int64)
        keep = torch.zeros(cfg.batch, width, dtype=torch.bool)
        goes_on = torch.zeros(cfg.batch, 1, dtype=torch.bool)
        for row, span in enumerate(spans):
            if span is None:
                continue
            start, first, last = span
            x[row, :last - start] = torch.from_numpy(np.asarray(tokens[start:last], dtype=np.int64))
            y[row, :last - start] = torch.from_numpy(np.asarray(tokens[start + 1:last + 1], dtype=np.int64))
            keep[row, first - 1 - start:last - start] = True
            goes_on[row] = last < docs[row][1]
            nbytes += int(cum_bytes[last] - cum_bytes[first - 1])
            count += last - first + 1
        logits = port.doc_logits(x, keep)  # (keep.sum(), V): the kept positions, row-major
        targets = y[keep].to(logits.device)
        if logits.shape != (targets.numel(), logits.shape[-1]):
            raise ValueError(f"doc TTT forward returned logits of shape {tuple(logits.shape)} for "
                             f"{targets.numel()} scored positions")
        loss_sum += float(nll(logits, targets).double().sum())
        if trace is not None:
            for row, span in enumerate(spans):
                if span is not None:
                    trace.append(("score", ids[row], span[0], span[1], span[2] + 1, version))
        mask = keep & goes_on
        if bool(mask.any()):  # scored just above: the only targets the step is ever handed
            port.doc_adapt(y * mask, mask)
            if trace is not None:
                trace += [("train", ids[row], span[1], span[2] + 1, version) for row, span in enumerate(spans)
                          if bool(goes_on[row])]
    return loss_sum, nbytes, count


def _phase(port, stream: np.ndarray, cfg: DocTTTConfig, ctx: DistContext) -> None:
    """All weights, SGD over the stream in chunks of ttt_chunk_tokens (cosine lr), batches split by rank."""
    sgd, L = cfg.sgd, cfg.seq_len
    port.mode(train=True, params_grad=True)
    port.sgd_begin(sgd.lr, sgd.momentum)
    total = -(-(len(stream) - 1) // sgd.chunk_tokens)
    for c in range(total):
        n = (min((c + 1) * sgd.chunk_tokens, len(stream) - 1) - c * sgd.chunk_tokens) // L
        starts = c * sgd.chunk_tokens + L * np.arange(n, dtype=np.int64)
        for _ in range(sgd.epochs):
            train_epoch(port, stream, starts, L, sgd, chunk_lr(sgd, c, total), ctx, None)
    port.mode(train=False, params_grad=True)


def check_doc_trace(events, docs: list[tuple[int, int]]) -> None:
    """Raise TTTOrderError unless: every target is scored exactly once, its window inside its own document;
    every trained chunk was scored first and is not its document's last; every phase trains only documents
    whose targets were all scored before it."""
    n = docs[-1][1]
    scored = np.zeros(n + 1, dtype=bool)
    for i, event in enumerate(events):
        if event[0] == "score":
            _, d, start, lo, hi, _ = event
            s, e = docs[d]
            if not s <= start < lo <= hi <= e + 1:
                raise TTTOrderError(f"event {i}: window from {start}, targets [{lo}, {hi}) leave document "
                                    f"{d} ({s}, {e}]")
            if scored[lo:hi].any():
                raise TTTOrderError(f"event {i}: target {lo + int(np.argmax(scored[lo:hi]))} scored twice")
            scored[lo:hi] = True
        elif event[0] == "train":
            _, d, lo, hi, _ = event
            if not scored[lo:hi].all() or hi > docs[d][1]:
                raise TTTOrderError(f"event {i}: trains on [{lo}, {hi}) of document {d}, not (all) scored or "
                                    "its last")
        elif event[0] == "phase":
            for d in event[2]:
                if not scored[docs[d][0] + 1:docs[d][1] + 1].all():
                    raise TTTOrderError(f"event {i}: phase {event[1]} trains on document {d} before it was "
                                        "scored")
        else:
            raise ValueError(f"event {i}: unknown kind {event[0]!r}")
    if not scored[1:].all():
        raise TTTOrderError(f"{int((~scored[1:]).sum())} targets never scored")
