"""Untrusted text on its way out and in: CSV cells a spreadsheet would run, Markdown a page would
render, and uploads the server must check itself (issue 15)."""
from __future__ import annotations

import csv
import re
import string

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstally.build.export import neutralise_formulas
from newstally.build.ingest import check_upload
from newstally.cli import main
from newstally.read.markdown_text import literal_markdown


@pytest.mark.parametrize("cell", [
    "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1",
    "\uff1dHYPERLINK(\"http://evil.example\")", "\uff0bcmd", "\uff0d1", "\uff20SUM(A1)",  # full-width
    "\ufe66 1", "\ufe62 1", "\ufe63 1", "\ufe6b 1",  # small forms
    "\u207c1", "\u207a1", "\u2212 1",  # superscript = +, the minus sign
    " =1+1", "\u00a0=1", "\u3000=1", "\u200b=1", "\ufeff=1",  # blanks and invisible characters first
])
def test_export_neutralises_formulas_and_their_lookalikes(cell):
    assert neutralise_formulas(pd.DataFrame({"c": [cell]}))["c"][0] == "'" + cell


@pytest.mark.parametrize("cell", ["Gaza", "1-2", "a=b", "", " ", "e-mail", "\u00e9=1", "5 000"])
def test_export_leaves_ordinary_cells_alone(cell):
    assert neutralise_formulas(pd.DataFrame({"c": [cell]}))["c"][0] == cell


def test_export_full_width_formulas_from_a_corpus_are_prefixed(tmp_path):
    corpus = tmp_path / "c.csv"
    corpus.write_text("id,title,text\nf1,\uff1d1+1,Six were killed.\nf2,\uff0bcmd,Seven were killed.\n",
                      encoding="utf-8")
    store = tmp_path / "s.duckdb"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    assert main(["export", str(tmp_path / "out"), "--store", str(store)]) == 0
    with open(tmp_path / "out" / "articles.csv", encoding="utf-8") as f:
        titles = sorted(row["title"] for row in csv.DictReader(f))
    assert titles == ["'\uff0bcmd", "'\uff1d1+1"]


# --- Markdown ------------------------------------------------------------------------------------

def _unescaped(source: str) -> str:
    return re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", source)


@pytest.mark.parametrize("title", [
    "![img](https://example.org/x.png)", "[click](javascript:alert(1))", "**bold** _it_ `code`",
    "# heading", "1. list", "- item", "> quote", "<script>alert(1)</script>", "$x^2$", ":red[colour]",
    "a | b | c", "<https://example.org>", "&amp;", "line\nbreak",
])
def test_literal_markdown_leaves_no_markup_to_render(title):
    source = literal_markdown(title)
    assert "\n" not in source
    assert not re.search(r"(?<!\\)[" + re.escape(string.punctuation.replace("\\", "")) + "]",
                         source.replace("\\\\", "")), source
    assert _unescaped(source) == title.replace("\n", " ")


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_literal_markdown_shows_the_text_as_written(text):
    source = literal_markdown(text)
    assert _unescaped(source) == re.sub(r"[\r\n\u2028\u2029]+", " ", text)


# --- uploads -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, size", [
    ("articles.jsonl", 1000), ("a.JSON", 10), ("page.html", 1), ("c.csv", 0), ("dump.jsonl.gz", 10**8),
    ("s.txt.bz2", 10), ("corpus.zip", 10), ("../../etc/a.txt", 5),
])
def test_check_upload_accepts_what_a_build_reads(name, size):
    assert check_upload(name, size) is None


@pytest.mark.parametrize("name, size, reason", [
    ("report.pdf", 10, "report.pdf is a .pdf file; newstally reads .txt"),
    ("README", 10, "README is a file without an extension"),
    ("dump.tar.gz", 10, "a tar archive (.tar.gz)"),
    ("a.zip.gz", 10, "a zip archive compressed again"),
    ("a.gz", 10, "a file without an extension compressed with .gz"),
    ("big.jsonl", 300 * 2**20, "big.jsonl is 300 MB, over the 200 MB upload limit"),
    ("long.txt", 60 * 2**20, "long.txt is 60 MB, over the 50 MB limit for one article"),
    ("", 10, "the file has no name"),
    ("a.txt", -1, "reports a size of -1 bytes"),
])
def test_check_upload_refuses_with_a_reason(name, size, reason):
    assert reason in check_upload(name, size)


def test_check_upload_takes_the_server_limit():
    assert check_upload("a.jsonl", 2 * 2**20, max_bytes=2**20).startswith("a.jsonl is 2 MB, over the 1 MB")


def test_cli_export_error_does_not_claim_to_have_left_the_store(tmp_path, seed_store, capsys):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be", encoding="utf-8")
    assert main(["export", str(blocked), "--store", str(seed_store)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newstally export: ") and "left as it was" not in err
