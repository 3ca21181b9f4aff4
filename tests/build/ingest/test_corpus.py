"""read_corpus (newstally.build.ingest): every input becomes one Article or one Rejected with a reason a
user can act on, the hostile files of shared/corpus/bad and the real corpora included."""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

import pytest
from conftest import shared
from ingest_files import by_suffix, one, read, write

from newstally.build.ingest import EXTENSIONS, Limits, allowed_extensions, read_corpus
from newstally.contract.records import Article, Rejected


@pytest.mark.parametrize(
    "name, reason_start",
    [
        ("binary_noise.txt", "looks like binary data, not text: "),
        ("empty.txt", "empty file: no text to read"),
        ("whitespace_only.txt", "empty file: no text to read"),
        ("not_really.zip", "not a valid zip archive: "),
        ("no_text_column.csv", "no text column: "),
    ],
)
def test_ingest_bad_file_is_rejected_with_reason(name, reason_start):
    record = one(shared("corpus", "bad", name))
    assert isinstance(record, Rejected)
    assert record.path.endswith(name)
    assert record.reason.startswith(reason_start)


@pytest.mark.parametrize(
    "name, article_id, text_start, text_contains",
    [
        ("latin1.txt", "latin1", "Le ministre a déclaré que 1 200", "« Nous sommes très préoccupés »"),
        ("utf16_bom.txt", "utf16_bom", "The ministry said 42 people were killed on Tuesday", "officials told"),
        ("nul_bytes.txt", "nul_bytes", "The army said 12 soldiers were wounded.", "12 soldiers"),
        ("huge_single_line.txt", "huge_single_line", "The agency said 5 people were displaced.", "displaced"),
        ("hostile.html", "hostile", "The spokesman said 30 trucks entered on Monday.", '"We will not stop,"'),
    ],
)
def test_ingest_bad_file_still_text_is_read(name, article_id, text_start, text_contains):
    article = one(shared("corpus", "bad", name))
    assert isinstance(article, Article), article
    assert article.article_id == article_id
    assert article.text.startswith(text_start)
    assert text_contains in article.text
    assert "\0" not in article.text and "\ufeff" not in article.text and "\r" not in article.text


def test_ingest_nul_bytes_are_stripped_and_text_kept():
    article = one(shared("corpus", "bad", "nul_bytes.txt"))
    assert article.text == "The army said 12 soldiers were wounded."


def test_ingest_huge_single_line_is_one_article_unless_over_the_limit():
    path = shared("corpus", "bad", "huge_single_line.txt")
    article = one(path)
    assert len(article.text) == 10_250_000 and "\n" not in article.text
    rejected = one(path, limits=Limits(max_file_bytes=1024 * 1024))
    assert isinstance(rejected, Rejected)
    assert "over the 1 MB limit for one article" in rejected.reason
    assert "Limits.max_file_bytes" in rejected.reason


def test_ingest_formula_looking_cells_are_kept_as_text():
    article = one(shared("corpus", "bad", "formula_injection.csv"))
    assert article.article_id == "f-1"
    assert article.text.startswith('=HYPERLINK("http://evil.example","click") The minister said 7')
    assert article.title == "=1+1"
    assert article.path.endswith("formula_injection.csv#1")


def test_ingest_bad_folder_loses_nothing_and_never_raises():
    folder = shared("corpus", "bad")
    records = read(folder)
    files = sorted(p.name for p in folder.iterdir())
    seen = {Path(r.path.split("!")[0].split("#")[0]).name for r in records}
    assert seen == set(files)
    assert sum(isinstance(r, Article) for r in records) == 8
    assert all(r.reason for r in records if isinstance(r, Rejected))


@pytest.mark.parametrize(
    "corpus, n_articles",
    [
        (("corpus", "aljazeera", "articles.jsonl"), 4316),
        (("corpus", "ukraine"), 407),
        (("corpus", "seed"), 2),
    ],
)
def test_ingest_real_corpus_reads_every_article(corpus, n_articles):
    # how fast: bench/bench_hostile.py (a wall-clock bound here would trip on a busy machine)
    records = read(shared(*corpus))
    assert [r for r in records if isinstance(r, Rejected)] == []
    assert len(records) == n_articles
    assert len({r.article_id for r in records}) == n_articles


