"""Check a record folder, and package a new one from a run (shared by scripts/ and the record cutter).

A record folder holds README.md, submission.json, train_gpt.py (+ its CODE_FILES) and the seed logs
train_seed<S>.log. The seed logs are the evidence: submission.json's val_bpb must be the mean of
the logs' headline scores (eval/logs.py says which line), and its bytes_total the largest logged
`Total submission size` (every seed's artifact must fit the cap, so the largest is the one to show).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import py_compile
import re
import shutil
import struct
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from data.shards import atomic_write_bytes
from eval.logs import LogParseError, LogSummary, ScoreLine, headline_or_raise, parse_log, seed_logs
from eval.loader import RecordInterfaceError, load_record_module
from eval.record_files import (READABLE_NAME, RECORD_EXTRAS, SCRIPT_NAME, SEED_LOG_GLOB, SIZE_CAP,
                               RecordFileError, artifact_name, code_bytes, code_files, readable_source,
                               shipped_source, third_party_imports, unexpected_files)

REQUIRED_FILES = ("README.md", "submission.json", SCRIPT_NAME)
REQUIRED_KEYS = ("name", "github_id", "val_bpb", "bytes_total", "blurb", "author", "date")


class PackageError(ValueError):
    """A run that cannot be packaged (missing file, log without a score, folder exists); names it."""


@dataclass(frozen=True)
class Finding:
    level: str  # "ok" | "warn" | "error"
    check: str
    message: str

    def line(self) -> str:
        return f"{self.level} check:{self.check} {self.message}"


@dataclass(frozen=True)
class SeedScore:
    seed: int | None
    log: LogSummary
    score: ScoreLine

    @property
    def label(self) -> str:
        return str(self.seed) if self.seed is not None else Path(self.log.path).stem


def seed_scores(logs: list[LogSummary], family: str = "auto") -> list[SeedScore]:
    """Each log's score line (headline, or the named family/key); LogParseError naming the file."""
    return [SeedScore(log.seed, log, headline_or_raise(log, family)) for log in logs]


def write_json(path: Path, data: dict) -> None:
    atomic_write_bytes(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


# ---------------------------------------------------------------- checking


def check_record(record_dir: str | Path, tolerance: float = 1e-4, cap: int = SIZE_CAP,
                 family: str = "auto") -> list[Finding]:
    """All findings for a record folder; it passes when none has level "error"."""
    record = Path(record_dir)
    if not record.is_dir():
        return [Finding("error", "files", f"{record}: not a folder")]
    findings = _check_files(record)
    sub = _check_submission_json(record, findings)
    _check_shipped(record, findings)
    _check_compiles(record, findings)
    scores = _check_logs(record, family, findings)
    runs = [run_facts(p) for p in seed_logs(record)]
    _check_runs(runs, findings)
    _check_claim(record, sub, runs, findings)
    _check_size(record, sub, scores, cap, findings)
    _check_artifact_run(record, runs, findings)
    _check_contents(record, findings)
    _check_code_bytes(record, sub, findings)
    if sub is not None and scores:
        _check_agreement(record, sub, scores, tolerance, findings)
    return findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level == "error" for f in findings)


def _check_files(record: Path) -> list[Finding]:
    out = []
    for name in REQUIRED_FILES:
        ok = (record / name).is_file()
        out.append(Finding("ok" if ok else "error", "files",
                           f"{name} present" if ok else f"{record / name}: missing"))
    logs = seed_logs(record)
    out.append(Finding("ok" if logs else "error", "files",
                       f"{len(logs)} seed logs" if logs else f"{record}: no train_seed*.log"))
    return out


def _check_submission_json(record: Path, findings: list[Finding]) -> dict | None:
    path = record / "submission.json"
    if not path.is_file():
        return None
    try:
        sub = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        findings.append(Finding("error", "submission", f"{path}: not valid JSON ({exc})"))
        return None
    if not isinstance(sub, dict):
        findings.append(Finding("error", "submission", f"{path}: top level must be an object"))
        return None
    missing = [k for k in REQUIRED_KEYS if k not in sub]
    if missing:
        findings.append(Finding("error", "submission", f"{path}: missing keys {missing}"))
    if "val_bpb" in sub and not _is_number(sub["val_bpb"]):
        findings.append(Finding("error", "submission", f"{path}: val_bpb must be a number"))
    if "bytes_total" in sub and not (isinstance(sub["bytes_total"], int)
                                     and not isinstance(sub["bytes_total"], bool)):
        findings.append(Finding("error", "submission", f"{path}: bytes_total must be an integer"))
    if not missing:
        findings.append(Finding("ok", "submission", "required keys present"))
    return sub


