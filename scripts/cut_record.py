"""Cut a frozen record folder from the root train_gpt.py: bake a variant's defaults, run its seeds, package.

    python scripts/cut_record.py ParallelMuon_MUD --set ORTHO=mud \
        --what-changed "MUD instead of NS5 ..." --hardware "CPU (2 cores), tiny config, offline sample" \
        --run-env NUM_LAYERS=2 --run-env MODEL_DIM=64 ... --seeds 1337,42,2025 \
        [--ref records/track_10min_16mb/<date>_ParallelMuon_NS5] [--run-dir DIR] [--leaderboard-claim]
        [--records-root DIR]   # default: the repo's records/ (the tests cut into a temporary folder)

1. Copies the root train_gpt.py with the `--set` values baked in as defaults (validated by the script's
   own Hyperparameters), so the record runs with no env vars: it imports nothing from this repository.
   A `--set PRESET=<name>` is expanded: its table's values are baked as defaults (the other `--set` values
   win) and PRESET is baked back to the empty table, which the README says; the baked copy is then imported
   and must run every `--set` value (with no env, and with the `--run-env` settings), else nothing is run.
2. Runs the seeds of that baked script (eval/runs.py, `--nproc` > 1 uses torchrun) in a staging folder
   with the `--run-env` settings in a clean environment (nothing else of the caller's settings: eval/runs.py
   INHERITED names what a process takes from it, and the README says so), or takes the finished run in `--run-dir` (its train_gpt.py must be the
   baked script and it must hold the train_seed*.log files).
3. Packages the folder with the shared packager (eval/submission.py): submission.json from the logs,
   README.md with the launch commands, the root commit it was cut from, the hardware, and with `--ref`
   the significance test against a reference record (scripts/compare_seeds.py's output).
Every option is checked before the first run (seeds, --nproc, no SEED in --run-env: --seeds sets it, --ref a
record whose logs the comparison reads), so a bad value costs no run and leaves no folder. A failed cut keeps
its staging folder (<track>/.<date>_<name>.run) and writes no record folder; the same command refuses to start
while that folder is there: `--resume` reuses each seed whose log there finished (it has the score and size
lines the packager reads) and runs only the others, `--force` deletes it and runs every seed again.
Exit 0 on success, 1 when a run or the packaging fails, 2 on bad input.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file: make the repo importable

from data.shards import atomic_write_bytes  # noqa: E402
from eval.loader import load_record_module  # noqa: E402
from eval.logs import LogParseError, parse_log, seed_logs, seed_of  # noqa: E402
from eval.runs import (INHERITED, INHERITED_PREFIXES, PATH_SETTINGS, SeedRunError, absolute_paths,  # noqa: E402
                       check_run_env, parse_env_pairs, parse_seeds, run_seeds, seed_log_path,
                       seed_out_dir)
from eval.submission import (PackageError, PackageSpec, bake_defaults, package_record,  # noqa: E402
                             preset_expansion, seed_scores)

STAMP = ".cut_run.json"  # in the staging folder: the run settings its seeds ran with, compared by --resume


def root_commit() -> str:
    """The commit the record is cut from, marked when the working tree differs from it."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    sha = git("rev-parse", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no", "train_gpt.py")
    return sha + (" (train_gpt.py modified since)" if dirty else "")


def env_line(env: dict[str, str]) -> str:
    return " ".join(f"{k}={v}" for k, v in env.items())


def baked_text(settings: dict, expansion: tuple | None) -> str:
    """The README's list of baked defaults; a PRESET with a table (eval/submission.preset_expansion) is said
    to be expanded, as the record's own PRESET is the neutral one and its hp:PRESET lines say so."""
    shown = [f"`{k}={v}`" for k, v in settings.items() if expansion is None or k != "PRESET"]
    if expansion is not None:
        preset, neutral, from_table = expansion
        shown.insert(0, f"`PRESET={preset}` (expanded into its {len(from_table)} values, baked as defaults, "
                     f"and PRESET baked back to {neutral}, the empty table; the values named here win over "
                     "the preset's)")
    return ", ".join(shown) or "none"


