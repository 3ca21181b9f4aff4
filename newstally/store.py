"""The store: one DuckDB file holding the tables of ``newstally.schema``.

Reading: ``read(path, sql)`` on a read-only connection. Writing: ``writing(path)`` gives a
``StoreWriter`` on a fresh file beside the store; only when the build completes does that file
replace the store (``os.replace``, atomic on POSIX). A build that is killed leaves the previous
store untouched, and a lock file stops two builds from writing one store at once.
"""
from __future__ import annotations

import fcntl
import json
import os
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import duckdb
import pandas as pd
import pyarrow as pa

from . import __version__
from .errors import NewstallyError
from .schema import PER_ARTICLE_TABLES, TABLES, columns, create_sql

DEFAULT_STORE = Path("data/newstally.duckdb")

_ARROW_TYPES = {
    "VARCHAR": pa.string(), "INTEGER": pa.int64(), "DOUBLE": pa.float64(), "DATE": pa.date32(),
    "VARCHAR[]": pa.list_(pa.string()),
}


class StoreError(NewstallyError):
    """The store cannot be read or written."""


class StoreBusy(StoreError):
    """Another build holds the store's lock."""


def arrow_table(table: str, rows: list[tuple]) -> pa.Table:
    """``rows`` (tuples in schema order) as an Arrow table with the schema's types."""
    names = columns(table)
    cols = list(zip(*rows)) if rows else [()] * len(names)
    arrays = [pa.array(list(col), type=_ARROW_TYPES[kind]) for col, (_, kind) in zip(cols, TABLES[table])]
    return pa.Table.from_arrays(arrays, names=names)


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the store at ``path`` (its tables are in the database ``store``,
    the connection's default); raises StoreError when there is no readable store.

    The file is attached to an in-memory database rather than opened with ``duckdb.connect``:
    DuckDB keeps one instance per file path in a process, so after a build replaced the file a
    plain connect could go on reading the old one. A cursor of this connection starts in the
    in-memory database: run ``USE store`` on it first.
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"no store at {path}: build one first with `newstally build CORPUS --store {path}`")
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{_quote(path)}' AS store (READ_ONLY)")
        con.execute("USE store")
    except duckdb.Error as err:
        con.close()
        raise StoreError(f"{path} is not a readable newstally store ({err}); rebuild it with "
                         "`newstally build CORPUS --fresh`") from None
    return con


def read(path: str | Path, sql: str, params: list | None = None) -> pd.DataFrame:
    """The result of ``sql`` on the store at ``path``, as a DataFrame."""
    with connect(path) as con:
        return con.execute(sql, params or []).df()


def meta(path: str | Path) -> dict[str, str]:
    """What the store says of its build (built_at, extractor_version, n_articles, ...)."""
    return dict(read(path, "SELECT key, value FROM meta").itertuples(index=False, name=None))


class StoreWriter:
    """A build in progress: a new DuckDB file, with the previous store attached as ``old``."""

    # Rows buffered before one INSERT per table: one statement per article would cost more than
    # the extraction itself.
    FLUSH_ROWS = 50_000

    def __init__(self, con: duckdb.DuckDBPyConnection, has_previous: bool):
        self.con = con
        self.has_previous = has_previous
        self._buffer: dict[str, list[tuple]] = {table: [] for table in TABLES}
        self._buffered = 0

    def cached_articles(self) -> dict[str, tuple[str, str]]:
        """article_id -> (content_hash, extractor_version) of the previous store's articles."""
        if not self.has_previous:
            return {}
        rows = self.con.execute("SELECT article_id, content_hash, extractor_version FROM old.articles").fetchall()
        return {aid: (h, v) for aid, h, v in rows}

    def insert(self, table: str, rows: list[tuple]) -> None:
        """Adds ``rows`` (tuples in schema order) to ``table``; written in bulk, at the latest by ``flush``."""
        self._buffer[table].extend(rows)
        self._buffered += len(rows)
        if self._buffered >= self.FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Writes every buffered row."""
        for table, rows in self._buffer.items():
            if rows:
                batch = arrow_table(table, rows)  # noqa: F841 (read by name in the SQL below)
                self.con.execute(f"INSERT INTO {table} SELECT * FROM batch")
                rows.clear()
        self._buffered = 0

    def copy_previous(self, tables: tuple[str, ...], article_ids: list[str]) -> None:
        """Copies ``tables`` rows of ``article_ids`` from the previous store, unchanged."""
        if not article_ids:
            return
        ids = pa.table({"article_id": pa.array(article_ids, type=pa.string())})  # noqa: F841
        for table in tables:
            self.con.execute(f"INSERT INTO {table} SELECT t.* FROM old.{table} t SEMI JOIN ids USING (article_id)")

    def count(self, table: str) -> int:
        self.flush()
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _lock(path: Path):
    lock_path = path.with_name(path.name + ".lock")
    handle = open(lock_path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise StoreBusy(f"another build is writing {path} ({holder}); wait for it to finish, "
                        f"or build into another store with --store") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}, since {datetime.now().isoformat(timespec='seconds')}")
    handle.flush()
    return handle


@contextmanager
def writing(path: str | Path, fresh: bool = False) -> Iterator[StoreWriter]:
    """A StoreWriter whose file replaces the store at ``path`` when the block completes.

    On an exception (or a kill) the store at ``path`` is left as it was. ``fresh`` ignores the
    previous store (nothing is reused from it).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = _lock(path)
    building = path.with_name(path.name + ".building")
    try:
        for leftover in (building, building.with_name(building.name + ".wal")):
            leftover.unlink(missing_ok=True)  # from a build that was killed
        con = duckdb.connect(str(building))
        has_previous = False
        if path.is_file() and not fresh:
            try:
                con.execute(f"ATTACH '{_quote(path)}' AS old (READ_ONLY)")
                has_previous = all(
                    con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'old' AND table_name = ?",
                                [t]).fetchone()[0] for t in PER_ARTICLE_TABLES)
            except duckdb.Error:
                has_previous = False  # an unreadable previous store is rebuilt from scratch
        for table in TABLES:
            con.execute(create_sql(table))
        con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
        writer = StoreWriter(con, has_previous)
        yield writer
        writer.flush()
        if has_previous:
            con.execute("DETACH old")
        con.execute("CHECKPOINT")
        con.close()
        os.replace(building, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except BaseException:
        try:
            con.close()
        except Exception:
            pass
        building.unlink(missing_ok=True)
        raise
    finally:
        lock.close()


def write_meta(writer: StoreWriter, **values: object) -> None:
    """Records what the build was (newstally version, time, counts) in the ``meta`` table."""
    values = {"newstally_version": __version__, "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "build_id": f"{time.time_ns():x}", **values}
    rows = [(k, v if isinstance(v, str) else json.dumps(v)) for k, v in values.items()]
    writer.con.executemany("INSERT INTO meta VALUES (?, ?)", rows)


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
