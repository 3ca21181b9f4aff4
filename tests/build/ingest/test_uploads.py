"""The server's own check of an upload: an extension a build reads (a .gz or .bz2 by the file
inside) and a size within the limits, or the reason to show."""

from __future__ import annotations

import pytest

from newstally.build.ingest import check_upload


@pytest.mark.parametrize(
    "name, size",
    [
        ("articles.jsonl", 1000),
        ("a.JSON", 10),
        ("page.html", 1),
        ("c.csv", 0),
        ("dump.jsonl.gz", 10**8),
        ("s.txt.bz2", 10),
        ("corpus.zip", 10),
        ("../../etc/a.txt", 5),
    ],
)
def test_check_upload_accepts_what_a_build_reads(name, size):
    assert check_upload(name, size) is None


@pytest.mark.parametrize(
    "name, size, reason",
    [
        ("report.pdf", 10, "report.pdf is a .pdf file; newstally reads .txt"),
        ("README", 10, "README is a file without an extension"),
        ("dump.tar.gz", 10, "a tar archive (.tar.gz)"),
        ("a.zip.gz", 10, "a zip archive compressed again"),
        ("a.gz", 10, "a file without an extension compressed with .gz"),
        ("big.jsonl", 300 * 2**20, "big.jsonl is 300 MB, over the 200 MB upload limit"),
        ("long.txt", 60 * 2**20, "long.txt is 60 MB, over the 50 MB limit for one article"),
        ("", 10, "the file has no name"),
        ("a.txt", -1, "reports a size of -1 bytes"),
    ],
)
def test_check_upload_refuses_with_a_reason(name, size, reason):
    assert reason in check_upload(name, size)


def test_check_upload_takes_the_server_limit():
    assert check_upload("a.jsonl", 2 * 2**20, max_bytes=2**20).startswith("a.jsonl is 2 MB, over the 1 MB")
