"""Folders and manifests (newstally.build.ingest.sources): metadata per file."""

from __future__ import annotations

from ingest_files import by_suffix, one, read, write


def test_ingest_manifest_gives_metadata_per_file(tmp_path):
    folder = tmp_path / "corpus"
    write(
        folder / "manifest.csv",
        "file,title,date,source,url\na.txt,Title A,2023-10-09,Reuters,https://x/a\nmissing.txt,Ghost,,,\n",
    )
    write(folder / "b.csv-less.txt", "B text.")
    write(folder / "a.txt", "---\nsource: AP\n---\nA text.")
    records = by_suffix(read(folder))
    a = records["a.txt"]
    assert (a.title, a.published, a.source, a.url) == ("Title A", "2023-10-09", "AP", "https://x/a")
    assert records["b.csv-less.txt"].title == ""
    assert records["manifest.csv#2"].reason.startswith("manifest row 2 describes 'missing.txt'")
    assert len(records) == 3


def test_ingest_manifest_by_article_id(tmp_path):
    write(tmp_path / "manifest.csv", "article_id,headline,published\n001,First,2022-06-23\n")
    write(tmp_path / "001.txt", "One.")
    article = one(tmp_path)
    assert (article.article_id, article.title, article.published) == ("001", "First", "2022-06-23")


def test_ingest_manifest_date_fills_an_unreadable_one(tmp_path):
    write(tmp_path / "manifest.csv", "file,published\nd.txt,2024-02-14\n")
    write(tmp_path / "d.txt", "---\ndate: last Tuesday\n---\nText.")
    assert one(tmp_path).published == "2024-02-14"
