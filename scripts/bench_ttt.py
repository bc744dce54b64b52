"""TTT modes at equal model: train one artifact per seed, score each with TTT_MODE=sgd and lora_phased, test.

    python scripts/bench_ttt.py --seeds 1337,42,2025 --out results/ttt_sgd_vs_lora_sample_<date> \\
        --env DATA_PATH=data/datasets/sample_sp1024 --env TOKENIZER_PATH=data/tokenizers/sample_1024_bpe.model ...

For each seed: `python train_gpt.py` (the --env settings, TTT off) writes an artifact; the judge (`python -m
eval`, its own TTT code) scores that same artifact under each mode (--mode-env MODE:KEY=VALUE adds settings to
one mode). Each mode's judge lines are written as OUT/<mode>/train_seed<S>.log (the eval_ttt_exact line is the
headline), every report as OUT/<mode>/judge_seed<S>.json, then scripts/compare_seeds.py tests lora_phased
against sgd (one-sided Welch on val_loss, the record rule's 0.005-nat margin) into OUT/compare.txt, and
OUT/bench_ttt.json holds the command, versions and every score. CPU, minutes; not a challenge score.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file: make the repo importable

from data.shards import atomic_write_bytes  # noqa: E402
from eval.runs import absolute_paths, parse_env_pairs  # noqa: E402
from scripts.benchlib import check_results_path, run_facts, write_results  # noqa: E402

MODES = ("sgd", "lora_phased")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seeds", default="1337,42,2025")
    p.add_argument("--env", action="append", default=[], metavar="KEY=VALUE", help="training and eval settings")
    p.add_argument("--mode-env", action="append", default=[], metavar="MODE:KEY=VALUE", help="one mode's settings")
    p.add_argument("--out", type=Path, required=True, help="folder for the logs, reports and the comparison")
    args = p.parse_args(argv)
    try:
        env = absolute_paths(parse_env_pairs(args.env), ROOT)  # training runs in a temp folder
        mode_env = {m: {} for m in MODES}
        for item in args.mode_env:
            mode, _, pair = item.partition(":")
            if mode not in MODES:
                raise ValueError(f"--mode-env {item!r}: the mode must be one of {MODES}")
            mode_env[mode].update(parse_env_pairs([pair]))
        seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
        check_results_path(args.out / "bench_ttt.json")  # a ResultsError is a ValueError: exit 2, named
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report = {**run_facts("TTT modes at equal model: one artifact per seed scored by the judge with "
                          "TTT_MODE=sgd and lora_phased", __file__, argv),
              "env": env, "mode_env": mode_env, "seeds": {}}
    work = Path(tempfile.mkdtemp(prefix="bench_ttt."))  # the runs (artifacts) stay out of the results folder
    for seed in seeds:
        run = work / str(seed)
        run.mkdir(parents=True, exist_ok=True)
        (run / "train_gpt.py").write_bytes((ROOT / "train_gpt.py").read_bytes())
        train = subprocess.run([sys.executable, "train_gpt.py"], cwd=run, capture_output=True, text=True,
                               env={**_base_env(), **env, "SEED": str(seed), "TTT_ENABLED": "0", "RUN_ID": "train"})
        if train.returncode != 0:
            print(f"error: seed {seed}: training failed:\n{train.stderr[-2000:]}", file=sys.stderr)
            return 1
        report["seeds"][seed] = {}
        for mode in MODES:
            folder = args.out / mode
            folder.mkdir(parents=True, exist_ok=True)
            out_json = folder / f"judge_seed{seed}.json"
            # the judge limits the val set only by its own option, never by the record's settings
            limit = ["--val-tokens-limit", env["VAL_TOKENS_LIMIT"]] if env.get("VAL_TOKENS_LIMIT") else []
            judge = subprocess.run([sys.executable, "-m", "eval", str(run), "--ttt", "--json", str(out_json),
                                    *limit],
                                   cwd=ROOT, capture_output=True, text=True,
                                   env={**_base_env(), **env, **mode_env[mode], "TTT_MODE": mode})
            if judge.returncode not in (0, 1) or not out_json.is_file():  # 1: a score differs from the log's: fine
                print(f"error: seed {seed} {mode}: judge failed (exit {judge.returncode}):\n{judge.stdout[-1500:]}"
                      f"{judge.stderr[-1500:]}", file=sys.stderr)
                return 1
            atomic_write_bytes(folder / f"train_seed{seed}.log", judge.stdout.encode())
            scores = json.loads(out_json.read_text())["scores"]
            report["seeds"][seed][mode] = {k: {f: v[f] for f in ("val_loss", "val_bpb", "eval_time_ms")}
                                           for k, v in scores.items()}
            print(f"seed:{seed} mode:{mode} ttt_val_bpb:{scores['ttt']['val_bpb']:.6f} "
                  f"sliding_val_bpb:{scores['sliding']['val_bpb']:.6f}", flush=True)
    compare = subprocess.run([sys.executable, str(ROOT / "scripts" / "compare_seeds.py"), str(args.out / "lora_phased"),
                              "--ref", str(args.out / "sgd"), "--family", "ttt"], capture_output=True, text=True)
    atomic_write_bytes(args.out / "compare.txt", compare.stdout.encode())
    report["compare_seeds"] = compare.stdout.strip().splitlines()[-2:]
    write_results(args.out / "bench_ttt.json", report)
    print(compare.stdout.strip().splitlines()[-2] if compare.stdout.strip() else compare.stderr)
    return 0


def _base_env() -> dict:
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


if __name__ == "__main__":
    sys.exit(main())
