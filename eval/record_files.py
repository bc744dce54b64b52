"""What a record folder counts as code, read without importing (or running) its script.

Code bytes = the record's train_gpt.py plus every file named in an optional module-level literal

    CODE_FILES = ["train_gpt.py", "kernels.py"]      # paths relative to the script's folder

(default: just train_gpt.py). The list is read with `ast`, so check_submission can size a record
without importing torch, and the judge and the checker count the same files. A CODE_FILES that is not
a literal list of strings is an error: a computed list cannot be audited.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import sys
from pathlib import Path

SCRIPT_NAME = "train_gpt.py"
READABLE_NAME = "train_gpt_readable.py"  # beside a self-extracting train_gpt.py: the source of its program
SIZE_CAP = 16_000_000  # decimal bytes: code + compressed model (challenge rule)
# The flagship's shipped form (eval/INTERFACE.md, "Shipped code"): a plain-ASCII Python file whose line 1
# names the readable source by size and SHA-256 and the program by SHA-256 (16 hex digits each), then a fixed
# stub whose one raw triple-quoted literal is a base-97 number (digits: tab, newline, then ASCII 32..126) of
# one byte + the PPMd stream (pyppmd, order 16, 64 MiB, variant I) of the source's program (comments cut,
# docstrings blanked, undecorated functions' annotations cut, line for line). Decoded, re-encoded and checked
# here with the judge's own code: the file must be byte for byte what the packer makes of its program (nothing
# outside the payload).
SHIPPED_MAGIC = b"# Parameter Golf self-extracting script"
_LATIN1_FORM = b"# -*- coding: latin-1 -*-\n" + SHIPPED_MAGIC  # the form before 2026-12-05, no longer read
_SHIPPED_HEADER = (rb": the program of train_gpt_readable\.py \((\d+) bytes, sha256 ([0-9a-f]{16})\), "
                   rb"program sha256 ([0-9a-f]{16})")
_DIGITS = "\t\n" + "".join(map(chr, range(32, 127)))
_STUB = ("import pyppmd\nA='\\t\\n'+''.join(map(chr,range(32,127)))\nn=0\nfor c in r\"\"\"",  # literal, then
         "\"\"\":n=n*97+A.find(c)\nexec(compile(pyppmd.decompress(n.to_bytes(",  # the stream's size + 1, then
         ",'big')[1:],max_order=16,mem_size=1<<26),__file__[:-3]+'_readable.py','exec'))\n")


class RecordFileError(ValueError):
    """A record folder whose declared files cannot be resolved; the message names the file."""


def _sha16(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def shipped_header(script: str | Path) -> dict | None:
    """{readable_bytes, readable_sha256, program_sha256} of a self-extracting script; None if plain."""
    script = Path(script)
    try:
        blob = script.read_bytes()
    except OSError as exc:
        raise RecordFileError(f"{script}: cannot read: {exc}") from None
    if blob.startswith(_LATIN1_FORM):
        raise RecordFileError(f"{script}: the latin-1 self-extracting form (before 2026-12-05) is no longer "
                              "read: ship its train_gpt_readable.py again (scripts/package_record.py)")
    if not blob.startswith(SHIPPED_MAGIC):
        return None
    import re

    found = re.match(_SHIPPED_HEADER, blob[len(SHIPPED_MAGIC) : blob.find(b"\n")])
    if found is None:
        raise RecordFileError(f"{script}: self-extracting header (line 1) does not name its readable source")
    return {"readable_bytes": int(found[1]), "readable_sha256": found[2].decode(), "program_sha256": found[3].decode()}


def shipped_literal(stream: bytes) -> str:
    """The payload literal the packer writes for a PPMd stream (as train_gpt.py's encoder): the base-97
    digits of the first of top + stream (top = 0, 1, ...) with no triple quote, no quote or backslash last."""
    for top in range(256):
        number, digits = int.from_bytes(bytes([top]) + stream, "big"), []
        while number:  # least significant first, 64 digits a big division
            number, low = divmod(number, 97**64)
            digits += [_DIGITS[low // 97**i % 97] for i in range(64)]
        literal = "".join(reversed(digits)).lstrip(_DIGITS[0])
        if '"""' not in literal and literal[-1] not in '"\\':
            return literal
    raise ValueError("no top byte gives a literal that a raw triple-quoted string holds")


class _OutsideThePayload(ValueError):
    pass


@functools.lru_cache(maxsize=8)
def _decode_shipped(blob: bytes) -> tuple[bytes, bytes]:
    """(program, the file the packer makes of it) of a self-extracting file's bytes; ValueError if damaged."""
    import pyppmd

    line1, _, rest = blob.partition(b"\n")
    before, between, after = (part.encode() for part in _STUB)
    if not (rest.startswith(before) and rest.endswith(after) and between in rest):
        raise _OutsideThePayload("the lines after line 1 are not the packer's stub")
    literal, _, size = rest[len(before) : len(rest) - len(after)].rpartition(between)
    number = 0
    for start in range(0, len(literal), 64):  # most significant first, 64 digits at a time
        chunk = literal[start : start + 64].decode("ascii")
        low = sum(_DIGITS.index(c) * 97**i for i, c in enumerate(reversed(chunk)))
        number = number * 97 ** len(chunk) + low
    stream = number.to_bytes(int(size), "big")[1:]
    program = pyppmd.decompress(stream, max_order=16, mem_size=1 << 26)
    again = pyppmd.compress(program, max_order=16, mem_size=1 << 26)
    literal = shipped_literal(again).encode()
    return program, line1 + b"\n" + before + literal + between + str(len(again) + 1).encode() + after


def shipped_source(script: str | Path) -> str | None:
    """The program a self-extracting script runs, or None for a plain one; RecordFileError when damaged or
    when any byte differs from what the packer makes of that program (a line added outside the payload)."""
    script = Path(script)
    header = shipped_header(script)
    if header is None:
        return None
    import pyppmd

    blob = script.read_bytes()
    try:
        program, canonical = _decode_shipped(blob)
    except _OutsideThePayload as exc:
        raise RecordFileError(f"{script}: is not what the packer makes: {exc} (a byte outside the payload)"
                              ) from None
    except (ValueError, OverflowError, pyppmd.PpmdError) as exc:
        raise RecordFileError(f"{script}: self-extracting payload is damaged ({type(exc).__name__}: {exc})") from None
    if _sha16(program) != header["program_sha256"]:  # PPMd has no checksum of its own
        raise RecordFileError(f"{script}: self-extracting payload is damaged (program sha256 mismatch)")
    if blob != canonical:
        raise RecordFileError(f"{script}: is not what the packer makes of its program ({len(blob)} bytes, "
                              f"the packer's {len(canonical)}): bytes outside the payload or re-encoded")
    try:
        return program.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordFileError(f"{script}: self-extracting payload is not UTF-8 text ({exc})") from None


def _program_tree(source: str, name: str) -> str:
    """The AST of `source` with every docstring blanked and the parameter and return annotations of
    undecorated functions cut: what running it does, without what the shipped program leaves out."""
    try:
        tree = ast.parse(source, filename=name)
    except SyntaxError as exc:
        raise RecordFileError(f"{name}: cannot parse: {exc}") from None
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                first.value.value = ""
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.decorator_list:
            node.returns = None
            for arg in (a for a in ast.walk(node.args) if isinstance(a, ast.arg)):
                arg.annotation = None
    return ast.dump(tree)


def readable_source(script: str | Path) -> str:
    """The script's source as people read it: the script itself, or the train_gpt_readable.py beside its shipped
    form, which must be the file line 1 names (size, SHA-256) and hold the program the shipped form runs (same
    AST, docstrings blanked, undecorated functions' annotations cut); with no readable file beside it, the
    program itself."""
    script = Path(script)
    program = shipped_source(script)
    if program is None:
        try:
            return script.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RecordFileError(f"{script}: cannot read: {exc}") from None
    readable = script.parent / READABLE_NAME
    if not readable.is_file():
        return program
    header, held = shipped_header(script), readable.read_bytes()
    if (len(held), _sha16(held)) != (header["readable_bytes"], header["readable_sha256"]):
        raise RecordFileError(f"{script}: names a readable source that differs from {readable} "
                              f"({header['readable_bytes']} bytes, sha256 {header['readable_sha256']}; the file: "
                              f"{len(held)} bytes, sha256 {_sha16(held)})")
    text = held.decode("utf-8", errors="replace")
    if _program_tree(text, str(readable)) != _program_tree(program, f"{script} (program)"):
        raise RecordFileError(f"{script}: its program differs from {readable} (not the same AST)")
    return text


def script_path(record: str | Path) -> Path:
    record = Path(record)
    return record / SCRIPT_NAME if record.is_dir() else record


def module_assignment(script: str | Path, name: str):
    """(found, value) of a top-level `name = <literal>`; found but not a literal -> RecordFileError."""
    script = Path(script)
    try:
        tree = ast.parse(readable_source(script), filename=str(script))
    except SyntaxError as exc:
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
        tree = ast.parse(readable_source(script), filename=str(script))
    except SyntaxError as exc:
        raise RecordFileError(f"{script}: cannot parse: {exc}") from None
    guarded = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                                             for h in node.handlers):
            guarded |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    required, optional = set(), set()
    if shipped_source(script) is not None:
        required.add("pyppmd")  # the shipped form's own decompressor
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