def readme_sections(args, settings: dict, run_env: dict, seeds: list[int], significance: str, variant: str,
                    expansion: tuple | None = None) -> dict:
    """variant: the downloader's FineWeb variant the baked defaults read (sp1024, sp8192, CaseOps); expansion:
    the baked PRESET's (eval/submission.preset_expansion)."""
    baked = baked_text(settings, expansion)
    shown_env = {k: (str(Path(v).relative_to(ROOT)) if k in PATH_SETTINGS and Path(v).is_relative_to(ROOT) else v)
                 for k, v in run_env.items()}
    seeds_csv = ",".join(str(s) for s in seeds)
    inherited = ", ".join(INHERITED) + ", " + ", ".join(p + "*" for p in INHERITED_PREFIXES)
    env_flags = " ".join(f"--env {k}={v}" for k, v in shown_env.items())
    # run_seeds gave each seed its own OUT_DIR (final_state.pt and artifact kept apart): the logs' hp:OUT_DIR
    run_env_text = env_line({"OUT_DIR": seed_out_dir(shown_env, "<seed>"),
                             **{k: v for k, v in shown_env.items() if k != "OUT_DIR"}})
    how = f"""From inside this folder, the configuration it was built for (8xH100, FineWeb {variant} downloaded by
`python data/cached_challenge_fineweb.py --variant {variant}`; point DATA_PATH/TOKENIZER_PATH at it):

```
SEED=1337 torchrun --standalone --nproc_per_node=8 train_gpt.py
```

The logs here were made with these settings on top of the baked defaults and nothing else (run from the
repository root; each run's environment held only these and, from the caller's, {inherited}):

```
env -i PATH="$PATH" HOME="$HOME" SEED=<seed> {run_env_text} \\
  python {args.out_parent}/<this folder>/train_gpt.py
```

All {len(seeds)} seeds: `python scripts/run_seeds.py <this folder> --seeds {seeds_csv} {env_flags}`
(then `python scripts/check_submission.py <this folder>`)."""
    changed = f"""{args.what_changed}

- Cut from the root `train_gpt.py` at commit `{root_commit()}` by `scripts/cut_record.py`; the root
  script keeps evolving, this copy does not.
- Defaults baked into this copy: {baked}. It imports nothing from the repository.
- Logs: {args.hardware}. {args.measured_note}"""
    return {"how_to_run": how, "what_changed": changed, "significance": significance}


def significance_text(new: Path, ref: Path | None) -> str:
    """compare_seeds.py's table and Welch test of `new` against `ref`, paths shown relative to the repo."""
    if ref is None:
        return "This is the reference record of its family (no comparison)."
    rel = lambda p: str(p.resolve().relative_to(ROOT)) if p.resolve().is_relative_to(ROOT) else str(p)
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "compare_seeds.py"), rel(new), "--ref", rel(ref)],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode not in (0, 1):
        raise PackageError(f"compare_seeds failed: {out.stderr.strip()}")
    return f"Against `{ref.name}` (`python scripts/compare_seeds.py <this folder> --ref {ref}`):\n\n```\n{out.stdout.strip()}\n```"


def check_ref(ref: Path, n_new: int) -> None:
    """Before any run: --ref must be a record folder whose seed logs compare_seeds reads, and the new record
    needs 2 seeds for its Welch test; ValueError naming --ref."""
    if not ref.is_dir():
        raise ValueError(f"--ref {ref}: not a folder")
    logs = seed_logs(ref)
    if not logs:
        raise ValueError(f"--ref {ref}: no train_seed*.log to compare with")
    try:
        seed_scores([parse_log(p) for p in logs])
    except LogParseError as exc:
        raise ValueError(f"--ref {ref}: {exc}") from None
    if n_new < 2:
        raise ValueError(f"--ref {ref}: the significance test needs 2 or more new seeds (--seeds), "
                         f"got {n_new}")


def finished_seeds(staging: Path, seeds: list[int]) -> list[int]:
    """The seeds whose train_seed<S>.log in staging finished: it has the score and size lines the packager
    reads (run_seeds names a log train_seed<S>.log only when its run exited 0)."""
    done = []
    for seed in seeds:
        log = seed_log_path(staging, seed)
        if log.is_file():
            summary = parse_log(log)
            if summary.headline() is not None and summary.size is not None:
                done.append(seed)
    return done


