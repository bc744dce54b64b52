"""Every distinct pipeline of the flagship, end to end on a tiny model, every other documented setting riding
on one of them: `python train_gpt.py` (or torchrun with 2 gloo ranks) trains, evaluates the float weights, exports, reloads, scores the shipped model, and the
judge re-scores the artifact to 1e-6 from the artifact alone (no env but the data paths).

Defects these tests were written against (issue 13, code of 2026-11-25):
- GPTQ_CALIB_SEQS>0 with the default late QAT exported every bank as zeros (Hessians collected through
  fake-quant copies): the roundtrip loss must stay within QUANT_GAP_NATS of the float loss.
- torch.compile(fullgraph=True) made one graph per eval batch shape, QAT flag and grad mode, and a real run
  hit dynamo's recompile limit after training: the compiled run must stay well under it for any val length
  and world size.
- `python -m eval RUN_DIR` could not rebuild a model trained with env settings.

The settings that change only training math (ORTHO and its options, the lr schedule, MUON_ROW_NORMALIZE, EMBED_WD,
GRAD_ACCUM_STEPS, LATE_QAT_THRESHOLD, FINAL_WEIGHTS) are not run end to end here: main() reads none of them and the
judge sees none; test_training_settings.py trains each in-process and shows it reaches its code.
"""

from __future__ import annotations

import math

import pytest

from eval.logs import parse_lines
from tests.rehearsal import Run, judge, run_flagship, standin_env

# The int6 roundtrip of this tiny 40-step model costs 0.003-0.008 nats (measured: GPTQ 0.0026, RTN 0.0081,
# MUD 0.0061, SWA 0.0053); banks exported as zeros cost ~4 nats. The bound separates the two with room.
QUANT_GAP_NATS = 0.02
# Graphs a compiled run makes: training with and without late QAT, TTT's weighted loss, the eval forward.
GRAPH_BOUND = 4

# A tiny run in which every stage happens: late QAT switches on (lr scale < 0.15 in the warmdown), TTT
# has several chunks, the val length (1009 targets, prime) is a multiple of no batch, stride or chunk.
# EMA_DECAY 0.9: at the default 0.997 a 40-step run would ship weights ~90% of their initial values.
RUN = dict(ITERATIONS="40", WARMDOWN_ITERS="20", VAL_TOKENS_LIMIT="1009", TRAIN_LOG_EVERY="10", EMA_DECAY="0.9")

# One run per distinct pipeline (issue 28): the default; GPTQ with int5 and the SGD TTT mode; the lora_phased TTT
# mode; the compiled runs, the frontier preset (below). Every other switch rides along on one of these (each is a
# code path that the run, the export and the judge's rebuild from the header then take) and has a fast in-process
# test that it reaches its code (test_flagship.py, test_frontier.py, test_gpu_path.py, test_training_settings.py).
# Until 2026-12-05 each had a run of its own: 14 runs here, more in test_doc_ttt.py and test_sidecar.py; the table
# of what moved where is in results/suite_time_2026-12-05.md ("issue 28 item 5").
SETTINGS = {
    "default": {},
    # the SGD TTT mode (1 rank, eager), GPTQ with int5 for half the matrices, the FA3 stand-in's dense call, the
    # lzma codec (export and the judge's decode), no LN scale
    "gptq_int5_ttt_sgd_fa3_lzma": dict(GPTQ_CALIB_SEQS="8", INT5_SHARE="0.5", TTT_ENABLED="1", ATTENTION="fa3",
                                      COMPRESSOR="lzma", LN_SCALE="0"),
    # the lora_phased TTT mode (1 rank, eager) on a subset of LoRA targets, with the frontier's switches on the tiny
    # March model (3 layers): looping, skip gates, parallel lanes, the sparse attention gate, the input smear,
    # document masking through the FA2 stand-in's varlen call, SD clipping, int7 GPTQ'd embeddings, LQER, zstd
    "lora_phased_frontier_switches_fa2_zstd": dict(
        TTT_ENABLED="1", TTT_MODE="lora_phased", TTT_LORA_TARGETS="v,mlp", TTT_DOC_CHUNK="16", TTT_DOC_BATCH="3",
        TTT_LORA_RANK="4", TTT_PHASES="1", TTT_PHASE_DOCS="4",
        LOOP_START="1", LOOP_END="1", NUM_LOOPS="2", ENABLE_LOOPING_AT="0.5", SKIP_GATES="1",
        PARALLEL_START_LAYER="1", SPARSE_ATTN_GATE="1", SMEAR_GATE="input", DOC_MASK="1", ATTENTION="fa2",
        GPTQ_CALIB_SEQS="8", QUANT_CLIP="sd", EMBED_BITS="7", EMBED_GPTQ="1", LQER_RANK="2", LQER_TOP_K="2",
        COMPRESSOR="zstd"),
}


