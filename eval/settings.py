"""The one way the judge reads a record's settings, whichever shape its Hyperparameters has.

Records cut before 2026-12-06 (records/) have one flat frozen dataclass (`hp.eval_seq_len`); the flagship
since has one config per stage (`hp.eval.eval_seq_len`, eval/INTERFACE.md). A setting is named by its
field name (`eval_seq_len`, `val_files`) in both; nothing here imports or runs record code.
"""

from __future__ import annotations

import dataclasses

STAGES = ("run", "model", "train", "export", "eval")  # the staged shape's attributes, in data-flow order
_MISSING = object()


def _stages(hp) -> list:
    """The stage configs of a staged settings object; [] for a flat one (it has no such attributes)."""
    return [cfg for cfg in (getattr(hp, s, None) for s in STAGES) if dataclasses.is_dataclass(cfg)]


def setting(hp, name: str, default=_MISSING):
    """hp's setting `name` (a field or property: val_files), flat or staged; `default` when it has none,
    AttributeError without one."""
    for holder in [hp] * (name not in STAGES) + _stages(hp):
        value = getattr(holder, name, _MISSING)
        if value is not _MISSING:
            return value
    if default is _MISSING:
        raise AttributeError(f"Hyperparameters has no setting {name!r}")
    return default


def has_setting(hp, name: str) -> bool:
    absent = object()
    return setting(hp, name, absent) is not absent


def setting_fields(cls) -> dict[str, dataclasses.Field]:
    """{env var: field} of every setting of a Hyperparameters class, flat or staged (a field whose default
    is a dataclass is a stage: its fields are the settings)."""
    out = {}
    for f in dataclasses.fields(cls):
        stage = f.default_factory if f.default_factory is not dataclasses.MISSING else None
        if stage is not None and dataclasses.is_dataclass(stage):
            out.update(setting_fields(stage))
        else:
            out[f.metadata.get("env")] = f
    return out
