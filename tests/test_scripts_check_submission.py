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



# ---------------------------------------------------------------- runs.md (session 4): the seed logs' runs

LIMITED = " (VAL_TOKENS_LIMIT: not a challenge score)"


def flagship_heads(record: Path, changes: dict | None = None, device: str = "cuda", limited: bool = False):
    """Open each seed log as the flagship's do: the `run_id:` line (device, world size), one hp: line per
    setting (`changes` = {seed: {NAME: value}}), the val_tokens line; seed S's run is r<S>, with own paths."""
    for log in record.glob("train_seed*.log"):
        seed = int(log.stem.removeprefix("train_seed"))
        hp = {"DATA_PATH": f"'/data/run{seed}'", "RUN_ID": f"'r{seed}'", "OUT_DIR": f"'/out/{seed}'",
              "SEED": seed, "NUM_LAYERS": 11, "MATRIX_LR": 0.025, **(changes or {}).get(seed, {})}
        head = [f"run_id:r{seed} torch:2.13.0 device:{device} world_size:{8 if device == 'cuda' else 1}"]
        head += [f"hp:{name}={value} unit:the setting's unit" for name, value in hp.items()]
        head.append("val_tokens:4001 targets:4000" + (LIMITED if limited else ""))
        log.write_text("\n".join(head) + "\n" + log.read_text())


def test_seed_logs_of_different_configurations_are_an_error(capsys, tmp_path):
    """runs.md F17: a seed re-run with another MATRIX_LR and NUM_LAYERS in the record folder was packaged
    and checked as one record (ok:true, the mean of two models). Paths, seed and run id may differ."""
    record = make_record_dir(tmp_path / "rec")
    flagship_heads(record)
    code, out = run(capsys, record)
    assert code == 0 and "ok check:config 3 seed logs, one run each, one configuration" in out, out
    record = make_record_dir(tmp_path / "rec2")
    flagship_heads(record, {2025: {"MATRIX_LR": 0.1, "NUM_LAYERS": 2}})
    code, out = run(capsys, record)
    assert code == 1, out
    assert ("error check:config hp:MATRIX_LR differs between the seed logs: 0.025 in train_seed42.log, "
            "train_seed1337.log; 0.1 in train_seed2025.log") in out, out
    assert "error check:config hp:NUM_LAYERS differs between the seed logs: 11 in" in out, out
    assert "hp:DATA_PATH" not in out and "hp:SEED" not in out, out


def test_a_log_of_two_runs_or_a_setting_missing_from_one_log_is_an_error(capsys, tmp_path):
    """runs.md F4/F17: two runs appended to one log (a reused RUN_ID) were taken as one seed."""
    record = make_record_dir(tmp_path / "rec")
    flagship_heads(record)
    log = record / "train_seed42.log"
    text = log.read_text()
    log.write_text(text + text.replace("hp:MATRIX_LR=0.025", "hp:MATRIX_LR=0.3"))
    code, out = run(capsys, record)
    assert code == 1, out
    assert "error check:config train_seed42.log: 2 runs in one log (`run_id:` at lines 1, " in out, out
    assert "train_seed42.log: hp:MATRIX_LR logged with two values (0.025, 0.3)" in out, out
    record = make_record_dir(tmp_path / "rec2")
    flagship_heads(record, {1337: {"TTT_ENABLED": True}})
    code, out = run(capsys, record)
    assert code == 1 and ("hp:TTT_ENABLED differs between the seed logs: (not logged) in train_seed42.log, "
                          "train_seed2025.log; True in train_seed1337.log") in out, out
    record = make_record_dir(tmp_path / "rec3")
    flagship_heads(record)
    log = record / "train_seed2025.log"
    log.write_text("".join(x for x in log.read_text().splitlines(True) if not x.startswith("hp:")))
    code, out = run(capsys, record)
    assert code == 1 and "train_seed2025.log log(s) no settings (hp: lines)" in out, out


