"""eval/logs.py on the public final-line formats (challenge_facts.md) and on drifted ones."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
import eval_world  # noqa: E402,F401  (puts the repo root on sys.path)

from eval.logs import LogParseError, headline_or_raise, parse_lines, parse_log, seed_logs  # noqa: E402

PUBLIC = """\
step:0/20000 val_loss:6.9357 val_bpb:4.1077 train_time:0ms step_avg:0.01ms
step:7185/20000 val_loss:1.9304 val_bpb:1.1433 train_time:600012ms step_avg:83.51ms
peak memory allocated: 21471 MiB reserved: 22004 MiB
Code size: 89458 bytes
Total submission size int6+lzma: 15876510 bytes
final_int6_roundtrip val_loss:1.9123 val_bpb:1.1326 eval_time:2044ms
final_int6_roundtrip_exact val_loss:1.91234567 val_bpb:1.13261234
final_int6_sliding_window_exact val_loss:1.89311234 val_bpb:1.12119000
legal_ttt_exact val_loss:1.88923456 val_bpb:1.11889000
""".splitlines()

DRIFTED = """\
2026-04-02 10:00:00 [rank0] step:4000/4000 train_loss:2.0 train_time:598000ms step_avg:149.5ms
2026-04-02 10:00:01 [rank0] step:4000/4000 val_bpb:1.0900 val_loss:1.8500 train_time:598000ms
DIAGNOSTIC post_ema val_loss:1.8700 val_bpb:1.1050 eval_time:2000ms
Total submission size quantized+pergroup: 15990001 bytes
quantized_sliding_window val_loss:1.8000 val_bpb:1.0700 eval_time:90000ms
quantized_ttt_phased val_loss:1.78501234 val_bpb:1.06123456 eval_time:409123ms
""".splitlines()


def test_public_lines_by_family_with_the_line_taken():
    s = parse_lines(PUBLIC, "train_seed1337.log", 1337)
    head = s.headline()
    assert (head.key, head.family, head.val_loss, head.val_bpb) == ("legal_ttt_exact", "ttt", 1.88923456, 1.11889)
    assert head.source.line_no == 9 and head.source.text == PUBLIC[8]
    assert s.family("sliding").val_bpb == 1.12119
    rt = s.family("roundtrip")  # the _exact line beats the rounded one printed before it
    assert rt.key == "final_int6_roundtrip_exact" and rt.source.line_no == 7
    assert s.family("final_int6_roundtrip").extras == {"eval_time": "2044ms"}  # exact key lookup
    assert (s.size.value, s.size.label, s.size.source.line_no) == (15876510, "int6+lzma", 5)
    assert s.code_size.value == 89458 and s.peak_memory_mib.value == 21471
    last = s.last_val_step()
    assert (last.step, last.total, last.values["train_time"], last.values["step_avg"]) == (
        7185, 20000, "600012ms", "83.51ms")


def test_drifted_lines_are_read_by_pattern():
    s = parse_lines(DRIFTED, "x.log")
    head = s.headline()
    assert (head.key, head.val_bpb, head.extras["eval_time"]) == ("quantized_ttt_phased", 1.06123456, "409123ms")
    assert s.family("sliding").key == "quantized_sliding_window"
    assert s.family("other").key == "post_ema"  # "DIAGNOSTIC" is not taken as the key
    assert (s.size.value, s.size.label) == (15990001, "quantized+pergroup")
    assert len(s.steps) == 2 and s.last_val_step().values["val_bpb"] == "1.0900"  # keys in any order
    assert s.peak_memory_mib is None


def test_headline_preference_and_errors_name_the_file(tmp_path):
    only_sliding = parse_lines(PUBLIC[:8], "a.log")
    assert only_sliding.headline().family == "sliding"
    assert headline_or_raise(only_sliding, "roundtrip").key == "final_int6_roundtrip_exact"
    with pytest.raises(LogParseError, match="a.log: no 'ttt' score line"):
        headline_or_raise(only_sliding, "ttt")
    with pytest.raises(LogParseError, match="b.log: no `<key> val_loss:X val_bpb:Y` score line"):
        headline_or_raise(parse_lines(PUBLIC[:5], "b.log"))
    with pytest.raises(LogParseError, match="missing.log"):
        parse_log(tmp_path / "missing.log")


def test_seed_logs_are_found_and_sorted_by_seed(tmp_path):
    for seed in (2025, 42, 1337):
        (tmp_path / f"train_seed{seed}.log").write_text("\n".join(PUBLIC))
    (tmp_path / "train.log").write_text("not a seed log")
    logs = seed_logs(tmp_path)
    assert [p.name for p in logs] == ["train_seed42.log", "train_seed1337.log", "train_seed2025.log"]
    assert parse_log(logs[0]).seed == 42
