"""python -m eval end to end on the fake record: reports, comparisons, cap, and one-line input errors."""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import one_thread, run_module, world, world_env  # noqa: E402,F401  (pytest fixtures)

from eval.cli import main  # noqa: E402

ARTIFACT = "final_model.pgolf"


@pytest.fixture
def record(world_env, one_thread, tmp_path):
    return world_env.copy_record(tmp_path / "rec")


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def judged(capsys, record, *extra) -> dict:
    """Scores of a first run (no logs yet), from its JSON report."""
    report_path = record.parent / "first.json"
    code, out, err = run(capsys, record, "--json", report_path, *extra)
    assert code == 0, out + err
    return json.loads(report_path.read_text())


def write_log(record: Path, seed: int, scores: dict, size: int, shift: float = 0.0) -> Path:
    """A hand-made seed log in the public final-line formats, with the judge's own numbers."""
    names = {"plain": "final_int6_roundtrip_exact", "sliding": "final_int6_sliding_window_exact",
             "ttt": "legal_ttt_exact"}
    lines = ["step:0/20 val_loss:6.9000 val_bpb:4.1000 train_time:0ms step_avg:0.01ms",
             "step:20/20 val_loss:6.0000 val_bpb:3.9000 train_time:1000ms step_avg:50.00ms",
             "peak memory allocated: 12 MiB reserved: 14 MiB",
             f"Total submission size int6+lzma: {size} bytes"]
    for mode, r in scores.items():
        lines.append(f"{names[mode]} val_loss:{r['val_loss']:.8f} val_bpb:{r['val_bpb'] + shift:.8f}")
    path = record / f"train_seed{seed}.log"
    path.write_text("\n".join(lines) + "\n")
    return path


def write_submission(record: Path, val_bpb: float, size: int) -> None:
    sub = {"name": "fake", "github_id": "fake", "val_bpb": val_bpb, "bytes_total": size,
           "blurb": "test", "author": "tester", "date": "2026-01-01"}
    (record / "submission.json").write_text(json.dumps(sub))


def test_passing_record_folder(capsys, record, world):
    first = judged(capsys, record, "--ttt")
    size = first["sizes"]["bytes_total"]
    write_log(record, 1337, first["scores"], size)
    write_submission(record, first["scores"]["ttt"]["val_bpb"], size)
    code, out, err = run(capsys, record, "--ttt", "--json", record / "report.json")
    assert code == 0, out + err
    for key in ("eval_plain_exact val_loss:", "eval_sliding_window_exact val_loss:",
                "eval_ttt_exact val_loss:", "cap:16000000 ok:true", "eval_ok:true"):
        assert key in out
    report = json.loads((record / "report.json").read_text())
    assert report["ok"] and report["failures"] == []
    assert sorted((c["what"], c["family"]) for c in report["comparisons"]) == [
        ("log", "roundtrip"), ("log", "sliding"), ("log", "ttt"), ("submission", "ttt")]
    assert all(c["ok"] for c in report["comparisons"])
    assert report["val"]["targets"] == len(world.val_tokens) - 1
    for result in report["scores"].values():
        assert result["targets"] == report["val"]["targets"]
    assert report["scores"]["ttt"]["val_bpb"] < report["scores"]["sliding"]["val_bpb"]


def test_score_mismatch_with_log_fails_showing_both_numbers(capsys, record):
    first = judged(capsys, record)
    size = first["sizes"]["bytes_total"]
    write_log(record, 42, first["scores"], size, shift=0.001)
    code, out, _ = run(capsys, record)
    sliding = first["scores"]["sliding"]["val_bpb"]
    assert code == 1
    assert f"computed {sliding:.8f} vs logged {sliding + 0.001:.8f}" in out
    assert "train_seed42.log:" in out and "eval_ok:false" in out
    code, out, _ = run(capsys, record, "--tolerance", "0.01")  # tolerance is configurable
    assert code == 0, out


def test_over_cap_artifact_fails(capsys, record):
    path = record / ARTIFACT
    blob = path.read_bytes()
    (hlen,) = struct.unpack("<I", blob[8:12])
    header = json.loads(blob[12:12 + hlen])
    header["padding"] = " " * 16_000_000  # still a valid artifact, now too big
    new = json.dumps(header).encode()
    path.write_bytes(blob[:8] + struct.pack("<I", len(new)) + new + blob[12 + hlen:])
    code, out, _ = run(capsys, record)
    assert code == 1
    assert "cap:16000000 ok:false" in out and "exceeds the cap 16000000" in out


