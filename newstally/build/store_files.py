"""The files beside a store while a build writes it: the lock that keeps a second build out, and
the copy of the previous store that the new one starts from."""

from __future__ import annotations

import fcntl
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import IO

import duckdb

from newstally.contract.schema import TABLES, columns

from .store_health import StoreBusy, StoreDamaged, damaged_for_build, first_line, is_damage, unreadable_part


def same_schema(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the open store has every table of the schema, with the schema's columns."""
    found = dict(
        con.execute(
            "SELECT table_name, list(column_name ORDER BY column_index) FROM duckdb_columns() "
            "WHERE database_name = current_database() GROUP BY 1"
        ).fetchall()
    )
    return all(found.get(table) == columns(table) for table in TABLES)


def lock_store(path: Path) -> IO[str]:
    """The lock file beside the store at ``path``, held (close it to release); raises StoreBusy
    naming the holder when another build has it."""
    lock_path = path.with_name(path.name + ".lock")
    handle = open(lock_path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise StoreBusy(
            f"another build is writing {path} ({holder}); wait for it to finish, "
            f"or build into another store with --store"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}, since {datetime.now().isoformat(timespec='seconds')}")
    handle.flush()
    return handle


def open_copy(path: Path, building: Path) -> duckdb.DuckDBPyConnection | None:
    """A connection to a copy of the store at ``path``, read whole once; None when there is
    nothing to reuse (an empty file, or a store of another schema, which a new version replaces).
    Raises StoreDamaged when the file is no store, or a store that cannot be read back whole."""
    if path.stat().st_size == 0:
        return None
    shutil.copyfile(path, building)
    con = None
    try:
        con = duckdb.connect(str(building))
        if not (
            same_schema(con)
            and con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'meta'").fetchall()[0][0]
        ):
            con.close()
            building.unlink(missing_ok=True)
            return None
        problem = unreadable_part(con)
    except duckdb.Error as err:
        if not is_damage(err):
            raise
        problem = first_line(err)
    if problem:
        if con is not None:
            try:
                con.close()
            except duckdb.Error:
                pass
        building.unlink(missing_ok=True)
        # DuckDB names the file it opened, the copy: the user knows only the store
        raise StoreDamaged(damaged_for_build(path, problem.replace(str(building), str(path))))
    return con