def data_env(tiny_data) -> dict:
    return {k: tiny_data["env"][k] for k in ("DATA_PATH", "TOKENIZER_PATH")}


def check_shipped_and_judged(run, tiny_data, ttt: bool, ttt_mode: str = "sgd") -> dict:
    """The run's own checks (roundtrip near float) and the judge's re-score of its artifact to 1e-6."""
    # the byte plan printed before training is an upper bound of what the export wrote
    assert int(run.value("bytes_model")) <= int(run.value("est_model_bytes")), run.log[-3000:]
    float_loss, _ = run.score("final_float_exact")
    shipped_loss, _ = run.score("final_int6_roundtrip_exact")
    assert abs(shipped_loss - float_loss) < QUANT_GAP_NATS, (float_loss, shipped_loss)
    proc, report = judge(run.dir, data_env(tiny_data), *(["--ttt"] if ttt else []))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    modes = {"plain": "final_int6_roundtrip_exact", "sliding": "final_int6_sliding_window_exact",
             **({"ttt": "legal_ttt_exact"} if ttt else {})}
    for mode, line in modes.items():
        assert abs(report["scores"][mode]["val_bpb"] - run.score(line)[1]) < 1e-6, mode
    assert {c["family"] for c in report["comparisons"]} == {"roundtrip", "sliding", *(["ttt"] if ttt else [])}
    if ttt:  # the judge ran the mode the artifact's header names, and its trace checker held it legal
        assert report["scores"]["ttt"]["ttt_mode"] == ttt_mode, report["scores"]["ttt"]
        check = report["scores"]["ttt"]["trace_check"]
        assert check["ran"] and check["ranks"] == report["world_size"], check
    return report


# The default run's seed: not the default SEED (1337), so that the three-seed record test below shows the judge
# finding the artifact's own log by its score, not by the default's name.
DEFAULT_RUN_SEED = "2025"


@pytest.fixture(scope="module")
def default_run(tiny_data, tmp_path_factory):
    """One default run trained for the tests that judge it (each judges it its own way; none writes into it
    but the judge's own report, and the three-seed test works on a copy)."""
    env = {**tiny_data["env"], **RUN, "SEED": DEFAULT_RUN_SEED}
    return run_flagship(tmp_path_factory.mktemp("default") / "run", env)


@pytest.mark.parametrize("name", list(SETTINGS))
def test_setting_trains_ships_and_is_judged_from_the_artifact(name, tiny_data, tmp_path, request):
    env = {**tiny_data["env"], **RUN, **SETTINGS[name]}
    if "ATTENTION" in env:
        env = standin_env(env)
    run = request.getfixturevalue("default_run") if name == "default" else run_flagship(tmp_path / name, env)
    assert "late_qat:on" in run.log  # every run meets late QAT, as real runs do
    if "GPTQ_CALIB_SEQS" in env:
        assert f"quantizer:gptq int5_share:{env.get('INT5_SHARE', '0.0')}" in run.log, run.log[-3000:]
    if "ATTENTION" in env:
        assert run.value("attention") == env["ATTENTION"]
    if "LOOP_START" in env:
        assert "layer_loop:on step:20 frac:0.500 encoder:[0, 1] decoder:[1, 1, 2]" in run.log
    assert run.value("world_size") == "1" and run.value("grad_accum_steps") == "8"
    report = check_shipped_and_judged(run, tiny_data, ttt=env.get("TTT_ENABLED") == "1",
                                      ttt_mode=env.get("TTT_MODE", "sgd"))
    codec = env.get("COMPRESSOR", "ctx")
    assert f"Total submission size int6+{codec}:" in run.log
    assert report["sizes"]["ok"]
    assert ("doc_isolation" in report["probes"]["checks"]) == (env.get("DOC_MASK") == "1"), report["probes"]


