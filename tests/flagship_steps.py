"""Driver for the distributed-equivalence test: 3 Parallel Muon steps of the flagship, 1 or N ranks.

    STEPS_FP32=1,0 python tests/flagship_steps.py OUT.pt                         # one process
    STEPS_FP32=1,0 torchrun --standalone --nproc_per_node=2 tests/flagship_steps.py OUT.pt   # two gloo ranks
Environment: the tiny hyperparameters (DATA_PATH etc.) and STEPS_FP32, the modes to run in order (1: fp32,
communicate and orthogonalize in fp32; 0: bf16, the shipped dtypes; default 0). Rank 0 writes {mode: per-step
losses and banks}. Each mode starts from a new model (the same seed), a new loader and new optimizers, so one
launch gives what one launch per mode gave, bit for bit (checked 2026-12-07; the test launched once per mode
until then: the process start, torch import and gloo setup were most of it).
"""

import os
import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from eval.dist import exit_without_finalization  # noqa: E402
from eval.loader import load_record_module  # noqa: E402


def run_mode(tg, hp, rt, fp32: bool) -> dict:
    torch.manual_seed(hp.run.seed)
    model = tg.build_model(hp).to(rt.device)
    grad_accum = 8 // rt.world_size
    loader = tg.DistributedTokenLoader(hp, rt, grad_accum)
    opt = tg.Optimizers(model, hp.train, rt, muon_dtype=torch.float32 if fp32 else torch.bfloat16)
    losses = []
    for step in range(3):
        opt.zero_grad()
        total = torch.zeros(())
        for x, y, segments in loader.next_step():
            loss = model(x, y, None, segments)
            (loss / grad_accum).backward()
            total += loss.detach()
        opt.step(1.0, tg.muon_momentum_at(step, hp.train))
        losses.append(rt.all_reduce(total / grad_accum).item() / rt.world_size)
    return {"losses": losses, "state": {k: v.detach().clone() for k, v in model.state_dict().items()}}


def main(argv=None):
    out = (argv or sys.argv[1:])[0]
    modes = [{"1": "fp32", "0": "bf16"}[v] for v in os.environ.get("STEPS_FP32", "0").split(",")]
    tg = load_record_module(ROOT / "train_gpt.py")
    hp = tg.Hyperparameters.from_env()
    rt = tg.compute_init(hp)
    shipped_ortho = rt.ortho_dtype
    results = {}
    for mode in modes:
        # exactness check: communicate and orthogonalize in fp32 so only summation order differs
        rt.ortho_dtype = torch.float32 if mode == "fp32" else shipped_ortho  # what --ortho-dtype fp32 sets
        results[mode] = run_mode(tg, hp, rt, mode == "fp32")
    if rt.is_main:
        torch.save(results, out)
    if rt.distributed:  # every rank past rank 0's save before the group goes: gloo aborts a rank that exits early
        torch.distributed.barrier()
        torch.distributed.destroy_process_group()
        # Then leave without interpreter finalization: at 8 gloo ranks a rank aborted after this point ("terminate
        # called without an active exception", 2 of 13 runs on 2026-12-04), as the judge's ranks did.
        exit_without_finalization(0)


if __name__ == "__main__":
    main()
