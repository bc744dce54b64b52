"""The rehearsal layer: CPU runs that take the GPU's code paths (../shared/design.md, "The GPU path is part
of the house"). A path no test executes is broken; these helpers let CPU tests execute the CUDA ones.

- flash_standins(): `import flash_attn_interface` / `import flash_attn` find tests/standins/, stand-ins
  with the real call contract (causal=False unless passed, one dtype for q, k, v, fp16/bf16 only when
  strict, (B, T, H, D), GQA, the older FA3 builds' (out, lse) return). standin_env() does it for a
  subprocess.
- fake_cuda(): FakeTensorMode with CUDA tensors and a bf16 CUDA autocast on a CPU build of torch (with the
  c10 fake device guard of tests/standins/fake_cuda_guard.cpp compiled and loaded), so the dtypes of the
  CUDA forward can be checked without a GPU. Forward only: autograd's engine wants a real device.
- torchrun(): a torchrun command line on a free port (static rendezvous, no --standalone port race).
- run_flagship() / judge(): `python train_gpt.py` (or torchrun) and `python -m eval` end to end, parsed.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import torch

ROOT = Path(__file__).resolve().parents[1]
STANDINS = Path(__file__).resolve().parent / "standins"
STANDIN_MODULES = ("flash_attn_interface", "flash_attn", "_flash_math")
STRICT_ENV, LSE_ENV = "PGOLF_FLASH_STRICT", "PGOLF_FLASH_RETURN_LSE"
# Every subprocess a test starts gets this timeout: a guard against a hang, not a time limit. Runs take
# seconds to ~2 minutes alone; on a loaded shared box several times that; nothing should fail for being slow.
HANG_S = 3600


def _drop_standin_modules() -> None:
    for name in STANDIN_MODULES:
        sys.modules.pop(name, None)


@contextlib.contextmanager
def flash_standins(strict: bool = False, return_lse: bool = False):
    """Inside: the flash-attn stand-ins are what `import flash_attn_interface` / `flash_attn` find."""
    saved_env = {k: os.environ.get(k) for k in (STRICT_ENV, LSE_ENV)}
    os.environ[STRICT_ENV], os.environ[LSE_ENV] = ("1" if strict else "0"), ("1" if return_lse else "0")
    sys.path.insert(0, str(STANDINS))
    _drop_standin_modules()
    try:
        yield
    finally:
        sys.path.remove(str(STANDINS))
        _drop_standin_modules()
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def standin_env(env: dict, strict: bool = False, return_lse: bool = False) -> dict:
    """`env` for a subprocess whose `import flash_attn_interface` must find the stand-ins."""
    return {**env, "PYTHONPATH": str(STANDINS), STRICT_ENV: "1" if strict else "0", LSE_ENV: "1" if return_lse else "0"}


def _load_fake_cuda_guard() -> None:
    """Compile tests/standins/fake_cuda_guard.cpp against this torch's c10 (once per torch build) and load it."""
    src = STANDINS / "fake_cuda_guard.cpp"
    torch_dir = Path(torch.__file__).resolve().parent
    abi = int(torch._C._GLIBCXX_USE_CXX11_ABI)
    key = hashlib.sha256(src.read_bytes() + f"{torch.__version__}{torch_dir}{abi}".encode()).hexdigest()[:16]
    lib = Path(tempfile.gettempdir()) / f"pgolf_fake_cuda_guard_{key}.so"
    if not lib.exists():
        tmp = lib.with_name(f".{lib.name}.{os.getpid()}.tmp")
        cmd = [os.environ.get("CXX", "g++"), "-shared", "-fPIC", "-std=c++17", "-O1", f"-D_GLIBCXX_USE_CXX11_ABI={abi}",
               f"-I{torch_dir / 'include'}", str(src), "-o", str(tmp), f"-L{torch_dir / 'lib'}", "-lc10",
               f"-Wl,-rpath,{torch_dir / 'lib'}"]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=HANG_S)
        except FileNotFoundError:
            raise RuntimeError(f"fake_cuda needs a C++ compiler ({cmd[0]}) to build {src.name}") from None
        if proc.returncode != 0:
            raise RuntimeError(f"building {src.name} failed:\n{proc.stderr[-2000:]}")
        os.replace(tmp, lib)
    ctypes.CDLL(str(lib), mode=ctypes.RTLD_GLOBAL)  # its static initializer registers the guard


