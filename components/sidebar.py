"""The sidebar filters shared by every page, kept in the URL.

Each widget is bound to a query parameter (``bind="query-params"``, its key is the parameter's
name), so a link reproduces the view: ``?speaker=maria-zakharova&category=killed&q=Gaza``.
Pages read the current filters with ``current()``; charts change them with ``apply``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

import streamlit as st

from newstally.contract.vocabulary import CATEGORIES
from newstally.read.filters import UNNAMED, Filters
from newstally.read.queries.choices import (
    date_bounds,
    distinct_values,
    speaker_choices,
    speaker_ids,
    speaker_names,
    unnamed_statements,
)

from .data import load

# widget key (= query parameter) -> Filters field
KEYS = {
    "speaker": "speakers",
    "org": "orgs",
    "country": "countries",
    "source": "sources",
    "category": "categories",
    "dates": None,
    "q": "text",
}
_LIST_KEYS = ("speaker", "org", "country", "source", "category")
_UNNAMED_AT = 10  # where the unnamed sources stand among the speaker options: near the most quoted
UNNAMED_LABEL = "Unnamed sources"
_CATEGORY_HELP = "What each category counts: " + "; ".join(f"{c.name}: {c.meaning}" for c in CATEGORIES) + "."


def _date_bounds() -> tuple[date | None, date | None]:
    first, last = load(date_bounds)
    as_date = lambda v: v.date() if hasattr(v, "date") and callable(v.date) else v  # noqa: E731
    return (as_date(first) if first is not None else None, as_date(last) if last is not None else None)


def _speaker_ids(values: tuple[str, ...]) -> tuple[str, ...]:
    """The speaker filter as speaker_ids: a name typed into the box becomes its speaker's id (a name
    no speaker has is kept, and matches nothing)."""
    typed = tuple(v for v in values if v != UNNAMED and v not in load(speaker_names, values))
    found = load(speaker_ids, typed) if typed else {}
    return tuple(dict.fromkeys(found.get(v, v) for v in values))


def current() -> Filters:
    """The filters the sidebar holds now (no filter before the sidebar has rendered)."""
    state = st.session_state
    picked = {field: tuple(state.get(key) or ()) for key, field in KEYS.items() if key in _LIST_KEYS}
    picked["speakers"] = _speaker_ids(picked["speakers"])
    first, last = _date_bounds()
    chosen = tuple(state.get("dates") or ())
    date_from = chosen[0] if len(chosen) >= 1 and chosen[0] != first else None
    date_to = chosen[1] if len(chosen) == 2 and chosen[1] != last else None
    return Filters(
        **cast(dict[str, Any], picked), date_from=date_from, date_to=date_to, text=str(state.get("q") or "").strip()
    )


def apply(key: str, values: list) -> None:
    """Sets the filter ``key`` to ``values`` (for a chart click: call it from an on_select callback,
    which runs before the sidebar is drawn)."""
    if key == "dates":
        st.session_state["dates"] = tuple(values)
    elif key in _LIST_KEYS:
        st.session_state[key] = list(values)


def reset() -> None:
    """Clears every filter (a callback of the reset button)."""
    for key in _LIST_KEYS:
        st.session_state[key] = []
    st.session_state["q"] = ""
    first, last = _date_bounds()
    st.session_state["dates"] = (first, last) if first and last else ()


def _with_current(options: list, key: str) -> list:
    """``options`` plus the values the URL or a chart click selected that are not among them
    (Streamlit drops a bound value that is not an option)."""
    extra = [v for v in list(st.query_params.get_all(key)) + list(st.session_state.get(key) or []) if v not in options]
    return list(options) + list(dict.fromkeys(extra))


def _speaker_options() -> tuple[list[str], dict[str, str]]:
    """(speaker_ids to offer, speaker_id -> label): the most quoted speakers (labelled with their role
    or organisation where two share a name), plus those a link names (the URL holds labels, as the
    widget shows them) or a chart click picked; and the unnamed sources, when there are any."""
    choices = load(speaker_choices)
    names = dict(zip(choices["speaker_id"], choices["label"]))
    known_names = set(names.values())
    linked = tuple(v for v in st.query_params.get_all("speaker") if v not in known_names)
    extra = list(load(speaker_ids, linked).values()) if linked else []
    extra += [v for v in st.session_state.get("speaker") or [] if v not in names]
    extra = [v for v in dict.fromkeys(extra) if v not in names]
    names.update(load(speaker_names, tuple(extra)) if extra else {})
    options = list(choices["speaker_id"]) + [v for v in extra if v in names]
    n_unnamed = load(unnamed_statements)
    if n_unnamed:
        # a label without a count: the URL holds it, and a count would change with the store
        names[UNNAMED] = UNNAMED_LABEL
        options.insert(min(len(options), _UNNAMED_AT), UNNAMED)
    return options, names


def nothing_to_show(current: Filters, singular: str, plural: str) -> str:
    """What a page says when it has no ``plural`` to show: that the filters match none (and how to
    loosen them), or, with no filter set, that the store holds none yet."""
    if not current.is_empty():
        return f"No {singular} matches these filters. Loosen them in the sidebar, or press “Reset filters”."
    return f"The store has no {plural} yet: add articles on the Corpus page."


def stop_with_nothing_to_show(current: Filters, singular: str, plural: str) -> None:
    """Says that there is no ``plural`` to show (``nothing_to_show``) and ends this run of the page."""
    st.info(nothing_to_show(current, singular, plural))
    st.stop()


def render(key: str = "filters") -> Filters:
    """Draws the filters in the sidebar and returns them."""
    speaker_ids, names = _speaker_options()
    values = load(distinct_values)
    first, last = _date_bounds()
    sidebar = st.sidebar
    sidebar.header("Filters")
    sidebar.multiselect(
        "Speaker",
        speaker_ids,
        key="speaker",
        bind="query-params",
        format_func=lambda sid: names.get(sid, sid),
        placeholder="any speaker",
        accept_new_options=True,
        help="Type to search the most quoted speakers; pick several to compare them. Someone "
        f"not listed: type their full name and press Enter. {UNNAMED_LABEL}: statements whose "
        "speaker the article only describes (“officials”, “a source close to the group”).",
    )
    # (label, URL key, the choices' key in ``values``, what an empty choice means, help)
    for label, url_key, choices, anything, help_text in (
        ("Organisation", "org", "orgs", "any organisation", None),
        ("Country", "country", "countries", "any country", None),
        ("Source", "source", "sources", "any source", None),
        ("Figure category", "category", "categories", "any category", _CATEGORY_HELP),
    ):
        sidebar.multiselect(
            label,
            _with_current(values[choices], url_key),
            key=url_key,
            bind="query-params",
            placeholder=anything,
            help=help_text,
        )
    if first and last:
        sidebar.date_input(
            "Published between",
            value=(first, last),
            min_value=first,
            max_value=last,
            key="dates",
            bind="query-params",
            format="YYYY-MM-DD",
            help="Articles without a date are left out once you narrow the range.",
        )
    sidebar.text_input(
        "Search statements",
        key="q",
        bind="query-params",
        placeholder="e.g. Gaza",
        help="Matches statement text, and the sentence around each figure.",
    )
    chosen = current()
    sidebar.button("Reset filters", on_click=reset, key=f"{key}-reset", disabled=chosen.is_empty(), width="stretch")
    sidebar.caption("The filters are kept in the page address: copy it to share this view.")
    return chosen
