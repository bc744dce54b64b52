"""The record's process is sandboxed (eval/sandbox.py, Linux Landlock): it cannot read the val shards by
absolute path (judge.md F2) or uncounted files beside its train_gpt.py (F6, F14); honest records still score;
--sandbox off restores the old behaviour; --sandbox require refuses where there is no sandbox.

On a machine without Landlock the cheats cannot be refused, so there the tests check instead that the judge
says so (`sandbox:none reason:...`) and that `require` refuses to judge (each test names which it checked).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import LOOK_AHEAD, REPO_ROOT, one_thread, run_module, world, world_env  # noqa: E402,F401  (fixtures)

from eval import sandbox  # noqa: E402
from eval.cli import main  # noqa: E402

ABI, WHY = sandbox.landlock_abi()


def _record(world, tmp_path: Path, code: str = "") -> Path:
    record = world.copy_record(tmp_path / "rec")
    if code:
        with open(record / "train_gpt.py", "a") as f:
            f.write("\n\n# ---- the cheat\n" + code.strip() + "\n")
    return record


def _judge(capfd, record: Path, *extra) -> tuple[int, dict | None, str]:
    path = record.parent / "report.json"
    code = main([str(record), "--json", str(path), *map(str, extra)])
    out, err = capfd.readouterr()
    return code, json.loads(path.read_text()) if path.exists() else None, out + err


# F2 (judge_repro/b_disk.py): the model looks the last K input tokens up in the val stream it reads from disk
# (by the absolute paths baked in: the judge's environment may not name them; a glob would find nothing under
# the sandbox, which denies listing the folder too) and boosts the stream's next token.
DISK_CHEAT = """
_K = 6
_NEXT = {}
_VAL = %r


def _table():
    if not _NEXT:
        stream = np.concatenate([np.fromfile(f, dtype="<u2", offset=256 * 4)
                                 for f in _VAL if "_bytes_" not in f]).astype(np.int64)
        for i in range(_K - 1, len(stream) - 1):
            _NEXT.setdefault(stream[i - _K + 1:i + 1].tobytes(), int(stream[i + 1]))
    return _NEXT

""" + LOOK_AHEAD  # the peek itself: tests/fixtures/eval_world.py


def test_a_model_that_reads_the_val_shards_from_disk(world_env, one_thread, tmp_path, capfd):
    """F2: with the sandbox the first forward fails (PermissionError, exit 2); off, the cheat wins."""
    honest_code, honest, _ = _judge(capfd, _record(world_env, tmp_path / "h"))
    assert honest_code == 0
    shards = [str(p) for p in sorted(Path(world_env.val_glob).parent.glob(Path(world_env.val_glob).name))]
    record = _record(world_env, tmp_path / "c", DISK_CHEAT % shards)
    code, off, out = _judge(capfd, record, "--sandbox", "off")
    assert code == 0, out  # every probe passes: the lookup is causal in the inputs (no logs to compare)
    assert off["sandbox"].startswith("none reason:off")
    assert off["scores"]["sliding"]["val_bpb"] < honest["scores"]["sliding"]["val_bpb"] - 0.5
    code, report, out = _judge(capfd, record)
    if ABI:
        assert code == 2 and "PermissionError" in out and "forward" in out, out
    else:  # checked here instead: the judge says it ran unsandboxed, and require refuses
        assert report["sandbox"] == f"none reason:{WHY}", report["sandbox"]
        assert _judge(capfd, record, "--sandbox", "require")[0] == 2


# F6 / F14: data in files the judge does not count, read by the program from its original folder (the judge
# runs it in a private copy of the counted files; the original is in the judge's command line, /proc/PPID).
FOLDER_CHEAT = """
import sys as _sys
for _name in ("NOTES.txt", "train_gpt_readable.py"):
    try:
        _got = len(open(%r + "/" + _name, "rb").read())
    except OSError as _exc:
        _got = type(_exc).__name__
    print(f"READ {_name} {_got}", file=_sys.stderr)
