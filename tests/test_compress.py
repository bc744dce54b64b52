"""Artifact codecs: every codec gives the integers and scales back bit for bit, and a damaged artifact is a
clear train_gpt.ArtifactError naming the file.

Covers the flagship's codecs through write_artifact / load_artifact (ctx, zstd, lzma), the ctx codec's
edge cases and frozen format (tests/fixtures/ctx_golden.ptz), and every layout / codec of
scripts/bench_compress.py on small random int6 / int8 arrays + fp16 scales (CPU, a few seconds).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import lzma
import struct
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    path = ROOT / "scripts" / "bench_compress.py"
    spec = importlib.util.spec_from_file_location("_test_bench_compress", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def random_entries(seed: int = 0, mats: int = 3, rows: int = 24, cols: int = 40, int7: bool = False) -> list:
    """Exporter-shaped entries: an int6 bank whose rows / columns have different spreads (so the rANS class
    model has codes to send), an all-zero matrix row and +-31 extremes; an int8 table with a few wide rows;
    fp16 tensors of every rank, with -0, inf and a NaN payload (bytes must survive, not just values); with
    int7, also an int7 table (EMBED_BITS=7) reaching +-63, past what an int6 stream holds."""
    rng = np.random.default_rng(seed)
    spread = np.exp(rng.normal(0, 0.7, (mats, rows, 1))) * np.exp(rng.normal(0, 0.5, (mats, 1, cols)))
    q6 = np.clip(np.round(rng.normal(0, 1, (mats, rows, cols)) * 3 * spread), -31, 31).astype(np.int8)
    q6[0, 0] = 0
    q6[1, 1, :4] = [31, -31, 31, -31]
    q8 = np.clip(np.round(rng.laplace(0, 6, (20, 12)) * np.where(np.arange(20) % 5 == 0, 8, 1)[:, None]), -127, 127)
    special = np.array([0.0, -0.0, np.inf, -np.inf, 65504, 6e-8], dtype=np.float16)
    nan = np.array([0x7E01], dtype=np.uint16).view(np.float16)
    extra = []
    if int7:
        q7 = np.clip(np.round(rng.laplace(0, 12, (16, 10))), -63, 63).astype(np.int8)
        q7[0, :2] = [63, -63]
        extra = [("emb7", "int7_row", (16, 10), [q7, rng.uniform(0.001, 0.02, 16).astype(np.float16)])]
    return extra + [
        ("bank", "int6_row", (mats, rows, cols), [q6.reshape(mats * rows, cols),
                                                  rng.uniform(0.01, 0.09, mats * rows).astype(np.float16)]),
        ("gain", "fp16", (), [np.array(0.125, dtype=np.float16)]),
        ("emb", "int8_row", (20, 12), [q8.astype(np.int8), rng.uniform(0.001, 0.02, 20).astype(np.float16)]),
        ("proj", "fp16", (6, 10), [rng.normal(0, 0.05, (6, 10)).astype(np.float16)]),
        ("vec", "fp16", (8,), [np.concatenate([special, nan, nan])]),
    ]


def write_with(flagship, monkeypatch, path: Path, entries, codec: str) -> int:
    """The flagship's own writer, coding exactly these entries (its quantizer returns them)."""
    monkeypatch.setattr(flagship, "quantize_state_dict", lambda sd, *args: entries)
    return flagship.write_artifact(path, {}, codec)


def decoded_payload(flagship, path: Path) -> bytes:
    """The decompressed payload of an artifact, through the flagship's decoder (bit-level check)."""
    header, compressed = flagship.read_artifact(path)  # the file's checksum and length checked
    return flagship.decompress_payload(compressed, header["codec"], path, header["tensors"])


def payload_of(entries) -> bytes:
    return b"".join(np.ascontiguousarray(a).tobytes() for _, _, _, arrays in entries for a in arrays)


