"""scripts/bench_shipped_code.py: the text levers it measures keep the program (or say they do not), so its
figures are of programs that would run."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.rehearsal import ROOT, load_script

TRICKY = '''import os
X = """keep   these
    indents and   spaces"""


class A:
    def f(self, x, y=(1,
                      2)):
        if x and \\
                y:
            return [v . real for v in (1 .real, 2.5, 0x1f)] + [x if 1 else-1, "s"if x else'q']
        return f"{x = }|{x!r:>{4}}|{ {'k': y}['k'] }" + rb"\\d  +" .decode()


print(A().f(3), A().f(0, 5), X)
'''


def runs(program: str) -> str:
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout


def test_respace_keeps_the_program_its_lines_and_what_it_prints(flagship):
    bench = load_script("bench_shipped_code")
    for inner in (False, True):
        new = bench.respace(TRICKY, inner=inner)
        assert ast.dump(ast.parse(new)) == ast.dump(ast.parse(TRICKY))
        assert new.count("\n") == TRICKY.count("\n")
        assert runs(new) == runs(TRICKY) and len(new) < len(TRICKY)
        assert '"""keep   these\n    indents and   spaces"""' in new  # inside a string: untouched
    one_a_level = "\n def f(self,x,y=(1,\n2)):\n  if x and\\\ny:\n"  # continuation lines: none
    assert one_a_level in bench.respace(TRICKY, inner=True)
    program = flagship.program_of((ROOT / "train_gpt.py").read_bytes()).decode()
    new = bench.respace(program, inner=True)
    assert ast.dump(ast.parse(new)) == ast.dump(ast.parse(program)) and new.count("\n") == program.count("\n")


def test_the_levers_that_change_the_program_say_so():
    bench = load_script("bench_shipped_code")
    dropped = bench.drop_blank_lines(TRICKY)
    assert dropped.count("\n") < TRICKY.count("\n") and runs(dropped) == runs(TRICKY)
    assert "indents and   spaces" in dropped
    emptied = bench.empty_docstring_lines('def f():\n    ""\n    return 1\n\n\ndef g():\n    ""\n')
    assert emptied == 'def f():\n\n    return 1\n\n\ndef g():\n    ""\n'  # a docstring-only body keeps it
    names = {"P": bench.keywords_as_bytes(TRICKY)}
    assert b"class" not in names["P"] and b"return" not in names["P"] and len(names["P"]) < len(TRICKY)
    exec(bench.KEYWORD_STUB, names)
    assert names["P"] == TRICKY.encode()


def test_the_renaming_bound_parses_keeps_behaviour_on_a_small_program_and_is_smaller():
    bench = load_script("bench_shipped_code")
    for rename_globals in (False, True):
        new = bench.minified(TRICKY, rename_globals)
        assert new is not None, "python-minifier (requirements-dev.txt) is not installed"
        assert runs(new) == runs(TRICKY) and len(new) < len(TRICKY)


def test_units_blanked_empties_only_the_settings_unit_strings_and_keeps_the_lines():
    bench = load_script("bench_shipped_code")
    src = ('class C:\n    a: int = _hp(1, "tokens", _POS)\n    b: str = _hp("x", "one "\n'
           '                 "two", env="B")\n    c = f(1, "kept")\n')
    want = 'class C:\n    a: int = _hp(1, "", _POS)\n    b: str = _hp("x", "", env="B")\n\n    c = f(1, "kept")\n'
    new = bench.units_blanked(src)
    assert new == want and new.count("\n") == src.count("\n")
    compile(new, "blanked", "exec")


def test_history_packs_each_committed_version_from_the_given_one_on(flagship, tmp_path):
    bench = load_script("bench_shipped_code")
    repo, script = tmp_path / "repo", tmp_path / "repo" / "sub" / "train.py"
    script.parent.mkdir(parents=True)

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True)
        return done.stdout

    git("init", "-q")
    versions = [b"x = 1  # one\n", b"x = 1\ny = [x] * 3\n", b"x = 1\ny = [x] * 3\nprint(y, 'three')\n"]
    commits = []
    for i, text in enumerate(versions):
        script.write_bytes(text)
        (repo / "other.txt").write_text(str(i))  # a commit that does not change the script: not listed
        git("add", "-A")
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", f"v{i}")
        if i == 1:
            (repo / "other.txt").write_text("again")
            git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "other only")
        commits.append(git("log", "-1", "--format=%H", "--", "sub/train.py").strip())
    rows = bench.history(script, commits[1], flagship.self_extracting)
    assert [r["commit"] for r in rows] == [c[:12] for c in commits[1:]]  # from the given one on, oldest first
    assert [r["subject"] for r in rows] == ["v1", "v2"]
    assert [r["readable_bytes"] for r in rows] == [len(v) for v in versions[1:]]
    assert [r["shipped_bytes"] for r in rows] == [len(flagship.self_extracting(v)) for v in versions[1:]]


def test_a_bad_history_rev_stops_the_command_naming_it(capsys, tmp_path):
    bench = load_script("bench_shipped_code")
    with pytest.raises(SystemExit) as stop:
        bench.main(["--history", "no-such-rev-x", "--out", str(tmp_path / "never.json")])
    assert stop.value.code == 2 and "--history no-such-rev-x: " in capsys.readouterr().err
    assert not (tmp_path / "never.json").exists()
