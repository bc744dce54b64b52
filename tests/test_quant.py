"""The exporter's quantization settings: SD-based clipping, int7 embeddings, GPTQ for the tied embedding, LQER.

Each is checked where its claim lives (the grid, the output error, the corrected matrix) and through the
artifact: written, read back, the same dequantized weights on both sides.
"""

from __future__ import annotations

import torch

TINY = {"VOCAB_SIZE": "2048", "NUM_LAYERS": "2", "MODEL_DIM": "64", "NUM_HEADS": "4", "NUM_KV_HEADS": "2",
        "MLP_MULT": "2", "BIGRAM_VOCAB_SIZE": "0", "VE_LAYERS": "", "XSA_LAST_N": "1", "TRAIN_SEQ_LEN": "64",
        "EVAL_SEQ_LEN": "64", "EVAL_STRIDE": "32", "TTT_CHUNK_TOKENS": "128"}  # tok_emb 2048 x 64: quantized


def trained_like(flagship, **env):
    hp = flagship.Hyperparameters.from_env({**TINY, **{k: str(v) for k, v in env.items()}})
    torch.manual_seed(0)
    model = flagship.build_model(hp)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.03 * torch.randn_like(p) * (1 + torch.rand_like(p)))  # uneven rows, like trained weights
    return hp, model


def test_sd_clip_steps_are_sigmas_times_the_row_std(flagship):
    w = torch.randn(16, 256) * torch.linspace(0.01, 1.0, 16)[:, None]
    q, s = flagship.quantize_rows(w, 31, sigmas=12.85)
    torch.testing.assert_close(s.float(), (12.85 * w.std(dim=1) / 31).half().float())
    assert int(q.abs().max()) <= 31 and q.dtype == torch.int8
    recon = q.float() * s.float()[:, None]
    inside = w.abs() <= 31 * s.float()[:, None]
    assert ((w - recon).abs()[inside] <= s.float()[:, None].expand_as(w)[inside] / 2 + 1e-6).all()
    # no 1/clip floor: a small-valued row keeps a small step (the percentile search's floor would not)
    assert s.float()[0] < 1 / 31 and flagship.quantize_rows(w, 31)[1].float()[0] >= 1 / 31 - 1e-4


def test_embed_bits_7_ships_int7_rows_through_every_codec(flagship, tmp_path):
    hp, model = trained_like(flagship, EMBED_BITS=7, QUANT_CLIP="sd")
    entries = {name: (scheme, arrays) for name, scheme, _, arrays in flagship.quantize_state_dict(model.state_dict(), export=hp.export)}
    scheme, (q, _) = entries["tok_emb.weight"]
    assert scheme == "int7_row" and abs(q).max() <= 63  # (14 sigmas: a Gaussian row uses about +-20 of it)
    for codec in ("ctx", "zstd"):
        path = tmp_path / f"a.{codec}"
        flagship.write_artifact(path, model.state_dict(), codec, hp=hp)
        back = flagship.load_artifact(path)
        assert (back["tok_emb.weight"] - model.tok_emb.weight).abs().max() < 0.2


def head_error(H, W, W_hat):
    D = (W - W_hat).double()
    return float(((D @ H[0].double()) * D).sum())


def test_embed_gptq_lowers_the_heads_output_error(flagship, tiny_data):
    """GPTQ on the tied embedding with the Hessian of the head's input: the logits' error drops against plain
    rounding on the same grid."""
    small = dict(VOCAB_SIZE=512, MODEL_DIM=256, GPTQ_CALIB_SEQS=8)  # the tiny tokenizer; tok_emb 512 x 256
    hp, model = trained_like(flagship, **small, EMBED_GPTQ=1, DATA_PATH=tiny_data["env"]["DATA_PATH"], TRAIN_SEQ_LEN=32)
    H = flagship.collect_hessians(model, hp, flagship.Runtime(device=torch.device("cpu")))
    assert H["tok_emb.weight"].shape == (1, 256, 256)
    W = model.tok_emb.weight.detach()
    deq = {}
    for gptq in (True, False):
        hp2 = flagship.Hyperparameters.from_env({**TINY, **{k: str(v) for k, v in small.items()},
                                                 "EMBED_GPTQ": str(int(gptq))})
        entry = next(e for e in flagship.quantize_state_dict(model.state_dict(), H, export=hp2.export) if e[0] == "tok_emb.weight")
        q, s = (torch.from_numpy(a).float() for a in entry[3])
        deq[gptq] = q * s[:, None]
    assert head_error(H["tok_emb.weight"], W, deq[True]) < 0.9 * head_error(H["tok_emb.weight"], W, deq[False])


def test_lqer_corrects_the_matrices_with_the_largest_error(flagship, tmp_path):
    hp, model = trained_like(flagship, LQER_RANK=4, LQER_TOP_K=3, QUANT_CLIP="sd")
    sd = model.state_dict()
    entries = flagship.quantize_state_dict(sd, export=hp.export)
    lqer = [e for e in entries if e[1] == "lqer"]
    assert len(lqer) == 3
    plain = flagship.Hyperparameters.from_env({**TINY, "QUANT_CLIP": "sd"})
    errors = {}
    for name, scheme, shape, arrays in flagship.quantize_state_dict(sd, export=plain.export):
        if scheme.endswith("_row"):
            q, s = (torch.from_numpy(a).float() for a in arrays)
            deq = (q * s[:, None]).view(shape)
            mats = [(i, deq[i]) for i in range(shape[0])] if len(shape) == 3 else [(-1, deq)]
            for i, m in mats:
                errors[f"{name}#{i}"] = float((sd[name][i] if i >= 0 else sd[name]).float().sub(m).norm())
    assert {e[0] for e in lqer} == set(sorted(errors, key=errors.get)[-3:])  # the top-3 by Frobenius error
    qA, sA, qB, sB = lqer[0][3]
    assert qA.min() >= -2 and qA.max() <= 1 and qB.min() >= -8 and qB.max() <= 7 and qA.shape[1] == 4
    path, base = tmp_path / "l.ptz", tmp_path / "p.ptz"
    flagship.write_artifact(path, sd, "ctx", hp=hp)
    flagship.write_artifact(base, sd, "ctx", hp=plain)
    with_lqer, without = flagship.load_artifact(path), flagship.load_artifact(base)
    for key, *_ in lqer:
        name, i = key.rsplit("#", 1)
        pick = (lambda t: t[int(i)]) if int(i) >= 0 else (lambda t: t)
        err_with = float((pick(with_lqer[name]) - pick(sd[name])).norm())
        err_without = float((pick(without[name]) - pick(sd[name])).norm())
        assert err_with < 0.97 * err_without, key
    assert 0 < path.stat().st_size - base.stat().st_size < 0.1 * base.stat().st_size
