"""CaseOps byte sidecars (issue 27): val bytes from `fineweb_val_bytes_*.bin` in the flagship and the judge.

The dataset here is the tiny one (tests/conftest.py) with its val split over two shards and a sidecar beside
each whose byte counts differ from the tokenizer's pieces (the pieces' count plus 0-2 per token), so a side
that ignored the sidecar would print another val_bpb: every score below is checked against the sidecar's
bytes, and flagship and judge against each other to 1e-6.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest
import torch

from data.shards import load_shard, shard_name, write_shard
from eval.dist import DistContext
from eval.doc_ttt import DocTTTConfig, run_doc_ttt
from eval.harness import JudgeError, JudgeSettings, load_val, report_lines
from eval.scoring import score_windows
from eval.ttt import TTTConfig, run_ttt
from eval.windows import sliding_windows
from tests.rehearsal import HANG_S, ROOT, awake_model, brute_force_nll, failure_text, judge, run_flagship
from tests.test_doc_ttt import doc_port

CPU = DistContext()
CUT = 3000  # the val stream's split into two shards (the flagship and the judge concatenate them again)
DOC = dict(TTT_MODE="lora_phased", TTT_DOC_CHUNK="16", TTT_DOC_BATCH="3", TTT_LORA_RANK="4", TTT_PHASES="2",
           TTT_PHASE_DOCS="6", TTT_LR="0.01", TTT_EPOCHS="1")


@pytest.fixture(scope="module")
def caseops(tiny_data, flagship, tmp_path_factory):
    """The tiny dataset as CaseOps data would lie on disk: val in two shards, a byte sidecar beside each."""
    data = tmp_path_factory.mktemp("sidecar") / "tiny_sidecar"
    data.mkdir()
    for train in tiny_data["data"].glob("fineweb_train_*.bin"):
        shutil.copy2(train, data / train.name)
    val = tiny_data["val"]
    luts = flagship.byte_luts(tiny_data["sp"], torch.device("cpu"))
    v = torch.from_numpy(val)
    pieces = np.concatenate([[0], flagship.target_bytes(v[:-1], v[1:], luts).numpy()])  # bytes of token j
    extra = np.random.default_rng(0).integers(0, 3, len(val))
    sidecar = np.where(val == 1, 0, pieces + extra)  # BOS: 0 bytes, as the public exporter writes it
    assert sidecar[1:].sum() != pieces[1:].sum()
    for i, (lo, hi) in enumerate(((0, CUT), (CUT, len(val)))):
        write_shard(data / shard_name("val", i), val[lo:hi])
        write_shard(data / shard_name("val_bytes", i), sidecar[lo:hi])
    env = dict(tiny_data["env"], DATA_PATH=str(data))
    return dict(data=data, env=env, val=val, sidecar=sidecar, pieces=pieces)


def total(caseops, n_tokens: int, source: str = "sidecar") -> int:
    """Bytes of targets 1..n_tokens-1 (the val prefix a VAL_TOKENS_LIMIT run scores)."""
    return int(caseops[source][1:n_tokens].sum())


def setup_model(flagship, caseops, **extra):
    hp, model = awake_model(flagship, {**caseops["env"], **extra})
    val = flagship.load_val_tokens(hp)
    luts = flagship.load_val_bytes(hp.run.val_files, val.numel(), flagship.byte_luts(flagship.load_tokenizer(hp),
                                                                                  torch.device("cpu")))
    return hp, model, val, luts


def judge_val(hp, limit: int = 0):
    """The judge's val data for these settings (eval/harness.py load_val, as `python -m eval` reads it)."""
    settings = JudgeSettings(seq_len=hp.eval.eval_seq_len, stride=hp.eval.eval_stride, batch_seqs=hp.eval.eval_batch_seqs,
                             val_files=hp.run.val_files, tokenizer_path=hp.run.tokenizer_path,
                             vocab_size=hp.model.vocab_size, val_tokens_limit=limit, ttt=TTTConfig.from_hp(hp))
    return load_val(settings)


def test_a_val_glob_with_sidecars_reads_no_sidecar_as_tokens(flagship, caseops):
    """`fineweb_val_*.bin` matches fineweb_val_bytes_*.bin: before, the flagship read the sidecars as more
    val tokens (byte counts are valid token ids), scoring garbage; the judge's (data.shards) did not."""
    hp = flagship.Hyperparameters.from_env(caseops["env"])
    assert flagship.shard_files(hp.run.val_files) == [str(caseops["data"] / shard_name("val", i)) for i in (0, 1)]
    assert flagship.load_val_tokens(hp).tolist() == caseops["val"].tolist()
    assert judge_val(hp).tokens.tolist() == caseops["val"].tolist()


