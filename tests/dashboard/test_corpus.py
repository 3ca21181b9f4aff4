"""components.corpus: safe names for uploads, the upload limit, rejected uploads by name, the tables
as a zip."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "name, expected",
    [
        ("articles.jsonl", "articles.jsonl"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\news.csv", "news.csv"),
        (".hidden.txt", "hidden.txt"),
        ("a b;c$(rm).txt", "a_b_c_rm_.txt"),
        ("..", "upload"),
        ("", "upload"),
    ],
)
def test_corpus_upload_names_are_safe(name, expected):
    from components.corpus import safe_name

    assert safe_name(name, set()) == expected


def test_corpus_upload_names_are_unique():
    from components.corpus import safe_name

    taken: set[str] = set()
    assert [safe_name("a.txt", taken) for _ in range(3)] == ["a.txt", "a-1.txt", "a-2.txt"]


@pytest.mark.parametrize("env, expected", [(None, 200), ("50", 50), ("lots", 200), ("0", 1)])
def test_corpus_upload_limit_from_the_environment(monkeypatch, env, expected):
    from components.corpus import max_upload_mb

    if env is None:
        monkeypatch.delenv("NEWSTALLY_MAX_UPLOAD_MB", raising=False)
    else:
        monkeypatch.setenv("NEWSTALLY_MAX_UPLOAD_MB", env)
    assert max_upload_mb() == expected


def test_corpus_tables_zip_has_every_table(demo_store, monkeypatch):
    import io
    import zipfile

    from components.corpus import tables_zip

    monkeypatch.setenv("NEWSTALLY_STORE", str(demo_store))
    for fmt in ("csv", "parquet"):
        names = zipfile.ZipFile(io.BytesIO(tables_zip(fmt))).namelist()
        assert names == [f"{t}.{fmt}" for t in ("articles", "figures", "statements", "speakers", "rejected")]
    articles_csv = zipfile.ZipFile(io.BytesIO(tables_zip("csv"))).read("articles.csv").decode()
    assert "'=cmd" in articles_csv  # a formula in a source name is neutralised


@pytest.mark.parametrize(
    "path, shown",
    [
        ("/tmp/newstally-upload-ab12/empty.txt", "upload: empty.txt"),
        ("/tmp/newstally-upload-ab12/a.zip!../x.txt", "upload: a.zip!../x.txt"),
        ("data/articles/x.txt", "data/articles/x.txt"),
    ],
)
def test_corpus_rejected_uploads_are_listed_by_name(path, shown):
    from components.corpus import shown_path

    assert shown_path(path) == shown
