"""scripts/check_submission.py: passing folder, over cap, missing files, disagreeing submission.json."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import REPO_ROOT, load_script, make_record_dir, run_module  # noqa: E402

check = load_script("check_submission")


def run(capsys, *args) -> tuple[int, str]:
    code = check.main([str(a) for a in args])
    return code, capsys.readouterr().out


def edit_submission(record: Path, **changes) -> None:
    path = record / "submission.json"
    sub = json.loads(path.read_text())
    sub.update(changes)
    for key, value in changes.items():
        if value is None:
            del sub[key]
    path.write_text(json.dumps(sub))


def test_passing_folder(capsys, tmp_path):
    record = make_record_dir(tmp_path / "rec")
    code, out = run(capsys, record, "--json", tmp_path / "f.json")
    assert code == 0, out
    assert "ok check:compile" in out and "ok check:agreement submission val_bpb:" in out
    assert "seed 1337: legal_ttt_exact val_bpb:1.11889012 at" in out  # says which line it took
    assert f"check_submission record:{record} ok:true errors:0" in out
    assert json.loads((tmp_path / "f.json").read_text())["ok"] is True
    assert not list(record.glob("__pycache__")), "the compile check must not litter the record"


def test_the_real_command_line(tmp_path):
    record = make_record_dir(tmp_path / "rec")
    proc = run_module([str(REPO_ROOT / "scripts" / "check_submission.py"), str(record)], cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_over_cap_artifact(capsys, tmp_path):
    record = make_record_dir(tmp_path / "rec")
    code_bytes = (record / "train_gpt.py").stat().st_size
    with open(record / "final_model.pgolf", "wb") as f:  # the fake script's ARTIFACT_NAME
        f.truncate(16_000_000 - code_bytes + 1)  # one byte over
    code, out = run(capsys, record)
    assert code == 1
    assert "error check:size bytes_total:16000001 cap:16000000 ok:false" in out
    os.truncate(record / "final_model.pgolf", 16_000_000 - code_bytes)  # exactly at the cap passes
    code, out = run(capsys, record)
    assert "bytes_total:16000000 cap:16000000 ok:true" in out


def test_over_cap_from_logs_when_no_artifact(capsys, tmp_path):
    record = make_record_dir(tmp_path / "rec", {1: (1.9, 1.12, 15_000_000), 2: (1.9, 1.12, 16_000_001)})
    code, out = run(capsys, record)
    assert code == 1 and "bytes_total:16000001 cap:16000000 ok:false" in out


@pytest.mark.parametrize("name", ["README.md", "submission.json", "train_gpt.py", "logs"])
def test_missing_file(capsys, tmp_path, name):
    record = make_record_dir(tmp_path / "rec")
    for path in (record.glob("train_seed*.log") if name == "logs" else [record / name]):
        path.unlink()
    code, out = run(capsys, record)
    assert code == 1
    assert (f"{record}: no train_seed*.log" if name == "logs" else f"{record / name}: missing") in out


def test_submission_disagreeing_with_logs(capsys, tmp_path):
    record = make_record_dir(tmp_path / "rec")
    mean = json.loads((record / "submission.json").read_text())["val_bpb"]
    edit_submission(record, val_bpb=mean - 0.001)
    code, out = run(capsys, record)
    assert code == 1
    assert f"error check:agreement submission val_bpb:{mean - 0.001} vs mean of 3 seed logs val_bpb:{mean:.8f}" in out
    code, _ = run(capsys, record, "--tolerance", "0.002")
    assert code == 0
    edit_submission(record, val_bpb=mean, bytes_total=15876510)  # one seed's size, not the largest
    code, out = run(capsys, record)
    assert code == 1 and "bytes_total:15876510 vs largest logged size:15990006" in out


def test_bad_submission_json_and_script(capsys, tmp_path):
    record = make_record_dir(tmp_path / "rec")
    edit_submission(record, author=None, val_bpb="1.1")
    (record / "train_gpt.py").write_text("def broken(:\n")
    code, out = run(capsys, record)
    assert code == 1
    assert "missing keys ['author']" in out and "val_bpb must be a number" in out
    assert "does not compile" in out


def test_per_seed_values_are_checked(capsys, tmp_path):
    record = make_record_dir(tmp_path / "rec")
    edit_submission(record, seed_results={"1337": {"val_bpb": 1.11889012}, "42": {"val_bpb": 1.2},
                                          "7": {"val_bpb": 1.1}})
    code, out = run(capsys, record)
    assert code == 1
    assert "ok check:agreement seed 1337" in out and "error check:agreement seed 42" in out
    assert "seed_results has seed 7 without a train_seed log" in out


def test_a_line_outside_the_shipped_payload_is_refused(capsys, tmp_path, flagship):
    """Issue 26 (2): a shipped (self-extracting) train_gpt.py must be byte for byte what the packer makes of its
    readable source: a line added after the import line passed with ok:true and ran at every launch."""
    record = make_record_dir(tmp_path / "rec")
    source = (record / "train_gpt.py").read_bytes()
    (record / "train_gpt_readable.py").write_bytes(source)
    shipped = flagship.self_extracting(source)
    (record / "train_gpt.py").write_bytes(shipped)
    code, out = run(capsys, record)
    assert code == 0 and "ok check:shipped" in out, out
    head, _, rest = shipped.partition(b"\nimport pyppmd")
    line_end = rest.index(b"\n") + 1
    (record / "train_gpt.py").write_bytes(head + b"\nimport pyppmd" + rest[:line_end] + b"print('INJECTED')\n"
                                          + rest[line_end:])
    code, out = run(capsys, record)
    assert code == 1 and "error check:shipped" in out and "outside the payload" in out, out


def test_code_bytes_must_agree_with_submission_json_and_every_log(capsys, tmp_path):
    """Issue 26 (2): the code files' size == submission.json bytes_code == every log's code_bytes_shipped."""
    record = make_record_dir(tmp_path / "rec")
    size = (record / "train_gpt.py").stat().st_size
    edit_submission(record, bytes_code=size)
    for log in record.glob("train_seed*.log"):
        log.write_text(f"run_id:x code_bytes_readable:{size + 500} code_bytes_shipped:{size}\n" + log.read_text())
    code, out = run(capsys, record)
    assert code == 0 and f"ok check:code_bytes {size} bytes" in out, out
    edit_submission(record, bytes_code=size + 18)  # the injected file was 18 B larger; nothing noticed
    code, out = run(capsys, record)
    assert code == 1 and f"submission.json bytes_code: {size + 18}" in out, out
    edit_submission(record, bytes_code=size)
    log = sorted(record.glob("train_seed*.log"))[0]
    log.write_text(log.read_text().replace(f"code_bytes_shipped:{size}", f"code_bytes_shipped:{size - 1}", 1))
    code, out = run(capsys, record)
    assert code == 1 and f"{log.name}:1 code_bytes_shipped: {size - 1}" in out, out
