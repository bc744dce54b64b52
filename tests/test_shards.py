"""The challenge shard format (challenge_facts.md, "Data"): data/shards.py and the flagship's inlined
reader agree on the same bytes, and every malformed file is refused with its name in the message."""

from __future__ import annotations

import numpy as np
import pytest

from data import shards

TOKENS = np.array([1, 2, 3, 65535, 0, 1024, 1, 7], dtype=np.uint16)


def hand_made(tokens=TOKENS, magic=20240520, version=1, count=None) -> bytes:
    """A shard written by hand from the published format: 256 little-endian int32, then uint16 tokens."""
    header = np.zeros(256, dtype="<i4")
    header[:3] = (magic, version, len(tokens) if count is None else count)
    return header.tobytes() + np.asarray(tokens, dtype="<u2").tobytes()


def test_hand_made_vector_reads_back_in_both_readers(flagship, tmp_path):
    path = tmp_path / "fineweb_val_000000.bin"
    path.write_bytes(hand_made())
    assert path.stat().st_size == 1024 + 2 * len(TOKENS)
    assert np.array_equal(shards.load_shard(path), TOKENS)
    assert np.array_equal(flagship.load_shard(path), TOKENS)
    assert shards.read_header(path) == len(TOKENS)


def test_writer_is_byte_identical_and_atomic(tmp_path):
    path = tmp_path / "sub" / shards.shard_name("train", 3)
    shards.write_shard(path, TOKENS.astype(np.int64))
    assert path.name == "fineweb_train_000003.bin"
    assert path.read_bytes() == hand_made()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left behind
    assert oct(path.stat().st_mode & 0o777) != oct(0o600)


@pytest.mark.parametrize("blob, message", [
    (hand_made(magic=12345), "bad magic 12345"),
    (hand_made(version=2), "unsupported version 2"),
    (hand_made()[:-2], "truncated"),
    (hand_made() + b"\x00\x00", "trailing bytes"),
    (b"\x00" * 100, "shorter than the 1024-byte header"),
    (hand_made(count=-1, tokens=[]), "negative token count"),
])
def test_malformed_shards_are_refused_naming_the_file(flagship, tmp_path, blob, message):
    path = tmp_path / "fineweb_train_000000.bin"
    path.write_bytes(blob)
    with pytest.raises(shards.ShardError) as info:
        shards.load_shard(path)
    assert message in str(info.value) and str(path) in str(info.value)
    with pytest.raises(ValueError, match="fineweb_train_000000.bin"):
        flagship.load_shard(path)


def test_missing_file_and_empty_glob(tmp_path):
    with pytest.raises(shards.ShardError, match="not found"):
        shards.load_shard(tmp_path / "nope.bin")
    with pytest.raises(shards.ShardError, match="no shard files match"):
        shards.shard_paths(str(tmp_path / "fineweb_val_*.bin"))


def test_load_tokens_concatenates_in_name_order_and_splits_documents(tmp_path):
    shards.write_shard(tmp_path / "fineweb_val_000001.bin", [1, 9, 9])
    shards.write_shard(tmp_path / "fineweb_val_000000.bin", [1, 5, 6])
    tokens = shards.load_tokens(str(tmp_path / "fineweb_val_*.bin"))
    assert tokens.tolist() == [1, 5, 6, 1, 9, 9]
    assert [d.tolist() for d in shards.split_documents(tokens)] == [[1, 5, 6], [1, 9, 9]]
    with pytest.raises(shards.ShardError, match="does not start with BOS"):
        shards.split_documents(np.array([5, 1, 2]))
    with pytest.raises(ValueError, match="fit uint16"):
        shards.shard_bytes([70000])


def test_val_glob_leaves_byte_sidecars_out_and_sidecars_match_their_shards(tmp_path):
    # The public CaseOps layout puts fineweb_val_bytes_*.bin beside fineweb_val_*.bin; the val glob matches
    # both, and reading a sidecar as tokens would score garbage (challenge_facts.md, data format).
    for i, (toks, nbytes) in enumerate((([1, 5, 6], [0, 2, 3]), ([1, 7], [0, 4]))):
        shards.write_shard(tmp_path / shards.shard_name("val", i), toks)
        shards.write_shard(tmp_path / shards.shard_name("val_bytes", i), nbytes)
    vals = shards.shard_paths(str(tmp_path / "fineweb_val_*.bin"))
    assert [p.name for p in vals] == ["fineweb_val_000000.bin", "fineweb_val_000001.bin"]
    assert shards.load_tokens(str(tmp_path / "fineweb_val_*.bin")).tolist() == [1, 5, 6, 1, 7]
    assert shards.load_val_bytes(vals).tolist() == [0, 2, 3, 0, 4]
    assert len(shards.shard_paths(str(tmp_path / "fineweb_val_bytes_*.bin"))) == 2
    shards.write_shard(tmp_path / shards.shard_name("val_bytes", 1), [0, 4, 4])
    with pytest.raises(shards.ShardError, match="fineweb_val_bytes_000001.bin: byte sidecar has 3 entries.*"
                       "fineweb_val_000001.bin has 2 tokens"):
        shards.load_val_bytes(vals)
    (tmp_path / shards.shard_name("val_bytes", 1)).unlink()
    with pytest.raises(shards.ShardError, match="byte sidecar missing"):
        shards.load_val_bytes(vals)
    for p in tmp_path.glob("fineweb_val_bytes_*"):
        p.unlink()
    assert shards.load_val_bytes(vals) is None
