"""The data behind the Figures page's chart over time, as its download holds it: every figure
under the filters (not the drawn sample) and the reference series drawn with them."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from newstally.contract.vocabulary import COUNT

from .figure_charts import reference_lines, series_label


def over_time_download(
    points: pd.DataFrame,
    reference: pd.DataFrame | None = None,
    series_category: Mapping[str, str] | None = None,
    reference_name: str = "reference",
) -> pd.DataFrame:
    """Every figure of ``points`` (all of them, not the drawn sample) and the reference drawn with
    them, one frame: ``record`` says which ("figure" or "reference"); a reference row has a date,
    its category, the series (as the legend names it) and the value."""
    figures = points.assign(record="figure", date=pd.to_datetime(points["published"]).dt.date)
    dates = pd.to_datetime(points["published"])
    parts = [figures]
    for category, lines in reference_lines(reference, series_category, dates).items():
        if category not in set(points["category"]):
            continue
        for series, rows in lines:
            parts.append(
                pd.DataFrame(
                    {
                        "record": "reference",
                        "date": pd.to_datetime(rows["date"]).dt.date,
                        "category": category,
                        "measure": COUNT,
                        "series": series_label(series, reference_name),
                        "value": rows["value"],
                    }
                )
            )
    frame = pd.concat(parts, ignore_index=True)
    first = [
        "record",
        "date",
        "category",
        "measure",
        "series",
        "value",
        "low",
        "high",
        "qualifier",
        "unit",
        "text",
        "reported_by",
        "title",
        "source",
        "article_id",
        "figure_id",
    ]
    return frame[[c for c in first if c in frame] + [c for c in frame if c not in first and c != "published"]]
