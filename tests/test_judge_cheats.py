"""A record that wants a better score than its model earns: each cheat against the judge before and after
it ran record code only in a child process (eval/port.py).

"Before" (`old_judge`) is the judge's own loading and scoring code run with the record imported into the
same process, which is what `python -m eval` did until 2026-12-05 (eval/harness.py load_interface +
load_model + score_mode in one interpreter), in a subprocess so the cheat's patches never reach this test
process. "After" is `python -m eval` (eval.cli.main) as users run it. Every cheat is appended to a copy of
the fake record's train_gpt.py (tests/fixtures/fake_record), whose honest scores are the reference.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import LOOK_AHEAD, one_thread, run_module, world, world_env  # noqa: E402,F401  (fixtures)

from eval import sandbox  # noqa: E402
from eval.cli import main  # noqa: E402
from eval.port import LocalModel  # noqa: E402
from eval.probes import ProbeError, run_probes  # noqa: E402
from tests.rehearsal import ForkRunner, awake_model  # noqa: E402

# The judge's loading and scoring code with the record's code in its own process (the judge before the child).
OLD_JUDGE = r"""
import json, sys
from pathlib import Path
from eval.dist import DistContext
from eval.harness import EvalOptions, _comparison, judge_settings, load_interface, load_model, load_val
from eval.scoring import score_windows
from eval.windows import sliding_windows
record, logged = Path(sys.argv[1]), float(sys.argv[2])
ctx = DistContext()
module, hp, script, artifact = load_interface(record, None)  # the record's train_gpt.py runs here
model = load_model(module, hp, artifact, ctx)
settings = judge_settings(hp, EvalOptions(record_dir=record))
val = load_val(settings)
out = {}
for mode, stride in (("plain", settings.seq_len), ("sliding", settings.stride)):
    w = sliding_windows(val.n_targets, settings.seq_len, stride)
    sums = score_windows(model, val.tokens, w, 0, len(w), val.cum_bytes, settings.batch_seqs, ctx)
    out[mode] = sums.result(val.n_targets, val.total_bytes)
out["log_ok"] = _comparison("log", "sliding", logged, out["sliding"]["val_bpb"], 1e-4, "", "")["ok"]
print("OLD_JUDGE " + json.dumps(out))
"""

_HONEST: dict = {}


_SERVER: list = []


@pytest.fixture(scope="module", autouse=True)
def _old_judge_server():
    yield
    while _SERVER:
        _SERVER.pop().close()


def old_judge(world, record: Path, logged: float = 0.0) -> dict:
    """OLD_JUDGE in a fresh process: a child forked from a server that imported torch and the judge's modules
    (tests/rehearsal.py ForkRunner; until 2026-12-06 a new interpreter per cheat, 9 of them)."""
    import os

    from tests.fixtures.eval_world import REPO_ROOT

    env = dict(os.environ)
    env.setdefault("OMP_NUM_THREADS", "1")
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update(world.env)
    if not _SERVER:
        _SERVER.append(ForkRunner(env, preload=("torch", "eval.harness", "eval.scoring", "eval.windows")))
    proc = _SERVER[0].run(env, REPO_ROOT, code=OLD_JUDGE, args=(str(record), repr(logged)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    line = [x for x in proc.stdout.splitlines() if x.startswith("OLD_JUDGE ")][-1]
    return json.loads(line[len("OLD_JUDGE "):])


def new_judge(capsys, record: Path, *extra) -> tuple[int, dict, str]:
    path = record.parent / f"report_{len(list(record.parent.glob('report_*.json')))}.json"
    code = main([str(record), "--json", str(path), *map(str, extra)])
    out, err = capsys.readouterr()
    return code, json.loads(path.read_text()), out + err


def honest(world, tmp_path_factory) -> dict:
    """The untouched fake record's scores by the old judge (the new one agrees: test_honest_scores_agree)."""
    if "scores" not in _HONEST:
        rec = world.copy_record(tmp_path_factory.mktemp("honest") / "rec")
        _HONEST["scores"] = old_judge(world, rec)
    return _HONEST["scores"]


def cheat(world, tmp_path: Path, code: str) -> Path:
    record = world.copy_record(tmp_path / "rec")
    with open(record / "train_gpt.py", "a") as f:
        f.write("\n\n# ---- the cheat\n" + code.strip() + "\n")
    return record


def assert_honest(report: dict, ref: dict) -> None:
    assert report["ok"], report["failures"]
    for mode in ("plain", "sliding"):
        got = report["scores"][mode]
        assert abs(got["val_loss"] - ref[mode]["val_loss"]) < 1e-6, (mode, got, ref[mode])
        assert abs(got["val_bpb"] - ref[mode]["val_bpb"]) < 1e-6


def assert_refused(code: int, report: dict, out: str, check: str) -> None:
    assert code == 1 and not report["ok"] and report["scores"] == {}, out
    assert report["refused"] and report["refused"][0].startswith(check), report["refused"]
    assert "eval_ok:false" in out and f"refused: {check}" in out, out


def test_honest_scores_agree(world_env, one_thread, tmp_path, tmp_path_factory, capsys):
    """The child-process judge gives the in-process judge's scores to 1e-6 on an honest record, and its probes
    pass (causality, purity, outputs; the fake record has no DOC_MASK)."""
    ref = honest(world_env, tmp_path_factory)
    code, report, out = new_judge(capsys, world_env.copy_record(tmp_path / "rec"))
    assert code == 0, out
    assert_honest(report, ref)
    assert report["probes"]["checks"] == ["outputs", "purity", "causality"]
    assert report["probes"]["purity_repeats"] > 0
    assert "eval_probes checks:outputs,purity,causality" in out


CE_PATCH = """
import torch.nn.functional as _F
_ce = _F.cross_entropy
_F.cross_entropy = lambda *a, **k: _ce(*a, **k) * 0.5
"""


def test_patching_torch_functional_cross_entropy(world_env, one_thread, tmp_path, tmp_path_factory, capsys):
    """The three lines of issue 26: the old judge printed half the honest val_loss; now the patch lives in the
    child, which computes no loss the judge reports."""
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, CE_PATCH)
    before = old_judge(world_env, record)
    assert before["sliding"]["val_loss"] == pytest.approx(ref["sliding"]["val_loss"] * 0.5, rel=1e-9)
    code, report, out = new_judge(capsys, record)
    assert code == 0, out
    assert_honest(report, ref)


TENSOR_PATCH = """
_double = torch.Tensor.double
torch.Tensor.double = lambda self, *a, **k: _double(self, *a, **k) * 0.5
"""


def test_patching_a_tensor_method(world_env, one_thread, tmp_path, tmp_path_factory, capsys):
    """Tensor.double halved (the judge sums losses in float64): half the loss before, the honest loss now."""
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, TENSOR_PATCH)
    before = old_judge(world_env, record)
    assert before["sliding"]["val_loss"] == pytest.approx(ref["sliding"]["val_loss"] * 0.5, rel=1e-6)
    code, report, out = new_judge(capsys, record)
    assert code == 0, out
    assert_honest(report, ref)


EVAL_PATCH = """
import importlib as _importlib
_scoring = _importlib.import_module("eval.scoring")
_bpb = _scoring.bits_per_byte
_scoring.bits_per_byte = lambda loss, nbytes: _bpb(loss, nbytes) * 0.5
"""


