"""What one training step costs a GPU, counted on CPU: ours (train_gpt.py) beside the public script each preset
reproduces, at seq 2048, one sequence, the full-size models. No GPU needed.

    python scripts/bench_gpu_cost.py --ours train_gpt.py \\
        --public-0323 .cache/public/2026-03-23_train_gpt.py --public-0427 .cache/public/2026-04-27_train_gpt.py \\
        --presets record_0323,frontier_0427 --out results/gpu_cost_<date>_cpu.json
    python scripts/bench_gpu_cost.py --tiny --out /tmp/gpu_cost_tiny.json   # CI: tiny models, ours only

Every path may be absolute, so another worktree's train_gpt.py can be measured from anywhere. Each
(preset, side, loop) row writes into the JSON as it finishes. The public scripts are copies of
records/track_10min_16mb/2026-03-23_LeakyReLU_LegalTTT_ParallelMuon/train_gpt.py and the 04-27 1.0611 record's
train_gpt.py of openai/parameter-golf, kept in an ignored folder (.cache/public/). Without them a preset's public
side says "skipped".

Models. Ours: Hyperparameters.from_env({PRESET, BIGRAM_VOCAB_SIZE=1536 at record_0323, DOC_MASK=0 at the
frontier (one document: see OURS_ENV)}), build_model, fp32 tables as main() leaves them, and the fused kernels
a CUDA machine with triton picks (FUSED_MLP/FUSED_CE auto: on at the frontier) with their CPU stand-ins below.
Public 03-23: its Hyperparameters with BIGRAM_VOCAB_SIZE=1536 (as its README/logs ran), GPT(...).bfloat16()
then banks, CastedLinear and low-dim params back to fp32, as its main() does. Public 04-27: the model settings
of its README's run command (SPARSE_ATTN_GATE_ENABLED=1, SPARSE_ATTN_GATE_SCALE=0.5, GATE_WINDOW=12,
SMEAR_GATE_ENABLED=1, FUSED_CE_ENABLED=1; its defaults have both gates off), vocab 8192, GPT(h).bfloat16() +
restore_fp32_params, as its train_model() does. The
frontier is measured with its depth-recurrence loop off and on (ours: model.looping; theirs: looping_active);
the looped phase runs most of training (from ENABLE_LOOPING_AT=0.35). Input: one sequence of 2048 random
tokens, one document (BOS only at position 0), so ours' document mask (DOC_MASK=1) and theirs' causal
attention compute the same thing.

Stand-ins in the public scripts (nothing else of theirs changes; benchlib.patch_public applies the text
patches):
  FA3 (flash_attn_interface) -> SDPA causal GQA (benchlib.PUBLIC_PATCHES' shim, gpu_check's too);
      flash_attn_varlen_func is never called here (no cu_seqlens given) and raises if it were.
  04-27 fused MLP kernel linear_leaky_relu_square -> custom op bench_gpu_cost::lrs (and ::lrs_bwd) with the
      kernel's eager math: forward pre = a @ b^T, post = leaky_relu(pre, 0.5)^2 (both returned, bf16);
      backward (aux=pre) (a @ b^T) * where(pre > 0, 2 pre, 0.5 pre). An opaque op, like the Triton kernel:
      the partitioner cannot recompute through it and inductor counts its inputs + outputs as its bytes.
  04-27 fused softcapped CE kernels -> their own custom ops stay (so what they save, logits + lse, stays);
      only the two Triton launches are replaced by the eager math: z = 2c sigmoid(2x/c) (= c tanh(x/c) + c),
      lse = logsumexp(z), loss = lse - z[target]; grad = g (softmax(z) - onehot) 4 s (1 - s), s = sigmoid(2x/c);
      and its CUDA-only input check skips the is_cuda test.
Stand-ins in ours, the same way (ours_kernels_on_cpu): train_gpt.py's own custom ops torch.ops.pgolf.leaky_mlp
(x W_up^T, leaky(.)^2, then W_down^T: one op), leaky_mlp_dpre, softcapped_ce, softcapped_ce_grad keep their
fakes and autograd (so what they save stays ours); only their Triton launches become the eager math, as a CPU
kernel registered for the measurement alone. Opaque ops (one call each to the partitioner and inductor),
listed in the JSON per side as opaque_ops: ours pgolf::* above; theirs bench_gpu_cost::lrs/lrs_bwd and
pgsubmission1draft7fusedce::softcapped_ce/softcapped_ce_backward; none at record_0323.

Counts (one sequence, one training step = forward + backward):
  flops       torch.utils.flop_counter.FlopCounterMode over an eager forward + backward (fake tensors), by op;
              every module's attributes are put back after (a cache filled under fake mode stays out).
              Attention counted by torch's convention for SDPA (full T x T, causal not halved); CPU's
              flash kernel and the stand-in MLP op get formulas registered here (same convention).
  saved       torch.compile(backend="aot_eager_decomp_partition": inductor's decompositions + min-cut
              partitioner), CPU bf16 autocast as the proxy for CUDA bf16 autocast, one forward under
              torch.autograd.graph.saved_tensors_hooks: each saved tensor's storage counted once (by data
              pointer, its full nbytes), parameters' storages excluded; by dtype, MiB.
  inductor    torch.compile(backend="inductor") on CPU, forward + backward once, under CPU bf16 autocast:
              torch._inductor.metrics.num_bytes_accessed, which inductor's GraphLowering.count_bytes() fills:
              for every scheduler node of the forward and backward graphs (each fused kernel, and each extern
              kernel: matmuls, SDPA, custom ops) the bytes of the buffers it reads plus those it writes. CPU
              codegen as the proxy for the CUDA one (fusion decisions are similar, not identical). Also the
              number of generated kernels. Per sequence; per_gpu_step_gb multiplies by 48 sequences (98,304
              tokens: one H100's share of the 786,432-token step).
  graphs      dynamo graphs and graph breaks (torch._dynamo.utils.counters) of the saved-bytes compile,
              fullgraph=False so a break is counted rather than raised.
  host_syncs / collectives  read from the code, by an AST walk: the call sites in the training step's code
              path (ours: train()'s step loop and one_step; theirs: the training loop of main() / train_model())
              and the functions it calls (resolved by name within the script, transitively) that synchronize
              the host on CUDA (.item, .tolist, .cpu, .numpy, torch.cuda.synchronize, nonzero, ...) or call
              torch.distributed collectives. Call sites, not executions: a site inside a loop over parameters
              runs once per parameter (`in_loop` marks those); sites under a validation/logging branch count too,
              but functions named eval*/log* (validation, logging) are not followed.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import functools
import importlib.util
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import torch  # module scope: the stand-in custom ops' annotations name it

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file from any directory: make the repo importable

from eval.loader import load_record_module  # noqa: E402
from scripts.benchlib import (PUBLIC_PATCHES, patch_public, results_arg, results_path,  # noqa: E402
                              run_facts, write_results)

PRESETS = ("record_0323", "frontier_0427")
SEQ = 2048
SEQS_PER_GPU_STEP = 48  # 786,432 tokens / 8 GPUs / 2048
MIB = 2**20
# DOC_MASK=0 at the frontier: the input is one document, so causal-and-same-document is causal. On a GPU ours
# hands the documents' cu_seqlens to flash-attn varlen (no mask tensor); CPU SDPA would need a (T, T) mask
# instead, a cost the GPU does not pay (8 MiB saved per sequence). Theirs runs FA3 causal (no cu_seqlens) too.
OURS_ENV = {"record_0323": {"BIGRAM_VOCAB_SIZE": "1536"}, "frontier_0427": {"DOC_MASK": "0"}}
# The model settings of the record's own run command (its README's "Reproducing"; its logs print them): its
# defaults leave the sparse attention gate and SmearGate off, which the record and our preset have on.
PUBLIC_ENV = {"record_0323": {"BIGRAM_VOCAB_SIZE": "1536"},
              "frontier_0427": {"SPARSE_ATTN_GATE_ENABLED": "1", "SPARSE_ATTN_GATE_SCALE": "0.5",
                                "GATE_WINDOW": "12", "SMEAR_GATE_ENABLED": "1", "FUSED_CE_ENABLED": "1"}}
PUBLIC_OPAQUE = {"record_0323": [],  # the ops the partitioner and inductor see as one call each
                 "frontier_0427": ["bench_gpu_cost::lrs", "bench_gpu_cost::lrs_bwd",
                                   "pgsubmission1draft7fusedce::softcapped_ce",
                                   "pgsubmission1draft7fusedce::softcapped_ce_backward"]}
TINY_SEQ = 64
TINY_ENV = {  # small enough for CI; the frontier keeps a loop (layers 1..2 of 4, 3 visits) and parallel lanes
    "record_0323": dict(NUM_LAYERS="3", MODEL_DIM="64", NUM_HEADS="4", NUM_KV_HEADS="2", VOCAB_SIZE="256",
                        BIGRAM_VOCAB_SIZE="64", BIGRAM_DIM="16", VE_DIM="16", VE_LAYERS="1,2", XSA_LAST_N="1"),
    "frontier_0427": dict(NUM_LAYERS="4", MODEL_DIM="64", NUM_HEADS="4", NUM_KV_HEADS="2", VOCAB_SIZE="256",
                          XSA_LAST_N="4", LOOP_START="1", LOOP_END="2", PARALLEL_START_LAYER="3",
                          GATE_WINDOW="12"),
}

_FA3_SHIM = PUBLIC_PATCHES[0][2]  # the SDPA stand-in for FA3 (benchlib), one definition for both scripts
PATCHES_0427 = (
    ("FA3 -> SDPA (causal, GQA); varlen FA3 unused here (raises)",
     "from flash_attn_interface import (\n    flash_attn_func as flash_attn_3_func,\n    flash_attn_varlen_func,\n)",
     _FA3_SHIM + "\n\n\ndef flash_attn_varlen_func(*args, **kwargs):  # bench_gpu_cost: not used without cu_seqlens\n"
     "    raise NotImplementedError('varlen FA3 is not stood in')\n"),
)


# ------------------------------------------------------------------------------------------------------------
# Stand-ins for the 04-27 record's Triton kernels
# ------------------------------------------------------------------------------------------------------------

def _define_ops():
    """bench_gpu_cost::lrs / lrs_bwd: the fused LeakyReLU(0.5)^2 up-projection's math as opaque ops (once)."""
    from torch.utils.flop_counter import register_flop_formula

    if hasattr(torch.ops.bench_gpu_cost, "lrs"):
        return

    @torch.library.custom_op("bench_gpu_cost::lrs", mutates_args=())
    def lrs(a: torch.Tensor, b: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        pre = a @ b.T
        act = torch.nn.functional.leaky_relu(pre, 0.5)
        return pre, act * act

    @lrs.register_fake
    def _(a, b):
        return a.new_empty(a.shape[0], b.shape[0]), a.new_empty(a.shape[0], b.shape[0])

    @torch.library.custom_op("bench_gpu_cost::lrs_bwd", mutates_args=())
    def lrs_bwd(a: torch.Tensor, b: torch.Tensor, pre: torch.Tensor) -> torch.Tensor:
        return (a @ b.T) * torch.where(pre > 0, 2.0 * pre, 0.5 * pre)

    @lrs_bwd.register_fake
    def _(a, b, pre):
        return a.new_empty(a.shape[0], b.shape[0])

    def mm_flops(a_shape, b_shape, *args, out_shape=None, **kwargs) -> int:
        return 2 * a_shape[0] * a_shape[1] * b_shape[0]

    register_flop_formula(torch.ops.bench_gpu_cost.lrs)(mm_flops)
    register_flop_formula(torch.ops.bench_gpu_cost.lrs_bwd)(mm_flops)
    # CPU SDPA's flash kernel has no formula in torch: the CUDA flash kernels' convention (full T x T).
    from torch.utils import flop_counter as fc

    aten = torch.ops.aten
    def sdpa(q_shape, k_shape, v_shape, *args, out_shape=None, **kwargs) -> int:
        return fc.sdpa_flop_count(q_shape, k_shape, v_shape)

    def sdpa_bwd(g_shape, q_shape, k_shape, v_shape, *args, out_shape=None, **kwargs) -> int:
        return fc.sdpa_backward_flop_count(g_shape, q_shape, k_shape, v_shape)

    for op, fn in ((aten._scaled_dot_product_flash_attention_for_cpu, sdpa),
                   (aten._scaled_dot_product_flash_attention_for_cpu_backward, sdpa_bwd)):
        if op not in fc.flop_registry:
            register_flop_formula(op)(fn)


def linear_leaky_relu_square(a, b, aux=None):
    """The 04-27 record's fused kernel's contract: (pre, post) forward, the activation's backward with aux."""

    if aux is None:
        return torch.ops.bench_gpu_cost.lrs(a, b)
    return torch.ops.bench_gpu_cost.lrs_bwd(a, b, aux)


class _Launch:
    """Stands in for a @triton.jit kernel: kernel[grid](*args) runs `fn(*args)` (eager math into the outputs)."""

    def __init__(self, fn):
        self.fn = fn

    def __getitem__(self, grid):
        return lambda *args, **kwargs: self.fn(*args)


def _softcap_z(x, softcap: float):

    return 2.0 * softcap * torch.sigmoid(x.float() * (2.0 / softcap))


def _ce_fwd(logits, losses, lse, targets, s0, s1, n_rows, n_cols, softcap):

    z = _softcap_z(logits, softcap)
    lse.copy_(torch.logsumexp(z, dim=-1))
    losses.copy_(lse - z.gather(1, targets[:, None]).squeeze(1))


def _ce_bwd(grad_logits, grad_losses, lse, logits, targets, s0, s1, g0, g1, n_rows, n_cols, softcap):

    s = torch.sigmoid(logits.float() * (2.0 / softcap))
    probs = torch.exp(2.0 * softcap * s - lse[:, None])
    probs.scatter_add_(1, targets[:, None], -torch.ones_like(lse)[:, None])
    grad_logits.copy_(grad_losses.float()[:, None] * probs * (4.0 * s * (1.0 - s)))


def _ce_inputs(logits, targets, softcap):

    return logits.contiguous(), targets.contiguous().to(torch.int64)


# ------------------------------------------------------------------------------------------------------------
# Stand-ins for our own Triton kernels (train_gpt.py KERNELS: FUSED_MLP, FUSED_CE)
# ------------------------------------------------------------------------------------------------------------

def _ours_mlp(x, w_up, w_down):
    """pgolf::leaky_mlp's kernel math: pre = x W_up^T (x's dtype), h = leaky(pre, 0.5)^2, then h W_down^T."""
    pre = x @ w_up.t()
    h = torch.nn.functional.leaky_relu(pre.float(), 0.5).square().to(pre.dtype)
    return h @ w_down.t(), pre, h


def _ours_mlp_dpre(dy, w_down, pre):
    p = pre.float()
    return ((dy @ w_down).float() * torch.where(p > 0, 2.0 * p, 0.5 * p)).to(pre.dtype)


def _ours_ce(logits, targets, softcap):
    z = softcap * torch.tanh(logits.float() / softcap)
    lse = torch.logsumexp(z, dim=-1)
    return lse - z.gather(1, targets[:, None]).squeeze(1), lse


def _ours_ce_grad(logits, targets, lse, dloss, softcap):
    t = torch.tanh(logits.float() / softcap)
    p = torch.exp(softcap * t - lse[:, None])
    p.scatter_add_(1, targets[:, None], -torch.ones_like(lse)[:, None])
    return (dloss.float()[:, None] * p * (1.0 - t * t)).to(logits.dtype)


OURS_OPS = ("leaky_mlp", "softcapped_ce", "leaky_mlp_dpre", "softcapped_ce_grad")  # (mlp, ce) twice
OURS_STAND_INS = {"leaky_mlp": _ours_mlp, "leaky_mlp_dpre": _ours_mlp_dpre, "softcapped_ce": _ours_ce,
                  "softcapped_ce_grad": _ours_ce_grad}


def _mlp_flops(x_shape, w_up_shape, w_down_shape, *args, out_shape=None, **kwargs) -> int:
    return 2 * x_shape[0] * w_up_shape[0] * (x_shape[1] + w_down_shape[0])  # x W_up^T, then h W_down^T


def _dpre_flops(dy_shape, w_down_shape, *args, out_shape=None, **kwargs) -> int:
    return 2 * dy_shape[0] * dy_shape[1] * w_down_shape[1]


@contextlib.contextmanager
def ours_kernels_on_cpu(tg):
    """Our fused kernels (tg.fused_kernels(): (mlp, cross-entropy), the custom ops torch.ops.pgolf.* with
    their fakes and autograd, i.e. what they save) with each op's CPU kernel swapped for the eager math
    above, exactly as the 04-27 record's kernels are stood in: opaque to inductor and to the partitioner.
    Only inside this scope: outside it the ops run their Triton kernels again (the interpreter tests)."""
    from torch._library.custom_ops import OPDEFS
    from torch.utils.flop_counter import flop_registry, register_flop_formula

    kernels = tg.fused_kernels()
    defs = [OPDEFS[f"pgolf::{name}"] for name in OURS_STAND_INS]
    for opdef, fn in zip(defs, OURS_STAND_INS.values()):
        opdef.register_kernel("cpu", fn)  # the latest registration wins; re-registering is harmless
        opdef._disabled_kernel.discard("cpu")
    for op, formula in ((torch.ops.pgolf.leaky_mlp, _mlp_flops),
                        (torch.ops.pgolf.leaky_mlp_dpre, _dpre_flops)):
        if op not in flop_registry:  # once per process (a packet is registered as itself)
            register_flop_formula(op)(formula)
    try:
        yield kernels
    finally:
        for opdef in defs:
            opdef._disabled_kernel.add("cpu")  # set_kernel_enabled's own switch: back to the Triton path


# ------------------------------------------------------------------------------------------------------------
# Loading the three scripts and building their models
# ------------------------------------------------------------------------------------------------------------

@contextlib.contextmanager
def _env(values: dict):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


_PUBLIC_CACHE: dict = {}


def load_public(path: Path, preset: str, env: dict):
    """The public script as a module (its main() not run), patched; its Hyperparameters read env at import."""
    key = (str(path), preset)
    if key in _PUBLIC_CACHE:
        return _PUBLIC_CACHE[key]
    patches = PUBLIC_PATCHES if preset == "record_0323" else PATCHES_0427
    text, done = patch_public(path.read_text(), patches)
    folder = Path(tempfile.mkdtemp(prefix="bench_gpu_cost."))
    script = folder / f"public_{preset}.py"
    script.write_text(text)
    name = f"_bench_gpu_cost_public_{preset}"
    spec = importlib.util.spec_from_file_location(name, script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    with _env(env):
        spec.loader.exec_module(module)
    if preset == "frontier_0427":
        _define_ops()
        module.linear_leaky_relu_square = linear_leaky_relu_square
        module._softcapped_ce_fwd_kernel = _Launch(_ce_fwd)
        module._softcapped_ce_bwd_kernel = _Launch(_ce_bwd)
        module._validate_softcapped_ce_inputs = _ce_inputs
        module.BOS_ID = 1  # set by its data loader in a run
        done += ["fused MLP kernel -> bench_gpu_cost::lrs (eager math, opaque op)",
                 "fused CE Triton launches -> eager math inside its own custom ops; CUDA check skipped"]
    _PUBLIC_CACHE[key] = (module, done)
    return module, done


def build_public(module, preset: str):
    """The public model as its own main() leaves it before torch.compile: bf16 tables, fp32 banks/linears/scalars."""

    if preset == "record_0323":
        a = module.Hyperparameters
        model = module.GPT(
            vocab_size=a.vocab_size, num_layers=a.num_layers, model_dim=a.model_dim, num_heads=a.num_heads,
            num_kv_heads=a.num_kv_heads, mlp_mult=a.mlp_mult, tie_embeddings=a.tie_embeddings,
            tied_embed_init_std=a.tied_embed_init_std, logit_softcap=a.logit_softcap, rope_base=a.rope_base,
            qk_gain_init=a.qk_gain_init, mtp_num_heads=a.mtp_num_heads, mtp_loss_weight=a.mtp_loss_weight,
            bigram_vocab_size=a.bigram_vocab_size, bigram_dim=a.bigram_dim, xsa_last_n=a.xsa_last_n,
            rope_dims=a.rope_dims, ln_scale=a.ln_scale, dtg=a.dtg_enabled, ve_enabled=a.ve_enabled,
            ve_dim=a.ve_dim, ve_layers=a.ve_layers, gated_attention=a.gated_attention,
            value_residual=a.value_residual).bfloat16()
        for bank in (model.qo_bank, model.kv_bank, model.mlp_up_bank, model.mlp_down_bank):
            bank.data = bank.data.float()
        for m in model.modules():
            if isinstance(m, module.CastedLinear):
                m.float()
        module.restore_low_dim_params_to_fp32(model)
        return model, a.vocab_size
    h = module.Hyperparameters()
    model = module.GPT(h).bfloat16()
    module.restore_fp32_params(model)
    return model, h.vocab_size


def ours_hp(tg, preset: str, env: dict):
    return tg.Hyperparameters.from_env({"PRESET": preset, "TRAIN_SEQ_LEN": str(env.get("_SEQ", SEQ)),
                                        "EVAL_SEQ_LEN": str(env.get("_SEQ", SEQ)),
                                        **{k: v for k, v in env.items() if not k.startswith("_")}})


def build_ours(tg, preset: str, env: dict):
    hp = ours_hp(tg, preset, env)
    return tg.build_model(hp), hp.model.vocab_size


def ours_fused(tg, preset: str, env: dict) -> tuple[bool, bool]:
    """(FUSED_MLP, FUSED_CE) as a CUDA machine with triton resolves them (auto: on; select_kernels)."""
    hp = ours_hp(tg, preset, env)
    return hp.run.fused_mlp != "0", hp.run.fused_ce != "0"


def set_loop(model, on: bool) -> None:
    if hasattr(model, "looping_active"):
        model.looping_active = on  # theirs
    else:
        model.set_phase(on, model.qat)  # ours


def batch(vocab: int, seq: int):
    """One sequence of random tokens, one document: BOS (1) at position 0 only."""

    g = torch.Generator().manual_seed(0)
    ids = torch.randint(2, vocab, (1, seq + 1), generator=g)
    ids[0, 0] = 1
    return ids[:, :-1].contiguous(), ids[:, 1:].contiguous()


# ------------------------------------------------------------------------------------------------------------
# The counts
# ------------------------------------------------------------------------------------------------------------

def _module_state(model) -> list:
    """Each module's attribute dict, shallow: what a forward may rebind (a lazily filled cache) is put back."""
    return [(m, dict(vars(m)), dict(m._buffers)) for m in model.modules()]


def _restore_module_state(state: list) -> None:
    for m, attrs, buffers in state:
        m._buffers.clear()
        m._buffers.update(buffers)
        vars(m).clear()
        vars(m).update(attrs)


def fake_tensors_in(model) -> list[str]:
    """Names of module attributes (buffers, caches) that hold FakeTensors: state a fake-mode forward leaked."""
    from torch._subclasses.fake_tensor import FakeTensor

    out = []
    for name, m in model.named_modules():
        for key, value in [*vars(m).items(), *m._buffers.items()]:
            if isinstance(value, FakeTensor):
                out.append(f"{name or '<model>'}.{key}")
    return sorted(set(out))


def count_flops(model, x, y) -> dict:
    """FLOPs of one eager forward + backward under FakeTensorMode. The model is left as it was found: the
    public scripts' Rotary fills a lazy cos/sin cache on its first forward (`self._cos_cached = ...`), and under
    fake mode that cache would hold FakeTensors; every later compile then traced fake constants and the saved
    count dedup'd their storages to nothing (public 03-23: 410 saved tensors -> 86 storages, 63.9 MiB)."""
    from torch._subclasses.fake_tensor import FakeTensorMode
    from torch.utils.flop_counter import FlopCounterMode

    _define_ops()
    counter = FlopCounterMode(display=False)
    state = _module_state(model)
    try:
        with FakeTensorMode(allow_non_fake_inputs=True) as fake:
            fx, fy = fake.from_tensor(x), fake.from_tensor(y)
            with counter:
                loss = model(fx, fy)
                loss.backward()
    finally:
        _restore_module_state(state)
        model.zero_grad(set_to_none=True)
    by_op = {str(op).replace("aten.", ""): int(n) for op, n in counter.get_flop_counts()["Global"].items()}
    total = int(counter.get_total_flops())
    return {"total_gflop": total / 1e9, "by_op_gflop": {k: v / 1e9 for k, v in sorted(by_op.items())},
            "method": "FlopCounterMode, fake tensors, eager forward + backward"}


def _param_storages(model) -> set:
    return {p.untyped_storage().data_ptr() for p in model.parameters()}


def saved_bytes(model, x, y, backend: str = "aot_eager_decomp_partition") -> dict:
    """Bytes saved for backward by the compiled training forward under CPU bf16 autocast (see the docstring)."""
    import torch._dynamo
    from torch._dynamo.utils import counters

    from torch._subclasses.fake_tensor import FakeTensor

    torch._dynamo.reset()
    counters.clear()
    params = _param_storages(model)
    seen: dict[int, tuple[str, int]] = {}
    saved_calls = 0

    held = []  # every packed tensor stays referenced here: no storage address is freed and reused meanwhile

    def pack(t):
        nonlocal saved_calls
        if isinstance(t, FakeTensor):  # no real storage: its data pointer means nothing (see count_flops)
            raise RuntimeError(f"saved tensor {tuple(t.shape)} {t.dtype} is a FakeTensor: the model holds fake state")
        saved_calls += 1
        held.append(t)
        st = t.untyped_storage()
        ptr = st.data_ptr()
        if ptr not in params and ptr not in seen:
            seen[ptr] = (str(t.dtype).replace("torch.", ""), st.nbytes())
        return t

    compiled = torch.compile(model, backend=backend, dynamic=False, fullgraph=False)
    t0 = time.monotonic()
    with torch.autocast("cpu", dtype=torch.bfloat16):
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            loss = compiled(x, y)
    loss.backward()
    held.clear()
    model.zero_grad(set_to_none=True)
    by_dtype = Counter()
    for dtype, n in seen.values():
        by_dtype[dtype] += n
    graphs = {"graphs": int(counters["stats"]["unique_graphs"]),
              "graph_breaks": int(sum(counters["graph_break"].values())),
              "graph_break_reasons": {str(k)[:200]: int(v) for k, v in counters["graph_break"].items()}}
    torch._dynamo.reset()
    return {"total_mib": sum(by_dtype.values()) / MIB, "by_dtype_mib": {k: v / MIB for k, v in sorted(by_dtype.items())},
            "tensors": len(seen), "pack_calls": saved_calls, "compile_and_run_s": round(time.monotonic() - t0, 1),
            "dynamo": graphs}


def _no_kernel(*args, **kwargs) -> None:
    return None


def inductor_bytes(model, x, y) -> dict:
    """Inductor's own byte count of the scheduled forward + backward kernels (CPU codegen; see the docstring)."""
    import logging

    import torch._dynamo
    from torch._inductor import compile_fx, metrics

    from torch._inductor.async_compile import AsyncCompile

    torch._dynamo.reset()
    log = compile_fx.inductor_metrics_log  # count_bytes() runs only when this logger is enabled for INFO
    old = (log.level, log.propagate, list(log.handlers))
    log.setLevel(logging.INFO)
    log.propagate = False
    log.handlers = [logging.NullHandler()]
    metrics.reset()
    t0 = time.monotonic()
    # The C++ kernels are not built (the count is the scheduler's, taken before any build; building ~1,000
    # kernels takes many minutes on 2 shared cores): each is a no-op, so the step's values are garbage, unused.
    # No caches: a cache hit would skip the lowering that counts.
    skip_build = {"cpp_pybinding": lambda self, argtypes, source: _no_kernel, "cpp": lambda self, source: _no_kernel}
    originals = {k: getattr(AsyncCompile, k) for k in skip_build}
    try:
        for k, fn in skip_build.items():
            setattr(AsyncCompile, k, fn)
        with torch._inductor.config.patch(fx_graph_cache=False, fx_graph_remote_cache=False), \
                torch._functorch.config.patch(enable_autograd_cache=False):
            compiled = torch.compile(model, backend="inductor", dynamic=False, fullgraph=False)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                loss = compiled(x, y)
            loss.backward()
        nbytes, kernels = int(metrics.num_bytes_accessed), int(metrics.generated_kernel_count)
    finally:
        for k, fn in originals.items():
            setattr(AsyncCompile, k, fn)
        log.setLevel(old[0])
        log.propagate = old[1]
        log.handlers = old[2]
        model.zero_grad(set_to_none=True)
        torch._dynamo.reset()
    return {"bytes_per_seq": nbytes, "gb_per_seq": nbytes / 1e9, "per_gpu_step_gb": nbytes * SEQS_PER_GPU_STEP / 1e9,
            "generated_kernels": kernels, "compile_and_run_s": round(time.monotonic() - t0, 1)}


# ------------------------------------------------------------------------------------------------------------
# Host syncs and collectives, read from the code
# ------------------------------------------------------------------------------------------------------------

SYNC_ATTRS = {"item", "tolist", "cpu", "numpy", "synchronize", "nonzero", "masked_select", "unique",
              "_local_scalar_dense"}
COLLECTIVES = {"all_reduce", "reduce_scatter", "reduce_scatter_tensor", "all_gather", "all_gather_into_tensor",
               "broadcast", "barrier", "all_to_all", "all_to_all_single", "reduce", "gather", "scatter"}
NOT_FOLLOWED = ("eval", "log")  # validation (eval_val, evaluate: not every step) and logging helpers
STEP_ROOTS = {  # where each script's training step lives: (function, whether only its `while` loops count)
    "ours": [("train", True), ("one_step", False)],
    "record_0323": [("main", True)],
    "frontier_0427": [("train_model", True)],
}


def _defs(tree) -> dict[str, list]:
    out: dict[str, list] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out.setdefault(node.name, []).append(node)
    return out


def code_path_counts(source: str, roots: list[tuple[str, bool]]) -> dict:
    """Sync and collective call sites on a training step's code path (an over-approximation by name)."""
    tree = ast.parse(source)
    defs = _defs(tree)
    lines = source.splitlines()
    todo, visited, syncs, colls = [], set(), [], []
    missing = [name for name, _ in roots if name not in defs]
    for name, loops_only in roots:
        for fn in defs.get(name, []):
            bodies = [n for n in ast.walk(fn) if isinstance(n, ast.While)] if loops_only else [fn]
            todo += [(name, b) for b in bodies]
            visited.add((name, loops_only))

    def loops_around(root, target) -> bool:
        for node in ast.walk(root):
            if isinstance(node, (ast.For, ast.ListComp, ast.GeneratorExp, ast.DictComp)) and node is not root:
                if any(n is target for n in ast.walk(node)):
                    return True
        return False

    seen_sites = set()
    while todo:
        where, body = todo.pop()
        for node in ast.walk(body):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None
            if name is None:
                continue
            site = (node.lineno, node.col_offset)
            if site not in seen_sites:
                text = lines[node.lineno - 1].strip()[:120]
                entry = {"line": node.lineno, "function": where, "call": name, "code": text,
                         "in_loop": loops_around(body, node)}
                receiver = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
                if name in SYNC_ATTRS and isinstance(f, ast.Attribute):
                    syncs.append(entry)
                    seen_sites.add(site)
                elif name in COLLECTIVES and (receiver in ("dist", "torch") or name == "all_reduce"):
                    colls.append(entry)
                    seen_sites.add(site)
            if name in defs and (name, False) not in visited and not name.startswith(NOT_FOLLOWED):
                visited.add((name, False))
                todo += [(name, d) for d in defs[name]]
    syncs.sort(key=lambda e: e["line"])
    colls.sort(key=lambda e: e["line"])
    return {"host_sync_sites": len(syncs), "host_sync_sites_in_loops": sum(e["in_loop"] for e in syncs),
            "collective_sites": len(colls), "collective_sites_in_loops": sum(e["in_loop"] for e in colls),
            "functions_on_path": sorted({n for n, _ in visited}), "roots_missing": missing,
            "host_syncs": syncs, "collectives": colls}


# ------------------------------------------------------------------------------------------------------------
# Driver
# ------------------------------------------------------------------------------------------------------------

def measure(model, vocab: int, seq: int, stages: list[str], out: dict, save) -> dict:
    """Each count of `stages` into `out`, saved as it finishes."""
    x, y = batch(vocab, seq)
    model.train()
    for stage, fn in (("flops", count_flops), ("saved", saved_bytes), ("inductor", inductor_bytes)):
        if stage not in stages:
            continue
        t = time.monotonic()
        try:
            if leaked := fake_tensors_in(model):  # a count on fake state is no count (see count_flops)
                raise RuntimeError(f"the model holds FakeTensors before {stage}: {leaked[:5]}")
            out[stage] = fn(model, x, y)
        except Exception as exc:  # a failed count is a figure too: say what broke and go on
            out[stage] = {"error": f"{type(exc).__name__}: {str(exc)[:2000]}"}
        out[stage]["stage_s"] = round(time.monotonic() - t, 1)
        save()
    return out


RATIO_KEYS = (("flops", "total_gflop"), ("saved", "total_mib"), ("inductor", "bytes_per_seq"))


def ratios(ours: dict, public: dict) -> dict:
    out = {}
    for stage, key in RATIO_KEYS:
        a, b = ours.get(stage, {}).get(key), public.get(stage, {}).get(key)
        if a is not None and b:
            out[f"{stage}_{key}"] = a / b
    a, b = ours.get("saved", {}).get("dynamo", {}), public.get("saved", {}).get("dynamo", {})
    if a and b:
        out["dynamo_graphs"] = f"{a['graphs']} vs {b['graphs']}"
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ours", type=Path, default=ROOT / "train_gpt.py", help="our train_gpt.py (default: this repo's)")
    p.add_argument("--public-0323", type=Path, help="the public 2026-03-23 record's train_gpt.py")
    p.add_argument("--public-0427", type=Path, help="the public 2026-04-27 record's train_gpt.py")
    p.add_argument("--presets", default=",".join(PRESETS), help=f"comma-separated subset of {','.join(PRESETS)}")
    p.add_argument("--stages", default="flops,saved,inductor,code", help="subset of flops,saved,inductor,code")
    p.add_argument("--out", type=results_arg, help="JSON path (default results/gpu_cost_<date>_cpu.json)")
    p.add_argument("--tiny", action="store_true", help="tiny models at seq 64, ours only: the CI check of this script")
    args = p.parse_args(argv)
    presets = [s for s in args.presets.split(",") if s]
    stages = [s for s in args.stages.split(",") if s]
    if bad := [s for s in presets if s not in PRESETS]:
        print(f"error: --presets: unknown {bad}; choose from {PRESETS}", file=sys.stderr)
        return 2
    if bad := [s for s in stages if s not in ("flops", "saved", "inductor", "code")]:
        print(f"error: --stages: unknown {bad}", file=sys.stderr)
        return 2
    publics = {"record_0323": args.public_0323, "frontier_0427": args.public_0427}
    for flag, path in (("--ours", args.ours), ("--public-0323", args.public_0323), ("--public-0427", args.public_0427)):
        if path is not None and not path.is_file():
            print(f"error: {flag} {path}: not found", file=sys.stderr)
            return 2

    torch.manual_seed(0)
    out = args.out or results_path("gpu_cost", time.strftime("%Y-%m-%d"), "cpu")
    t_start = time.monotonic()
    report = {**run_facts("GPU cost of one training step counted on CPU: ours vs the public script each "
                          "preset reproduces", __file__, argv, "cpu"),
              "ours": str(args.ours.resolve()), "public": {k: str(v.resolve()) if v else None for k, v in publics.items()},
              "seq": TINY_SEQ if args.tiny else SEQ, "tiny": args.tiny, "seqs_per_gpu_step": SEQS_PER_GPU_STEP,
              "method": __doc__.split("Counts (", 1)[1].strip(), "presets": {}}

    def save() -> None:
        write_results(out, report, t_start)

    tg = load_record_module(args.ours)
    seq = TINY_SEQ if args.tiny else SEQ
    model_stages = [s for s in stages if s != "code"]
    for preset in presets:
        row = report["presets"].setdefault(preset, {"ours": {}, "public": {}, "ratio_ours_over_public": {}})
        loops = ("loop_off", "loop_on") if preset == "frontier_0427" else ("model",)
        ours_env = {**OURS_ENV[preset], **(TINY_ENV[preset] if args.tiny else {}), "_SEQ": seq}
        public_path = None if args.tiny else publics[preset]
        try:
            ours_model, ours_vocab = build_ours(tg, preset, ours_env)
        except Exception as exc:
            row["ours"]["error"] = f"{type(exc).__name__}: {exc}"
            save()
            continue
        public = None
        if public_path is None:
            row["public"]["skipped"] = "--tiny (no public scripts in CI)" if args.tiny else "no public script given"
        else:
            try:
                module, done = load_public(public_path, preset, PUBLIC_ENV[preset])
                public = build_public(module, preset)
                row["public"]["stand_ins"] = done
                row["public"]["env"] = PUBLIC_ENV[preset]
                row["public"]["opaque_ops"] = PUBLIC_OPAQUE[preset]
            except Exception as exc:
                row["public"]["error"] = f"{type(exc).__name__}: {exc}"
        row["ours"]["params"] = sum(p.numel() for p in ours_model.parameters())
        ours_scope = contextlib.nullcontext
        want = ours_fused(tg, preset, ours_env)
        row["ours"]["opaque_ops"] = []
        if any(want):
            try:
                with ours_kernels_on_cpu(tg) as (mlp, ce):
                    ours_model.set_kernels(mlp if want[0] else None, ce if want[1] else None)
                ours_scope = functools.partial(ours_kernels_on_cpu, tg)
                row["ours"]["opaque_ops"] = [f"pgolf::{n}" for n, on in zip(OURS_OPS, want * 2) if on]
            except ImportError as exc:  # no triton: the eager math, and the JSON says so
                row["ours"]["opaque_ops_unavailable"] = f"{type(exc).__name__}: {exc}"
        if public is not None:
            row["public"]["params"] = sum(p.numel() for p in public[0].parameters())
        for loop in loops:
            for side, built in (("ours", (ours_model, ours_vocab)), ("public", public)):
                if built is None:
                    continue
                model, vocab = built
                if preset == "frontier_0427":
                    set_loop(model, loop == "loop_on")
                t = time.monotonic()
                row[side][loop] = {}
                with ours_scope() if side == "ours" else contextlib.nullcontext():
                    measure(model, vocab, seq, model_stages, row[side][loop], save)
                row[side][loop]["wall_s"] = round(time.monotonic() - t, 1)
                print(f"bench_gpu_cost preset:{preset} side:{side} {loop} s:{row[side][loop]['wall_s']}", flush=True)
                if side == "public" and loop in row["ours"]:
                    row["ratio_ours_over_public"][loop] = ratios(row["ours"][loop], row[side][loop])
                save()
        if "code" in stages:
            row["ours"]["code_path"] = code_path_counts(args.ours.read_text(), STEP_ROOTS["ours"])
            if public_path is not None:
                row["public"]["code_path"] = code_path_counts(public_path.read_text(), STEP_ROOTS[preset])
                a, b = row["ours"]["code_path"], row["public"]["code_path"]
                row["ratio_ours_over_public"]["code_path"] = {
                    k: f"{a[k]} vs {b[k]}" for k in ("host_sync_sites", "collective_sites")}
            save()
    save()
    print(f"json:{out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