"""


@pytest.mark.parametrize("mode", ["auto", "off"])
def test_uncounted_files_in_the_original_folder(world_env, one_thread, tmp_path, capfd, mode):
    """F6/F14: NOTES.txt and the readable copy in the record's own folder, opened by absolute path, are
    unreadable to the record under the sandbox (its train_gpt.py and artifact still load: an honest score);
    --sandbox off reads them."""
    record = _record(world_env, tmp_path, FOLDER_CHEAT % str(tmp_path / "rec"))
    (record / "NOTES.txt").write_bytes(b"w" * 1234)
    (record / "train_gpt_readable.py").write_bytes((record / "train_gpt.py").read_bytes())
    code, report, out = _judge(capfd, record, "--sandbox", mode)
    assert code == 0, out
    denied = bool(mode == "auto" and ABI)
    for name in ("NOTES.txt", "train_gpt_readable.py"):
        assert (f"READ {name} PermissionError" in out) == denied, out
    assert ("READ NOTES.txt 1234" in out) == (not denied), out
    line = f"sandbox:landlock abi:{ABI}" if denied else "sandbox:none reason:"
    assert line in out and f"sandbox:{report['sandbox']}" in out


def _simulated_no_landlock(tmp_path: Path) -> dict:
    """An environment whose Python processes (judge and child) see no Landlock: a sitecustomize replaces the
    availability probe, as on an old kernel."""
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "sitecustomize.py").write_text(
        "import eval.sandbox\neval.sandbox.landlock_abi = lambda: (0, 'simulated old kernel')\n")
    import os
    path = os.pathsep.join([str(REPO_ROOT), str(site_dir), os.environ.get("PYTHONPATH", "")])
    return {"PYTHONPATH": path.rstrip(os.pathsep)}


def test_require_refuses_without_landlock_and_auto_says_why(world_env, tmp_path):
    """require: exit 2 naming the reason, before any record code ran; auto: judged, `sandbox:none reason:`."""
    record = _record(world_env, tmp_path, "import sys as _sys\nprint('RECORD RAN', file=_sys.stderr)")
    env = {**_simulated_no_landlock(tmp_path), **world_env.env}
    proc = run_module(["-m", "eval", str(record), "--sandbox", "require"], env)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "--sandbox require" in proc.stderr and "simulated old kernel" in proc.stderr
    assert "RECORD RAN" not in proc.stderr
    proc = run_module(["-m", "eval", str(record)], env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "sandbox:none reason:simulated old kernel" in proc.stdout


def test_enter_modes_without_landlock(monkeypatch):
    """The modes' logic on a machine without Landlock (nothing is restricted in this test process)."""
    monkeypatch.setattr(sandbox, "landlock_abi", lambda: (0, "no Landlock here"))
    assert sandbox.enter(None, None, "auto") == "none reason:no Landlock here"
    assert sandbox.enter(None, None, "off").startswith("none reason:off")
    with pytest.raises(sandbox.SandboxRefused, match="no Landlock here"):
        sandbox.enter(None, None, "require")
    with pytest.raises(sandbox.SandboxRefused, match="expected one of"):
        sandbox.enter(None, None, "maybe")


PROBE = r"""
import os, sys, tempfile
from eval import sandbox
print(sandbox.enter(None, None, "require"))
import torch  # the whole stack still imports and runs
print("torch", float(torch.ones(3).sum()))
for path in sys.argv[1:]:
    try:
        open(path, "rb").read()
        print("read", path)
    except PermissionError:
        print("denied", path)
with tempfile.NamedTemporaryFile() as f:  # the private temp folder (TMPDIR) is writable
    f.write(b"x")
    print("temp", os.path.dirname(f.name) == os.environ["TORCHINDUCTOR_CACHE_DIR"])
"""


def test_the_policy_in_a_plain_process(world, tmp_path):
    """The sandboxed process reads Python and torch, writes its temp folder, and reads neither a val shard,
    a file under /tmp, nor the repository's data folder beyond its .py files (without Landlock: require
    refuses, naming why)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("x")
    shard = sorted(Path(world.val_glob).parent.glob(Path(world.val_glob).name))[0]
    readme = REPO_ROOT / "data" / "README.md"
    code = str(REPO_ROOT / "data" / "shards.py")
    proc = run_module(["-c", PROBE, str(secret), str(shard), str(readme), code])
    if not ABI:
        assert proc.returncode != 0 and "cannot be sandboxed" in proc.stderr, proc.stderr
        return
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert f"landlock abi:{ABI}" in out and "torch 3.0" in out and "temp True" in out, out
    assert f"denied {secret}" in out and f"denied {shard}" in out and f"denied {readme}" in out, out
    assert f"read {REPO_ROOT / 'data' / 'shards.py'}" in out, out