def test_patching_the_judges_own_modules(world_env, one_thread, tmp_path, tmp_path_factory, capsys):
    """Record code that imports eval.scoring and halves its bits_per_byte: it reached the judge's sums before;
    now it patches the child's copy of the module, and the judge's process never ran it."""
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, EVAL_PATCH)
    before = old_judge(world_env, record)
    assert before["sliding"]["val_bpb"] == pytest.approx(ref["sliding"]["val_bpb"] * 0.5, rel=1e-9)
    code, report, out = new_judge(capsys, record)
    assert code == 0, out
    assert_honest(report, ref)


BUILTINS_PATCH = """
import builtins as _builtins
_builtins.abs = lambda value: 0.0
"""


def test_patching_builtins_hides_a_score_mismatch(world_env, one_thread, tmp_path, tmp_path_factory, capsys):
    """builtins.abs -> 0: the judge's |computed - logged| <= tolerance held for any logged score, so a log
    claiming 0.05 bpb better than the artifact passed; now the comparison runs where record code never did."""
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, BUILTINS_PATCH)
    claimed = ref["sliding"]["val_bpb"] - 0.05
    before = old_judge(world_env, record, logged=claimed)
    assert before["log_ok"] is True
    (record / "train_seed1.log").write_text(
        f"final_int6_roundtrip_exact val_loss:1.0 val_bpb:{ref['plain']['val_bpb']:.8f}\n"
        f"final_int6_sliding_window_exact val_loss:1.0 val_bpb:{claimed:.8f}\n")
    code, report, out = new_judge(capsys, record)
    assert code == 1 and "sliding val_bpb mismatch" in out, out
    assert report["scores"]["sliding"]["val_bpb"] == pytest.approx(ref["sliding"]["val_bpb"], abs=1e-6)


PEEK = """
_honest_logits = TinyGPT.forward_logits


def _peek(self, ids):
    out = _honest_logits(self, ids)
    upcoming = torch.roll(ids, -1, dims=1)  # position t sees token t + 1: the very target it predicts
    return out + 8.0 * F.one_hot(upcoming, out.shape[-1]).to(out.dtype)


TinyGPT.forward_logits = _peek
"""


def test_a_non_causal_model_is_refused(world_env, one_thread, tmp_path, tmp_path_factory, capsys):
    """A model that reads the next token: a far better score before; refused by the causality probe now."""
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, PEEK)
    before = old_judge(world_env, record)
    assert before["sliding"]["val_bpb"] < ref["sliding"]["val_bpb"] - 0.5
    code, report, out = new_judge(capsys, record)
    assert_refused(code, report, out, "causality")


def test_a_model_that_reads_across_a_bos_under_doc_mask_is_refused(world_env, one_thread, tmp_path, capsys):
    """A record that says DOC_MASK (nothing attends across a BOS) while its model does. Not a sliding-score
    cheat (earlier context is fair there), which is why the old judge, with no check, passed it (eval_ok); it
    breaks the per-document scores the setting promises. Now the document-isolation probe refuses it."""
    record = cheat(world_env, tmp_path, "Hyperparameters.doc_mask = True  # claimed; TinyGPT reads across")
    assert old_judge(world_env, record)["sliding"]["targets"] > 0  # scored, nothing refused
    code, report, out = new_judge(capsys, record)
    assert_refused(code, report, out, "document isolation")


SELF_TRAIN = """
_honest_logits = TinyGPT.forward_logits


def _learn_then_answer(self, ids):
    # asked to score a window, first train on it (its inputs hold most of its targets), then answer
    if torch.is_inference_mode_enabled():
        with torch.inference_mode(False), torch.enable_grad():
            x = ids.clone()
            opt = torch.optim.SGD(self.parameters(), lr=0.5)
            for _ in range(3):
                logits = _honest_logits(self, x[:, :-1])
                loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), x[:, 1:].reshape(-1))
                opt.zero_grad()
                loss.backward()
                opt.step()
    return _honest_logits(self, ids)


TinyGPT.forward_logits = _learn_then_answer
"""


def test_training_on_a_chunk_before_scoring_it_is_refused(world_env, one_thread, tmp_path, tmp_path_factory,
                                                          capsys):
    """A forward that adapts on what it is asked to score (TTT with the order reversed, hidden in the model):
    a better score before; now the purity probe (the same request twice) refuses it before any scoring."""
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, SELF_TRAIN)
    before = old_judge(world_env, record)
    assert before["sliding"]["val_bpb"] < ref["sliding"]["val_bpb"] - 0.05
    code, report, out = new_judge(capsys, record)
    assert_refused(code, report, out, "purity")


UNNORMALIZED = """
_honest_logits = TinyGPT.forward_logits


def _inflated(self, ids):
    # log-probabilities plus a different constant per position: probabilities that sum to e^(5 + t), not 1
    logp = torch.log_softmax(_honest_logits(self, ids).float(), -1)
    return logp + 5.0 + torch.arange(ids.shape[1], dtype=logp.dtype)[None, :, None]


TinyGPT.forward_logits = _inflated
"""


def test_unnormalized_outputs_are_harmless(world_env, one_thread, tmp_path, tmp_path_factory, capsys):
    """Outputs that are not a distribution (log-probabilities shifted up by 5 + t): a judge taking
    -output[target] as the loss would gain 5+ nats a token. Moot before and now: the judge applies its own
    log-softmax to whatever comes back, so the score is the honest one (to float rounding) in both; this
    holds it."""
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, UNNORMALIZED)
    before = old_judge(world_env, record)
    assert before["sliding"]["val_loss"] == pytest.approx(ref["sliding"]["val_loss"], abs=1e-5)
    code, report, out = new_judge(capsys, record)
    assert code == 0, out
    for mode in ("plain", "sliding"):
        assert report["scores"][mode]["val_loss"] == pytest.approx(ref[mode]["val_loss"], abs=1e-5)


def test_non_finite_outputs_are_refused(world_env, one_thread, tmp_path, capsys):
    """NaN logits: refused by the outputs probe, one line naming it."""
    code_text = ("_honest_logits = TinyGPT.forward_logits\n"
                 "TinyGPT.forward_logits = lambda self, ids: _honest_logits(self, ids) * float('nan')\n")
    code, report, out = new_judge(capsys, cheat(world_env, tmp_path, code_text))
    assert_refused(code, report, out, "outputs")


def test_record_prints_do_not_reach_the_report(world_env, one_thread, tmp_path, capsys):
    """A record that prints a fake final line at import: the judge's stdout (its report) does not carry it."""
    record = cheat(world_env, tmp_path, "print('eval_ok:true FAKE')")
    main([str(record)])
    out, _ = capsys.readouterr()
    assert "FAKE" not in out and "eval_ok:true" in out


# ---------------------------------------------------------------- the probes on the flagship (in process)


def _flagship_model(flagship, tiny_data, **env):
    return awake_model(flagship, {**tiny_data["env"], **env})


def _stream(vocab: int, n: int = 400) -> np.ndarray:
    rng = np.random.default_rng(0)
    tokens = rng.integers(2, vocab, size=n)
    tokens[::37] = 1  # BOS every 37 tokens: documents
    return tokens


