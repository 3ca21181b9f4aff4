"""The article reader: the text with figures highlighted by category and statements marked with
their speaker; a figure or statement named in the link is outlined and scrolled to.

The article's HTML comes only from ``newstally.read.highlight`` (which escapes the text first);
titles, sources and names are shown as plain text.
"""

from __future__ import annotations

import html
import json

import pandas as pd
import streamlit as st

from newstally.contract.vocabulary import CATEGORY_COLORS
from newstally.read.charts import category_color
from newstally.read.highlight import anchor_id, figure_spans, reader_html, statement_spans
from newstally.read.queries.articles import article, article_figures, article_statements

from .data import load
from .grids import column_config, plain, shown_frame


def _legend_html(categories: list[str]) -> str:
    chips = "".join(
        f'<span style="background:{category_color(c)}33;border-bottom:2px solid {category_color(c)};'
        f'padding:0 .4em;margin-right:.4em;border-radius:.2em">{html.escape(c)}</span>'
        for c in categories
    )
    return (
        f'<div style="font-size:.85rem">Figures by category: {chips or "none"} '
        f'&nbsp;·&nbsp; statements: <span style="background:rgba(120,144,156,.12);padding:0 .4em">'
        f"shaded</span>, after their speaker</div>"
    )


def _scroll_to(element_id: str) -> None:
    # our own script, with an id built by newstally.read.highlight ([a-z0-9-] only), never article text
    target = json.dumps(element_id)
    st.html(
        f"<script>setTimeout(() => {{ const el = window.parent.document.getElementById({target}) "
        f"|| document.getElementById({target}); if (el) el.scrollIntoView({{block: 'center'}}); }}, 300);"
        f"</script>",
        unsafe_allow_javascript=True,
    )


def render(article_id: str, figure: str | None = None, statement: str | None = None, key: str = "reader") -> None:
    """Shows the article ``article_id``; ``figure`` or ``statement`` (an id) is the span to mark."""
    opened = load(article, article_id)
    if opened is None:
        st.warning(f"There is no article {plain(article_id)} in this store (it may come from another build).")
        return
    figures = load(article_figures, article_id)
    statements = load(article_statements, article_id)
    st.subheader(plain(opened.get("title") or article_id))
    published = opened.get("published")
    details = [
        str(opened.get("source") or "source unknown"),
        published.strftime("%Y-%m-%d") if hasattr(published, "strftime") and pd.notna(published) else "no date",
        f"{len(figures)} figures",
        f"{len(statements)} statements",
        f"id {article_id}",
    ]
    st.text(" · ".join(details))
    if opened.get("url"):
        st.text(f"URL: {opened['url']}")
    focus_record, focus = ("figure", figure) if figure else ("statement", statement) if statement else (None, None)
    rows = figures if focus_record == "figure" else statements
    if focus and not rows.empty:
        match = rows[rows[f"{focus_record}_id"] == focus]
        if match.empty:
            st.warning(f"This article has no {focus_record} {plain(focus)}; showing the whole article.")
        else:
            row = match.iloc[0]
            who = row.get("reported_by") if focus_record == "figure" else row.get("speaker")
            st.info(
                f"Marked {focus_record}: “{plain(row['text'])}” — {plain(who or 'unattributed')}",
                icon=":material/my_location:",
            )
    st.html(_legend_html(sorted(set(figures["category"].dropna())) if not figures.empty else []))
    spans = figure_spans(figures.to_dict("records")) + statement_spans(statements.to_dict("records"))
    st.html(reader_html(opened.get("text") or "", spans, focus, CATEGORY_COLORS))
    if focus and focus_record:
        _scroll_to(anchor_id(focus_record, focus))
    with st.expander(f"Figures ({len(figures)}) and statements ({len(statements)}) of this article"):
        for rows, columns, table in (
            (figures, ["text", "value", "low", "high", "qualifier", "unit", "category", "reported_by"], "figures"),
            (statements, ["speaker", "kind", "cue", "text"], "statements"),
        ):
            if not rows.empty:
                st.dataframe(
                    shown_frame(rows[columns]),
                    hide_index=True,
                    key=f"{key}-{table}",
                    column_config=column_config(columns, rows),
                )
