"""The 04-27 frontier stack as switches of the flagship: parameter count, presets, looping order and skip
pairing, causality and document isolation through every switch, the optimizer switches.

Figures cited from ../shared/reference/challenge_facts.md ("The frontier as of 2026-04-27/29"): the 04-27
model has 35,945,671 parameters at vocab 8192 (its log's model_params), visits [0,1,2,3,4,5,3,4 |
5,3,4,5,6,7,8,9,10] when looping, and its skips pair decoder visit k with encoder visit 7-k.
"""

from __future__ import annotations

import math

import pytest
import torch

from tests.rehearsal import flash_standins

SMALL = dict(VOCAB_SIZE="512", MODEL_DIM="32", NUM_HEADS="4", NUM_KV_HEADS="2", ROPE_DIMS="4", TRAIN_SEQ_LEN="32",
             EVAL_SEQ_LEN="32", EVAL_STRIDE="8", TTT_CHUNK_TOKENS="128", MLP_MULT="2", BIGRAM_VOCAB_SIZE="64",
             BIGRAM_DIM="16", VE_DIM="16", VE_LAYERS="1", XSA_LAST_N="1",
             TTT_DOC_CHUNK="32")  # lora_phased chunks fit one EVAL_SEQ_LEN window (validate)
# One switch at a time on the March stack, then the whole frontier preset at a small width.
SWITCHES = {
    "loop": dict(NUM_LAYERS="4", LOOP_START="1", LOOP_END="2", NUM_LOOPS="2"),
    "skip_gates": dict(NUM_LAYERS="4", SKIP_GATES="1"),
    "parallel": dict(NUM_LAYERS="4", PARALLEL_START_LAYER="2"),
    "attn_gate": dict(NUM_LAYERS="3", SPARSE_ATTN_GATE="1", GATE_WINDOW="12"),
    "smear_input": dict(NUM_LAYERS="3", SMEAR_GATE="input"),
    "doc_mask": dict(NUM_LAYERS="3", DOC_MASK="1"),
    "frontier": dict(PRESET="frontier_0427", NUM_LAYERS="6", LOOP_START="2", LOOP_END="3", PARALLEL_START_LAYER="4",
                     XSA_LAST_N="6", MLP_MULT="4", BIGRAM_VOCAB_SIZE="0", VE_LAYERS=""),
}


def build(flagship, env, wake=True):
    hp = flagship.Hyperparameters.from_env({**SMALL, **env})
    torch.manual_seed(0)
    model = flagship.build_model(hp)
    if wake:  # zero-initialized gates and projections would hide a leak
        with torch.no_grad():
            for p in model.parameters():
                p.add_(0.05 * torch.randn_like(p))
    return hp, model.eval()


def test_frontier_preset_has_the_public_model_parameter_count(flagship):
    hp = flagship.Hyperparameters.from_env({"PRESET": "frontier_0427"})
    model = flagship.build_model(hp)
    assert sum(p.numel() for p in model.parameters()) == 35_945_671
    assert [tuple(b.shape) for b in model.banks()] == [(22, 512, 512), (22, 256, 512), (11, 2048, 512), (11, 512, 2048)]
    assert flagship.visit_order(hp.model, True) == ([0, 1, 2, 3, 4, 5, 3, 4], [5, 3, 4, 5, 6, 7, 8, 9, 10])
    assert flagship.visit_order(hp.model, False) == ([0, 1, 2, 3, 4], [5, 6, 7, 8, 9, 10])
    assert model.looping and model.skip_weights.shape == (8, 512) and model.skip_gates.shape == (8, 512)


def test_presets_are_defaults_the_env_overrides(flagship):
    hp = flagship.Hyperparameters.from_env({"PRESET": "frontier_0427", "MATRIX_LR": "0.03"})
    assert (hp.model.vocab_size, hp.model.mlp_mult, hp.model.xsa_last_n, hp.train.muon_wd, hp.train.matrix_lr) == (8192, 4.0, 11, 0.095, 0.03)
    assert "hp:PRESET='frontier_0427'" in hp.log_lines()[-5:] or any(l.startswith("hp:PRESET='frontier_0427'")
                                                                     for l in hp.log_lines())
    assert any(l.startswith("hp:MUON_WD=0.095 ") for l in hp.log_lines())  # the log prints resolved values
    assert flagship.Hyperparameters.from_env({}) == flagship.Hyperparameters.from_env({"PRESET": "record_0323"})
    with pytest.raises(ValueError, match="PRESET='frontier'"):
        flagship.Hyperparameters.from_env({"PRESET": "frontier"})
    with pytest.raises(ValueError, match="LOOP_START <= LOOP_END"):
        flagship.Hyperparameters.from_env({"NUM_LOOPS": "1", "LOOP_START": "5", "LOOP_END": "3"})


