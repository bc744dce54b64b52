"""Never lose a run (issue 26, item 7): the final weights are saved atomically when training ends, before
export, and EXPORT_FROM exports and scores them without training (the same artifact bytes and scores as the
run); a failed export removes its temp file and names the path; the artifact header carries the run id and
seed and the file ends in a SHA-256 of everything before it, so a changed header, trailing bytes or a cut file
are refused.

The runs are the flagship's own main() in this process (the module loaded as the judge loads it), at
TINY_ENV; the SIGTERM ones are `python train_gpt.py` (its handler is the script's, not the module's)."""

from __future__ import annotations

import errno
import json
import os
import resource
import struct
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from tests.rehearsal import HANG_S, ROOT, Run, base_env, run_python

SCORES = ("final_float_exact", "final_int6_roundtrip_exact", "final_int6_sliding_window_exact")


def run_main(flagship, monkeypatch, out: Path, env: dict) -> Run:
    """flagship.main() with exactly these settings (OUT_DIR=out); its log file as a Run."""
    for key in [k for k in os.environ if k in {f.metadata["env"] for _, f in flagship.Hyperparameters.fields()}]:
        monkeypatch.delenv(key)
    for key, value in {**env, "OUT_DIR": str(out)}.items():
        monkeypatch.setenv(key, value)
    flagship.main([])  # no runtime options (not pytest's argv)
    return Run(out, (out / "logs" / f"{env['RUN_ID']}.txt").read_text())


def temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_export_only_from_the_saved_state_gives_the_same_artifact_and_scores(flagship, tiny_data, tmp_path,
                                                                               monkeypatch):
    """GPTQ on, so the export-only run also recomputes the Hessians from the saved weights."""
    env = {**tiny_data["env"], "GPTQ_CALIB_SEQS": "8", "SEED": "7", "RUN_ID": "trained"}
    first = run_main(flagship, monkeypatch, tmp_path / "a", env)
    saved = tmp_path / "a" / flagship.FINAL_STATE_NAME
    assert first.value("final_state") == str(saved) and saved.is_file() and not temp_files(tmp_path / "a")
    state = torch.load(saved, map_location="cpu", weights_only=True)
    assert (state["run_id"], state["seed"], state["settings"]["NUM_LAYERS"]) == ("trained", 7, 3)
    model = flagship.build_model(flagship.Hyperparameters.from_env(env))
    model.load_state_dict(state["state_dict"], strict=True)  # every tensor export takes, nothing else

    again = run_main(flagship, monkeypatch, tmp_path / "b", {**env, "RUN_ID": "again",
                                                              "EXPORT_FROM": str(saved)})
    assert "train_loss" not in again.log and "final_state:" not in again.log
    changed = f"changed:OUT_DIR={str(tmp_path / 'b')!r}\n"  # the only setting that differs
    assert f"export_from:{saved} trained_by run_id:trained seed:7 {changed}" in again.log
    artifact = flagship.ARTIFACT_NAME
    assert (tmp_path / "b" / artifact).read_bytes() == (tmp_path / "a" / artifact).read_bytes()
    for name in SCORES:
        assert again.score(name) == first.score(name), name
    header = flagship.read_artifact(tmp_path / "b" / artifact)[0]
    assert (header["run_id"], header["seed"]) == ("trained", 7)  # the run that trained the weights
    # the byte accounting: the whole file (header, checksum) is bytes_model, under the plan's bound
    size = (tmp_path / "b" / artifact).stat().st_size
    assert int(again.value("bytes_model")) == size <= int(again.value("est_model_bytes"))

    with pytest.raises(ValueError, match="EXPORT_FROM=.*NUM_LAYERS=2"):  # a different model cannot take them
        run_main(flagship, monkeypatch, tmp_path / "c", {**env, "EXPORT_FROM": str(saved), "NUM_LAYERS": "2",
                                                          "VE_LAYERS": "1"})
    (tmp_path / "junk.pt").write_bytes(b"not a state")
    with pytest.raises(ValueError, match=f"EXPORT_FROM={tmp_path / 'junk.pt'}: not a final_state.pt"):
        run_main(flagship, monkeypatch, tmp_path / "c", {**env, "EXPORT_FROM": str(tmp_path / "junk.pt")})


