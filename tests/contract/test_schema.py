"""The schema: each table declared once as a row type, its DuckDB types derived from it."""

from __future__ import annotations

import duckdb
import pytest

from newstally.contract import schema


@pytest.mark.parametrize("table", schema.TABLES)
def test_schema_create_sql_makes_the_declared_columns(table):
    with duckdb.connect(":memory:") as con:
        con.execute(schema.create_sql(table))
        found = con.execute(
            f"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}' "
            "ORDER BY ordinal_position"
        ).fetchall()
    assert [name for name, _ in found] == schema.columns(table)
    assert [t for _, t in found] == [t for _, t in schema.sql_types(table)]


@pytest.mark.parametrize(
    "table, column, sql_type",
    [
        ("articles", "published", "DATE"),
        ("articles", "n_words", "INTEGER"),
        ("figures", "value", "DOUBLE"),
        ("figures", "low", "DOUBLE"),  # may be NULL: "more than 28,500" has no high
        ("figures", "category", "VARCHAR"),  # a vocabulary
        ("statements", "speaker_id", "VARCHAR"),
        ("speakers", "aliases", "VARCHAR[]"),
        ("mentions", "n_statements", "INTEGER"),
    ],
)
def test_schema_column_types(table, column, sql_type):
    assert dict(schema.sql_types(table))[column] == sql_type


@pytest.mark.parametrize("names", [schema.PUBLIC_TABLES, schema.PER_ARTICLE_TABLES, tuple(schema.DERIVED)])
def test_schema_table_lists_name_declared_tables(names):
    assert set(names) <= set(schema.TABLES)
