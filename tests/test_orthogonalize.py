"""The orthogonalizers (NS5, Polar Express, MUD): contract, spectra, fast MUD vs its reference.

The functions are loaded by the single `ortho` fixture below; it points at the ORTHOGONALIZERS
section of the root train_gpt.py (loaded as eval/ loads it).
Everything runs on CPU in a few seconds; singular values are measured in fp64.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import pytest
import torch

ROOT = Path(__file__).resolve().parents[1]

METHODS = ("ns5", "polar", "mud")
CONTRACT_SHAPES = [(4, 64, 32), (4, 32, 64), (2, 48, 48), (40, 24)]


@pytest.fixture(scope="module")
def ortho(flagship):
    """The flagship module: ns5, polar_express, mud, ORTHOGONALIZERS, orthogonalizer."""
    return flagship


@pytest.fixture(scope="module")
def bench():
    """scripts/bench_orthogonalize.py: its mud_reference and its momentum-like inputs serve the tests too."""
    spec = importlib.util.spec_from_file_location("_test_bench_orthogonalize", ROOT / "scripts" / "bench_orthogonalize.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def mud_reference(bench):
    """MUD as the paper writes it (triangular solve): the ground truth for the fast mud()."""
    return bench.mud_reference


# ---------------------------------------------------------------------------------------- inputs


def well_conditioned(shape, lo=0.5, hi=1.0, seed=0) -> torch.Tensor:
    """Random bank with singular values uniform in [lo, hi] (fp64), so every method converges."""
    gen = torch.Generator().manual_seed(seed)
    *batch, m, n = shape
    b = math.prod(batch) if batch else 1
    k = min(m, n)
    U, _ = torch.linalg.qr(torch.randn(b, m, k, generator=gen, dtype=torch.float64))
    V, _ = torch.linalg.qr(torch.randn(b, n, k, generator=gen, dtype=torch.float64))
    s = torch.rand(b, k, generator=gen, dtype=torch.float64) * (hi - lo) + lo
    return ((U * s[:, None, :]) @ V.mT).reshape(shape)


def svdvals64(X: torch.Tensor) -> torch.Tensor:
    return torch.linalg.svdvals(X.double())


def exact_polar(G: torch.Tensor) -> torch.Tensor:
    U, _, Vh = torch.linalg.svd(G.double(), full_matrices=False)
    return U @ Vh


def rel_dist_to_polar(out: torch.Tensor, G: torch.Tensor) -> float:
    P = exact_polar(G)
    return ((out.double() - P).norm(dim=(-2, -1)) / P.norm(dim=(-2, -1))).max().item()


def wide_rows(X: torch.Tensor) -> torch.Tensor:
    """fp64 copy in the wide orientation (rows = the smaller dim), as MUD sees it."""
    X = X.double()
    return X.mT if X.size(-2) > X.size(-1) else X


def row_orth_error(X: torch.Tensor) -> float:
    """max over the bank of ||R R^T - I||_F / sqrt(k), R = X in the wide orientation (k rows)."""
    R = wide_rows(X)
    k = R.size(-2)
    eye = torch.eye(k, dtype=torch.float64)
    return ((R @ R.mT - eye).norm(dim=(-2, -1)) / math.sqrt(k)).max().item()


def row_normalized(G: torch.Tensor) -> torch.Tensor:
    R = wide_rows(G)
    return R / R.norm(dim=-1, keepdim=True)


# -------------------------------------------------------------------------------------- contract


@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16], ids=["fp32", "bf16"])
@pytest.mark.parametrize("shape", CONTRACT_SHAPES, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("method", METHODS + ("mud_reference",))
def test_output_has_input_shape_dtype_and_is_finite(ortho, mud_reference, method, shape, dtype):
    fn = mud_reference if method == "mud_reference" else ortho.ORTHOGONALIZERS[method]
    G = torch.randn(shape, generator=torch.Generator().manual_seed(1)).to(dtype)
    out = fn(G)
    assert out.shape == G.shape
    assert out.dtype == dtype
    assert torch.isfinite(out).all()
    # an orthogonalized update has the exact polar factor's magnitude whatever the input scale:
    # mean squared singular value ~1 (MUD: exactly 1, unit rows), none far above 1
    sv = svdvals64(out)
    assert 0.6 < sv.pow(2).mean().sqrt().item() < 1.2
    assert sv.max().item() < 2.0


@pytest.mark.parametrize("method", METHODS + ("mud_reference",))
def test_zero_update_stays_zero(ortho, mud_reference, method):
    # zero-initialized layers produce all-zero momentum at the first step: no NaN, no noise
    fn = mud_reference if method == "mud_reference" else ortho.ORTHOGONALIZERS[method]
    G = torch.zeros(2, 24, 40)
    G[1, 3] = torch.randn(40)  # one matrix with a single non-zero row, the rest exactly zero
    out = fn(G)
    assert torch.isfinite(out).all()
    assert out[0].abs().max().item() == 0.0
    zero_rows = [i for i in range(24) if i != 3]
    assert out[1, zero_rows].abs().max().item() == 0.0


@pytest.mark.parametrize("method", METHODS)
def test_batched_equals_per_matrix(ortho, method):
    fn = ortho.ORTHOGONALIZERS[method]
    # wildly different scales per matrix: any normalization that leaks across the bank shows up
    G = torch.randn(3, 48, 80, generator=torch.Generator().manual_seed(2))
    G = G * torch.tensor([1.0, 1e3, 1e-3])[:, None, None]
    batched = fn(G)
    one_by_one = torch.stack([fn(g) for g in G])
    torch.testing.assert_close(batched, one_by_one, atol=1e-2, rtol=0)


@pytest.mark.parametrize("method", METHODS)
def test_tall_input_is_the_transpose_of_wide(ortho, method):
    fn = ortho.ORTHOGONALIZERS[method]
    G = torch.randn(2, 40, 72, generator=torch.Generator().manual_seed(3))
    wide = fn(G)
    tall = fn(G.mT.contiguous())
    assert tall.shape == (2, 72, 40)
    torch.testing.assert_close(tall.mT, wide, atol=2e-2, rtol=0)


def test_unknown_method_raises_naming_the_setting(ortho):
    G = torch.randn(2, 8, 8)
    with pytest.raises(ValueError, match="ORTHO"):
        ortho.orthogonalizer("svd")


def test_dispatch_reaches_each_method(ortho):
    assert set(ortho.ORTHOGONALIZERS) == set(METHODS)
    G = torch.randn(2, 16, 24, generator=torch.Generator().manual_seed(4))
    for name in METHODS:
        torch.testing.assert_close(ortho.orthogonalizer(name)(G), ortho.ORTHOGONALIZERS[name](G), atol=0, rtol=0)
    # the three really are different maps
    outs = [ortho.orthogonalizer(name)(G).double() for name in METHODS]
    for i in range(3):
        for j in range(i + 1, 3):
            assert (outs[i] - outs[j]).abs().max().item() > 1e-2


# --------------------------------------------------------------------------------------- spectra

SPECTRUM_SHAPES = [(4, 64, 32), (4, 32, 64), (2, 48, 48)]


@pytest.mark.parametrize("shape", SPECTRUM_SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_ns5_singular_values_in_band(ortho, shape):
    # the quintic (3.4445, -4.7750, 2.0315) oscillates: scalar analysis over x in [0.05, 1] gives
    # [0.682, 1.134] after 5 steps; measured (bf16) ~[0.680, 1.06..1.14]; margin 0.02 for bf16
    G = well_conditioned(shape).float()
    sv = svdvals64(ortho.ns5(G))
    assert sv.min().item() >= 0.66
    assert sv.max().item() <= 1.16
    # and it is not the exact polar factor: the band is really used
    assert sv.min().item() < 0.8


@pytest.mark.parametrize("shape", SPECTRUM_SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_polar_express_tighter_and_closer_to_polar_than_ns5(ortho, shape):
    G = well_conditioned(shape).float()
    pe, ns = ortho.polar_express(G), ortho.ns5(G)
    sv_pe, sv_ns = svdvals64(pe), svdvals64(ns)
    # 5 steps of the published 8-step schedule: scalar analysis over x in [1e-3, 1] gives
    # [0.840, 1.124]; measured ~[0.866, 1.125]
    assert sv_pe.min().item() >= 0.83
    assert sv_pe.max().item() <= 1.14
    spread_pe = (sv_pe.max() - sv_pe.min()).item()
    spread_ns = (sv_ns.max() - sv_ns.min()).item()
    assert spread_pe < 0.75 * spread_ns
    d_pe, d_ns = rel_dist_to_polar(pe, G), rel_dist_to_polar(ns, G)
    assert d_pe < 0.12  # measured ~0.085-0.091
    assert d_pe < 0.7 * d_ns  # measured NS5 ~0.21-0.22


def test_polar_express_full_schedule_converges(ortho):
    # all eight published polynomials: the spectrum collapses onto 1 up to bf16 rounding
    G = well_conditioned((4, 64, 32)).float()
    sv = svdvals64(ortho.polar_express(G, steps=8))
    assert (sv - 1).abs().max().item() < 0.02  # measured ~0.005


# ------------------------------------------------------------------------------------------- MUD


@pytest.mark.parametrize("shape", SPECTRUM_SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_mud_rows_unit_and_closer_to_orthonormal(ortho, shape):
    G = well_conditioned(shape).float()
    e0 = row_orth_error(row_normalized(G))  # ~0.36-0.41 for these inputs
    out1, out2 = ortho.mud(G, passes=1), ortho.mud(G, passes=2)
    # rows of the wide orientation are unit vectors (same Frobenius norm as the exact polar factor)
    for out in (out1, out2):
        norms = wide_rows(out).norm(dim=-1)
        assert (norms - 1).abs().max().item() < 1e-5
    e1, e2 = row_orth_error(out1), row_orth_error(out2)
    assert e1 < 0.3 * e0  # measured e1 ~0.08
    assert e1 < 0.12
    # local quadratic convergence (paper's theorem): the second pass squares the error
    assert e2 < 2 * e1**2  # measured e2 ~0.005
    assert e2 < 0.01


FAST_VS_REFERENCE = [(2, 512, 1536), (2, 1536, 512), (2, 512, 512), (2, 256, 512), (3, 48, 100), (2, 100, 7)]


@pytest.mark.parametrize("passes", [1, 2])
@pytest.mark.parametrize("shape", FAST_VS_REFERENCE, ids=lambda s: "x".join(map(str, s)))
def test_mud_fast_matches_reference_fp32(ortho, bench, mud_reference, shape, passes):
    for G in (bench.momentum_like(shape, torch.Generator().manual_seed(0)), torch.randn(shape, generator=torch.Generator().manual_seed(5))):
        fast = ortho.mud(G, passes=passes)
        ref = mud_reference(G, passes=passes)
        rel = ((fast - ref).norm() / ref.norm()).item()
        assert rel < 1e-4  # measured <= 1.2e-5 on momentum-like inputs
        assert (fast - ref).abs().max().item() < 1e-4


@pytest.mark.parametrize("shape", [(2, 96, 160), (2, 48, 100), (1, 33, 65)], ids=lambda s: "x".join(map(str, s)))
def test_mud_fast_matches_reference_fp64_exactly(ortho, bench, mud_reference, shape):
    # in fp64 the blocked inverse and the triangular solve agree to rounding: the algebra is the same
    # (k = 96, 48, 33 exercise the padding of k to a power of two)
    G = bench.momentum_like(shape, torch.Generator().manual_seed(0)).double()
    fast, ref = ortho.mud(G), mud_reference(G)
    assert fast.dtype == torch.float64
    assert (fast - ref).abs().max().item() < 1e-10


# ---------------------------------------------------------------------------------------- the bench CLI


def test_bench_cli_times_and_scores_every_method(bench, tmp_path):
    """scripts/bench_orthogonalize.py end to end on CPU (gpu_check's ortho stage runs it on the GPU): each method
    timed on each shard shape, scored on both input kinds and on a --matrices file; the methods that must be
    the same map agree (mud and the paper's triangular solve; NS5 and its plain-bmm form)."""
    mats = tmp_path / "mats.pt"
    torch.save({"bank": torch.randn(2, 64, 96), "matrix": torch.randn(48, 32), "ids": torch.arange(6).view(2, 3)},
               mats)
    out = tmp_path / "bench.json"
    assert bench.main(["--device", "cpu", "--quick", "--reps", "1", "--warmup", "0", "--quality-per-shape", "1",
                       "--matrices", str(mats), "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    methods = {"ns5", "polar", "mud", "mud_reference", "ns5_naive"}
    shards = {(3, 512, 512), (3, 256, 512), (2, 1536, 512), (2, 512, 1536)}  # ceil(bank / 8 ranks)
    assert {(t["method"], tuple(t["shape"])) for t in report["timings"]} == {(m, s) for m in methods for s in shards}
    assert all(len(t["reps_ms"]) == 1 and t["median_ms"] > 0 for t in report["timings"])
    q = {(r["inputs"], r["method"]): r for r in report["quality"]}
    kinds = {k for k, _ in q}
    assert len(kinds) == 9 and q["file:mats.pt", "ns5"]["n_matrices"] == 3  # the int tensor is not a matrix
    for kind in kinds:
        assert q[kind, "mud_reference"]["rel_fro_to_polar_mean"] == pytest.approx(
            q[kind, "mud"]["rel_fro_to_polar_mean"], abs=1e-3), kind
        assert q[kind, "ns5_naive"]["sv_max"] == pytest.approx(q[kind, "ns5"]["sv_max"], abs=0.03), kind
        if kind.startswith("gaussian"):
            assert q[kind, "polar"]["rel_fro_to_polar_mean"] < q[kind, "ns5"]["rel_fro_to_polar_mean"], kind


def test_bench_cli_compiles_the_methods_as_the_training_step_does(bench, tmp_path):
    out = tmp_path / "bench.json"
    assert bench.main(["--device", "cpu", "--quick", "--reps", "1", "--warmup", "1", "--quality-per-shape", "0",
                       "--methods", "ns5", "polar", "--compile", "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert report["settings"]["compile"] is True and len(report["timings"]) == 2 * 4 and report["quality"] == []
