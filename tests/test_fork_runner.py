"""tests/rehearsal.py ForkRunner: a forked child behaves as `python -c CODE` / `python SCRIPT` in a fresh process
would (exit code, stdout, stderr's last line, its own env and folder, a hang ended), and leaves the server clean."""

from __future__ import annotations

import signal

from tests.rehearsal import ForkRunner, base_env


def test_a_forked_child_is_a_fresh_python_process(tmp_path):
    runner = ForkRunner(base_env({}))
    try:
        got = runner.run(base_env({"X": "1"}), tmp_path, code="import os, sys; print(os.environ['X'], os.getcwd()); "
                                                             "sys.exit(3)")
        assert got.returncode == 3 and got.stdout == f"1 {tmp_path}\n", got
        got = runner.run(base_env({}), tmp_path, code="raise ValueError('boom')")
        assert got.returncode == 1 and got.stderr.strip().splitlines()[-1] == "ValueError: boom", got.stderr
        # a patch made in one child does not reach the next (each is forked from the untouched server)
        got = runner.run(base_env({}), tmp_path, code="import torch; torch.ones = None; print('patched')")
        assert got.returncode == 0 and got.stdout == "patched\n", got
        got = runner.run(base_env({}), tmp_path, code="import torch, sys; print(torch.ones(3).sum().item(), sys.argv)",
                         args=("a", "b"))
        assert got.returncode == 0 and got.stdout == "3.0 ['-c', 'a', 'b']\n", got
        script = tmp_path / "s.py"
        script.write_text("import sys\nprint(__name__, sys.argv[1:])\n")
        got = runner.run(base_env({}), tmp_path, path=script, args=("x",))
        assert got.returncode == 0 and got.stdout == "__main__ ['x']\n", got
        got = runner.run(base_env({}), tmp_path, code="import time; time.sleep(60)", timeout=1)
        assert got.returncode == -signal.SIGALRM, got
    finally:
        runner.close()
