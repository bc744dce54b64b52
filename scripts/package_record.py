"""Package a new record folder from a run folder (train_gpt.py + train_seed*.log).

    python scripts/package_record.py RUN_DIR OUT_DIR --name NAME --author A --github-id G \
        --blurb TEXT --hardware "8xH100 SXM" [--leaderboard-claim | --no-leaderboard-claim] \
        [--artifact PATH] [--force]

Copies train_gpt.py (+ its CODE_FILES) and the seed logs, writes submission.json computed from the
logs (val_bpb mean and per-seed values, bytes_total = largest logged size, hardware,
leaderboard_claim) and a README.md skeleton. The folder is built beside OUT_DIR and renamed into
place, so it never exists half-written; an existing OUT_DIR is refused without --force.
Refused as well: seed logs that are not runs of one configuration (an hp: setting other than SEED, RUN_ID
and the paths differs, or a log holds two runs), an --artifact whose header names a run none of the logs is
(a warning when it records no run), and logs that are no challenge run (VAL_TOKENS_LIMIT, device:cpu) with
--leaderboard-claim or without --no-leaderboard-claim.
Exit 0 on success, 1 when the run cannot be packaged. Logic: eval/submission.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a file: make the repo importable

from eval.submission import PackageError, PackageSpec, package_record  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("run_dir", type=Path, help="folder with train_gpt.py and train_seed*.log")
    p.add_argument("out_dir", type=Path, help="new record folder, e.g. records/track_10min_16mb/<date>_<name>")
    p.add_argument("--name", required=True)
    p.add_argument("--author", required=True)
    p.add_argument("--github-id", required=True)
    p.add_argument("--blurb", required=True)
    p.add_argument("--hardware", required=True, help='e.g. "8xH100 SXM"')
    claim = p.add_mutually_exclusive_group()
    claim.add_argument("--leaderboard-claim", action="store_const", const=True, default=None,
                       help="this record claims a leaderboard spot")
    claim.add_argument("--no-leaderboard-claim", action="store_const", const=False, dest="leaderboard_claim",
                       help="this record claims none (required for logs of VAL_TOKENS_LIMIT or a CPU run)")
    p.add_argument("--date", help="ISO date (default: today, UTC)")
    p.add_argument("--artifact", type=Path, help="copy this artifact in under the script's ARTIFACT_NAME")
    p.add_argument("--family", default="auto", help="score family or exact key (default: headline)")
    p.add_argument("--force", action="store_true", help="replace an existing OUT_DIR")
    args = p.parse_args(argv)
    spec = PackageSpec(run_dir=args.run_dir, out_dir=args.out_dir, name=args.name, author=args.author,
                       github_id=args.github_id, blurb=args.blurb, hardware=args.hardware,
                       leaderboard_claim=args.leaderboard_claim, date=args.date,
                       artifact=args.artifact, family=args.family, force=args.force)
    try:
        out = package_record(spec)
    except PackageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    sub = json.loads((out / "submission.json").read_text(encoding="utf-8"))
    print(f"package_record out:{out} val_bpb:{sub['val_bpb']:.8f} bytes_total:{sub['bytes_total']} "
          f"seeds:{len(sub['seed_results'])} ok:true")
    return 0


if __name__ == "__main__":
    sys.exit(main())
