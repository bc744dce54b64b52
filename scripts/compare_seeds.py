"""Compare seed runs: a table of each log's final lines, mean/std, and the record significance test.

    python scripts/compare_seeds.py NEW [NEW ...] [--ref REF [REF ...] | --ref-values 1.93,1.94,1.95]
                                    [--ref-bpb-values ...] [--family auto] [--margin 0.005] [--json OUT]

NEW / REF are record folders (their train_seed*.log) or log files. Each row says which line it took
(file:line and the text). The test is a one-sided Welch t-test on val_loss (nats) of
H0: mean_new >= mean_ref - margin; the challenge asks p < 0.01 (--alpha). It is repeated in bpb
terms with the margin converted by the new runs' bpb/loss ratio. --ref-values are val_loss values.
Exit 0; 1 with --require-significant when the test does not pass; 2 when a log has no score line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a file: make the repo importable

from data.shards import atomic_write_bytes  # noqa: E402
from eval.logs import LogParseError, LogSummary, parse_log, seed_logs  # noqa: E402
from eval.stats import ALPHA, MARGIN_NATS, bpb_margin, mean_std, welch_improvement_test  # noqa: E402
from eval.submission import SeedScore, seed_scores  # noqa: E402

COLUMNS = ("seed", "key", "val_loss", "val_bpb", "bytes_total", "step", "peak_mib", "source")


def parse_floats(text: str) -> list[float]:
    try:
        return [float(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected comma-separated numbers") from None


def collect_logs(paths: list[Path]) -> list[LogSummary]:
    """Logs of folders (train_seed*.log) and files, in the order given."""
    logs = []
    for path in paths:
        files = seed_logs(path) if path.is_dir() else [path]
        if not files:
            raise LogParseError(f"{path}: no train_seed*.log")
        logs.extend(parse_log(f) for f in files)
    return logs


def row(s: SeedScore) -> dict:
    step = s.log.last_step()
    return {
        "seed": s.label, "key": s.score.key, "val_loss": f"{s.score.val_loss:.8f}",
        "val_bpb": f"{s.score.val_bpb:.8f}",
        "bytes_total": str(s.log.size.value) if s.log.size else "-",
        "step": f"{step.step}/{step.total}" if step else "-",
        "peak_mib": str(s.log.peak_memory_mib.value) if s.log.peak_memory_mib else "-",
        "source": s.score.source.where(),
    }


def table(rows: list[dict]) -> str:
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in COLUMNS}
    fmt = lambda r: "  ".join(r[c].ljust(widths[c]) for c in COLUMNS).rstrip()  # noqa: E731
    return "\n".join([fmt({c: c for c in COLUMNS})] + [fmt(r) for r in rows])


def summary_lines(name: str, scores: list[SeedScore]) -> list[str]:
    loss_m, loss_s = mean_std([s.score.val_loss for s in scores])
    bpb_m, bpb_s = mean_std([s.score.val_bpb for s in scores])
    return [f"{name}_mean n:{len(scores)} val_loss:{loss_m:.8f} val_bpb:{bpb_m:.8f}",
            f"{name}_std ddof:1 val_loss:{loss_s:.8f} val_bpb:{bpb_s:.8f}"]


def welch_line(label: str, result) -> str:
    return (f"welch_{label} new_mean:{result.mean_new:.8f} ref_mean:{result.mean_ref:.8f} "
            f"improvement:{result.improvement:+.8f} margin:{result.margin:.6f} t:{result.t:.4f} "
            f"df:{result.df:.3f} p:{result.p_value:.3g} alpha:{result.alpha:g} "
            f"significant:{str(result.significant).lower()}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("new", type=Path, nargs="+", help="record folder(s) or log file(s)")
    ref = p.add_mutually_exclusive_group()
    ref.add_argument("--ref", type=Path, nargs="+", help="reference record folder(s) or log file(s)")
    ref.add_argument("--ref-values", type=parse_floats, help="reference val_loss values (nats)")
    p.add_argument("--ref-bpb-values", type=parse_floats, help="reference val_bpb values (with --ref-values)")
    p.add_argument("--family", default="auto", help="ttt, sliding, roundtrip or an exact key (default: headline)")
    p.add_argument("--margin", type=float, default=MARGIN_NATS, help="required improvement in nats (0.005)")
    p.add_argument("--alpha", type=float, default=ALPHA, help="significance level (0.01)")
    p.add_argument("--json", type=Path, dest="json_out")
    p.add_argument("--require-significant", action="store_true", help="exit 1 unless significant")
    args = p.parse_args(argv)
    try:
        new = seed_scores(collect_logs(args.new), args.family)
        refs = seed_scores(collect_logs(args.ref), args.family) if args.ref else None
    except LogParseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(table([row(s) for s in new]))
    for s in new:
        print(f"took seed:{s.label} line:{s.score.source.where()} text:{s.score.source.text}")
    print("\n".join(summary_lines("new", new)))
    report = {"new": [row(s) for s in new], "tests": {}}
    if refs is not None:
        print(table([row(s) for s in refs]))
        print("\n".join(summary_lines("ref", refs)))
        ref_loss = [s.score.val_loss for s in refs]
        ref_bpb = [s.score.val_bpb for s in refs]
        report["ref"] = [row(s) for s in refs]
    else:
        ref_loss, ref_bpb = args.ref_values, args.ref_bpb_values
    if ref_loss:
        new_loss = [s.score.val_loss for s in new]
        new_bpb = [s.score.val_bpb for s in new]
        try:
            nats = welch_improvement_test(new_loss, ref_loss, args.margin, args.alpha)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(welch_line("nats", nats))
        report["tests"]["nats"] = nats.to_dict()
        if ref_bpb:
            margin = bpb_margin(args.margin, new_bpb, new_loss)
            bpb = welch_improvement_test(new_bpb, ref_bpb, margin, args.alpha)
            print(welch_line("bpb", bpb))
            report["tests"]["bpb"] = bpb.to_dict()
    if args.json_out is not None:
        atomic_write_bytes(args.json_out, (json.dumps(report, indent=2) + "\n").encode())
    if args.require_significant and not report["tests"].get("nats", {}).get("significant", False):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
