"""Whether one article's rows can go into the store, checked before they join a batch.

The writer inserts rows 50,000 at a time; one value the store refuses (text with a lone
surrogate, an integer too large for an INTEGER column) would fail the whole batch and end the
build. Checked per article against the schema's column types, such an article becomes one
``rejected`` row and the others are written. Ingest already cleans what it reads
(``ingest.printable``), so this finds bugs, not bad input; it costs about as much as encoding the
article's text once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from newstally.contract.schema import sql_types

_INT32 = (-(2**31), 2**31 - 1)


def unstorable(rows_by_table: Mapping[str, list[tuple]]) -> str | None:
    """None when the store can take every row of ``rows_by_table`` (table -> rows in schema
    order); else which value it cannot take, and why."""
    for table, rows in rows_by_table.items():
        kinds = sql_types(table)
        for row in rows:
            if len(row) != len(kinds):
                return f"a row of {table} has {len(row)} values for its {len(kinds)} columns"
            for value, (column, kind) in zip(row, kinds):
                problem = _value_problem(value, kind)
                if problem:
                    return f"{table}.{column} {problem}"
    return None


def _value_problem(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind == "VARCHAR":
        return _text_problem(value)
    if kind == "VARCHAR[]":
        if not isinstance(value, (list, tuple)):
            return f"holds {type(value).__name__} where a list of text belongs"
        return next((p for p in (_text_problem(v) for v in value if v is not None) if p), "")
    if kind == "INTEGER":
        if not isinstance(value, int) or isinstance(value, bool) or not _INT32[0] <= value <= _INT32[1]:
            return f"holds {value!r:.40}, not a whole number the store can keep (32 bits)"
        return ""
    if kind == "DOUBLE":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"holds {type(value).__name__} where a number belongs"
        try:
            float(value)
        except OverflowError:
            return "holds a number too large for the store (beyond a 64-bit float)"
        return ""
    if kind == "DATE":
        return "" if isinstance(value, dt.date) else f"holds {type(value).__name__} where a date belongs"
    if kind == "BOOLEAN":
        return "" if isinstance(value, bool) else f"holds {type(value).__name__} where true or false belongs"
    return f"has an unknown column type {kind}"


def _text_problem(value: object) -> str:
    if not isinstance(value, str):
        return f"holds {type(value).__name__} where text belongs"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        return (
            f"holds text that is not valid Unicode (a lone surrogate, {value[error.start]!r}, "
            f"at character {error.start:,})"
        )
    return ""
