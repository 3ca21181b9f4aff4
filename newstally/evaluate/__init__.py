"""Scores extraction against a gold file, as docs/conventions.md defines them.

``score(gold, figures, statements)`` takes the gold records and the predicted tables (pandas, the
store's columns) and returns a ``Report``; ``Report.table()`` is what ``newstally evaluate`` prints.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from newstally.contract.errors import NewstallyError

from .figures import score_figures
from .report import Report
from .statements import score_statements


class GoldError(NewstallyError):
    """The gold file cannot be read."""


def load_gold(path: str | Path) -> list[dict]:
    """The records of a gold JSONL file; raises GoldError naming the line that is not JSON."""
    if not Path(path).is_file():
        raise GoldError(f"no gold file at {path}: give the path of a JSONL gold file (see docs/conventions.md)")
    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise GoldError(
                    f"{path}: line {n} is not JSON ({err.msg}); a gold file has one JSON object per line"
                ) from None
            if not isinstance(record, dict) or "article_id" not in record:
                raise GoldError(f"{path}: line {n} has no article_id; see docs/conventions.md")
            records.append(record)
    return records


def score(
    gold: list[dict], figures: pd.DataFrame, statements: pd.DataFrame, articles: set[str] | None = None
) -> Report:
    """Scores predicted ``figures`` and ``statements`` (store columns) against ``gold``.

    ``articles`` is the set of article ids that were built; gold articles outside it are listed in
    ``Report.missing_articles`` and still count (as all misses).
    """
    report = Report()
    fig_groups = {k: g.sort_values("start") for k, g in figures.groupby("article_id")} if len(figures) else {}
    st_groups = {k: g.sort_values("start") for k, g in statements.groupby("article_id")} if len(statements) else {}
    empty = pd.DataFrame()
    for record in gold:
        aid = str(record["article_id"])
        report.articles += 1
        if articles is not None and aid not in articles:
            report.missing_articles.append(aid)
        if "figures" in record:
            report.has_figures = True
            score_figures(report, record, fig_groups.get(aid, empty))
        if "statements" in record:
            report.has_statements = True
            score_statements(report, record, st_groups.get(aid, empty))
    return report


__all__ = ["GoldError", "Report", "load_gold", "score"]
