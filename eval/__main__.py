"""python -m eval RECORD_DIR: re-score a record's artifact (see eval/cli.py)."""

import sys

from eval.cli import main
from eval.dist import env_world_size, exit_without_finalization

code = main()
if env_world_size() > 1:
    # Under torchrun, leave without interpreter finalization, where a rank once aborted after a complete run
    # (the figures are in eval/dist.py, DistContext.close).
    exit_without_finalization(code)
sys.exit(code)
