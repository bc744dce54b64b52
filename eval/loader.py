"""Load a record's train_gpt.py as a module without running its training.

Every record script (and the root flagship) exposes this small interface; nothing runs at import:

    Hyperparameters.from_env(environ=None) -> Hyperparameters   frozen dataclass, env-resolved
    build_model(hp) -> torch.nn.Module                           fp32, on CPU, random init
    load_artifact(path) -> dict[str, torch.Tensor]               dequantized state dict, no pickle
    ArtifactError                                                raised by load_artifact on bad files
    model.forward_logits(input_ids)                              (B, T) int64 -> (B, T, V) float logits
    ARTIFACT_NAME                                                default artifact file name of a run

See eval/INTERFACE.md for the fields of Hyperparameters the judge reads.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REQUIRED_NAMES = ("Hyperparameters", "build_model", "load_artifact", "ArtifactError", "ARTIFACT_NAME")


class RecordInterfaceError(ValueError):
    """A record script that cannot be loaded or lacks part of the interface."""


def load_record_module(script: str | Path) -> ModuleType:
    """Import `script` under a unique module name (two records can be loaded side by side)."""
    script = Path(script)
    if script.is_dir():
        script = script / "train_gpt.py"
    if not script.is_file():
        raise RecordInterfaceError(f"{script}: record script not found")
    digest = hashlib.sha1(str(script.resolve()).encode()).hexdigest()[:12]
    name = f"_record_{digest}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses resolve their module through sys.modules
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise RecordInterfaceError(f"{script}: failed to import: {type(exc).__name__}: {exc}") from exc
    missing = [n for n in REQUIRED_NAMES if not hasattr(module, n)]
    if missing:
        del sys.modules[name]
        raise RecordInterfaceError(f"{script}: missing interface names {missing}")
    return module