def test_the_flagship_passes_every_probe_with_doc_mask(flagship, tiny_data, one_thread):
    """The honest flagship (DOC_MASK=1, SMEAR_GATE=input: both masked at BOS) passes causality, purity and
    document isolation at the CPU tolerance; without DOC_MASK it reads across a BOS, and a claim of isolation
    is refused."""
    from eval.dist import DistContext
    hp, model = _flagship_model(flagship, tiny_data, DOC_MASK=1, SMEAR_GATE="input")
    port = LocalModel(model, DistContext())
    result = run_probes(port, _stream(hp.model.vocab_size), hp.eval.eval_seq_len, hp.model.vocab_size, True, 1e-5)
    assert result["checks"] == ["outputs", "purity", "causality", "doc_isolation"]
    hp, model = _flagship_model(flagship, tiny_data, DOC_MASK=0)
    port = LocalModel(model, DistContext())
    plain = run_probes(port, _stream(hp.model.vocab_size), hp.eval.eval_seq_len, hp.model.vocab_size, False, 1e-5)
    assert plain["checks"] == ["outputs", "purity", "causality"]
    with pytest.raises(ProbeError, match="document isolation"):
        run_probes(port, _stream(hp.model.vocab_size), hp.eval.eval_seq_len, hp.model.vocab_size, True, 1e-5)


def test_the_preludes_cut_always_changes_the_token_at_the_cut():
    """The prelude's causality probe and the scoring requests' cut copies build their copies with one function
    (eval/probes.py cut_rows), so the prelude has the same guarantee: the token at a row's cut is another than
    the row's. Its tails were random ids drawn alone: with a small vocabulary the token at the cut came out
    the same (half the time here), and a model that reads only the next token went unseen at that cut."""
    from eval.probes import cut_rows

    class Recorder:
        def __init__(self):
            self.sent = []

        def forward(self, x, keep):
            self.sent.append(x.clone())
            return torch.zeros(x.shape[0], keep, 3)

    width = 16
    for fill in (0, 2):  # vocab 3: BOS (1) and two others; the first drawn tail token is one of them
        port = Recorder()
        run_probes(port, np.full(100, fill), width, 3, False, 1e-5)
        x, copy = port.sent[0], port.sent[2]  # the windows, the same again, their cut copy
        cut = width // 2  # row 0's cut (run_probes)
        assert int(copy[0, cut]) != fill, (fill, copy[0].tolist())
        # the last row untouched
        assert torch.equal(copy[0, :cut], x[0, :cut]) and torch.equal(copy[-1], x[-1])
    x = torch.zeros(3, 8, dtype=torch.long)
    copy = cut_rows(x, [2, 8, 5], np.random.default_rng(0), 3, filler=np.zeros(50, dtype=np.int64))
    assert copy[0, 2] != 0 and copy[2, 5] != 0 and torch.equal(copy[1], x[1])  # even from a filler of zeros


def test_doc_ttt_chunk_longer_than_the_window_is_refused_by_both(flagship, tiny_data):
    """TTT_DOC_CHUNK > EVAL_SEQ_LEN: the judge counted targets it never scored (a far better bpb); the
    flagship's settings and the judge's doc-TTT geometry now refuse it, naming both settings."""
    from eval.doc_ttt import DocTTTConfig, check_doc_geometry
    env = {**tiny_data["env"], "TTT_MODE": "lora_phased", "TTT_DOC_CHUNK": "48", "EVAL_SEQ_LEN": "32",
           "TTT_PHASES": "1", "TTT_PHASE_DOCS": "2"}
    with pytest.raises(ValueError, match="TTT_DOC_CHUNK=48 must be <= EVAL_SEQ_LEN=32"):
        flagship.Hyperparameters.from_env(env)
    ok = flagship.Hyperparameters.from_env({**env, "TTT_DOC_CHUNK": "32"})
    cfg = DocTTTConfig.from_hp(ok)
    check_doc_geometry(cfg)
    bad = DocTTTConfig(**{**cfg.__dict__, "chunk": 48})
    with pytest.raises(ValueError, match="TTT_DOC_CHUNK=48 must be <= EVAL_SEQ_LEN=32"):
        check_doc_geometry(bad)


def test_a_world_size_mismatch_with_the_run_is_reported(world_env, one_thread, tmp_path, capsys):
    """A seed log from 8 ranks judged by one process: a line and a note say so (TTT depends on the ranks)."""
    record = world_env.copy_record(tmp_path / "rec")
    log = "run_id:x code_bytes_shipped:1 device:cuda world_size:8 attention:fa3\n"
    (record / "train_seed1.log").write_text(log)
    code, report, out = new_judge(capsys, record)
    assert report["run_world_size"] == 8 and report["world_size"] == 1
    assert "eval_world_size judge:1 run:8 match:false" in out
    assert any(n.startswith("world_size: the run had 8 ranks") for n in report["notes"]), report["notes"]


def test_a_record_that_hangs_ends_the_judge(world_env, one_thread, tmp_path, capsys):
    """A forward that never returns (deadlock, endless loop): the judge kills its child after --call-timeout
    and stops with exit 2 naming the request, instead of holding an 8xH100 node forever. Seen hanging before
    the timeout existed (the reply was awaited with no limit)."""
    code_text = ("import time\n"
                 "def _hang(self, ids):\n"
                 "    time.sleep(3600)\n"
                 "TinyGPT.forward_logits = _hang\n")
    record = cheat(world_env, tmp_path, code_text)
    code = main([str(record), "--call-timeout", "10"])
    _, err = capsys.readouterr()
    assert code == 2, err
    assert "'forward'" in err and "killed: no reply in 10 s" in err and "--call-timeout" in err
    assert main([str(record), "--call-timeout", "0"]) == 2
    assert "--call-timeout must be positive" in capsys.readouterr()[1]


# ---------------------------------------------------------------- document TTT: the record's adaptation step
# The judge's per-document TTT (eval/doc_ttt.py) runs its own loop and score around the record's DocTTTAdapter
# in the child: targets reach adapt() only after the judge scored them, so a step cannot train on one first
# (tests/test_doc_ttt.py test_the_adaptation_step_is_handed_only_scored_targets). What record code can still
# try is in the forward it answers with: train on its own inputs before answering, or read the tokens after a
# position. Each cheat below gains when nothing checks (in process, no probes) and is refused by the child's
# probes of the adapted forward (eval/port.py ChildModel.doc_logits).

LEARN_BEFORE_ANSWER = """
_honest_doc_logits = DocTTTAdapter.logits


def _learn_then_answer(self, x, segments=None):
    # ten steps on the window's own next tokens (the chunk's targets), then answer
    for _ in range(10):
        out = _honest_doc_logits(self, x, segments)
        loss = F.cross_entropy(out[:, :-1].float().flatten(0, 1), x[:, 1:].flatten())
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
    return _honest_doc_logits(self, x, segments)


DocTTTAdapter.logits = _learn_then_answer
"""

PEEK_AHEAD = """
_honest_doc_logits = DocTTTAdapter.logits


def _peek(self, x, segments=None):
    # each position told the next input token (its target) through the adapted forward: not causal
    out = _honest_doc_logits(self, x, segments)
    return out + 20.0 * F.one_hot(torch.roll(x, -1, 1), out.shape[-1]).to(out.dtype)


DocTTTAdapter.logits = _peek
"""