@contextlib.contextmanager
def fake_cuda(dtype: torch.dtype = torch.bfloat16):
    """Inside: FakeTensorMode (tensors are shapes, dtypes and devices only). Yields a CUDA autocast context:
    torch.autocast("cuda") disables itself on a CPU build unless its availability checks are told otherwise."""
    from torch._subclasses.fake_tensor import FakeTensorMode

    _load_fake_cuda_guard()
    with mock.patch("torch.cuda.amp.common.amp_definitely_not_available", return_value=False), \
            mock.patch("torch.cuda.is_bf16_supported", return_value=True):
        autocast = torch.autocast("cuda", dtype=dtype)
    with FakeTensorMode(allow_non_fake_inputs=True):
        yield autocast


def awake_model(module, env: dict):
    """(hp, model in eval mode) of a flagship-like `module` built from `env` at seed 0, every parameter nudged
    by N(0, 0.05): zero-initialized gates and projections would hide a leak (every position seeing only
    itself) and make scores trivial."""
    hp = module.Hyperparameters.from_env({k: str(v) for k, v in env.items()})
    torch.manual_seed(0)
    model = module.build_model(hp)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.05 * torch.randn_like(p))
    return hp, model.eval()


def brute_force_nll(model, val, ends, seq_len: int) -> float:
    """Summed NLL of targets 1..len(val)-1, each scored alone from the context its sliding window gives it
    (the window ending at the first of `ends` >= its position, at most `seq_len` tokens): the exact-once
    reference the windowed evals are held to."""
    nll = 0.0
    with torch.no_grad():
        for j in range(1, val.numel()):
            e = next(e for e in ends if e >= j)
            c = max(0, e - seq_len)
            logits = model.forward_logits(val[c:e][None])[0, j - 1 - c].double()
            nll -= torch.log_softmax(logits, -1)[val[j]].item()
    return nll


def assert_causal(model, hp, segments=None) -> None:
    """A token changed at t moves no logit before t (and moves some after it): nothing sees the future.
    `segments`: the runtime's ids -> FA varlen cu_seqlens (Runtime.segments) for a DOC_MASK model on flash
    attention, as the run passes them (without them a DOC_MASK model builds SDPA's mask instead)."""
    from eval.settings import setting  # a record's flat settings or the flagship's staged ones

    vocab = setting(hp, "vocab_size")
    ids = torch.randint(4, vocab, (1, setting(hp, "train_seq_len")))
    ids[0, 10] = 1  # a BOS in the middle

    def logits(x):
        seg = segments(x) if segments is not None else None
        return model.forward_logits(x) if seg is None else model.forward_logits(x, seg)

    with torch.no_grad():
        base = logits(ids)
        for t in (5, 10, 20):
            changed = ids.clone()
            changed[0, t] = (changed[0, t] + 7) % vocab
            out = logits(changed)
            assert torch.equal(out[0, :t], base[0, :t]), f"logits before {t} changed: attention sees the future"
            assert not torch.allclose(out[0, t:], base[0, t:])


def load_script(name: str):
    """scripts/<name>.py as a module (scripts are files, not a package; nothing in the repo imports them)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"_test_script_{name}", ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def torchrun(nproc: int) -> list[str]:
    return [sys.executable, "-m", "torch.distributed.run", "--nnodes=1", f"--nproc_per_node={nproc}",
            "--master_addr=127.0.0.1", f"--master_port={free_port()}"]


SCORE_LINE = re.compile(r"^(\w+) val_loss:(\S+) val_bpb:(\S+)", re.M)


@dataclass
class Run:
    dir: Path
    log: str

    def score(self, name: str) -> tuple[float, float]:
        """(val_loss, val_bpb) of the log line `name`, e.g. final_int6_roundtrip_exact."""
        for key, loss, bpb in SCORE_LINE.findall(self.log):
            if key == name:
                return float(loss), float(bpb)
        raise AssertionError(f"no {name} line in the log:\n{self.log[-3000:]}")

    def value(self, key: str) -> str:
        m = re.search(rf"(?:^|\s){re.escape(key)}:(\S+)", self.log)
        if m is None:
            raise AssertionError(f"no {key}: in the log:\n{self.log[-3000:]}")
        return m.group(1)


def base_env(env: dict) -> dict:
    """The calling environment without PYTHONPATH (a record imports nothing it is not given), plus `env`."""
    return {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, **env}


def run_flagship(work: Path, env: dict, nproc: int = 1, script: Path = ROOT / "train_gpt.py",
                 timeout: int = HANG_S, args: tuple[str, ...] = ()) -> Run:
    """Copy `script` alone into `work`, run it with `args` (its runtime options; torchrun with gloo when
    nproc > 1), keep its log beside the artifact as train_seed<SEED>.log (what the judge compares with)."""
    work.mkdir(parents=True, exist_ok=True)
    if Path(script).resolve() != (work / "train_gpt.py").resolve():
        shutil.copy2(script, work / "train_gpt.py")
    full = base_env({"RUN_ID": "run", "OMP_NUM_THREADS": "1" if nproc > 1 else "2", **env})
    cmd = (torchrun(nproc) if nproc > 1 else [sys.executable]) + ["train_gpt.py", *args]
    if nproc > 1:
        proc = subprocess.run(cmd, cwd=work, env=full, capture_output=True, text=True, timeout=timeout)
    else:  # `python train_gpt.py`, forked from the shared server where that is the same (run_python)
        proc = run_python(full, work, cmd[1:], timeout=timeout)
    if proc.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    (work / f"train_seed{full.get('SEED', '1337')}.log").write_text(proc.stdout)
    return Run(work, proc.stdout)


def run_val_limit(run_dir: Path) -> int | None:
    """The targets a run scored under VAL_TOKENS_LIMIT, from its log's `val_tokens:` line (None: all).
    The judge ignores a limit in the record's settings or artifact header (eval/INTERFACE.md): a rehearsal
    that compares with the run passes it as the judge's own --val-tokens-limit."""
    for log in sorted(Path(run_dir).glob("train_seed*.log")):
        found = re.search(r"val_tokens:\d+ targets:(\d+) val_files:\S+ \(VAL_TOKENS_LIMIT", log.read_text())
        if found:
            return int(found.group(1))
    return None


