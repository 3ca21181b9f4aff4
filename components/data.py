"""Where the dashboard's data comes from: the store's path and version, cached connections, and
``load``, which runs a query of ``newstally.read.queries`` through ``st.cache_data``.

Caches are keyed by (store path, store version, arguments): a rebuilt store has a new version, so
nothing stale is served, and nothing is cached at module level.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import duckdb
import streamlit as st

from newstally.build import store
from newstally.build.store import DEFAULT_STORE, StoreError
from newstally.read.filters import Filters
from newstally.read.search import TextMatches, text_matches

P = ParamSpec("P")
R = TypeVar("R")

ROOT = Path(__file__).resolve().parents[1]  # the repository: dashboard.py's folder
SAMPLE_CORPUS = ROOT / "data" / "articles"
STORE_ENV = "NEWSTALLY_STORE"


def store_path() -> Path:
    """The store the dashboard reads: $NEWSTALLY_STORE or data/newstally.duckdb, relative paths
    taken from the repository root (not the working directory)."""
    configured = Path(os.environ.get(STORE_ENV) or DEFAULT_STORE).expanduser()
    return configured if configured.is_absolute() else ROOT / configured


def store_version(path: Path) -> str:
    """A token that changes whenever the store file is replaced ("" when there is none)."""
    try:
        stat = path.stat()
    except OSError:
        return ""
    return f"{stat.st_mtime_ns}-{stat.st_size}"


def _close(connection: duckdb.DuckDBPyConnection) -> None:
    connection.close()


@st.cache_resource(max_entries=4, show_spinner=False, on_release=_close)
def _connection(path: str, version: str) -> duckdb.DuckDBPyConnection:
    """One read-only connection per store version, shared by all sessions (each query takes its
    own cursor, which DuckDB allows from any thread)."""
    return store.connect(path)


def _cursor(path: str, version: str) -> duckdb.DuckDBPyConnection:
    cursor = _connection(path, version).cursor()
    cursor.execute("USE store")  # a cursor starts in the in-memory database
    return cursor


@st.cache_data(max_entries=8, show_spinner=False)
def _text_matches(path: str, version: str, text: str) -> TextMatches:
    """The rows a search matches, found once per search and store version for all the page's queries
    (a search for a common word holds a few MB of row numbers per 100,000 articles: few are kept)."""
    with _cursor(path, version) as cursor:
        return text_matches(cursor, text)


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(name: str, _query: Callable[..., Any], path: str, version: str, *args: Any, **kwargs: Any) -> Any:
    # keyed by the query's name, not the function (its leading underscore keeps it out of the key)
    searched = args and isinstance(args[0], Filters) and args[0].text.strip()
    extra = {"matches": _text_matches(path, version, args[0].text)} if searched else {}
    with _cursor(path, version) as cursor:
        return _query(cursor, *args, **kwargs, **extra)


def load(query: Callable[Concatenate[duckdb.DuckDBPyConnection, P], R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``query(connection, *args, **kwargs)`` on the dashboard's store, cached by the query's name,
    the store's version and the arguments: a page names the query it runs (``load(totals, f)``)."""
    path = store_path()
    return _cached(f"{query.__module__}.{query.__qualname__}", query, str(path), store_version(path),
                   *args, **kwargs)


def fetch(query: Callable[Concatenate[duckdb.DuckDBPyConnection, P], R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``query(connection, *args, **kwargs)`` on the dashboard's store, uncached, on a connection of
    its own: for a download made when the user clicks (it runs outside the page's script, where
    Streamlit's caches are not at hand, and its result is used once)."""
    with store.connect(store_path()) as connection:
        return query(connection, *args, **kwargs)


def ensure_store() -> bool:
    """Builds the store from the sample articles when there is none yet (with a spinner); returns
    False, after showing why, when the store cannot be read."""
    path = store_path()
    if not path.is_file():
        from newstally.build.pipeline import build

        with st.spinner(f"First start: building the store from {SAMPLE_CORPUS.relative_to(ROOT)} ..."):
            try:
                build([SAMPLE_CORPUS], path)
            except Exception as err:  # noqa: BLE001 - shown to the user instead of a traceback
                st.error(f"Could not build the store at {path}: {err}")
                return False
    try:
        _connection(str(path), store_version(path))
    except StoreError as err:
        st.error(str(err))
        return False
    return True
