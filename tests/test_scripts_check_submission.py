"""scripts/check_submission.py: passing folder, over cap, missing files, disagreeing submission.json."""

from __future__ import annotations

import ast
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import (REPO_ROOT, SEED_SCORES, load_script, make_record_dir, pack_program,  # noqa: E402
                        run_module)

from eval.record_files import RecordFileError, readable_source  # noqa: E402

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


# ---------------------------------------------------------------- judge.md (session 4): what runs, is read

HIDDEN = b"print('HIDDEN CODE RUNS: not in train_gpt_readable.py')"
ARTIFACT_LINE = 'ARTIFACT_NAME = "final_model.pgolf"\n'  # the fake script's, line 30


def ship_program(record: Path, program: bytes, readable: bytes) -> None:
    """train_gpt.py packed over `program` (a cheat's: their own packer), naming `readable` beside it."""
    (record / "train_gpt_readable.py").write_bytes(readable)
    (record / "train_gpt.py").write_bytes(pack_program(program, readable))


@pytest.mark.parametrize("cookie", [b"# coding: raw_unicode_escape\n",
                                    b"#!/usr/bin/env python3\n# -*- coding: raw-unicode-escape -*-\n",
                                    b"\n# vim: set fileencoding=raw_unicode_escape :\n",
                                    b"# line 1\r# coding=raw_unicode_escape\r\n"])
def test_a_program_in_another_source_encoding_is_refused(capsys, tmp_path, flagship, cookie):
    """judge.md F4: with a `raw_unicode_escape` declaration Python compiles a `\u000a` inside a comment as a
    new line: code that runs and is in no file people read. Decoded as UTF-8 (the checker and the judge
    before), the program's AST was the readable file's: ok:true, the judge's matches_readable_file:true."""
    record = make_record_dir(tmp_path / "rec")
    source = (record / "train_gpt.py").read_bytes()
    program = cookie + flagship.program_of(source) + b"# \\u000a" + HIDDEN + b"\n"
    # the cheat is real: the AST Python compiles from the bytes holds the hidden call, UTF-8 reading does not
    assert "HIDDEN" in ast.dump(ast.parse(program)) and "HIDDEN" not in ast.dump(ast.parse(program.decode()))
    ship_program(record, program, source)
    code, out = run(capsys, record)
    assert code == 1 and "error check:shipped" in out and "declares the source encoding 'raw" in out, out
    with pytest.raises(RecordFileError, match="declares the source encoding"):
        readable_source(record / "train_gpt.py")  # the judge's check (eval/harness.py) before it starts it


@pytest.mark.parametrize("where", ["plain_script", "readable_copy", "code_file", "utf8_declared"])
def test_every_file_read_or_counted_must_be_utf8(capsys, tmp_path, flagship, where):
    """judge.md F4: the same holds for a plain train_gpt.py, a readable copy and a CODE_FILES file (Python
    reads each with the codec it declares); a UTF-8 declaration is fine."""
    record = make_record_dir(tmp_path / "rec")
    script = record / "train_gpt.py"
    source = script.read_bytes()
    foreign = b"# -*- coding: raw_unicode_escape -*-\n"
    if where == "plain_script":
        script.write_bytes(foreign + source + b"# \\u000a" + HIDDEN + b"\n")
    elif where == "readable_copy":  # the program is the honest packer's: the declaration is a comment it cuts
        ship_program(record, flagship.program_of(foreign + source), foreign + source)
    elif where == "code_file":
        script.write_bytes(source.replace(ARTIFACT_LINE.encode(), ARTIFACT_LINE.encode()
                                          + b'CODE_FILES = ["train_gpt.py", "kernels.py"]\n'))
        (record / "kernels.py").write_bytes(foreign + b"X = 1  # \\u000a" + HIDDEN + b"\n")
    else:
        script.write_bytes(b"# -*- coding: utf-8 -*-\n" + source)
    code, out = run(capsys, record)
    if where == "utf8_declared":
        assert code == 0, out
        return
    name = {"plain_script": "train_gpt.py", "readable_copy": "train_gpt_readable.py",
            "code_file": "kernels.py"}[where]
    assert code == 1 and f"{record / name}:1: declares the source encoding 'raw_unicode_escape'" in out, out