@pytest.mark.parametrize(
    "suffix, article_id, published, title_start, text_start",
    [
        (
            "guardian_russia_ukraine.csv#1",
            "guardian_russia_ukraine-1",
            "2022-08-01",
            "Sanctions against Russia are not backfiring",
            "Simon Jenkins (The rouble",
        ),
        (
            "nyt_russia_ukraine.csv#1",
            "nyt_russia_ukraine-1",
            "2022-06-23",
            "For a Kyiv Techno Collective",
            "When Slava Lepsheiev founded",
        ),
    ],
)
def test_ingest_ukraine_csv_maps_columns_and_dates(suffix, article_id, published, title_start, text_start):
    article = by_suffix(read(shared("corpus", "ukraine")))[suffix]
    assert article.article_id == article_id
    assert article.published == published
    assert article.title.startswith(title_start)
    assert article.text.startswith(text_start)


def test_ingest_aljazeera_fields_come_through():
    first = next(iter(read_corpus([shared("corpus", "aljazeera", "articles.jsonl")])))
    assert first.article_id == "aje-2021-05-05_9037"
    assert first.published == "2021-05-05"
    assert first.source == "Al Jazeera English"
    assert first.title == "Palestinians vow to save Sheikh Jarrah neighbourhood"
    assert first.path.endswith("articles.jsonl#1")


def test_ingest_folder_walk_sorted_hidden_skipped_unsupported_named(tmp_path):
    write(tmp_path / "b.txt", "Bee.")
    write(tmp_path / "a" / "z.txt", "Zed.")
    write(tmp_path / ".git" / "x.txt", "hidden")
    write(tmp_path / ".DS_Store", b"\0\0")
    write(tmp_path / "report.pdf", b"%PDF-1.4")
    write(tmp_path / "README", "no extension")
    records = read(tmp_path)
    assert [r.path.split("/")[-1] for r in records] == ["README", "b.txt", "report.pdf", "z.txt"]
    assert records[0].reason.startswith("unsupported file without an extension")
    assert records[2].reason.startswith(
        "unsupported file type .pdf; newstally reads .txt, .md, .json, .jsonl, .csv, .html, .htm and .zip"
    )


def test_ingest_duplicate_ids_across_files_and_missing_paths(tmp_path):
    write(tmp_path / "x" / "same.txt", "First.")
    write(tmp_path / "y" / "same.txt", "Second.")
    records = read(tmp_path / "x", tmp_path / "y", tmp_path / "nowhere")
    assert isinstance(records[0], Article)
    assert records[1].reason.startswith("duplicate article id 'same' (first seen in ")
    assert records[2].reason == "no such file or folder; check the path"


def test_ingest_same_file_twice_is_a_duplicate(tmp_path):
    path = write(tmp_path / "twice.txt", "Once.")
    records = read(path, path)
    assert isinstance(records[0], Article)
    assert records[1].reason.startswith("duplicate article id 'twice'")


def test_ingest_special_files_are_rejected(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    write(tmp_path / "real.txt", "Real.")
    records = by_suffix(read(tmp_path))
    assert records["pipe.txt"].reason.startswith("not a regular file")
    assert records["real.txt"].text == "Real."


_WORDS = "w " * 1000


@pytest.mark.parametrize(
    "suffix, content",
    [
        (".jsonl", lambda n: "".join(json.dumps({"id": i, "text": _WORDS}) + "\n" for i in range(n))),
        (".csv", lambda n: "id,text\n" + "".join(f"{i},{_WORDS}\n" for i in range(n))),
        (".json", lambda n: json.dumps([{"id": i, "text": _WORDS} for i in range(n)])),
    ],
)
def test_ingest_streams_large_files_record_by_record(tmp_path, suffix, content):
    path = write(tmp_path / f"many{suffix}", content(4_000))  # about 8 MB
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_corpus([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 4_000
    assert peak < 2 * 1024 * 1024  # a quarter of the file, most of it the ids seen: never held whole


def test_ingest_allowed_extensions_lists_what_is_read():
    assert allowed_extensions() == EXTENSIONS
    assert set(EXTENSIONS) == {".txt", ".md", ".json", ".jsonl", ".csv", ".html", ".htm", ".zip", ".gz", ".bz2"}