def _check_shipped(record: Path, findings: list[Finding]) -> None:
    """A self-extracting train_gpt.py must name the train_gpt_readable.py beside it and run its program; a
    train_gpt_readable.py beside a plain one must be the same file."""
    script = record / SCRIPT_NAME
    if not script.is_file():
        return
    try:
        held = shipped_source(script)
        if held is None:
            readable_source(script)  # raises for another source encoding, or a readable copy that differs
            readable = record / READABLE_NAME
            same = f" ({READABLE_NAME} beside it: the same bytes)" if readable.is_file() else ""
            findings.append(Finding("ok", "shipped", f"{SCRIPT_NAME} is plain source{same}"))
            return
        if not (record / READABLE_NAME).is_file():
            findings.append(Finding("error", "shipped", f"{record / READABLE_NAME}: missing beside the "
                                                        "self-extracting script"))
            return
        readable_source(script)  # raises when the file is not the one named or holds another program
    except RecordFileError as exc:
        findings.append(Finding("error", "shipped", str(exc)))
        return
    readable = (record / READABLE_NAME).stat().st_size
    findings.append(Finding("ok", "shipped", f"{SCRIPT_NAME} ({script.stat().st_size} bytes, byte for byte the "
                                             f"packer's) runs the program of {READABLE_NAME} ({readable} bytes: "
                                             "SHA-256 and AST checked)"))


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _check_compiles(record: Path, findings: list[Finding]) -> None:
    script = record / SCRIPT_NAME
    if not script.is_file():
        return
    with tempfile.TemporaryDirectory() as tmp:  # no __pycache__ left in the record folder
        try:
            py_compile.compile(str(script), cfile=str(Path(tmp) / "x.pyc"), doraise=True)
        except py_compile.PyCompileError as exc:
            msg = str(exc.msg).strip().splitlines()[-1] if str(exc.msg).strip() else "syntax error"
            findings.append(Finding("error", "compile", f"{script}: does not compile: {msg}"))
            return
    findings.append(Finding("ok", "compile", f"{SCRIPT_NAME} compiles"))


def _check_logs(record: Path, family: str, findings: list[Finding]) -> list[SeedScore]:
    scores = []
    for path in seed_logs(record):
        try:
            scores.extend(seed_scores([parse_log(path)], family))
        except LogParseError as exc:
            findings.append(Finding("error", "logs", str(exc)))
    families = sorted({s.score.family for s in scores})
    if len(families) > 1:
        findings.append(Finding("error", "logs", f"seed logs disagree on the score family {families}"
                                                 " (pass --family)"))
    for s in scores:
        findings.append(Finding("ok", "logs", f"seed {s.label}: {s.score.key} "
                                              f"val_bpb:{s.score.val_bpb} at {s.score.source.where()}"))
    return scores


def _check_size(record: Path, sub: dict | None, scores: list[SeedScore], cap: int,
                findings: list[Finding]) -> None:
    script = record / SCRIPT_NAME
    if not script.is_file():
        return
    try:
        code = sum(code_bytes(script).values())
        name = artifact_name(script)
    except RecordFileError as exc:
        findings.append(Finding("error", "size", str(exc)))
        return
    if not name or record.resolve() not in (record / name).resolve().parents:
        # no fallback to the logged sizes: an artifact under a name not read here would go unmeasured
        findings.append(Finding("error", "size", f"{script}: no module-level `ARTIFACT_NAME = \"<file in the "
                                                 f"record folder>\"` ({name!r} read): the artifact cannot be "
                                                 "measured"))
        return
    logged = [s.log.size for s in scores if s.log.size is not None]
    if (record / name).is_file():
        art = (record / name).stat().st_size
        total = code + art
        findings.append(_cap_finding(total, cap, f"code {code} + artifact {art} ({name})"))
        if logged and total not in {x.value for x in logged}:
            findings.append(Finding("warn", "size", f"code + artifact = {total} matches no logged "
                                                    f"Total submission size {[x.value for x in logged]}"))
        return
    for line in logged:
        findings.append(_cap_finding(line.value, cap, f"logged at {line.source.where()}"))
    if sub is not None and isinstance(sub.get("bytes_total"), int):
        findings.append(_cap_finding(sub["bytes_total"], cap, "submission.json bytes_total"))
    if not logged and (sub is None or "bytes_total" not in sub):
        findings.append(Finding("error", "size", "no artifact, no logged size and no bytes_total: "
                                                 "cannot check the cap"))


