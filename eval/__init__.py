"""The judge: re-scores any record's artifact with its own scoring code (python -m eval RECORD_DIR)."""
