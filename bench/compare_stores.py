"""Compares two stores row for row: the check that a change of code left the tables as they were.

    python bench/compare_stores.py BEFORE.duckdb AFTER.duckdb [--table T ...] [--show N]

Both stores are attached read-only to one DuckDB connection and each table is compared with
``EXCEPT ALL`` both ways (rows counted with their repeats), on the columns the BEFORE store has.
``articles`` leaves out ``extractor_version``, which names the code and so changes with any edit
of the rules. Prints one line per table (rows, rows only before, rows only after) and exits 1
when any table differs or a column of BEFORE is missing from AFTER.
"""

from __future__ import annotations

import argparse
import sys

import duckdb

# Every table a build writes: the public ones, the store's own per-article rows, and the lookups.
TABLES = (
    "articles",
    "figures",
    "statements",
    "speakers",
    "mentions",
    "rejected",
    "texts",
    "article_categories",
    "article_speakers",
)
# Columns that name the code rather than what it found.
IGNORED = {"articles": {"extractor_version"}}


def _columns(con: duckdb.DuckDBPyConnection, database: str, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND table_name = ? ORDER BY column_index",
        [database, table],
    ).fetchall()
    return [r[0] for r in rows]


def compare(before: str, after: str, tables: tuple[str, ...] = TABLES, show: int = 3) -> list[str]:
    """One line per table saying how it compares; a line starting "DIFFERS" or "MISSING" is a difference."""
    con = duckdb.connect(":memory:")
    con.execute(f"ATTACH '{before.replace(chr(39), chr(39) * 2)}' AS before (READ_ONLY)")
    con.execute(f"ATTACH '{after.replace(chr(39), chr(39) * 2)}' AS after (READ_ONLY)")
    lines = []
    for table in tables:
        old, new = _columns(con, "before", table), _columns(con, "after", table)
        if not old:
            lines.append(f"skipped  {table}: not in {before}")
            continue
        missing = [c for c in old if c not in new]
        if missing:
            lines.append(f"MISSING  {table}: {after} has no column {', '.join(missing)}")
            continue
        cols = ", ".join(f'"{c}"' for c in old if c not in IGNORED.get(table, set()))
        only = {}
        for first, second in (("before", "after"), ("after", "before")):
            sql = f"SELECT {cols} FROM {first}.{table} EXCEPT ALL SELECT {cols} FROM {second}.{table}"
            only[first] = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
            if only[first] and show:
                for row in con.execute(f"{sql} LIMIT {int(show)}").fetchall():
                    lines.append(f"  only {first} in {table}: {row}")
        n = con.execute(f"SELECT count(*) FROM before.{table}").fetchone()[0]
        state = "same    " if not (only["before"] or only["after"]) else "DIFFERS "
        lines.append(f"{state} {table}: {n:,} rows; {only['before']:,} only before, {only['after']:,} only after")
    con.close()
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--table", action="append", dest="tables", help="compare only these tables")
    parser.add_argument("--show", type=int, default=3, help="rows to print of each difference (default 3)")
    args = parser.parse_args(argv)
    lines = compare(args.before, args.after, tuple(args.tables or TABLES), args.show)
    print("\n".join(lines))
    return 1 if any(line.startswith(("DIFFERS", "MISSING")) for line in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
