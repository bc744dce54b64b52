"""data/caseops.py: the CaseOps transform, held to the public code's outputs
(tests/fixtures/caseops_golden.json, made by tests/fixtures/make_caseops_golden.py from the public record's
lossless_caps.py and tokenizer) and to its own round trip on random text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data import caseops
from data.caseops import ALLCAPS, CAPNEXT, ESC, OPERATORS, TITLE, CaseOpsError

REPO = Path(__file__).resolve().parent.parent
GOLDEN = json.loads((REPO / "tests" / "fixtures" / "caseops_golden.json").read_text(encoding="utf-8"))
# Deterministic example generation and no per-example deadline: the box is shared and noisy.
PROPERTY = settings(derandomize=True, max_examples=400, deadline=None)

# Text that stresses the transform: ASCII letters of both cases (so words of every shape), the operator
# characters themselves and their neighbours in the private-use area, non-ASCII letters with case.
TRICKY_CHARS = st.sampled_from(list("aAzZbBqQ -'_1\n") + ["É", "é", "ß", "Ω", "ω", "İ", "ǅ", "😀", "\ue000",
                                                             "\ue005", *OPERATORS])
tricky_text = st.text(alphabet=TRICKY_CHARS, max_size=60)
any_text = st.text(max_size=80)  # all of Unicode but lone surrogates (not encodable as UTF-8)
capital_runs = st.lists(st.text(alphabet="ABCXYZ", min_size=1, max_size=12), max_size=6).map(" ".join)


def test_golden_fixture_covers_the_hard_cases():
    inputs = [case["input"] for case in GOLDEN["encode"]]
    for needed in ("", "A", "McDonald", TITLE + ALLCAPS + CAPNEXT + ESC):
        assert needed in inputs
    assert any(case.get("error") for case in GOLDEN["decode"])
    assert any("output" in case for case in GOLDEN["decode"])
    assert "public" in GOLDEN["about"] and len(GOLDEN["byte_counts"]) >= 30


def test_encode_is_the_public_transform():
    wrong = [case["input"] for case in GOLDEN["encode"] if caseops.encode(case["input"]) != case["output"]]
    assert wrong == []


def test_decode_accepts_and_refuses_what_the_public_decoder_does():
    for case in GOLDEN["decode"]:
        if case.get("error"):
            with pytest.raises(CaseOpsError):
                caseops.decode(case["input"])
        else:
            assert caseops.decode(case["input"]) == case["output"], case["input"]


def test_byte_counts_are_the_public_exporters():
    for case in GOLDEN["byte_counts"]:
        assert caseops.encode(case["text"]) == case["encoded"]
        assert caseops.original_byte_counts(case["surfaces"]) == case["counts"], case["text"]
    # Operators stand for no original bytes; the public tokenizer gives them ids 4..7.
    first = GOLDEN["byte_counts"][0]
    assert [c for i, c in zip(first["ids"], first["counts"]) if 4 <= i <= 7] == [0] * sum(
        4 <= i <= 7 for i in first["ids"])


def test_examples_from_the_rules():
    assert caseops.encode("The NASA Launch") == f"{TITLE}the {ALLCAPS}nasa {TITLE}launch"
    assert caseops.encode("McDonald I") == f"{TITLE}mc{CAPNEXT}donald {TITLE}i"
    assert caseops.encode("iPhone École") == f"i{CAPNEXT}phone École"
    assert caseops.encode(TITLE + "x") == ESC + TITLE + "x"
    assert caseops.encode("") == "" and caseops.decode("") == ""


@PROPERTY
@given(tricky_text)
def test_round_trip_tricky(text):
    encoded = caseops.encode(text)
    assert caseops.decode(encoded) == text
    assert not any("A" <= ch <= "Z" for ch in encoded)  # every ASCII capital became an operator


@PROPERTY
@given(any_text)
def test_round_trip_any_unicode(text):
    assert caseops.decode(caseops.encode(text)) == text


@PROPERTY
@given(capital_runs)
def test_round_trip_runs_of_capitals(text):
    encoded = caseops.encode(text)
    assert caseops.decode(encoded) == text
    # One operator per word: ALLCAPS for two letters or more, TITLE for a lone capital.
    assert encoded.count(TITLE) + encoded.count(ALLCAPS) == len(text.split())


@PROPERTY
@given(tricky_text, st.lists(st.integers(min_value=0, max_value=200), max_size=8))
def test_byte_counts_sum_to_the_original_length_however_split(text, cuts):
    encoded = caseops.encode(text)
    cuts = sorted({c % (len(encoded) + 1) for c in cuts})
    pieces = [encoded[a:b] for a, b in zip([0, *cuts], [*cuts, len(encoded)])]
    counts = caseops.original_byte_counts(pieces)
    assert len(counts) == len(pieces) and sum(counts) == len(text.encode("utf-8"))


def test_malformed_text_is_refused():
    for bad in (TITLE, TITLE + " x", "a" + TITLE + "b", CAPNEXT + CAPNEXT + "a", ESC, ALLCAPS + "1"):
        with pytest.raises(CaseOpsError):
            caseops.decode(bad)
    with pytest.raises(CaseOpsError, match="pieces"):
        caseops.original_byte_counts(["ab ", TITLE])


def test_command_line_round_trip():
    text = "The NASA Launch\r\nÉcole " + TITLE + " 😀\n"
    run = [sys.executable, "-m", "data.caseops"]
    enc = subprocess.run([*run, "encode"], input=text.encode(), capture_output=True, cwd=REPO, check=True)
    assert enc.stdout == caseops.encode(text).encode()
    dec = subprocess.run([*run, "decode"], input=enc.stdout, capture_output=True, cwd=REPO, check=True)
    assert dec.stdout == text.encode()
    bad = subprocess.run([*run, "decode"], input=TITLE.encode(), capture_output=True, cwd=REPO)
    assert bad.returncode == 1 and b"not CaseOps text" in bad.stderr and bad.stdout == b""
    usage = subprocess.run([*run, "frobnicate"], capture_output=True, cwd=REPO)
    assert usage.returncode == 2 and b"usage" in usage.stderr


def test_ids_and_surfaces_with_the_current_sentencepiece(tmp_path):
    """A tiny CaseOps tokenizer (operators reserved): the serialized-proto reader gives sp.encode's ids, and
    surfaces that spell the encoded text (identity normalization), so the byte counts sum to the original."""
    import sentencepiece as spm

    docs = [f"The {w.upper()} of {w.title()} and {w} met McDonald in iPhone land. " * 3
            for w in ("river", "stone", "cloud", "field", "north", "glass", "tower", "ember")]
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([caseops.encode(d) for d in docs]), model_prefix=str(tmp_path / "tiny"),
        vocab_size=300, model_type="bpe", byte_fallback=True, user_defined_symbols=list(OPERATORS),
        normalization_rule_name="identity", remove_extra_whitespaces=False, bos_id=1, eos_id=2, unk_id=3,
        pad_id=0, num_threads=1, minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_file=str(tmp_path / "tiny.model"))
    assert [sp.piece_to_id(op) for op in OPERATORS] == [4, 5, 6, 7]
    texts = [caseops.encode(d) for d in docs[:3]] + [caseops.encode("Ω ÉTÉ " + ESC + " z")]
    for text, (ids, surfaces) in zip(texts, caseops.token_ids_and_surfaces(sp, texts, threads=2)):
        assert ids == sp.encode(text)
        assert "".join(surfaces) == text
    (ids, counts), = caseops.encode_for_tokenizer(sp, ["Ω ÉTÉ McDonald"])
    assert ids == sp.encode(caseops.encode("Ω ÉTÉ McDonald"))
    assert sum(counts) == len("Ω ÉTÉ McDonald".encode())
