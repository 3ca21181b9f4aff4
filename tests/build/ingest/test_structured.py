"""Records in JSON, JSONL and CSV (newstally.build.ingest.structured, fields): shapes, field mapping,
records without text, limits and quoting errors."""

from __future__ import annotations

import json

import pytest
from conftest import shared
from ingest_files import by_suffix, one, read, write

from newstally.build.ingest import FieldMap, Limits
from newstally.contract.records import Article, Rejected


def test_ingest_csv_without_text_column_names_columns_and_flag():
    record = one(shared("corpus", "bad", "no_text_column.csv"))
    assert "columns found: date, headline, url" in record.reason
    assert "--text-field" in record.reason


@pytest.mark.parametrize(
    "line, record_type, expected",
    [
        (1, Article, "ok-1"),
        (
            2,
            Rejected,
            "line 2 is not valid JSON: Unterminated string starting at column 28; each line must be one JSON object",
        ),
        (
            3,
            Rejected,
            "record has no text: looked for a field named text, body, content, article or "
            "articles (fields found: id, title); name the field that holds the article text "
            "with --text-field FIELD",
        ),
        (4, Rejected, "duplicate article id 'ok-1' (first seen in "),
        (5, Rejected, "line 5 is a list, not a JSON object"),
    ],
)
def test_ingest_mixed_jsonl_one_record_per_line(line, record_type, expected):
    records = by_suffix(read(shared("corpus", "bad", "mixed.jsonl")))
    assert len(records) == 5
    record = records[f"mixed.jsonl#{line}"]
    assert isinstance(record, record_type)
    if record_type is Article:
        assert (record.article_id, record.title) == (expected, "Blast")
        assert record.text == "Officials said 15 people were injured in the blast."
    else:
        assert record.reason.startswith(expected), record.reason


@pytest.mark.parametrize(
    "content, expected",
    [
        (
            '[{"id": "j1", "body": "One."}, {"headline": "T2", "content": "Two."}, 5, {"id": "j4"}]',
            [
                ("Article", "j1", "One."),
                ("Article", "list-2", "Two."),
                ("Rejected", "record 3 is a number"),
                ("Rejected", "record has no text"),
            ],
        ),
        ('{"id": "solo", "text": "Alone.", "date": "9 Oct 2023"}', [("Article", "solo", "Alone.")]),
        ('{"articles": [{"text": "Wrapped."}], "count": 1}', [("Article", "list-1", "Wrapped.")]),
        (
            '[{"text": "One."}, {"text": "Two."',
            [("Article", "list-1", "One."), ("Rejected", "record 2 is not valid JSON")],
        ),
        ("[]", [("Rejected", "empty list")]),
        ('"just a string"', [("Rejected", "the file holds a string")]),
    ],
)
def test_ingest_json_shapes(tmp_path, content, expected):
    records = read(write(tmp_path / "list.json", content))
    assert len(records) == len(expected), records
    for record, (record_type, *values) in zip(records, expected):
        assert type(record).__name__ == record_type, record
        if record_type == "Article":
            assert (record.article_id, record.text) == tuple(values)
        else:
            assert record.reason.startswith(values[0]), record.reason


def test_ingest_json_list_streams_across_chunks(tmp_path):
    texts = [f"Record {n} " + "x" * (150_000 + n) for n in range(5)]
    path = write(tmp_path / "big.json", json.dumps([{"id": n, "text": t} for n, t in enumerate(texts)]))
    records = read(path)
    assert [r.article_id for r in records] == ["0", "1", "2", "3", "4"]
    assert [r.text for r in records] == texts


@pytest.mark.parametrize(
    "fields, expected",
    [
        (
            FieldMap(id="ref", text="story", title="hed", published="when", source="paper", url="href"),
            ("x-1", "The text.", "Hed", "2023-10-09", "Paper", "https://x"),
        ),
        (FieldMap(text="Story"), ("doc-1", "The text.", "", "", "", "https://x")),
    ],
)
def test_ingest_field_mapping_flags(tmp_path, fields, expected):
    record = {
        "ref": "x-1",
        "story": "The text.",
        "hed": "Hed",
        "when": "2023-10-09",
        "paper": "Paper",
        "href": "https://x",
    }
    path = write(tmp_path / "doc.jsonl", json.dumps(record) + "\n")
    article = one(path, fields=fields)
    assert (article.article_id, article.text, article.title, article.published, article.source, article.url) == expected


def test_ingest_field_mapping_applies_to_csv_and_names_missing_column(tmp_path):
    path = write(tmp_path / "t.csv", "Ref;Story Text;When\nz9;Semicolon text.;2023-01-05\n")
    article = one(path, fields=FieldMap(id="ref", text="story text", published="WHEN"))
    assert (article.article_id, article.text, article.published) == ("z9", "Semicolon text.", "2023-01-05")
    rejected = one(path, fields=FieldMap(text="Story Text", title="headline"))
    assert rejected.reason.startswith("no column named 'headline' (given with --title-field)")


def test_ingest_csv_rows_without_text_are_rejected_one_by_one(tmp_path):
    path = write(tmp_path / "rows.csv", 'id,text\r\na,"Multi\r\nline"\r\nb,\r\n\r\nc,  \r\nd,Last.\r\n')
    records = by_suffix(read(path))
    assert records["rows.csv#1"].text == "Multi\nline"
    assert records["rows.csv#2"].reason == (
        "row 2: record has empty text in column 'text'; there is nothing to read, so fill it in or leave the record out"
    )
    assert isinstance(records["rows.csv#3"], Rejected)
    assert records["rows.csv#4"].text == "Last."


def test_ingest_jsonl_line_over_record_limit_is_rejected_alone(tmp_path):
    lines = [json.dumps({"text": "short"}), json.dumps({"text": "x" * 500}), json.dumps({"text": "after"})]
    records = read(write(tmp_path / "l.jsonl", "\n".join(lines)), limits=Limits(max_record_bytes=100))
    assert [type(r).__name__ for r in records] == ["Article", "Rejected", "Article"]
    assert records[1].reason.startswith("line 2 is longer than the 100 bytes limit for one record")
    assert records[2].article_id == "l-3"


@pytest.mark.parametrize(
    "content, expected",
    [
        (
            'id,text\n1,"q" tail\n2,Two.\n',
            [("Rejected", "row 1 could not be read as CSV: ',' expected after '\"'"), ("Article", "Two.")],
        ),
        (
            'id,text\n1,One.\n2,"unclosed\n3,Three.\n',
            [("Article", "One."), ("Rejected", "row 2 could not be read as CSV: unexpected end of data")],
        ),
        ("id,text\n", [("Rejected", "no articles: the file has a header (id, text) but no rows")]),
        ("", [("Rejected", "empty file")]),
    ],
)
def test_ingest_csv_quoting_errors_are_reported_not_swallowed(tmp_path, content, expected):
    records = read(write(tmp_path / "q.csv", content))
    assert [
        (type(r).__name__, r.text if isinstance(r, Article) else r.reason[: len(e)])
        for r, (_, e) in zip(records, expected)
    ] == expected
    assert len(records) == len(expected)


def test_ingest_csv_row_with_unquoted_delimiter_is_rejected_not_cut(tmp_path):
    records = read(write(tmp_path / "cut.csv", "id,text\n1,Hello, world\n2,Fine.\n"))
    assert records[0].reason.startswith("row 1 has 3 cells but the header has 2 columns")
    assert records[1].text == "Fine."