# One rank is not run here: the inductor test below compiles the same main() on one rank (same settings, the
# same dynamo tracing and guards, the same graph bound) and the frontier preset's test compiles FA3's stand-in on
# one rank; until 2026-12-05 a third compiled run (1 rank, aot_eager, FA3, 1009 targets) repeated them.
@pytest.mark.parametrize("nproc, val_targets", [(2, "1531")])
def test_compiled_main_stays_well_under_the_recompile_limit(nproc, val_targets, tiny_data, tmp_path):
    """The whole main() under torch.compile(fullgraph=True): dynamo traces and guards exactly as on CUDA
    (aot_eager runs the traced graphs without inductor's codegen). Compile warm-up, late QAT, GPTQ, TTT, and
    FA3's call contract (the stand-in) on 2 gloo ranks: the docstring's CPU rehearsal command."""
    env = {**tiny_data["env"], **RUN, "VAL_TOKENS_LIMIT": val_targets, "COMPILE": "1", "ATTENTION": "fa3",
           "WARMUP_STEPS": "2", "TTT_ENABLED": "1", "GPTQ_CALIB_SEQS": "8", "VAL_LOSS_EVERY": "20"}
    args = ("--compile-backend", "aot_eager", "--ortho-dtype", "fp32")  # both runtime options, through torchrun
    run = run_flagship(tmp_path / "compiled", standin_env(env), nproc=nproc, args=args)
    assert run.value("compile") == "True" and run.value("compile_backend") == "aot_eager"
    assert run.value("ortho_dtype") == "fp32"
    assert run.value("attention") == "fa3"
    graphs, limit = int(run.value("compile_graphs")), int(run.value("recompile_limit"))
    assert graphs <= GRAPH_BOUND < limit, (graphs, limit)
    check_shipped_and_judged(run, tiny_data, ttt=True)


def test_inductor_compiles_the_whole_run_on_cpu(tiny_data, tmp_path):
    """--compile-backend inductor, the GPU run's default, through inductor's CPU codegen: every graph the run makes
    (training with and without late QAT, GPTQ's calibration, TTT, the eval forward) lowered and run as
    generated code, which aot_eager skips. SDPA, as on a GPU without flash-attn; no test had run inductor before."""
    env = {**tiny_data["env"], **RUN, "COMPILE": "1", "WARMUP_STEPS": "2",
           "TTT_ENABLED": "1", "GPTQ_CALIB_SEQS": "8", "VAL_LOSS_EVERY": "20"}
    run = run_flagship(tmp_path / "inductor", env)  # no runtime options: the GPU run's defaults
    assert run.value("compile") == "True" and run.value("compile_backend") == "inductor"
    assert run.value("ortho_dtype") == "bf16"
    assert run.value("attention") == "sdpa" and "late_qat:on" in run.log and "quantizer:gptq" in run.log
    graphs, limit = int(run.value("compile_graphs")), int(run.value("recompile_limit"))
    assert graphs <= GRAPH_BOUND < limit, (graphs, limit)
    check_shipped_and_judged(run, tiny_data, ttt=True)


def test_env_that_contradicts_the_artifact_is_one_line_naming_the_settings(tiny_data, default_run):
    run = default_run
    proc, _ = judge(run.dir, {**data_env(tiny_data), "NUM_LAYERS": "5", "MODEL_DIM": "32"})
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "NUM_LAYERS=5 (artifact: 3)" in lines[0] and "MODEL_DIM" not in lines[0], proc.stderr
    # eval settings are the artifact's defaults, which the env may change (the judge then scores differently)
    proc, report = judge(run.dir, {**data_env(tiny_data), "EVAL_STRIDE": "16"})
    assert proc.returncode == 1 and report["settings"]["stride"] == 16  # 1: the sliding score no longer matches the log


