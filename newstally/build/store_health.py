"""What can be wrong with a store file, said so that a user can fix it.

DuckDB checks a block's checksum only when it reads the block: a store cut short or with a flipped
bit opens, passes a look at its tables, and fails later on whichever query touches the damage
("Could not read enough bytes", "Corrupt database file"). ``unreadable_part`` reads every row of
every table once, so the damage is found before a build relies on the file, and the messages
here name the problem and the fix (``--fresh``, or another ``--store``) instead of a traceback.

A build that stops for want of disk space says so too, whether the operating system (OSError)
or DuckDB (its own exceptions, with the system's text inside) reported it.
"""

from __future__ import annotations

import errno
from pathlib import Path

import duckdb

from newstally.contract.errors import NewstallyError
from newstally.contract.schema import TABLES

# The system's words for a full disk, as DuckDB passes them on inside its own messages.
_DISK_FULL_WORDS = ("No space left on device", "Disk quota exceeded")
# DuckDB errors that come from the query (parser, binder, catalog), not from the file: never
# evidence of damage, and not to be hidden behind a message about it.
_QUERY_ERRORS = (duckdb.ProgrammingError,)


class StoreError(NewstallyError):
    """The store cannot be read or written."""


class StoreBusy(StoreError):
    """Another build holds the store's lock."""


class StoreDamaged(StoreError):
    """The store file is damaged (cut short, corrupt): it must be built anew (``--fresh``)."""


class StoreFull(StoreError):
    """The disk ran out of space while a build wrote the new store; the old one is untouched."""


def unreadable_part(con: duckdb.DuckDBPyConnection) -> str | None:
    """None when every row of every table of the open store reads back; else what failed.

    Reads the whole file once (a hash of every row), about as long as copying it.
    """
    for table in (*TABLES, "meta"):
        try:
            con.execute(f"SELECT count(*), max(hash(t)) FROM {table} t").fetchall()
        except duckdb.Error as error:
            if isinstance(error, _QUERY_ERRORS):
                raise
            return f"table {table}: {first_line(error)}"
    return None


def is_damage(error: BaseException) -> bool:
    """Whether ``error``, raised while reading a store, says the file is damaged."""
    return isinstance(error, duckdb.Error) and not isinstance(error, _QUERY_ERRORS)


def damaged_for_build(path: Path, problem: str) -> str:
    """Why a build cannot reuse the store at ``path``, and the two ways on."""
    return (
        f"the store at {path} is damaged and cannot be read ({problem}); its articles cannot "
        f"be reused. Build it anew with `newstally build CORPUS --fresh --store {path}` (the "
        "damaged file is replaced), or keep it and build into another file with --store PATH"
    )


def damaged_for_reading(path: Path, problem: str) -> str:
    """Why the store at ``path`` cannot be read (export, evaluate, the dashboard), and the fix."""
    return (
        f"the store at {path} is damaged and cannot be read ({problem}); build it anew with "
        f"`newstally build CORPUS --fresh --store {path}`, or read another store with "
        "--store PATH"
    )


def is_disk_full(error: BaseException) -> bool:
    """Whether ``error`` (from the system or from DuckDB) means the disk or quota is full."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(error, duckdb.Error) and any(w in str(error) for w in _DISK_FULL_WORDS)


def disk_full(path: Path, previous_bytes: int) -> str:
    """What to do when a build of the store at ``path`` ran out of disk space."""
    room = f" (the store is {previous_bytes / 2**20:,.0f} MB)" if previous_bytes else ""
    return (
        f"the disk holding {path.parent} is full, so the build stopped; the store at {path} "
        f"was left as it was. Free some space: a build writes a new copy of the store beside "
        f"the old one{room}, or build into a store on another disk with --store PATH"
    )


def write_failed(path: Path, error: BaseException) -> str:
    """What to do when the new store file beside ``path`` could not be written."""
    return (
        f"could not write the new store beside {path} ({first_line(error)}); the store was "
        "left as it was. Check that its folder is writable and its disk works, or build into "
        "another folder with --store PATH"
    )


def first_line(error: BaseException) -> str:
    """The first line of ``error``'s message (DuckDB adds hints and stack notes below it)."""
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