class DiskFull:
    """A file whose write stores half its bytes, then fails as a full disk does."""

    def __init__(self, f):
        self.f = f

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.f.close()

    def write(self, data):
        self.f.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_at_export_names_the_file_leaves_no_temp_file_and_keeps_the_final_state(
        flagship, tiny_data, tmp_path, monkeypatch):
    out = tmp_path / "run"
    out.mkdir()
    artifact = out / flagship.ARTIFACT_NAME
    artifact.write_bytes(b"the previous run's artifact")
    real_open = open

    def full_at_export(file, mode="r", *args, **kwargs):
        f = real_open(file, mode, *args, **kwargs)
        return DiskFull(f) if flagship.ARTIFACT_NAME in str(file) and "w" in mode else f

    monkeypatch.setattr(flagship, "open", full_at_export, raising=False)
    env = {**tiny_data["env"], "RUN_ID": "full"}
    with pytest.raises(OSError) as failed:
        run_main(flagship, monkeypatch, out, env)
    assert failed.value.errno == errno.ENOSPC and str(artifact) in str(failed.value), failed.value
    assert not temp_files(out) and artifact.read_bytes() == b"the previous run's artifact"
    state = torch.load(out / flagship.FINAL_STATE_NAME, map_location="cpu", weights_only=True)
    assert state["run_id"] == "full"

    monkeypatch.delattr(flagship, "open")  # space again: the saved run is exported without training
    again = run_main(flagship, monkeypatch, out, {**env, "RUN_ID": "retry",
                                                  "EXPORT_FROM": str(out / flagship.FINAL_STATE_NAME)})
    assert flagship.read_artifact(artifact)[0]["run_id"] == "full" and "train_loss" not in again.log
    again.score("final_int6_sliding_window_exact")


def test_a_final_state_the_disk_cannot_hold_does_not_cost_the_export(flagship, tiny_data, tmp_path,
                                                                      monkeypatch):
    """Adversarial probe 2026-12-06 (runs F1): on a nearly full disk torch.save raised a RuntimeError naming
    no file and the run died after training, although the artifact (a third of the saved state) would fit."""
    def full_disk(obj, f, *args, **kwargs):
        f.write(b"x" * 100)
        raise RuntimeError("[enforce fail at inline_container.cc:672] . unexpected pos 230080 vs 229976")

    monkeypatch.setattr(torch, "save", full_disk)
    out = tmp_path / "run"
    run = run_main(flagship, monkeypatch, out, {**tiny_data["env"], "RUN_ID": "nearly_full"})
    saved = out / flagship.FINAL_STATE_NAME
    assert f"final_state:not_saved {saved}: not written, temp removed ([enforce fail" in run.log, run.log
    assert not saved.exists() and not temp_files(out) and (out / flagship.ARTIFACT_NAME).is_file()
    run.score("final_int6_sliding_window_exact")


def test_a_run_id_whose_log_exists_is_refused_before_training(flagship, tiny_data, tmp_path, monkeypatch):
    """runs F4: a reused RUN_ID appended a second run to the first one's log, which the tools then read as one
    run (two run_id: lines, two sets of scores)."""
    log = tmp_path / "run" / "logs" / "same.txt"
    log.parent.mkdir(parents=True)
    log.write_text("run_id:same\n")
    with pytest.raises(FileExistsError, match=f"RUN_ID=same: {log} exists"):
        run_main(flagship, monkeypatch, tmp_path / "run", {**tiny_data["env"], "RUN_ID": "same"})
    assert log.read_text() == "run_id:same\n" and not (tmp_path / "run" / flagship.ARTIFACT_NAME).exists()


