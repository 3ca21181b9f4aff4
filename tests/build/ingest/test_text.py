"""Text files (newstally.build.ingest.text): .txt and .md, front matter, encodings."""

from __future__ import annotations

import codecs

import pytest
from ingest_files import one, write

from newstally.build.ingest.text import front_matter
from newstally.contract.records import Rejected


def test_ingest_txt_front_matter_gives_metadata(tmp_path):
    path = write(
        tmp_path / "a1.txt",
        '---\ntitle: "Gaza: aid enters"\ndate: October 9, 2023\n'
        "source: Reuters\nurl: https://example.org/a1\n---\n\nThe army said 3.\n",
    )
    article = one(path)
    assert (article.article_id, article.title, article.published, article.source, article.url) == (
        "a1",
        "Gaza: aid enters",
        "2023-10-09",
        "Reuters",
        "https://example.org/a1",
    )
    assert article.text == "The army said 3.\n"


@pytest.mark.parametrize(
    "content, expected_text",
    [
        ("---\n\nThe story starts after a rule.\n", "---\n\nThe story starts after a rule.\n"),
        ("No front matter here.\n---\ntitle: x\n---\n", "No front matter here.\n---\ntitle: x\n---\n"),
        ("---\nJust a sentence, not a key.\n---\nBody\n", "---\nJust a sentence, not a key.\n---\nBody\n"),
    ],
)
def test_ingest_txt_without_front_matter_is_kept_whole(tmp_path, content, expected_text):
    article = one(write(tmp_path / "plain.txt", content))
    assert article.text == expected_text and article.title == ""


def test_ingest_front_matter_only_is_rejected(tmp_path):
    record = one(write(tmp_path / "meta.md", "---\ntitle: Only metadata\n---\n\n"))
    assert isinstance(record, Rejected)
    assert record.reason.startswith("no text after the front matter")


def test_ingest_md_front_matter_and_id_override(tmp_path):
    path = write(
        tmp_path / "note.md",
        "---\nid: md-7\nheadline: 'Ceasefire talks'\n"
        "published_at: 2023-11-20T08:00:00+02:00\n# a comment\n---\n# Heading\n\nText.",
    )
    article = one(path)
    assert (article.article_id, article.title, article.published) == ("md-7", "Ceasefire talks", "2023-11-20")
    assert article.text == "# Heading\n\nText."


@pytest.mark.parametrize(
    "text, values, body",
    [
        ("---\ntitle: A: B\nempty:\nnote: x # comment\n---\nBody", {"title": "A: B", "empty": "", "note": "x"}, "Body"),
        ("---\ntitle: Long\n  continued\n...\n\n\nBody", {"title": "Long continued"}, "Body"),
        ("--- \nurl: 'https://x'\n---", {"url": "https://x"}, ""),
        ("Body\n---\ntitle: x\n---", {}, "Body\n---\ntitle: x\n---"),
    ],
)
def test_ingest_front_matter_parsing(text, values, body):
    assert front_matter(text) == (values, body)


@pytest.mark.parametrize(
    "encoded, expected",
    [
        (codecs.BOM_UTF16_BE + "Killed: 5 “people”.".encode("utf-16-be"), "Killed: 5 “people”."),
        ("Killed: 5 “people” – today.".encode("utf-16-le"), "Killed: 5 “people” – today."),
        ("He said “5” – it’s grim.".encode("cp1252"), "He said “5” – it’s grim."),
        (codecs.BOM_UTF8 + b"Crlf line\r\nand cr\rend.", "Crlf line\nand cr\nend."),
        ("caf\xe9 \x81".encode("latin-1"), "caf\xe9 \x81"),
    ],
)
def test_ingest_encodings_are_detected(tmp_path, encoded, expected):
    article = one(write(tmp_path / "enc.txt", encoded))
    assert article.text == expected


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("u16.csv", codecs.BOM_UTF16_LE + "id,text\nu1,“Quoted” row.\n".encode("utf-16-le"), "“Quoted” row."),
        ("u8bom.jsonl", codecs.BOM_UTF8 + b'{"id": "b1", "text": "Bom."}\n', "Bom."),
        ("stray.jsonl", b'{"id": "s1", "text": "It\x92s 5 \xe2\x80\x93 five."}\n', "It’s 5 – five."),
    ],
)
def test_ingest_stream_encodings(tmp_path, name, data, expected):
    article = one(write(tmp_path / name, data))
    assert article.text == expected
