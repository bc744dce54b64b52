"""A Landlock file-system sandbox for the judge's child process (eval/child.py), entered before record code.

The record's train_gpt.py runs in the child with the judge's uid, so without this it could open any file the
judge can: the val shards by absolute path (a model that looks the next token up in the val stream is causal
in its inputs and passes every probe), or data hidden in uncounted files beside it (the readable copy's
comments, a NOTES.txt). Landlock (Linux >= 5.13, unprivileged) lets a process give up file access for itself
and every process it starts, for good: after `enter`, the child may read only what Python, torch and the GPU
stack need plus the record's counted files, and write only its private temp folder and /dev/shm.

Hand-written with ctypes on purpose: no maintained Python binding is in requirements.txt, and the three
syscalls and two structs are small and stable kernel ABI (linux/landlock.h).

Mode (environment variable PGOLF_SANDBOX, set by `python -m eval --sandbox`): "auto" (default) sandboxes
when the kernel can and otherwise runs without it, saying why; "require" refuses to load the record without
it; "off" runs as before. The status is one string: "landlock abi:N" or "none reason:...".
"""

from __future__ import annotations

import ctypes
import os
import site
import sys
import tempfile
from pathlib import Path

MODE_ENV = "PGOLF_SANDBOX"
MODES = ("auto", "require", "off")
# The host buffers' folder when /dev/shm is too small (eval/port.py makes it before the child starts).
SPILL_ENV = "PGOLF_JUDGE_SPILL"

# linux/landlock.h; the syscall numbers are the same on every architecture that has them (x86_64, arm64)
SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
PR_SET_NO_NEW_PRIVS = 38
EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
REMOVE_DIR, REMOVE_FILE, MAKE_CHAR, MAKE_DIR, MAKE_REG = 1 << 4, 1 << 5, 1 << 6, 1 << 7, 1 << 8
MAKE_SOCK, MAKE_FIFO, MAKE_BLOCK, MAKE_SYM = 1 << 9, 1 << 10, 1 << 11, 1 << 12
REFER, TRUNCATE, IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15  # ABI 2, 3, 5
# Rights that apply to a file (a rule on a file may name only these).
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV


def handled_rights(abi: int) -> int:
    """Every file-system right this ABI knows: each one is denied unless a rule allows it."""
    rights = (1 << 13) - 1  # ABI 1: EXECUTE .. MAKE_SYM
    rights |= REFER if abi >= 2 else 0
    rights |= TRUNCATE if abi >= 3 else 0
    rights |= IOCTL_DEV if abi >= 5 else 0
    return rights


READ = EXECUTE | READ_FILE | READ_DIR  # execute too: triton and inductor run the system's compiler
DEVICES = READ | WRITE_FILE | IOCTL_DEV  # /dev/nvidia*, /dev/null: opened for writing and ioctl'd


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1  # __attribute__((packed)) in linux/landlock.h: 12 bytes
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _libc():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc


def landlock_abi() -> tuple[int, str]:
    """(ABI version, "") when this kernel enforces Landlock, else (0, why not)."""
    if not sys.platform.startswith("linux"):
        return 0, f"not Linux ({sys.platform})"
    try:
        libc = _libc()
    except OSError as exc:
        return 0, f"no libc: {exc}"
    abi = libc.syscall(SYS_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(CREATE_RULESET_VERSION))
    if abi < 1:
        err = ctypes.get_errno()
        why = {38: "the kernel has no Landlock (Linux < 5.13)", 95: "Landlock is disabled at boot (lsm=)"}
        return 0, why.get(err, f"landlock_create_ruleset: {os.strerror(err)}")
    return int(abi), ""


def private_temp() -> str:
    """A fresh temp folder for the child's compile caches (torch inductor, triton) and tempfile, named in its
    environment so whatever it starts uses it too; the sandbox lets it write there only."""
    import atexit
    import shutil

    folder = tempfile.mkdtemp(prefix="pgolf_child_")
    atexit.register(shutil.rmtree, folder, True)  # a killed child leaves it (small: caches only)
    for name in ("TMPDIR", "TORCHINDUCTOR_CACHE_DIR", "TRITON_CACHE_DIR"):
        os.environ[name] = folder
    tempfile.tempdir = folder
    return folder


def _python_dirs() -> list[str]:
    """Where Python, its standard library and installed packages live (never the repository's root, which
    holds data/datasets: eval/ and data/*.py are allowed one by one)."""
    dirs = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    dirs.update(site.getsitepackages() if hasattr(site, "getsitepackages") else [])
    dirs.add(site.getusersitepackages())
    dirs.update(p for p in sys.path if p.rstrip("/").endswith(("site-packages", "dist-packages")))
    return sorted(d for d in dirs if d)


