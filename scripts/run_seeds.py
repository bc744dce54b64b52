"""Run N seeds of a record, saving each run's output as <record>/train_seed<S>.log.

    python scripts/run_seeds.py RECORD_DIR --seeds 1337,42,2025 --nproc 8 [--env KEY=VALUE ...]

Each run gets SEED=<s> and the --env pairs in a clean environment: from the caller's only what a process
needs to start (PATH, HOME, PYTHONPATH, OMP_*, CUDA_*, NCCL_*, TORCH_*, ...: eval/runs.py INHERITED), never
a setting exported in the shell. SEED itself is refused in --env: --seeds sets it. Under torchrun (plain
python for --nproc 1). Each seed's outputs (logs/, final_state.pt, the artifact) go to its own OUT_DIR,
<OUT_DIR or the run's folder>/seed<S>. Exit 0 when every seed finished, 1 at the first failed run (its log
is kept as train_seed<S>.log.failed), 2 for bad arguments (checked before the first run; the message names
the option). Logic: eval/runs.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a file: make the repo importable

from eval.runs import SeedRunError, parse_env_pairs, parse_seeds, run_seeds  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("record_dir", type=Path, help="folder holding train_gpt.py (logs are written here)")
    p.add_argument("--seeds", default="1337,42,2025", help="comma-separated integers in [0, 2**63)")
    p.add_argument("--nproc", type=int, default=1, help="processes per node (torchrun when > 1)")
    p.add_argument("--env", action="append", default=[], metavar="KEY=VALUE",
                   help="a setting for every run (repeatable); nothing else of the caller's settings reaches it")
    p.add_argument("--cwd", type=Path, help="working directory of the runs (default: current)")
    p.add_argument("--force", action="store_true",
                   help="overwrite existing train_seed*.log files and seed<S>/ folders")
    args = p.parse_args(argv)
    try:
        seeds, env = parse_seeds(args.seeds), parse_env_pairs(args.env)
        logs = run_seeds(args.record_dir, seeds, args.nproc, env, args.cwd, args.force)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except SeedRunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in logs:
        print(f"run_seeds_log path:{path}")
    print(f"run_seeds ok:true seeds:{len(logs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
