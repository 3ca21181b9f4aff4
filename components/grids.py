"""Tables on a page: the whole result in pages, numbers formatted by what they are, empty cells
empty, the selected row's text in full under the table, a CSV of every row, and for figures and
statements a link that opens the sentence in the article reader (with a way back to the table).
Rows are shown as plain data, never as HTML."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from newstally.read.filters import Filters
from newstally.read.markdown_text import literal_markdown
from newstally.read.queries.common import TABLE_LIMIT

from .data import fetch, load
from .downloads import caption, csv_button

ARTICLES_PAGE = "components/pages/articles.py"
ARTICLES_URL = "articles"  # the Articles page's url_path (see dashboard.py)
# url_path -> page file, for a way back from the reader (see dashboard.py)
PAGE_FILES = {
    "": "components/pages/overview.py",
    "figures": "components/pages/figures.py",
    "speakers": "components/pages/speakers.py",
    "statements": "components/pages/statements.py",
    "articles": ARTICLES_PAGE,
    "corpus": "components/pages/corpus.py",
}
READER_PARAMS = ("article", "figure", "statement", "back")
# What a column holds decides how it reads: counts and values with thousands separators (and
# decimals only where a value has them), shares as percentages, dates as dates, long text wide.
_NUMBERS = ("value", "low", "high", "reference", "figures", "statements", "articles", "n_words")
_LABELS = {"n_words": "words", "reported_by": "reported by", "published": "date", "open": "open"}
_HELP = {
    "reported_by": "The speaker, else the article's source",
    "difference": "value / reference - 1",
    "open": "Opens the article at this span in a new tab",
}
_WIDTH: dict[str, Literal["small", "medium", "large"]] = {
    "text": "large",
    "title": "medium",
    "reason": "large",
    "path": "medium",
    "name": "medium",
}


def plain(text: object) -> str:
    """``text`` with every character that Markdown would act on escaped, for st.markdown and
    headings: titles and names from articles show as written and never as markup."""
    return literal_markdown("" if text is None else str(text))


def reader_params(
    article_id: str, figure: str | None = None, statement: str | None = None, back: str | None = None
) -> dict[str, str]:
    """The query parameters that open ``article_id`` in the reader, marking a figure or statement;
    ``back`` is the page (with its own parameters: "figures?view=Table") the reader returns to."""
    params = {"article": article_id}
    if figure:
        params["figure"] = figure
    if statement:
        params["statement"] = statement
    if back is not None:
        params["back"] = back
    return params


def reader_link(
    article_id: str,
    figure: str | None = None,
    statement: str | None = None,
    back: str | None = None,
    keep: dict[str, list[str]] | None = None,
) -> str:
    """A relative link to the reader (``articles?article=ID&figure=FIGURE_ID``), carrying the
    query parameters ``keep`` (the filters) so a new tab opens under the same filters."""
    kept = [(k, v) for k, values in (keep or {}).items() if k not in READER_PARAMS for v in values]
    return f"{ARTICLES_URL}?{urlencode(list(reader_params(article_id, figure, statement, back).items()) + kept)}"


def back_target(back: str | None) -> tuple[str, dict[str, str]]:
    """(the page file, its query parameters) that ``back`` names; the article list when it names
    no page of the dashboard."""
    parts = urlsplit(back or ARTICLES_URL)
    path = parts.path.strip("/")
    if path not in PAGE_FILES:
        return ARTICLES_PAGE, {}
    return PAGE_FILES[path], dict(parse_qsl(parts.query))


def back_label(back: str | None) -> str:
    """What the reader's back button says: the page it returns to."""
    target, params = back_target(back)
    if target == ARTICLES_PAGE:
        return "Back to the list"
    name = next(path for path, file in PAGE_FILES.items() if file == target) or "overview"
    tab = f" ({params['view']})" if params.get("view") else ""
    return f"Back to {name.capitalize()}{tab}"


def _record(span: str | None) -> str | None:
    return {"figure_id": "figure", "statement_id": "statement"}.get(span or "")


def with_reader_links(
    frame: pd.DataFrame, span: str | None = None, back: str | None = None, keep: dict[str, list[str]] | None = None
) -> pd.DataFrame:
    """``frame`` with an ``open`` column linking each row to the reader; ``span`` names the id
    column to mark ("figure_id" or "statement_id")."""
    if frame.empty:
        return frame.assign(open=pd.Series(dtype=str))
    record = _record(span)
    links = [
        reader_link(row["article_id"], **({record: row[span]} if record else {}), back=back, keep=keep)
        for row in frame.to_dict("records")
    ]
    return frame.assign(open=links)


