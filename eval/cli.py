"""Command line of the judge: python -m eval RECORD_DIR [options]; also under torchrun.

Exit codes: 0 every check passed; 1 a check failed (over the cap, a score that disagrees with the
record's logs or submission.json, a scoring count error); 2 an input the judge cannot use (missing
or corrupted artifact, bad record script, val shards or tokenizer, bad settings), reported as one
line naming the file or setting, without a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from data.shards import atomic_write_bytes
from eval.dist import setup
from eval.harness import EvalOptions, JudgeError, report_lines, run_eval
from eval.port import CALL_TIMEOUT_S, CHECK_FRACTION
from eval.record_files import SIZE_CAP
from eval.sandbox import MODE_ENV, MODES
from eval.scoring import ScoreCountError


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m eval", description=__doc__.splitlines()[0])
    p.add_argument("record_dir", type=Path, help="record folder holding train_gpt.py")
    p.add_argument("--artifact", type=Path, help="artifact file (default: RECORD_DIR/ARTIFACT_NAME)")
    p.add_argument("--ttt", action="store_true", help="also score legal score-first TTT")
    p.add_argument("--seq-len", type=int, help="window length L (default: hp.eval_seq_len)")
    p.add_argument("--stride", type=int, help="sliding stride S (default: hp.eval_stride)")
    p.add_argument("--batch-seqs", type=int, help="windows per forward (default: hp.eval_batch_seqs)")
    p.add_argument("--val-files", help="val shard glob (default: $VAL_FILES, else "
                                       "$DATA_PATH/fineweb_val_*.bin, else the record's setting if outside "
                                       "its folder)")
    p.add_argument("--tokenizer", help="SentencePiece model (default: $TOKENIZER_PATH, else the record's "
                                       "setting if outside its folder)")
    p.add_argument("--val-tokens-limit", type=int,
                   help="score only the first N targets, not a challenge score (default: all; a limit in the "
                        "record's settings or artifact header is ignored)")
    p.add_argument("--seed", type=int, help="compare with train_seed<SEED>.log (default: closest)")
    p.add_argument("--tolerance", type=float, default=1e-4, help="bpb tolerance (default 1e-4)")
    p.add_argument("--cap", type=int, default=SIZE_CAP, help=f"byte cap (default {SIZE_CAP})")
    p.add_argument("--json", type=Path, dest="json_out", help="write the JSON report here")
    p.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    p.add_argument("--call-timeout", type=float, default=CALL_TIMEOUT_S, metavar="SECONDS",
                   help=f"longest wait for one reply of the record's process before it is killed and the "
                        f"judge stops with exit 2 (default {CALL_TIMEOUT_S:g})")
    p.add_argument("--check-fraction", type=float, default=CHECK_FRACTION, metavar="F",
                   help=f"share of each scoring pass's requests checked for causality (a cut copy of "
                        f"the batch) and as many for purity (sent twice), at least 4 each, drawn in secret "
                        f"(default {CHECK_FRACTION:g}; 1 checks every request)")
    p.add_argument("--sandbox", choices=MODES, default="auto",
                   help="confine the record's process to the files it needs (Linux Landlock, "
                        "eval/sandbox.py): auto (default) when the kernel can, require: refuse to judge "
                        "without it, off")
    return p


def options_from_args(args: argparse.Namespace) -> EvalOptions:
    return EvalOptions(record_dir=args.record_dir, artifact=args.artifact, ttt=args.ttt,
                       seq_len=args.seq_len, stride=args.stride, val_files=args.val_files,
                       tokenizer=args.tokenizer, batch_seqs=args.batch_seqs,
                       val_tokens_limit=args.val_tokens_limit, device=args.device,
                       tolerance=args.tolerance, seed=args.seed, cap=args.cap,
                       call_timeout=args.call_timeout, check_fraction=args.check_fraction)


def _error(ctx, message: str, code: int) -> int:
    prefix = f"rank {ctx.rank}: " if ctx is not None and ctx.distributed else ""
    print(f"error: {prefix}{message}", file=sys.stderr, flush=True)
    return code


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if not args.call_timeout > 0:
        return _error(None, f"--call-timeout must be positive seconds, got {args.call_timeout}", 2)
    if not 0 < args.check_fraction <= 1:
        return _error(None, f"--check-fraction must be in (0, 1], got {args.check_fraction}", 2)
    # read by the record's process (eval/child.py, eval/sandbox.py), which inherits the environment
    before, os.environ[MODE_ENV] = os.environ.get(MODE_ENV), args.sandbox
    try:
        return _judge(args)
    finally:
        if before is None:
            os.environ.pop(MODE_ENV, None)
        else:
            os.environ[MODE_ENV] = before


def _judge(args: argparse.Namespace) -> int:
    try:
        ctx = setup(args.device)
    except ValueError as exc:  # --device cuda without CUDA
        return _error(None, str(exc), 2)
    try:
        report = run_eval(options_from_args(args), ctx)
    except JudgeError as exc:
        ctx.close(finished=False)
        return _error(ctx, str(exc), 2)
    except ScoreCountError as exc:
        ctx.close(finished=False)
        return _error(ctx, f"judge scoring count: {exc}", 1)
    except BaseException:
        ctx.close(finished=False)
        raise
    ctx.close()
    if ctx.is_main:
        print("\n".join(report_lines(report)), flush=True)
        if args.json_out is not None:
            atomic_write_bytes(args.json_out, (json.dumps(report, indent=2, default=str) + "\n").encode())
    return 0 if report["ok"] else 1
