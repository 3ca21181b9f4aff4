"""Zip archives (newstally.build.ingest.archives): read in memory, safe names only, bounded."""

from __future__ import annotations

import pytest
from conftest import shared
from ingest_files import make_zip, one, read

from newstally.build.ingest import Limits
from newstally.contract.records import Article, Rejected


@pytest.mark.parametrize(
    "entry, record_type, expected",
    [
        ("../../escape.txt", Rejected, "unsafe entry name: it climbs out of the archive with '..'"),
        ("/abs/path.txt", Rejected, "unsafe entry name: it is an absolute path"),
        ("fine/article.txt", Article, "The ministry said 11 people were injured."),
    ],
)
def test_ingest_traversal_zip_refuses_unsafe_names(entry, record_type, expected):
    records = {r.path.split("!", 1)[1]: r for r in read(shared("corpus", "bad", "traversal.zip"))}
    assert len(records) == 3
    record = records[entry]
    assert isinstance(record, record_type)
    assert (record.text if record_type is Article else record.reason).startswith(expected)


def test_ingest_zip_with_mixed_content(tmp_path):
    path = make_zip(
        tmp_path / "mixed.zip",
        {
            "a/one.txt": "First article.",
            "a/two.html": "<p>Second <b>article</b>.</p>",
            "b/rows.jsonl": '{"id": "r1", "text": "Third."}\n{"id": "r2", "text": "Fourth."}\n',
            "b/rows.csv": "id,text\nc1,Fifth.\n",
            "c/inner.zip": b"PK\x05\x06" + bytes(18),
            "c/photo.png": b"\x89PNG",
            ".hidden/skip.txt": "never read",
            "__MACOSX/a/._one.txt": "never read",
        },
    )
    records = {r.path.split("!", 1)[1]: r for r in read(path)}
    assert {k: (r.article_id, r.text) for k, r in records.items() if isinstance(r, Article)} == {
        "a/one.txt": ("one", "First article."),
        "a/two.html": ("two", "Second article."),
        "b/rows.csv#1": ("c1", "Fifth."),
        "b/rows.jsonl#1": ("r1", "Third."),
        "b/rows.jsonl#2": ("r2", "Fourth."),
    }
    assert records["c/inner.zip"].reason.startswith("archive inside an archive")
    assert records["c/photo.png"].reason.startswith("unsupported file type .png; newstally reads .txt, .md")
    assert len(records) == 7


@pytest.mark.parametrize(
    "limits, reason_start",
    [
        (Limits(), "looks like a zip bomb: "),
        (Limits(max_total_uncompressed=1024 * 1024), "zip archive would unpack to 5 MB, over the 1 MB limit"),
        (Limits(max_entries=1), "zip archive has 2 entries, over the limit of 1"),
    ],
)
def test_ingest_zip_bomb_and_limits(tmp_path, limits, reason_start):
    path = make_zip(tmp_path / "bomb.zip", {"bomb.txt": "A" * (5 * 1024 * 1024), "ok.txt": "Fine."})
    records = read(path, limits=limits)
    rejected = [r for r in records if isinstance(r, Rejected)]
    assert len(rejected) == 1 and rejected[0].reason.startswith(reason_start), rejected


def test_ingest_zip_manifest_applies_to_its_folder(tmp_path):
    path = make_zip(tmp_path / "m.zip", {"set/manifest.csv": "file,title\na.txt,Zipped title\n", "set/a.txt": "Text."})
    article = one(path)
    assert (article.title, article.path.endswith("m.zip!set/a.txt")) == ("Zipped title", True)