def test_code_in_an_annotation_is_refused_unless_annotations_are_never_evaluated(capsys, tmp_path, flagship):
    """judge.md F12: annotations were cut from both trees before the compare, but without `from __future__
    import annotations` Python evaluates them when the `def` runs: hidden code passed with ok:true."""
    record = make_record_dir(tmp_path / "rec")
    honest = (record / "train_gpt.py").read_bytes()
    source = honest.replace(b"from __future__ import annotations\n", b"")
    program = source.replace(b"def build_model(hp):", b"def build_model(hp: print('HIDDEN') or object):")
    assert program != source and b"from __future__" not in source
    ship_program(record, program, source)
    code, out = run(capsys, record)
    assert code == 1 and "its program differs from" in out, out
    # Under the import (the flagship's case) annotations are strings nothing evaluates unless asked
    # (typing.get_type_hints): the program may drop the readable file's, as the packer does, carry no other.
    program = flagship.program_of(honest)
    ship_program(record, program, honest)
    code, out = run(capsys, record)
    assert code == 0 and "ok check:shipped" in out, out
    ship_program(record, program.replace(b"def build_model(hp):", b"def build_model(hp: 'HIDDEN'):"), honest)
    code, out = run(capsys, record)
    assert code == 1 and "its program differs from" in out, out


def test_a_readable_copy_beside_a_plain_script_must_be_the_script(capsys, tmp_path):
    """judge.md F13: a train_gpt_readable.py (the file people read) beside a plain train_gpt.py that runs
    other code passed with ok:true."""
    record = make_record_dir(tmp_path / "rec")
    shutil.copy(record / "train_gpt.py", record / "train_gpt_readable.py")
    code, out = run(capsys, record)
    assert code == 0 and "plain source" in out, out
    with open(record / "train_gpt.py", "ab") as f:
        f.write(b"\n" + HIDDEN + b"\n")
    code, out = run(capsys, record)
    assert code == 1, out
    assert f"{record / 'train_gpt_readable.py'}: differs from the plain {record / 'train_gpt.py'}" in out, out
    (record / "train_gpt_readable.py").write_bytes((record / "train_gpt.py").read_bytes())
    code, out = run(capsys, record)
    assert code == 0 and "plain source (train_gpt_readable.py beside it: the same bytes)" in out, out


# (what replaces the fake script's ARTIFACT_NAME line, the line the error must name, the name)
BINDINGS = {
    "tuple_target": ('ARTIFACT_NAME, MAGIC_UNUSED = "final_model.pgolf", None\n', 30, "ARTIFACT_NAME"),
    "for_target": ('for ARTIFACT_NAME in ["final_model.pgolf"]:\n    pass\n', 30, "ARTIFACT_NAME"),
    "with_target": (ARTIFACT_LINE + 'with open(__file__) as ARTIFACT_NAME:\n    pass\n', 31, "ARTIFACT_NAME"),
    "walrus": ('(ARTIFACT_NAME := "final_model.pgolf")\n', 30, "ARTIFACT_NAME"),
    "import_as": ('from os import sep as ARTIFACT_NAME\n', 30, "ARTIFACT_NAME"),
    "augmented": ('ARTIFACT_NAME = "final_model"\nARTIFACT_NAME += ".pgolf"\n', 31, "ARTIFACT_NAME"),
    "annotated_computed": ('ARTIFACT_NAME: str = "final_model" + ".pgolf"\n', 30, "ARTIFACT_NAME"),
    "annotation_then_update": ('ARTIFACT_NAME: str\nglobals().update(ARTIFACT_NAME="final_model.pgolf")\n',
                               30, "ARTIFACT_NAME"),
    "global_in_function": (ARTIFACT_LINE + 'def _name():\n    global ARTIFACT_NAME\n'
                           '    ARTIFACT_NAME = "w.bin"\n', 32, "ARTIFACT_NAME"),
    "globals_string": (ARTIFACT_LINE + 'globals()["ARTIFACT_NAME"] = "w.bin"\n', 31, "ARTIFACT_NAME"),
    "setattr": (ARTIFACT_LINE + 'import sys\nsetattr(sys.modules[__name__], "ARTIFACT_NAME", "w.bin")\n', 32,
                "ARTIFACT_NAME"),
    "assigned_twice": (ARTIFACT_LINE + 'ARTIFACT_NAME = "w.bin"\n', 31, "ARTIFACT_NAME"),
    "code_files_tuple": (ARTIFACT_LINE + 'CODE_FILES, _ = ["train_gpt.py", "kernels.py"], 0\n', 31,
                         "CODE_FILES"),
}


