"""Tables on a page: rows shown as plain data (never as HTML), a count of what was left out, and
for figures and statements a link that opens the sentence in the article reader."""
from __future__ import annotations

import re
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

ARTICLES_PAGE = "components/pages/articles.py"
ARTICLES_URL = "articles"  # the Articles page's url_path (see dashboard.py)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def plain(text: object) -> str:
    """``text`` with every character that Markdown would act on escaped, for st.markdown and
    headings: titles and names from articles show as written and never as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", "" if text is None else str(text))


def reader_params(article_id: str, figure: str | None = None, statement: str | None = None) -> dict[str, str]:
    """The query parameters that open ``article_id`` in the reader, marking a figure or statement."""
    params = {"article": article_id}
    if figure:
        params["figure"] = figure
    if statement:
        params["statement"] = statement
    return params


def reader_link(article_id: str, figure: str | None = None, statement: str | None = None) -> str:
    """A relative link to the reader (``articles?article=ID&figure=FIGURE_ID``)."""
    return f"{ARTICLES_URL}?{urlencode(reader_params(article_id, figure, statement))}"


def with_reader_links(frame: pd.DataFrame, span: str | None = None) -> pd.DataFrame:
    """``frame`` with an ``open`` column linking each row to the reader; ``span`` names the id
    column to mark ("figure_id" or "statement_id")."""
    if frame.empty:
        return frame.assign(open=pd.Series(dtype=str))
    record = {"figure_id": "figure", "statement_id": "statement"}.get(span or "")
    links = [reader_link(row["article_id"], **({record: row[span]} if record else {}))
             for row in frame.to_dict("records")]
    return frame.assign(open=links)


def render(frame: pd.DataFrame, total: int, columns: list[str], key: str, span: str | None = None,
           what: str = "rows", empty: str = "Nothing matches these filters.") -> None:
    """Shows ``columns`` of ``frame`` with a link to the reader per row, and says how many of
    ``total`` are shown. Selecting a row opens it in the reader in this tab."""
    if frame.empty:
        st.info(empty)
        return
    shown = with_reader_links(frame, span) if "article_id" in frame.columns else frame
    st.caption(f"Showing {len(frame):,} of {total:,} {what}" + (" (narrow the filters to see the rest)."
                                                                  if total > len(frame) else "."))
    config = {"open": st.column_config.LinkColumn("open", display_text="open ↗", width="small",
                                                  help="Opens the article at this span in a new tab"),
              "value": st.column_config.NumberColumn(format="%,.0f"),
              "low": st.column_config.NumberColumn(format="%,.0f"),
              "high": st.column_config.NumberColumn(format="%,.0f"),
              "reference": st.column_config.NumberColumn(format="%,.0f"),
              "n_words": st.column_config.NumberColumn("words"),
              "text": st.column_config.TextColumn("text", width="large"),
              "title": st.column_config.TextColumn("title", width="medium"),
              "reported_by": st.column_config.TextColumn("reported by", help="The speaker, else the article's source"),
              "difference": st.column_config.NumberColumn(format="percent", help="value / reference - 1"),
              "published": st.column_config.DateColumn("date", format="YYYY-MM-DD")}
    order = (["open"] if "open" in shown.columns else []) + [c for c in columns if c in shown.columns]
    event = st.dataframe(shown, column_order=order, column_config=config, hide_index=True, key=key,
                         on_select="rerun", selection_mode="single-row")
    rows = getattr(getattr(event, "selection", None), "rows", None) or []
    if rows and "article_id" in frame.columns:
        row = frame.iloc[rows[0]]
        record = {"figure_id": "figure", "statement_id": "statement"}.get(span or "")
        st.switch_page(ARTICLES_PAGE, query_params=reader_params(
            row["article_id"], **({record: row[span]} if record else {})))
