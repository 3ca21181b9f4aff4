"""Where a chart or table comes from, in words: the corpus, the filters and the day it was made.
A downloaded image carries these lines under the plot, a CSV carries them as ``# `` comment lines
above the header, so a file found later still says what it shows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from .filters import Filters

MAX_LISTED = 6  # values of one filter named before "and N more"


def _listed(values: Sequence[str]) -> str:
    shown = ", ".join(values[:MAX_LISTED])
    return shown + (f" and {len(values) - MAX_LISTED} more" if len(values) > MAX_LISTED else "")


def filters_text(f: Filters, speaker_names: Mapping[str, str] | None = None) -> str:
    """``f`` as a phrase a reader understands ("category killed; published 2023-10-07 to
    2024-04-18"); speakers by name where ``speaker_names`` has them; "none" when nothing is set."""
    names = speaker_names or {}
    parts = []
    for label, values in (
        ("speaker", [names.get(s, s) for s in f.speakers]),
        ("organisation", list(f.orgs)),
        ("country", list(f.countries)),
        ("source", list(f.sources)),
        ("category", list(f.categories)),
    ):
        if values:
            parts.append(f"{label} {_listed(values)}")
    if f.date_from and f.date_to:
        parts.append(f"published {f.date_from.isoformat()} to {f.date_to.isoformat()}")
    elif f.date_from:
        parts.append(f"published from {f.date_from.isoformat()}")
    elif f.date_to:
        parts.append(f"published up to {f.date_to.isoformat()}")
    if f.text.strip():
        parts.append(f"search “{f.text.strip()}”")
    if f.comparable_with:
        counted = _listed([f"{c} in {p}" if p else c for c, p, _, _ in f.comparable_with])
        parts.append(f"of {counted}, only figures comparable with the reference (everyone, running totals)")
    return "; ".join(parts) or "none"


def corpus_text(store_name: str, summary: Mapping) -> str:
    """The corpus a store holds, in a phrase: "aj.duckdb: 4,316 articles from Al Jazeera English,
    2021-05-10 to 2024-04-18" (``summary`` is ``queries.overview.corpus_summary``)."""
    sources = list(summary.get("sources") or [])
    n_sources = int(summary.get("n_sources") or len(sources))
    source_words = ""
    if sources:
        more = n_sources - len(sources)
        source_words = " from " + ", ".join(sources) + (f" and {more} more sources" if more > 0 else "")
    first, last = summary.get("first"), summary.get("last")
    span = f", {_day(first)} to {_day(last)}" if first and last else ""
    return f"{store_name}: {int(summary.get('articles') or 0):,} articles{source_words}{span}"


def _day(value) -> str:
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]


def caption_lines(corpus: str, filters: str, made: date, notes: Sequence[str] = ()) -> list[str]:
    """The lines a download carries: the corpus, the filters, what was left out or sampled, and
    the day it was made."""
    return [
        f"Source: {corpus}",
        f"Filters: {filters}",
        *[n for n in notes if n],
        f"Made with newstally on {made.isoformat()}",
    ]


def commented(lines: Sequence[str]) -> str:
    """``lines`` as CSV comment lines (``# `` first, one per line, line breaks inside removed):
    ``pandas.read_csv(..., comment="#")`` skips them."""
    return "".join(f"# {' '.join(str(line).split())}\n" for line in lines)