def test_looping_order_and_skip_pairing_by_hand(flagship, monkeypatch):
    """6 layers, layers 2-3 looped twice more: visits 0 1 2 3 2 3 | 2 3 4 5 with decoder visit k taking the
    output of encoder visit 3-k (last in, first out). Blocks replaced by 'add 1', so an encoder output is
    x0 + (its visit number + 1) and the skip a decoder visit receives says which output it was."""
    hp, model = build(flagship, {"NUM_LAYERS": "6", "LOOP_START": "2", "LOOP_END": "3", "NUM_LOOPS": "1",
                                 "BIGRAM_VOCAB_SIZE": "0", "VE_LAYERS": "", "XSA_LAST_N": "0"}, wake=False)
    order, skips = [], []
    for i, block in enumerate(model.blocks):
        monkeypatch.setattr(block, "forward", lambda x, *a, i=i: (order.append(i), x + 1)[1])
    monkeypatch.setattr(model, "_skip", lambda x, skip, s: (skips.append((s, skip)), x)[1])
    ids = torch.randint(4, hp.model.vocab_size, (1, 8))
    with torch.no_grad():
        x0 = model.smear(flagship.rms_norm(model.tok_emb(ids)), ids)
        model.hidden(ids)
    assert order == [0, 1, 2, 3, 2, 3, 4, 5]
    paired = [(s, round(float((skip - x0).mean())) - 1) for s, skip in skips]
    assert paired == [(0, 3), (1, 2), (2, 1), (3, 0)]
    model.set_phase(looping=False, qat=False)
    order[:] = []
    with torch.no_grad():
        model.hidden(ids)
    assert order == [0, 1, 2, 3, 4, 5]


def test_skip_gate_is_a_sigmoid_lerp(flagship):
    _, model = build(flagship, {"NUM_LAYERS": "4", "SKIP_GATES": "1"}, wake=False)
    x, skip = torch.randn(2, 3, 32), torch.randn(2, 3, 32)
    with torch.no_grad():
        model.skip_weights[1].fill_(2.0)
        model.skip_gates[1].fill_(math.log(3.0))  # sigmoid = 0.75
    torch.testing.assert_close(model._skip(x, skip, 1), 0.75 * x + 0.25 * 2.0 * skip)


def test_parallel_lanes_by_hand(flagship):
    """lane_j <- resid[j] lane_j + post[0, j] attn(lane 0) + post[1, j] mlp(lane 1), the 04-27 rule."""
    hp, model = build(flagship, {"NUM_LAYERS": "4", "PARALLEL_START_LAYER": "2"})
    block, L = model.blocks[2], hp.model.num_layers
    w = tuple(t[i] for t, i in zip((model.qo_bank, model.kv_bank, model.kv_bank, model.qo_bank, model.mlp_up_bank,
                                    model.mlp_down_bank), (2, 2, L + 2, L + 2, 2, 2)))
    lanes, x0 = (torch.randn(1, 8, 32), torch.randn(1, 8, 32)), torch.randn(1, 8, 32)
    resid, post = torch.tensor([1.1, 0.9]), torch.tensor([[1.0, 0.5], [0.25, 2.0]])
    with torch.no_grad():
        out = block.parallel(lanes, x0, w, None, None, resid, post)
        a, m = block.attend(block.mixed(lanes[0], x0), w, None, None), block.mlp(lanes[1], w[4], w[5])
    torch.testing.assert_close(out[0], 1.1 * lanes[0] + 1.0 * a + 0.25 * m)
    torch.testing.assert_close(out[1], 0.9 * lanes[1] + 0.5 * a + 2.0 * m)


def probe_ids(hp):
    ids = torch.randint(4, hp.model.vocab_size, (2, hp.train.train_seq_len), generator=torch.Generator().manual_seed(1))
    ids[:, 0] = 1
    ids[0, 12], ids[0, 22], ids[1, 16] = 1, 1, 1  # documents: row 0 [0,12) [12,22) [22,32); row 1 [0,16) [16,32)
    return ids


