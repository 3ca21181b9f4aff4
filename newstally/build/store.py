"""The store: one DuckDB file holding the tables of ``newstally.contract.schema``.

Reading: ``read(path, sql)`` on a read-only connection. Writing: ``writing(path)`` gives a
``StoreWriter`` on a fresh file beside the store; only when the build completes does that file
replace the store (``os.replace``, atomic on POSIX). A build that is killed leaves the previous
store untouched, and a lock file stops two builds from writing one store at once.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import duckdb
import pyarrow as pa

from newstally import __version__
from newstally.contract.schema import DERIVED, PER_ARTICLE_TABLES, TABLES, columns, create_sql, sql_types

from .lifeline import reap_workers, worker_registry
from .rows import ArticleMetadata
from .store_files import lock_store, open_copy, same_schema
from .store_health import (
    StoreBusy,
    StoreDamaged,
    StoreError,
    StoreFull,
    damaged_for_reading,
    disk_full,
    first_line,
    is_damage,
    is_disk_full,
    unreadable_part,
    write_failed,
)

__all__ = ["StoreBusy", "StoreDamaged", "StoreError", "StoreFull"]  # raised here, declared with their messages

if TYPE_CHECKING:  # pandas loads only where a DataFrame is made: a rebuild may need none
    import pandas as pd

DEFAULT_STORE = Path("data/newstally.duckdb")
WRITER_MEMORY_LIMIT = "512MB"

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int64(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
}


class StoredArticle(NamedTuple):
    """What the store holds of an article, for a rebuild to tell what changed."""

    content_hash: str
    extractor_version: str
    metadata: ArticleMetadata


def arrow_table(table: str, rows: Sequence[tuple]) -> pa.Table:
    """``rows`` (the table's row type, or tuples in its column order) as an Arrow table with the schema's types."""
    names = columns(table)
    cols = list(zip(*rows)) if rows else [()] * len(names)
    arrays = [pa.array(list(col), type=_ARROW_TYPES[sql_type]) for col, (_, sql_type) in zip(cols, sql_types(table))]
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
        same = same_schema(con)
    except duckdb.Error as err:
        con.close()
        raise StoreError(
            f"{path} is not a readable newstally store ({err}); rebuild it with `newstally build CORPUS --fresh`"
        ) from None
    if not same:
        con.close()
        raise StoreError(f"{path} was built by another version of newstally; rebuild it with `newstally build CORPUS`")
    return con


def store_problem(path: str | Path) -> str | None:
    """None when ``path`` holds a store every query can read; else what is wrong and how to fix it
    (no store, another version, damaged). Reads the whole file: call it once per store version."""
    try:
        with connect(path) as con:
            problem = unreadable_part(con)
    except StoreError as err:
        return str(err)
    return damaged_for_reading(Path(path), problem) if problem else None


@contextmanager
def damage_reported(path: str | Path) -> Iterator[None]:
    """Turns an error that says the store at ``path`` is damaged, raised in the block, into a
    StoreDamaged that names the fix; other errors pass through."""
    try:
        yield
    except duckdb.Error as err:
        if not is_damage(err):
            raise
        raise StoreDamaged(damaged_for_reading(Path(path), first_line(err))) from None


def read(path: str | Path, sql: str, params: list | None = None) -> pd.DataFrame:
    """The result of ``sql`` on the store at ``path``, as a DataFrame."""
    with connect(path) as con:
        return con.execute(sql, params or []).df()


def meta(path: str | Path) -> dict[str, str]:
    """What the store says of its build (built_at, extractor_version, n_articles, ...)."""
    return dict(read(path, "SELECT key, value FROM meta").itertuples(index=False, name=None))


class StoreWriter:
    """A build in progress on a new file: a copy of the previous store (rows of unchanged articles
    stay as they are) or, for a fresh build, empty tables."""

    # Rows buffered before one INSERT per table: one statement per article would cost more than
    # the extraction itself.
    FLUSH_ROWS = 50_000

    def __init__(self, con: duckdb.DuckDBPyConnection, from_previous: bool):
        self.con = con
        self.from_previous = from_previous
        self._buffer: dict[str, list[tuple]] = {table: [] for table in TABLES}
        self._buffered = 0
        self._forget: dict[str, list[str]] = {table: [] for table in PER_ARTICLE_TABLES}
        self.previous_meta: dict[str, str] = {}

    def previous_articles(self) -> dict[str, StoredArticle]:
        """article_id -> what the previous store holds of it ({} for a fresh build)."""
        if not self.from_previous:
            return {}
        rows = self.con.execute(
            "SELECT article_id, content_hash, extractor_version, title, source, url, "
            "CAST(published AS VARCHAR), path FROM articles"
        ).fetchall()
        return {
            article_id: StoredArticle(
                content_hash or "", version or "", ArticleMetadata(*("" if v is None else v for v in metadata))
            )
            for article_id, content_hash, version, *metadata in rows
        }

    def insert(self, table: str, rows: Sequence[tuple]) -> None:
        """Adds ``rows`` (tuples in schema order) to ``table``; written in bulk, at the latest by ``flush``."""
        self._buffer[table].extend(rows)
        self._buffered += len(rows)
        if self._buffered >= self.FLUSH_ROWS:
            self.flush()

    def forget(self, article_id: str, tables: tuple[str, ...] = PER_ARTICLE_TABLES) -> None:
        """Drops the previous rows of ``article_id`` in ``tables`` (before its new rows are written)."""
        for table in tables:
            self._forget[table].append(article_id)

    def flush(self) -> None:
        """Writes every buffered change: forgotten articles first, then the new rows."""
        for table, ids in self._forget.items():
            if ids:
                self._delete_articles("IN", ids, (table,))
                ids.clear()
        for table, rows in self._buffer.items():
            if rows:
                batch = arrow_table(table, rows)  # noqa: F841 (read by name in the SQL below)
                self.con.execute(f"INSERT INTO {table} SELECT * FROM batch")
                rows.clear()
        self._buffered = 0

    def keep_only(self, article_ids: list[str]) -> int:
        """Drops every article not in ``article_ids`` (gone from the corpus); returns how many."""
        before = self.count("articles")
        if before == len(set(article_ids)):
            return 0  # every stored article is in the corpus (the usual rebuild): nothing to look up
        self._delete_articles("NOT IN", article_ids)
        return before - self.count("articles")

    def _delete_articles(
        self, which: str, article_ids: list[str], tables: tuple[str, ...] = PER_ARTICLE_TABLES
    ) -> None:
        # The ids go in as one list parameter: no Arrow table, which would load pandas for nothing.
        for table in tables:
            self.con.execute(
                f"DELETE FROM {table} WHERE article_id {which} (SELECT unnest(?::VARCHAR[]))", [article_ids]
            )

    def derive(self) -> None:
        """Writes everything buffered and recomputes the lookups of ``schema.DERIVED`` from it."""
        self.flush()
        for table, sql in DERIVED.items():
            self.con.execute(f"DELETE FROM {table}")
            self.con.execute(f"INSERT INTO {table} {sql}")

    def count(self, table: str) -> int:
        self.flush()
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]

    def mentions(self) -> pd.DataFrame:
        """Every article's speakers (the mentions table), as the corpus-wide merge reads them."""
        import pandas as pd  # loaded only when the speakers are merged again

        self.flush()
        # Read through Arrow into Arrow-backed columns: a million mentions take half the memory of
        # Python strings, and the merge gives the same table.
        with self.con.cursor() as cursor:  # a cursor of its own: the connection may hold a pending result
            return (
                cursor.sql(
                    "SELECT mention_id, article_id, name, type, role, org, country, aliases, n_statements "
                    "FROM mentions WHERE named"
                )
                .to_arrow_table()
                .to_pandas(types_mapper=pd.ArrowDtype)
            )

    def set_speakers(self, speakers: pd.DataFrame, speaker_of: dict[str, str]) -> None:
        """Replaces the speakers table with ``speakers`` (its columns) and sets every speaker column
        from the merge: each mention's speaker_id (``speaker_of``: mention_id -> speaker_id), each
        statement's speaker_id and name, and each figure's (its statement's speaker). A statement by
        an unnamed source (a mention that is not ``named``) keeps the description as its speaker."""
        con = self.con
        con.execute("DELETE FROM speakers")  # the copy of the previous store holds its own merge
        self.insert("speakers", list(speakers.itertuples(index=False, name=None)))
        self.flush()
        merged = pa.table(  # noqa: F841 (read by name in the SQL below)
            {
                "mention_id": pa.array(list(speaker_of), pa.string()),
                "speaker_id": pa.array(list(speaker_of.values()), pa.string()),
            }
        )
        con.execute(
            "UPDATE mentions SET speaker_id = m.speaker_id FROM merged m WHERE mentions.mention_id = m.mention_id"
        )
        con.execute("UPDATE statements SET speaker_id = NULL, speaker = NULL, unnamed = false")
        con.execute(
            "UPDATE statements SET speaker = m.name, unnamed = true FROM mentions m "
            "WHERE statements.mention_id = m.mention_id AND NOT m.named"
        )
        con.execute(
            "UPDATE statements SET speaker_id = m.speaker_id, speaker = s.name FROM mentions m, speakers s "
            "WHERE statements.mention_id = m.mention_id AND m.speaker_id = s.speaker_id"
        )
        con.execute("UPDATE figures SET speaker_id = NULL")
        con.execute(
            "UPDATE figures SET speaker_id = s.speaker_id FROM statements s WHERE figures.statement_id = s.statement_id"
        )


@contextmanager
def writing(path: str | Path, fresh: bool = False) -> Iterator[StoreWriter]:
    """A StoreWriter whose file replaces the store at ``path`` when the block completes.

    The new file starts as a copy of the previous store, so unchanged articles cost nothing;
    ``fresh`` (or an empty file, or a store of another schema) starts empty. A previous store
    that is damaged raises StoreDamaged (rebuild with ``fresh``, or write elsewhere). On an
    exception (or a kill) the store at ``path`` is left as it was; a full disk raises StoreFull
    and another failure to write the new file StoreError, each saying what to do.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = lock_store(path)
    building = path.with_name(path.name + ".building")
    con = None
    try:
        for leftover in (building, building.with_name(building.name + ".wal")):
            leftover.unlink(missing_ok=True)  # from a build that was killed
        reap_workers(worker_registry(path))  # ... and its workers, if any outlived it
        con = open_copy(path, building) if path.is_file() and not fresh else None
        from_previous = con is not None
        if con is None:
            con = duckdb.connect(str(building))
            for table in TABLES:
                con.execute(create_sql(table))
            con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
        # DuckDB would cache up to 80% of the machine's memory; a build needs little of it, and
        # spills to disk past this, so peak memory stays flat as the corpus grows
        con.execute(f"SET memory_limit = '{WRITER_MEMORY_LIMIT}'")
        writer = StoreWriter(con, from_previous)
        writer.previous_meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        con.execute("DELETE FROM rejected")  # inputs are judged anew at every build
        con.execute("DELETE FROM meta")
        yield writer
        writer.derive()
        con.execute("CHECKPOINT")
        con.close()
        os.replace(building, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except BaseException as err:
        if con is not None:
            try:
                con.close()
            except duckdb.Error:
                pass
        building.unlink(missing_ok=True)
        if is_disk_full(err):
            raise StoreFull(disk_full(path, _size(path))) from err
        if isinstance(err, (duckdb.IOException, duckdb.FatalException)):
            raise StoreError(write_failed(path, err)) from err
        raise
    finally:
        worker_registry(path).unlink(missing_ok=True)
        lock.close()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def write_meta(writer: StoreWriter, **values: object) -> None:
    """Records what the build was (newstally version, time, counts) in the ``meta`` table."""
    values = {
        "newstally_version": __version__,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "build_id": f"{time.time_ns():x}",
        **values,
    }
    rows = [(k, v if isinstance(v, str) else json.dumps(v)) for k, v in values.items()]
    writer.con.executemany("INSERT INTO meta VALUES (?, ?)", rows)


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
