"""README, docs, CI and the demo agree: the test command CI runs is the README's, the demo settings match,
README stays a short guide, and every setting, link and repo path the documentation names is real."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.rehearsal import HANG_S

ROOT = Path(__file__).resolve().parents[1]
README_MAX_LINES, README_MAX_CHARS = 200, 110
# The user's guide and the pages the research notes moved to (issue 28): what the checks below read.
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Each folder's own guide: its links must resolve too.
FOLDER_DOCS = [ROOT / p for p in ("data/README.md", "scripts/README.md", "records/README.md",
                                   "eval/INTERFACE.md")]


def readme_commands() -> list[str]:
    """The first ```bash block's commands, a line continued with a trailing backslash joined to the next."""
    text = (ROOT / "README.md").read_text()
    block = re.search(r"```bash\n(.*?)```", text, re.S).group(1)
    lines = [l for l in block.replace("\\\n", " ").splitlines() if l.strip() and not l.startswith("#")]
    return [" ".join(l.split()) for l in lines]


def test_ci_runs_the_readme_test_command():
    commands = readme_commands()
    assert len(commands) == 2, commands
    ci_lines = [l.strip() for l in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert commands[1] in ci_lines
    assert "python3 -m data.sample" in commands[0] and "bash scripts/demo_cpu.sh" in commands[0]


def test_demo_entry_point_runs_end_to_end(tmp_path, tiny_data):
    """`python train_gpt.py` as users launch it: trains, exports, reloads and prints the final lines."""
    env = {**os.environ, **tiny_data["env"], "ITERATIONS": "12", "TRAIN_LOG_EVERY": "4",
           "VAL_LOSS_EVERY": "6", "WARMUP_STEPS": "2", "OUT_DIR": str(tmp_path), "RUN_ID": "t",
           "TTT_ENABLED": "1", "EMA_DECAY": "0.5"}
    out = subprocess.run([sys.executable, str(ROOT / "train_gpt.py")], env=env, capture_output=True,
                         text=True, timeout=HANG_S, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    log = (tmp_path / "logs" / "t.txt").read_text()
    assert log == out.stdout
    for key in ("final_float_exact", "final_int6_roundtrip_exact", "final_int6_sliding_window_exact",
                "legal_ttt_exact", "Total submission size int6+ctx:", "fits:true", "hp:MATRIX_LR="):
        assert key in log, key
    vals = [float(v) for v in re.findall(r"step:\d+/12 val_loss:([\d.]+)", log)]
    assert len(vals) == 2 and vals[1] < vals[0]
    assert (tmp_path / "final_model.int6.ptz").is_file()


def flagship_settings(flagship) -> set[str]:
    """Every env name the flagship reads as a setting: the env metadata of each settings dataclass in the file
    (however many stages the settings are split into)."""
    classes = [c for c in vars(flagship).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
    names = {f.metadata["env"] for c in classes for f in dataclasses.fields(c) if "env" in f.metadata}
    assert "PRESET" in names and "DATA_PATH" in names, sorted(names)[:20]
    return names


@pytest.mark.parametrize("doc", DOCS + FOLDER_DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_settings_the_docs_name_are_real(flagship, doc):
    """Every `NAME=value` in README.md, docs/ and the folders' guides names a flagship setting (or one of the
    few other env vars the tools read), and every `PRESET=x` a preset, so the documentation cannot drift from
    the file."""
    others = {"MATCHED_FINEWEB_REPO_ID", "MATCHED_FINEWEB_REMOTE_ROOT_PREFIX", "PYTHONPATH", "HF_ENDPOINT",
              "HF_TOKEN", "TRITON_INTERPRET", "OMP_NUM_THREADS"}
    placeholders = {"NAME", "KEY"}  # `hp:NAME=value`, `--env KEY=VALUE`
    known = flagship_settings(flagship) | others | placeholders
    text = doc.read_text()
    named = set(re.findall(r"\b([A-Z][A-Z0-9_]{2,})=", text))
    assert not named - known, sorted(named - known)
    for value in re.findall(r"PRESET=(\w+)", text):
        assert value in flagship.PRESETS, value


def test_the_readme_names_settings_presets_and_its_install():
    """The README is a guide to running things: it names settings and both presets, and installs what CI
    installs (the torch pin and requirements-dev.txt)."""
    text = (ROOT / "README.md").read_text()
    assert re.findall(r"\b([A-Z][A-Z0-9_]{2,})=", text)
    assert "PRESET=frontier_0427" in text and "PRESET=record_0323" in text
    ci = (ROOT / ".ci" / "run").read_text()
    install = readme_commands()[0]
    for needed in ("torch==2.13.0", "-r requirements-dev.txt"):
        assert needed in install and needed in ci, needed


def test_readme_is_a_short_guide():
    """README.md is the user's guide (issue 28): at most 200 lines, none over 110 characters; research notes,
    method notes and measurement tables live in docs/."""
    lines = (ROOT / "README.md").read_text().splitlines()
    assert len(lines) <= README_MAX_LINES, len(lines)
    long = [(i, len(l)) for i, l in enumerate(lines, 1) if len(l) > README_MAX_CHARS]
    assert not long, long


def strip_code(text: str) -> str:
    """Markdown without fenced blocks and inline code spans (links there are examples, not links)."""
    text = re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.S | re.M)
    return re.sub(r"`[^`]*`", "", text)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, markup and punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return text.replace(" ", "-")


def anchors(md: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", md.read_text(), flags=re.S | re.M)
    return {slug(h) for h in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", text, re.M)}


def relative_links(md: Path) -> list[str]:
    """Inline `[text](target)` links and reference definitions `[id]: target`, web and mail links left out."""
    text = strip_code(md.read_text())
    found = re.findall(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)", text)
    found += re.findall(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", text, re.M)
    return [l for l in found if not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", l)]


def test_link_check_sees_a_broken_link_and_a_broken_anchor(tmp_path):
    """The checker below can fail: a missing file, a missing heading and a reference link are all read."""
    (tmp_path / "a.md").write_text("# Title here\n\n## The `x=1` part: ok\n")
    md = tmp_path / "b.md"
    md.write_text("[ok](a.md#the-x1-part-ok) [gone](nope.md) [bad](a.md#nowhere) `[code](x.md)`\n"
                  "[r]: a.md#title-here\n[web](https://example.com)\n")
    assert relative_links(md) == ["a.md#the-x1-part-ok", "nope.md", "a.md#nowhere", "a.md#title-here"]
    assert broken_links(md) == ["nope.md", "a.md#nowhere"]


def broken_links(md: Path) -> list[str]:
    bad = []
    for link in relative_links(md):
        path, _, anchor = link.partition("#")
        target = (md.parent / path).resolve() if path else md
        inside = target == ROOT or ROOT in target.parents or ROOT not in md.parents
        lost_anchor = anchor and target.suffix == ".md" and target.is_file() and anchor not in anchors(target)
        if not inside or not target.exists() or lost_anchor:
            bad.append(link)
    return bad


@pytest.mark.parametrize("doc", DOCS + FOLDER_DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(doc):
    """Every relative link in README.md, docs/ and the folders' guides points at a file or folder in this
    repository, and every #anchor into a Markdown file at one of its headings."""
    assert doc.is_file(), doc
    assert not broken_links(doc), broken_links(doc)


def repo_paths(md: Path) -> list[str]:
    """Words outside fenced blocks (in code spans or prose) that name a path under one of this repository's
    top-level folders; placeholders (<...>, *, ...), generated data and run outputs left out."""
    tops = "|".join(re.escape(p.name) for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith("."))
    text = re.sub(r"^```.*?^```", "", md.read_text(), flags=re.S | re.M)
    out = []
    for word in re.findall(rf"(?<![\w/.-])((?:{tops})/[^\s`\])\"',;]*)", text):
        word = word.partition("#")[0].rstrip(".:")  # an #anchor is test_every_relative_link_resolves' part
        if re.search(r"[<>*{}$]|\.\.\.", word) or word.startswith(("data/datasets/", "data/tokenizers/")):
            continue
        out.append(word)
    return sorted(set(out))


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_repo_paths_the_docs_name_exist(doc):
    """A file or folder that README.md or docs/ names (`scripts/demo_cpu.sh`, tests/test_doc_ttt.py, a
    results/ file), linked or not, exists: a moved or renamed file cannot leave the guide pointing nowhere."""
    named = repo_paths(doc)
    missing = [p for p in named if not (ROOT / p).exists()]
    assert not missing, missing
