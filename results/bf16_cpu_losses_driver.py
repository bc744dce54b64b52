"""Old vs new flagship at equal steps on CPU, fp32 and bf16 autocast (issue 25, acceptance item: "the flagship's
losses on CPU at equal steps stay within noise of today's").

The flagship runs CPU in fp32 and has no setting for CPU autocast (Runtime.autocast_dtype is bf16 on CUDA only),
so the bf16 runs load each train_gpt.py as a module (eval.loader, as the judge does) and replace its compute_init
with one whose Runtime carries autocast_dtype=torch.bfloat16; everything else is the file's own main(): its
training loop, its rt.autocast() around every forward, its export and its evals. GPT.forward is wrapped to
record each training micro-batch's loss at full precision (the log prints 4 decimals).

    python results/bf16_cpu_losses_driver.py all OUT.json NAME=SCRIPT [NAME=SCRIPT ...] [--seeds 1337,1,2]
        [--modes bf16,fp32] [--resume EARLIER.json]   # runs under $WORK_DIR (/tmp/bf16_cpu_losses)
    python results/bf16_cpu_losses_driver.py run SCRIPT OUT_DIR fp32|bf16      # one run (what `all` spawns)

Settings: scripts/demo_cpu.sh's tiny model with fewer steps (SETTINGS below), on the offline sample
(`python -m data.sample`). A benchmark script, not a test: raw numbers go to the JSON named.
"""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = dict(
    NUM_LAYERS="2", MODEL_DIM="64", NUM_HEADS="4", NUM_KV_HEADS="2", MLP_MULT="2", BIGRAM_VOCAB_SIZE="256",
    BIGRAM_DIM="32", VE_DIM="32", VE_LAYERS="1", XSA_LAST_N="1", TRAIN_SEQ_LEN="128", EVAL_SEQ_LEN="128",
    EVAL_STRIDE="32", TRAIN_BATCH_TOKENS="8192", ITERATIONS="60", WARMDOWN_ITERS="20", WARMUP_STEPS="0",
    VAL_LOSS_EVERY="30", TRAIN_LOG_EVERY="1", VAL_TOKENS_LIMIT="16384", MAX_WALLCLOCK_SECONDS="0",
    EMA_DECAY="0.9", SLIDING_EVAL="0",
    # Muon's orthogonalization in fp32 in every run, old and new alike: bf16 NS5 is ~2x slower per step on this
    # shared CPU, and the change under test is the residual stream's dtype, not Muon's.
    ORTHO_DTYPE="fp32",
)


def run_one(script: str, out_dir: str, mode: str) -> None:
    sys.path.insert(0, str(ROOT))
    from eval.loader import load_record_module

    tg = load_record_module(script)
    if mode == "bf16":
        plain = tg.compute_init

        def compute_init_bf16(hp):
            return dataclasses.replace(plain(hp), autocast_dtype=torch.bfloat16)

        tg.compute_init = compute_init_bf16
    elif mode != "fp32":
        raise ValueError(f"mode must be fp32 or bf16, got {mode!r}")
    losses = []
    forward = tg.GPT.forward

    def recording_forward(self, *args, **kwargs):
        out = forward(self, *args, **kwargs)
        if self.training and torch.is_grad_enabled():
            losses.append(float(out.detach().float()))
        return out

    tg.GPT.forward = recording_forward
    os.environ["OUT_DIR"] = out_dir
    tg.main()
    Path(out_dir, "micro_losses.json").write_text(json.dumps(losses))


def parse_log(text: str) -> dict:
    out = {"train_loss_4dp": {}, "val_loss": {}, "val_bpb": {}}
    for m in re.finditer(r"^step:(\d+)/\d+ train_loss:(\S+)", text, re.M):
        out["train_loss_4dp"][int(m.group(1))] = float(m.group(2))
    for m in re.finditer(r"^step:(\d+)/\d+ val_loss:(\S+) val_bpb:(\S+)", text, re.M):
        out["val_loss"][int(m.group(1))] = float(m.group(2))
        out["val_bpb"][int(m.group(1))] = float(m.group(3))
    for key in ("final_float_exact", "final_int6_roundtrip_exact"):
        m = re.search(rf"^{key} val_loss:(\S+) val_bpb:(\S+)", text, re.M)
        out[key] = {"val_loss": float(m.group(1)), "val_bpb": float(m.group(2))} if m else None
    m = re.search(r"bytes_model:(\d+)", text)
    out["bytes_model"] = int(m.group(1)) if m else None
    return out


