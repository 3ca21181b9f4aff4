"""build(): every input accounted for, and the same tables from every engine."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLE, shared

from newstally.build.pipeline import build
from newstally.build.store import read
from newstally.contract.schema import PUBLIC_TABLES, columns


def test_pipeline_seed_store_has_every_table_with_schema_columns(seed_store):
    for table in PUBLIC_TABLES:
        frame = read(seed_store, f"SELECT * FROM {table}")
        assert list(frame.columns) == columns(table)
    articles = read(seed_store, "SELECT article_id, published FROM articles ORDER BY 1")
    assert list(articles["article_id"]) == ["000_91fc77b3484e068c", "004_39d1364b61ac5787"]
    assert str(articles["published"][1])[:10] == "2024-02-14"  # from data/articles/manifest.csv


def test_pipeline_figure_spans_point_into_article_text(seed_store):
    rows = read(
        seed_store, 'SELECT f.start, f."end", f.text, t.text AS article FROM figures f JOIN texts t USING (article_id)'
    )
    for start, end, text, article in rows.itertuples(index=False):
        assert article[start:end] == text


def test_pipeline_bad_corpus_accounts_for_every_input(tmp_path):
    bad = shared("corpus", "bad")
    summary = build([bad], tmp_path / "s.duckdb")
    paths = list(read(tmp_path / "s.duckdb", "SELECT path FROM articles UNION ALL SELECT path FROM rejected")["path"])
    for file in sorted(bad.iterdir()):
        assert any(file.name in p for p in paths), f"{file.name} is neither an article nor rejected"
    assert summary.rejected >= 8
    reasons = read(tmp_path / "s.duckdb", "SELECT path, reason FROM rejected")
    assert all(len(r) > 15 for r in reasons["reason"])


def _tables(store):
    order = {
        "articles": "article_id",
        "figures": "figure_id",
        "statements": "statement_id",
        "speakers": "speaker_id",
        "rejected": "path, reason",
    }
    out = {}
    for table, key in order.items():
        frame = read(store, f"SELECT * FROM {table} ORDER BY {key}")
        out[table] = frame.drop(columns=[c for c in ("path",) if c in frame and table == "articles"])
    return out


def test_pipeline_engines_give_identical_tables(tmp_path):
    corpus = tmp_path / "c.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    corpus.write_text(
        "".join(
            json.dumps({"id": f"x{i}", "text": texts[i % 2], "published": f"2024-01-{i % 28 + 1:02d}"}) + "\n"
            for i in range(150)
        ),
        encoding="utf-8",
    )
    serial = build([corpus], tmp_path / "serial.duckdb", batch_size=16)
    local = build([corpus], tmp_path / "local.duckdb", workers=2, batch_size=16)
    dask = build([corpus], tmp_path / "dask.duckdb", engine="dask", workers=2, batch_size=16)
    assert serial.articles == local.articles == dask.articles == 150
    expected = _tables(tmp_path / "serial.duckdb")
    for other in ("local", "dask"):
        got = _tables(tmp_path / f"{other}.duckdb")
        for table in expected:
            assert got[table].equals(expected[table]), (other, table)


@pytest.mark.parametrize(
    "corpus, n_articles",
    [
        (("corpus", "seed"), 2),
        (("corpus", "ukraine"), 407),
    ],
)
def test_pipeline_real_corpora_ingest(tmp_path, corpus, n_articles):
    summary = build([shared(*corpus)], tmp_path / "s.duckdb", workers=1)
    assert summary.articles == n_articles
