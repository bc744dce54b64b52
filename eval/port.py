"""The judge's only door to a record's model: token windows in, raw float32 logits out, adaptation steps.

Two implementations of one small protocol (eval/INTERFACE.md, "Where the record's code runs"):

- `LocalModel(model, ctx)`: the model in this process. The child process (eval/child.py) serves requests with
  it, and in-process tests drive the judge's loops with it directly.
- `ChildModel`: the judge's side. The record's train_gpt.py is imported, built and run only in a fresh child
  process (`python -m eval.child`); this process never imports or executes record code. Requests go out as
  JSON over a pipe, tokens through a shared int64 buffer; the child writes float32 logits (and, for TTT, the
  flat gradient) into shared buffers this process allocated (host memory mapped by both, or on CUDA, device
  memory this process owns and the child opens by IPC handle). Nothing the child sends is unpickled here.

Every loss the judge reports is the judge's own log-softmax / NLL of what forward() returned
(eval/scoring.py); what the child says about itself is never a score.
"""

from __future__ import annotations

import json
import math
import os
import pickle
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from eval.dist import DistContext
from eval.sandbox import SPILL_ENV

# Host buffers larger than this are split into several requests (rows at a time), so /dev/shm or the temp
# folder never holds more than ~1 GiB of logits at once.
OUT_CAP_BYTES = 1 << 30
CHILD_TIMEOUT_S = 60.0
# Every request after the record is loaded waits at most this long for the child's reply (python -m eval
# --call-timeout): a record whose code hangs (a deadlock, an endless loop, a sleep) must end the judge with an
# error, not hold it forever. Loading (import, build, artifact, maybe a compile) waits at least the default.
CALL_TIMEOUT_S = 1800.0
# Scoring requests checked on the batches themselves (python -m eval --check-fraction; eval/INTERFACE.md): a
# pass of n requests gets max(MIN_CHECKS, ceil(fraction * n)) cut copies and as many repeats.
CHECK_FRACTION = 1 / 8
MIN_CHECKS = 4