def _repo_rules(repo: Path) -> list[tuple[str, int]]:
    """The judge's own code: eval/ whole; data/'s Python files (and the folder's listing, for imports) but
    not data/datasets or data/tokenizers."""
    rules = [(str(repo / "eval"), READ), (str(repo / "data"), READ_DIR)]
    data = repo / "data"
    rules += [(str(p), READ_FILE) for p in data.glob("*.py")]
    if (data / "__pycache__").is_dir():
        rules.append((str(data / "__pycache__"), READ))
    return rules


def _record_rules(record_dir: str | None, artifact: str | None) -> list[tuple[str, int]]:
    """Read access to the files the judge counts (train_gpt.py, its CODE_FILES, the ARTIFACT_NAME file or the
    --artifact override) and nothing else of the record folder (notes, logs, a second weights file): rules
    name files, since the folder the child gets may be the record folder the judge was asked to judge
    (eval/port.py). The readable copy too, when there is one: the judge's own code in the child compares it
    with the program before running it (eval/record_files.py readable_source), so a record can still read
    it; a judge that hands the child a copy of the counted files only leaves it out (judge.md F14)."""
    if record_dir is None:
        return []
    from eval.record_files import READABLE_NAME, RecordFileError, artifact_name, code_files, script_path
    script = script_path(record_dir)
    files = [str(script), str(Path(record_dir) / READABLE_NAME)]
    try:
        files += [str(p) for p in code_files(script)]
    except (RecordFileError, OSError, ValueError):  # the judge names it itself (a CODE_FILES entry missing)
        pass
    try:
        name = artifact_name(script)
    except (RecordFileError, OSError, ValueError):  # not a literal: unreadable (the checker refuses it too)
        name = None
    if artifact:
        files.append(artifact)
    elif name:
        files.append(str(Path(record_dir) / name))
    return [(f, READ_FILE) for f in files]


def policy(record_dir: str | None, artifact: str | None, temp: str) -> list[tuple[str, int]]:
    """(path, allowed rights) of every rule; whatever no rule names is neither readable nor writable."""
    rules = [(d, READ) for d in ("/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin", "/etc",
                                 "/opt", "/proc", "/sys")]
    rules += [("/dev", DEVICES)]
    rules += [(d, READ) for d in _python_dirs()]
    rules += _repo_rules(Path(__file__).resolve().parent.parent)
    rules += _record_rules(record_dir, artifact)
    everything = handled_rights(99)
    rules += [("/dev/shm", everything), (temp, everything)]
    spill = os.environ.get(SPILL_ENV)
    if spill:
        rules.append((spill, everything))
    return rules


def restrict(rules: list[tuple[str, int]], abi: int) -> None:
    """Apply the rules to this process and its future children, for good (raises OSError on failure)."""
    libc = _libc()
    handled = handled_rights(abi)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:  # Landlock requires it of an unprivileged process
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS)")
    attr = _RulesetAttr(handled)
    ruleset = libc.syscall(SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(ctypes.sizeof(attr)),
                           ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset")
    try:
        for path, rights in rules:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue  # absent here (/lib32, a user site): nothing to allow
            try:
                if not os.path.isdir(path):
                    rights &= FILE_RIGHTS
                rule = _PathBeneathAttr(rights & handled, fd)
                if libc.syscall(SYS_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(RULE_PATH_BENEATH),
                                ctypes.byref(rule), ctypes.c_uint32(0)) != 0:
                    raise OSError(ctypes.get_errno(), f"landlock_add_rule {path}")
            finally:
                os.close(fd)
        if libc.syscall(SYS_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self")
    finally:
        os.close(ruleset)


class SandboxRefused(RuntimeError):
    """--sandbox require on a machine where the child cannot be sandboxed."""


def enter(record_dir: str | None, artifact: str | None, mode: str | None = None) -> str:
    """Sandbox this process (the child, before it imports the record) as `mode` says; the status line.
    Raises SandboxRefused under "require" when the sandbox cannot be entered."""
    mode = mode or os.environ.get(MODE_ENV) or "auto"
    if mode not in MODES:
        raise SandboxRefused(f"{MODE_ENV}={mode!r}: expected one of {', '.join(MODES)}")
    if mode == "off":
        return "none reason:off (--sandbox off)"
    abi, why = landlock_abi()
    if abi:
        try:
            restrict(policy(record_dir, artifact, private_temp()), abi)
            return f"landlock abi:{abi}"
        except OSError as exc:
            why = f"{exc.strerror}: {os.strerror(exc.errno)}" if exc.errno else str(exc)
    if mode == "require":
        raise SandboxRefused(f"--sandbox require: the record's process cannot be sandboxed: {why}")
    return f"none reason:{why}"