def write_flagship_artifact(flagship, path: Path, run_id, seed) -> None:
    import torch

    flagship.write_artifact(path, {"w": torch.zeros(4, 4)}, codec="zstd", run_id=run_id, seed=seed)


def test_an_artifact_of_another_run_is_an_error(capsys, tmp_path, flagship):
    """runs.md F11: the artifact header's run_id and seed were compared with nothing: another run's artifact
    (a stale one, or one of another configuration) passed with a size warning at most."""
    record = make_record_dir(tmp_path / "rec")
    flagship_heads(record)
    artifact = record / "final_model.pgolf"  # the fake script's ARTIFACT_NAME
    write_flagship_artifact(flagship, artifact, "r42", 42)
    code, out = run(capsys, record)
    made = "ok check:artifact_run final_model.pgolf was made by run_id:r42 seed:42 (train_seed42.log)"
    assert code == 0 and made in out, out
    write_flagship_artifact(flagship, artifact, "gq", 1337)
    code, out = run(capsys, record)
    assert code == 1, out
    assert (f"error check:artifact_run {artifact}: header says run_id:gq seed:1337, which matches no seed "
            "log (train_seed42.log run_id:r42 seed:42; train_seed1337.log run_id:r1337 seed:1337; "
            "train_seed2025.log run_id:r2025 seed:2025)") in out, out
    write_flagship_artifact(flagship, artifact, "r42", 1337)  # the run id of one log, the seed of another
    assert run(capsys, record)[0] == 1
    log = record / "train_seed1337.log"  # an EXPORT_FROM run: its artifact records the run that trained it
    trained = "export_from:/out/final_state.pt trained_by run_id:gq seed:1337 changed:none\n"
    log.write_text(log.read_text().replace("val_tokens:", trained + "val_tokens:", 1))
    write_flagship_artifact(flagship, artifact, "gq", 1337)
    code, out = run(capsys, record)
    assert code == 0 and "was made by run_id:gq seed:1337 (train_seed1337.log)" in out, out
    header = b'{"codec":"zstd"}'
    for blob in (b"\0" * 100, b"PGOLF\x00\x01\x00" + len(header).to_bytes(4, "little") + header):
        artifact.write_bytes(blob)  # a public record's format, a header without the run: warned, not refused
        code, out = run(capsys, record)
        assert code == 0 and f"warn check:artifact_run {artifact}: " in out and "is not checked" in out, out


def test_logs_that_are_no_challenge_run_say_so_and_cannot_claim(capsys, tmp_path):
    """runs.md F20: logs of VAL_TOKENS_LIMIT and device:cpu under leaderboard_claim: true passed with
    warnings:0."""
    record = make_record_dir(tmp_path / "rec")
    flagship_heads(record, device="cpu", limited=True)
    code, out = run(capsys, record)
    assert code == 0, out
    assert ("warn check:claim not a leaderboard claim: the seed logs say VAL_TOKENS_LIMIT: not a challenge "
            "score (train_seed42.log:8, ") in out and "device:cpu (train_seed42.log:1" in out, out
    edit_submission(record, leaderboard_claim=True)
    code, out = run(capsys, record)
    assert code == 1 and "error check:claim not a leaderboard claim" in out, out
    assert "says leaderboard_claim: true" in out, out
    edit_submission(record, leaderboard_claim=False)
    code, out = run(capsys, record)
    assert code == 0 and "(submission.json: leaderboard_claim false)" in out, out
    record = make_record_dir(tmp_path / "rec3")
    flagship_heads(record, {42: {"VAL_TOKENS_LIMIT": 4000}})  # the setting alone says it too
    edit_submission(record, leaderboard_claim=True)
    code, out = run(capsys, record)
    assert code == 1 and "not a challenge score (train_seed42.log:8)" in out and "device:cpu" not in out, out
    record = make_record_dir(tmp_path / "rec2")
    flagship_heads(record)  # challenge runs: a claim is not questioned here
    edit_submission(record, leaderboard_claim=True)
    code, out = run(capsys, record)
    assert code == 0 and "check:claim" not in out, out