def _check_contents(record: Path, findings: list[Finding]) -> None:
    """Every file of the folder is counted (train_gpt.py, CODE_FILES, the artifact) or one a record keeps
    (RECORD_EXTRAS, the seed logs): weights or code in any other file would run or load uncounted."""
    script = record / SCRIPT_NAME
    if not script.is_file():
        return
    try:
        counted = code_files(script)
        name = artifact_name(script)
    except RecordFileError:
        return  # the size check names it
    counted += [record / name] if name and (record / name).is_file() else []
    odd = unexpected_files(record, counted)
    for rel in odd:
        shown = str(record / rel) + ("/" if rel.endswith("/") else "")  # a folder as a whole
        findings.append(Finding("error", "contents",
                                f"{shown}: neither counted ({SCRIPT_NAME}, its CODE_FILES, its "
                                f"ARTIFACT_NAME file) nor a file a record keeps ({', '.join(RECORD_EXTRAS)}, "
                                f"{SEED_LOG_GLOB} at the top): counted or removed"))
    if not odd:
        findings.append(Finding("ok", "contents",
                                f"every file is counted ({len(counted)}) or one a record keeps"))


# A log's count of the code bytes: the flagship logs code_bytes_shipped (and bytes_code beside the model bytes),
# older scripts code_bytes; code_bytes_readable is not the counted size.
_LOGGED_CODE = re.compile(r"\b(code_bytes_shipped|code_bytes|bytes_code):(\d+)")


