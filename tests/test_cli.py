"""The command line: help reads as docs, errors are messages, commands call the library."""

from __future__ import annotations

import csv

import pytest
from conftest import SAMPLE

from newstally.build.export import export_columns
from newstally.cli import main
from newstally.contract.schema import PUBLIC_TABLES


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["--help"], "newstally build data/articles"),
        (["build", "--help"], "rejected"),
        (["export", "--help"], "parquet"),
        (["evaluate", "--help"], "docs/conventions.md"),
    ],
)
def test_cli_help_reads_as_documentation(capsys, argv, expected):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 0
    assert expected in capsys.readouterr().out


def test_cli_build_prints_a_summary(tmp_path, capsys):
    assert main(["build", str(SAMPLE), "--store", str(tmp_path / "s.duckdb")]) == 0
    out = capsys.readouterr().out
    assert "2 articles" in out and "rejected" in out and " s " in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["build", "no/such/folder"], "no such file or folder"),
        (["export", "out", "--store", "no/such.duckdb"], "no store at"),
        (["evaluate", "no/such/gold.jsonl", "--store", "x.duckdb"], "no gold file at"),
    ],
)
def test_cli_errors_exit_non_zero_with_a_message(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_export_writes_every_table_with_its_columns(tmp_path, seed_store, fmt):
    import pandas as pd

    assert main(["export", str(tmp_path / "out"), "--store", str(seed_store), "--format", fmt]) == 0
    for table in PUBLIC_TABLES:
        path = tmp_path / "out" / f"{table}.{fmt}"
        frame = pd.read_csv(path) if fmt == "csv" else pd.read_parquet(path)
        assert list(frame.columns) == export_columns(table)


def test_cli_export_neutralises_formulas(tmp_path):
    corpus = tmp_path / "c.csv"
    corpus.write_text(
        'id,text,title\nf-1,"=HYPERLINK(""http://evil.example"") The minister said 7 people died.","=1+1"\n',
        encoding="utf-8",
    )
    store = tmp_path / "s.duckdb"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    assert main(["export", str(tmp_path / "out"), "--store", str(store)]) == 0
    with open(tmp_path / "out" / "articles.csv", encoding="utf-8") as f:
        row = next(csv.DictReader(f))
    assert row["title"] == "'=1+1"


def test_cli_export_prefixes_full_width_formulas_from_a_corpus(tmp_path):
    corpus = tmp_path / "c.csv"
    corpus.write_text(
        "id,title,text\nf1,\uff1d1+1,Six were killed.\nf2,\uff0bcmd,Seven were killed.\n", encoding="utf-8"
    )
    store = tmp_path / "s.duckdb"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    assert main(["export", str(tmp_path / "out"), "--store", str(store)]) == 0
    with open(tmp_path / "out" / "articles.csv", encoding="utf-8") as f:
        titles = sorted(row["title"] for row in csv.DictReader(f))
    assert titles == ["'\uff0bcmd", "'\uff1d1+1"]


def test_cli_export_error_does_not_claim_to_have_left_the_store(tmp_path, seed_store, capsys):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be", encoding="utf-8")
    assert main(["export", str(blocked), "--store", str(seed_store)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newstally export: ") and "left as it was" not in err


def test_cli_evaluate_prints_the_score_table(seed_store, capsys):
    from conftest import shared

    gold = shared("gold", "seed.jsonl")
    assert main(["evaluate", str(gold), "--store", str(seed_store)]) == 0
    out = capsys.readouterr().out
    assert "statements attribution (strict)" in out and "figures (key categories)" in out


def test_cli_unwritable_store_is_a_message_not_a_traceback(tmp_path, capsys):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be", encoding="utf-8")
    assert main(["build", str(SAMPLE), "--store", str(blocked / "s.duckdb")]) == 1
    err = capsys.readouterr().err
    assert "newstally build:" in err and "Traceback" not in err
