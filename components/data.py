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
    with _cursor(path, version) as cursor, store.damage_reported(path):
        return _query(cursor, *args, **kwargs, **extra)


def load(query: Callable[Concatenate[duckdb.DuckDBPyConnection, P], R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``query(connection, *args, **kwargs)`` on the dashboard's store, cached by the query's name,
    the store's version and the arguments: a page names the query it runs (``load(totals, f)``)."""
    path = store_path()
    try:
        return _cached(
            f"{query.__module__}.{query.__qualname__}", query, str(path), store_version(path), *args, **kwargs
        )
    except StoreError as err:  # damaged where this query reads: the page cannot go on, a rebuild can
        show_unreadable(path, str(err))
        st.stop()


def fetch(query: Callable[Concatenate[duckdb.DuckDBPyConnection, P], R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``query(connection, *args, **kwargs)`` on the dashboard's store, uncached, on a connection of
    its own: for a download made when the user clicks (it runs outside the page's script, where
    Streamlit's caches are not at hand, and its result is used once)."""
    with store.connect(store_path()) as connection:
        return query(connection, *args, **kwargs)


def ensure_store() -> bool:
    """Builds the store from the sample articles when there is none yet (with a spinner); returns
    False, after showing why and how to build it anew, when the store cannot be read."""
    path = store_path()
    if not path.is_file():
        from newstally.build.pipeline import build

        with st.spinner(f"First start: building the store from {SAMPLE_CORPUS.relative_to(ROOT)} ..."):
            try:
                build([SAMPLE_CORPUS], path)
            except Exception as err:  # noqa: BLE001 - shown to the user instead of a traceback
                st.error(f"Could not build the store at {path}: {err}")
                return False
    problem = _problem(str(path), store_version(path))
    if problem:
        show_unreadable(path, problem)
        return False
    return True


@st.cache_data(max_entries=4, show_spinner="Checking the store ...")
def _problem(path: str, version: str) -> str | None:
    """What is wrong with the store (``store.store_problem``: every row read once), per version."""
    return store.store_problem(path)


def store_readable() -> bool:
    """Whether the dashboard's store can be read (the check ``ensure_store`` made, cached)."""
    path = store_path()
    return _problem(str(path), store_version(path)) is None


def show_unreadable(path: Path, problem: str) -> None:
    """Says why the store at ``path`` cannot be read and offers to build it anew, from the corpus
    of its last build (when those files are still there) or from the sample articles."""
    from newstally.build.corpus_record import last_corpus

    st.error(f"The dashboard cannot read its store. {problem[:1].upper()}{problem[1:]}", icon=":material/error:")
    last = last_corpus(path)
    choices: list[tuple[str, list[Path], Any]] = []
    if last is not None:
        names = ", ".join(p.name for p in last.paths[:3]) + (" ..." if len(last.paths) > 3 else "")
        choices.append(
            (f"Build anew from the last corpus ({names}, built {last.built_at[:16]})", list(last.paths), last.fields)
        )
    choices.append((f"Build anew from the sample articles ({SAMPLE_CORPUS.relative_to(ROOT)})", [SAMPLE_CORPUS], None))
    for n, (label, paths, fields) in enumerate(choices):
        if st.button(label, key=f"rebuild-{n}", icon=":material/build:"):
            _rebuild(path, paths, fields)


def _rebuild(path: Path, paths: list[Path], fields: Any) -> None:
    from newstally.build.ingest import FieldMap
    from newstally.build.pipeline import build

    with st.spinner(f"Building {path} anew ..."):
        try:
            build(paths, path, fields or FieldMap(), fresh=True)  # the damaged file holds nothing to reuse
        except Exception as err:  # noqa: BLE001 - shown to the user instead of a traceback
            st.error(f"The build failed: {err}")
            return
    st.cache_data.clear()
    st.rerun()