def corrupt(path: Path, how: str) -> None:
    blob = bytearray(path.read_bytes())
    if how == "truncated":
        blob = blob[: len(blob) // 2]
    elif how == "bad_magic":
        blob[:5] = b"XXXXX"
    else:  # one flipped byte in the compressed payload
        blob[len(blob) - 100] ^= 0x40
    path.write_bytes(bytes(blob))


@pytest.mark.parametrize("how", ["truncated", "bad_magic", "flipped_byte"])
def test_corrupted_artifact_is_one_line_exit_2(capsys, record, how):
    corrupt(record / ARTIFACT, how)
    code, out, err = run(capsys, record)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: artifact:"), err
    assert str(record / ARTIFACT) in lines[0] and "Traceback" not in err


def test_corrupted_artifact_from_the_real_command_line(world, record):
    corrupt(record / ARTIFACT, "flipped_byte")
    proc = run_module(["-m", "eval", str(record)], env_extra=world.env)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert str(record / ARTIFACT) in proc.stderr


def test_missing_artifact_names_the_path(capsys, record):
    (record / ARTIFACT).unlink()
    code, _, err = run(capsys, record)
    assert code == 2 and f"{record / ARTIFACT}: artifact not found" in err


def test_a_loader_that_unpickles_is_refused(capsys, record):
    with open(record / "train_gpt.py", "a") as f:
        f.write("\n\ndef load_artifact(path):\n    return torch.load(path, weights_only=False)\n")
    code, _, err = run(capsys, record)
    assert code == 2 and "tried to unpickle" in err


def test_artifact_of_another_shape_is_refused(capsys, record, monkeypatch):
    monkeypatch.setenv("MODEL_DIM", "48")
    code, _, err = run(capsys, record)
    assert code == 2 and "does not fit build_model(hp)" in err


def test_env_vars_apply_and_bad_values_name_the_variable(capsys, record, monkeypatch):
    monkeypatch.setenv("EVAL_STRIDE", "32")
    report = judged(capsys, record)
    assert report["settings"]["stride"] == 32 and report["scores"]["sliding"]["stride"] == 32
    monkeypatch.setenv("EVAL_STRIDE", "abc")
    code, _, err = run(capsys, record)
    assert code == 2 and "EVAL_STRIDE" in err


def test_val_tokens_limit_scores_a_prefix_and_says_so(capsys, record):
    report = judged(capsys, record, "--val-tokens-limit", "500")
    assert report["val"]["targets"] == 500
    assert all(r["targets"] == 500 for r in report["scores"].values())
    assert "not a challenge score" in report["notes"][0]


def test_bad_geometry_and_missing_inputs_are_one_line_errors(capsys, record, tmp_path):
    code, _, err = run(capsys, record, "--stride", "48")
    assert code == 2 and "eval_stride=48" in err
    code, _, err = run(capsys, record, "--val-files", str(tmp_path / "none_*.bin"))
    assert code == 2 and "none_*.bin" in err
    code, _, err = run(capsys, record, "--tokenizer", str(tmp_path / "no.model"))
    assert code == 2 and "no.model" in err
    code, _, err = run(capsys, tmp_path / "no_such_record")
    assert code == 2 and "no_such_record" in err


def test_record_without_the_interface(capsys, tmp_path):
    rec = tmp_path / "bad"
    rec.mkdir()
    (rec / "train_gpt.py").write_text("X = 1\n")
    code, _, err = run(capsys, rec)  # the judge reads ARTIFACT_NAME itself, before any record code runs
    assert code == 2 and "no ARTIFACT_NAME" in err and "--artifact" in err
    (rec / "train_gpt.py").write_text('ARTIFACT_NAME = "model.bin"\n')
    (rec / "model.bin").write_bytes(b"x")
    code, _, err = run(capsys, rec)
    assert code == 2 and "missing interface names" in err


def test_declared_code_files_are_counted(capsys, record):
    with open(record / "train_gpt.py", "a") as f:
        f.write('\nCODE_FILES = ["train_gpt.py", "helper.py"]\n')
    (record / "helper.py").write_text("# 20 bytes of code.\n")
    report = judged(capsys, record)
    files = report["sizes"]["code_files"]
    assert files == {"train_gpt.py": (record / "train_gpt.py").stat().st_size, "helper.py": 20}
    assert report["sizes"]["bytes_total"] == sum(files.values()) + (record / ARTIFACT).stat().st_size
    (record / "helper.py").unlink()
    code, _, err = run(capsys, record)
    assert code == 2 and "helper.py" in err