def _check_code_bytes(record: Path, sub: dict | None, findings: list[Finding]) -> None:
    """The code bytes counted three ways must agree: the files, submission.json bytes_code, every log's count
    (a shipped file changed after its runs, or a submission.json from another cut, shows here)."""
    try:
        code = sum(code_bytes(record / SCRIPT_NAME).values())
    except RecordFileError:
        return  # the size check names it
    claims = [("submission.json bytes_code", sub["bytes_code"])] if sub and "bytes_code" in sub else []
    for path in seed_logs(record):
        for n, line in enumerate(Path(path).read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            claims += [(f"{Path(path).name}:{n} {m[1]}", int(m[2])) for m in _LOGGED_CODE.finditer(line)]
    wrong = [f"{where}: {value}" for where, value in claims if value != code]
    if wrong:
        findings.append(Finding("error", "code_bytes", f"the code files hold {code} bytes; "
                                                       f"{len(wrong)} count(s) differ: {'; '.join(wrong[:5])}"))
    elif claims:
        findings.append(Finding("ok", "code_bytes", f"{code} bytes: the files, "
                                                    f"{' and '.join(sorted({w.split(':')[0] for w, _ in claims}))} agree"))


def _cap_finding(total: int, cap: int, what: str) -> Finding:
    ok = total <= cap
    return Finding("ok" if ok else "error", "size",
                   f"bytes_total:{total} cap:{cap} ok:{str(ok).lower()} ({what})")


def _check_agreement(record: Path, sub: dict, scores: list[SeedScore], tolerance: float,
                     findings: list[Finding]) -> None:
    path = record / "submission.json"
    if _is_number(sub.get("val_bpb")):
        mean = float(np.mean([s.score.val_bpb for s in scores]))
        diff = float(sub["val_bpb"]) - mean
        ok = abs(diff) <= tolerance
        findings.append(Finding("ok" if ok else "error", "agreement",
                                f"submission val_bpb:{sub['val_bpb']} vs mean of {len(scores)} seed logs "
                                f"val_bpb:{mean:.8f} diff:{diff:+.2e} tolerance:{tolerance:g}"))
    logged = [s.log.size.value for s in scores if s.log.size is not None]
    if isinstance(sub.get("bytes_total"), int) and logged:
        ok = sub["bytes_total"] == max(logged)
        findings.append(Finding("ok" if ok else "error", "agreement",
                                f"submission bytes_total:{sub['bytes_total']} vs largest logged "
                                f"size:{max(logged)} (all: {logged})"))
    for seed, entry in (sub.get("seed_results") or {}).items():
        match = [s for s in scores if s.label == str(seed)]
        if not match:
            findings.append(Finding("error", "agreement", f"{path}: seed_results has seed {seed} "
                                                          "without a train_seed log"))
            continue
        logged_bpb = match[0].score.val_bpb
        ok = _is_number(entry.get("val_bpb")) and abs(entry["val_bpb"] - logged_bpb) <= tolerance
        findings.append(Finding("ok" if ok else "error", "agreement",
                                f"seed {seed}: submission val_bpb:{entry.get('val_bpb')} vs log "
                                f"val_bpb:{logged_bpb} at {match[0].score.source.where()}"))


# ---------------------------------------------------------------- what the seed logs say about their runs

# The flagship's log opens with `run_id:<id> ... device:<type> world_size:<n> ...` and prints every setting as
# `hp:NAME=<repr> unit:<text>`; an EXPORT_FROM run names the run whose weights it exported
# (`export_from:<path> trained_by run_id:<id> seed:<seed> ...`). Public logs have none of these lines.
_RUN_ID_LINE = re.compile(r"^run_id:(\S*)")
_HP_LINE = re.compile(r"^hp:([A-Za-z_]\w*)=(.*?)(?: unit:.*)?$")
_TRAINED_BY = re.compile(r"\btrained_by run_id:(\S*) seed:(\S+)")
_DEVICE = re.compile(r"(?<![\w])device:(\S+)")
NOT_A_SCORE = "VAL_TOKENS_LIMIT: not a challenge score"  # what the flagship's val_tokens line adds
# Settings the seeds of one record may differ in: the seed, the run's name and where its files are. Any other
# difference makes the mean a mean over different models.
PER_RUN_SETTINGS = ("SEED", "RUN_ID", "DATA_PATH", "TOKENIZER_PATH", "OUT_DIR", "EXPORT_FROM")
ARTIFACT_PREFIX = b"PGOLF\x00"  # train_gpt.py's ARTIFACT_MAGIC up to its format byte


@dataclass
class RunFacts:
    """What one seed log says about the run (or runs) it holds; line numbers are 1-based."""
    name: str  # the log's file name
    run_ids: list = field(default_factory=list)  # (line, id) of every `run_id:` line: one per run
    settings: dict = field(default_factory=dict)  # NAME -> value as logged (the repr), first occurrence
    repeated: dict = field(default_factory=dict)  # NAME -> the other values a later `hp:NAME=` line gave
    trained_by: tuple | None = None  # (run_id, seed) of the weights an EXPORT_FROM run exported
    cpu_line: int | None = None  # the `run_id:` line saying device:cpu
    limit_line: int | None = None  # the first line saying VAL_TOKENS_LIMIT > 0 (not a challenge score)

    def identities(self) -> set[tuple[str, str]]:
        """The (run_id, seed) an artifact of this log's run records: the run's own, or the trained run's."""
        out = {(rid, self.settings["SEED"]) for _, rid in self.run_ids[:1] if "SEED" in self.settings}
        return out | ({self.trained_by} if self.trained_by else set())


def run_facts(path: str | Path) -> RunFacts:
    path = Path(path)
    facts = RunFacts(path.name)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return facts  # the log check names an unreadable log
    for n, line in enumerate(text.splitlines(), 1):
        if (m := _RUN_ID_LINE.match(line)) is not None:
            facts.run_ids.append((n, m[1]))
            device = _DEVICE.search(line)
            if device is not None and device[1] == "cpu" and facts.cpu_line is None:
                facts.cpu_line = n
        elif (m := _HP_LINE.match(line)) is not None:
            if m[1] == "VAL_TOKENS_LIMIT" and m[2] != "0" and facts.limit_line is None:
                facts.limit_line = n  # the setting itself, should the val_tokens line not say it
            if m[1] not in facts.settings:
                facts.settings[m[1]] = m[2]
            elif m[2] != facts.settings[m[1]]:
                facts.repeated.setdefault(m[1], []).append(m[2])
        elif (m := _TRAINED_BY.search(line)) is not None and facts.trained_by is None:
            facts.trained_by = (m[1], m[2])
        if NOT_A_SCORE in line and facts.limit_line is None:
            facts.limit_line = n
    return facts


def config_errors(runs: list[RunFacts]) -> list[str]:
    """Why the seed logs are not runs of one configuration, one message each (empty when they are): a log
    holding two runs, a setting logged twice with two values, a setting that differs between the logs."""
    errors = [f"{r.name}: {len(r.run_ids)} runs in one log (`run_id:` at lines "
              f"{', '.join(str(n) for n, _ in r.run_ids)}): one seed log must hold one run" for r in runs
              if len(r.run_ids) > 1]
    errors += [f"{r.name}: hp:{name} logged with two values ({r.settings[name]}, {', '.join(others)})"
               for r in runs for name, others in r.repeated.items()]
    logged = [r for r in runs if r.settings]
    if logged and len(logged) < len(runs):
        errors.append(f"{', '.join(r.name for r in runs if not r.settings)} log(s) no settings (hp: lines), "
                      f"{', '.join(r.name for r in logged)} do: not runs of one script")
        return errors
    names = sorted({n for r in logged for n in r.settings} - set(PER_RUN_SETTINGS))
    for name in names:
        by_value: dict[str, list[str]] = {}
        for r in logged:
            by_value.setdefault(r.settings.get(name, "(not logged)"), []).append(r.name)
        if len(by_value) > 1:
            shown = "; ".join(f"{value} in {', '.join(logs)}" for value, logs in by_value.items())
            errors.append(f"hp:{name} differs between the seed logs: {shown} (the seeds of a record run one "
                          f"configuration; only {', '.join(PER_RUN_SETTINGS)} may differ)")
    return errors


def not_a_claim_reasons(runs: list[RunFacts]) -> list[str]:
    """Why the seed logs cannot back a leaderboard claim, one reason each with the lines that say it."""
    reasons = []
    for what, attr in ((NOT_A_SCORE, "limit_line"), ("device:cpu", "cpu_line")):
        where = [f"{r.name}:{getattr(r, attr)}" for r in runs if getattr(r, attr) is not None]
        if where:
            reasons.append(f"{what} ({', '.join(where)})")
    return reasons


def artifact_run(path: str | Path) -> tuple[tuple[str, str] | None, str]:
    """((run_id, seed), "") from the header of the flagship's artifact, read without running record code (the
    format of train_gpt.py's read_artifact: magic, uint32 LE header length, JSON header); (None, why) for a
    file that records no run (another format, e.g. a public record's, or a header without those keys)."""
    path = Path(path)
    with open(path, "rb") as f:
        head = f.read(12)
        if len(head) < 12 or head[:6] != ARTIFACT_PREFIX:
            return None, "not the flagship's artifact format (no PGOLF magic)"
        (length,) = struct.unpack("<I", head[8:12])
        if length > path.stat().st_size - 12:
            return None, f"header length {length} runs past the end of the file"
        raw = f.read(length)
    try:
        header = json.loads(raw.decode("utf-8"))
    except ValueError:
        return None, "its header is not JSON"
    if not isinstance(header, dict) or header.get("run_id") in (None, "") or header.get("seed") is None:
        return None, f"its header (format {head[6]}) records no run_id and seed"
    return (str(header["run_id"]), str(header["seed"])), ""


def artifact_run_finding(artifact: Path, runs: list[RunFacts]) -> Finding:
    """Whether the artifact was made by one of the seed logs' runs (its header's run_id and seed): an error
    naming both when not, a warning when the file records no run."""
    made_by, why = artifact_run(artifact)
    if made_by is None:
        return Finding("warn", "artifact_run", f"{artifact}: {why}: which run made it is not checked")
    match = [r.name for r in runs if made_by in r.identities()]
    if match:
        return Finding("ok", "artifact_run", f"{artifact.name} was made by run_id:{made_by[0]} "
                                             f"seed:{made_by[1]} ({', '.join(match)})")
    logged = "; ".join(f"{r.name} " + (", ".join(f"run_id:{i} seed:{s}" for i, s in sorted(r.identities()))
                                       or "no run_id/hp:SEED") for r in runs)
    return Finding("error", "artifact_run", f"{artifact}: header says run_id:{made_by[0]} seed:{made_by[1]}, "
                                            f"which matches no seed log ({logged or 'none'}): another run's "
                                            "artifact")


def _check_runs(runs: list[RunFacts], findings: list[Finding]) -> None:
    errors = config_errors(runs)
    findings += [Finding("error", "config", e) for e in errors]
    if errors or not runs:
        return
    if any(r.settings for r in runs):
        same = f"one configuration (every hp: setting equal but {', '.join(PER_RUN_SETTINGS)})"
        findings.append(Finding("ok", "config", f"{len(runs)} seed logs, one run each, {same}"))
    else:
        findings.append(Finding("warn", "config", "the seed logs print no settings (hp: lines): that they "
                                                  "ran one configuration is not checked"))


def _check_claim(record: Path, sub: dict | None, runs: list[RunFacts], findings: list[Finding]) -> None:
    """Logs of a limited val set or of a CPU are no leaderboard claim: said as a warning, an error when
    submission.json claims a spot anyway."""
    reasons = not_a_claim_reasons(runs)
    if not reasons:
        return
    claim = sub.get("leaderboard_claim") if sub is not None else None
    said = (f", yet {record / 'submission.json'} says leaderboard_claim: true" if claim is True
            else " (submission.json: leaderboard_claim false)" if claim is False else "")
    findings.append(Finding("error" if claim is True else "warn", "claim",
                            f"not a leaderboard claim: the seed logs say {'; '.join(reasons)}{said}"))


def _check_artifact_run(record: Path, runs: list[RunFacts], findings: list[Finding]) -> None:
    if not (record / SCRIPT_NAME).is_file():
        return
    try:
        name = artifact_name(record / SCRIPT_NAME)
    except RecordFileError:
        return  # the size check names it
    if name and record.resolve() in (record / name).resolve().parents and (record / name).is_file():
        findings.append(artifact_run_finding(record / name, runs))


# ---------------------------------------------------------------- packaging


@dataclass(frozen=True)
class PackageSpec:
    run_dir: Path  # holds train_gpt.py (+ CODE_FILES) and train_seed*.log
    out_dir: Path
    name: str
    author: str
    github_id: str
    blurb: str
    hardware: str
    # True: a claim; False: said not to be one; None: not said (fine for challenge runs, refused for logs that
    # say they are not: VAL_TOKENS_LIMIT or device:cpu). submission.json records False for None.
    leaderboard_claim: bool | None = None
    date: str | None = None  # ISO date; default today (UTC)
    artifact: Path | None = None  # copied in under ARTIFACT_NAME when given
    family: str = "auto"
    force: bool = False
    # README sections written by the record cutter instead of the TODO placeholders:
    # "what_changed", "how_to_run", "significance" (markdown text each)
    readme_sections: dict | None = None


def build_submission(spec: PackageSpec, scores: list[SeedScore], bytes_code: int) -> dict:
    """submission.json contents computed from the seed logs."""
    missing = [s.log.path for s in scores if s.log.size is None]
    if missing:
        raise PackageError(f"no `Total submission size ...: N bytes` line in {missing}")
    bpb = [s.score.val_bpb for s in scores]
    loss = [s.score.val_loss for s in scores]
    std = (lambda xs: float(np.std(xs, ddof=1)) if len(xs) > 1 else None)
    return {
        "name": spec.name,
        "github_id": spec.github_id,
        "author": spec.author,
        "date": spec.date or _dt.datetime.now(_dt.timezone.utc).date().isoformat(),
        "blurb": spec.blurb,
        "hardware": spec.hardware,
        "leaderboard_claim": bool(spec.leaderboard_claim),
        "val_bpb": float(np.mean(bpb)),
        "val_bpb_std": std(bpb),
        "val_loss": float(np.mean(loss)),
        "val_loss_std": std(loss),
        "bytes_total": max(s.log.size.value for s in scores),
        "bytes_code": bytes_code,
        "score_family": scores[0].score.family,
        "score_key": scores[0].score.key,
        "seeds": [s.seed if s.seed is not None else s.label for s in scores],
        "seed_results": {
            s.label: {"val_loss": s.score.val_loss, "val_bpb": s.score.val_bpb,
                      "bytes_total": s.log.size.value, "log": Path(s.log.path).name,
                      "line": s.score.source.line_no}
            for s in scores
        },
    }


def readme_text(sub: dict, sections: dict | None = None, packages: tuple[list, list] | None = None) -> str:
    rows = "\n".join(f"| {seed} | {r['val_loss']:.8f} | {r['val_bpb']:.8f} | {r['bytes_total']:,} |"
                     for seed, r in sub["seed_results"].items())
    std = f" (std {sub['val_bpb_std']:.5f})" if sub["val_bpb_std"] is not None else ""
    sections = {"how_to_run": "```\nSEED=1337 torchrun --standalone --nproc_per_node=8 train_gpt.py\n```",
                "what_changed": "TODO: what this record changes, and why it helps.",
                "significance": "TODO: paste `python scripts/compare_seeds.py <this folder> --ref <standing record>`.",
                **(sections or {})}
    required, optional = packages or ([], [])
    deps = ", ".join(required) + (f" (optional: {', '.join(optional)})" if optional else "")
    return f"""# {sub['name']}

{sub['blurb']}

**val_bpb {sub['val_bpb']:.5f}**{std} over {len(sub['seed_results'])} seeds; score lines
`{sub['score_key']}` ({sub['score_family']} family) of the seed logs, every target scored once.

| seed | val_loss | val_bpb | bytes_total |
|---|---|---|---|
{rows}

- Author: {sub['author']} (@{sub['github_id']}), {sub['date']}
- Hardware: {sub['hardware']}
- Size: {sub['bytes_total']:,} bytes (largest seed) of the 16,000,000-byte cap; code {sub['bytes_code']:,} bytes
- Leaderboard claim: {'yes' if sub['leaderboard_claim'] else 'no'}
- Python packages the script imports: {deps or 'none found'}

## How to run

{sections['how_to_run']}

## What changed

{sections['what_changed']}

## Significance

{sections['significance']}
"""


def package_record(spec: PackageSpec, warn=None) -> Path:
    """Build the record folder next to its destination, then move it into place in one rename.

    Refused before anything is written (PackageError naming the logs): seed logs that are not runs of one
    configuration (config_errors), an --artifact whose header names a run none of the logs is, logs of a
    limited val set or a CPU unless the spec says the record claims nothing. `warn(text)` is told what could
    not be checked (default: printed to stderr)."""
    run_dir, out = Path(spec.run_dir), Path(spec.out_dir)
    script = run_dir / SCRIPT_NAME
    if not script.is_file():
        raise PackageError(f"{script}: not found")
    if out.exists() and not spec.force:
        raise PackageError(f"{out}: already exists (pass --force to replace it)")
    logs = [parse_log(p) for p in seed_logs(run_dir)]
    if not logs:
        raise PackageError(f"{run_dir}: no train_seed*.log")
    try:
        scores = seed_scores(logs, spec.family)
        files = code_files(script)
        shipped = shipped_form(script)
    except (LogParseError, RecordFileError) as exc:
        raise PackageError(str(exc)) from None
    _check_package_runs(spec, [run_facts(log.path) for log in logs], warn or _warn_stderr)
    code = sum(p.stat().st_size for p in files) + (len(shipped[0]) - script.stat().st_size if shipped else 0)
    sub = build_submission(spec, scores, code)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        _fill(tmp, run_dir, script, files, logs, sub, spec, shipped)
        _move_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def _warn_stderr(text: str) -> None:
    print(f"warning: {text}", file=sys.stderr)


def _check_package_runs(spec: PackageSpec, runs: list[RunFacts], warn) -> None:
    """The checks check_record makes of the runs, as refusals: a record is not written from such logs."""
    errors = config_errors(runs)
    if errors:
        raise PackageError("the seed logs are not runs of one configuration: " + "; ".join(errors))
    if spec.artifact is not None:
        art = Path(spec.artifact)
        if not art.is_file():
            raise PackageError(f"{art}: artifact not found")
        found = artifact_run_finding(art, runs)
        if found.level == "error":
            raise PackageError(found.message)
        if found.level == "warn":
            warn(found.message)
    reasons = not_a_claim_reasons(runs)
    if reasons and spec.leaderboard_claim is True:
        raise PackageError("--leaderboard-claim, but the seed logs are no challenge runs: "
                           + "; ".join(reasons))
    if reasons and spec.leaderboard_claim is None:
        raise PackageError(f"the seed logs are no challenge runs ({'; '.join(reasons)}): pass "
                           "--no-leaderboard-claim to package a record that claims no leaderboard spot")


def shipped_form(script: Path) -> tuple[bytes, bytes] | None:
    """(self-extracting train_gpt.py, readable source) when the script ships itself compressed (it defines
    `self_extracting`, as the flagship does); None to ship it as it is."""
    if shipped_source(script) is not None:  # already shipped: keep it and its readable copy
        return script.read_bytes(), (script.parent / READABLE_NAME).read_bytes()
    try:
        module = load_record_module(script)
    except RecordInterfaceError:
        return None  # not a record interface script: shipped as it is
    make = getattr(module, "self_extracting", None)
    if make is None:
        return None
    source = script.read_bytes()
    return make(source), source


def _fill(tmp: Path, run_dir: Path, script: Path, files, logs, sub: dict, spec: PackageSpec,
          shipped: tuple[bytes, bytes] | None = None) -> None:
    root = run_dir.resolve()
    for path in files:
        dest = tmp / path.relative_to(root)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
    if shipped is not None:  # train_gpt.py runs as its readable twin, which sits beside it for people
        atomic_write_bytes(tmp / SCRIPT_NAME, shipped[0])
        atomic_write_bytes(tmp / READABLE_NAME, shipped[1])
    for log in logs:
        shutil.copy2(log.path, tmp / Path(log.path).name)
    if spec.artifact is not None:
        art = Path(spec.artifact)
        if not art.is_file():
            raise PackageError(f"{art}: artifact not found")
        shutil.copy2(art, tmp / (artifact_name(script) or art.name))
    write_json(tmp / "submission.json", sub)
    readme = readme_text(sub, spec.readme_sections, third_party_imports(script))
    atomic_write_bytes(tmp / "README.md", readme.encode("utf-8"))
    os.chmod(tmp, 0o755)  # mkdtemp makes it 0700


def _move_into_place(tmp: Path, out: Path) -> None:
    if not out.exists():
        os.rename(tmp, out)
        return
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    os.rename(out, old)  # --force: keep the old folder until the new one is in place
    try:
        os.rename(tmp, out)
    except BaseException:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def preset_expansion(settings: dict[str, str], hyperparameters_cls) -> tuple[str, str, list[str]] | None:
    """(preset, neutral preset, the env names its table sets that `settings` does not) when the PRESET a
    record would bake (settings' PRESET, else the class default) has a non-empty table; None otherwise (or for
    a script without PRESETS). A record's from_env applies its PRESET's table over the class defaults, so
    bake_defaults writes that table's values as defaults and PRESET as the preset with the empty table."""
    import sys

    from eval.settings import setting_fields

    presets = getattr(sys.modules.get(hyperparameters_cls.__module__), "PRESETS", None)
    field = setting_fields(hyperparameters_cls).get("PRESET")
    if not isinstance(presets, dict) or field is None:
        return None
    preset = settings.get("PRESET", field.default)
    if not presets.get(preset):  # the empty table (or an unknown name: from_env's own check refuses it)
        return None
    neutral = [name for name, table in presets.items() if not table]
    if not neutral:
        raise PackageError(f"PRESET={preset}: its table cannot be baked: no preset with an empty table to "
                           "bake PRESET back to")
    return preset, neutral[0], [env for env in presets[preset] if env not in settings]


def _load_baked(script_text: str):
    """The Hyperparameters class of `script_text`, imported from a temporary train_gpt.py as eval/loader.py
    loads records (the module is dropped from sys.modules again: nothing else may pick it up)."""
    import sys

    with tempfile.TemporaryDirectory(prefix="baked-") as tmp:
        script = Path(tmp) / SCRIPT_NAME
        script.write_text(script_text)
        try:
            module = load_record_module(script)
        except RecordInterfaceError as exc:
            raise PackageError(f"the baked script does not load: {exc}") from None
        sys.modules.pop(module.__name__, None)
    return module.Hyperparameters


def _baked_differences(baked_cls, hyperparameters_cls, settings: dict[str, str], run_env: dict[str, str],
                       skip: set[str]) -> list[str]:
    """'ENV: record runs X, wanted Y' for each setting where the baked script given only `run_env` differs
    from the script it was baked from given the baked settings with `run_env` on top."""
    from eval.settings import setting, setting_fields

    want = hyperparameters_cls.from_env({**settings, **run_env})  # a bad run_env value: its own error
    try:
        got = baked_cls.from_env(dict(run_env))
    except ValueError as exc:
        return [f"the baked script refuses its defaults: {exc}"]
    out = []
    for env, f in setting_fields(hyperparameters_cls).items():
        if env in skip:
            continue
        a, b = setting(got, f.name, None), setting(want, f.name, None)
        if a != b or type(a) is not type(b):
            out.append(f"{env}: the record runs {a!r}, wanted {b!r}")
    return out


def bake_defaults(script_text: str, settings: dict[str, str], hyperparameters_cls,
                  run_env: dict[str, str] | None = None) -> str:
    """`script_text` with the defaults of the named env vars replaced by `settings` (a record's variant).

    Each setting must name one field of the record interface's Hyperparameters, written
    `name: type = _hp(<default>, "unit", ...)` (or _model / _eval; the env var is the name in capitals or
    env="..."; in one class or, since 2026-12-06, in its stage configs) or, in scripts before 2026-12-05,
    `_hp(<default>, "ENV", ...)`; the value is parsed and
    validated by that class first, so a bad value fails here, not in a record.

    A PRESET with a table (settings' or the class default's) is expanded: from_env applies the table over
    the class defaults, so a baked value it also sets would be replaced at run time (probe F21). Its values
    are baked as defaults (the settings' win over the table's) and PRESET as the preset with the empty table.
    Then, always, the baked script is imported and its from_env({}) (and from_env(run_env), given the env
    its runs get) must give every setting the value the unbaked class gives `settings` (with run_env on top);
    PackageError names each that differs.
    """
    import re

    from eval.settings import setting, setting_fields

    fields = setting_fields(hyperparameters_cls)  # flat or staged (eval/settings.py)
    unknown = sorted(set(settings) - set(fields))
    if unknown:
        raise PackageError(f"unknown setting(s) {unknown}: not env vars of Hyperparameters")
    hp = hyperparameters_cls.from_env(dict(settings))  # raises ValueError naming a bad variable
    expansion = preset_expansion(settings, hyperparameters_cls)
    values = {env: setting(hp, fields[env].name) for env in settings}
    if expansion is not None:
        preset, neutral, from_table = expansion
        for env in from_table:  # a table value equal to its default changes nothing: not rewritten
            if (value := setting(hp, fields[env].name)) != fields[env].default:
                values[env] = value
        values.pop("PRESET", None)  # a script whose default is already the neutral one keeps its line
        if fields["PRESET"].default != neutral:
            values["PRESET"] = neutral
    for env, value in values.items():
        name = fields[env].name
        pattern = re.compile(r'(\n    %s: [^=\n]+ = _(?:hp|model|eval)\()(.+?)(, ")' % re.escape(name))
        if not pattern.search(script_text):  # the older form, the env var spelled out
            pattern = re.compile(r'(_hp\()(.+?)(, "%s",)' % re.escape(env))
        if len(pattern.findall(script_text)) != 1:
            raise PackageError(f"{env}: expected exactly one `{name}: ... = _hp(<default>, ...)` in the file")
        script_text = pattern.sub(lambda m: m.group(1) + repr(value) + m.group(3), script_text)
    baked_cls = _load_baked(script_text)
    for env in [{}] + ([run_env] if run_env else []):
        # PRESET itself differs once expanded (its table is in the defaults now), unless the runs set it
        skip = {"PRESET"} if expansion is not None and "PRESET" not in env else set()
        given = f"run with {', '.join(f'{k}={v}' for k, v in env.items())}" if env else "run with no env"
        try:
            differ = _baked_differences(baked_cls, hyperparameters_cls, settings, env, skip)
        except ValueError as exc:  # the runs' env on top of valid settings: refused before anything runs
            raise PackageError(f"the settings, {given}, are refused: {exc}") from None
        if differ:
            raise PackageError(f"the baked script, {given}, would not run the settings it records: "
                               + "; ".join(differ))
    return script_text
