"""Check a record folder before submitting it.

    python scripts/check_submission.py RECORD_DIR [--tolerance 1e-4] [--cap 16000000] [--json OUT]

Checks: required files (README.md, submission.json with its keys, train_gpt.py, train_seed*.log),
that a shipped train_gpt.py runs its train_gpt_readable.py (and a readable copy beside a plain one is
the same file; no source-encoding declaration but UTF-8), train_gpt.py compiles, the size cap (code +
artifact when the artifact is present, else the logged sizes and bytes_total; an ARTIFACT_NAME that is
not one plain literal is an error), that every other file of the folder is one a record keeps (README.md,
submission.json, the seed logs, train_gpt_readable.py, requirements.txt), that submission.json's
val_bpb / bytes_total / bytes_code agree with the seed logs, that the seed logs are runs of one
configuration (one run each, every hp: setting equal but SEED, RUN_ID and the paths), that the artifact's
header names the run of one seed log (run_id and seed; a warning when it records no run), and says when
the logs are no challenge run (VAL_TOKENS_LIMIT, device:cpu): a warning, an error with leaderboard_claim true.
Prints one line per finding; exit 0 when no finding is an error, 1 otherwise. Logic: eval/submission.py.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a file: make the repo importable

from eval.record_files import SIZE_CAP  # noqa: E402
from eval.submission import check_record, has_errors, write_json  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("record_dir", type=Path)
    p.add_argument("--tolerance", type=float, default=1e-4, help="val_bpb tolerance (default 1e-4)")
    p.add_argument("--cap", type=int, default=SIZE_CAP, help=f"byte cap (default {SIZE_CAP})")
    p.add_argument("--family", default="auto",
                   help="score family (ttt, sliding, roundtrip) or exact key; default: each log's headline")
    p.add_argument("--json", type=Path, dest="json_out", help="write the findings here as JSON")
    args = p.parse_args(argv)
    findings = check_record(args.record_dir, args.tolerance, args.cap, args.family)
    for f in findings:
        print(f.line())
    errors = sum(f.level == "error" for f in findings)
    warnings = sum(f.level == "warn" for f in findings)
    ok = not has_errors(findings)
    print(f"check_submission record:{args.record_dir} ok:{str(ok).lower()} errors:{errors} "
          f"warnings:{warnings}")
    if args.json_out is not None:
        write_json(args.json_out, {"record": str(args.record_dir), "ok": ok,
                                   "findings": [asdict(f) for f in findings]})
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