def test_a_record_of_three_seeds_is_judged_against_its_own_seed_log_and_per_seed_value(tiny_data, default_run,
                                                                                        tmp_path):
    """A record folder as users download one: three seed logs, one artifact (the last seed's), submission.json
    with per-seed values and their mean. Without --seed the judge compares with the log whose score is closest
    and with that seed's value in submission.json; a mean alone is not compared (a note names the checker)."""
    import json
    import re as regex

    import shutil

    assert DEFAULT_RUN_SEED == "2025"
    shutil.copytree(default_run.dir, tmp_path / "rec")  # the record folder gets more files: a copy
    run = Run(tmp_path / "rec", default_run.log)
    own = run.score("final_int6_sliding_window_exact")[1]
    for seed, shift in (("1337", 0.05), ("42", -0.07)):  # the other seeds' logs: their scores moved
        text = regex.sub(r"(val_bpb:)(\d+\.\d+)", lambda m: f"{m[1]}{float(m[2]) + shift:.8f}", run.log)
        (run.dir / f"train_seed{seed}.log").write_text(text)
    per_seed = {"1337": own + 0.05, "42": own - 0.07, "2025": own}
    sub = {"name": "t", "val_bpb": sum(per_seed.values()) / 3, "bytes_total": 1,
           "seed_results": {k: {"val_bpb": v} for k, v in per_seed.items()}}
    (run.dir / "submission.json").write_text(json.dumps(sub))
    proc, report = judge(run.dir, data_env(tiny_data))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert report["log"].endswith("train_seed2025.log"), report["log"]
    assert any("closest" in n and "3 seed logs" in n for n in report["notes"]), report["notes"]
    assert all(c["ok"] for c in report["comparisons"]), report["comparisons"]
    assert any(c["source"].endswith("seed_results.2025.val_bpb") for c in report["comparisons"]), report["comparisons"]
    del sub["seed_results"]
    (run.dir / "submission.json").write_text(json.dumps(sub))
    proc, report = judge(run.dir, data_env(tiny_data))
    assert proc.returncode == 0 and not any("submission.json" in c["source"] for c in report["comparisons"])
    assert any("mean over 3 seeds" in n and "check_submission" in n for n in report["notes"]), report["notes"]


@pytest.fixture(scope="module")
def sample8192(offline_sample):
    """The offline sample with its 8192-piece tokenizer: the frontier's real embedding size (built once per
    session, shared with test_records.py's frontier record run)."""
    return offline_sample("8192")


