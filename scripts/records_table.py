"""Write the records table of records/README.md from the record folders' logs and submission.json.

    python scripts/records_table.py            # rewrite the table between the markers
    python scripts/records_table.py --check    # exit 1 if the table does not match the logs

One row per record: orthogonalizer (the baked ORTHO default of its train_gpt.py), hardware of its logs,
steps, ms/step (step_avg of the last step line), sliding and TTT val_bpb (mean over seeds), bytes total
(largest seed), and the seeds' mean and sample std of the headline score.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file: make the repo importable

from data.shards import atomic_write_bytes  # noqa: E402
from eval.loader import load_record_module  # noqa: E402
from eval.logs import parse_log, seed_logs  # noqa: E402
from eval.stats import mean_std  # noqa: E402

START, END = "<!-- records-table:start -->", "<!-- records-table:end -->"
HEADER = ("| record | ORTHO | hardware of its logs | steps | ms/step | val_bpb sliding | val_bpb TTT | bytes total "
          "| seeds: mean +- std (headline) |\n|---|---|---|---|---|---|---|---|---|")


def fmt_mean(values: list[float]) -> str:
    return f"{sum(values) / len(values):.5f}" if values else "-"


def record_row(folder: Path) -> str:
    sub = json.loads((folder / "submission.json").read_text())
    logs = [parse_log(p) for p in seed_logs(folder)]
    ortho = load_record_module(folder / "train_gpt.py").Hyperparameters().ortho
    last = [log.last_step() for log in logs]
    steps = sorted({s.step for s in last if s})
    ms = [float(s.values["step_avg"].rstrip("ms")) for s in last if s and "step_avg" in s.values]
    sliding = [s.val_bpb for log in logs if (s := log.family("sliding"))]
    ttt = [s.val_bpb for log in logs if (s := log.family("ttt"))]
    head = [s.val_bpb for log in logs if (s := log.headline())]
    mean, std = mean_std(head) if len(head) > 1 else (head[0] if head else float("nan"), float("nan"))
    rel = folder.relative_to(ROOT / "records")
    return (f"| [{folder.name}]({rel}/) | {ortho} | {sub.get('hardware', '?')} | {'/'.join(map(str, steps))} "
            f"| {fmt_mean(ms)[:7] if ms else '-'} | {fmt_mean(sliding)} | {fmt_mean(ttt)} | {sub['bytes_total']:,} "
            f"| {mean:.5f} +- {std:.5f} ({len(head)} seeds) |")


def table(records_dir: Path) -> str:
    folders = sorted(p.parent for p in records_dir.glob("*/*/submission.json"))
    return "\n".join([HEADER] + [record_row(f) for f in folders])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--records", type=Path, default=ROOT / "records")
    p.add_argument("--check", action="store_true", help="only check; exit 1 when out of date")
    args = p.parse_args(argv)
    readme = args.records / "README.md"
    text = readme.read_text()
    if START not in text or END not in text:
        print(f"error: {readme}: missing the {START} / {END} markers", file=sys.stderr)
        return 2
    head, rest = text.split(START, 1)
    new = head + START + "\n" + table(args.records) + "\n" + END + rest.split(END, 1)[1]
    if args.check:
        ok = new == text
        print(f"records_table:{'up_to_date' if ok else 'out_of_date'} file:{readme}")
        return 0 if ok else 1
    atomic_write_bytes(readme, new.encode())
    print(f"records_table:written file:{readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
