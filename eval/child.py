"""The child process where a record's code runs: python -m eval.child REQUEST_FD REPLY_FD (eval/port.py).

It imports the record's train_gpt.py, reads its settings, loads the artifact (record's loader, under the
no-unpickling tripwire), builds the model, then serves the judge's requests (eval/port.py, ChildModel) with
LocalModel until "exit". Everything here is as untrusted as the record: the judge computes no score from what
this process says, only from the logits it writes into the judge's buffers, and checks those (eval/probes.py).
Replies are JSON; a failure is {"error": one line, "kind": "judge" | "crash"}.
"""

from __future__ import annotations

import json
import pickle
import sys
import traceback
from multiprocessing.connection import Connection

import numpy as np
import torch

ADAPTER_NAME = "DocTTTAdapter"  # (model, hp) -> the record's per-document TTT step (eval/INTERFACE.md)
# Settings the judge reads from the record's Hyperparameters (eval/INTERFACE.md), besides HP_FIELDS.
OPTIONAL_FIELDS = ("val_tokens_limit", "ttt_mode", "ttt_doc_chunk", "ttt_doc_batch", "ttt_lora_rank",
                   "ttt_lora_alpha", "ttt_lora_targets", "ttt_lora_lr", "ttt_beta2", "ttt_lora_wd",
                   "ttt_phases", "ttt_phase_docs", "seed", "doc_mask")


def _plain(value):
    return value if isinstance(value, (bool, int, float, str)) or value is None else str(value)


class Server:
    def __init__(self):
        self.port = None
        self.buffers = {}
        self.sandbox = None  # the status line of eval/sandbox.py, once entered

    def _interface(self, msg):
        from pathlib import Path

        from eval.harness import load_interface
        torch.set_num_threads(int(msg["threads"]))
        return load_interface(Path(msg["record_dir"]), Path(msg["artifact"]) if msg["artifact"] else None)

    @staticmethod
    def _fields(hp) -> dict:
        from eval.harness import HP_FIELDS
        from eval.settings import has_setting, setting
        fields = {f: _plain(setting(hp, f)) for f in HP_FIELDS}  # flat or staged settings (eval/settings.py)
        fields.update({f: _plain(setting(hp, f)) for f in OPTIONAL_FIELDS if has_setting(hp, f)})
        return fields

    def settings(self, msg):
        """The record's settings only (the judge's fallback for data paths it was not given); no model."""
        _, hp, _, _ = self._interface(msg)
        return {"hp": self._fields(hp)}

    def init(self, msg):
        # The judge sized and hashed the files itself: no path or size in this reply is used
        # (eval/harness.py record_files).
        from eval.dist import DistContext
        from eval.harness import load_model
        from eval.port import LocalModel
        module, hp, script, artifact = self._interface(msg)
        device = torch.device(msg["device"])
        if device.type == "cuda":
            torch.cuda.set_device(device)
        ctx = DistContext(device=device)
        model = load_model(module, hp, artifact, ctx)
        adapter = getattr(module, ADAPTER_NAME, None)  # the TTT adaptation step, when the record has one
        self.port = LocalModel(model, ctx, None if adapter is None else lambda: adapter(model, hp))
        dtypes = sorted({str(p.dtype) for p in self.port.params})
        return {"hp": self._fields(hp),
                "n_params": sum(p.numel() for p in self.port.params), "param_dtypes": dtypes,
                "doc_adapter": adapter is not None, "sandbox": self.sandbox}

    def buffers_(self, msg):
        for name in ("tokens", "logits", "grad"):
            spec = msg[name]
            if spec["where"] == "host":
                array = np.memmap(spec["path"], dtype=np.dtype(spec["dtype"]), mode="r+",
                                  shape=(spec["count"],))
                self.buffers[name] = torch.from_numpy(array)
            else:  # device memory the judge owns, opened by its IPC handle (pickled by the judge, for us)
                rebuild, args = pickle.loads(bytes.fromhex(spec["handle"]))
                self.buffers[name] = rebuild(*args)
        return {}

    def _get(self, shapes):
        out, offset = [], 0
        for shape in shapes:
            n = int(np.prod(shape))
            out.append(self.buffers["tokens"][offset:offset + n].view(*shape).clone())
            offset += n
        return out

    def _write(self, logits):
        flat = logits.reshape(-1)
        self.buffers["logits"][:flat.numel()].copy_(flat)
        if flat.is_cuda:
            torch.cuda.synchronize()
        return {"shape": list(logits.shape)}

    def forward(self, msg):
        (x,) = self._get([msg["shape"]])
        logits = self.port.forward(x, int(msg["keep"]))
        return self._write(logits)

    def mode(self, msg):
        self.port.mode(msg["train"], msg["params_grad"])
        return {}

    def sgd_begin(self, msg):
        self.port.sgd_begin(msg["lr"], msg["momentum"])
        return {}

    def grad(self, msg):
        rows = self._get([msg["shape"]])[0] if msg["shape"] is not None else None
        flat = self.port.grad(rows, msg["denom"], msg["flat"])
        if flat is not None:
            self.buffers["grad"][:flat.numel()].copy_(flat)
            if flat.is_cuda:
                torch.cuda.synchronize()
        return {}

    def apply(self, msg):
        flat = self.buffers["grad"].to(self.port.ctx.device) if msg["flat"] else None
        self.port.apply(flat, msg["lr"], msg["clip"])
        return {}

    def doc_begin(self, msg):
        self.port.doc_begin()
        return {}

    def doc_renew(self, msg):
        self.port.doc_renew()
        return {}

    def doc_reset(self, msg):
        self.port.doc_reset()
        return {}

    def doc_logits(self, msg):
        shape = msg["shape"]
        x, keep = self._get([shape, shape])
        return self._write(self.port.doc_logits(x, keep.bool()))

    def doc_adapt(self, msg):
        shape = msg["shape"]
        y, mask = self._get([shape, shape])
        self.port.doc_adapt(y, mask.bool())
        return {}


def serve(requests: Connection, replies: Connection) -> None:
    server = Server()
    handlers = {"init": server.init, "settings": server.settings, "buffers": server.buffers_,
                "forward": server.forward,
                "mode": server.mode, "sgd_begin": server.sgd_begin, "grad": server.grad,
                "apply": server.apply,
                "doc_begin": server.doc_begin, "doc_renew": server.doc_renew, "doc_reset": server.doc_reset,
                "doc_logits": server.doc_logits, "doc_adapt": server.doc_adapt}
    from eval.harness import JudgeError
    from eval.sandbox import SandboxRefused
    from eval.sandbox import enter as enter_sandbox
    while True:
        try:
            msg = json.loads(requests.recv_bytes().decode("utf-8"))
        except EOFError:
            return
        op = msg.get("op")
        if op == "exit":
            return
        try:
            if server.sandbox is None:  # before the first request imports the record (eval/sandbox.py)
                server.sandbox = enter_sandbox(msg.get("record_dir"), msg.get("artifact"))
            reply = handlers[op](msg)
        except SandboxRefused as exc:
            reply = {"error": str(exc), "kind": "judge"}
        except JudgeError as exc:
            reply = {"error": str(exc), "kind": "judge"}
        except Exception as exc:  # record code raised: its traceback to stderr, one line to the judge
            traceback.print_exc(file=sys.stderr)
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            reply = {"error": f"record code failed in {op!r}: {type(exc).__name__}: {first}", "kind": "crash"}
        replies.send_bytes(json.dumps(reply).encode("utf-8"))


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    serve(Connection(int(argv[0]), writable=False), Connection(int(argv[1]), readable=False))


if __name__ == "__main__":
    main()
