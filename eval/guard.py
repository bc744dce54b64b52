"""A tripwire for the contract's "load_artifact never unpickles".

While a record's load_artifact runs, pickle.load/loads/Unpickler and torch.load raise. It is a
tripwire, not a sandbox: a record that bound `from pickle import loads` at import slips past, and
a record that means harm can do so at import already. It catches the honest mistake of shipping
torch.save/torch.load, which executes pickled code from the artifact.
"""

from __future__ import annotations

import contextlib
import pickle

import torch


class UnpicklingRefused(RuntimeError):
    """load_artifact tried to unpickle."""


@contextlib.contextmanager
def no_unpickling(what: str):
    def refuse(*_args, **_kwargs):
        raise UnpicklingRefused(
            f"{what}: load_artifact tried to unpickle (pickle / torch.load); the contract requires "
            "JSON + raw arrays"
        )

    patched = [(pickle, "load"), (pickle, "loads"), (pickle, "Unpickler"), (torch, "load")]
    saved = [(mod, name, getattr(mod, name)) for mod, name in patched]
    try:
        for mod, name in patched:
            setattr(mod, name, refuse)
        yield
    finally:
        for mod, name, original in saved:
            setattr(mod, name, original)