@pytest.mark.parametrize("codec", ["ctx", "zstd", "lzma"])
@pytest.mark.parametrize("seed", [0, 1])
def test_flagship_codecs_roundtrip_bit_exact(flagship, monkeypatch, tmp_path, codec, seed):
    entries = random_entries(seed)
    path = tmp_path / f"{codec}.ptz"
    size = write_with(flagship, monkeypatch, path, entries, codec)
    assert size == path.stat().st_size
    assert decoded_payload(flagship, path) == payload_of(entries)  # every int, scale and fp16 bit
    sd = flagship.load_artifact(path)
    for name, scheme, shape, arrays in entries:
        if scheme == "fp16":
            want = torch.from_numpy(arrays[0].copy()).float()
        else:
            want = torch.from_numpy(arrays[0].astype(np.float32)).view(-1, shape[-1]) * torch.from_numpy(arrays[1].astype(np.float32))[:, None]
        assert sd[name].shape == torch.Size(shape)
        assert torch.equal(sd[name].view(-1).view(torch.int32), want.reshape(-1).view(torch.int32)), name  # NaN bits too


@pytest.mark.parametrize("codec", ["ctx", "zstd", "lzma"])
def test_corrupted_or_truncated_artifact_is_a_clear_error(flagship, monkeypatch, tmp_path, codec):
    entries = random_entries(2)
    good = tmp_path / "good.ptz"
    write_with(flagship, monkeypatch, good, entries, codec)
    blob = good.read_bytes()
    (hlen,) = struct.unpack("<I", blob[8:12])
    start = 12 + hlen  # the compressed payload; flips in it must never load silently
    cases = {"empty": b"", "magic_only": blob[:8], "header_cut": blob[: 12 + hlen // 2], "payload_cut": blob[: start + 5],
             "half": blob[: len(blob) // 2], "minus_one": blob[:-1], "plus_one": blob + b"\x00",
             "bad_magic": b"NOTPGOLF" + blob[8:]}
    for pos in sorted({start, start + 1, start + 13, (start + len(blob)) // 2, len(blob) - 5, len(blob) - 1}):
        cases[f"flip_{pos}"] = blob[:pos] + bytes([blob[pos] ^ 0x5A]) + blob[pos + 1 :]
    for label, bad in cases.items():
        path = tmp_path / f"{codec}_{label}.ptz"
        path.write_bytes(bad)
        with pytest.raises(flagship.ArtifactError, match=path.name):
            flagship.load_artifact(path)
    header = json.loads(blob[12:start])
    header["codec"] = "brotli"
    text = json.dumps(header, separators=(",", ":")).encode()
    path = tmp_path / f"{codec}_unknown_codec.ptz"
    body = blob[:8] + struct.pack("<I", len(text)) + text + blob[start:-32]
    path.write_bytes(body + hashlib.sha256(body).digest())  # well-formed: only the codec is wrong
    with pytest.raises(flagship.ArtifactError, match=f"{path.name}.*unknown codec"):
        flagship.load_artifact(path)


def test_a_missing_codec_package_fails_before_training(flagship, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "constriction" else real(name, *a))
    with pytest.raises(ImportError, match="COMPRESSOR=ctx and the shipped code need constriction"):
        flagship.require_codec("ctx")
    flagship.require_codec("zstd")
    flagship.require_codec("lzma")


def test_unknown_codec_is_refused_when_writing(flagship, monkeypatch, tmp_path):
    with pytest.raises(ValueError, match="unknown codec 'brotli'"):
        write_with(flagship, monkeypatch, tmp_path / "x.ptz", random_entries(0), "brotli")
    assert not list(tmp_path.iterdir())


def spread_entries(seed: int, mats: int, rows: int, cols: int) -> list:
    """A bank whose values are Gaussian with a per-row and a per-column spread (what a trained, row-scaled
    matrix looks like to a coder), one all-zero matrix (a zero-init projection) and a saturated row; an int8
    table using the full [-127, 127] range; an fp16 vector."""
    rng = np.random.default_rng(seed)
    spread = np.exp(rng.normal(0, 0.6, (mats, rows, 1))) * np.exp(rng.normal(0, 0.4, (mats, 1, cols)))
    q6 = np.clip(np.round(rng.normal(0, 1, (mats, rows, cols)) * 4 * spread), -31, 31).astype(np.int8)
    q6[1] = 0
    q6[-1, 5] = 31
    q8 = np.clip(np.round(rng.normal(0, 40, (64, 32))), -127, 127).astype(np.int8)
    q8[0, :2] = [-127, 127]
    return [("bank", "int6_row", (mats, rows, cols), [q6.reshape(-1, cols), rng.uniform(0.01, 0.09, mats * rows).astype(np.float16)]),
            ("emb", "int8_row", (64, 32), [q8, rng.uniform(0.001, 0.02, 64).astype(np.float16)]),
            ("vec", "fp16", (7,), [rng.normal(0, 1, 7).astype(np.float16)])]


def test_ctx_codec_edge_cases_roundtrip(flagship, monkeypatch, tmp_path):
    entries = spread_entries(3, mats=4, rows=32, cols=48)
    odd = np.arange(-31, 32, dtype=np.int8).reshape(7, 9)  # an odd byte count shifts everything after it
    entries.insert(1, ("odd", "int6_row", (7, 9), [odd, np.full(7, 0.03, np.float16)]))
    path = tmp_path / "ctx.ptz"
    write_with(flagship, monkeypatch, path, entries, "ctx")
    assert decoded_payload(flagship, path) == payload_of(entries)


def test_ctx_codec_beats_zstd_when_rows_and_columns_differ(flagship, monkeypatch, tmp_path):
    # The reason the codec exists: zstd cannot model per-row / per-column spreads, the context tables do.
    entries = spread_entries(4, mats=8, rows=128, cols=256)
    sizes = {codec: write_with(flagship, monkeypatch, tmp_path / f"{codec}.ptz", entries, codec) for codec in ("ctx", "zstd")}
    assert sizes["ctx"] < 0.97 * sizes["zstd"], sizes
    for codec in sizes:
        assert decoded_payload(flagship, tmp_path / f"{codec}.ptz") == payload_of(entries)


GOLDEN = ROOT / "tests" / "fixtures" / "ctx_golden.ptz"


def test_ctx_format_is_frozen(flagship, monkeypatch, tmp_path):
    """The committed artifact (written by this code with constriction 0.5.0) still decodes to the same
    integers, and encoding them again gives the same bytes: a change of the format or of constriction's
    probability quantization fails here instead of in a user's eval."""
    entries = spread_entries(5, mats=2, rows=16, cols=24)
    assert decoded_payload(flagship, GOLDEN) == payload_of(entries)
    write_with(flagship, monkeypatch, tmp_path / "again.ptz", entries, "ctx")
    assert (tmp_path / "again.ptz").read_bytes() == GOLDEN.read_bytes()


# --- the bench's layouts and coders ------------------------------------------------------------------

LAYOUTS = [dict(), dict(intmap="offset"), dict(intmap="zigzag"), dict(intmap="offset", order="col"),
           dict(intmap="offset", rowsort=True), dict(intmap="offset", int6="pack6"), dict(intmap="offset", int6="planes"),
           dict(intmap="zigzag", fp16="planes"), dict(intmap="zigzag", order="col", rowsort=True, fp16="planes")]


@pytest.mark.parametrize("codec", ["lzma6", "lzma9e", "zstd22", "brotli11"])
def test_bench_layouts_roundtrip_bit_exact(bench, flagship, codec):
    entries = random_entries(7, int7=True)
    c = bench.CODECS[codec]
    template = bench.template_of(entries)
    pairs = [(bench.layout_concat, bench.inverse_concat), (bench.layout_per_array, bench.inverse_per_array)]
    pairs += [bench.make_grouped_layout(**kw, clips=flagship.INT_SCHEMES) for kw in LAYOUTS]
    for forward, inverse in pairs:
        back = inverse([c.decompress(c.compress(s)) for s in forward(entries)], template)
        assert bench.entries_equal(back, entries)
    assert not bench.entries_equal(entries[:-1], entries)  # the checker does notice a difference


def test_bench_zstd_dictionary_and_public_way_roundtrip(bench):
    entries = random_entries(8, mats=8, rows=64, cols=64)
    streams = bench.layout_per_array(entries)
    codec = bench._zstd(22, bench.train_zstd_dict(streams, size=2048, chunk=256))
    back = bench.inverse_per_array([codec.decompress(codec.compress(s)) for s in streams], bench.template_of(entries))
    assert bench.entries_equal(back, entries)
    blob, _ = bench.public_way(entries)
    assert bench.entries_equal(bench.public_way_back(blob, bench.template_of(entries)), entries)


@pytest.mark.parametrize("per", ["tensor", "matrix"])
def test_bench_constriction_order0_roundtrip(bench, flagship, per):
    entries = random_entries(9, int7=True)
    forward, inverse = bench.constriction_order0(per, flagship.INT_SCHEMES)
    assert bench.entries_equal(inverse(forward(entries), bench.template_of(entries)), entries)
    # one value only, a constant matrix and an all-zero table (zero-initialized weights): constriction refuses a
    # one-symbol model, so the coder must not build one (the bench died on an untrained model's export)
    entries[1][3][0][:24] = 3
    entries[3][3][0][:] = 0
    assert bench.entries_equal(inverse(forward(entries), bench.template_of(entries)), entries)


def test_bench_run_methods_accounts_every_method(bench, flagship, tmp_path, monkeypatch):
    lzma_for_lrzip(monkeypatch, bench)
    entries = random_entries(10, int7=True)
    n_params = sum(int(np.prod(s)) for _, _, s, _ in entries)
    res = bench.run_methods(flagship, entries, n_params, tmp_path, quick=True, label="test")
    names = {r["method"] for r in res["methods"]}
    assert {bench.PUBLIC, "flagship_zstd"} <= names
    assert all(r["roundtrip_exact"] for r in res["methods"])
    pub = next(r for r in res["methods"] if r["method"] == bench.PUBLIC)
    assert pub["ratio_vs_public"] == 1.0 and res["public_bytes"] == pub["bytes"]
    assert [r["bytes"] for r in res["methods"]] == sorted(r["bytes"] for r in res["methods"])
    # the report's summary over these rows (what main() writes), the lrzip figure on both integer sets
    report = dict(methods=res, entropy=bench.entropy_report(entries), methods_settings=dict(methods=res))
    summary = bench.summarize(report)
    ctx = next(r["bytes"] for r in res["methods"] if r["method"] == "flagship_ctx")
    lrzip = next(r["bytes"] for r in res["methods"] if r["method"] == bench.LRZIP)
    assert summary["vs_pergroup_lrzip"]["ratio"] == round(ctx / lrzip, 4) == summary["settings_vs_pergroup_lrzip"]["ratio"]
    assert summary["best_bytes"] == res["methods"][0]["bytes"]
    rl = dict(float=dict(val_bpb=1.5), variants=[
        dict(variant=v, artifact_codec="ctx", artifact_bytes=b, public_torchsave_lzma6_bytes=120, val_loss=l,
             val_bpb=l / 2, delta_bpb_vs_float=l / 2 - 1.5) for v, b, l in
        [("flagship", 100, 3.0), ("smaller_same_loss", 90, 3.0), ("smaller_worse", 80, 3.1), ("bigger_better", 110, 2.9)]])
    rows = {r["variant"]: r for r in bench.summarize(dict(report, rate_vs_loss=rl))["vs_todays_exporter"]}
    assert [v for v, r in rows.items() if r["fewer_bytes_no_loss_regression"]] == ["smaller_same_loss"]
    assert rows["smaller_worse"]["delta_val_loss_vs_todays"] == 0.1


def test_bench_context_ablation_orders_the_models(bench, flagship):
    # a finer context can only lower the empirical conditional entropy; rows + columns must pay off on
    # values whose spread varies by row and column (the premise of COMPRESSOR=ctx)
    ab = bench.context_ablation(flagship, spread_entries(6, mats=4, rows=64, cols=96))
    assert ab["order0_matrix"] <= ab["order0_tensor"] and ab["row_col_neighbours"] <= ab["row_col"]
    assert ab["row_col"] < ab["row"] < 0.97 * ab["order0_tensor"]


def test_bench_entropy_floor(bench):
    q = np.array([[0, 0, 1, -1]], np.int8)
    rep = bench.entropy_report([("t", "int6_row", (1, 4), [q, np.ones(1, np.float16)])])
    assert rep["ints"]["bits_per_value_tensor"] == 1.5 and rep["ints"]["floor_bytes_tensor"] == 1


# --- the bench's quantizers --------------------------------------------------------------------------

def test_bench_mixed_plan_moves_the_cheapest_matrices(bench):
    class Fake:
        # (name, i) -> {clip: (q, s, hessian error, bytes)}
        table = {("a", 0): {31: (None, None, 1.0, 100.0), 15: (None, None, 1.5, 60.0)},   # 0.0125 per byte
                 ("a", 1): {31: (None, None, 1.0, 100.0), 15: (None, None, 9.0, 60.0)},   # 0.2 per byte
                 ("b", 0): {31: (None, None, 1.0, 100.0), 15: (None, None, 2.0, 60.0)}}   # 0.025 per byte

        def get(self, name, i, how, clip):
            return self.table[(name, i)][clip]

        def banks(self):
            return [("a", 2), ("b", 1)]
    assert bench.mixed_plan(Fake(), 300) == {("a", 0): 31, ("a", 1): 31, ("b", 0): 31}
    assert bench.mixed_plan(Fake(), 260) == {("a", 0): 15, ("a", 1): 31, ("b", 0): 31}
    assert bench.mixed_plan(Fake(), 220) == {("a", 0): 15, ("a", 1): 31, ("b", 0): 15}


def lzma_for_lrzip(monkeypatch, bench):
    """The suite needs no system binary (README's two commands on a fresh machine): a stand-in coder, bytes to
    bytes, where the bench calls lrzip; `python scripts/bench_compress.py --check-lrzip` runs the real one."""
    stand_in = lambda data, decompress=False: (lzma.decompress if decompress else lzma.compress)(data)  # noqa: E731
    monkeypatch.setattr(bench, "_lrzip", stand_in)
    monkeypatch.setattr(bench, "lrzip_available", lambda: True)


def test_bench_pergroup_lrzip_roundtrip(bench, monkeypatch):
    """The public 04-27 record's per-group lrzip serializer as the bench rebuilds it: bit-exact back, hot rows
    permuted and restored."""
    lzma_for_lrzip(monkeypatch, bench)
    entries = random_entries(11, int7=True)
    streams = bench.pergroup_forward(entries)
    assert bench.entries_equal(bench.pergroup_inverse(streams, bench.template_of(entries)), entries)
    m = np.array([[0, 0], [9, 9], [1, 1], [8, 8]], np.int8)
    assert bench.similarity_order(m).tolist() == [0, 2, 3, 1]


def test_bench_reuses_only_a_report_of_the_same_checkpoint_and_script(bench, tmp_path):
    ckpt = dict(path="/c.pt", steps=89, created="2026-12-03T07:11:28")
    now = dict(checkpoint=dict(ckpt), script_sha256="ab")
    old = dict(checkpoint=dict(ckpt), script_sha256="ab", entropy={"e": 1}, context_ablation={"c": 2},
               methods={"m": 3}, environment=dict(date="d", command="cmd"))
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old))
    got = bench.reused_codec_section(path, now)
    assert (got["entropy"], got["context_ablation"], got["methods"]) == ({"e": 1}, {"c": 2}, {"m": 3})
    assert got["reused_from"] == dict(path=str(path), date="d", command="cmd") and "methods_settings" not in got
    settings = dict(settings={"QUANT_CLIP": "sd"}, entropy={}, methods={"m": 4})
    path.write_text(json.dumps(dict(old, methods_settings=settings)))
    assert bench.reused_codec_section(path, now)["methods_settings"] == settings  # the second integer set too
    for key, value in [("steps", 502), ("created", "2026-11-25T15:15:28")]:
        path.write_text(json.dumps(dict(old, checkpoint=dict(ckpt, **{key: value}))))
        with pytest.raises(SystemExit, match=f"not this checkpoint's report \\({key}"):
            bench.reused_codec_section(path, now)
    path.write_text(json.dumps(dict(old, script_sha256="cd")))
    with pytest.raises(SystemExit, match="script_sha256 'cd' vs 'ab'"):
        bench.reused_codec_section(path, now)
    path.write_text(json.dumps({k: v for k, v in old.items() if k != "methods"}))
    with pytest.raises(SystemExit, match="it has no methods"):
        bench.reused_codec_section(path, now)
    path.write_text("{not json")
    with pytest.raises(SystemExit, match="cannot read it as a report"):
        bench.reused_codec_section(path, now)


def test_bench_lrzip_check_says_when_the_binary_is_missing(bench, monkeypatch, capsys):
    monkeypatch.setattr(bench.shutil, "which", lambda name: None)
    assert bench.main(["--check-lrzip"]) == 1
    assert "the lrzip binary is not installed" in capsys.readouterr().err


def test_bench_summary_holds_ctx_against_pergroup_lrzip(bench):
    """Issue 16's figure in the report: the ctx artifact over per-group lrzip of the same integers, <= 0.95x."""
    def methods(ctx, lrzip):
        rows = [dict(method="flagship_ctx", bytes=ctx), dict(method=bench.PUBLIC, bytes=120)]
        return dict(methods=rows + ([dict(method=bench.LRZIP, bytes=lrzip)] if lrzip else []))
    got = bench.vs_lrzip(methods(95, 100))
    assert got == dict(ctx_bytes=95, lrzip_bytes=100, ratio=0.95, target_0_95x_bytes=95, target_met=True)
    assert bench.vs_lrzip(methods(96, 100))["target_met"] is False
    assert bench.vs_lrzip(methods(96, 0)) is None  # lrzip missing: no figure, not a pass


def test_bench_main_writes_a_report_and_reuses_its_codec_passes(bench, flagship, tmp_path, monkeypatch):
    """main() end to end on a tiny checkpoint (--quick, no rate-loss): the report holds both codec passes and the
    summary; a second run with --reuse of it and the same --codec-settings codes nothing again."""
    monkeypatch.chdir(ROOT)  # main() moves to the repo root; this puts the cwd back afterwards
    # lrzip itself is tested above (test_bench_pergroup_lrzip_roundtrip); here a fast stand-in, bytes to bytes, also
    # where no lrzip binary is installed (patching _lrzip alone left the lrzip row out there: summary None)
    lzma_for_lrzip(monkeypatch, bench)
    env = {"VOCAB_SIZE": "512", "NUM_LAYERS": "2", "MODEL_DIM": "64", "NUM_HEADS": "4", "NUM_KV_HEADS": "2",
           "MLP_MULT": "2", "BIGRAM_VOCAB_SIZE": "0", "VE_LAYERS": "", "XSA_LAST_N": "1"}
    torch.manual_seed(0)
    model = flagship.build_model(flagship.Hyperparameters.from_env(env))
    ckpt = tmp_path / "tiny.pt"
    torch.save(dict(state_dict=model.state_dict(), meta=dict(steps=0, created="2026-12-03T00:00:00")), ckpt)
    args = ["--checkpoint", str(ckpt), "--quick", "--skip-rate-loss", "--proxy-scale", "0", "--threads", "1",
            "--codec-settings", "QUANT_CLIP=sd"]
    assert bench.main([*args, "--out", str(tmp_path / "a.json")]) == 0
    first = json.loads((tmp_path / "a.json").read_text())
    assert first["methods_settings"]["settings"] == {"QUANT_CLIP": "sd"}
    for key in ("vs_pergroup_lrzip", "settings_vs_pergroup_lrzip"):
        assert first["summary"][key]["ctx_bytes"] > 0 and first["summary"][key]["lrzip_bytes"] > 0
    monkeypatch.setattr(bench, "run_methods", lambda *a, **k: pytest.fail("a reused codec pass ran again"))
    assert bench.main([*args, "--reuse", str(tmp_path / "a.json"), "--out", str(tmp_path / "b.json")]) == 0
    second = json.loads((tmp_path / "b.json").read_text())
    assert second["methods"] == first["methods"] and second["methods_settings"] == first["methods_settings"]
    assert second["summary"]["vs_pergroup_lrzip"] == first["summary"]["vs_pergroup_lrzip"]


def test_bench_refuses_a_bad_export_variant_before_any_work(bench, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    for step in ("train_checkpoint", "load_checkpoint"):
        monkeypatch.setattr(bench, step, lambda *a: pytest.fail("it started working"))
    with pytest.raises(SystemExit, match=r"--variants export:INT5_SHARE=1.0: INT5_SHARE=1.0 must be in \[0, 1\)"):
        bench.main(["--checkpoint", str(tmp_path / "none.pt"), "--variants", "flagship,export:INT5_SHARE=1.0"])


TINY_DIMS = {"VOCAB_SIZE": "512", "NUM_LAYERS": "2", "MODEL_DIM": "64", "NUM_HEADS": "4", "NUM_KV_HEADS": "2",
             "MLP_MULT": "2", "BIGRAM_VOCAB_SIZE": "0", "VE_LAYERS": "", "XSA_LAST_N": "1", "TRAIN_SEQ_LEN": "64",
             "EVAL_SEQ_LEN": "64", "EVAL_STRIDE": "64", "EVAL_BATCH_SEQS": "4"}
EVERY_VARIANT = ("flagship,rtn,gptq6,gptq5mlp,gptq_mixed,gptq_mixed@0.9,int5share@0.5,"
                 "export:QUANT_CLIP=sd+GPTQ_CALIB_SEQS=2+INT5_SHARE=0.3")


def _tiny_rate_loss_run(bench, flagship, tiny_data, tmp_path, monkeypatch, variants):
    """bench.main() with its rate-loss pass on a tiny model of the tiny 512-piece data (TRAIN_ENV's dims and data
    paths swapped; a clean clone has no data/datasets); returns (argv, report path)."""
    monkeypatch.chdir(ROOT)
    paths = {k: tiny_data["env"][k] for k in ("DATA_PATH", "TOKENIZER_PATH")}
    monkeypatch.setattr(bench, "TRAIN_ENV", {**bench.TRAIN_ENV, **TINY_DIMS, **paths})
    lzma_for_lrzip(monkeypatch, bench)  # the same run with or without an lrzip binary
    torch.manual_seed(0)
    model = flagship.build_model(flagship.Hyperparameters.from_env(TINY_DIMS))
    ckpt = tmp_path / "tiny.pt"
    torch.save(dict(state_dict=model.state_dict(), meta=dict(steps=0, created="2026-12-03T00:00:00")), ckpt)
    out = tmp_path / "report.json"
    return ["--checkpoint", str(ckpt), "--quick", "--proxy-scale", "0", "--threads", "1", "--val-tokens", "1024",
            "--calib-seqs", "2", "--variants", variants, "--out", str(out)], out


def test_bench_rate_loss_runs_every_variant_family(bench, flagship, tiny_data, tmp_path, monkeypatch):
    """The rate-vs-loss pass end to end, each --variants family once: every row an artifact that loads and
    scores, the flagship row the flagship's own artifact bytes, int5 only where asked."""
    argv, out = _tiny_rate_loss_run(bench, flagship, tiny_data, tmp_path, monkeypatch, EVERY_VARIANT)
    assert bench.main(argv) == 0
    rl = json.loads(out.read_text())["rate_vs_loss"]
    rows = {r["variant"]: r for r in rl["variants"]}
    assert list(rows) == EVERY_VARIANT.split(",")
    assert rl["calibration"]["tokens"] == 2 * 64
    for r in rows.values():
        assert r["artifact_bytes"] > 0 and np.isfinite(r["val_loss"]) and r["val_loss"] > 0
    ctx_row = next(m for m in json.loads(out.read_text())["methods"]["methods"] if m["method"] == "flagship_ctx")
    assert rows["flagship"]["artifact_bytes"] == ctx_row["bytes"]  # both the flagship's write_artifact, same ints
    assert rows["flagship"]["int5_matrices"] == rows["gptq6"]["int5_matrices"] == 0
    assert rows["gptq5mlp"]["int5_matrices"] > 0 and all(w.startswith("mlp") for w in rows["gptq5mlp"]["int5_which"])
    assert rows["int5share@0.5"]["int5_matrices"] > 0


def test_bench_rate_loss_keeps_the_rows_measured_before_a_failure(bench, flagship, tiny_data, tmp_path, monkeypatch):
    """A variant that dies mid-pass leaves the report on disk with the float score and every earlier row."""
    argv, out = _tiny_rate_loss_run(bench, flagship, tiny_data, tmp_path, monkeypatch, "flagship,rtn,gptq6")
    real = bench.quantize_variant

    def dies_at_gptq6(fs, sd, kind, *a, **k):
        if kind == "gptq6":
            raise RuntimeError("out of memory (stand-in)")
        return real(fs, sd, kind, *a, **k)

    monkeypatch.setattr(bench, "quantize_variant", dies_at_gptq6)
    with pytest.raises(RuntimeError, match="stand-in"):
        bench.main(argv)
    report = json.loads(out.read_text())
    assert [r["variant"] for r in report["rate_vs_loss"]["variants"]] == ["flagship", "rtn"]
    assert np.isfinite(report["rate_vs_loss"]["float"]["val_loss"])
    assert [r["variant"] for r in report["summary"]["rate_vs_loss"]] == ["flagship", "rtn"]


@pytest.mark.parametrize("entry, why", [
    ("gtpq6", "unknown entry"),
    ("int5share@1.0", r"INT5_SHARE=1.0 must be in \[0, 1\)"),
    ("int5share@half", "could not convert|INT5_SHARE"),
    ("gptq_mixed@0", "the fraction must be > 0"),
    ("gptq_mixed@x", "could not convert"),
    ("rtn@2", "unknown entry"),
    ("export:NO_SUCH_SETTING=1", "NO_SUCH_SETTING"),
])
def test_bench_refuses_every_bad_variant_before_any_work(bench, tmp_path, monkeypatch, entry, why):
    monkeypatch.chdir(ROOT)
    for step in ("train_checkpoint", "load_checkpoint"):
        monkeypatch.setattr(bench, step, lambda *a: pytest.fail("it started working"))
    with pytest.raises(SystemExit, match=rf"--variants {entry}: .*({why})"):
        bench.main(["--checkpoint", str(tmp_path / "none.pt"), "--variants", f"flagship,{entry}"])


def test_bench_refuses_bad_codec_settings_before_any_work(bench, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    for step in ("train_checkpoint", "load_checkpoint"):
        monkeypatch.setattr(bench, step, lambda *a: pytest.fail("it started working"))
    for text, why in (("QUANT_CLP=sd", "not a setting of the flagship: QUANT_CLP"), ("QUANT_CLIP", "K=V joined by")):
        with pytest.raises(SystemExit, match=rf"--codec-settings {text}: .*{why}"):
            bench.main(["--checkpoint", str(tmp_path / "none.pt"), "--skip-rate-loss", "--codec-settings", text])
