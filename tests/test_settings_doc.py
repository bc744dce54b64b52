"""docs/settings.md is what scripts/settings_doc.py makes from train_gpt.py, and every setting has a reason:
adding a setting without its doc row, or a row without a Why, fails here (in-process, no training)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))
from eval_world import load_script  # noqa: E402

doc = load_script("settings_doc")
TEXT = doc.DOC.read_text()


def rows(text: str) -> dict[str, str]:
    return {doc.split_row(l)[0].strip("`"): l for l in text.splitlines() if l.startswith("| `")}


def check(capsys, path: Path) -> tuple[int, str]:
    code = doc.main(["--check", "--path", str(path)])
    return code, capsys.readouterr().err


def test_the_committed_doc_is_what_the_generator_makes(capsys):
    """Regenerating from the committed file changes nothing, and --check passes on it."""
    assert doc.render(doc.read_whys(TEXT)) == TEXT, "stale: run python3 scripts/settings_doc.py"
    assert check(capsys, doc.DOC) == (0, "")


def test_every_setting_has_a_unit_and_a_reason():
    fields = doc.train_gpt.Hyperparameters.fields()
    envs = [f.metadata["env"] for _, f in fields]
    assert list(rows(TEXT)) == envs  # one row each, in the code's order
    assert not [f.metadata["env"] for _, f in fields if not f.metadata["unit"].strip()]
    whys = doc.read_whys(TEXT)
    assert not [e for e in envs if not whys[e].strip()]


def test_the_generated_columns_come_from_the_code():
    """Default as the env spells it; the preset's value only where it differs (0.5 == 0.5 stays blank)."""
    table = {env: doc.split_row(line) for env, line in rows(TEXT).items()}
    assert table["VOCAB_SIZE"][1:3] == ["`1024`", "`8192`"]
    assert table["LN_SCALE"][1:3] == ["`1`", ""]  # a bool as its env value
    assert table["SPARSE_ATTN_GATE_SCALE"][1:3] == ["`0.5`", ""]  # the preset sets the default's value
    assert table["BYTE_PLAN"][3] == doc.train_gpt.RunConfig.__dataclass_fields__["byte_plan"].metadata["unit"]


@pytest.mark.parametrize("damage, why", [
    (lambda text: text.replace(rows(text)["MUON_WD"], rows(text)["MUON_WD"].rsplit("|", 2)[0] + "|  |"),
     "MUON_WD: no reason"),
    (lambda text: text.replace(rows(text)["TTT_PHASES"] + "\n", ""), "TTT_PHASES: no row"),
    (lambda text: text.replace("| Adam beta2 |", "| Adam's beta2 |"), "BETA2: its row differs"),
    (lambda text: text.replace(rows(text)["SEED"], rows(text)["SEED"] + "\n" + rows(text)["SEED"].replace(
        "`SEED`", "`SEED_OLD`")), "SEED_OLD: a row for a setting the code no longer has"),
])
def test_check_names_the_setting_that_is_wrong(tmp_path, capsys, damage, why):
    path = tmp_path / "settings.md"
    path.write_text(damage(TEXT))
    code, err = check(capsys, path)
    assert code == 1 and why in err, err


def test_regenerating_keeps_reasons_drops_the_gone_and_leaves_the_new_without_one(tmp_path, capsys):
    """A missing row comes back with an empty Why (which --check then refuses); a gone setting drops out."""
    path = tmp_path / "settings.md"
    old = rows(TEXT)
    gone = old["SEED"].replace("`SEED`", "`GONE`")  # a row for a setting the code no longer has
    damaged = TEXT.replace(old["TTT_PHASES"] + "\n", "")  # a setting the doc has no row for
    path.write_text(damaged.replace(old["SEED"], old["SEED"] + "\n" + gone))
    assert doc.main(["--path", str(path)]) == 0
    new = path.read_text()
    assert "`GONE`" not in new and doc.read_whys(new)["TTT_PHASES"] == ""
    assert doc.read_whys(new)["SEED"] == doc.read_whys(TEXT)["SEED"]
    capsys.readouterr()
    code, err = check(capsys, path)
    assert code == 1 and "TTT_PHASES: no reason" in err, err


def test_a_pipe_in_a_cell_is_escaped_and_read_back():
    text = doc.render({"SEED": "a | b"})
    assert "| a \\| b |" in text and doc.read_whys(text)["SEED"] == "a | b"
    assert "SDPA) \\| fa3 \\| fa2" in rows(text)["ATTENTION"]  # the unit's pipes too