def judge(run_dir: Path, env: dict, *args: str, nproc: int = 1, timeout: int = HANG_S
          ) -> tuple[subprocess.CompletedProcess, dict | None]:
    """`python -m eval RUN_DIR --json ... --tolerance 1e-6 ARGS` (under torchrun for nproc > 1) with exactly
    `env` on top of the caller's."""
    report = run_dir / "judge.json"
    report.unlink(missing_ok=True)
    limit = run_val_limit(run_dir)
    if limit is not None and "--val-tokens-limit" not in args:  # the judge limits only when told to
        args = (*args, "--val-tokens-limit", str(limit))
    cmd = torchrun(nproc) if nproc > 1 else [sys.executable]
    full = base_env({"OMP_NUM_THREADS": "1", **env} if nproc > 1 else env)
    argv = ["-m", "eval", str(run_dir), "--json", str(report), "--tolerance", "1e-6", *args]
    if nproc > 1:
        proc = subprocess.run(cmd + argv, cwd=ROOT, env=full, capture_output=True, text=True, timeout=timeout)
    else:  # `python -m eval ...`, forked from the shared server where that is the same (run_python)
        proc = run_python(full, ROOT, argv, timeout=timeout)
    return proc, (json.loads(report.read_text()) if report.exists() else None)


def failure_text(proc: subprocess.CompletedProcess) -> str:
    """What an assertion on a torchrun child shows: the tail of stdout and both ends of stderr (a rank's own
    last words, e.g. "terminate called ...", come before torchrun's long traceback, which a tail alone keeps)."""
    err = proc.stderr if len(proc.stderr) <= 4000 else proc.stderr[:2000] + "\n[...]\n" + proc.stderr[-2000:]
    return proc.stdout[-2000:] + "\n--- stderr ---\n" + err


# A `python` that has imported torch once: each run is a child forked from a server process that imported the
# `preload` modules and ran nothing else (no torch op, so no thread pool to lose in the fork; no record imported),
# with its own environment, working folder, argv and output files. What the child changes (patched modules, env)
# dies with it. It saves a new interpreter and torch import per run (~1.7 s of CPU each on the 2-core box,
# 2026-12-06). Variables read when the server started its libraries (OMP_*, PYTHONPATH) are the server's.
_FORK_SERVER = r"""
import json, os, runpy, signal, sys, traceback
for name in json.loads(sys.argv[1]):
    __import__(name)
for request in sys.stdin:
    job = json.loads(request)
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            out, err = os.open(job["stdout"], os.O_WRONLY), os.open(job["stderr"], os.O_WRONLY)
            os.dup2(out, 1)
            os.dup2(err, 2)
            os.environ.clear()
            os.environ.update(job["env"])
            os.chdir(job["cwd"])
            signal.alarm(job["timeout"])  # a hang ends the child (SIGALRM), not the test session
            # what a new interpreter takes from its env at start: PYTHONPATH after the script's folder, the
            # OpenMP thread count (read by libgomp when the server loaded torch; no parallel region ran yet),
            # and a fresh seed for `random` (a fork would share the server's state)
            sys.path[1:1] = [p for p in job["env"].get("PYTHONPATH", "").split(os.pathsep) if p]
            if "OMP_NUM_THREADS" in job["env"] and "torch" in sys.modules:
                sys.modules["torch"].set_num_threads(int(job["env"]["OMP_NUM_THREADS"]))
            if "random" in sys.modules:
                sys.modules["random"].seed()
            sys.argv = job["argv"]
            if job.get("module"):
                sys.path[0] = os.getcwd()  # `python -m`: the working folder first
                runpy.run_module(job["module"], run_name="__main__", alter_sys=True)
            elif job["path"]:
                sys.path[0] = os.path.dirname(os.path.abspath(job["path"]))
                runpy.run_path(job["path"], run_name="__main__")
            else:
                exec(compile(job["code"], "<string>", "exec"), {"__name__": "__main__"})
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if not isinstance(exc.code, (int, type(None))):
                print(exc.code, file=sys.stderr)
        except BaseException:
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    print(os.waitstatus_to_exitcode(status), flush=True)
"""


