"""Run a record's train_gpt.py once per seed, teeing its output into <record>/train_seed<S>.log.

Each run gets a clean environment (`seed_env`: SEED=<s>, the given settings, and from the caller only what
a process needs to start, INHERITED below: never a setting) and runs under torchrun
(`python -m torch.distributed.run --standalone --nproc_per_node=N`) or, for N = 1, plain python.
While a run is in flight its log is `train_seed<S>.log.partial`; it becomes `train_seed<S>.log`
only when the run exits 0, and `train_seed<S>.log.failed` otherwise (a run that cannot start leaves
no log), so a seed log on disk is always a finished run. Each seed writes its outputs (the flagship's
logs/, final_state.pt, artifact) to its own OUT_DIR, `seed<S>` below the given OUT_DIR (default: the run's
cwd): in one folder only the last seed's final_state.pt and artifact were left. The seeds, --nproc, --cwd
and the settings (no SEED: --seeds sets it) are checked before the first run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from eval.record_files import script_path


class SeedRunError(RuntimeError):
    """A seed run that failed, or one that would overwrite a log; the message names the file."""


def seed_log_path(record_dir: str | Path, seed: int) -> Path:
    return Path(record_dir) / f"train_seed{seed}.log"


def seed_command(script: Path, nproc: int, python: str = sys.executable) -> list[str]:
    if nproc < 1:
        raise ValueError(f"--nproc must be >= 1, got {nproc}")
    if nproc == 1:
        return [python, str(script)]
    return [python, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={nproc}",
            str(script)]


def parse_env_pairs(pairs: list[str], option: str = "--env") -> dict[str, str]:
    """KEY=VALUE strings -> dict; an entry without '=' is an error naming it and its option."""
    env = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"{option} {pair!r}: expected KEY=VALUE")
        env[key] = value
    return env


# Seeds a run accepts: the flagship hands SEED to torch.manual_seed, which takes a 64-bit integer; the
# non-negative int64 range is safe everywhere (numpy, CUDA generators) and names a file train_seed<S>.log.
SEED_LIMIT = 2**63


def check_seeds(seeds: list[int]) -> list[int]:
    """seeds, or ValueError naming --seeds: empty, not an int, outside [0, 2**63), or repeated (a repeat
    would run twice into one log). Checked before the first run, so a bad seed costs no finished run."""
    if not seeds:
        raise ValueError("--seeds: no seeds given")
    for seed in seeds:
        if type(seed) is not int or not 0 <= seed < SEED_LIMIT:
            raise ValueError(f"--seeds: seed {seed!r} is not an integer in [0, 2**63)")
    repeated = sorted({s for s in seeds if seeds.count(s) > 1})
    if repeated:
        raise ValueError(f"--seeds: seed {repeated[0]} is given twice")
    return seeds


def parse_seeds(text: str) -> list[int]:
    """'1337,42,2025' -> [1337, 42, 2025]; ValueError naming --seeds and the bad entry."""
    seeds = []
    for part in text.split(","):
        if not part.strip():
            continue
        try:
            seeds.append(int(part))
        except ValueError:
            raise ValueError(f"--seeds {text!r}: {part.strip()!r} is not an integer") from None
    return check_seeds(seeds)


def check_run_env(env: dict[str, str], option: str = "--env") -> dict[str, str]:
    """env, or ValueError when it sets SEED: each run's SEED comes from --seeds (seed_env would override a
    SEED here, and a README that printed it would reproduce another seed)."""
    if "SEED" in env:
        raise ValueError(f"{option} SEED={env['SEED']}: a run's seed is set by --seeds, not {option}")
    return env


PATH_SETTINGS = ("DATA_PATH", "TOKENIZER_PATH")  # settings that name files

# What a seed run takes from the caller's environment: what the interpreter, torch, torchrun and the GPU need to
# start and run (search paths, locale, threads, devices, compiler caches, coverage of the tests' subprocesses),
# never a setting of the script, so a record's README can say exactly what its runs were given (issue 26, 8).
INHERITED = ("PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "PYTHONPATH", "VIRTUAL_ENV", "LD_LIBRARY_PATH",
             "COVERAGE_PROCESS_START")
INHERITED_PREFIXES = ("OMP_", "MKL_", "CUDA_", "NCCL_", "TORCH_", "TORCHINDUCTOR_", "PYTORCH_", "TRITON_")


def seed_env(env_extra: dict[str, str], seed: int, caller: dict[str, str] | None = None) -> dict[str, str]:
    """A seed run's whole environment: INHERITED names from the caller, then env_extra, then SEED."""
    caller = os.environ if caller is None else caller
    kept = {k: v for k, v in caller.items() if k in INHERITED or k.startswith(INHERITED_PREFIXES)}
    return {**kept, **env_extra, "SEED": str(seed)}


