"""What the sidebar offers: speakers to pick, the values of the other filters, the date range."""
from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from ..filters import in_list
from .common import fetch_frame, fetch_row


def speaker_choices(con: duckdb.DuckDBPyConnection, limit: int = 1000) -> pd.DataFrame:
    """speaker_id, name, label, n_statements of the most quoted speakers (the sidebar's speaker
    options); ``label`` tells apart two speakers of one name (see ``labelled``)."""
    frame = fetch_frame(con, "SELECT speaker_id, name, role, org, country, n_statements FROM speakers "
                        "ORDER BY n_statements DESC, name LIMIT ?", [limit])
    return labelled(frame)[["speaker_id", "name", "label", "n_statements"]]


def speaker_detail(role: object, org: object, country: object) -> str:
    """What tells a speaker apart from another of the same name: role, organisation and country,
    each left out when an earlier one already says it ("UN chief, United Nations" is "UN chief")."""
    out: list[str] = []
    for value in (role, org, country):
        text = str(value).strip() if isinstance(value, str) else ""
        if text and not any(text.lower() in said.lower() for said in out):
            out.append(text)
    return ", ".join(out)


def labelled(speakers: pd.DataFrame) -> pd.DataFrame:
    """``speakers`` (columns name, role, org, country) with a ``label`` column: the name, and where
    other rows of the frame share it (ignoring case), the name with its ``speaker_detail`` in
    brackets ("Imran Khan (Al Jazeera correspondent)", "Imran Khan (Prime Minister, Pakistan)")."""
    frame = speakers.copy()
    key = frame["name"].astype(str).str.casefold()
    shared = key.duplicated(keep=False)
    details = [speaker_detail(r, o, c) for r, o, c in zip(frame["role"], frame["org"], frame["country"])]
    frame["label"] = [f"{n} ({d})" if s and d else str(n) for n, d, s in zip(frame["name"], details, shared)]
    return frame


def speaker_names(con: duckdb.DuckDBPyConnection, speaker_ids: tuple[str, ...]) -> dict[str, str]:
    """speaker_id -> display name for ``speaker_ids`` that exist."""
    if not speaker_ids:
        return {}
    params: list = []
    rows = con.execute(f"SELECT speaker_id, name FROM speakers WHERE {in_list('speaker_id', speaker_ids, params)}",
                       params).fetchall()
    return dict(rows)


def speaker_ids(con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> dict[str, str]:
    """name -> speaker_id for those of ``names`` a speaker has (ignoring case): a shared link and a
    typed name give speakers by name, not id."""
    if not names:
        return {}
    params: list = []
    lowered = tuple(dict.fromkeys(n.strip().lower() for n in names))
    rows = con.execute(f"SELECT lower(name), min(speaker_id) FROM speakers "
                       f"WHERE {in_list('lower(name)', lowered, params)} GROUP BY 1", params).fetchall()
    found = dict(rows)
    return {n: found[n.strip().lower()] for n in names if n.strip().lower() in found}


def distinct_values(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """The non-empty values the organisation, country, source and category filters can take."""
    queries = {
        "orgs": "SELECT DISTINCT org FROM speakers WHERE coalesce(org, '') <> '' ORDER BY 1",
        "countries": "SELECT DISTINCT country FROM speakers WHERE coalesce(country, '') <> '' ORDER BY 1",
        "sources": "SELECT DISTINCT source FROM articles WHERE coalesce(source, '') <> '' ORDER BY 1",
        "categories": "SELECT category FROM article_categories WHERE category <> '' "
                      "GROUP BY 1 ORDER BY sum(n_figures) DESC, 1",
    }
    return {name: [row[0] for row in con.execute(sql).fetchall()] for name, sql in queries.items()}


def date_bounds(con: duckdb.DuckDBPyConnection) -> tuple[date | None, date | None]:
    """The first and last publication date in the store (None, None when no article has one)."""
    first, last = fetch_row(con, "SELECT min(published), max(published) FROM articles", [])
    return first, last
