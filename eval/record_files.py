"""What a record folder counts as code, read without importing (or running) its script.

Code bytes = the record's train_gpt.py plus every file named in an optional module-level literal

    CODE_FILES = ["train_gpt.py", "kernels.py"]      # paths relative to the script's folder

(default: just train_gpt.py). The list is read with `ast`, so check_submission can size a record
without importing torch, and the judge and the checker count the same files. A CODE_FILES that is not
a literal list of strings is an error: a computed list cannot be audited; so is any other binding of the
name (module_assignment), and the same holds for ARTIFACT_NAME. Everything else in a record folder must be
a file a record keeps (RECORD_EXTRAS, the seed logs: unexpected_files).
"""

from __future__ import annotations

import ast
import codecs
import fnmatch
import functools
import hashlib
import os
import re
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


# PEP 263: a `coding[:=]name` comment on line 1, or on line 2 below a blank or comment line, makes Python
# decode the file's bytes with that codec. Matched here on either of the first two lines whatever line 1
# holds, with any blank before the `#` (Python: space, tab, form feed): every declaration Python honours, and
# more.
_CODING = re.compile(rb"^[ \t\f\v]*#.*?coding[:=][ \t]*([-\w.]+)")


def coding_declaration(blob: bytes) -> tuple[int, str] | None:
    """(line, codec name) of a source-encoding declaration in the first two lines of `blob`, else None."""
    for number, line in enumerate(blob.splitlines()[:2], 1):  # \r, \n and \r\n end a line, as for Python
        found = _CODING.match(line)
        if found:
            return number, found[1].decode("ascii")
    return None


def refuse_foreign_coding(blob: bytes, name: str | Path) -> None:
    """RecordFileError when `blob` declares a source encoding other than UTF-8: Python compiles a file's bytes
    with the codec it names (raw_unicode_escape turns a `\\u000a` inside a comment into a new line of code)
    while people, editors and these checks read UTF-8, so the code that runs would not be the code read."""
    found = coding_declaration(blob)
    if found is None:
        return
    line, declared = found
    normal = declared.lower().replace("_", "-")
    try:
        utf8 = normal == "utf-8" or normal.startswith("utf-8-") or codecs.lookup(declared).name == "utf-8"
    except LookupError:
        utf8 = False
    if not utf8:
        raise RecordFileError(f"{name}:{line}: declares the source encoding {declared!r}: only UTF-8 is "
                              "accepted (Python would decode the file with that codec, people and these "
                              "checks read UTF-8)")


def _shipped_program(script: Path) -> bytes | None:
    """The program bytes a self-extracting script compiles and runs, or None for a plain one; RecordFileError
    when damaged, when any byte differs from what the packer makes of that program (a line added outside the
    payload), or when the program is not UTF-8 text or declares another source encoding."""
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
        program.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordFileError(f"{script}: self-extracting payload is not UTF-8 text ({exc})") from None
    refuse_foreign_coding(program, f"{script} (its program)")
    return program


def shipped_source(script: str | Path) -> str | None:
    """The program a self-extracting script runs, or None for a plain one (errors: _shipped_program)."""
    program = _shipped_program(Path(script))
    return None if program is None else program.decode("utf-8")


def _parse(source: bytes, name: str | Path) -> ast.Module:
    """The AST Python compiles from these bytes (a bytes source: the tokenizer reads as Python runs it)."""
    try:
        return ast.parse(source, filename=str(name))
    except (SyntaxError, ValueError) as exc:  # ValueError: a null byte
        raise RecordFileError(f"{name}: cannot parse: {exc}") from None


# The same script's bytes are parsed again by every check of one record (module_assignment per name, the
# annotations rule): read-only callers share one tree per bytes. _program_tree, which edits its tree, parses
# its own.
_parsed = functools.lru_cache(maxsize=2)(_parse)


def _future_annotations(tree: ast.Module) -> bool:
    """Whether the module starts (after its docstring) with `from __future__ import annotations`: then no
    annotation is evaluated when its `def` runs (they are kept as strings)."""
    body = tree.body
    start = int(bool(body) and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str))
    for node in body[start:]:
        if not (isinstance(node, ast.ImportFrom) and node.module == "__future__" and node.level == 0):
            return False  # future imports must come first: one later is a SyntaxError when compiled
        if any(alias.name == "annotations" for alias in node.names):
            return True
    return False


