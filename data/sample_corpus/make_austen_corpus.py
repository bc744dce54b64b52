"""How austen_chapters.jsonl.zst was made (run once by a maintainer; nothing imports this).

Source: Debian's package r-cran-janeaustenr 1.0.0-1 (janeaustenr by Julia Silge, MIT; the six novels'
text is Jane Austen's, public domain, taken by janeaustenr from Project Gutenberg without its header
and licence boilerplate). Fetched with Debian's ordinary client, no R needed:

    apt-get download r-cran-janeaustenr      # r-cran-janeaustenr_1.0.0-1_all.deb, sha256 df6bddf2...c95
    python -m data.sample_corpus.make_austen_corpus r-cran-janeaustenr_1.0.0-1_all.deb

The package keeps each novel as an R character vector (one element per printed line) in R's lazy-load
database data/Rdata.rdb: a run of records, each a 4-byte big-endian length and a zlib stream holding one
object in R's XDR serialization. The few lines below read exactly that case (a plain character vector)
and refuse anything else.

Documents are chapters, because a chapter is a natural unit of text, long enough (4-38 KB) for
context-length experiments. Within a chapter the printed lines of a paragraph are joined by spaces
(Project Gutenberg wraps at ~70 columns; FineWeb documents are not hard-wrapped), paragraphs are separated
by a blank line, and indented blocks (verses, letters set as verse) keep their line breaks and indentation.
A book's title page goes with its first chapter; a "VOLUME" heading goes with the chapter it opens.
The editor's "A NOTE ON THE TEXT" at the end of Northanger Abbey is dropped: it is not Austen's text.
"""

from __future__ import annotations

import io
import json
import re
import struct
import sys
import tarfile
import zlib
from pathlib import Path

import zstandard

from data.shards import atomic_write_bytes

OUT = Path(__file__).resolve().parent / "austen_chapters.jsonl.zst"
RDB_MEMBER = "usr/lib/R/site-library/janeaustenr/data/Rdata.rdb"
# Order of the objects in Rdata.rdb (R sorts them by name).
TITLES = ["Emma", "Mansfield Park", "Northanger Abbey", "Persuasion", "Pride and Prejudice",
          "Sense and Sensibility"]
CHAPTER = re.compile(r"^(CHAPTER|Chapter) [0-9IVXLC]+\.?$")
VOLUME = re.compile(r"^VOLUME [IVX]+$")
EDITOR_NOTE = "A NOTE ON THE TEXT"


def deb_member(deb: bytes, suffix: str) -> bytes:
    """A file from a .deb (an `ar` archive whose data.tar.* holds the package's files)."""
    if not deb.startswith(b"!<arch>\n"):
        raise ValueError("not a .deb (ar) archive")
    pos = 8
    while pos < len(deb):
        name = deb[pos : pos + 16].decode().strip().rstrip("/")
        size = int(deb[pos + 48 : pos + 58].decode().strip())
        body = deb[pos + 60 : pos + 60 + size]
        pos += 60 + size + (size & 1)  # members are padded to an even offset
        if name.startswith("data.tar"):
            with tarfile.open(fileobj=io.BytesIO(body), mode="r:*") as tar:
                for member in tar.getmembers():
                    if member.name.lstrip("./") == suffix:
                        return tar.extractfile(member).read()
    raise ValueError(f"{suffix} not found in the package")


def r_character_vectors(rdb: bytes) -> list[list[str]]:
    """Every record of an R lazy-load database, each required to be a plain character vector."""
    out = []
    pos = 0
    while pos < len(rdb):
        (expected,) = struct.unpack(">i", rdb[pos : pos + 4])
        inflater = zlib.decompressobj()
        raw = inflater.decompress(rdb[pos + 4 :])
        pos = len(rdb) - len(inflater.unused_data)
        if len(raw) != expected or raw[:2] != b"X\n":
            raise ValueError("unexpected record (not zlib-compressed XDR serialization)")
        (version,) = struct.unpack(">i", raw[2:6])
        p = 14  # "X\n", format version, writer's R version, minimal reader version
        if version == 3:
            (n,) = struct.unpack(">i", raw[p : p + 4])
            p += 4 + n  # native encoding name
        flags, length = struct.unpack(">ii", raw[p : p + 8])
        p += 8
        if flags & 0xFF != 16 or flags & (1 << 9):  # STRSXP without attributes
            raise ValueError(f"record is not a plain character vector (flags {flags:#x})")
        lines = []
        for _ in range(length):
            cflags, n = struct.unpack(">ii", raw[p : p + 8])
            p += 8
            if cflags & 0xFF != 9 or n < 0:  # CHARSXP, not NA
                raise ValueError("unexpected string element")
            lines.append(raw[p : p + n].decode("utf-8"))
            p += n
        out.append(lines)
    return out


def paragraphs(lines: list[str]) -> list[str]:
    paras, block = [], []
    for line in lines + [""]:
        if line.strip():
            block.append(line.rstrip())
        elif block:
            if any(line[:1].isspace() for line in block):
                paras.append("\n".join(block))  # verse: keep its lines and indentation
            else:
                paras.append(" ".join(line.strip() for line in block))
            block = []
    return paras


def chapters(lines: list[str]) -> list[str]:
    if EDITOR_NOTE in lines:
        lines = lines[: lines.index(EDITOR_NOTE)]
    starts = []
    for i, line in enumerate(lines):
        if CHAPTER.match(line):
            j = i - 1
            while j >= 0 and not lines[j].strip():
                j -= 1
            starts.append(j if j >= 0 and VOLUME.match(lines[j]) else i)
    if not starts:
        raise ValueError("no chapter headings found")
    starts[0] = 0  # the title page goes with the first chapter
    ends = starts[1:] + [len(lines)]
    return ["\n\n".join(paragraphs(lines[a:b])) for a, b in zip(starts, ends)]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m data.sample_corpus.make_austen_corpus r-cran-janeaustenr_1.0.0-1_all.deb")
        return 2
    books = r_character_vectors(deb_member(Path(argv[0]).read_bytes(), RDB_MEMBER))
    if len(books) != len(TITLES):
        raise ValueError(f"expected {len(TITLES)} novels, found {len(books)}")
    records = []
    for title, lines in zip(TITLES, books):
        for part, text in enumerate(chapters(lines), 1):
            records.append(json.dumps({"text": text, "book": title, "part": part}, ensure_ascii=False))
    data = ("\n".join(records) + "\n").encode("utf-8")
    atomic_write_bytes(OUT, zstandard.ZstdCompressor(level=19).compress(data))
    print(f"{OUT}: {len(records)} chapters, {len(data):,} bytes of JSONL, {OUT.stat().st_size:,} compressed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
