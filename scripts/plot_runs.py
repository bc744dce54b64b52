"""Runs as pictures: val_bpb and train loss against step or train time, from the logs.

    python scripts/plot_runs.py RUN_OR_RECORD [RUN_OR_RECORD ...] [--x step|time] [--out runs.png]
                                [--title TEXT]

Each argument is a record or run folder, or a log file. A folder's train_seed*.log are drawn as one band
(the seeds' mean, shaded between their min and max); a folder without seed logs draws each of its *.log
and logs/*.txt as its own line, and a log file is one line. Left panel: val_bpb of the
`step:N/M val_loss:.. val_bpb:..` lines; right: train loss of the `step:N/M train_loss:..` lines (the later
public `N/M train_loss: ..` lines too; all read by eval/logs.py). The final score (the log's headline line:
TTT, else sliding, else roundtrip; mean and min-max over seeds) is a star at the end of training, named
in the legend. `--x time` puts train_time (seconds) on the x axis. The PNG is 1200x450 pixels.
Exit 0 when written; 2 when a path has no logs, a log has no step lines, or matplotlib is missing
(one `error:` line naming the file).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a file: make the repo importable

from data.shards import atomic_write_bytes  # noqa: E402
from eval.logs import LogParseError, LogSummary, duration_ms, number, parse_log, seed_logs  # noqa: E402

FIGSIZE, DPI = (12.0, 4.5), 100  # 1200 x 450 pixels; fixed so the picture is the same on every machine
PANELS = (("val_bpb", "val_bpb"), ("train_loss", "train loss (nats)"))  # (step-line key, y label)
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}_")


class Series(NamedTuple):  # not a dataclass: tests load scripts without the sys.modules entry it needs
    label: str
    logs: list[LogSummary]  # one line, or the seeds of one band


def collect(paths: list[Path]) -> list[Series]:
    """One series per seed folder, per other log in a folder, per log file; errors name the path."""
    series = []
    for path in paths:
        if path.is_dir() and (seeds := seed_logs(path)):
            series.append(Series(_DATE_PREFIX.sub("", path.name), [parse_log(p) for p in seeds]))
        elif path.is_dir():
            files = sorted(path.glob("*.log")) + sorted(path.glob("logs/*.txt"))
            if not files:
                raise LogParseError(f"{path}: no train_seed*.log, *.log or logs/*.txt")
            series.extend(Series(f.stem, [parse_log(f)]) for f in files)
        else:
            series.append(Series(path.stem, [parse_log(path)]))
    for s in series:
        for log in s.logs:
            if not log.steps:
                raise LogParseError(f"{log.path}: no step lines (`step:N/M ...` or `N/M train_loss: ...`)")
    return series


def times_at(log: LogSummary, steps) -> np.ndarray:
    """Train time (s) at the given steps, read off the step lines that log train_time (later public val
    lines carry none: they take it from the train lines around them), interpolated by step."""
    known = sorted((s.step, ms) for s in log.steps
                   if (ms := duration_ms(s.values.get("train_time", ""))) is not None)
    if not known:
        raise LogParseError(f"{log.path}: no train_time on its step lines (use --x step)")
    k = np.array([(0, 0.0)] * (known[0][0] > 0) + known, dtype=float)  # step 0 is at time 0
    return np.interp(np.asarray(steps, dtype=float), k[:, 0], k[:, 1]) / 1e3


def curve(log: LogSummary, key: str) -> tuple[np.ndarray, np.ndarray]:
    """(step, value) of the step lines that log `key`, sorted by step."""
    pairs = sorted((s.step, y) for s in log.steps if (y := number(s.values.get(key, ""))) is not None)
    return np.array([p[0] for p in pairs], dtype=float), np.array([p[1] for p in pairs], dtype=float)


def band(logs: list[LogSummary], key: str, x: str):
    """(x, mean, min, max) of the logs' `key` curves, or None. Seeds are aligned by step, not by time:
    their clocks differ (a shared CPU, a slower node) while their step schedule is the same. The grid is
    the union of their steps where all of them have data (seeds stopped by the wallclock end at
    different steps; none is extrapolated); with --x time a step sits at the seeds' mean train time."""
    curves = [(log, *curve(log, key)) for log in logs]
    curves = [c for c in curves if len(c[1])]
    if not curves:
        return None
    lo, hi = max(c[1][0] for c in curves), min(c[1][-1] for c in curves)
    grid = np.unique(np.concatenate([c[1] for c in curves]))
    grid = grid[(grid >= lo) & (grid <= hi)]
    if not len(grid):
        return None
    ys = np.stack([np.interp(grid, steps, y) for _, steps, y in curves])
    xs = grid if x == "step" else np.mean([times_at(log, grid) for log, _, _ in curves], axis=0)
    return xs, ys.mean(0), ys.min(0), ys.max(0)


