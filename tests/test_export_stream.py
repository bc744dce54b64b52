"""data/export_stream.py (`python -m data.export DOCS --stream`, automatic for docs_selected.jsonl): the same
shards and sidecars as the in-memory export on clean documents, a process pool, resumable, canonical 50,000
val docs."""

from __future__ import annotations

import json
from pathlib import Path

from data import export

NAME = "s_sp400_lossless_caps_caseops_v1_reserved"
MODEL = "s_400_bpe_lossless_caps_caseops_v1_reserved.model"
DOCS = [f"Doc {i}: The {w.upper()} of {w.title()}; McDonald met {w} in Zürich, ÉCOLE. " * (1 + i % 4)
        for i, w in enumerate("alder birch cedar delta ember fjord grove heath inlet jetty knoll larch maple "
                              "nadir oasis pines quail ridge sedge thorn umber vale willow xeric yarrow "
                              "zephyr".split())]


def write_docs(path: Path, docs=DOCS) -> Path:
    path.write_text("".join(json.dumps({"text": d}) + "\n" for d in docs), encoding="utf-8")
    return path


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name.startswith("fineweb_")}


def in_memory(tmp_path: Path) -> tuple[Path, Path]:
    """The in-memory CaseOps export of DOCS: (its dataset folder, its tokenizer)."""
    corpus = write_docs(tmp_path / "docs.jsonl")
    assert export.main([str(corpus), "--data-dir", str(tmp_path / "mem"), "--caseops", "--vocab-size", "400",
                        "--prefix", "s", "--val-docs", "5", "--shard-tokens", "300"]) == 0
    return tmp_path / "mem" / "datasets" / NAME, tmp_path / "mem" / "tokenizers" / MODEL


def stream_args(tmp_path: Path, model: Path, out: str, *extra: str) -> list[str]:
    return [str(tmp_path / "docs.jsonl"), "--stream", "--caseops", "--tokenizer", str(model), "--prefix", "s",
            "--val-docs", "5", "--shard-tokens", "300", "--threads", "2", "--data-dir", str(tmp_path / out),
            *extra]


def test_stream_writes_what_the_in_memory_export_writes(tmp_path):
    mem, model = in_memory(tmp_path)
    assert export.main(stream_args(tmp_path, model, "st")) == 0
    streamed = tmp_path / "st" / "datasets" / NAME
    assert len(files(mem)) > 6 and files(streamed) == files(mem)
    assert export.verify_export(streamed) == []
    manifest = json.loads((streamed / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["val_bytes_sidecar"]["val_bytes"] == sum(len(d.encode()) for d in DOCS[:5])
    assert not list(streamed.glob(".*"))  # no state or carry left once complete
    before = {p.name: p.stat().st_mtime_ns for p in streamed.iterdir()}
    assert export.main(stream_args(tmp_path, model, "st")) == 0  # done already: nothing rewritten
    assert {p.name: p.stat().st_mtime_ns for p in streamed.iterdir()} == before


def test_stream_resumes_where_it_stopped_rewriting_nothing(tmp_path, capsys):
    mem, model = in_memory(tmp_path)
    folder = tmp_path / "st" / "datasets" / NAME
    assert export.main(stream_args(tmp_path, model, "st", "--max-shards", "3")) == 0
    assert "stopped after 3 new shard(s)" in capsys.readouterr().out
    first = {p.name: p.stat().st_mtime_ns for p in folder.glob("fineweb_*")}
    assert len(first) >= 3 and not (folder / "manifest.json").exists()
    assert export.main(stream_args(tmp_path, model, "st", "--max-shards", "2")) == 0
    assert "resuming" in capsys.readouterr().out
    assert export.main(stream_args(tmp_path, model, "st")) == 0
    assert files(folder) == files(mem)
    assert {n: (folder / n).stat().st_mtime_ns for n in first} == first  # finished shards were not rewritten


def test_stream_refuses_to_resume_with_other_settings(tmp_path, capsys):
    _, model = in_memory(tmp_path)
    assert export.main(stream_args(tmp_path, model, "st", "--max-shards", "1")) == 0
    args = stream_args(tmp_path, model, "st")
    args[args.index("--shard-tokens") + 1] = "301"
    assert export.main(args) == 2
    err = capsys.readouterr().err
    assert ".export_state.json" in err and "shard_tokens" in err and "--restart" in err
    assert export.main(args + ["--restart"]) == 0


def test_docs_selected_streams_and_takes_the_canonical_50000_validation_docs(tmp_path, capsys):
    docs = write_docs(tmp_path / "docs_selected.jsonl")
    rc = export.main([str(docs), "--data-dir", str(tmp_path), "--caseops", "--vocab-size", "400",
                      "--threads", "2"])
    captured = capsys.readouterr()
    assert rc == 2 and "streaming export" in captured.out and "first 50,000 documents" in captured.out
    assert f"has only {len(DOCS)} documents, not more than --val-docs 50000" in captured.err


def test_stream_trains_a_caseops_tokenizer_on_the_first_training_docs(tmp_path, capsys):
    docs = write_docs(tmp_path / "docs.jsonl")
    assert export.main([str(docs), "--stream", "--caseops", "--vocab-size", "400", "--prefix", "s",
                        "--val-docs", "5", "--tokenizer-train-docs", "15", "--threads", "2",
                        "--data-dir", str(tmp_path)]) == 0
    assert "first 15 training documents" in capsys.readouterr().out
    manifest = json.loads((tmp_path / "datasets" / NAME / "manifest.json").read_text(encoding="utf-8"))
    reserved = manifest["tokenizer"]["trainer_options"]["user_defined_symbols"]
    assert reserved == ["\ue001", "\ue002", "\ue003", "\ue004"]
    assert manifest["docs"] == {"input": len(DOCS), "val": 5, "train": len(DOCS) - 5,
                                "train_dropped_as_in_val": 0}


def test_stream_reports_a_bad_line_by_number(tmp_path, capsys):
    _, model = in_memory(tmp_path)
    with open(tmp_path / "docs.jsonl", "a", encoding="utf-8") as f:
        f.write("{not json\n")
    assert export.main(stream_args(tmp_path, model, "st")) == 2
    assert f"docs.jsonl:{len(DOCS) + 1}: not valid JSON" in capsys.readouterr().err
