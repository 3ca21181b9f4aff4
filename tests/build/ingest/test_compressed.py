""".gz and .bz2 corpora read as the file inside, with the size and ratio limits of a zip entry."""

from __future__ import annotations

import bz2
import gzip
import json
import random
import string
import zipfile
from pathlib import Path

import pytest
from ingest_files import read

from newstally.build.ingest import Limits
from newstally.build.ingest.options import MB
from newstally.contract.records import Rejected

PACKERS = {".gz": gzip.compress, ".bz2": bz2.compress}
RECORDS = [{"id": f"r{i}", "text": f"{i + 2} people were killed.", "title": f"Report {i}"} for i in range(3)]


def _prose(n_bytes: int) -> bytes:
    # Text that packs like text (about 3 times), not like one repeated word (hundreds of times).
    rng = random.Random(15)
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 9))) for _ in range(5000)]
    out = " ".join(rng.choice(words) for _ in range(n_bytes // 5)).encode("ascii")
    return out[:n_bytes]


def _packed(path: Path, data: bytes) -> Path:
    path.write_bytes(PACKERS["".join(path.suffixes[-1:])](data))
    return path


@pytest.mark.parametrize("packing", [".gz", ".bz2"])
@pytest.mark.parametrize(
    "inner, content, ids",
    [
        ("a.jsonl", "".join(json.dumps(r) + "\n" for r in RECORDS), ["r0", "r1", "r2"]),
        ("a.json", json.dumps(RECORDS), ["r0", "r1", "r2"]),
        ("a.csv", "id,text\nr0,Two people were killed.\nr1,Three were hurt.\n", ["r0", "r1"]),
        ("story.txt", "Five people were killed.", ["story"]),
        ("story.md", "---\ntitle: T\n---\nFive people were killed.", ["story"]),
        ("page.html", "<html><body><p>Five people were killed.</p></body></html>", ["page"]),
    ],
)
def test_compressed_file_is_read_as_the_file_inside(tmp_path, packing, inner, content, ids):
    path = _packed(tmp_path / f"{inner}{packing}", content.encode("utf-8"))
    records = read(path)
    assert [r.article_id for r in records] == ids
    assert all(r.path.startswith(str(path)) for r in records)


def test_compressed_tables_equal_those_of_the_plain_file(tmp_path):
    plain = tmp_path / "plain" / "a.jsonl"
    plain.parent.mkdir()
    plain.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    (tmp_path / "packed").mkdir()
    packed = _packed(tmp_path / "packed" / "a.jsonl.gz", plain.read_bytes())
    strip = [(r.article_id, r.text, r.title) for r in read(plain)]
    assert strip == [(r.article_id, r.text, r.title) for r in read(packed)]


def test_compressed_entry_inside_a_zip_isread(tmp_path):
    archive = tmp_path / "c.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("inner/a.jsonl.gz", gzip.compress(b'{"id": "z1", "text": "Two were killed."}\n'))
    (record,) = read(archive)
    assert record.article_id == "z1" and record.path.endswith("c.zip!inner/a.jsonl.gz#1")


def test_compressed_bomb_is_refused_by_ratio_after_the_records_before_it(tmp_path):
    lines = "".join(json.dumps(r) + "\n" for r in RECORDS).encode("utf-8")
    bomb = lines + b" " * (200 * MB)  # packs to about 200 KB: a thousand times
    path = _packed(tmp_path / "bomb.jsonl.gz", bomb)
    records = read(path)
    assert [r.article_id for r in records[:3]] == ["r0", "r1", "r2"]
    last = records[-1]
    assert isinstance(last, Rejected) and last.reason.startswith("looks like a decompression bomb: ")
    assert "raise Limits.max_ratio" in last.reason


def test_compressed_total_size_limit(tmp_path):
    path = _packed(tmp_path / "big.txt.gz", _prose(3 * MB))
    (record,) = read(path, limits=Limits(max_total_uncompressed=2 * MB))
    assert record.reason.startswith("unpacks to more than 2 MB, the limit for one compressed file")


def test_compressed_whole_file_limit_still_applies_to_the_inner_file(tmp_path):
    path = _packed(tmp_path / "big.txt.gz", _prose(3 * MB))
    (record,) = read(path, limits=Limits(max_file_bytes=1 * MB))
    assert "over the 1 MB limit for one article" in record.reason


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("cut.txt.gz", gzip.compress(_prose(100_000))[:20_000], "not valid gzip data"),
        ("fake.txt.gz", b"this is plain text, not gzip", "not valid gzip data"),
        ("fake.txt.bz2", b"this is plain text, not bzip2", "not valid bzip2 data"),
        ("twice.txt.gz.gz", gzip.compress(gzip.compress(b"x")), "compressed twice (.gz.gz)"),
        ("archive.zip.gz", gzip.compress(b"PK"), "a zip archive compressed again with .gz"),
        ("dump.tar.gz", gzip.compress(b"x" * 1024), "a tar archive (.tar.gz)"),
        ("noname.gz", gzip.compress(b"x"), "a file without an extension compressed with .gz"),
        ("report.pdf.bz2", bz2.compress(b"%PDF"), "a .pdf file compressed with .bz2"),
    ],
)
def test_compressed_files_that_cannot_be_read_say_why(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    records = read(tmp_path / name)
    assert isinstance(records[-1], Rejected)
    assert reason in records[-1].reason
    assert all(r.path.startswith(str(tmp_path / name)) for r in records)
