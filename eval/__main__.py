"""python -m eval RECORD_DIR: re-score a record's artifact (see eval/cli.py)."""

import signal
import sys

from eval.cli import main
from eval.dist import env_world_size, exit_without_finalization

# SIGTERM (a timeout, torchrun stopping its ranks) leaves through the judge's finally blocks, which end the
# record's child and every process it left (eval/port.py ChildModel.close), instead of leaving them running.
signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
code = main()
if env_world_size() > 1:
    # Under torchrun, leave without interpreter finalization, where a rank once aborted after a complete run
    # (the figures are in eval/dist.py, DistContext.close).
    exit_without_finalization(code)
sys.exit(code)