def test_flagship_and_judge_take_the_sidecar_bytes(flagship, caseops, tiny_data):
    hp, _, val, luts = setup_model(flagship, caseops)
    assert torch.is_tensor(luts) and luts.tolist() == caseops["sidecar"].tolist()
    jv = judge_val(hp)
    assert jv.total_bytes == total(caseops, len(caseops["val"])) and len(jv.byte_files) == 2
    assert [os.path.basename(f) for f in jv.byte_files] == [shard_name("val_bytes", i) for i in (0, 1)]
    lines = report_lines({"record": "r", "artifact": "a", "device": "cpu", "world_size": 1, "settings": dict(
        seq_len=32, stride=8, batch_seqs=4, val_files=hp.run.val_files, tokenizer_path="t", doc_mask=False),
        "val": {"targets": jv.n_targets, "bytes": jv.total_bytes, "byte_files": jv.byte_files}, "scores": {},
        "sizes": {"bytes_code": 1, "bytes_artifact": 1, "bytes_total": 2, "cap": 3, "ok": True},
        "comparisons": [], "notes": [], "failures": [], "eval_time_ms": 0, "ok": True})
    assert "val_bytes:sidecar files:2" in lines
    # a limited run scores a prefix: the sidecar is cut with the tokens
    assert judge_val(hp, limit=500).total_bytes == total(caseops, 501)
    assert flagship.load_val_bytes(hp.run.val_files, 501, None).tolist() == caseops["sidecar"][:501].tolist()
    # without sidecars both count the tokenizer's pieces, as before
    plain = flagship.Hyperparameters.from_env(tiny_data["env"])
    assert flagship.load_val_bytes(plain.run.val_files, 10, "the tables") == "the tables"
    plain_val = judge_val(plain)
    assert plain_val.byte_files == []
    assert plain_val.total_bytes == total(caseops, len(caseops["val"]), "pieces")


def test_sliding_scores_every_target_once_with_sidecar_bytes_and_the_judge_agrees(flagship, caseops):
    """The exact-once brute force (tests/test_flagship.py) on the sidecar dataset: each target alone from its
    window's context, bytes from the sidecar; the judge's own scoring of the same model to 1e-6."""
    hp, model, val, luts = setup_model(flagship, caseops, VAL_TOKENS_LIMIT=300)
    rt = flagship.Runtime(device=torch.device("cpu"))
    L, S, N = hp.eval.eval_seq_len, hp.eval.eval_stride, val.numel() - 1
    loss, bpb = flagship.eval_sliding(model.forward_logits, val, L, S, hp.eval.eval_batch_seqs, luts, rt)
    nll = brute_force_nll(model, val, flagship.window_ends(N, L, S), L)
    nbytes = total(caseops, N + 1)
    assert abs(loss - nll / N) < 1e-5 and abs(bpb - nll / math.log(2) / nbytes) < 1e-5
    jv = judge_val(hp, limit=300)
    for stride in (L, S):  # plain and sliding
        w = sliding_windows(jv.n_targets, L, stride)
        result = score_windows(model, jv.tokens, w, 0, len(w), jv.cum_bytes, hp.eval.eval_batch_seqs, CPU).result(
            jv.n_targets, jv.total_bytes)  # checks every target once and every byte once
        mine = flagship.eval_sliding(model.forward_logits, val, L, stride, hp.eval.eval_batch_seqs, luts, rt)
        assert abs(result["val_bpb"] - mine[1]) < 1e-6 and abs(result["val_loss"] - mine[0]) < 1e-6, stride


@pytest.mark.parametrize("mode", ["sgd", "lora_phased"])
def test_both_ttt_modes_count_the_sidecar_bytes_and_the_judge_agrees(flagship, caseops, mode):
    extra = dict(TTT_ENABLED=1, TTT_LR=0.01) if mode == "sgd" else DOC
    hp, model, val, luts = setup_model(flagship, caseops, VAL_TOKENS_LIMIT=600, **extra)
    state = {k: v.clone() for k, v in model.state_dict().items()}
    rt = flagship.Runtime(device=torch.device("cpu"))
    if mode == "sgd":
        loss, bpb = flagship.eval_ttt(model, model, model.forward_logits, val, hp.eval, luts, rt)
    else:
        loss, bpb = flagship.eval_ttt_docs(model, model, val, hp, luts, rt)
    model.load_state_dict(state)
    jv = judge_val(hp, limit=600)
    if mode == "sgd":
        sums = run_ttt(model, jv.tokens, sliding_windows(jv.n_targets, hp.eval.eval_seq_len,
                       hp.eval.eval_stride), jv.cum_bytes, TTTConfig.from_hp(hp), hp.eval.eval_batch_seqs, CPU)
    else:
        sums = run_doc_ttt(doc_port(flagship, model, hp), jv.tokens, jv.cum_bytes, DocTTTConfig.from_hp(hp), CPU)
    result = sums.result(jv.n_targets, jv.total_bytes)
    assert jv.total_bytes == total(caseops, 601)
    assert abs(bpb - loss * 600 / math.log(2) / total(caseops, 601)) < 1e-9  # the flagship's: the sidecar's
    assert abs(result["val_bpb"] - bpb) < 1e-6 and abs(result["val_loss"] - loss) < 1e-6, (result, bpb)