@pytest.mark.parametrize("cheat", list(BINDINGS))
def test_any_other_binding_of_the_counted_names_is_an_error(capsys, tmp_path, cheat):
    """judge.md F9: the names were read from plain `NAME = ...` statements only; any other binding was "not
    found", and the checker then fell back to the submitter's logged sizes (or did not count CODE_FILES)."""
    record = make_record_dir(tmp_path / "rec")
    script = record / "train_gpt.py"
    text, line, name = BINDINGS[cheat]
    source = script.read_text()
    assert source.splitlines()[29] + "\n" == ARTIFACT_LINE
    script.write_text(source.replace(ARTIFACT_LINE, text))
    (record / "kernels.py").write_text("X = 1\n")
    code, out = run(capsys, record)
    assert code == 1 and f"{script}:{line}: {name} " in out, out


def test_an_artifact_name_not_read_is_an_error_not_a_fallback_to_the_logs(capsys, tmp_path):
    """judge.md F9's repro: a 132,410-byte artifact, logs claiming 99,000 bytes, cap 100,000, ARTIFACT_NAME
    bound by a tuple: ok:true from the logged sizes. Now an error; so is a script with no ARTIFACT_NAME."""
    claims = {seed: (loss, bpb, 99_000) for seed, (loss, bpb, _) in SEED_SCORES.items()}
    record = make_record_dir(tmp_path / "rec", claims)
    (record / "final_model.pgolf").write_bytes(os.urandom(132_410))
    script = record / "train_gpt.py"
    code, out = run(capsys, record, "--cap", 100_000)
    assert code == 1 and "error check:size bytes_total:" in out and "ok:false" in out, out
    script.write_text(script.read_text().replace(ARTIFACT_LINE, BINDINGS["tuple_target"][0]))
    code, out = run(capsys, record, "--cap", 100_000)
    assert code == 1 and "ok check:size" not in out and f"{script}:30: ARTIFACT_NAME " in out, out
    script.write_text(script.read_text().replace(BINDINGS["tuple_target"][0], ""))
    code, out = run(capsys, record, "--cap", 100_000)
    assert code == 1 and "ok check:size" not in out and "the artifact cannot be measured" in out, out


@pytest.mark.parametrize("extra", ["NOTES.txt", "weights/part1.bin", "__pycache__/train_gpt.cpython-311.pyc",
                                   "docs/README.md", "empty/", "link.md", ".hidden"])
def test_a_file_nothing_counts_is_refused(capsys, tmp_path, extra):
    """judge.md F6: weights in a file of the folder that nothing counts (NOTES.txt, read by load_artifact; a
    5-byte stub under ARTIFACT_NAME) passed a 100,000-byte cap. Every entry must be counted or one a record
    keeps; a __pycache__ is refused too (Python may run its bytecode instead of the source)."""
    record = make_record_dir(tmp_path / "rec", {1337: (1.9, 1.12, 7_591)})
    (record / "final_model.pgolf").write_bytes(b"stub\n")
    path = record / extra
    if extra.endswith("/"):
        path.mkdir()
    elif extra == "link.md":
        path.symlink_to(record / "README.md")
    else:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(os.urandom(132_410))
    code, out = run(capsys, record, "--cap", 100_000)
    assert code == 1 and "ok check:size" in out, out  # the cap alone is met: only the contents check refuses
    shown = str(record / extra.split("/")[0]) + ("/" if "/" in extra else "")
    assert f"error check:contents {shown}: neither counted" in out and "counted or removed" in out, out


def test_the_files_a_record_keeps_and_counted_files_in_folders_pass(capsys, tmp_path):
    record = make_record_dir(tmp_path / "rec")
    script = record / "train_gpt.py"
    script.write_text(script.read_text().replace(ARTIFACT_LINE, ARTIFACT_LINE
                                                 + 'CODE_FILES = ["train_gpt.py", "kernels/attn.py"]\n'))
    (record / "kernels").mkdir()
    (record / "kernels" / "attn.py").write_text("X = 1\n")
    (record / "requirements.txt").write_text("numpy\n")
    (record / "final_model.pgolf").write_bytes(b"x" * 1000)
    shutil.copy(script, record / "train_gpt_readable.py")
    code, out = run(capsys, record)
    assert code == 0 and "ok check:contents every file is counted (3)" in out, out