def shown_frame(frame: pd.DataFrame) -> pd.DataFrame | Styler:
    """``frame`` as a table shows it: an empty cell empty (not "None"), lists as text. A number
    column with an empty cell is given its text through a Styler (the grid writes "None" for a
    missing number whatever the column's format), the values kept for sorting."""
    out = _texts(frame)
    gaps = [n for n in out.columns if n in _NUMBERS and pd.api.types.is_numeric_dtype(out[n]) and out[n].isna().any()]
    if not gaps:
        return out
    # the grid shows a Styler's text for a cell, except for a missing value: a gap becomes -inf,
    # which sorts where a missing value would and is written as nothing
    out[gaps] = out[gaps].astype(float).fillna(-math.inf)
    return out.style.format(_number_or_nothing, subset=pd.IndexSlice[:, gaps])


def _number_or_nothing(value: object) -> str:
    return number_text(float(value)) if isinstance(value, (int, float)) and math.isfinite(value) else ""


def number_text(value: float) -> str:
    """A number as a "localized" number column shows it: thousands separators, decimals only
    where it has them (up to three)."""
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def _texts(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if column.dtype == object:
            out[name] = column.map(
                lambda v: (
                    ", ".join(map(str, v))
                    if isinstance(v, (list, tuple))
                    else ""
                    if v is None or (isinstance(v, float) and pd.isna(v))
                    else v
                )
            )
        elif pd.api.types.is_string_dtype(column):
            out[name] = column.fillna("")
        elif pd.api.types.is_datetime64_any_dtype(column) and column.isna().any():
            # the grid writes "None" for a missing date: ISO text sorts as the dates do
            out[name] = column.dt.strftime("%Y-%m-%d").fillna("")
    return out


def number_width(values: pd.Series, label: str) -> int:
    """The width in pixels that shows the longest of ``values`` (with thousands separators) and
    ``label`` whole: the grid sizes a column by its first rows, and cuts a longer number found
    further down from the left ("2,300,000" read "300,000")."""
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    longest = max((len(number_text(v)) for v in numbers), default=1)
    return max(64, 8 * max(longest, len(label)) + 28)


def column_config(columns: list[str], frame: pd.DataFrame | None = None) -> dict[str, Any]:
    """How each of ``columns`` (of ``frame``, whose numbers size their columns) is shown, by what it holds."""
    config: dict[str, Any] = {}
    for name in columns:
        label, help_text = _LABELS.get(name, name.replace("_", " ")), _HELP.get(name)
        if name == "open":
            config[name] = st.column_config.LinkColumn(label, display_text="open ↗", width="small", help=help_text)
        elif name in _NUMBERS:
            width = number_width(frame[name], label) if frame is not None and name in frame else None
            # a column with gaps takes its text from shown_frame's Styler, which a format would override
            gaps = frame is not None and name in frame and bool(frame[name].isna().any())
            number_format = None if gaps else "localized"
            config[name] = st.column_config.NumberColumn(label, format=number_format, help=help_text, width=width)
        elif name == "difference":
            config[name] = st.column_config.NumberColumn(label, format="percent", help=help_text)
        elif name in ("published", "first", "last"):
            config[name] = st.column_config.DateColumn(label, format="YYYY-MM-DD")
        else:
            config[name] = st.column_config.TextColumn(label, width=_WIDTH.get(name), help=help_text)
    return config


def _turn(key: str, step: int, pages: int) -> None:
    st.session_state[key] = min(max(1, int(st.session_state.get(key) or 1) + step), pages)


def _pager(key: str, total: int, what: str) -> int:
    """The page chosen (1-based), with Previous, the page number and Next; resets to the first
    page when a filter changed what the table holds (the caller clears ``key``)."""
    pages = max(1, -(-total // TABLE_LIMIT))
    if int(st.session_state.get(key) or 1) > pages:
        st.session_state[key] = 1
    page = int(st.session_state.get(key) or 1)
    first = (page - 1) * TABLE_LIMIT + 1
    last = min(page * TABLE_LIMIT, total)
    if pages == 1:
        st.caption(f"{what.capitalize()}: {total:,}, all shown.")
        return 1
    left, middle, right, note = st.columns([1.2, 1.2, 1, 4], vertical_alignment="bottom")
    left.button(
        "Previous",
        key=f"{key}-previous",
        on_click=_turn,
        args=(key, -1, pages),
        disabled=page == 1,
        icon=":material/chevron_left:",
        width="stretch",
    )
    middle.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, step=1, key=key)
    right.button(
        "Next",
        key=f"{key}-next",
        on_click=_turn,
        args=(key, 1, pages),
        disabled=page == pages,
        icon=":material/chevron_right:",
        icon_position="right",
        width="stretch",
    )
    note.caption(f"{what.capitalize()} {first:,}–{last:,} of {total:,}.")
    return page


def _details(row: pd.Series, span: str | None, back: str | None) -> None:
    """The selected row in full: its text (wrapped, however long), where it comes from, and a
    button that opens it in the reader."""
    with st.container(border=True, key=None):
        text = row.get("text") if "text" in row else row.get("title")
        who = row.get("reported_by") or row.get("speaker") or row.get("source")
        when = row.get("published")
        facts = " · ".join(
            str(v)
            for v in (
                who,
                when.strftime("%Y-%m-%d") if hasattr(when, "strftime") and pd.notna(when) else None,
                row.get("title"),
            )
            if v
        )
        if text:
            st.markdown(f"“{plain(text)}”")
        if facts:
            st.caption(plain(facts))
        if "article_id" in row:
            record = _record(span)
            marked = {record: row[span]} if record and span else {}
            if st.button(
                "Read it in the article",
                icon=":material/article:",
                key=f"open-{row['article_id']}-{row.get(span) if span else ''}",
            ):
                st.switch_page(ARTICLES_PAGE, query_params=reader_params(row["article_id"], **marked, back=back))


def paged(
    query: Callable[..., tuple[pd.DataFrame, int]],
    *args: Any,
    columns: list[str],
    key: str,
    span: str | None = None,
    what: str = "rows",
    empty: str = "Nothing matches these filters.",
    back: str | None = None,
    name: str | None = None,
) -> None:
    """The result of ``query(con, *args, limit=, offset=)`` (a page of rows and the total count) as
    a table of ``columns``, a page at a time over the whole result; a CSV button downloads every
    row (named ``name``, its source and filters above the header). Selecting a row shows it in full,
    with a button to open it in the reader (``span``: the id column to mark); the reader's
    "back" returns to ``back`` (this page, with its own parameters)."""
    page_key = f"{key}-page"
    asked = repr(args)
    if st.session_state.get(f"{key}-asked") != asked:  # other filters: back to the first page
        st.session_state[f"{key}-asked"] = asked
        st.session_state[page_key] = 1
    page = int(st.session_state.get(page_key) or 1)
    frame, total = load(query, *args, limit=TABLE_LIMIT, offset=(page - 1) * TABLE_LIMIT)
    if total == 0:
        st.info(empty)
        return
    page = _pager(page_key, total, what)
    if frame.empty and page > 1:  # the page was asked before the total shrank
        frame, _ = load(query, *args, limit=TABLE_LIMIT, offset=(page - 1) * TABLE_LIMIT)
    linked = "article_id" in frame.columns and span != "none"
    shown = (
        with_reader_links(frame, span, back, {k: st.query_params.get_all(k) for k in st.query_params})
        if linked
        else frame
    )
    order = (["open"] if linked else []) + [c for c in columns if c in shown.columns]
    event = st.dataframe(
        shown_frame(shown),
        column_order=order,
        column_config=column_config(order, frame),
        hide_index=True,
        key=key,
        on_select="rerun",
        selection_mode="single-row",
        row_height=34,
    )
    rows = getattr(getattr(event, "selection", None), "rows", None) or []
    if rows and rows[0] < len(frame):
        _details(frame.iloc[rows[0]], span, back)
    else:
        st.caption("Select a row to read it in full here" + (", and open it in its article." if linked else "."))
    filters = next((a for a in args if isinstance(a, Filters)), Filters())
    csv_button(
        lambda: fetch(query, *args, limit=None)[0],
        name or key,
        f"{key}-csv",
        caption(filters),
        label=f"CSV of all {total:,} {what}",
        help=f"Every row of this table ({total:,}), not only this page",
    )
