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


def test_a_forked_child_takes_what_a_new_interpreter_reads_at_start(tmp_path, monkeypatch):
    """run_flagship and judge run their one-process children this way: PYTHONPATH (the flash stand-ins), the
    OpenMP thread count and `python -m` must reach the child as they reach a new `python`; a variable only read
    when an interpreter or torch starts sends the run to a new interpreter (serves() is False)."""
    import subprocess
    import sys

    from tests.rehearsal import STANDINS, run_python, shared_runner, standin_env

    code = "import sys, torch, flash_attn_interface; print(torch.get_num_threads(), sys.path[1])"
    script = tmp_path / "probe.py"
    script.write_text(code + "\n")
    runner = shared_runner()
    for threads in ("1", "2"):
        env = base_env(standin_env({"OMP_NUM_THREADS": threads}))
        fresh = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True)
        assert runner.serves(env)
        forked = run_python(env, tmp_path, [str(script)])
        assert forked.returncode == fresh.returncode == 0, (forked.stderr, fresh.stderr)
        assert forked.stdout == fresh.stdout == f"{threads} {STANDINS}\n", (forked.stdout, fresh.stdout)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__main__.py").write_text("import sys\nprint(__name__, sys.argv[1:], sys.path[0])\n")
    got = run_python(base_env({}), tmp_path, ["-m", "pkg", "a"])
    assert got.returncode == 0 and got.stdout == f"__main__ ['a'] {tmp_path}\n", got
    got = run_python(base_env({}), tmp_path, ["-c", "import sys; print(__name__, sys.argv)", "b"])
    assert got.returncode == 0 and got.stdout == "__main__ ['-c', 'b']\n", got
    assert not runner.serves(base_env({"PYTHONHASHSEED": "7"}))
    assert not runner.serves(base_env({"OMP_WAIT_POLICY": "ACTIVE"}))
    # a start-time variable set in this process since the server started (as an in-process torch.compile sets
    # TORCHINDUCTOR_CACHE_DIR) gets a new server whose children have it, not a new interpreter per run
    monkeypatch.setenv("TORCH_PGOLF_PROBE", "1")
    got = run_python(base_env({}), tmp_path, ["-c", "import os; print(os.environ['TORCH_PGOLF_PROBE'])"])
    assert got.returncode == 0 and got.stdout == "1\n" and shared_runner() is not runner, got
    assert shared_runner().serves(base_env({})) and shared_runner().env["TORCH_PGOLF_PROBE"] == "1"
    seeded, probe = base_env({"PYTHONHASHSEED": "7"}), ["-c", "print(hash('pgolf'))"]
    fresh = subprocess.run([sys.executable, *probe], env=seeded, capture_output=True, text=True)
    assert run_python(seeded, tmp_path, probe).stdout == fresh.stdout  # a new interpreter took PYTHONHASHSEED
