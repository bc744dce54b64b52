"""scripts/gpu_check.py, the prepared device call, on its CPU path: it must not break between device draws.

The public record's script is not in the repository; the patch is checked against a stand-in text holding
the three lines it replaces (as the 2026-03-23 record has them, challenge_facts.md / the record's code).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest

from tests.rehearsal import HANG_S, ROOT, failure_text, load_script

PUBLIC_LIKE = '''import os
import torch
import torch.nn.functional as F
from flash_attn_interface import flash_attn_func as flash_attn_3_func

def attend(q, k, v):
    return flash_attn_3_func(q, k, v, causal=True)

def main():
    world_size = int(os.environ.get("WORLD_SIZE", "1"))
    grad_accum_steps = 8 // world_size
    enable_math_sdp(False)
    return grad_accum_steps
'''


def test_public_patch_replaces_each_line_once_and_stays_python():
    gc = load_script("gpu_check")
    text, done = gc.patch_public(PUBLIC_LIKE)
    assert len(done) == len(gc.PUBLIC_PATCHES)
    ast.parse(text)
    assert "flash_attn_interface" not in text and "is_causal=causal, enable_gqa=True" in text
    assert "os.environ.get('GRAD_ACCUM_STEPS', 8 // world_size)" in text and "enable_math_sdp(True)" in text
    with pytest.raises(gc.PatchError, match="grad_accum_steps = 8 // world_size"):
        gc.patch_public(PUBLIC_LIKE.replace("grad_accum_steps = 8 // world_size", "grad_accum_steps = 1"))


def test_sdpa_stand_in_for_fa3_matches_the_flagship_attention(flagship):
    """The function the patch defines is causal GQA attention: the flagship's SDPA path on the same inputs."""
    import torch

    gc = load_script("gpu_check")
    text, _ = gc.patch_public(PUBLIC_LIKE)
    scope = {}
    exec(compile(text.split("def attend")[0], "patched", "exec"), scope)  # the imports and the shim only
    q, k, v = torch.randn(2, 16, 4, 8), torch.randn(2, 16, 2, 8), torch.randn(2, 16, 2, 8)
    torch.testing.assert_close(scope["flash_attn_3_func"](q, k, v, causal=True), flagship.sdpa_attention(q, k, v))


def test_tiny_cpu_run_fills_every_stage(tmp_path):
    out = tmp_path / "gpu_check.json"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gpu_check.py"), "--tiny", "--out", str(out),
                           "--work", str(tmp_path / "work"), "--budget-s", "3000"], cwd=ROOT, capture_output=True,
                          text=True, timeout=HANG_S)
    assert proc.returncode == 0, failure_text(proc)
    report = json.loads(out.read_text())
    stages = report["stages"]
    assert set(stages) == {"data", "ours", "theirs", "step", "ttt", "ortho"}
    assert not [s for s, v in stages.items() if "error" in v], {s: v.get("error") for s, v in stages.items()}
    assert stages["theirs"]["skipped"] == "no --public-script given"
    ours = stages["ours"]
    assert ours["returncode"] == 0 and ours["ms_per_step"] > 0 and ours["window"] == [4, 12]
    assert ours["sliding_eval_ms"] > 0 and ours["projected_full_val_sliding_s_8gpu"] > 0 and ours["export_s"] >= 0
    assert stages["step"]["step_ms_median"] > 0 and stages["step"]["profile_top_kernels"]
    assert stages["ttt"]["sgd"]["ms_per_chunk_1gpu"] > 0 and stages["ttt"]["lora_phased"]["seconds"] > 0
    assert {t["method"] for t in stages["ortho"]["timings"]} == {"ns5", "mud"}
    assert report["device"] == "cpu" and report["torch"] and report["command"]
    assert report["projection_8xh100"]["steps_in_600s_without_comm"] > 0
