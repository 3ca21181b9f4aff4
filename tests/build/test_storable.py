"""Rows checked before they join a batch: every column type of the schema is one the check knows."""

from __future__ import annotations

import pytest

from newstally.build.storable import unstorable
from newstally.contract.schema import TABLES, sql_types

_FINE = {"VARCHAR": "text", "VARCHAR[]": ["a", "b"], "INTEGER": 7, "DOUBLE": 1.5, "BOOLEAN": True}


@pytest.mark.parametrize("table", TABLES)
def test_storable_knows_every_column_type_of_the_schema(table):
    import datetime

    row = tuple(datetime.date(2024, 1, 2) if kind == "DATE" else _FINE[kind] for _, kind in sql_types(table))
    assert unstorable({table: [row]}) is None


@pytest.mark.parametrize(
    "table, column, value, problem",
    [
        ("statements", "text", "x \ud800", "surrogate"),
        ("statements", "unnamed", "yes", "true or false"),
        ("figures", "start", 2**40, "32 bits"),
    ],
)
def test_storable_names_the_column_and_the_problem(table, column, value, problem):
    names = [name for name, _ in sql_types(table)]
    row = [None] * len(names)
    row[names.index(column)] = value
    found = unstorable({table: [tuple(row)]})
    assert found is not None and found.startswith(f"{table}.{column}") and problem in found