def seed_out_dir(env_extra: dict[str, str], seed: int | str) -> str:
    """A seed run's OUT_DIR: `seed<S>` below the OUT_DIR given (relative to the run's cwd, as OUT_DIR is),
    so no seed's final_state.pt or artifact replaces another's (probe R4)."""
    return str(Path(env_extra.get("OUT_DIR") or ".") / f"seed{seed}")


def absolute_paths(env: dict[str, str], root: Path) -> dict[str, str]:
    """env with its relative data paths made absolute from root (the runs start in other folders)."""
    return {k: (str((root / v).resolve()) if k in PATH_SETTINGS else v) for k, v in env.items()}


def tee_run(cmd: list[str], env: dict, cwd: Path, log_path: Path, echo=None) -> int:
    """Run cmd, copying its stdout+stderr to `echo` (default: the current sys.stdout) and to
    log_path as it comes; return its exit code."""
    echo = echo or sys.stdout
    with open(log_path, "wb") as log, subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    ) as proc:
        for chunk in iter(proc.stdout.readline, b""):
            log.write(chunk)
            log.flush()
            echo.write(chunk.decode("utf-8", errors="replace"))
            echo.flush()
        return proc.wait()


def run_seeds(record_dir: str | Path, seeds: list[int], nproc: int = 1, env_extra: dict | None = None,
              cwd: str | Path | None = None, force: bool = False, echo=None) -> list[Path]:
    """Run every seed in order, each with its own OUT_DIR (seed_out_dir); stop at the first failure
    (SeedRunError). Returns the log paths. Without `force`, an existing log or a seed folder holding files is
    a SeedRunError, before the first run.
    Bad arguments (seeds, nproc, SEED in env_extra, a cwd that is not a folder) are a ValueError naming the
    option, raised before anything is written."""
    record = Path(record_dir)
    check_seeds(seeds)
    check_run_env(env_extra or {})
    script = script_path(record).resolve()
    cmd = seed_command(script, nproc)
    if cwd is not None and not Path(cwd).is_dir():
        raise ValueError(f"--cwd {cwd}: not a folder")
    if not script.is_file():
        raise SeedRunError(f"{script}: record script not found")
    run_cwd = Path(cwd) if cwd else Path.cwd()
    outs = {s: seed_out_dir(env_extra or {}, s) for s in seeds}
    existing = [str(seed_log_path(record, s)) for s in seeds if seed_log_path(record, s).exists()]
    held = [run_cwd / o for o in outs.values() if (run_cwd / o).is_dir() and any((run_cwd / o).iterdir())]
    existing += [str(o) for o in held]
    if existing and not force:  # a seed folder that holds files holds another run's weights and artifact
        raise SeedRunError(f"would overwrite {existing} (pass --force)")
    echo = echo or sys.stdout  # resolved now, not at import: callers may have redirected it
    done = []
    for seed in seeds:
        final = seed_log_path(record, seed)
        partial = final.with_name(final.name + ".partial")
        env = {**seed_env(env_extra or {}, seed), "OUT_DIR": outs[seed]}
        echo.write(f"run_seed seed:{seed} cmd:{' '.join(cmd)} log:{final} out_dir:{run_cwd / outs[seed]}\n")
        echo.flush()
        failed = final.with_name(final.name + ".failed")
        try:
            rc = tee_run(cmd, env, run_cwd, partial, echo)
        except BaseException as exc:  # the run could not start, or was interrupted: no .partial left behind
            kept = _set_aside(partial, failed)
            if not isinstance(exc, OSError):
                raise
            raise SeedRunError(f"seed {seed}: {' '.join(cmd)}: {exc}"
                               + (f"; log kept at {failed}" if kept else "")) from None
        if rc != 0:
            os.replace(partial, failed)
            raise SeedRunError(f"seed {seed}: {' '.join(cmd)} exited with code {rc}; log kept at {failed}")
        os.replace(partial, final)
        done.append(final)
    return done


def _set_aside(partial: Path, failed: Path) -> bool:
    """An unfinished run's log: kept as .failed when it holds output, else removed. True when kept."""
    try:
        if partial.stat().st_size > 0:
            os.replace(partial, failed)
            return True
        partial.unlink()
    except FileNotFoundError:
        pass
    return False