DOC_ENV = dict(TTT_MODE="lora_phased", TTT_ENABLED="1", TTT_DOC_CHUNK="16", TTT_DOC_BATCH="3", TTT_LORA_RANK="4",
               TTT_PHASES="1", TTT_PHASE_DOCS="3", TTT_LR="0.01", TTT_EPOCHS="1", VAL_TOKENS_LIMIT="400")


def doc_record(flagship, tiny_data, tmp_path, code: str = "") -> Path:
    """A record folder: the flagship's train_gpt.py (with `code` appended) and an artifact of an awake model whose
    header holds the doc-TTT settings."""
    hp, model = awake_model(flagship, {**tiny_data["env"], **DOC_ENV})
    record = tmp_path / "docrec"
    record.mkdir(parents=True)
    text = Path(flagship.__file__).read_text()
    (record / "train_gpt.py").write_text(text + ("\n\n# ---- the cheat\n" + code.strip() + "\n" if code else ""))
    flagship.write_artifact(record / flagship.ARTIFACT_NAME, model.state_dict(), hp=hp, run_id="doc", seed=hp.run.seed)
    return record


def doc_ttt_scores(flagship, tiny_data, record: Path, in_child: bool,
                   check_fraction: float | None = None) -> tuple[float, list[str]]:
    """(val_bpb, the child's probe failures) of the judge's lora_phased loop on the record: in its child
    process (probed; check_fraction None: the judge's default), or with the record's code in this process
    (nothing checks its forward)."""
    from eval.doc_ttt import DocTTTConfig, run_doc_ttt
    from eval.dist import DistContext
    from eval.harness import load_interface, load_model
    from eval.port import ChildModel
    from eval.scoring import prefix_bytes
    ctx = DistContext()
    module, hp, _, artifact = load_interface(record)  # in process: only for the settings when in_child
    cfg = DocTTTConfig.from_hp(hp)
    data_hp = flagship.Hyperparameters.from_env({**tiny_data["env"], **DOC_ENV})
    val = flagship.load_val_tokens(data_hp)
    luts = flagship.byte_luts(flagship.load_tokenizer(data_hp), torch.device("cpu"))
    tokens, cum = val.numpy(), prefix_bytes(flagship.target_bytes(val[:-1], val[1:], luts).numpy())
    if in_child:
        fraction = {} if check_fraction is None else {"check_fraction": check_fraction}
        with ChildModel(record, None, ctx, **fraction) as port:
            port.allocate(rows=4, width=cfg.seq_len + 1, vocab=hp.model.vocab_size, n_params=port.info["n_params"],
                          out_rows=4)
            sums = run_doc_ttt(port, tokens, cum, cfg, ctx)
            violations = list(port.violations)
    else:
        model = load_model(module, hp, artifact, ctx)
        port = LocalModel(model, ctx, lambda: module.DocTTTAdapter(model, hp))
        sums, violations = run_doc_ttt(port, tokens, cum, cfg, ctx), []
    return sums.result(len(tokens) - 1, int(cum[-1]))["val_bpb"], violations


@pytest.fixture(scope="module")
def honest_doc(flagship, tiny_data, tmp_path_factory):
    """The honest doc-TTT record and its scores, made once per module (per xdist worker) for the three tests
    below, which until 2026-12-07 each built and scored the same record (awake_model at seed 0: the same bytes
    each time): (record, in-process val_bpb, the child's val_bpb at the default check fraction, its probe
    failures). The tests assert on them as before; only the repeated work is gone."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)  # as the tests' one_thread fixture ran them
    try:
        record = doc_record(flagship, tiny_data, tmp_path_factory.mktemp("honest_doc"))
        ref, _ = doc_ttt_scores(flagship, tiny_data, record, in_child=False)
        got, violations = doc_ttt_scores(flagship, tiny_data, record, in_child=True)
    finally:
        torch.set_num_threads(before)
    return record, ref, got, violations


@pytest.mark.parametrize("cheat", ["learn_before_answer", "peek_ahead"])
def test_a_doc_ttt_adapter_that_sees_what_it_scores_is_refused(flagship, tiny_data, one_thread, tmp_path,
                                                               cheat, honest_doc):
    """The honest record through the child: no probe fails, and the score is the in-process one to 1e-6. A
    DocTTTAdapter whose forward trains on the window before answering (the order reversed), or reads each
    position's next token: a better score unchecked; in the child the purity / causality probe names it."""
    _, ref, got, violations = honest_doc
    assert not violations and abs(got - ref) < 1e-6, (violations, got, ref)
    code = LEARN_BEFORE_ANSWER if cheat == "learn_before_answer" else PEEK_AHEAD
    record = doc_record(flagship, tiny_data, tmp_path / cheat, code)
    unchecked, _ = doc_ttt_scores(flagship, tiny_data, record, in_child=False)
    assert unchecked < ref - 0.05, (unchecked, ref)
    _, violations = doc_ttt_scores(flagship, tiny_data, record, in_child=True)
    # a forward that trains on its rows also moves the cut copy's untouched row: purity is one of the two
    check = "purity" if cheat == "learn_before_answer" else "causality"
    assert any(v.startswith(f"{check}: the TTT adapter's forward") for v in violations), violations


def test_a_lora_phased_record_without_the_adaptation_step_is_refused_naming_it(flagship, tiny_data, one_thread,
                                                                               tmp_path, capsys, monkeypatch):
    """A record cut before the judge drove the record's DocTTTAdapter (or one that removed it): `--ttt` stops
    with one line naming what the record lacks, before anything is scored."""
    record = doc_record(flagship, tiny_data, tmp_path, "del DocTTTAdapter")
    for key in ("DATA_PATH", "TOKENIZER_PATH"):  # the judge reads the val set before the record's child runs
        monkeypatch.setenv(key, tiny_data["env"][key])
    code = main([str(record), "--ttt"])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "TTT_MODE=lora_phased but the record has no DocTTTAdapter" in out + err, out + err


# ---------------------------------------------------------------- checks on the scoring requests themselves
# Until 2026-12-06 causality was probed only on a prelude before scoring (eval/probes.py, fixed windows) and
# purity on fixed request numbers (1-3 and every 37th; the doc-TTT adapted forward cut and repeated on those):
# a record could count requests, or recognise a scoring batch by its shape, and be honest only when probed
# (/work/wt/probe/judge.md F1, F8, F10). Now the judge draws, from a stream the child never sees, which of the
# real scoring requests it checks (eval/port.py ChildModel.plan_checks / _checked): the batch as scored and a
# copy with every row but one cut, in a drawn order, and others sent twice.

COUNT_THEN_PEEK = """
# honest for the first 12 distinct forward requests (the probes' prelude and the first scoring batches), then
# peeks at the next token; a request seen before is answered as the first time (a repeat never differs)
_honest_logits = TinyGPT.forward_logits
_peeks = {}


def _count_then_peek(self, ids):
    out = _honest_logits(self, ids)
    if not torch.is_inference_mode_enabled():
        return out
    key = (tuple(ids.shape), hash(ids.numpy().tobytes()))
    if key not in _peeks:
        _peeks[key] = len(_peeks) >= 12
    if not _peeks[key]:
        return out
    return out + 8.0 * F.one_hot(torch.roll(ids, -1, dims=1), out.shape[-1]).to(out.dtype)


TinyGPT.forward_logits = _count_then_peek
"""

