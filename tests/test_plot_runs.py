"""scripts/plot_runs.py draws our logs and the public formats; records_table.py keeps its picture current."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib.image import imread  # requirements-dev.txt: a missing matplotlib fails here, not skips

FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(FIXTURES))
from eval_world import REPO_ROOT, load_script  # noqa: E402

from eval.logs import parse_log, seed_logs  # noqa: E402

plot = load_script("plot_runs")
records_table = load_script("records_table")
PUBLIC_RECORD = FIXTURES / "public_record"  # two seeds in the public 2026-03-23 style
PUBLIC_LATER = FIXTURES / "public_later_format.log"  # `N/M train_loss: X train_time: 4.4m` lines
PIXELS = (round(plot.FIGSIZE[1] * plot.DPI), round(plot.FIGSIZE[0] * plot.DPI))  # (rows, columns)

OURS = """\
run_id:synthetic code_bytes:1 torch:2 device:cpu world_size:1 attention:sdpa compile:False
step:1/30 train_loss:6.9000 train_time:100ms step_avg:100.00ms
step:10/30 train_loss:5.2000 train_time:1000ms step_avg:100.00ms
step:10/30 val_loss:5.1000 val_bpb:2.9000 train_time:1001ms step_avg:100.10ms
step:20/30 train_loss:4.4000 train_time:2000ms step_avg:100.00ms
step:30/30 train_loss:4.0000 train_time:3000ms step_avg:100.00ms
step:30/30 val_loss:3.9000 val_bpb:2.2000 train_time:3001ms step_avg:100.03ms
final_int6_roundtrip_exact val_loss:3.95000000 val_bpb:2.23000000 eval_time:10ms
final_int6_sliding_window_exact val_loss:3.91000000 val_bpb:2.21000000 stride:32 eval_time:20ms
"""


def record(name: str) -> Path:
    return sorted((REPO_ROOT / "records").glob(f"*/*_{name}"))[-1]


def legend_texts(fig, panel: int) -> list[str]:
    return [t.get_text() for t in fig.axes[panel].get_legend().get_texts()]


@pytest.mark.parametrize("x", ["step", "time"])
def test_draws_a_record_and_our_log_format(tmp_path, capsys, x):
    log = tmp_path / "synthetic.txt"
    log.write_text(OURS)
    out = tmp_path / "runs.png"
    assert plot.main([str(record("ParallelMuon_NS5")), str(log), "--x", x, "--out", str(out)]) == 0
    assert f"plot_runs:written file:{out} series:2 x:{x}" in capsys.readouterr().out
    assert imread(out).shape[:2] == PIXELS


def test_public_formats_band_and_final_scores(tmp_path):
    series = plot.collect([PUBLIC_RECORD, PUBLIC_LATER])
    assert [(s.label, len(s.logs)) for s in series] == [("public_record", 2), ("public_later_format", 1)]
    # The band: seeds aligned by step, up to the step both reached (7185; seed 42 ran to 7201).
    steps, mean, lo, hi = plot.band(series[0].logs, "val_bpb", "step")
    assert steps.tolist() == [0, 500, 4000, 7185]
    assert mean[1] == pytest.approx((1.3622 + 1.3598) / 2) and (lo[1], hi[1]) == (1.3598, 1.3622)
    fig = plot.draw(series, tmp_path / "public.png", "time")
    assert imread(tmp_path / "public.png").shape[:2] == PIXELS
    labels = legend_texts(fig, 0)
    assert "public_record (2 seeds)" in labels
    assert "public_record legal_ttt_exact 1.11853" in labels  # mean of the seeds' headline lines
    assert "public_later_format quantized_ttt_phased 1.06928" in labels


def test_later_public_step_lines_are_read_by_eval_logs():
    log = parse_log(PUBLIC_LATER)
    assert [(s.step, sorted(s.values)) for s in log.steps][:2] == [
        (0, ["val_bpb", "val_loss"]), (500, ["s", "train_loss", "train_time"])]
    assert log.last_val_step().values["val_bpb"] == "1.0896"
    stop = log.last_step()  # `stopping_early: ... train_time: 588029ms step: 5048/20000`
    assert (stop.step, stop.values) == (5048, {"train_time": "588029ms"})
    # train_time in minutes; val lines without one take it from the step lines around them
    assert plot.times_at(log, [0, 500, 4000, 5048]).tolist() == pytest.approx([0, 54, 480, 588.029])


def test_a_log_without_step_lines_is_one_error_line_and_exit_2(tmp_path):
    bad = tmp_path / "broken.log"
    bad.write_text("final_int6_sliding_window_exact val_loss:1.9 val_bpb:1.12\n")
    out = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "plot_runs.py"), str(bad),
                          "--out", str(tmp_path / "x.png")], capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and out.stderr.startswith(f"error: {bad}: no step lines")
    assert not (tmp_path / "x.png").exists()
    assert plot.main([str(tmp_path / "missing.log")]) == 2  # unreadable: the same kind of error
    assert plot.main([str(tmp_path)]) == 2  # a folder with no logs at all


def test_records_table_check_detects_a_stale_picture(tmp_path, capsys):
    records = tmp_path / "records"
    shutil.copytree(REPO_ROOT / "records", records)
    png = records / f"{records_table.PLOT_NAME}.png"
    assert records_table.main(["--records", str(records)]) == 0  # draw for this copy's logs
    assert imread(png).shape[:2] == PIXELS
    assert records_table.main(["--records", str(records), "--check"]) == 0
    capsys.readouterr()

    # A log changes where the table does not look (its first train loss): only the picture is stale.
    log = seed_logs(records_table.plot_folders(records)[-1])[0]
    log.write_text(log.read_text().replace("train_loss:", "train_loss:9", 1))
    assert records_table.main(["--records", str(records), "--check"]) == 1
    out = capsys.readouterr().out
    assert "records_table:up_to_date" in out and f"records_plot:out_of_date file:{png}" in out

    assert records_table.main(["--records", str(records)]) == 0  # redraws and restamps
    assert records_table.main(["--records", str(records), "--check"]) == 0
    os.remove(png)
    assert records_table.main(["--records", str(records), "--check"]) == 1  # a missing picture is stale