@functools.lru_cache(maxsize=8)  # a pure function of its arguments; one record check asks it 8 times for 2
def _program_tree(source: bytes, name: str | Path, cut_annotations: bool) -> str:
    """The AST dump of `source` with every docstring blanked (the program keeps `""` in its place), and when
    `cut_annotations` the parameter and return annotations of undecorated functions cut (what the packer
    cuts from the program)."""
    tree = _parse(source, name)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                first.value.value = ""
        plain = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.decorator_list
        if cut_annotations and plain:
            node.returns = None
            for arg in (a for a in ast.walk(node.args) if isinstance(a, ast.arg)):
                arg.annotation = None
    return ast.dump(tree)


def _source_bytes(script: Path) -> bytes:
    """The bytes of the script's source as people read it (see readable_source), all checks done."""
    program = _shipped_program(script)
    readable = script.parent / READABLE_NAME
    if program is None:
        try:
            blob = script.read_bytes()
        except OSError as exc:
            raise RecordFileError(f"{script}: cannot read: {exc}") from None
        refuse_foreign_coding(blob, script)
        if readable.is_file() and readable.read_bytes() != blob:  # what people read must be what runs
            raise RecordFileError(f"{readable}: differs from the plain {script} beside it: a readable copy "
                                  "of a plain script must be byte for byte the same file (or removed)")
        return blob
    if not readable.is_file():
        return program
    header, held = shipped_header(script), readable.read_bytes()
    if (len(held), _sha16(held)) != (header["readable_bytes"], header["readable_sha256"]):
        raise RecordFileError(f"{script}: names a readable source that differs from {readable} "
                              f"({header['readable_bytes']} bytes, sha256 {header['readable_sha256']}; the file: "
                              f"{len(held)} bytes, sha256 {_sha16(held)})")
    refuse_foreign_coding(held, readable)
    try:
        held.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordFileError(f"{readable}: is not UTF-8 text ({exc})") from None
    # The readable file's annotations are cut only where they are never evaluated (the packer cuts them from
    # the program); the program's are never cut, so one it carries must be the readable file's.
    lazy = _future_annotations(_parsed(held, readable))
    if _program_tree(held, readable, lazy) != _program_tree(program, f"{script} (program)", False):
        raise RecordFileError(f"{script}: its program differs from {readable} (not the same AST)")
    return held


def readable_source(script: str | Path) -> str:
    """The script's source as people read it: the script itself (and a train_gpt_readable.py beside a plain
    script must be the same bytes), or the train_gpt_readable.py beside its shipped form, which must be the
    file line 1 names (size, SHA-256) and hold the program the shipped form runs (the same AST parsed from the
    bytes Python compiles, docstrings blanked; the readable file's annotations of undecorated functions cut
    only under `from __future__ import annotations`); with no readable file beside it, the program itself. A
    declared source encoding other than UTF-8, in any of these, is refused."""
    script = Path(script)
    try:
        return _source_bytes(script).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordFileError(f"{script}: cannot read: {exc}") from None


def script_path(record: str | Path) -> Path:
    record = Path(record)
    return record / SCRIPT_NAME if record.is_dir() else record


def _docstrings(tree: ast.Module) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {id(node.body[0].value) for node in ast.walk(tree) if isinstance(node, kinds) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def _bindings(tree: ast.Module, name: str):
    """(node, what) of every node that binds `name`, or may: an assignment, augmented, annotated, tuple, for,
    with, walrus or comprehension target, `del`, an import, a def or class, `global`/`nonlocal`, an except or
    match name, a parameter, a keyword argument (dict(NAME=...)), an attribute store (module.NAME = ...), and
    any string but a docstring holding the name (globals()["NAME"], setattr, exec). A name built at run time
    ("ARTIFACT_" + "NAME") is not seen here: what such a script writes is an uncounted file (check_record)."""
    docs = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load):
            yield node, "an assignment target" if isinstance(node.ctx, ast.Store) else "a `del`"
        elif isinstance(node, ast.Attribute) and node.attr == name and not isinstance(node.ctx, ast.Load):
            yield node, "an attribute store"
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name == "*":
                    yield node, "a star import (it may bind any name)"
                elif name in (alias.asname, alias.name, alias.name.split(".")[0]):
                    yield node, "an import"
        elif isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            yield node, f"`{type(node).__name__.lower()} {name}`"
        elif isinstance(node, ast.arg) and node.arg == name:
            yield node, "a parameter"
        elif isinstance(node, ast.keyword) and node.arg == name:
            yield node, "a keyword argument"
        elif isinstance(node, ast.Constant) and id(node) not in docs and (
                isinstance(node.value, str) and name in node.value
                or isinstance(node.value, bytes) and name.encode() in node.value):
            yield node, "a string holding the name"
        elif isinstance(getattr(node, "name", None), str) and node.name == name:  # def, class, except, match
            yield node, f"a {type(node).__name__}"
        elif isinstance(node, ast.MatchMapping) and node.rest == name:
            yield node, "a match pattern"