PEEK_IN_SLIDING_BATCHES = """
# no counting: active only when row r + 1 is row r shifted by some s (the judge's sliding batches), which no
# prelude probe batch is; then each position peeks at its next token, the last one at the next row
_honest_logits = TinyGPT.forward_logits


def _sliding_stride(ids):
    rows, width = ids.shape
    for s in range(1, width):
        if rows > 1 and all(torch.equal(ids[r + 1, :width - s], ids[r, s:]) for r in range(rows - 1)):
            return s
    return None


def _peek_in_sliding_batches(self, ids):
    out = _honest_logits(self, ids)
    s = _sliding_stride(ids)
    if s is None:
        return out
    nxt = torch.roll(ids, -1, dims=1)
    nxt[:-1, -1] = ids[1:, ids.shape[1] - s]  # the last position's target is in the next window
    bonus = 12.0 * F.one_hot(nxt, out.shape[-1]).to(out.dtype)
    bonus[-1, -1] = 0  # the batch's last window: its last target is in no row
    return out + bonus


TinyGPT.forward_logits = _peek_in_sliding_batches
"""


@pytest.mark.parametrize("name", ["count_then_peek", "peek_in_sliding_batches"])
def test_a_model_honest_only_when_probed_is_refused(world_env, one_thread, tmp_path, tmp_path_factory, capsys,
                                                    name):
    """F1: honest for the first 12 requests (the prelude's probes), then peeking; F10: peeking only in batches of
    consecutive overlapping windows (the sliding scores' shape, which no prelude probe has). Both passed every
    probe with eval_ok:true (sliding 2.28 / 0.57 vs honest 7.41); at the default --check-fraction the cut
    copies of drawn scoring batches refuse them."""
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, COUNT_THEN_PEEK if name == "count_then_peek" else PEEK_IN_SLIDING_BATCHES)
    before = old_judge(world_env, record)
    assert before["sliding"]["val_bpb"] < ref["sliding"]["val_bpb"] - 0.5
    code, report, out = new_judge(capsys, record)
    assert_refused(code, report, out, "causality")
    assert "a scoring request with later tokens replaced" in report["refused"][0], report["refused"]


