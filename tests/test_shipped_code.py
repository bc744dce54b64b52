"""The shipped code: the flagship as a self-extracting script (what the 16,000,000-byte cap counts), the judge's
and the checker's own decoder, packaging, and clear errors for a damaged or mismatched shipped file."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from eval.cli import main as eval_main
from eval.record_files import READABLE_NAME, RecordFileError, readable_source, shipped_source
from eval.submission import check_record, has_errors
from tests.fixtures.eval_world import pack_program
from tests.rehearsal import ROOT, failure_text, judge, run_flagship


# source -> flagship.self_extracting(source): the packer is deterministic (the first test below checks it: two
# packs of the flagship, the same bytes), so the ten tests that ship the unchanged flagship pack it once per
# module (per xdist worker) instead of once each (~1-2 s of compression each on the 2-core box, 2026-12-07).
_PACKED: dict[bytes, bytes] = {}


def ship(flagship, folder, source: bytes):
    folder.mkdir(parents=True, exist_ok=True)
    if source not in _PACKED:
        _PACKED[source] = flagship.self_extracting(source)
    (folder / "train_gpt.py").write_bytes(_PACKED[source])
    (folder / READABLE_NAME).write_bytes(source)
    return folder / "train_gpt.py"


def test_the_flagship_ships_its_program_and_the_judge_checks_it_against_the_readable_source(flagship, tmp_path):
    source = (ROOT / "train_gpt.py").read_bytes()
    script = ship(flagship, tmp_path / "rec", source)
    assert flagship.self_extracting(source) == script.read_bytes()  # deterministic: ship()'s cache needs it
    program = shipped_source(script)
    assert program.encode() == flagship.program_of(source)
    assert readable_source(script).encode() == source  # the readable file beside it, checked (SHA-256 and AST)
    assert program.count("\n") == source.decode().count("\n")  # line for line: tracebacks land in the readable file
    assert "#" not in "".join(line.split('"')[0] for line in program.splitlines())  # no comment survives
    assert flagship.code_sizes(script) == (len(source), script.stat().st_size)
    assert flagship.code_sizes(ROOT / "train_gpt.py") == (len(source), script.stat().st_size)
    # Issue 26 (3): plain ASCII that any tool reads and compiles. The public 04-27 record ships 31,999 B. On
    # 2026-12-05 the latin-1 form took 24,824 B; the ASCII form of the same program 29,280 (16a74e2: the
    # base-97 floor, 21% over binary). The program then grew by what issues 26-28 asked for (the saved run,
    # settings and data checks, fused kernels, eval plan, settings by stage) and the probes' mends: 36,483 B
    # at 664d2c0 (each version packed by today's packer: results/shipped_code_2026-12-07.json, "history"). The
    # issue's 29,000 would take ~21% of the program out (no packing lever reaches it); decided 2026-12-07 to
    # keep the program and hold its size here instead (docs/results.md, "Shipped code"): this bound is that
    # size plus 1%, so growth is seen and has to be argued for.
    text = script.read_bytes().decode("utf-8")
    assert text.isascii() and "\r" not in text
    compile(open(script, encoding="utf-8").read(), str(script), "exec")
    assert script.stat().st_size <= 36_848, script.stat().st_size
    assert shipped_source(ROOT / "train_gpt.py") is None


def test_program_of_keeps_every_line_and_refuses_to_change_the_program(flagship, tmp_path):
    source = (b'"""Module doc."""\nimport sys  # why\n\n\ndef f(x):\n    """Doc,\n    two lines."""\n'
              b'    # a comment\n    return x + 1  # trailing\n\n\nraise SystemExit(f(1) if len(sys.argv) < 2 else 1 / 0)\n')
    program = flagship.program_of(source)
    assert program.decode().splitlines() == ['""', 'import sys', '', '', 'def f(x):', '    ""', '', '',
                                             '    return x + 1', '', '', source.decode().splitlines()[-1]]
    script = ship(flagship, tmp_path / "rec", source)
    out = subprocess.run([sys.executable, str(script), "boom"], capture_output=True, text=True)
    assert out.returncode == 1 and f'{READABLE_NAME}", line 12' in out.stderr, out.stderr  # the readable file's line
    with pytest.raises(ValueError, match="changed the program"):
        flagship.program_of(b'X = """a   \nb"""\n')  # trailing spaces inside a string are part of the program
    # Undecorated functions' annotations are cut (never evaluated); a decorator may read its function's: kept.
    source = (b"import functools\n\n\ndef f(x: int, *a: str, y: 'T' = 2, **k: dict) -> list[int]:\n"
              b"    return [x]\n\n\n@functools.cache\ndef g(x: int) -> int:\n    return x\n\n\n"
              b"print(f(1), g(2), sorted(g.__annotations__))\n")
    program = flagship.program_of(source).decode()
    assert "def f(x, *a, y = 2, **k):" in program and "def g(x: int) -> int:" in program, program
    script = ship(flagship, tmp_path / "ann", source)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert out.stdout == "[1] 2 ['return', 'x']\n", out.stderr


def test_every_byte_value_survives_the_literal(flagship, tmp_path):
    """Sources whose compressed streams hold every byte value run as themselves, from an ASCII file that
    compiles read as UTF-8."""
    rng = random.Random(0)
    for i in range(5):
        blob = bytes(rng.randrange(256) for _ in range(rng.randrange(50, 3000)))
        source = f"DATA = {blob!r}\nprint(len(DATA), DATA == {blob!r})\n".encode()
        script = ship(flagship, tmp_path / f"r{i}", source)
        out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
        assert out.returncode == 0 and out.stdout.split() == [str(len(blob)), "True"], out.stderr[-500:]
        assert shipped_source(script).encode() == source  # no comment or docstring: the program is the source
        compile(open(script, encoding="utf-8").read(), str(script), "exec")
        assert script.read_bytes().isascii()


def test_a_shipped_run_counts_its_shipped_bytes_and_is_judged(flagship, tiny_data, tmp_path):
    folder = tmp_path / "run"
    ship(flagship, folder, (ROOT / "train_gpt.py").read_bytes())
    env = {**tiny_data["env"], "ITERATIONS": "4", "WARMDOWN_ITERS": "2", "VAL_TOKENS_LIMIT": "700"}
    run = run_flagship(folder, env, script=folder / "train_gpt.py")
    shipped, readable = (folder / "train_gpt.py").stat().st_size, (folder / READABLE_NAME).stat().st_size
    assert run.value("code_bytes_shipped") == str(shipped) and run.value("code_bytes_readable") == str(readable)
    assert run.value("bytes_code") == str(shipped)
    proc, report = judge(folder, {k: tiny_data["env"][k] for k in ("DATA_PATH", "TOKENIZER_PATH")})
    assert proc.returncode == 0, failure_text(proc)
    assert report["sizes"]["bytes_code"] == shipped and report["sizes"]["shipped"]["readable_bytes"] == readable
    assert "shipped_code self_extracting:true" in proc.stdout


@pytest.mark.parametrize("damage", ["flipped_byte", "readable_differs", "program_differs", "readable_missing",
                                    "line_injected", "byte_appended", "foreign_encoding", "annotation_added"])
def test_damaged_or_mismatched_shipped_code_is_a_clear_error(flagship, tiny_data, tmp_path, damage, monkeypatch,
                                                              capsys):
    folder = tmp_path / "rec"
    source = (ROOT / "train_gpt.py").read_bytes()
    script = ship(flagship, folder, source)
    if damage == "flipped_byte":
        blob = bytearray(script.read_bytes())
        blob[len(blob) // 2] ^= 0x10
        script.write_bytes(bytes(blob))
    elif damage == "readable_differs":  # even a comment: the header names the readable file by SHA-256
        (folder / READABLE_NAME).write_text((ROOT / "train_gpt.py").read_text() + "# edited\n")
    elif damage == "program_differs":  # a header that names this readable file over another program
        other = flagship.self_extracting(source.replace(b"SMALL_TENSOR_NUMEL = 65_536", b"SMALL_TENSOR_NUMEL = 65_537"))
        honest = script.read_bytes()
        line1 = lambda blob: blob.split(b"\n")[0]  # noqa: E731
        script.write_bytes(other.replace(line1(other), line1(honest).replace(
            line1(honest).split(b"program sha256 ")[1], line1(other).split(b"program sha256 ")[1])))
    elif damage == "line_injected":  # issue 26 (2): it passed with ok:true and ran at every launch
        script.write_bytes(script.read_bytes().replace(b"import pyppmd\n", b"import pyppmd\nprint('INJECTED')\n"))
    elif damage == "byte_appended":
        script.write_bytes(script.read_bytes() + b"\n")
    elif damage == "foreign_encoding":  # judge.md F4: Python runs the `\u000a`-escaped call, UTF-8 reads a comment
        program = (b"# coding: raw_unicode_escape\n" + flagship.program_of(source)
                   + b"# \\u000aprint('HIDDEN')\n")
        script.write_bytes(pack_program(program, source))
    elif damage == "annotation_added":  # an annotation the readable file lacks (cut from both trees before)
        program = flagship.program_of(source)
        assert program.count(b"\ndef main(argv = None):") == 1
        script.write_bytes(pack_program(program.replace(b"def main(argv = None):",
                                                        b"def main(argv: 'HIDDEN' = None):"), source))
    else:
        (folder / READABLE_NAME).unlink()
    findings = [f for f in check_record(folder) if f.check == "shipped"]
    assert has_errors(findings), findings
    message = findings[0].message
    assert {"flipped_byte": "damaged", "readable_differs": "differs from", "program_differs": "its program differs",
            "readable_missing": "missing", "line_injected": "outside the payload",
            "byte_appended": "outside the payload", "foreign_encoding": "declares the source encoding",
            "annotation_added": "its program differs"}[damage] in message, message
    if damage != "readable_missing":
        with pytest.raises(RecordFileError):
            readable_source(script)
        # `python -m eval` is eval.cli.main in a process of its own; called here in this one (a subprocess per
        # case was ~3 s of torch import each, 2026-12-06): the same exit code and the one stderr line
        for key, value in tiny_data["env"].items():
            monkeypatch.setenv(key, value)
        capsys.readouterr()
        code = eval_main([str(folder)])
        out, err = capsys.readouterr()
        assert code == 2 and err.count("\n") == 1 and "train_gpt.py" in err, (out, err)


def test_the_packager_ships_the_flagship_self_extracting(tmp_path):
    from eval.submission import PackageSpec, package_record

    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "train_gpt.py").write_bytes((ROOT / "train_gpt.py").read_bytes())
    (run_dir / "train_seed1337.log").write_text(
        "step:10/10 val_loss:3.0 val_bpb:1.5 train_time:100ms step_avg:10.00ms\n"
        "Total submission size int6+ctx: 300000 bytes\n"
        "final_int6_sliding_window_exact val_loss:3.00000000 val_bpb:1.50000000\n")
    out = package_record(PackageSpec(run_dir=run_dir, out_dir=tmp_path / "rec", name="x", author="a", github_id="a",
                                     blurb="b", hardware="cpu"))
    shipped = out / "train_gpt.py"
    assert (out / READABLE_NAME).read_bytes() == (ROOT / "train_gpt.py").read_bytes()
    assert readable_source(shipped) == (ROOT / "train_gpt.py").read_text()  # SHA-256 and AST checked
    import json

    assert json.loads((out / "submission.json").read_text())["bytes_code"] == shipped.stat().st_size
    shipped_findings = [f for f in check_record(out) if f.check == "shipped"]
    assert shipped_findings and not has_errors(shipped_findings), shipped_findings
    assert "pyppmd" in (out / "README.md").read_text()
