"""What the sidebar offers: speakers to pick, the values of the other filters, the date range."""

from __future__ import annotations

import re
from datetime import date

import duckdb
import pandas as pd

from ..filters import in_list
from .common import fetch_frame, fetch_int, fetch_row


def speaker_choices(con: duckdb.DuckDBPyConnection, limit: int = 1000) -> pd.DataFrame:
    """speaker_id, name, label, n_statements of the most quoted speakers (the sidebar's speaker
    options); ``label`` tells apart two speakers of one name (see ``labelled``)."""
    frame = fetch_frame(
        con,
        "SELECT speaker_id, name, role, org, country, n_statements FROM speakers "
        "ORDER BY n_statements DESC, name LIMIT ?",
        [limit],
    )
    return labelled(frame)[["speaker_id", "name", "label", "n_statements"]]


def unnamed_statements(con: duckdb.DuckDBPyConnection) -> int:
    """How many statements are by unnamed sources (the sidebar offers them as one choice)."""
    return fetch_int(con, "SELECT coalesce(sum(n_statements), 0) FROM article_speakers WHERE unnamed", [])


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
    """``speakers`` (columns speaker_id, name, role, org, country) with a ``label`` column: the name,
    and where other rows of the frame share it (ignoring case), the name with its ``speaker_detail``
    in brackets ("Sam Reed (Vandor Radio correspondent)", "Sam Reed (Prime Minister, Norway)"), and
    the speaker_id where that is shared too ("Ali (resident; ali-2)")."""
    frame = speakers.copy()
    key = frame["name"].astype(str).str.casefold()
    shared = key.duplicated(keep=False)
    details = [speaker_detail(r, o, c) for r, o, c in zip(frame["role"], frame["org"], frame["country"])]
    labels = pd.Series([f"{n} ({d})" if s and d else str(n) for n, d, s in zip(frame["name"], details, shared)])
    # people of one name that nothing else tells apart ("Mohammed", a resident, in two articles):
    # the id, which is theirs alone
    same = labels.str.casefold().duplicated(keep=False).to_numpy()
    frame["label"] = [
        (f"{label[:-1]}; {sid})" if label.endswith(")") else f"{label} ({sid})") if twin else label
        for label, sid, twin in zip(labels, frame["speaker_id"], same)
    ]
    return frame


def speaker_names(con: duckdb.DuckDBPyConnection, speaker_ids: tuple[str, ...]) -> dict[str, str]:
    """speaker_id -> display name for ``speaker_ids`` that exist."""
    if not speaker_ids:
        return {}
    params: list = []
    rows = con.execute(
        f"SELECT speaker_id, name FROM speakers WHERE {in_list('speaker_id', speaker_ids, params)}", params
    ).fetchall()
    return dict(rows)


def speaker_ids(con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> dict[str, str]:
    """name -> speaker_id for those of ``names`` a speaker has (ignoring case): a shared link and a
    typed name give speakers by name, not id. A label of the speaker filter ("Sam Reed (Vandor Radio
    correspondent)") gives the speaker it labels; a name two speakers share, the most quoted."""
    if not names:
        return {}
    wanted = {n: n.strip().lower() for n in names}
    bare = {n: _LABELLED.sub("", w) for n, w in wanted.items()}
    params: list = []
    lowered = tuple(dict.fromkeys(list(wanted.values()) + list(bare.values())))
    frame = fetch_frame(
        con,
        f"SELECT speaker_id, name, role, org, country, n_statements FROM speakers "
        f"WHERE {in_list('lower(name)', lowered, params)} ORDER BY n_statements DESC, speaker_id",
        params,
    )
    if frame.empty:
        return {}
    frame = labelled(frame)
    by_label = dict(zip(frame["label"].str.lower()[::-1], frame["speaker_id"][::-1]))  # the most quoted wins
    by_name = dict(zip(frame["name"].str.lower()[::-1], frame["speaker_id"][::-1]))
    found = {n: by_label.get(w) or by_name.get(w) or by_name.get(bare[n]) for n, w in wanted.items()}
    return {n: sid for n, sid in found.items() if sid}


_LABELLED = re.compile(r"\s*\(.*\)$")


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