class ForkRunner:
    """run(...) -> subprocess.CompletedProcess, as `python <path or -c code> args` in a fresh process would give."""

    def __init__(self, env: dict, preload: tuple[str, ...] = ("torch",), cwd: Path = ROOT):
        self.env = dict(env)
        self.proc = subprocess.Popen([sys.executable, "-c", _FORK_SERVER, json.dumps(list(preload))], cwd=cwd,
                                     env=env, text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def serves(self, env: dict) -> bool:
        """Whether a child with `env` is what a new `python` with `env` would be: every variable read when an
        interpreter or torch starts (PYTHON*, TORCH*, PYTORCH*, OMP_*, MKL_*, KMP_*, LD_*) is the server's,
        except PYTHONPATH and a numeric OMP_NUM_THREADS, which the child applies itself."""
        def startup(e: dict) -> dict:
            return {k: v for k, v in e.items() if k.startswith(STARTUP_PREFIXES) and k != "PYTHONPATH"}
        job, server = startup(env), startup(self.env)
        if job.get("OMP_NUM_THREADS", "").isdigit() and int(job["OMP_NUM_THREADS"]) > 0:
            job.pop("OMP_NUM_THREADS")
            server.pop("OMP_NUM_THREADS", None)
        return job == server

    def run(self, env: dict, cwd: Path, path: Path | None = None, code: str | None = None,
            args: tuple[str, ...] = (), timeout: int = HANG_S, module: str | None = None
            ) -> subprocess.CompletedProcess:
        assert [path, code, module].count(None) == 2, "one of a script path, code or a module"
        with tempfile.TemporaryDirectory() as tmp:
            out, err = Path(tmp) / "stdout", Path(tmp) / "stderr"
            out.touch()
            err.touch()
            argv = [str(path) if path is not None else "-m" if module else "-c", *args]
            job = dict(env=env, cwd=str(cwd), path=str(path) if path is not None else None, code=code, argv=argv,
                       module=module, stdout=str(out), stderr=str(err), timeout=int(timeout))
            self.proc.stdin.write(json.dumps(job) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
            if not line:
                raise AssertionError(f"the fork server died (exit {self.proc.wait()})")
            return subprocess.CompletedProcess(argv, int(line), out.read_text(), err.read_text())

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(timeout=60)


# Variables a new interpreter (or torch, or libgomp) reads when it starts: a forked child cannot apply them.
STARTUP_PREFIXES = ("PYTHON", "TORCH", "PYTORCH", "OMP_", "MKL_", "KMP_", "GOMP_", "LD_")
_SHARED: list[ForkRunner] = []


def shared_runner() -> ForkRunner:
    """One fork server for the session's one-process runs (run_flagship, judge), started at first use, and
    started again when a start-time variable of this process changed since (an in-process torch.compile sets
    TORCHINDUCTOR_CACHE_DIR in os.environ: without a new server every later run would take a new interpreter)."""
    now = base_env({})
    if not _SHARED or _SHARED[0].proc.poll() is not None or not _SHARED[0].serves(now):
        if _SHARED:
            _SHARED[0].close()
        _SHARED[:] = [ForkRunner(now)]
        atexit.register(_SHARED[0].close)
    return _SHARED[0]


def run_python(env: dict, cwd: Path, args: list[str], timeout: int = HANG_S) -> subprocess.CompletedProcess:
    """`python ARGS` (ARGS: a script path, `-m MODULE` or `-c CODE`, then its arguments) with exactly `env`, in `cwd`:
    as a child of the shared fork server where that is the same as a new interpreter (ForkRunner.serves),
    else as a new interpreter."""
    runner = shared_runner()
    if not runner.serves(env):
        return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=timeout)
    if args[0] == "-m":
        return runner.run(env, cwd, module=args[1], args=tuple(args[2:]), timeout=timeout)
    if args[0] == "-c":
        return runner.run(env, cwd, code=args[1], args=tuple(args[2:]), timeout=timeout)
    return runner.run(env, cwd, path=Path(args[0]), args=tuple(args[1:]), timeout=timeout)