@pytest.mark.parametrize("ttt", [False, True])
def test_an_honest_record_passes_when_every_request_is_checked(world_env, one_thread, tmp_path,
                                                               tmp_path_factory, capsys, ttt):
    """--check-fraction 1: every scoring request (and, outside a planned pass, every prelude one) gets a cut
    copy and a repeat; the honest record passes with the in-process judge's scores, and the counts say every
    request was checked (the judge's loops told the port all of them). With --ttt (on a prefix of the val
    set, for time; the logs then disagree, nothing is refused) the all-weight TTT pass's scoring forwards are
    checked too, and its score is the default fraction's to 1e-9: a check never changes what is scored."""
    ref = honest(world_env, tmp_path_factory)
    record = world_env.copy_record(tmp_path / "rec")
    extra = ["--ttt", "--val-tokens-limit", "2048"] if ttt else []
    code, report, out = new_judge(capsys, record, "--check-fraction", "1", *extra)
    if not ttt:
        assert code == 0, out
        assert_honest(report, ref)
    assert not report["refused"] and set(report["scores"]) == {"plain", "sliding", *(["ttt"] if ttt else [])}
    p, batch = report["probes"], report["settings"]["batch_seqs"]
    scoring = sum(-(-report["scores"][m]["windows"] // batch) for m in ("plain", "sliding"))
    prelude = 3  # run_probes: the windows, the same again, their cut copy (no DOC_MASK)
    if ttt:  # the TTT pass scores the sliding windows chunk by chunk, each chunk's in batches of its own
        from eval.windows import n_chunks, sliding_windows, window_chunks
        st, chunk = report["settings"], report["settings"]["ttt"]["chunk_tokens"]
        w = sliding_windows(report["val"]["targets"], st["seq_len"], st["stride"])
        per_chunk = np.bincount(window_chunks(w, chunk), minlength=n_chunks(report["val"]["targets"], chunk))
        scoring += sum(-(-int(c) // batch) for c in per_chunk)
    assert p["scoring_checks"] == p["purity_repeats"] == scoring + prelude, (p, scoring)
    assert f"scoring_checks:{p['scoring_checks']} check_fraction:1 " in out
    if ttt:
        _, default, _ = new_judge(capsys, record, *extra)
        assert not default["refused"] and default["probes"]["scoring_checks"] < p["scoring_checks"]
        assert report["scores"]["ttt"]["val_bpb"] == pytest.approx(default["scores"]["ttt"]["val_bpb"], abs=1e-9)
    assert main([str(record), "--check-fraction", "0"]) == 2
    assert "--check-fraction must be in (0, 1]" in capsys.readouterr()[1]


COUNTING_DOC_PEEK = """
# replays the judge's old doc-TTT schedule (ChildModel.calls: calls 1-3 and every 37th probed, the cut rows
# first, then the rows twice): honest on those, +20 on the next input token's logit on every other call
_honest_doc_logits = DocTTTAdapter.logits
_CALLS = {"n": 0, "pending": 0}


def _probed(n):
    return n in (1, 2, 3) or n % 37 == 0


def _peek_unless_probed(self, x, segments=None):
    out = _honest_doc_logits(self, x, segments)
    if _CALLS["pending"]:
        _CALLS["pending"] -= 1
        return out
    _CALLS["n"] += 1
    if _probed(_CALLS["n"]):
        _CALLS["pending"] = 2
        return out
    return out + 20.0 * F.one_hot(torch.roll(x, -1, 1), out.shape[-1]).to(out.dtype)


DocTTTAdapter.logits = _peek_unless_probed
"""


def test_a_doc_ttt_adapter_honest_only_on_the_old_probe_schedule_is_refused(flagship, tiny_data, one_thread,
                                                                            tmp_path, honest_doc):
    """F8: a DocTTTAdapter honest exactly on the calls the old fixed schedule probed passed with no violation
    (2.09 vs 5.22 bpb); with the checks drawn in secret (every call at fraction 1, so the test is
    deterministic) its peeks are refused. The honest flagship passes at fraction 1 and at the default, its
    score the in-process one to 1e-6 (the rows as sent are asked last: adapt() steps from their graph)."""
    honest_rec, ref, _, _ = honest_doc
    # (the default fraction: test_a_doc_ttt_adapter_that_sees_what_it_scores_is_refused)
    got, violations = doc_ttt_scores(flagship, tiny_data, honest_rec, in_child=True, check_fraction=1.0)
    assert not violations and abs(got - ref) < 1e-6, (violations, got, ref)
    record = doc_record(flagship, tiny_data, tmp_path / "cheat", COUNTING_DOC_PEEK)
    unchecked, _ = doc_ttt_scores(flagship, tiny_data, record, in_child=False)
    assert unchecked < ref - 0.05, (unchecked, ref)
    _, violations = doc_ttt_scores(flagship, tiny_data, record, in_child=True, check_fraction=1.0)
    assert any(v.startswith("causality: the TTT adapter's forward") for v in violations), violations


# ---------------------------------------------------------------- what the judge reads, where the child runs
# (the adversarial review's findings, 2026-12-06). The judge resolves the counted files itself (script,
# CODE_FILES, ARTIFACT_NAME read with ast), sizes and hashes them and reads the val set and tokenizer into
# memory before any record code runs; the child runs in a private copy of the counted files only, in its own
# session, without the data paths in its environment; whatever it started is killed before the report is
# written; a counted, val or tokenizer file changed while it ran refuses the record. Each won on a2e11ba.


def _sizes_on_disk(record: Path) -> int:
    return (record / "train_gpt.py").stat().st_size + (record / "final_model.pgolf").stat().st_size


def _private_world(world, tmp_path: Path) -> tuple[str, Path]:
    """A copy of the world's val shards and tokenizer (a cheat may write beside them)."""
    import shutil
    (tmp_path / "val").mkdir(parents=True)
    for shard in sorted(Path(world.val_glob).parent.glob("fineweb_val_*.bin")):
        shutil.copy(shard, tmp_path / "val" / shard.name)
    shutil.copy(world.tokenizer, tmp_path / "tok.model")
    return str(tmp_path / "val" / "fineweb_val_*.bin"), tmp_path / "tok.model"


CLAIM_FILES = """
import json as _json
_dumps = _json.dumps
_stand = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__init__.py")  # any small file will do


def _dumps_claiming_small_files(obj, *a, **k):
    if isinstance(obj, dict) and "hp" in obj:  # the init reply: name an empty file as script and artifact
        obj = {**obj, "artifact": _stand, "script": _stand}
    return _dumps(obj, *a, **k)


open(_stand, "a").close()
_json.dumps = _dumps_claiming_small_files
"""


def test_the_files_the_child_names_are_not_what_the_judge_sizes(world_env, one_thread, tmp_path,
                                                                tmp_path_factory, capsys):
    """F11: the init reply named an empty file as script and artifact, and the judge sized those (bytes_total
    0, eval_ok under any cap). Now the judge resolves and sizes the record's files itself."""
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, CLAIM_FILES)
    # --sandbox off: the judge's own sizing is what is tested (the sandbox refuses the cheat's file write)
    code, report, out = new_judge(capsys, record, "--cap", "100000", "--sandbox", "off")
    assert report["artifact"] == str(record / "final_model.pgolf"), report["artifact"]
    assert report["sizes"]["bytes_total"] == _sizes_on_disk(record), report["sizes"]
    assert code == 1 and not report["sizes"]["ok"] and "exceeds the cap 100000" in out, out
    for mode in ("plain", "sliding"):
        assert abs(report["scores"][mode]["val_bpb"] - ref[mode]["val_bpb"]) < 1e-6


SHRINK_THEN_RESTORE = """
import glob as _glob
import shutil as _shutil
_HERE = os.path.dirname(os.path.abspath(__file__))
_UNDO = []
_build_model = build_model


def build_model(hp):  # after load_artifact (the weights in memory); the judge sized the files next (a2e11ba)
    if not _UNDO:
        stand_ins = ((os.path.join(_HERE, ARTIFACT_NAME), b"x"), (os.path.abspath(__file__), b"x = 1\\n"))
        for path, stand_in in stand_ins:
            _shutil.copy(path, path + ".keep")
            with open(path, "wb") as f:
                f.write(stand_in)
            _UNDO.append(lambda p=path: os.replace(p + ".keep", p))
        for shard in sorted(_glob.glob(hp.val_files)):  # byte sidecars, 5 bytes a token, which the judge used
            if "_bytes_" in shard:
                continue
            n = int(np.fromfile(shard, dtype="<i4", count=3)[2])
            side = shard.replace("fineweb_val_", "fineweb_val_bytes_")
            header = np.zeros(256, dtype="<i4")
            header[:3] = (20240520, 1, n)
            with open(side, "wb") as f:
                f.write(header.tobytes() + np.full(n, 5, dtype="<u2").tobytes())
            _UNDO.append(lambda s=side: os.remove(s))
    return _build_model(hp)


_honest_logits = TinyGPT.forward_logits


def _undo_then_answer(self, ids):
    while _UNDO:  # put everything back: nothing is left on disk
        _UNDO.pop()()
    return _honest_logits(self, ids)


TinyGPT.forward_logits = _undo_then_answer
"""


def test_files_the_child_edits_after_it_starts_are_not_what_the_judge_read(world_env, one_thread, tmp_path,
                                                                           tmp_path_factory, capsys,
                                                                           monkeypatch):
    """F3: the child shrank its artifact and script and wrote byte sidecars beside the val shards before the
    judge sized and read them, and put everything back at its first forward: bytes_total 7, val_bpb 2.8 at
    the honest loss. Now the judge read all of it before the child started (which no longer has the paths)."""
    ref = honest(world_env, tmp_path_factory)
    val_glob, tok = _private_world(world_env, tmp_path / "data")
    monkeypatch.setenv("VAL_FILES", val_glob)  # a2e11ba: the child's settings named these shards
    monkeypatch.setenv("TOKENIZER_PATH", str(tok))
    record = cheat(world_env, tmp_path, SHRINK_THEN_RESTORE)
    # --sandbox off: what the judge reads first is tested (the sandbox denies the cheat's writes)
    code, report, out = new_judge(capsys, record, "--sandbox", "off")
    assert report["sizes"]["bytes_total"] == _sizes_on_disk(record), report["sizes"]
    assert report["val"]["bytes_source"] == "tokenizer" and "val_bytes:tokenizer" in out
    assert_honest(report, ref)
    assert not list(Path(val_glob).parent.glob("fineweb_val_bytes_*")) and code == 0


@pytest.mark.parametrize("what", ["script", "tokenizer"])
def test_a_file_changed_while_the_record_ran_refuses_it(world_env, one_thread, tmp_path, capsys, monkeypatch,
                                                        what):
    """Record code that changes a counted file (its own script, by absolute path) or the tokenizer while it
    runs, and leaves it changed: the judge re-hashes the counted files and re-stats the val set and tokenizer
    after the child and all it started are gone, and refuses the record naming the file (a2e11ba: ok)."""
    val_glob, tok = _private_world(world_env, tmp_path / "data")
    monkeypatch.setenv("VAL_FILES", val_glob)
    monkeypatch.setenv("TOKENIZER_PATH", str(tok))
    target = tmp_path / "rec" / "train_gpt.py" if what == "script" else tok
    record = cheat(world_env, tmp_path, f"with open({str(target)!r}, 'ab') as _f:\n    _f.write(b'\\n')")
    # --sandbox off: the judge's check after the run is tested (where there is no sandbox)
    code, report, out = new_judge(capsys, record, "--sandbox", "off")
    assert code == 1 and not report["ok"] and report["scores"] == {}, out
    assert f"refused: files: {target} changed while the record ran" in out, out
    if sandbox.landlock_abi()[0]:  # sandboxed, the write itself is denied (eval/sandbox.py)
        target.write_bytes(target.read_bytes()[:-1])
        assert main([str(record)]) == 2
        assert "PermissionError" in capsys.readouterr().err


def _judge_json(world, record: Path, *extra) -> tuple[subprocess.CompletedProcess, Path]:
    report = record.parent / "report.json"
    proc = run_module(["-m", "eval", str(record), "--json", str(report), *map(str, extra)],
                      env_extra=world.env)
    return proc, report


REWRITER = r'''
import subprocess as _sp, sys as _sys
_judge = os.getppid()
_argv = open(f"/proc/{_judge}/cmdline", "rb").read().split(b"\0")
if b"--json" in _argv:
    _report = _argv[_argv.index(b"--json") + 1].decode()
    _code = f"""
import json, os, time
while os.path.exists('/proc/{_judge}'):
    time.sleep(0.05)
r = json.load(open({_report!r}))
for s in r['scores'].values():
    s['val_bpb'] /= 2
    s['val_loss'] /= 2
r['ok'] = True
r['failures'] = []
json.dump(r, open({_report!r}, 'w'), indent=2)
"""
    # a double fork: the middle process exits at once, so the rewriter has left the child's tree and session
    _detach = ("import subprocess, sys; subprocess.Popen(sys.argv[1:], start_new_session=True, "
               "stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)")
    _sp.run([_sys.executable, "-c", _detach, _sys.executable, "-c", _code], stdin=_sp.DEVNULL)
'''


def _alive_with(marker: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "cmdline").read_bytes():
                pids.append(int(entry.name))
        except OSError:
            pass
    return pids


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="the rewriter finds the judge through /proc")
def test_a_process_the_child_leaves_cannot_rewrite_the_report(world_env, one_thread, tmp_path,
                                                               tmp_path_factory):
    """F7: record code started a detached process (double fork, its own session) that waited for the judge
    to exit, then halved every score in its --json report and set ok:true: stdout said 7.41, the file 3.71.
    Now the judge reaps its orphans and kills every process the child left before it writes the report."""
    import time
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, REWRITER)
    proc, report = _judge_json(world_env, record)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    time.sleep(1.5)  # the rewriter polls every 0.05 s
    assert not _alive_with(str(report)), "a process of the record outlived the judge"
    got = json.loads(report.read_text())
    assert_honest(got, ref)
    assert f"val_bpb:{got['scores']['sliding']['val_bpb']:.8f}" in proc.stdout


SETTINGS_SUBSET = """
_from_env = Hyperparameters.from_env.__func__


@classmethod
def _from_env_cheat(cls, environ=None):  # one shard, in the record folder, named as the canonical set
    here = os.path.dirname(os.path.abspath(__file__))
    subset = os.path.join(here, "val", "fineweb_val_*.bin")
    return dataclasses.replace(_from_env(cls, environ), val_files=subset)


Hyperparameters.from_env = _from_env_cheat
"""


def test_the_record_does_not_choose_the_val_set(world_env, one_thread, tmp_path, tmp_path_factory, capsys,
                                                monkeypatch):
    """F5: the record's settings named a val subset it ships (one shard, in its folder) over the VAL_FILES the
    judge's user set, and the judge scored it (eval_ok:true). Now VAL_FILES / DATA_PATH / --val-files are the
    judge's; a record's path is only a fallback, never one inside the record folder; the val_set line says
    which set (tokens, SHA-256) was read and who named it."""
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, SETTINGS_SUBSET)
    (record / "val").mkdir()
    shard = sorted(Path(world_env.val_glob).parent.glob("fineweb_val_0*.bin"))[0]
    (record / "val" / shard.name).write_bytes(shard.read_bytes())
    code, report, out = new_judge(capsys, record)
    assert report["val"]["targets"] == len(world_env.val_tokens) - 1, report["val"]
    assert_honest(report, ref)
    import hashlib
    digest = hashlib.sha256(world_env.val_tokens.astype("<u2").tobytes()).hexdigest()
    line = f"val_set: tokens:{len(world_env.val_tokens)} sha256:{digest} files:2 val_files_from:VAL_FILES"
    assert line in out, out
    monkeypatch.delenv("VAL_FILES")  # no val set given: the record's path would be the fallback, refused here
    code = main([str(record)])
    _, err = capsys.readouterr()
    assert code == 2 and "inside the record folder" in err and "--val-files" in err, err