def module_assignment(script: str | Path, name: str):
    """(found, value) of the script's one module-level `name = <literal>` (or `name: T = <literal>`).
    Anything else that binds or may bind the name, anywhere in the script, is a RecordFileError naming the
    file and line: a second assignment, one that is not a literal, a tuple target, a loop, an import,
    `global`, a string "name" (globals()[...], setattr)... so the value read is the value the script runs
    with."""
    script = Path(script)
    tree = _parsed(_source_bytes(script), script)
    found, value, plain = False, None, None
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        elif isinstance(node, ast.AnnAssign) and node.simple and node.value is not None:
            target = node.target
        else:
            continue
        if not (isinstance(target, ast.Name) and target.id == name):
            continue
        if found:
            raise RecordFileError(f"{script}:{node.lineno}: {name} is assigned a second time (line "
                                  f"{plain.lineno} first): one module-level literal only")
        try:
            value = ast.literal_eval(node.value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            raise RecordFileError(f"{script}:{node.lineno}: {name} must be a literal, not computed") from None
        found, plain = True, target
    for node, what in _bindings(tree, name):
        if node is not plain:
            line = getattr(node, "lineno", "?")
            raise RecordFileError(f"{script}:{line}: {name} is bound by {what}: only one module-level "
                                  f"`{name} = <literal>` is read, so nothing else may bind it")
    return found, value


def code_files(script: str | Path) -> list[Path]:
    """The script plus its CODE_FILES, resolved, deduplicated, each an existing file with no source-encoding
    declaration other than UTF-8."""
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
            refuse_foreign_coding(path.read_bytes(), script.parent / name)
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


# What a record folder may hold besides the files it counts (train_gpt.py, its CODE_FILES, the ARTIFACT_NAME
# file): at its top level only, the files package_record writes and people expect in a record. Any other file
# or folder (a second weights file, __pycache__ with bytecode Python may run instead of the source, notes) is
# refused: whatever the program could read must be counted. These files are not counted, so they stay a
# channel a program could read (eval/INTERFACE.md, "Shipped code").
RECORD_EXTRAS = ("README.md", "submission.json", READABLE_NAME, "requirements.txt")
SEED_LOG_GLOB = "train_seed*.log"  # the seed logs (eval/logs.py reads them)


def unexpected_files(record: str | Path, counted: list[Path]) -> list[str]:
    """Paths, relative to `record` and sorted, of every entry of the folder (recursively, links not followed)
    that is neither a counted file (`counted`) nor a regular file in RECORD_EXTRAS or a seed log at the top
    level; a folder holding nothing counted is named as a whole (`name/`)."""
    record = Path(record)
    counted_set = {Path(p).resolve() for p in counted}
    odd = []
    for folder, dirs, files in os.walk(record):
        here = Path(folder)
        for name in [*dirs, *files]:
            path = here / name
            rel = path.relative_to(record)
            if path.is_symlink() or not path.is_dir():
                top = here == record and not path.is_symlink() and path.is_file()
                expected = top and (name in RECORD_EXTRAS or fnmatch.fnmatchcase(name, SEED_LOG_GLOB))
                if not expected and not (path.is_file() and path.resolve() in counted_set):
                    odd.append(str(rel))
            elif not any(path.resolve() in p.parents for p in counted_set):
                odd.append(f"{rel}/")
                dirs.remove(name)  # named as a whole
    return sorted(odd)


def third_party_imports(script: str | Path) -> tuple[list[str], list[str]]:
    """(required, optional) top-level packages the script imports that are not in Python's standard library,
    read with `ast` (imports inside functions count: e.g. a codec imported when the artifact is written).
    Optional = imported only inside a `try` that catches ImportError (flash-attn)."""
    script = Path(script)
    tree = _parsed(_source_bytes(script), script)
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