def run_all(out_json: str, scripts: dict[str, str], seeds: list[int], modes: list[str], work: Path,
            resume: str | None = None) -> None:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = re.search(r"Model name:\s*(.*)", lscpu)
    flags = re.search(r"Flags:\s*(.*)", lscpu)
    result = dict(
        what="flagship train/val losses at equal steps, old vs new, CPU fp32 and CPU bf16 autocast",
        command=" ".join([sys.executable, *sys.argv]),
        machine=dict(cpu=model.group(1) if model else platform.processor(), nproc=os.cpu_count(),
                     avx512_bf16=bool(flags and "avx512_bf16" in flags.group(1).split()),
                     torch_cpu_capability=torch.backends.cpu.get_cpu_capability()),
        torch=torch.__version__, python=platform.python_version(), settings=SETTINGS,
        data=dict(DATA_PATH=str(ROOT / "data/datasets/sample_sp1024"),
                  TOKENIZER_PATH=str(ROOT / "data/tokenizers/sample_1024_bpe.model")),
        scripts=scripts, seeds=seeds, runs=[],
    )
    done = {}
    if resume:  # rows of an earlier report with the same settings and script, their weights still under `work`
        earlier = json.loads(Path(resume).read_text())
        if earlier["settings"] != SETTINGS:
            raise ValueError(f"--resume {resume}: its settings differ from this driver's")
        done = {(r["name"], r["mode"], r["seed"]): r for r in earlier["runs"]
                if earlier["scripts"].get(r["name"]) == scripts.get(r["name"])}
        result["resumed_from"] = dict(report=resume, runs=len(done), command=earlier["command"])
    for mode in modes:
        for seed in seeds:
            for name, script in scripts.items():
                out_dir = work / f"{name}_{mode}_{seed}"
                if (name, mode, seed) in done and (out_dir / "weights.pt").exists():
                    result["runs"].append(done[name, mode, seed])
                    continue
                out_dir.mkdir(parents=True, exist_ok=True)
                env = dict(os.environ, **SETTINGS, **result["data"], SEED=str(seed), RUN_ID="run")
                t = time.perf_counter()
                proc = subprocess.run([sys.executable, __file__, "run", script, str(out_dir), mode], env=env,
                                      cwd=out_dir, capture_output=True, text=True)
                wall = time.perf_counter() - t
                (out_dir / "stdout.txt").write_text(proc.stdout + proc.stderr)
                if proc.returncode != 0:
                    raise RuntimeError(f"{name} {mode} seed {seed} failed ({out_dir}):\n{proc.stderr[-3000:]}")
                row = dict(name=name, mode=mode, seed=seed, wall_s=round(wall, 1))
                row.update(parse_log((out_dir / "logs" / "run.txt").read_text()))
                micro = json.loads((out_dir / "micro_losses.json").read_text())
                per_step = len(micro) // int(SETTINGS["ITERATIONS"])
                row["train_loss"] = [sum(micro[i:i + per_step]) / per_step for i in range(0, len(micro), per_step)]
                state = torch.load(out_dir / "final_state.pt", map_location="cpu", weights_only=True)["state_dict"]
                torch.save(state, out_dir / "weights.pt")
                result["runs"].append(row)
                print(f"{name} {mode} seed {seed}: step 60 train {row['train_loss'][-1]:.6f} final float val "
                      f"{row['final_float_exact']['val_loss']:.6f} ({wall:.0f} s)", flush=True)
                Path(out_json).write_text(json.dumps(result, indent=1))
    summarize(result, work)
    Path(out_json).write_text(json.dumps(result, indent=1))


def summarize(result: dict, work: Path) -> None:
    """Per mode: each version's mean over seeds, the seed-to-seed spread, and each version's difference from
    the first-named one per seed (losses and, in fp32, the largest weight difference after training)."""
    names = list(result["scripts"])
    summary = {}
    for mode in sorted({r["mode"] for r in result["runs"]}):
        rows = {(r["name"], r["seed"]): r for r in result["runs"] if r["mode"] == mode}
        seeds = sorted({s for _, s in rows})
        m = {}
        for name in names:
            finals = [rows[name, s]["final_float_exact"]["val_loss"] for s in seeds if (name, s) in rows]
            last = [rows[name, s]["train_loss"][-1] for s in seeds if (name, s) in rows]
            mean = sum(finals) / len(finals)
            std = (sum((x - mean) ** 2 for x in finals) / max(len(finals) - 1, 1)) ** 0.5
            m[name] = dict(final_float_val_loss=finals, mean=mean, seed_std=std,
                           seed_spread_max_minus_min=max(finals) - min(finals),
                           last_train_loss=last, last_train_mean=sum(last) / len(last),
                           last_train_seed_spread=max(last) - min(last))
        base = names[0]
        for name in names[1:]:
            diffs = []
            for s in seeds:
                if (name, s) not in rows or (base, s) not in rows:
                    continue
                a, b = rows[base, s], rows[name, s]
                wa = torch.load(work / f"{base}_{mode}_{s}" / "weights.pt", weights_only=True)
                wb = torch.load(work / f"{name}_{mode}_{s}" / "weights.pt", weights_only=True)
                common = sorted(set(wa) & set(wb))
                same_shapes = all(wa[k].shape == wb[k].shape for k in common)
                diffs.append(dict(
                    seed=s,
                    final_float_val_loss_diff=b["final_float_exact"]["val_loss"] - a["final_float_exact"]["val_loss"],
                    max_abs_train_loss_diff=max(abs(x - y) for x, y in zip(a["train_loss"], b["train_loss"])),
                    first_step_train_loss_diff=b["train_loss"][0] - a["train_loss"][0],
                    weights_keys_only_in_one=sorted(set(wa) ^ set(wb)),
                    max_abs_weight_diff=max((wa[k].float() - wb[k].float()).abs().max().item() for k in common)
                    if same_shapes else None,
                ))
            d = [x["final_float_val_loss_diff"] for x in diffs]
            m[f"{name}_minus_{base}"] = dict(per_seed=diffs, final_float_val_loss_diff_mean=sum(d) / len(d),
                                              final_float_val_loss_diff_max_abs=max(abs(x) for x in d))
        summary[mode] = m
    result["summary"] = summary


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["run"] and len(argv) == 4:
        return run_one(*argv[1:])
    if argv[:1] == ["all"] and len(argv) >= 3:
        seeds, modes, rest, resume = [1337, 1, 2], ["fp32", "bf16"], [], None
        it = iter(argv[2:])
        for a in it:
            if a == "--seeds":
                seeds = [int(s) for s in next(it).split(",")]
            elif a == "--modes":
                modes = next(it).split(",")
            elif a == "--resume":
                resume = next(it)
            else:
                rest.append(a)
        scripts = dict(a.split("=", 1) for a in rest)
        work = Path(os.environ.get("WORK_DIR", "/tmp/bf16_cpu_losses"))
        return run_all(argv[1], scripts, seeds, modes, work, resume)
    raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
