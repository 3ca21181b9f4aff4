"""Ingest: every input becomes one Article or one Rejected with a reason a user can act on."""
from __future__ import annotations

import codecs
import os
import json
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from newstally.ingest import EXTENSIONS, FieldMap, Limits, allowed_extensions, read_corpus
from newstally.ingest.dates import iso_date
from newstally.ingest.html_text import page
from newstally.ingest.text import front_matter
from newstally.records import Article, Rejected

from conftest import shared


def _read(*paths, fields: FieldMap = FieldMap(), limits: Limits = Limits()) -> list[Article | Rejected]:
    return list(read_corpus([str(p) for p in paths], fields, limits))


def _one(*paths, **options) -> Article | Rejected:
    records = _read(*paths, **options)
    assert len(records) == 1, records
    return records[0]


def _by_suffix(records: list[Article | Rejected]) -> dict[str, Article | Rejected]:
    return {r.path.split("/")[-1]: r for r in records}


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def _zip(path: Path, entries: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return path


# --- the hostile files of shared/corpus/bad -----------------------------------------------------

@pytest.mark.parametrize("name, reason_start", [
    ("binary_noise.txt", "looks like binary data, not text: "),
    ("empty.txt", "empty file: no text to read"),
    ("whitespace_only.txt", "empty file: no text to read"),
    ("not_really.zip", "not a valid zip archive: "),
    ("no_text_column.csv", "no text column: "),
])
def test_ingest_bad_file_is_rejected_with_reason(name, reason_start):
    record = _one(shared("corpus", "bad", name))
    assert isinstance(record, Rejected)
    assert record.path.endswith(name)
    assert record.reason.startswith(reason_start)


@pytest.mark.parametrize("name, article_id, text_start, text_contains", [
    ("latin1.txt", "latin1", "Le ministre a déclaré que 1 200", "« Nous sommes très préoccupés »"),
    ("utf16_bom.txt", "utf16_bom", "The ministry said 42 people were killed on Tuesday", "officials told"),
    ("nul_bytes.txt", "nul_bytes", "The army said 12 soldiers were wounded.", "12 soldiers"),
    ("huge_single_line.txt", "huge_single_line", "The agency said 5 people were displaced.", "displaced"),
    ("hostile.html", "hostile", "The spokesman said 30 trucks entered on Monday.", '"We will not stop,"'),
])
def test_ingest_bad_file_still_text_is_read(name, article_id, text_start, text_contains):
    article = _one(shared("corpus", "bad", name))
    assert isinstance(article, Article), article
    assert article.article_id == article_id
    assert article.text.startswith(text_start)
    assert text_contains in article.text
    assert "\0" not in article.text and "\ufeff" not in article.text and "\r" not in article.text


def test_ingest_nul_bytes_are_stripped_and_text_kept():
    article = _one(shared("corpus", "bad", "nul_bytes.txt"))
    assert article.text == "The army said 12 soldiers were wounded."


def test_ingest_huge_single_line_is_one_article_unless_over_the_limit():
    path = shared("corpus", "bad", "huge_single_line.txt")
    article = _one(path)
    assert len(article.text) == 10_250_000 and "\n" not in article.text
    rejected = _one(path, limits=Limits(max_file_bytes=1024 * 1024))
    assert isinstance(rejected, Rejected)
    assert "over the 1 MB limit for one article" in rejected.reason
    assert "Limits.max_file_bytes" in rejected.reason


def test_ingest_hostile_html_keeps_no_markup_or_script():
    article = _one(shared("corpus", "bad", "hostile.html"))
    assert article.text == ('The spokesman said 30 trucks entered on Monday.\n'
                            '"We will not stop," said the commander.')
    assert article.title == "Hostile page"
    for markup in ("<", ">", "alert", "pwned", "onerror", "script"):
        assert markup not in article.text


def test_ingest_formula_looking_cells_are_kept_as_text():
    article = _one(shared("corpus", "bad", "formula_injection.csv"))
    assert article.article_id == "f-1"
    assert article.text.startswith('=HYPERLINK("http://evil.example","click") The minister said 7')
    assert article.title == "=1+1"
    assert article.path.endswith("formula_injection.csv#1")


def test_ingest_csv_without_text_column_names_columns_and_flag():
    record = _one(shared("corpus", "bad", "no_text_column.csv"))
    assert "columns found: date, headline, url" in record.reason
    assert "--text-field" in record.reason


@pytest.mark.parametrize("line, kind, expected", [
    (1, Article, "ok-1"),
    (2, Rejected, "line 2 is not valid JSON: Unterminated string starting at column 28; "
                  "each line must be one JSON object"),
    (3, Rejected, "record has no text: looked for a field named text, body, content, article or "
                  "articles (fields found: id, title); name the field that holds the article text "
                  "with --text-field FIELD"),
    (4, Rejected, "duplicate article id 'ok-1' (first seen in "),
    (5, Rejected, "line 5 is a list, not a JSON object"),
])
def test_ingest_mixed_jsonl_one_record_per_line(line, kind, expected):
    records = _by_suffix(_read(shared("corpus", "bad", "mixed.jsonl")))
    assert len(records) == 5
    record = records[f"mixed.jsonl#{line}"]
    assert isinstance(record, kind)
    if kind is Article:
        assert (record.article_id, record.title) == (expected, "Blast")
        assert record.text == "Officials said 15 people were injured in the blast."
    else:
        assert record.reason.startswith(expected), record.reason


@pytest.mark.parametrize("entry, kind, expected", [
    ("../../escape.txt", Rejected, "unsafe entry name: it climbs out of the archive with '..'"),
    ("/abs/path.txt", Rejected, "unsafe entry name: it is an absolute path"),
    ("fine/article.txt", Article, "The ministry said 11 people were injured."),
])
def test_ingest_traversal_zip_refuses_unsafe_names(entry, kind, expected):
    records = {r.path.split("!", 1)[1]: r for r in _read(shared("corpus", "bad", "traversal.zip"))}
    assert len(records) == 3
    record = records[entry]
    assert isinstance(record, kind)
    assert (record.text if kind is Article else record.reason).startswith(expected)


def test_ingest_bad_folder_loses_nothing_and_never_raises():
    folder = shared("corpus", "bad")
    records = _read(folder)
    files = sorted(p.name for p in folder.iterdir())
    seen = {Path(r.path.split("!")[0].split("#")[0]).name for r in records}
    assert seen == set(files)
    assert sum(isinstance(r, Article) for r in records) == 8
    assert all(r.reason for r in records if isinstance(r, Rejected))


# --- the real corpora ---------------------------------------------------------------------------

@pytest.mark.parametrize("corpus, n_articles, seconds", [
    (("corpus", "aljazeera", "articles.jsonl"), 4316, 2.0),
    (("corpus", "ukraine"), 407, 1.0),
    (("corpus", "seed"), 2, 0.5),
])
def test_ingest_real_corpus_reads_every_article_fast(corpus, n_articles, seconds):
    started = time.perf_counter()
    records = _read(shared(*corpus))
    elapsed = time.perf_counter() - started
    assert [r for r in records if isinstance(r, Rejected)] == []
    assert len(records) == n_articles
    assert len({r.article_id for r in records}) == n_articles
    assert elapsed < seconds


@pytest.mark.parametrize("suffix, article_id, published, title_start, text_start", [
    ("guardian_russia_ukraine.csv#1", "guardian_russia_ukraine-1", "2022-08-01",
     "Sanctions against Russia are not backfiring", "Simon Jenkins (The rouble"),
    ("nyt_russia_ukraine.csv#1", "nyt_russia_ukraine-1", "2022-06-23",
     "For a Kyiv Techno Collective", "When Slava Lepsheiev founded"),
])
def test_ingest_ukraine_csv_maps_columns_and_dates(suffix, article_id, published, title_start, text_start):
    article = _by_suffix(_read(shared("corpus", "ukraine")))[suffix]
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


# --- formats, generated -------------------------------------------------------------------------

def test_ingest_txt_front_matter_gives_metadata(tmp_path):
    path = _write(tmp_path / "a1.txt", "---\ntitle: \"Gaza: aid enters\"\ndate: October 9, 2023\n"
                                       "source: Reuters\nurl: https://example.org/a1\n---\n\nThe army said 3.\n")
    article = _one(path)
    assert (article.article_id, article.title, article.published, article.source, article.url) == (
        "a1", "Gaza: aid enters", "2023-10-09", "Reuters", "https://example.org/a1")
    assert article.text == "The army said 3.\n"


@pytest.mark.parametrize("content, expected_text", [
    ("---\n\nThe story starts after a rule.\n", "---\n\nThe story starts after a rule.\n"),
    ("No front matter here.\n---\ntitle: x\n---\n", "No front matter here.\n---\ntitle: x\n---\n"),
    ("---\nJust a sentence, not a key.\n---\nBody\n", "---\nJust a sentence, not a key.\n---\nBody\n"),
])
def test_ingest_txt_without_front_matter_is_kept_whole(tmp_path, content, expected_text):
    article = _one(_write(tmp_path / "plain.txt", content))
    assert article.text == expected_text and article.title == ""


def test_ingest_front_matter_only_is_rejected(tmp_path):
    record = _one(_write(tmp_path / "meta.md", "---\ntitle: Only metadata\n---\n\n"))
    assert isinstance(record, Rejected)
    assert record.reason.startswith("no text after the front matter")


def test_ingest_md_front_matter_and_id_override(tmp_path):
    path = _write(tmp_path / "note.md", "---\nid: md-7\nheadline: 'Ceasefire talks'\n"
                                        "published_at: 2023-11-20T08:00:00+02:00\n# a comment\n---\n# Heading\n\nText.")
    article = _one(path)
    assert (article.article_id, article.title, article.published) == ("md-7", "Ceasefire talks", "2023-11-20")
    assert article.text == "# Heading\n\nText."


@pytest.mark.parametrize("content, expected", [
    ('[{"id": "j1", "body": "One."}, {"headline": "T2", "content": "Two."}, 5, {"id": "j4"}]',
     [("Article", "j1", "One."), ("Article", "list-2", "Two."), ("Rejected", "record 3 is a number"),
      ("Rejected", "record has no text")]),
    ('{"id": "solo", "text": "Alone.", "date": "9 Oct 2023"}', [("Article", "solo", "Alone.")]),
    ('{"articles": [{"text": "Wrapped."}], "count": 1}', [("Article", "list-1", "Wrapped.")]),
    ('[{"text": "One."}, {"text": "Two."', [("Article", "list-1", "One."), ("Rejected", "record 2 is not valid JSON")]),
    ("[]", [("Rejected", "empty list")]),
    ('"just a string"', [("Rejected", "the file holds a string")]),
])
def test_ingest_json_shapes(tmp_path, content, expected):
    records = _read(_write(tmp_path / "list.json", content))
    assert len(records) == len(expected), records
    for record, (kind, *values) in zip(records, expected):
        assert type(record).__name__ == kind, record
        if kind == "Article":
            assert (record.article_id, record.text) == tuple(values)
        else:
            assert record.reason.startswith(values[0]), record.reason


def test_ingest_json_list_streams_across_chunks(tmp_path):
    texts = [f"Record {n} " + "x" * (150_000 + n) for n in range(5)]
    path = _write(tmp_path / "big.json", json.dumps([{"id": n, "text": t} for n, t in enumerate(texts)]))
    records = _read(path)
    assert [r.article_id for r in records] == ["0", "1", "2", "3", "4"]
    assert [r.text for r in records] == texts


def test_ingest_html_picks_main_text_and_metadata(tmp_path):
    html = ("<!doctype html><html><head><title>Site | Page</title>"
            '<meta property="og:title" content="Aid &amp; trucks">'
            '<meta property="article:published_time" content="2023-10-21T09:00:00Z">'
            '<meta property="og:site_name" content="Example News">'
            '<link rel="canonical" href="https://example.org/aid"></head><body>'
            "<header><h1>Menu heading</h1></header><nav>Home | World</nav>"
            "<main><h2>Aid</h2><p>Twenty&nbsp;trucks   entered<br>on Saturday.</p>"
            "<aside>Read more</aside><ul><li>One</li><li>Two</li></ul></main>"
            "<footer>© Example</footer><style>p {}</style></body></html>")
    article = _one(_write(tmp_path / "aid.html", html))
    assert article.text == "Aid\nTwenty\u00a0trucks entered\non Saturday.\nOne\nTwo"
    assert (article.title, article.published, article.source, article.url) == (
        "Aid & trucks", "2023-10-21", "Example News", "https://example.org/aid")


@pytest.mark.parametrize("html, text, title", [
    ("<html><body><div>Menu</div><article><p>Kept.</p></article><p>Also not</p></body></html>", "Kept.", ""),
    ("<body><h1>Headline</h1><p>Body text</p><time datetime='2023-01-02'>x</time></body>",
     "Headline\nBody text\nx", "Headline"),
    ("<html><head><title>T</title><body><p>No closed head.</p>", "No closed head.", "T"),
    ("plain words &lt;b&gt; and <b>bold</b>", "plain words <b> and bold", ""),
])
def test_ingest_html_fallbacks(html, text, title):
    found = page(html)
    assert (found.text, found.title) == (text, title)


def test_ingest_html_without_text_is_rejected(tmp_path):
    record = _one(_write(tmp_path / "nav.htm", "<html><body><nav>Home</nav><script>x()</script></body></html>"))
    assert isinstance(record, Rejected)
    assert record.reason.startswith("no readable text in the page")


@pytest.mark.parametrize("encoded, expected", [
    (codecs.BOM_UTF16_BE + "Killed: 5 “people”.".encode("utf-16-be"), "Killed: 5 “people”."),
    ("Killed: 5 “people” – today.".encode("utf-16-le"), "Killed: 5 “people” – today."),
    ("He said “5” – it’s grim.".encode("cp1252"), "He said “5” – it’s grim."),
    (codecs.BOM_UTF8 + "Crlf line\r\nand cr\rend.".encode(), "Crlf line\nand cr\nend."),
    ("caf\xe9 \x81".encode("latin-1"), "caf\xe9 \x81"),
])
def test_ingest_encodings_are_detected(tmp_path, encoded, expected):
    article = _one(_write(tmp_path / "enc.txt", encoded))
    assert article.text == expected


def test_ingest_zip_with_mixed_content(tmp_path):
    path = _zip(tmp_path / "mixed.zip", {
        "a/one.txt": "First article.",
        "a/two.html": "<p>Second <b>article</b>.</p>",
        "b/rows.jsonl": '{"id": "r1", "text": "Third."}\n{"id": "r2", "text": "Fourth."}\n',
        "b/rows.csv": "id,text\nc1,Fifth.\n",
        "c/inner.zip": b"PK\x05\x06" + bytes(18),
        "c/photo.png": b"\x89PNG",
        ".hidden/skip.txt": "never read",
        "__MACOSX/a/._one.txt": "never read",
    })
    records = {r.path.split("!", 1)[1]: r for r in _read(path)}
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


@pytest.mark.parametrize("limits, reason_start", [
    (Limits(), "looks like a zip bomb: "),
    (Limits(max_total_uncompressed=1024 * 1024), "zip archive would unpack to 5 MB, over the 1 MB limit"),
    (Limits(max_entries=1), "zip archive has 2 entries, over the limit of 1"),
])
def test_ingest_zip_bomb_and_limits(tmp_path, limits, reason_start):
    path = _zip(tmp_path / "bomb.zip", {"bomb.txt": "A" * (5 * 1024 * 1024), "ok.txt": "Fine."})
    records = _read(path, limits=limits)
    rejected = [r for r in records if isinstance(r, Rejected)]
    assert len(rejected) == 1 and rejected[0].reason.startswith(reason_start), rejected


def test_ingest_zip_manifest_applies_to_its_folder(tmp_path):
    path = _zip(tmp_path / "m.zip", {"set/manifest.csv": "file,title\na.txt,Zipped title\n",
                                     "set/a.txt": "Text."})
    article = _one(path)
    assert (article.title, article.path.endswith("m.zip!set/a.txt")) == ("Zipped title", True)


def test_ingest_manifest_gives_metadata_per_file(tmp_path):
    folder = tmp_path / "corpus"
    _write(folder / "manifest.csv", "file,title,date,source,url\n"
                                    "a.txt,Title A,2023-10-09,Reuters,https://x/a\n"
                                    "missing.txt,Ghost,,,\n")
    _write(folder / "b.csv-less.txt", "B text.")
    _write(folder / "a.txt", "---\nsource: AP\n---\nA text.")
    records = _by_suffix(_read(folder))
    a = records["a.txt"]
    assert (a.title, a.published, a.source, a.url) == ("Title A", "2023-10-09", "AP", "https://x/a")
    assert records["b.csv-less.txt"].title == ""
    assert records["manifest.csv#2"].reason.startswith("manifest row 2 describes 'missing.txt'")
    assert len(records) == 3


def test_ingest_manifest_by_article_id(tmp_path):
    _write(tmp_path / "manifest.csv", "article_id,headline,published\n001,First,2022-06-23\n")
    _write(tmp_path / "001.txt", "One.")
    article = _one(tmp_path)
    assert (article.article_id, article.title, article.published) == ("001", "First", "2022-06-23")


@pytest.mark.parametrize("fields, expected", [
    (FieldMap(id="ref", text="story", title="hed", published="when", source="paper", url="href"),
     ("x-1", "The text.", "Hed", "2023-10-09", "Paper", "https://x")),
    (FieldMap(text="Story"), ("doc-1", "The text.", "", "", "", "https://x")),
])
def test_ingest_field_mapping_flags(tmp_path, fields, expected):
    record = {"ref": "x-1", "story": "The text.", "hed": "Hed", "when": "2023-10-09",
              "paper": "Paper", "href": "https://x"}
    path = _write(tmp_path / "doc.jsonl", json.dumps(record) + "\n")
    article = _one(path, fields=fields)
    assert (article.article_id, article.text, article.title, article.published, article.source,
            article.url) == expected


def test_ingest_field_mapping_applies_to_csv_and_names_missing_column(tmp_path):
    path = _write(tmp_path / "t.csv", "Ref;Story Text;When\nz9;Semicolon text.;2023-01-05\n")
    article = _one(path, fields=FieldMap(id="ref", text="story text", published="WHEN"))
    assert (article.article_id, article.text, article.published) == ("z9", "Semicolon text.", "2023-01-05")
    rejected = _one(path, fields=FieldMap(text="Story Text", title="headline"))
    assert rejected.reason.startswith("no column named 'headline' (given with --title-field)")


def test_ingest_csv_rows_without_text_are_rejected_one_by_one(tmp_path):
    path = _write(tmp_path / "rows.csv", 'id,text\r\na,"Multi\r\nline"\r\nb,\r\n\r\nc,  \r\nd,Last.\r\n')
    records = _by_suffix(_read(path))
    assert records["rows.csv#1"].text == "Multi\nline"
    assert records["rows.csv#2"].reason == ("row 2: record has empty text in column 'text'; there is "
                                            "nothing to read, so fill it in or leave the record out")
    assert isinstance(records["rows.csv#3"], Rejected)
    assert records["rows.csv#4"].text == "Last."


def test_ingest_jsonl_line_over_record_limit_is_rejected_alone(tmp_path):
    lines = [json.dumps({"text": "short"}), json.dumps({"text": "x" * 500}), json.dumps({"text": "after"})]
    records = _read(_write(tmp_path / "l.jsonl", "\n".join(lines)), limits=Limits(max_record_bytes=100))
    assert [type(r).__name__ for r in records] == ["Article", "Rejected", "Article"]
    assert records[1].reason.startswith("line 2 is longer than the 100 bytes limit for one record")
    assert records[2].article_id == "l-3"


def test_ingest_folder_walk_sorted_hidden_skipped_unsupported_named(tmp_path):
    _write(tmp_path / "b.txt", "Bee.")
    _write(tmp_path / "a" / "z.txt", "Zed.")
    _write(tmp_path / ".git" / "x.txt", "hidden")
    _write(tmp_path / ".DS_Store", b"\0\0")
    _write(tmp_path / "report.pdf", b"%PDF-1.4")
    _write(tmp_path / "README", "no extension")
    records = _read(tmp_path)
    assert [r.path.split("/")[-1] for r in records] == ["README", "b.txt", "report.pdf", "z.txt"]
    assert records[0].reason.startswith("unsupported file without an extension")
    assert records[2].reason.startswith(
        "unsupported file type .pdf; newstally reads .txt, .md, .json, .jsonl, .csv, .html, .htm and .zip")


def test_ingest_duplicate_ids_across_files_and_missing_paths(tmp_path):
    _write(tmp_path / "x" / "same.txt", "First.")
    _write(tmp_path / "y" / "same.txt", "Second.")
    records = _read(tmp_path / "x", tmp_path / "y", tmp_path / "nowhere")
    assert isinstance(records[0], Article)
    assert records[1].reason.startswith("duplicate article id 'same' (first seen in ")
    assert records[2].reason == "no such file or folder; check the path"


_WORDS = "w " * 1000


@pytest.mark.parametrize("suffix, content", [
    (".jsonl", lambda n: "".join(json.dumps({"id": i, "text": _WORDS}) + "\n" for i in range(n))),
    (".csv", lambda n: "id,text\n" + "".join(f"{i},{_WORDS}\n" for i in range(n))),
    (".json", lambda n: json.dumps([{"id": i, "text": _WORDS} for i in range(n)])),
])
def test_ingest_streams_large_files_record_by_record(tmp_path, suffix, content):
    path = _write(tmp_path / f"many{suffix}", content(4_000))  # about 8 MB
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


@pytest.mark.parametrize("value, expected", [
    ("2023-10-09", "2023-10-09"),
    ("2022-08-01T16:23:25Z", "2022-08-01"),
    ("2023-10-09T23:30:00-05:00", "2023-10-09"),
    ("2022/06/23", "2022-06-23"),
    ("20231009", "2023-10-09"),
    ("October 9, 2023", "2023-10-09"),
    ("Oct. 9, 2023", "2023-10-09"),
    ("9 Oct 2023", "2023-10-09"),
    ("9th of October 2023", "2023-10-09"),
    ("Mon, 09 Oct 2023 14:00:00 GMT", "2023-10-09"),
    ("13/10/2023", "2023-10-13"),
    ("10/13/2023", "2023-10-13"),
    ("09/10/2023", ""),  # day or month first: unknown, so not guessed
    ("2023-02-30", ""),
    ("yesterday", ""),
    ("2023", ""),
    ("", ""),
    (None, ""),
])
def test_ingest_dates_normalised(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("text, values, body", [
    ("---\ntitle: A: B\nempty:\nnote: x # comment\n---\nBody", {"title": "A: B", "empty": "", "note": "x"}, "Body"),
    ("---\ntitle: Long\n  continued\n...\n\n\nBody", {"title": "Long continued"}, "Body"),
    ("--- \nurl: 'https://x'\n---", {"url": "https://x"}, ""),
    ("Body\n---\ntitle: x\n---", {}, "Body\n---\ntitle: x\n---"),
])
def test_ingest_front_matter_parsing(text, values, body):
    assert front_matter(text) == (values, body)


@pytest.mark.parametrize("content, expected", [
    ('id,text\n1,"q" tail\n2,Two.\n',
     [("Rejected", "row 1 could not be read as CSV: ',' expected after '\"'"), ("Article", "Two.")]),
    ('id,text\n1,One.\n2,"unclosed\n3,Three.\n',
     [("Article", "One."), ("Rejected", "row 2 could not be read as CSV: unexpected end of data")]),
    ("id,text\n", [("Rejected", "no articles: the file has a header (id, text) but no rows")]),
    ("", [("Rejected", "empty file")]),
])
def test_ingest_csv_quoting_errors_are_reported_not_swallowed(tmp_path, content, expected):
    records = _read(_write(tmp_path / "q.csv", content))
    assert [(type(r).__name__, r.text if isinstance(r, Article) else r.reason[:len(e)])
            for r, (_, e) in zip(records, expected)] == expected
    assert len(records) == len(expected)


@pytest.mark.parametrize("name, data, expected", [
    ("u16.csv", codecs.BOM_UTF16_LE + "id,text\nu1,“Quoted” row.\n".encode("utf-16-le"), "“Quoted” row."),
    ("u8bom.jsonl", codecs.BOM_UTF8 + '{"id": "b1", "text": "Bom."}\n'.encode(), "Bom."),
    ("stray.jsonl", b'{"id": "s1", "text": "It\x92s 5 \xe2\x80\x93 five."}\n', "It’s 5 – five."),
])
def test_ingest_stream_encodings(tmp_path, name, data, expected):
    article = _one(_write(tmp_path / name, data))
    assert article.text == expected


def test_ingest_same_file_twice_is_a_duplicate(tmp_path):
    path = _write(tmp_path / "twice.txt", "Once.")
    records = _read(path, path)
    assert isinstance(records[0], Article)
    assert records[1].reason.startswith("duplicate article id 'twice'")


def test_ingest_manifest_date_fills_an_unreadable_one(tmp_path):
    _write(tmp_path / "manifest.csv", "file,published\nd.txt,2024-02-14\n")
    _write(tmp_path / "d.txt", "---\ndate: last Tuesday\n---\nText.")
    assert _one(tmp_path).published == "2024-02-14"


def test_ingest_special_files_are_rejected(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    _write(tmp_path / "real.txt", "Real.")
    records = _by_suffix(_read(tmp_path))
    assert records["pipe.txt"].reason.startswith("not a regular file")
    assert records["real.txt"].text == "Real."


def test_ingest_csv_row_with_unquoted_delimiter_is_rejected_not_cut(tmp_path):
    records = _read(_write(tmp_path / "cut.csv", "id,text\n1,Hello, world\n2,Fine.\n"))
    assert records[0].reason.startswith("row 1 has 3 cells but the header has 2 columns")
    assert records[1].text == "Fine."