def test_a_val_tokens_limit_the_record_sets_is_ignored(world_env, one_thread, tmp_path, tmp_path_factory,
                                                       capsys):
    """F5/F15: a limit in the record's settings (here its code; the flagship's artifact header the same way)
    scored only its prefix with eval_ok:true. Now only the judge's --val-tokens-limit limits."""
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, "Hyperparameters.val_tokens_limit = 2000")
    code, report, out = new_judge(capsys, record)
    assert code == 0 and report["val"]["targets"] == len(world_env.val_tokens) - 1, report["val"]
    assert_honest(report, ref)
    said = [n for n in report["notes"] if "val_tokens_limit 2000 in the record's settings" in n]
    assert said and "ignored" in said[0], report["notes"]
    code, report, out = new_judge(capsys, record, "--val-tokens-limit", "500")
    assert report["val"]["targets"] == 500 and "asked by the judge's --val-tokens-limit" in report["notes"][0]


def test_a_flagship_artifact_header_limit_is_ignored(flagship, tiny_data, one_thread, tmp_path, capsys,
                                                     monkeypatch):
    """F15: VAL_TOKENS_LIMIT=300 in the flagship's artifact header (no code change) scored 300 targets, exit
    0, eval_ok:true. Now the whole val set is scored and a note says the header's limit was ignored."""
    for key, value in tiny_data["env"].items():
        monkeypatch.setenv(key, value)
    hp, model = awake_model(flagship, {**tiny_data["env"], "VAL_TOKENS_LIMIT": "300"})
    record = tmp_path / "lim"
    record.mkdir()
    (record / "train_gpt.py").write_text(Path(flagship.__file__).read_text())
    flagship.write_artifact(record / flagship.ARTIFACT_NAME, model.state_dict(), hp=hp, run_id="x",
                            seed=hp.run.seed)
    code, report, out = new_judge(capsys, record)
    assert code == 0 and report["val"]["targets"] > 300, (report["val"], out)
    assert any("val_tokens_limit 300 in the record's settings" in n for n in report["notes"]), report["notes"]


NOTES_WEIGHTS = """
_load_artifact = load_artifact


def load_artifact(path):  # the weights live in a file of the folder that nothing counts
    return _load_artifact(os.path.join(os.path.dirname(os.path.abspath(path)), "NOTES.txt"))
"""


def test_weights_in_an_uncounted_file_of_the_folder_are_not_found(world_env, one_thread, tmp_path, capsys):
    """F6: the artifact a 5-byte stub, the weights in NOTES.txt beside it: bytes_total 7,591 for a 139,759
    byte record, eval_ok:true. Now the child runs in a private folder holding copies of the counted files."""
    record = cheat(world_env, tmp_path, NOTES_WEIGHTS)
    (record / "final_model.pgolf").rename(record / "NOTES.txt")
    (record / "final_model.pgolf").write_bytes(b"stub\n")
    code = main([str(record), "--cap", "100000"])
    out, err = capsys.readouterr()
    assert code == 2 and "NOTES.txt" in err and "eval_ok:true" not in out, out + err