def test_an_eval_batch_the_memory_cannot_hold_stops_the_run_before_step_1(tiny_data, tmp_path):
    """runs F19: train()'s val (VAL_LOSS_EVERY, and at the last step) ran out of memory with a too large
    EVAL_BATCH_SEQS mid-training, before final_state.pt is saved: the run was lost, the error named nothing.
    The address-space limit stands in for the GPU's memory (the probe's `ulimit -v 3000000`): 100,000 windows
    of 32 tokens need gigabytes of activations and logits, 4 (TINY_ENV) need megabytes."""
    limit = 3_000_000 * 1024
    env = base_env({**tiny_data["env"], "EVAL_BATCH_SEQS": "100000", "VAL_LOSS_EVERY": "2", "RUN_ID": "oom",
                    "OMP_NUM_THREADS": "1"})
    proc = subprocess.run([sys.executable, str(ROOT / "train_gpt.py")], cwd=tmp_path, env=env, text=True,
                          capture_output=True, timeout=HANG_S,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
    assert proc.returncode != 0 and "model_params:" in proc.stdout, proc.stdout + proc.stderr[-3000:]
    assert "step:1/" not in proc.stdout, proc.stdout  # stopped before training, not during it
    message = "ValueError: EVAL_BATCH_SEQS=100000: 100000 x 32 tokens do not fit in memory: lower it"
    assert message in proc.stderr, proc.stderr[-3000:]


def test_a_save_that_fails_inside_torch_names_the_file_and_removes_the_temp(flagship, tmp_path):
    def fail(f):
        f.write(b"half")
        raise RuntimeError("[enforce fail at inline_container.cc:672] . unexpected pos")  # torch.save, ENOSPC

    with pytest.raises(OSError, match=f"{tmp_path / 's.pt'}: not written, temp removed \\(\\[enforce"):
        flagship.write_atomic(tmp_path / "s.pt", fail)
    assert not temp_files(tmp_path) and not (tmp_path / "s.pt").exists()


def test_a_failed_write_keeps_the_old_file_whole(flagship, tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"old")

    def fail(f):
        f.write(b"half")
        raise KeyboardInterrupt  # a kill mid-write: no temp file, the old file intact, the interrupt goes on

    with pytest.raises(KeyboardInterrupt):
        flagship.write_atomic(path, fail)
    assert path.read_bytes() == b"old" and not temp_files(tmp_path)


# `python train_gpt.py` whose Nth fsync (write_atomic's, while its temp file exists) first sends the process
# SIGTERM, as torchrun does to its workers when it is stopped (a time limit) or another rank fails
KILL_AT_FSYNC = """
import os, runpy, signal
calls, real_fsync = [0], os.fsync
def fsync(fd):
    calls[0] += 1
    if calls[0] == {nth}:
        temps = sorted(n for n in os.listdir(os.environ["OUT_DIR"]) if n.endswith(".tmp"))
        print("sigterm_with:" + ",".join(temps), flush=True)
        os.kill(os.getpid(), signal.SIGTERM)
    return real_fsync(fd)
os.fsync = fsync
runpy.run_path({script!r}, run_name="__main__")
"""


@pytest.mark.parametrize("nth, saving", [(1, "final_state.pt"), (2, "final_model.int6.ptz")])
def test_a_sigterm_while_saving_removes_the_temp_file_and_the_run_fails(tiny_data, tmp_path, nth, saving):
    """runs F2: SIGTERM kept Python's default action (death), so write_atomic's cleanup never ran and each
    killed run left a hidden .<name>.<pid>.tmp beside the outputs (a 300 kB final state's, an artifact's)."""
    code = KILL_AT_FSYNC.format(nth=nth, script=str(ROOT / "train_gpt.py"))
    env = base_env({**tiny_data["env"], "RUN_ID": "killed", "OUT_DIR": str(tmp_path)})
    proc = run_python(env, tmp_path, ["-c", code])
    assert f"sigterm_with:.{saving}." in proc.stdout, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert not temp_files(tmp_path) and not (tmp_path / saving).exists(), temp_files(tmp_path)
    assert proc.returncode == 143, proc.stderr[-2000:]  # 128 + SIGTERM, what torchrun reports
    assert (tmp_path / "final_state.pt").exists() == (nth == 2)  # killed in export: the state is kept


@pytest.mark.parametrize("codec", ["ctx", "zstd", "lzma"])
def test_artifact_header_is_checksummed_and_names_the_run(flagship, tiny_data, tmp_path, codec):
    hp = flagship.Hyperparameters.from_env(tiny_data["env"])
    torch.manual_seed(0)
    model = flagship.build_model(hp)
    good = tmp_path / "good.ptz"
    size = flagship.write_artifact(good, model.state_dict(), codec, hp=hp, run_id="r1", seed=5)
    blob = good.read_bytes()
    assert size == len(blob) and blob[:8] == flagship.ARTIFACT_MAGIC
    header = flagship.read_artifact(good)[0]
    assert (header["run_id"], header["seed"]) == ("r1", 5)
    (hlen,) = struct.unpack("<I", blob[8:12])
    assert json.loads(blob[12 : 12 + hlen])["seed"] == 5
    stride = b'"EVAL_STRIDE":8'
    assert blob.count(stride) == 1
    cases = {  # each still parses as a header, so only the checksum or the length can tell
        "seed": (blob.replace(b'"seed":5', b'"seed":6'), "SHA-256"),
        "eval_setting": (blob.replace(stride, b'"EVAL_STRIDE":4'), "SHA-256"),
        "checksum": (blob[:-1] + bytes([blob[-1] ^ 1]), "SHA-256"),
        "one_zero_after": (blob + b"\x00", "1 trailing bytes"),
        "four_zeros_after": (blob + b"\x00" * 4, "4 trailing bytes"),
        "text_after": (blob + b"appended", "8 trailing bytes"),
        "second_copy_after": (blob + blob, f"{len(blob)} trailing bytes"),
        "last_byte_cut": (blob[:-1], "truncated"),
        "checksum_cut": (blob[:-32], "truncated"),
        "half": (blob[: 12 + hlen + 10], "truncated"),
        "format_1": (blob[:6] + b"\x01" + blob[7:], "artifact format 1, this loader reads format 2"),
    }
    for label, (bad, why) in cases.items():
        path = tmp_path / f"{label}.ptz"
        path.write_bytes(bad)
        for read in (flagship.read_artifact, flagship.load_artifact):
            with pytest.raises(flagship.ArtifactError, match=f"{path.name}.*{why}"):
                read(path)
    assert set(flagship.load_artifact(good)) == set(model.state_dict())