@pytest.mark.parametrize("nproc", [2])
def test_a_sidecar_run_trains_ships_and_is_judged_to_1e6_with_sidecar_bytes(caseops, tmp_path, nproc):
    """`python train_gpt.py` on the sidecar dataset (roundtrip, sliding, lora_phased TTT) and `python -m eval`
    from its artifact: both say `val_bytes:sidecar files:2`, both divide by the sidecar's bytes, 1e-6
    apart, under torchrun (gloo) on two ranks, the judge's lora_phased trace merged from both and checked.
    The suite's one eager 2-rank run and 2-rank judge (until 2026-12-05 also a 1-rank run here, and 1- and
    2-rank lora_phased runs in test_doc_ttt.py; one rank: test_rehearsal_runs.py's lora_phased run)."""
    env = {**caseops["env"], **DOC, "TTT_ENABLED": "1", "ITERATIONS": "8", "WARMDOWN_ITERS": "4",
           "EMA_DECAY": "0.9", "VAL_TOKENS_LIMIT": "1200"}
    run = run_flagship(tmp_path / "run", env, nproc=nproc)
    assert "\nval_bytes:sidecar files:2\n" in run.log, run.log[-3000:]
    nbytes = total(caseops, 1201)
    lines = {"plain": "final_int6_roundtrip_exact", "sliding": "final_int6_sliding_window_exact",
             "ttt": "legal_ttt_exact"}
    for line in lines.values():
        loss, bpb = run.score(line)
        assert abs(loss * 1200 / math.log(2) / nbytes - bpb) < 1e-6 * bpb, line  # (8 printed digits)
    data = {k: caseops["env"][k] for k in ("DATA_PATH", "TOKENIZER_PATH")}
    proc, report = judge(run.dir, data, "--ttt", nproc=nproc)
    assert proc.returncode == 0, failure_text(proc)
    assert "val_bytes:sidecar files:2" in proc.stdout.splitlines()
    assert report["val"]["bytes"] == nbytes and report["val"]["bytes_source"] == "sidecar"
    assert report["world_size"] == nproc
    for mode, line in lines.items():
        assert abs(report["scores"][mode]["val_bpb"] - run.score(line)[1]) < 1e-6, mode
    assert report["scores"]["ttt"]["ttt_mode"] == "lora_phased"
    check = report["scores"]["ttt"]["trace_check"]
    assert check["checker"] == "check_doc_trace" and check["ran"] and check["ranks"] == nproc


def broken_copy(caseops, tmp_path, how: str):
    data = tmp_path / "broken"
    shutil.copytree(caseops["data"], data)
    side = data / shard_name("val_bytes", 1)
    if how == "missing":
        side.unlink()
    elif how == "short":
        write_shard(side, np.asarray(load_shard(side))[:-1])
    else:  # not a shard: a bad header
        side.write_bytes(b"\0" * 1030)
    return data, side, data / shard_name("val", 1)


@pytest.mark.parametrize("how", ["missing", "short", "header"])
def test_a_sidecar_that_does_not_match_is_refused_by_both_naming_the_files(flagship, caseops, tmp_path, how):
    data, side, val = broken_copy(caseops, tmp_path, how)
    hp = flagship.Hyperparameters.from_env({**caseops["env"], "DATA_PATH": str(data)})
    with pytest.raises(ValueError) as flag_err:
        flagship.load_val_bytes(hp.run.val_files, 10, None)
    with pytest.raises(JudgeError) as judge_err:
        judge_val(hp)
    names = [str(side)] + ([str(val)] if how != "header" else [])  # a bad header is the sidecar's own fault
    for message in (str(flag_err.value), str(judge_err.value)):
        assert all(name in message for name in names), message
        if how == "short":
            assert f"has {len(caseops['val']) - CUT - 1} entries" in message and "tokens" in message


def test_the_flagship_refuses_a_short_sidecar_before_step_1(caseops, tmp_path):
    data, side, val = broken_copy(caseops, tmp_path, "short")
    env = {**os.environ, **caseops["env"], "DATA_PATH": str(data), "OUT_DIR": str(tmp_path / "out"),
           "RUN_ID": "r"}
    proc = subprocess.run([sys.executable, str(ROOT / "train_gpt.py")], env=env, capture_output=True,
                          text=True, timeout=HANG_S, cwd=tmp_path)
    assert proc.returncode != 0
    last = proc.stderr.strip().splitlines()[-1]
    assert str(side) in last and str(val) in last and "byte sidecar has" in last, last
    assert "step:" not in proc.stdout and not (tmp_path / "out" / "final_model.int6.ptz").exists()


def test_the_frontier_preset_points_at_the_caseops_data_and_tokenizer(flagship):
    """As the public 04-27 record ran (its README: the CaseOps variant from the hub); an explicit env wins."""
    hp = flagship.Hyperparameters.from_env({"PRESET": "frontier_0427"})
    assert hp.run.data_path == "./data/datasets/fineweb10B_sp8192_lossless_caps_caseops_v1_reserved"
    assert hp.run.tokenizer_path == "./data/tokenizers/fineweb_8192_bpe_lossless_caps_caseops_v1_reserved.model"
    env = {"PRESET": "frontier_0427", "DATA_PATH": "d", "TOKENIZER_PATH": "t"}
    hp = flagship.Hyperparameters.from_env(env)
    assert (hp.run.data_path, hp.run.tokenizer_path) == ("d", "t")