def staged_seeds(staging: Path, baked: str, stamp: dict, seeds: list[int], resume: bool,
                 force: bool) -> list[int] | None:
    """The seeds a kept staging folder already finished and this cut reuses (None: start afresh); ValueError
    naming the folder when it is there and neither --resume nor --force says what to do with it."""
    if not staging.exists() or (force and not resume):
        return None
    csv = lambda xs: ",".join(str(x) for x in xs) or "none"  # noqa: E731
    done = finished_seeds(staging, seeds)
    if not resume:
        raise ValueError(f"{staging}: staging folder kept by an earlier cut (finished seeds there: "
                         f"{csv(done)}); pass --resume to reuse them and run only the others, or --force to "
                         "delete it and start over")
    again = "; pass --force to delete it and start over"
    if not (staging / "train_gpt.py").is_file() or (staging / "train_gpt.py").read_text() != baked:
        raise ValueError(f"--resume: {staging}/train_gpt.py is not the root script with these --set values "
                         f"baked in{again}")
    try:
        before = json.loads((staging / STAMP).read_text())
    except (OSError, ValueError):
        before = None
    if before != stamp:  # finished seeds of other settings would be packaged as one record with the rest
        if not isinstance(before, dict):
            raise ValueError(f"--resume: {staging}/{STAMP}: missing or unreadable, so the settings of its "
                             f"runs are unknown{again}")
        old_env, new_env = before.get("run_env") or {}, stamp["run_env"]
        differ = sorted(k for k in {*old_env, *new_env} if old_env.get(k) != new_env.get(k))
        differ = [f"--run-env {k}" for k in differ]
        if before.get("nproc") != stamp["nproc"]:
            differ.append("--nproc")
        raise ValueError(f"--resume: {staging} ran with other settings ({', '.join(differ) or 'unknown'})"
                         + again)
    others = [p.name for p in seed_logs(staging) if seed_of(p) not in seeds]
    if others:  # the packager takes every train_seed*.log of the folder
        raise ValueError(f"--resume: {staging} holds logs of seeds not in --seeds ({', '.join(others)}): "
                         "add them to --seeds or remove them")
    return done