def test_weights_in_the_readable_copy_are_not_found(flagship, world_env, one_thread, tmp_path, capsys):
    """F14: a self-extracting script whose readable copy (required, never counted) carries the weights in
    comments, which the program reads: bytes_total 3,137, the full model scored. Now the child's folder holds
    no readable copy: the record cannot load."""
    import base64
    weights = (world_env.record / "final_model.pgolf").read_bytes()
    encoded = base64.b64encode(weights)
    source = (world_env.record / "train_gpt.py").read_bytes() + b'''

_load_artifact = load_artifact


def load_artifact(path):
    import tempfile
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "train_gpt_readable.py")) as f:
        data = base64.b64decode("".join(line[5:].strip() for line in f if line.startswith("# W: ")))
    with tempfile.NamedTemporaryFile(suffix=".pgolf", delete=False) as t:
        t.write(data)
    return _load_artifact(t.name)


import base64
''' + b"".join(b"# W: " + encoded[i:i + 100] + b"\n" for i in range(0, len(encoded), 100))
    record = tmp_path / "rec"
    record.mkdir()
    (record / "train_gpt_readable.py").write_bytes(source)
    (record / "train_gpt.py").write_bytes(flagship.self_extracting(source))
    (record / "final_model.pgolf").write_bytes(b"stub")
    code = main([str(record), "--cap", "100000"])
    out, err = capsys.readouterr()
    assert code == 2 and "train_gpt_readable.py" in err and "eval_ok:true" not in out, out + err


VAL_ON_DISK = """
import glob as _glob
_K = 6
_NEXT = []


def _table():  # the val stream the judge's environment names: the last K tokens say what comes next
    if not _NEXT:
        files = [f for f in sorted(_glob.glob(Hyperparameters.from_env().val_files)) if "_bytes_" not in f]
        parts = [np.fromfile(f, dtype="<u2", offset=256 * 4) for f in files] or [np.zeros(0, np.uint16)]
        stream = np.concatenate(parts).astype(np.int64)
        table = {}
        for i in range(_K - 1, len(stream) - 1):
            table.setdefault(stream[i - _K + 1:i + 1].tobytes(), int(stream[i + 1]))
        _NEXT.append(table)
    return _NEXT[0]

""" + LOOK_AHEAD  # the peek itself: tests/fixtures/eval_world.py


def test_a_model_cannot_find_the_val_shards_by_the_judges_paths(world_env, one_thread, tmp_path,
                                                                 tmp_path_factory, capsys):
    """F2: a causal, pure model that reads the val shards VAL_FILES names and boosts the stream's next token:
    every probe passed, sliding 1.63 vs 7.41. Now the child's environment has no data paths (and its folder
    no val set): the same code finds nothing and scores honestly. An absolute path in the code still reads
    them (no OS sandbox; eval/INTERFACE.md leaves that to review)."""
    ref = honest(world_env, tmp_path_factory)
    record = cheat(world_env, tmp_path, VAL_ON_DISK)
    code, report, out = new_judge(capsys, record)
    assert code == 0, out
    assert_honest(report, ref)


def test_the_records_data_paths_are_the_fallback_when_the_judge_has_none(world_env, one_thread, tmp_path,
                                                                         tmp_path_factory, capsys,
                                                                         monkeypatch):
    """With no --val-files / VAL_FILES / DATA_PATH and no --tokenizer / TOKENIZER_PATH, the record's settings
    name the val set and tokenizer (outside its folder, read in a first child ended before the judge reads
    them): the same scores, and the val_set line says who named them."""
    ref = honest(world_env, tmp_path_factory)
    code_text = (f"_from_env = Hyperparameters.from_env.__func__\n"
                 f"Hyperparameters.from_env = classmethod(lambda cls, environ=None: dataclasses.replace(\n"
                 f"    _from_env(cls, environ), val_files={world_env.val_glob!r},\n"
                 f"    tokenizer_path={str(world_env.tokenizer)!r}))\n")
    record = cheat(world_env, tmp_path, code_text)
    for key in ("VAL_FILES", "DATA_PATH", "TOKENIZER_PATH"):
        monkeypatch.delenv(key, raising=False)
    code, report, out = new_judge(capsys, record)
    assert code == 0, out
    assert_honest(report, ref)
    assert "val_files_from:record" in out and "tokenizer_from:record" in out, out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the record's process through /proc")
def test_a_judge_stopped_by_sigterm_leaves_no_record_process(world_env, tmp_path):
    """A judge stopped by SIGTERM (a timeout, torchrun) while the record's forward hangs: its finally blocks
    still end the child and what the child left (a2e11ba: the child's detached process ran on)."""
    import os
    import signal
    import time

    from tests.fixtures.eval_world import REPO_ROOT
    marker = f"pgolf-leftover-{tmp_path.name}"
    code_text = (
        "import subprocess as _sp, sys as _sys, time as _time\n"
        "_detach = ('import subprocess, sys; subprocess.Popen(sys.argv[1:], start_new_session=True, '\n"
        "           'stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)')\n"
        f"_sp.run([_sys.executable, '-c', _detach, _sys.executable, '-c', 'import time; time.sleep(600)', "
        f"{marker!r}])\n"
        "TinyGPT.forward_logits = lambda self, ids: _time.sleep(3600)\n")
    record = cheat(world_env, tmp_path, code_text)
    env = {**os.environ, **world_env.env, "OMP_NUM_THREADS": "1"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    judge = subprocess.Popen([sys.executable, "-m", "eval", str(record)], cwd=REPO_ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        while not _alive_with(marker) and time.time() < deadline and judge.poll() is None:
            time.sleep(0.2)
        assert _alive_with(marker), "the record's detached process never started"
        time.sleep(1.0)  # the child is in its forward by now (or soon): stop the judge there
        judge.send_signal(signal.SIGTERM)
        judge.wait(timeout=60)
        time.sleep(0.5)
        assert not _alive_with(marker), "a process of the record outlived the judge"
    finally:
        if judge.poll() is None:
            judge.kill()
        for pid in _alive_with(marker):  # on a failure, leave nothing running
            os.kill(pid, signal.SIGKILL)


def test_the_cut_copies_tails_are_val_text_not_random_ids():
    """A tail of random ids is easy to tell from text, and a copy told apart lets a cheat answer the next batch
    honestly (the probes helper's note, 2026-12-06): with the val tokens given, each tail is a stretch of them."""
    import random as _random
    from types import SimpleNamespace

    from eval.port import ChildModel
    port = ChildModel.__new__(ChildModel)  # _cut_copy needs only these: no child process
    port._secret, port.vocab = _random.Random(0), 50
    port.ctx = SimpleNamespace(device=torch.device("cpu"))
    port.filler = np.arange(2, 50).repeat(3)  # no BOS, recognisable runs
    x = torch.randint(2, 50, (4, 16))
    held = torch.zeros(4, 16, dtype=torch.bool)
    held[:, 8:] = True
    copy, _ = port._cut_copy(x, held)
    text = port.filler.tolist()
    changed = [r for r in range(4) if not torch.equal(copy[r], x[r])]
    assert len(changed) == 3  # every row but the untouched one
    for r in changed:
        cut = int(torch.nonzero(copy[r] != x[r])[0])
        tail = copy[r, cut:].tolist()
        assert any(text[i:i + len(tail)] == tail for i in range(len(text))), (r, tail)