def test_frontier_preset_end_to_end_under_the_rehearsal_layer(sample8192, tmp_path):
    """PRESET=frontier_0427 at a small width on the sp8192 sample: looping switched on at 35% of the steps,
    parallel lanes, gates, document masking through FA3's varlen call (stand-in), compiled with fullgraph,
    GPTQ with SD clipping, int7 GPTQ'd embeddings and LQER, per-document LoRA TTT; judged from the artifact.
    The preset's own evals: its plan lists roundtrip and phased TTT only, no sliding eval runs, and the final
    lines the scripts and the judge read are there (headline: the TTT line). Until 2026-12-05 this run added
    SLIDING_EVAL=1 and test_eval_plan.py trained the preset a second time (tiny data) for these checks."""
    env = {**sample8192, "PRESET": "frontier_0427", "NUM_LAYERS": "6", "MODEL_DIM": "64", "NUM_HEADS": "4",
           "NUM_KV_HEADS": "2", "LOOP_START": "2", "LOOP_END": "3", "PARALLEL_START_LAYER": "4", "XSA_LAST_N": "6",
           "TRAIN_SEQ_LEN": "128", "EVAL_SEQ_LEN": "128", "EVAL_STRIDE": "32", "TRAIN_BATCH_TOKENS": "2048",
           "ITERATIONS": "20", "WARMUP_STEPS": "4", "MAX_WALLCLOCK_SECONDS": "0", "VAL_TOKENS_LIMIT": "833",
           "GPTQ_CALIB_SEQS": "8", "TTT_ENABLED": "1", "TTT_CHUNK_TOKENS": "1024", "TTT_EPOCHS": "1",
           "EVAL_BATCH_SEQS": "16", "TTT_BATCH_SEQS": "8", "TTT_DOC_BATCH": "2", "TTT_LORA_RANK": "4",
           "TTT_DOC_CHUNK": "64", "TTT_PHASES": "1", "TTT_PHASE_DOCS": "1",
           "EMA_DECAY": "0.9", "TRAIN_LOG_EVERY": "10", "COMPILE": "1", "ATTENTION": "fa3"}
    # VAL_TOKENS_LIMIT 833 (1601 until 2026-12-07): half the eval work (the compiled TTT eval and the
    # judge's TTT were most of the run's time after training) with the same remainders: 833 = 13*64 + 1 =
    # 6*128 + 65 (TTT_DOC_CHUNK 64, EVAL_SEQ_LEN 128), as 1601 = 25*64 + 1 = 12*128 + 65; both inside the
    # sample's first document (~4,000 tokens)
    run = run_flagship(tmp_path / "frontier", standin_env(env), args=("--compile-backend", "aot_eager"))
    # embedding + banks (q, o; k, v; up, down) + per block (q_gain, gate, scales, resid_mix) + 5 skip weights and
    # gates (10 visits) + lane lambdas + the input smear gate: the 04-27 model's tensors at this size
    params = (8192 * 64 + 12 * 64 * 64 + 12 * 32 * 64 + 2 * 6 * 256 * 64 + 6 * (4 + 4 * 12 + 64 + 64 + 128)
              + 2 * 5 * 64 + 6 * (2 + 4) + 12 + 1)
    assert run.value("attention") == "fa3" and run.value("model_params") == str(params)
    assert "layer_loop:on step:7 frac:0.350 encoder:[0, 1, 2, 3, 2] decoder:[3, 2, 3, 4, 5]" in run.log
    assert "late_qat:on" not in run.log and "quantizer:gptq" in run.log
    assert int(run.value("compile_graphs")) <= GRAPH_BOUND
    # the preset's evals (from test_eval_plan.py): roundtrip and phased TTT, no sliding
    plans = [line.split()[1] for line in run.log.splitlines() if line.startswith("eval_plan eval:")]
    assert plans == ["eval:roundtrip", "eval:ttt_lora_phased"], run.log[-3000:]
    assert "sliding" not in run.log.split("eval_plan est_total_s:")[1], run.log[-3000:]
    assert "hp:SLIDING_EVAL=False" in run.log and "Total submission size" in run.log
    summary = parse_lines(run.log.splitlines())
    assert summary.headline().key == "legal_ttt_exact" and summary.family("sliding") is None
    sample_env = {"DATA_PATH": sample8192["DATA_PATH"], "TOKENIZER_PATH": sample8192["TOKENIZER_PATH"]}
    # the byte plan printed before training is an upper bound of what the export wrote
    assert int(run.value("bytes_model")) <= int(run.value("est_model_bytes")), run.log[-3000:]
    float_loss, _ = run.score("final_float_exact")
    assert float_loss < math.log(8192) - 1.5  # it learned (uniform: 9.01 nats)
    assert abs(run.score("final_int6_roundtrip_exact")[0] - float_loss) < 0.05
    proc, report = judge(run.dir, sample_env, "--ttt")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    for mode, line in {"plain": "final_int6_roundtrip_exact", "ttt": "legal_ttt_exact"}.items():
        assert abs(report["scores"][mode]["val_bpb"] - run.score(line)[1]) < 1e-6, mode
    assert {c["family"] for c in report["comparisons"]} == {"roundtrip", "ttt"}, report["comparisons"]
    assert report["scores"]["ttt"]["ttt_mode"] == "lora_phased" and report["scores"]["ttt"]["trace_check"]["ran"]