def write_significance(record: Path, ref: Path | None) -> None:
    """Fill the README's Significance section from the packaged folder's own logs."""
    readme = record / "README.md"
    head, _ = readme.read_text().split("## Significance", 1)
    atomic_write_bytes(readme, (head + "## Significance\n\n" + significance_text(record, ref) + "\n").encode())


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("name", help="record name, e.g. ParallelMuon_MUD (folder <date>_<name>)")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="default to bake in")
    p.add_argument("--run-env", action="append", default=[], metavar="KEY=VALUE", help="env of the logged runs")
    p.add_argument("--seeds", default="1337,42,2025")
    p.add_argument("--nproc", type=int, default=1)
    p.add_argument("--run-dir", type=Path, help="a finished run of the baked script (skip running seeds)")
    p.add_argument("--what-changed", required=True)
    p.add_argument("--measured-note", default="", help="extra sentence on what was measured")
    p.add_argument("--hardware", required=True)
    p.add_argument("--leaderboard-claim", action="store_true")
    p.add_argument("--ref", type=Path, help="reference record folder for the significance test")
    p.add_argument("--track", default="track_10min_16mb")
    p.add_argument("--records-root", type=Path, default=ROOT / "records", help="where the track folders are")
    p.add_argument("--date", default=_dt.datetime.now(_dt.timezone.utc).date().isoformat())
    p.add_argument("--author", default="Parameter Golf toolkit")
    p.add_argument("--github-id", default="parameter-golf-toolkit")
    p.add_argument("--blurb", help="one line for submission.json (default: the first sentence of --what-changed)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing record folder; without --resume also delete a kept staging "
                   "folder")
    p.add_argument("--resume", action="store_true",
                   help="reuse the finished seeds of the staging folder a failed cut kept; run only the "
                   "others")
    args = p.parse_args(argv)
    for what, value in (("name", args.name), ("--track", args.track), ("--date", args.date)):
        if not re.fullmatch(r"[A-Za-z0-9][\w.-]*", value, re.A) or ".." in value:  # it names the folder
            print(f"error: {what} {value!r} is not a plain name (ASCII letters, digits, _ . -; no '/' or '..')",
                  file=sys.stderr)
            return 2
    parent = args.records_root.resolve() / args.track  # the README's run command names it from the repo root
    args.out_parent = str(parent.relative_to(ROOT)) if parent.is_relative_to(ROOT) else str(parent)
    out = parent / f"{args.date}_{args.name}"
    staging = args.run_dir or out.parent / f".{out.name}.run"
    try:  # every option before anything is run or written
        settings = parse_env_pairs(args.set, "--set")
        run_env = check_run_env(parse_env_pairs(args.run_env, "--run-env"), "--run-env")
        seeds = parse_seeds(args.seeds)
        if args.nproc < 1:
            raise ValueError(f"--nproc {args.nproc}: must be >= 1")
        if args.run_dir is not None and args.resume:
            raise ValueError("--resume reuses the staging folder of a failed cut; --run-dir has none")
        if args.run_dir is not None and not args.run_dir.is_dir():
            raise ValueError(f"--run-dir {args.run_dir}: not a folder")
        if args.ref is not None:
            check_ref(args.ref, len(seed_logs(args.run_dir)) if args.run_dir else len(seeds))
        run_env = absolute_paths(run_env, ROOT)  # the run's cwd is the staging folder
        hp_class = load_record_module(ROOT / "train_gpt.py").Hyperparameters
        # the check that the record runs these values: with no env and with the env its seeds get
        baked = bake_defaults((ROOT / "train_gpt.py").read_text(), settings, hp_class, run_env)
        expansion = preset_expansion(settings, hp_class)
        baked_hp = hp_class.from_env(settings)
        # the downloader's variant of the data the baked defaults point at (fineweb10B_<variant>: CaseOps for
        # the frontier preset), else the plain export of the vocabulary
        folder = Path(baked_hp.run.data_path).name
        variant = folder[len("fineweb10B_"):] if folder.startswith("fineweb10B_") else f"sp{baked_hp.model.vocab_size}"
        if out.exists() and not args.force:
            raise ValueError(f"{out}: already exists (pass --force)")
        stamp = {"run_env": run_env, "nproc": args.nproc}
        reused = None if args.run_dir else staged_seeds(staging, baked, stamp, seeds, args.resume, args.force)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    packaged = False
    try:
        if args.run_dir is None:
            if reused is None:  # a folder still here was named by --force: its runs are not wanted
                shutil.rmtree(staging, ignore_errors=True)
                staging.mkdir(parents=True)
                atomic_write_bytes(staging / "train_gpt.py", baked.encode())
                atomic_write_bytes(staging / STAMP, json.dumps(stamp, indent=1).encode())
            todo = [s for s in seeds if s not in (reused or [])]
            if reused is not None:
                print(f"cut_record resume:{staging} reused:{','.join(map(str, reused)) or '-'} "
                      f"to_run:{','.join(map(str, todo)) or '-'}")
            if todo:  # a reused folder may hold an unfinished log of a seed to run again: replaced
                run_seeds(staging, todo, nproc=args.nproc, env_extra=run_env, cwd=staging, force=True)
        elif (staging / "train_gpt.py").read_text() != baked:
            raise PackageError(f"{staging}/train_gpt.py is not the root script with {settings} baked in")
        sections = readme_sections(args, settings, run_env, seeds, "(written below once the folder exists)",
                                   variant, expansion)
        package_record(PackageSpec(run_dir=staging, out_dir=out, name=args.name, author=args.author,
                                   github_id=args.github_id, blurb=args.blurb or args.what_changed.split(". ")[0],
                                   hardware=args.hardware, leaderboard_claim=args.leaderboard_claim,
                                   date=args.date, force=args.force, readme_sections=sections))
        packaged = True
        write_significance(out, args.ref)
    except (SeedRunError, ValueError, OSError) as exc:  # PackageError is a ValueError
        if packaged:  # no record folder with a placeholder where its significance test belongs
            shutil.rmtree(out, ignore_errors=True)
        kept = (f"run folder {staging} unchanged" if args.run_dir else
                f"staging folder kept: {staging}; the same command with --resume reuses its finished seeds"
                if staging.exists() else "no staging folder left")
        print(f"error: {exc} ({f'record folder {out} removed; ' if packaged else ''}{kept})", file=sys.stderr)
        return 1
    if args.run_dir is None:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"record:{out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
