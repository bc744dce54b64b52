"""What every benchmark under scripts/ shares: the facts beside its figures and the one results writer.

A benchmark's raw results are one JSON file (committed under results/, named by what and where, e.g.
results/gpu_cost_2026-12-05_cpu.json). `run_facts()` gives the keys every such file starts with (what ran,
when, the command, the device and machine, torch / CUDA / Python and the other packages the figures depend
on, the git commit); `write_results()` checks them and the path, and writes the file whole (a temp file
beside it, then a rename): a reader never sees half a report, and a benchmark that writes after each stage
leaves every finished stage's figures behind when a later one fails.

Also here because two benchmarks need them: the challenge's val target count and the text patches that let
the public 2026-03-23 record's script run on one GPU without flash-attn (gpu_check.py, bench_gpu_cost.py).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a file: make the repo importable

from data.shards import atomic_write_bytes  # noqa: E402

RESULTS = ROOT / "results"
FINEWEB_VAL_TARGETS = 62_021_632  # /work/shared/reference/challenge_facts.md: sp1024 val targets
# The keys write_results() refuses to write without: a figure means nothing without them.
FACTS = ("what", "date", "command", "device", "torch", "python", "machine")


class ResultsError(ValueError):
    """A results file that cannot be written as asked (bad path, missing facts); the message names it."""


# --------------------------------------------------------------------------------------- where it ran


def device_name(device=None) -> str:
    """"cpu", or the CUDA device's name (e.g. "NVIDIA H100 80GB HBM3") for a cuda device (default: the
    current one when CUDA is available)."""
    import torch

    kind = str(device) if device is not None else ("cuda" if torch.cuda.is_available() else "cpu")
    if kind.startswith("cuda"):
        return torch.cuda.get_device_name(torch.device(kind))
    return kind


def slug(text: str) -> str:
    """A file-name piece: lower case, other characters as one dash ("NVIDIA H100" -> "nvidia-h100")."""
    return re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-")


def machine() -> dict:
    """The host: CPU model (from /proc/cpuinfo where there is one), core count, OS / platform string."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "platform": platform.platform(), "arch": platform.machine()}


def package_version(name: str) -> str | None:
    """An installed distribution's version, None when it is not installed (a figure may not need it)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def git_head() -> str | None:
    """The commit the code ran at (None outside a git checkout, e.g. a device machine's copy)."""
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def command_line(script: str | Path, argv=None) -> str:
    """The command that reproduces the run, from the repo root: `python scripts/X.py ARGS` (argv: what main()
    was given; None: this process's own arguments)."""
    args = list(sys.argv[1:] if argv is None else argv)
    script = Path(script).resolve()
    where = script.relative_to(ROOT) if script.is_relative_to(ROOT) else script
    return shlex.join(["python", str(where), *map(str, args)])


def run_facts(what: str, script: str | Path, argv=None, device=None, packages=()) -> dict:
    """The keys every results file starts with. `what`: one line on what was measured; `script`: the
    benchmark's file (its __file__); `argv`: what its main() was given; `device`: where the figures were
    measured (a torch.device or "cpu"/"cuda..."; default the current CUDA device, else cpu); `packages`:
    distributions whose versions the figures depend on beyond torch and numpy."""
    import numpy
    import torch

    return {
        "what": what,
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "command": command_line(script, argv),
        "argv": list(sys.argv[1:] if argv is None else argv),
        "device": device_name(device),
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "packages": {name: package_version(name) for name in packages},
        "torch_threads": torch.get_num_threads(),
        "machine": machine(),
        "git_head": git_head(),
    }


# --------------------------------------------------------------------------------------- the file


def results_path(*parts: str) -> Path:
    """results/<parts joined by _>.json: the default place of a benchmark's committed results."""
    return RESULTS / ("_".join(p for p in parts if p) + ".json")


def check_results_path(path: str | Path) -> Path:
    """`path` as a Path if a results file can be written there, else ResultsError naming it: the name must end
    in .json, no folder may sit at it, and no file where one of its parent folders would be."""
    path = Path(path)
    if path.suffix != ".json":
        raise ResultsError(f"{path}: a results file is JSON and must end in .json")
    if path.is_dir():
        raise ResultsError(f"{path}: is a folder, not a results file")
    blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise ResultsError(f"{path}: cannot be written, {blocker} is a file, not a folder")
    return path


def results_arg(text: str) -> Path:
    """argparse type of an --out results file: a bad path stops the command line at once (exit 2, the reason
    named), not after the benchmark ran."""
    import argparse

    try:
        return check_results_path(text)
    except ResultsError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def write_results(path: str | Path, report: dict, started: float | None = None) -> Path:
    """Write `report` (it must hold run_facts()' keys) as JSON to `path`, whole or not at all; with `started`
    (a time.monotonic() value), report["wall_s"] is set to the seconds since. Returns the path.

    Refused with ResultsError naming the path, before anything is written: a name not ending in .json, a
    folder in the way, a parent that is a file, a report without the facts, a value JSON cannot hold. An
    OSError while writing names the path too, and leaves no temp file and any earlier file untouched."""
    path = check_results_path(path)
    missing = [key for key in FACTS if key not in report]
    if missing:
        raise ResultsError(f"{path}: the report lacks {', '.join(missing)} (start it with run_facts())")
    if started is not None:
        report["wall_s"] = round(time.monotonic() - started, 1)
    try:
        text = json.dumps(report, indent=1, ensure_ascii=False) + "\n"
    except (TypeError, ValueError) as exc:
        raise ResultsError(f"{path}: the report is not JSON ({exc})") from None
    try:
        atomic_write_bytes(path, text.encode("utf-8"))
    except OSError as exc:
        raise OSError(exc.errno, f"{path}: results not written ({exc.strerror or exc})") from exc
    return path


# --------------------------------------------------------------------------------------- the public script


# patch_public: (what, anchor in the public 2026-03-23 script, replacement); each anchor must occur once.
PUBLIC_PATCHES = (
    ("FA3 -> SDPA (causal, GQA): the device has no flash-attn",
     "from flash_attn_interface import flash_attn_func as flash_attn_3_func",
     "def flash_attn_3_func(q, k, v, causal=False):  # gpu_check: SDPA in place of FA3\n"
     "    return F.scaled_dot_product_attention(q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2),\n"
     "                                          is_causal=causal, enable_gqa=True).transpose(1, 2)"),
    ("grad accumulation from GRAD_ACCUM_STEPS: 1 = one rank's share of the 8-GPU step",
     "grad_accum_steps = 8 // world_size",
     "grad_accum_steps = int(os.environ.get('GRAD_ACCUM_STEPS', 8 // world_size))"),
    ("SDPA's math backend allowed as a fallback (the script allowed only the flash backend)",
     "enable_math_sdp(False)", "enable_math_sdp(True)"),
)


class PatchError(ValueError):
    pass


def patch_public(text: str, patches=PUBLIC_PATCHES) -> tuple[str, list[str]]:
    """The public script with `patches` (default PUBLIC_PATCHES, the 03-23 record's) applied; (new text, what
    changed). PatchError names a missing anchor. scripts/bench_gpu_cost.py passes the 04-27 record's."""
    done = []
    for what, anchor, replacement in patches:
        if text.count(anchor) != 1:
            raise PatchError(f"public script: expected the line {anchor!r} exactly once, "
                             f"found {text.count(anchor)}")
        text = text.replace(anchor, replacement)
        done.append(what)
    return text, done
