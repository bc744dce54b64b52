"""Parse training logs by line family, and say which line each number came from.

Log formats drift from record to record, so lines are read by pattern, not by exact name:

    score   `<key> val_loss:X val_bpb:Y [k:v ...]`  e.g. final_int6_sliding_window_exact,
            legal_ttt_exact, final_int6_roundtrip_exact, quantized_ttt_phased ... eval_time:Nms
    step    `step:N/M val_loss:.. val_bpb:.. train_time:..ms step_avg:..ms` (and `step:N/M train_loss:..`);
            later public logs drop the `step:` and put a space after colons: `N/M train_loss: X
            train_time: 4.4m tok/s: ..`, `N/M val_loss: X val_bpb: Y` (read into the same values);
            `stopping_early: wallclock_cap train_time:Nms step:N/M` (either spacing) is the step line
            of the end of training, with its train_time
    size    `Total submission size <anything>: N bytes`
    memory  `peak memory allocated: N MiB`

A score key's family is "ttt" (key contains "ttt"), "sliding" ("sliding"), "roundtrip"
("roundtrip") or "other". Within a family a key ending in "_exact" beats one that does not (public
logs print a rounded line and an exact one), then the last line wins. The headline score of a log is
its ttt line if any, else sliding, else roundtrip, else other. Every parsed value keeps its file,
line number and text, so a report can show what it took.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

FAMILIES = ("ttt", "sliding", "roundtrip", "other")  # headline preference, best first
SEED_LOG_GLOB = "train_seed*.log"

_NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_KV = r"[A-Za-z_]\w*:\S+"
_SCORE_RE = re.compile(rf"(?<![\w.+\-])(?P<key>[A-Za-z][\w.+\-]*)\s+(?P<kvs>{_KV}(?:\s+{_KV})*)")
_STEP_RE = re.compile(r"(?<![\w])step:(?P<step>\d+)/(?P<total>\d+)(?P<rest>.*)$")
# Anchored at the line start and followed by a metric: a bare "N/M" elsewhere (phase:1/3) is no step line.
_BARE_STEP_RE = re.compile(r"^\s*(?P<step>\d+)/(?P<total>\d+)\s+(?P<rest>(?:train_loss|val_loss|val_bpb):.*)$")
_STOP_RE = re.compile(r"(?<![\w])stopping_early:.*?\btrain_time:\s*(?P<time>\S+)"
                      r".*?\bstep:\s*(?P<step>\d+)/(?P<total>\d+)")
_SPACED_KV_RE = re.compile(r"([A-Za-z_]\w*):\s+(?=\S)")
_DURATION_RE = re.compile(rf"^(?P<n>{_NUM})\s*(?P<unit>ms|s|m|min|h)?$")
_MS_PER_UNIT = {"ms": 1.0, "s": 1e3, "m": 6e4, "min": 6e4, "h": 3.6e6}
_SIZE_RE = re.compile(r"Total submission size(?P<what>[^:\n]*):\s*(?P<n>\d+)\s*bytes")
_CODE_RE = re.compile(r"Code size:\s*(?P<n>\d+)\s*bytes")
_PEAK_RE = re.compile(r"peak memory allocated:\s*(?P<n>\d+)\s*MiB")
_SEED_RE = re.compile(r"train_seed(?P<seed>\d+)")
_LEAD_NUM_RE = re.compile(rf"^{_NUM}")


class LogParseError(ValueError):
    """A log without the lines asked for; the message names the file."""


def number(text: str) -> float | None:
    """The leading number of a value such as '409123ms' or '1.2345', else None."""
    m = _LEAD_NUM_RE.match(text)
    return float(m.group(0)) if m else None


def duration_ms(text: str) -> float | None:
    """A logged duration in ms: '600012ms', '4.4m' (later public train_time), '596.1s'; a bare number is ms."""
    m = _DURATION_RE.match(text.strip())
    return float(m.group("n")) * _MS_PER_UNIT[m.group("unit") or "ms"] if m else None


def parse_kvs(text: str) -> dict[str, str]:
    return dict(kv.split(":", 1) for kv in re.findall(_KV, text))


@dataclass(frozen=True)
class Source:
    path: str
    line_no: int  # 1-based
    text: str

    def where(self) -> str:
        return f"{self.path}:{self.line_no}"


@dataclass(frozen=True)
class ScoreLine:
    key: str
    family: str
    val_loss: float
    val_bpb: float
    extras: dict
    source: Source


@dataclass(frozen=True)
class StepLine:
    step: int
    total: int
    values: dict
    source: Source


@dataclass(frozen=True)
class IntLine:
    value: int
    label: str
    source: Source


@dataclass
class LogSummary:
    path: str
    seed: int | None
    scores: list[ScoreLine] = field(default_factory=list)
    steps: list[StepLine] = field(default_factory=list)
    size: IntLine | None = None
    code_size: IntLine | None = None
    peak_memory_mib: IntLine | None = None

    def family(self, name: str) -> ScoreLine | None:
        """The line a family (or, for any other name, an exact key) is read from:
        '_exact' keys first, then the last one."""
        if name in FAMILIES:
            lines = [s for s in self.scores if s.family == name]
        else:
            lines = [s for s in self.scores if s.key == name]
        exact = [s for s in lines if s.key.endswith("_exact")]
        pick = exact or lines
        return pick[-1] if pick else None

    def headline(self) -> ScoreLine | None:
        for name in FAMILIES:
            line = self.family(name)
            if line is not None:
                return line
        return None

    def last_val_step(self) -> StepLine | None:
        val_steps = [s for s in self.steps if "val_bpb" in s.values]
        return val_steps[-1] if val_steps else None

    def last_step(self) -> StepLine | None:
        return self.steps[-1] if self.steps else None

    def to_dict(self) -> dict:
        out = {"path": self.path, "seed": self.seed}
        out["families"] = {n: asdict(s) for n in FAMILIES if (s := self.family(n)) is not None}
        head = self.headline()
        out["headline"] = asdict(head) if head else None
        for name in ("size", "code_size", "peak_memory_mib"):
            value = getattr(self, name)
            out[name] = asdict(value) if value else None
        last = self.last_step()
        out["last_step"] = asdict(last) if last else None
        return out


def family_of(key: str) -> str:
    k = key.lower()
    if "ttt" in k:
        return "ttt"
    if "sliding" in k:
        return "sliding"
    if "roundtrip" in k:
        return "roundtrip"
    return "other"


def seed_of(path: str | Path) -> int | None:
    m = _SEED_RE.search(Path(path).name)
    return int(m.group("seed")) if m else None


def _score(line: str, src: Source) -> ScoreLine | None:
    for m in _SCORE_RE.finditer(line):
        kvs = parse_kvs(m.group("kvs"))
        loss, bpb = number(kvs.get("val_loss", "")), number(kvs.get("val_bpb", ""))
        if loss is not None and bpb is not None:
            extras = {k: v for k, v in kvs.items() if k not in ("val_loss", "val_bpb")}
            key = m.group("key")
            return ScoreLine(key, family_of(key), loss, bpb, extras, src)
    return None


def parse_lines(lines, path: str = "<log>", seed: int | None = None) -> LogSummary:
    summary = LogSummary(path=str(path), seed=seed)
    for i, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n")
        src = Source(str(path), i, line.strip())
        if (m := _STOP_RE.search(line)) is not None:  # before _STEP_RE: its train_time precedes "step:"
            summary.steps.append(StepLine(int(m.group("step")), int(m.group("total")),
                                          {"train_time": m.group("time")}, src))
            continue
        if (m := _STEP_RE.search(line)) is not None:
            summary.steps.append(StepLine(int(m.group("step")), int(m.group("total")),
                                          parse_kvs(m.group("rest")), src))
            continue
        if (m := _BARE_STEP_RE.match(line)) is not None:
            rest = _SPACED_KV_RE.sub(r"\1:", m.group("rest"))  # "train_loss: 2.6" -> "train_loss:2.6"
            summary.steps.append(StepLine(int(m.group("step")), int(m.group("total")), parse_kvs(rest), src))
            continue
        if (m := _SIZE_RE.search(line)) is not None:
            summary.size = IntLine(int(m.group("n")), m.group("what").strip(), src)
            continue
        if (m := _CODE_RE.search(line)) is not None:
            summary.code_size = IntLine(int(m.group("n")), "code", src)
            continue
        if (m := _PEAK_RE.search(line)) is not None:
            summary.peak_memory_mib = IntLine(int(m.group("n")), "allocated", src)
            continue
        if (score := _score(line, src)) is not None:
            summary.scores.append(score)
    return summary


def parse_log(path: str | Path) -> LogSummary:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise LogParseError(f"{path}: cannot read log ({exc.strerror})") from None
    return parse_lines(text.splitlines(), path=str(path), seed=seed_of(path))


def seed_logs(record_dir: str | Path) -> list[Path]:
    """The record's train_seed*.log files, sorted by seed number then name."""
    paths = list(Path(record_dir).glob(SEED_LOG_GLOB))
    return sorted(paths, key=lambda p: (seed_of(p) is None, seed_of(p) or 0, p.name))


def parse_record_logs(record_dir: str | Path) -> list[LogSummary]:
    return [parse_log(p) for p in seed_logs(record_dir)]


def headline_or_raise(summary: LogSummary, family: str | None = None) -> ScoreLine:
    """The score line a comparison uses: the headline, a family or an exact key; error naming the file."""
    line = summary.headline() if family in (None, "auto") else summary.family(family)
    if line is None:
        want = "`<key> val_loss:X val_bpb:Y` score line" if family in (None, "auto") else (
            f"{family!r} score line")
        raise LogParseError(f"{summary.path}: no {want} found")
    return line