class ChildError(RuntimeError):
    """The child process failed: `kind` is "judge" (an input the judge cannot use, its message one line naming
    the file or setting), "crash" (record code raised) or "died" (the process ended)."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.kind = kind


# ---------------------------------------------------------------- in this process


class LocalModel:
    """A record model driven in this process (the child's server, and tests)."""

    def __init__(self, model, ctx: DistContext, make_adapter=None):
        """make_adapter: () -> the record's DocTTTAdapter for this model (None: the record has none)."""
        self.model, self.ctx, self.make_adapter = model, ctx, make_adapter
        self.params = list(model.parameters())
        self.optimizer = self.adapter = None

    # -- scoring: pure forwards
    def plan_checks(self, kind: str, batches: list[int]) -> None:
        """Nothing to check in process (ChildModel.plan_checks checks the record's child)."""

    def forward(self, x: torch.Tensor, keep: int) -> torch.Tensor:
        """Float32 logits of the last `keep` positions of each row, (n, keep, V), under inference_mode."""
        with torch.inference_mode():
            with self.ctx.autocast():
                logits = self.model.forward_logits(x.to(self.ctx.device, non_blocking=True))
            return logits[:, -keep:].float()

    # -- all-weight SGD (TTT, doc-TTT phases): the judge all-reduces the flat gradient between grad and apply
    def mode(self, train: bool, params_grad: bool) -> None:
        for p in self.params:
            p.requires_grad_(params_grad)
        self.model.train(train)

    def sgd_begin(self, lr: float, momentum: float) -> None:
        self.optimizer = torch.optim.SGD(self.params, lr=lr, momentum=momentum)

    def grad(self, rows: torch.Tensor | None, denom: int, flat: bool) -> torch.Tensor | None:
        """Zero the grads, then (rows given) backward of the summed token loss of rows[:, :-1] -> rows[:, 1:]
        divided by `denom`; every parameter gets a gradient; the flat concatenation if `flat`."""
        self.optimizer.zero_grad(set_to_none=False)
        if rows is not None:
            rows = rows.to(self.ctx.device)
            with self.ctx.autocast():
                logits = self.model.forward_logits(rows[:, :-1])
            loss = F.cross_entropy(logits.float().reshape(-1, logits.shape[-1]), rows[:, 1:].reshape(-1),
                                   reduction="sum")
            (loss / denom).backward()
        for p in self.params:
            if p.grad is None:
                p.grad = torch.zeros_like(p)
        return torch.cat([p.grad.reshape(-1) for p in self.params]) if flat else None

    def apply(self, flat: torch.Tensor | None, lr: float, clip: float) -> None:
        """Gradients from `flat` (if given), grad-norm clip, one SGD step at `lr`."""
        if flat is not None:
            offset = 0
            for p in self.params:
                n = p.numel()
                p.grad.copy_(flat[offset:offset + n].view_as(p.grad))
                offset += n
        if clip > 0:
            torch.nn.utils.clip_grad_norm_(self.params, clip)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        self.optimizer.step()

    # -- per-document TTT: the record's adaptation step (eval/doc_ttt.py owns the loop and the score)
    def doc_begin(self) -> None:
        if self.make_adapter is None:
            raise RuntimeError("the record has no DocTTTAdapter (eval/INTERFACE.md)")
        self.model.eval()
        self.adapter = self.make_adapter()

    def doc_renew(self) -> None:
        self.adapter.renew()

    def doc_reset(self) -> None:
        self.adapter.reset()

    def doc_logits(self, x: torch.Tensor, keep: torch.Tensor) -> torch.Tensor:
        """The adapted forward of x (rows, width): float32 logits at the `keep` positions, (keep.sum(), V)
        row-major; the adapter keeps its graph for doc_adapt."""
        x, keep = x.to(self.ctx.device), keep.to(self.ctx.device)
        with torch.enable_grad(), self.ctx.autocast():
            logits = self.adapter.logits(x)
        return logits.detach().float().flatten(0, 1)[keep.flatten()]

    def doc_adapt(self, y: torch.Tensor, mask: torch.Tensor) -> None:
        self.adapter.adapt(y.to(self.ctx.device), mask.to(self.ctx.device))

    def close(self) -> None:
        pass


def as_port(model, ctx: DistContext):
    """A port as is; a bare model (tests drive the judge's loops in process) wrapped in LocalModel."""
    return model if isinstance(model, (LocalModel, ChildModel)) else LocalModel(model, ctx)


# ---------------------------------------------------------------- the child's environment and its leftovers

# Where the val set, the tokenizer and the training data are: the judge reads them itself and sends every
# token, so the child gets none of them (a model must not find the val shards by the paths the judge uses).
DATA_PATH_VARS = ("VAL_FILES", "DATA_PATH", "DATA_DIR", "TOKENIZER_PATH", "TRAIN_FILES")
# torchrun's: the child is one process; the judge does every collective
DIST_VARS = ("RANK", "WORLD_SIZE", "LOCAL_RANK", "LOCAL_WORLD_SIZE", "GROUP_RANK", "MASTER_ADDR",
             "MASTER_PORT", "TORCHELASTIC_RUN_ID")
PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h


def child_environment(environ) -> dict:
    """The judge's environment without the data paths and torchrun's variables, with the repo importable."""
    env = {k: v for k, v in environ.items() if k not in DATA_PATH_VARS + DIST_VARS}
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join([root, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def become_subreaper() -> bool:
    """Make this process the reaper of its orphaned descendants (Linux prctl): a process the child starts and
    detaches (double fork, its own session) is then reparented here, not to init, so close() finds it.
    False where the OS has no such call (then only the child's session is killed)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _proc_table() -> dict[int, tuple[int, int]]:
    """{pid: (parent pid, session id)} of every live process (zombies left out), from /proc; {} without it."""
    table = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return table
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2:].split()  # the name in parentheses may hold spaces
        if fields[0] != b"Z":
            table[int(entry)] = (int(fields[1]), int(fields[3]))
    return table


def _leftovers(child: int, before: set[int]) -> set[int]:
    """The child, the processes of its session, those reparented to this process since it started (this
    process starts nothing else meanwhile), and all their descendants."""
    me, table = os.getpid(), _proc_table()
    found = {pid for pid, (ppid, sid) in table.items()
             if pid == child or sid == child or (ppid == me and pid not in before)}
    grew = True
    while grew:
        more = {pid for pid, (ppid, _) in table.items() if ppid in found and pid not in found}
        found |= more
        grew = bool(more)
    return found - {me}


def _gone(pid: int) -> bool:
    """Dead or a zombie (a SIGKILL takes a moment to land)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return True
    return stat[stat.rindex(b")") + 2:].split()[0] == b"Z"


def kill_leftovers(child: int, before: set[int]) -> None:
    """SIGKILL the child's processes until none is left (one may fork while we look), then reap ours."""
    import signal
    import time

    killed: set[int] = set()
    for _ in range(200):
        victims = _leftovers(child, before) if os.path.isdir("/proc") else set()
        new = victims - killed
        for pid in new:
            try:
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
            except OSError:  # gone already (or not ours to signal: then it is no leftover of the child)
                pass
        if not new and all(_gone(pid) for pid in victims):
            break
        time.sleep(0.01)
    try:  # no /proc (not Linux): the child's session leader's group at least
        os.killpg(child, signal.SIGKILL)
    except OSError:
        pass
    for pid in killed:  # our own children (reparented ones included) would stay zombies
        try:
            os.waitpid(pid, 0)
        except (ChildProcessError, OSError):
            pass


# ---------------------------------------------------------------- the judge's side of the child process


def _buffer_dir(nbytes: int, spill: str) -> str:
    """/dev/shm when it has room (a container's is often 64 MiB), else `spill`, a folder of the temp folder
    made before the child started so that its sandbox can let it map the buffers there (eval/sandbox.py)."""
    shm = "/dev/shm"
    if os.path.isdir(shm) and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 2 * nbytes:
        return shm
    return spill


class _HostBuffer:
    """A file both processes map (numpy memmap), seen here as a flat torch tensor."""

    def __init__(self, folder: str, name: str, dtype: np.dtype, count: int):
        self.path = os.path.join(folder, name)
        self.array = np.memmap(self.path, dtype=dtype, mode="w+", shape=(max(count, 1),))
        self.tensor = torch.from_numpy(self.array)

    def spec(self) -> dict:
        return {"where": "host", "path": self.path, "dtype": str(self.array.dtype),
                "count": int(self.array.shape[0])}


class ChildModel:
    """The record's model in a fresh child process; the same methods as LocalModel."""

    def __init__(self, record_dir: Path, artifact: Path | None, ctx: DistContext,
                 call_timeout: float = CALL_TIMEOUT_S, check_fraction: float = CHECK_FRACTION,
                 op: str = "init"):
        """record_dir: the folder the child imports train_gpt.py from and runs in (its cwd); the judge passes
        a private copy holding only the counted files (eval/harness.py stage_record). op "init" loads the
        model; "settings" only imports the record and reports its settings (then close it)."""
        if not call_timeout > 0:
            raise ValueError(f"call timeout must be positive seconds, got {call_timeout}")
        if not 0 < check_fraction <= 1:
            raise ValueError(f"check fraction must be in (0, 1], got {check_fraction}")
        self.check_fraction = check_fraction
        # The judge's secret stream: which requests are checked, the cuts, the untouched row, the order.
        # Seeded from the OS here, never sent: nothing the child sees tells a checked request from another.
        self._secret = random.Random(secrets.randbits(128))
        self._plan = None
        self.cut_checks = 0
        self.ctx = ctx
        self.call_timeout = call_timeout
        self.proc = None
        self.in_call = False
        self.folder = None
        self.calls = 0
        self.purity_checks = 0
        self.buffer_note = None
        self.violations: list[str] = []  # purity failures met while scoring (refused after the mode)
        self.probe_tolerance = 1e-3 if ctx.device.type == "cuda" else 1e-5
        r_req, w_req = os.pipe()
        r_rep, w_rep = os.pipe()
        env = child_environment(os.environ)
        self._subreaper = become_subreaper()
        self._before = set(_proc_table())  # processes alive before the child: never its leftovers
        self.spill = tempfile.mkdtemp(prefix="pgolf_judge_")  # removed by close()
        env[SPILL_ENV] = self.spill
        try:
            # stdout goes to our stderr: a record that prints cannot write into the judge's report. Its own
            # session: whatever it starts stays findable (and killable) as one group when it is done.
            self.proc = subprocess.Popen([sys.executable, "-m", "eval.child", str(r_req), str(w_rep)],
                                         pass_fds=(r_req, w_rep), env=env, stdout=2,
                                         stdin=subprocess.DEVNULL, cwd=str(record_dir),
                                         start_new_session=True)
        finally:
            os.close(r_req)
            os.close(w_rep)
        self.requests = Connection(w_req, readable=False)
        self.replies = Connection(r_rep, writable=False)
        self.vocab = None
        # Real val tokens (no BOS) the cut copies' tails are drawn from (eval/harness.py sets them): a tail of
        # random ids is easy to tell from text, and a copy told apart lets the next batch be answered honestly
        self.filler: np.ndarray | None = None
        try:
            self.info = self._call({"op": op, "record_dir": str(record_dir),
                                    "artifact": None if artifact is None else str(artifact),
                                    "device": str(ctx.device), "threads": torch.get_num_threads()},
                                   timeout=max(call_timeout, CALL_TIMEOUT_S))
        except BaseException:
            self.close()
            raise

    # -- plumbing
    def _call(self, msg: dict, timeout: float | None = None) -> dict:
        self.in_call = True  # until the reply is read: close() then kills instead of asking politely
        try:
            self.requests.send_bytes(json.dumps(msg).encode())
        except OSError:
            self._died(msg["op"])
        timeout = self.call_timeout if timeout is None else timeout
        if not self.replies.poll(timeout):
            self.proc.kill()  # hung: a polite "exit" would wait on the same hang
            self.proc.wait()
            self._died(msg["op"], f"killed: no reply in {timeout:g} s (python -m eval --call-timeout)")
        try:
            raw = self.replies.recv_bytes(1 << 24)
        except (EOFError, OSError):
            self._died(msg["op"])
        try:
            reply = json.loads(raw.decode("utf-8"))
        except ValueError:
            raise ChildError(f"record child process: unreadable reply to {msg['op']!r}", "died") from None
        self.in_call = False
        if not isinstance(reply, dict):
            raise ChildError(f"record child process: bad reply to {msg['op']!r}", "died")
        if "error" in reply:
            raise ChildError(str(reply["error"]), str(reply.get("kind", "crash")))
        return reply

    def _died(self, op: str, why: str = ""):
        code = self.proc.poll() if self.proc is not None else None
        raise ChildError(f"record child process ended during {op!r} (exit code {code}) {why}".strip(), "died")

    def allocate(self, rows: int, width: int, vocab: int, n_params: int, out_rows: int) -> None:
        """Shared buffers: tokens (3 x rows x width int64), logits (out_rows x width x vocab float32,
        capped), and the flat float32 gradient."""
        self.vocab, self.rows, self.width = vocab, rows, width
        out_count = max(out_rows * width * vocab, width * vocab)
        out_count = min(out_count, max(OUT_CAP_BYTES // 4, width * vocab))
        self.out_rows = max(1, out_count // (width * vocab))
        nbytes = 3 * rows * width * 8 + 4 * out_count + 4 * n_params
        self.folder = tempfile.mkdtemp(prefix="pgolf_judge_", dir=_buffer_dir(nbytes, self.spill))
        self.inp = _HostBuffer(self.folder, "tokens", np.dtype(np.int64), 3 * rows * width)
        if self.ctx.device.type == "cuda":
            from torch.multiprocessing.reductions import reduce_tensor
            self.out = torch.empty(out_count, dtype=torch.float32, device=self.ctx.device)
            self.flat = torch.empty(max(n_params, 1), dtype=torch.float32, device=self.ctx.device)
            # pickled here for the child to open (the child never sends us a pickle)
            specs = {name: {"where": "cuda", "handle": pickle.dumps(reduce_tensor(t)).hex()}
                     for name, t in (("logits", self.out), ("grad", self.flat))}
            try:
                self._call({"op": "buffers", "tokens": self.inp.spec(), **specs})
                return
            except ChildError as exc:  # no CUDA IPC here: host buffers (a device-host copy per request)
                self.buffer_note = f"CUDA IPC unavailable ({exc}); logits pass through host memory"
        self._out = _HostBuffer(self.folder, "logits", np.dtype(np.float32), out_count)
        self._flat = _HostBuffer(self.folder, "grad", np.dtype(np.float32), n_params)
        self.out, self.flat = self._out.tensor, self._flat.tensor
        self._call({"op": "buffers", "tokens": self.inp.spec(), "logits": self._out.spec(),
                    "grad": self._flat.spec()})

    def _put(self, *arrays: torch.Tensor) -> list[list[int]]:
        """Copy int64 tensors into the token buffer, one after another; their shapes for the request."""
        offset, shapes = 0, []
        for a in arrays:
            n = a.numel()
            self.inp.tensor[offset:offset + n].copy_(a.reshape(-1).to(torch.int64).cpu())
            offset += n
            shapes.append(list(a.shape))
        return shapes

    def _logits(self, count: int) -> torch.Tensor:
        out = self.out[:count]
        return out if out.device == self.ctx.device else out.to(self.ctx.device)

    # -- scoring
    def plan_checks(self, kind: str, batches: list[int]) -> None:
        """Before a scoring pass (the judge's loops know its requests): draw from the secret stream which of
        them are checked. kind "forward": `batches` holds each batch's rows (a batch is split into requests of
        `out_rows` rows); "doc": one adapted forward per entry. max(MIN_CHECKS, ceil(fraction * n)) requests
        get a cut copy, as many others (drawn apart) a repeat; a request past the plan is drawn alone."""
        n = sum(-(-int(r) // self.out_rows) for r in batches) if kind == "forward" else len(batches)
        k = min(n, max(MIN_CHECKS, math.ceil(self.check_fraction * n)))
        self._plan = {"kind": kind, "n": n, "next": 0, "cut": set(self._secret.sample(range(n), k)),
                      "repeat": set(self._secret.sample(range(n), k))}

    def _draw(self, kind: str) -> tuple[bool, bool]:
        """(cut copy, repeat) for the next scoring request of `kind`."""
        plan = self._plan
        if plan is not None and plan["kind"] == kind and plan["next"] < plan["n"]:
            i = plan["next"]
            plan["next"] += 1
            return i in plan["cut"], i in plan["repeat"]
        # outside a planned pass (the probes' prelude, a loop that did not plan): each drawn at the fraction
        return self._secret.random() < self.check_fraction, self._secret.random() < self.check_fraction

    def forward(self, x: torch.Tensor, keep: int) -> torch.Tensor:
        """(n, keep, V) float32 logits (a fresh tensor); split into requests of `out_rows` rows when large.
        Requests drawn from the secret stream are checked on the batch itself (_checked): the scores are
        always the as-sent request's answer."""
        parts = []
        width = x.shape[1]
        held = torch.zeros(1, width, dtype=torch.bool)
        held[:, width - keep:] = True  # the positions the answer holds: the last `keep` of each row
        for lo in range(0, x.shape[0], self.out_rows):
            part = x[lo:lo + self.out_rows]
            cut, repeat = self._draw("forward")
            parts.append(self._checked(part, held.expand(part.shape[0], width), cut, repeat,
                                       lambda rows: self._forward_once(rows, keep).flatten(0, 1),
                                       "a scoring request", last_as_sent=False)
                         .view(part.shape[0], keep, -1))
        return parts[0] if len(parts) == 1 else torch.cat(parts)

    def _checked(self, x: torch.Tensor, held: torch.Tensor, cut: bool, repeat: bool, ask, what: str,
                 last_as_sent: bool) -> torch.Tensor:
        """ask(rows) -> (held.sum(), V) logits of the held positions, row-major. Unchecked: x once. Checked:
        x as sent, and (repeat) x again, and (cut) a copy with every row but one (drawn) replaced from a
        drawn cut on, in a drawn order, so the child cannot tell a checked request from the rest; the first
        answer to x is scored. Refused (recorded in `violations`): a repeat that differs (purity), a copy
        whose held positions before a row's cut, or whose untouched row anywhere, differ (causality).
        last_as_sent: x is asked last (the doc-TTT adapter adapts from its last forward's graph)."""
        if not (cut or repeat):
            self.calls += 1
            return ask(x)
        order = ["x"] + ["x"] * repeat + ["copy"] * cut
        self._secret.shuffle(order)
        if last_as_sent and order[-1] == "copy":
            order.append("x")
        if cut:
            copy, early = self._cut_copy(x, held)
        answers = []
        for item in order:
            self.calls += 1
            answers.append((item, ask(x if item == "x" else copy)))
        scored = next(a for item, a in answers if item == "x")
        for _, again in [(i, a) for i, a in answers if i == "x"][1:]:
            self.purity_checks += 1
            self._same(scored, again, f"{what} sent twice")
        if cut:
            self.cut_checks += 1
            moved = next(a for item, a in answers if item == "copy")
            if bool(early.any()):
                self._same(scored[early], moved[early], f"{what} with later tokens replaced", "causality",
                           "the model reads tokens after the one it predicts, or other rows of its batch")
        return scored

    def _cut_copy(self, x: torch.Tensor, held: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """A copy of x: one row with held positions (drawn; none when only one row has any) as it is, every
        other such row's tokens from a drawn cut on replaced (eval/probes.py cut_rows: the token at the cut
        always another; the tail a drawn stretch of the val text when the judge gave it and it is long enough,
        else random ids). The cut is drawn where a held position precedes it, so the position before it, whose
        next token changed, is compared. Returns (copy, which held positions must not move), row-major."""
        from eval.probes import cut_rows
        rng = np.random.default_rng(self._secret.getrandbits(64))
        rows, width = x.shape
        real = [r for r in range(rows) if bool(held[r].any())] if width > 1 else []  # one position: no cut
        untouched = self._secret.choice(real) if len(real) > 1 else None
        cuts = [width] * rows
        for r in real:
            if r == untouched:
                continue
            pos = torch.nonzero(held[r]).flatten().tolist()
            first, last = pos[0], pos[-1]
            # c - 1 held and c a real position of the row (the held ones are the row's last real positions);
            # a row holding one position has none before a cut: cut it anywhere (the others' isolation)
            lo, hi = (first + 1, last) if last > first else (1, width - 1)
            cuts[r] = self._secret.randint(lo, hi)
        copy = cut_rows(x, cuts, rng, self.vocab, self.filler)
        early = (torch.arange(width)[None, :] < torch.tensor(cuts)[:, None])[held]
        return copy, early.to(self.ctx.device)

    def _forward_once(self, x: torch.Tensor, keep: int) -> torch.Tensor:
        shapes = self._put(x)
        self._call({"op": "forward", "shape": shapes[0], "keep": keep})
        return self._logits(x.shape[0] * keep * self.vocab).view(x.shape[0], keep, self.vocab).clone()

    def _same(self, a: torch.Tensor, b: torch.Tensor, what: str, check: str = "purity",
              why: str = "the record's forward changes the model (e.g. trains on what it is asked to score)"):
        """Record (not raise: under torchrun every rank must reach the next collective) a probe's failure."""
        from eval.probes import logprob_gap
        gap = logprob_gap(a, b)
        if not gap <= self.probe_tolerance:
            self.violations.append(f"{check}: {what} gave log-probabilities {gap:.3g} apart (tolerance "
                                   f"{self.probe_tolerance:g}, request {self.calls}): {why}")

    # -- SGD
    def mode(self, train: bool, params_grad: bool) -> None:
        self._call({"op": "mode", "train": bool(train), "params_grad": bool(params_grad)})

    def sgd_begin(self, lr: float, momentum: float) -> None:
        self._call({"op": "sgd_begin", "lr": float(lr), "momentum": float(momentum)})

    def grad(self, rows, denom: int, flat: bool):
        shape = self._put(rows)[0] if rows is not None else None
        self._call({"op": "grad", "shape": shape, "denom": int(denom), "flat": bool(flat)})
        if not flat:
            return None
        return self.flat if self.flat.device == self.ctx.device else self.flat.to(self.ctx.device)

    def apply(self, flat, lr: float, clip: float) -> None:
        if flat is not None and flat is not self.flat:
            self.flat.copy_(flat)
        if self.ctx.device.type == "cuda":
            torch.cuda.synchronize(self.ctx.device)  # the all-reduce's writes land before the child reads
        self._call({"op": "apply", "flat": flat is not None, "lr": float(lr), "clip": float(clip)})

    # -- doc TTT: the record's adaptation step; targets go out only in doc_adapt, after the judge scored them
    def doc_begin(self) -> None:
        self._call({"op": "doc_begin"})

    def doc_renew(self) -> None:
        self._call({"op": "doc_renew"})

    def doc_reset(self) -> None:
        self._call({"op": "doc_reset"})

    def doc_logits(self, x: torch.Tensor, keep: torch.Tensor) -> torch.Tensor:
        """(keep.sum(), V) float32. Checked as forward's requests (_checked, drawn from the secret stream):
        the rows as sent and a cut copy in a drawn order, maybe the rows again; the scored answer is the rows'
        as sent, and they are also asked last (adapt() steps from the last forward's graph)."""
        keep = keep.bool()
        cut, repeat = self._draw("doc")
        return self._checked(x, keep.cpu(), cut, repeat, lambda rows: self._doc_logits_once(rows, keep),
                             "the TTT adapter's forward of a chunk", last_as_sent=True)

    def _doc_logits_once(self, x, keep) -> torch.Tensor:
        count = int(keep.sum())
        if count * self.vocab > self.out.numel():
            raise ValueError(f"doc TTT forward of {count} scored positions exceeds the logits buffer")
        shapes = self._put(x, keep)
        self._call({"op": "doc_logits", "shape": shapes[0]})
        return self._logits(count * self.vocab).view(count, self.vocab).clone()

    def doc_adapt(self, y: torch.Tensor, mask: torch.Tensor) -> None:
        shapes = self._put(y, mask)
        self._call({"op": "doc_adapt", "shape": shapes[0]})

    # -- end
    def close(self) -> None:
        """End the child and every process it left (eval/INTERFACE.md): nothing record code started may
        outlive the judge's run, e.g. to rewrite its report after it exits."""
        if self.proc is not None and self.proc.poll() is None:
            try:
                if self.in_call:  # left mid-request (a signal, an error): the child is busy, not listening
                    raise OSError("a request is in flight")
                self.requests.send_bytes(json.dumps({"op": "exit"}).encode())
                self.proc.wait(timeout=CHILD_TIMEOUT_S)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()
        if self.proc is not None:
            kill_leftovers(self.proc.pid, self._before)
        for conn in ("requests", "replies"):
            if hasattr(self, conn):
                getattr(self, conn).close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        if getattr(self, "spill", None) is not None:
            shutil.rmtree(self.spill, ignore_errors=True)
            self.spill = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