def end_x(log: LogSummary, x: str) -> float:
    """Where a final score is marked: the end of training (the last step line), not after the eval."""
    last = log.steps[-1].step
    return float(last) if x == "step" else float(times_at(log, [last])[0])


def draw(series: list[Series], out: Path, x: str = "step", title: str | None = None):
    """Write the two-panel PNG and return its Figure. A pure function of the logs and the arguments: the
    records table hashes exactly these inputs to decide whether its committed picture is current."""
    import matplotlib
    matplotlib.use("Agg")  # headless, before anything draws; Figure is used directly, never pyplot's state
    import matplotlib.style
    from matplotlib.figure import Figure

    # The default style, not the user's matplotlibrc: the same logs give the same picture everywhere.
    with matplotlib.style.context("default"):
        fig = Figure(figsize=FIGSIZE, dpi=DPI, layout="constrained")
        for ax, (key, ylabel) in zip(fig.subplots(1, len(PANELS)), PANELS):
            draw_panel(ax, series, key, ylabel, x)
        if title:
            fig.suptitle(title)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})  # no version stamp
    atomic_write_bytes(out, buf.getvalue())
    return fig


def draw_panel(ax, series: list[Series], key: str, ylabel: str, x: str) -> None:
    for i, s in enumerate(series):
        color = f"C{i % 10}"
        if (b := band(s.logs, key, x)) is None:
            continue
        xs, mean, lo, hi = b
        seeds = f" ({len(s.logs)} seeds)" if len(s.logs) > 1 else ""
        ax.plot(xs, mean, color=color, lw=1.6, marker="o" if len(xs) < 12 else None, ms=3, label=s.label + seeds)
        if len(s.logs) > 1:
            ax.fill_between(xs, lo, hi, color=color, alpha=0.2, lw=0)
        if key == "val_bpb":
            mark_final(ax, s, x, color)
    ax.set_xlabel("train time (s)" if x == "time" else "step")
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    if ax.has_data():
        ax.legend(fontsize=8)


def mark_final(ax, s: Series, x: str, color: str) -> None:
    """A star at the seeds' mean headline val_bpb (bar: min-max), at the mean end of training."""
    finals = [(end_x(log, x), head) for log in s.logs if (head := log.headline()) is not None]
    if not finals:
        return
    bpb = np.array([h.val_bpb for _, h in finals])
    xm = float(np.mean([xv for xv, _ in finals]))
    keys = sorted({h.key for _, h in finals})
    err = [[bpb.mean() - bpb.min()], [bpb.max() - bpb.mean()]]
    ax.errorbar([xm], [bpb.mean()], yerr=err if len(bpb) > 1 else None, color=color, marker="*", ms=12,
                capsize=3, ls="none", label=f"{s.label} {'/'.join(keys)} {bpb.mean():.5f}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("paths", type=Path, nargs="+", help="record/run folder(s) or log file(s)")
    p.add_argument("--x", choices=("step", "time"), default="step", help="x axis: step or train_time")
    p.add_argument("--out", type=Path, default=Path("runs.png"), help="PNG to write (default: runs.png)")
    p.add_argument("--title")
    args = p.parse_args(argv)
    try:
        series = collect(args.paths)
        draw(series, args.out, args.x, args.title)
    except LogParseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ImportError as exc:
        print(f"error: {exc.name or 'matplotlib'} is not installed (pip install -r requirements-dev.txt)",
              file=sys.stderr)
        return 2
    print(f"plot_runs:written file:{args.out} series:{len(series)} x:{args.x}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
