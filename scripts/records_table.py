"""Write the records table of records/README.md and the orthogonalizers picture from the records' logs.

    python scripts/records_table.py            # rewrite the table between the markers, redraw the picture
    python scripts/records_table.py --check    # exit 1 if the table or the picture does not match the logs
                                    [--records DIR]   # another records folder (default: records/)

One row per record: orthogonalizer (the baked ORTHO default of its train_gpt.py), hardware of its logs,
steps, ms/step (step_avg of the last step line), sliding and TTT val_bpb (mean over seeds), bytes total
(largest seed), and the seeds' mean and sample std of the headline score.

The picture, records/orthogonalizers.png, is scripts/plot_runs.py run on the NS5, Polar Express and MUD
records (the newest folder of each name). Beside it, orthogonalizers.json holds the SHA-256 of what drew
it: plot_runs.py's source, its arguments and every seed log's bytes. --check recomputes that hash and
never draws, so it needs no matplotlib and does not depend on how a matplotlib version renders pixels.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file: make the repo importable

from data.shards import atomic_write_bytes  # noqa: E402
from eval.loader import load_record_module  # noqa: E402
from eval.logs import parse_log, seed_logs  # noqa: E402
from eval.settings import setting  # noqa: E402
from eval.stats import mean_std  # noqa: E402

START, END = "<!-- records-table:start -->", "<!-- records-table:end -->"
PLOT_SCRIPT = ROOT / "scripts" / "plot_runs.py"
PLOT_NAME = "orthogonalizers"  # records/<name>.png and <name>.json
PLOT_RECORDS = ("ParallelMuon_NS5", "ParallelMuon_PolarExpress", "ParallelMuon_MUD")
PLOT_ARGS = ("--x", "step", "--title", "Orthogonalizers at equal steps: mean of the seeds, min-max band, "
             "final score starred")
HEADER = ("| record | ORTHO | hardware of its logs | steps | ms/step | val_bpb sliding | val_bpb TTT | bytes total "
          "| seeds: mean +- std (headline) |\n|---|---|---|---|---|---|---|---|---|")


def fmt_mean(values: list[float]) -> str:
    return f"{sum(values) / len(values):.5f}" if values else "-"


def record_row(folder: Path, records_dir: Path) -> str:
    sub = json.loads((folder / "submission.json").read_text())
    logs = [parse_log(p) for p in seed_logs(folder)]
    hp = load_record_module(folder / "train_gpt.py").Hyperparameters.from_env({})  # its baked preset too
    ortho = setting(hp, "ortho")  # flat or staged settings
    last = [log.last_step() for log in logs]
    steps = sorted({s.step for s in last if s})
    ms = [float(s.values["step_avg"].rstrip("ms")) for s in last if s and "step_avg" in s.values]
    sliding = [s.val_bpb for log in logs if (s := log.family("sliding"))]
    ttt = [s.val_bpb for log in logs if (s := log.family("ttt"))]
    head = [s.val_bpb for log in logs if (s := log.headline())]
    mean, std = mean_std(head) if len(head) > 1 else (head[0] if head else float("nan"), float("nan"))
    rel = folder.relative_to(records_dir).as_posix()
    return (f"| [{folder.name}]({rel}/) | {ortho} | {sub.get('hardware', '?')} | {'/'.join(map(str, steps))} "
            f"| {fmt_mean(ms)[:7] if ms else '-'} | {fmt_mean(sliding)} | {fmt_mean(ttt)} | {sub['bytes_total']:,} "
            f"| {mean:.5f} +- {std:.5f} ({len(head)} seeds) |")


def table(records_dir: Path) -> str:
    folders = sorted(p.parent for p in records_dir.glob("*/*/submission.json"))
    return "\n".join([HEADER] + [record_row(f, records_dir) for f in folders])


def plot_folders(records_dir: Path) -> list[Path]:
    """The newest record folder of each PLOT_RECORDS name (a re-cut record gets a later date prefix)."""
    folders = []
    for name in PLOT_RECORDS:
        found = sorted(records_dir.glob(f"*/*_{name}"))
        if not found:
            raise FileNotFoundError(f"{records_dir}: no */*_{name} record folder for the {PLOT_NAME} picture")
        folders.append(found[-1])
    return folders


def plot_stamp(records_dir: Path, folders: list[Path]) -> dict:
    """What the picture is a function of, hashed. Paths are relative to records_dir so a copied records
    folder keeps its stamp; lengths are hashed before bytes so no two inputs share a byte stream."""
    h = hashlib.sha256()

    def feed(data: bytes) -> None:
        h.update(len(data).to_bytes(8, "little") + data)

    feed(PLOT_SCRIPT.read_bytes())
    feed(json.dumps(PLOT_ARGS).encode())
    logs = []
    for folder in folders:
        for log in seed_logs(folder):
            rel, data = log.relative_to(records_dir).as_posix(), log.read_bytes()
            feed(rel.encode())
            feed(data)
            logs.append({"path": rel, "sha256": hashlib.sha256(data).hexdigest()})
    return {"sha256": h.hexdigest(), "script": "scripts/plot_runs.py",
            "script_sha256": hashlib.sha256(PLOT_SCRIPT.read_bytes()).hexdigest(), "args": list(PLOT_ARGS),
            "logs": logs}


def plot_is_current(records_dir: Path, stamp: dict) -> bool:
    png, saved = records_dir / f"{PLOT_NAME}.png", records_dir / f"{PLOT_NAME}.json"
    if not (png.is_file() and saved.is_file()):
        return False
    try:
        return json.loads(saved.read_text()).get("sha256") == stamp["sha256"]
    except json.JSONDecodeError:
        return False


def draw_plot(records_dir: Path, folders: list[Path], stamp: dict) -> str | None:
    """Run plot_runs.py (scripts never import each other), then write the stamp; an error text or None.
    The stamp is written only after the PNG, so a failed draw leaves the picture stale for --check."""
    png = records_dir / f"{PLOT_NAME}.png"
    out = subprocess.run([sys.executable, str(PLOT_SCRIPT), *map(str, folders), *PLOT_ARGS, "--out", str(png)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return (out.stderr or out.stdout).strip()
    atomic_write_bytes(records_dir / f"{PLOT_NAME}.json", (json.dumps(stamp, indent=2) + "\n").encode())
    return None


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
    try:
        folders = plot_folders(args.records)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    stamp = plot_stamp(args.records, folders)
    png = args.records / f"{PLOT_NAME}.png"
    if args.check:
        table_ok, plot_ok = new == text, plot_is_current(args.records, stamp)
        print(f"records_table:{'up_to_date' if table_ok else 'out_of_date'} file:{readme}")
        print(f"records_plot:{'up_to_date' if plot_ok else 'out_of_date'} file:{png}")
        return 0 if table_ok and plot_ok else 1
    atomic_write_bytes(readme, new.encode())
    print(f"records_table:written file:{readme}")
    if (err := draw_plot(args.records, folders, stamp)) is not None:
        print(f"error: {png}: plot_runs.py failed: {err}", file=sys.stderr)
        return 2
    print(f"records_plot:written file:{png} sha256:{stamp['sha256']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