@pytest.mark.parametrize("attention", ["sdpa", "fa3"])
@pytest.mark.parametrize("name", list(SWITCHES))
def test_every_switch_is_causal_and_document_masking_isolates_documents(flagship, name, attention):
    hp, model = build(flagship, SWITCHES[name])
    with flash_standins():
        _, fn = flagship.select_attention(attention, torch.device("cpu"))
        state, model = model.state_dict(), flagship.build_model(hp, fn)  # the builder takes the attention
        model.load_state_dict(state)
        rt = flagship.Runtime(device=torch.device("cpu"), attention=attention, attention_fn=fn,
                              varlen=hp.model.doc_mask and attention != "sdpa")
        ids = probe_ids(hp)
        logits = lambda t: model.forward_logits(t, rt.segments(t))  # noqa: E731 (the varlen path when it applies)
        with torch.no_grad():
            base = logits(ids)
            for t in (5, 12, 17):  # inside document 0, at a BOS, inside document 1
                changed = ids.clone()
                changed[0, t] = (changed[0, t] + 7) % hp.model.vocab_size
                out = logits(changed)
                assert torch.equal(out[0, :t], base[0, :t]), f"{name}: logits before {t} moved"
                assert torch.equal(out[1], base[1]), f"{name}: another row moved"
                doc_end = 12 if t < 12 else 22
                assert not torch.allclose(out[0, t:doc_end], base[0, t:doc_end])
                if hp.model.doc_mask:  # nothing after the document's end may move
                    assert torch.equal(out[0, doc_end:], base[0, doc_end:]), f"{name}: a later document moved"
    if hp.model.doc_mask and attention == "fa3":  # the varlen path and SDPA's mask agree
        model = flagship.build_model(hp)  # SDPA: the builder's default
        model.load_state_dict(state)
        with torch.no_grad():
            torch.testing.assert_close(model.forward_logits(ids), base, rtol=1e-5, atol=1e-5)


def test_input_smear_gate_never_crosses_a_bos(flagship):
    _, model = build(flagship, {"NUM_LAYERS": "3", "SMEAR_GATE": "input"})
    x = torch.randn(1, 6, 32)
    ids = torch.tensor([[5, 6, 7, 1, 8, 9]])
    x2 = x.clone()
    x2[0, 2] += 10.0  # the last position of the previous document
    out, out2 = model.smear(x, ids), model.smear(x2, ids)
    assert torch.equal(out[0, 3:], out2[0, 3:]) and not torch.equal(out[0, 2], out2[0, 2])
    torch.testing.assert_close(out[0, 0], x[0, 0])  # position 0 has no previous token


def test_document_segments_match_the_mask(flagship):
    ids = probe_ids(flagship.Hyperparameters.from_env(SMALL))
    cu = flagship.document_segments(ids)
    B, T = ids.shape
    # 5 segments, more than the shape's capacity B + B*T/32 = 4 (documents of < 32 tokens): the next power of 2
    assert cu.dtype == torch.int32 and len(cu) == 8 + 1
    assert len(flagship.document_segments(torch.full((4, 64), 7))) == 4 + 4 * 64 // 32 + 1
    assert cu.tolist()[:6] == [0, 12, 22, 32, 48, 64] and set(cu.tolist()[5:]) == {64}
    mask = flagship.document_mask(ids)[:, 0]  # (B, T, T)
    seg = torch.searchsorted(cu.long(), torch.arange(B * T), right=True).view(B, T)
    same = (seg[:, :, None] == seg[:, None, :]) & torch.ones(T, T, dtype=torch.bool).tril()
    assert torch.equal(mask, same)


def test_muon_row_normalize_and_the_frontier_polar_schedule(flagship):
    G = torch.randn(3, 16, 24)
    for schedule in ("amsel", "frontier"):
        out = flagship.polar_express(G, schedule=schedule).float()
        sv = torch.linalg.svdvals(out)
        assert 0.6 < sv.min() and sv.max() < 1.2, (schedule, sv.min(), sv.max())
    assert not torch.equal(flagship.polar_express(G, schedule="frontier"), flagship.polar_express(G))
    hp = flagship.Hyperparameters.from_env({"PRESET": "frontier_0427"})
    assert flagship.orthogonalizer(hp.train.ortho, hp.train.ortho_steps, polar_schedule=hp.train.polar_schedule).keywords == {
        "steps": 5, "schedule": "frontier", "dtype": torch.bfloat16}


@pytest.mark.parametrize("step, elapsed_s, expect", [(0, 0.0, 1.0), (100, 60.0, 1.0), (200, 300.0, 0.5 / 0.85),
                                                     (300, 570.0, 0.1), (400, 600.0, 0.1)])
def test_warmdown_fraction_with_a_floor(flagship, step, elapsed_s, expect):
    """WARMDOWN_FRAC=0.85 MIN_LR=0.1 (the 04-27 values): 1 until 15% of the cap, then linear, never below 0.1."""
    hp = flagship.Hyperparameters.from_env({"WARMDOWN_FRAC": "0.85", "MIN_LR": "0.1"})
    assert flagship.lr_scale_at(step, 1000 * elapsed_s, hp.train) == pytest.approx(expect)
