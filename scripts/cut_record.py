"""Cut a frozen record folder from the root train_gpt.py: bake a variant's defaults, run its seeds, package.

    python scripts/cut_record.py ParallelMuon_MUD --set ORTHO=mud \
        --what-changed "MUD instead of NS5 ..." --hardware "CPU (2 cores), tiny config, offline sample" \
        --run-env NUM_LAYERS=2 --run-env MODEL_DIM=64 ... --seeds 1337,42,2025 \
        [--ref records/track_10min_16mb/<date>_ParallelMuon_NS5] [--run-dir DIR] [--leaderboard-claim]
        [--records-root DIR]   # default: the repo's records/ (the tests cut into a temporary folder)

1. Copies the root train_gpt.py with the `--set` values baked in as defaults (validated by the script's
   own Hyperparameters), so the record runs with no env vars: it imports nothing from this repository.
2. Runs the seeds of that baked script (eval/runs.py, `--nproc` > 1 uses torchrun) in a staging folder
   with the `--run-env` settings in a clean environment (nothing else of the caller's settings: eval/runs.py
   INHERITED names what a process takes from it, and the README says so), or takes the finished run in `--run-dir` (its train_gpt.py must be the
   baked script and it must hold the train_seed*.log files).
3. Packages the folder with the shared packager (eval/submission.py): submission.json from the logs,
   README.md with the launch commands, the root commit it was cut from, the hardware, and with `--ref`
   the significance test against a reference record (scripts/compare_seeds.py's output).
Exit 0 on success, 1 when a run or the packaging fails, 2 on bad input.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file: make the repo importable

from data.shards import atomic_write_bytes  # noqa: E402
from eval.loader import load_record_module  # noqa: E402
from eval.runs import (INHERITED, INHERITED_PREFIXES, PATH_SETTINGS, SeedRunError, absolute_paths,  # noqa: E402
                       parse_env_pairs, run_seeds)
from eval.submission import PackageError, PackageSpec, bake_defaults, package_record  # noqa: E402


def root_commit() -> str:
    """The commit the record is cut from, marked when the working tree differs from it."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    sha = git("rev-parse", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no", "train_gpt.py")
    return sha + (" (train_gpt.py modified since)" if dirty else "")


def env_line(env: dict[str, str]) -> str:
    return " ".join(f"{k}={v}" for k, v in env.items())


def readme_sections(args, settings: dict, run_env: dict, seeds: list[int], significance: str, variant: str) -> dict:
    """variant: the downloader's FineWeb variant the baked defaults read (sp1024, sp8192, CaseOps)."""
    baked = ", ".join(f"`{k}={v}`" for k, v in settings.items()) or "none"
    shown_env = {k: (str(Path(v).relative_to(ROOT)) if k in PATH_SETTINGS and Path(v).is_relative_to(ROOT) else v)
                 for k, v in run_env.items()}
    seeds_csv = ",".join(str(s) for s in seeds)
    inherited = ", ".join(INHERITED) + ", " + ", ".join(p + "*" for p in INHERITED_PREFIXES)
    env_flags = " ".join(f"--env {k}={v}" for k, v in shown_env.items())
    how = f"""From inside this folder, the configuration it was built for (8xH100, FineWeb {variant} downloaded by
`python data/cached_challenge_fineweb.py --variant {variant}`; point DATA_PATH/TOKENIZER_PATH at it):

```
SEED=1337 torchrun --standalone --nproc_per_node=8 train_gpt.py
```

The logs here were made with these settings on top of the baked defaults and nothing else (run from the
repository root; each run's environment held only these and, from the caller's, {inherited}):

```
env -i PATH="$PATH" HOME="$HOME" SEED=<seed> {env_line(shown_env)} \\
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
    p.add_argument("--force", action="store_true", help="replace an existing record folder")
    args = p.parse_args(argv)
    for what, value in (("name", args.name), ("--track", args.track), ("--date", args.date)):
        if not re.fullmatch(r"[A-Za-z0-9][\w.-]*", value, re.A) or ".." in value:  # it names the folder
            print(f"error: {what} {value!r} is not a plain name (ASCII letters, digits, _ . -; no '/' or '..')",
                  file=sys.stderr)
            return 2
    parent = args.records_root.resolve() / args.track  # the README's run command names it from the repo root
    args.out_parent = str(parent.relative_to(ROOT)) if parent.is_relative_to(ROOT) else str(parent)
    try:
        settings, run_env = parse_env_pairs(args.set), parse_env_pairs(args.run_env)
        seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
        run_env = absolute_paths(run_env, ROOT)  # the run's cwd is the staging folder
        hp_class = load_record_module(ROOT / "train_gpt.py").Hyperparameters
        baked = bake_defaults((ROOT / "train_gpt.py").read_text(), settings, hp_class)
        baked_hp = hp_class.from_env(settings)
        # the downloader's variant of the data the baked defaults point at (fineweb10B_<variant>: CaseOps for
        # the frontier preset), else the plain export of the vocabulary
        folder = Path(baked_hp.run.data_path).name
        variant = folder[len("fineweb10B_"):] if folder.startswith("fineweb10B_") else f"sp{baked_hp.model.vocab_size}"
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = parent / f"{args.date}_{args.name}"
    if out.exists() and not args.force:
        print(f"error: {out}: already exists (pass --force)", file=sys.stderr)
        return 2
    staging = args.run_dir or out.parent / f".{out.name}.run"
    try:
        if args.run_dir is None:
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
            atomic_write_bytes(staging / "train_gpt.py", baked.encode())
            run_seeds(staging, seeds, nproc=args.nproc, env_extra=run_env, cwd=staging)
        elif (staging / "train_gpt.py").read_text() != baked:
            raise PackageError(f"{staging}/train_gpt.py is not the root script with {settings} baked in")
        sections = readme_sections(args, settings, run_env, seeds, "(written below once the folder exists)",
                                   variant)
        package_record(PackageSpec(run_dir=staging, out_dir=out, name=args.name, author=args.author,
                                   github_id=args.github_id, blurb=args.blurb or args.what_changed.split(". ")[0],
                                   hardware=args.hardware, leaderboard_claim=args.leaderboard_claim,
                                   date=args.date, force=args.force, readme_sections=sections))
        write_significance(out, args.ref)
    except (SeedRunError, PackageError, OSError) as exc:
        print(f"error: {exc} (staging folder kept: {staging})", file=sys.stderr)
        return 1
    if args.run_dir is None:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"record:{out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
