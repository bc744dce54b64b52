"""What a record folder counts as code, read without importing (or running) its script.

Code bytes = the record's train_gpt.py plus every file named in an optional module-level literal

    CODE_FILES = ["train_gpt.py", "kernels.py"]      # paths relative to the script's folder

(default: just train_gpt.py). The list is read with `ast`, so check_submission can size a record
without importing torch, and the judge and the checker count the same files. A CODE_FILES that is not
a literal list of strings is an error: a computed list cannot be audited.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SCRIPT_NAME = "train_gpt.py"
SIZE_CAP = 16_000_000  # decimal bytes: code + compressed model (challenge rule)


class RecordFileError(ValueError):
    """A record folder whose declared files cannot be resolved; the message names the file."""


def script_path(record: str | Path) -> Path:
    record = Path(record)
    return record / SCRIPT_NAME if record.is_dir() else record


def module_assignment(script: str | Path, name: str):
    """(found, value) of a top-level `name = <literal>`; found but not a literal -> RecordFileError."""
    script = Path(script)
    try:
        tree = ast.parse(script.read_text(encoding="utf-8"), filename=str(script))
    except (OSError, SyntaxError, UnicodeDecodeError) as exc:
        raise RecordFileError(f"{script}: cannot parse: {exc}") from None
    found, value = False, None
    for node in tree.body:  # the last assignment wins, as it would at import
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else [])
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                raise RecordFileError(
                    f"{script}:{node.lineno}: {name} must be a literal, not computed") from None
            found = True
    return found, value


def code_files(script: str | Path) -> list[Path]:
    """The script plus its CODE_FILES, resolved, deduplicated, each an existing file."""
    script = Path(script)
    found, declared = module_assignment(script, "CODE_FILES")
    if found and (not isinstance(declared, (list, tuple))
                  or not all(isinstance(x, str) for x in declared)):
        raise RecordFileError(f"{script}: CODE_FILES must be a list of path strings, got {declared!r}")
    names = [script.name] + list(declared or [])
    files: list[Path] = []
    root = script.parent.resolve()
    for name in names:
        path = (script.parent / name).resolve()
        if root not in path.parents:
            raise RecordFileError(f"{script}: CODE_FILES entry {name!r} is outside the record folder")
        if not path.is_file():
            raise RecordFileError(f"{script}: CODE_FILES entry {name!r}: {path} not found")
        if path not in files:
            files.append(path)
    return files


def code_bytes(script: str | Path) -> dict[str, int]:
    """{file name relative to the record folder: size in bytes} of every code file."""
    script = Path(script)
    root = script.parent.resolve()
    return {str(p.relative_to(root)): p.stat().st_size for p in code_files(script)}


def artifact_name(script: str | Path) -> str | None:
    """ARTIFACT_NAME when it is a string literal in the script, else None."""
    found, value = module_assignment(script, "ARTIFACT_NAME")
    return value if found and isinstance(value, str) else None


def third_party_imports(script: str | Path) -> tuple[list[str], list[str]]:
    """(required, optional) top-level packages the script imports that are not in Python's standard library,
    read with `ast` (imports inside functions count: e.g. a codec imported when the artifact is written).
    Optional = imported only inside a `try` that catches ImportError (flash-attn)."""
    script = Path(script)
    try:
        tree = ast.parse(script.read_text(encoding="utf-8"), filename=str(script))
    except (OSError, SyntaxError, UnicodeDecodeError) as exc:
        raise RecordFileError(f"{script}: cannot parse: {exc}") from None
    guarded = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                                             for h in node.handlers):
            guarded |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    required, optional = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for top in {n.split(".")[0] for n in names} - set(sys.stdlib_module_names) - {"__future__"}:
            (optional if id(node) in guarded else required).add(top)
    return sorted(required), sorted(optional - required)
