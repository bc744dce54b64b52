"""python -m eval RECORD_DIR: re-score a record's artifact (see eval/cli.py)."""

import sys

from eval.cli import main

sys.exit(main())
