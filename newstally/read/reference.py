"""Reference series (e.g. the Gaza Ministry of Health's daily cumulative counts) and how the
reported figures compare with them.

A reference is any CSV with the columns date, series, value. A series is compared with the
figures of one category: ``killed_cum`` and ``injured_cum`` with killed and injured, any other
series with the category of the same name.
"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from newstally.contract.errors import NewstallyError

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "reference" / "gaza_moh_daily.csv"
SERIES_CATEGORY = {"killed_cum": "killed", "injured_cum": "injured"}
COLUMNS = ("date", "series", "value")


class ReferenceError(NewstallyError):
    """A reference CSV that cannot be read as date, series, value."""


def load_reference(source: str | Path | bytes | io.IOBase = BUNDLED) -> pd.DataFrame:
    """The reference at ``source`` (a path, CSV bytes or a file object) as date (datetime64),
    series (str), value (float), sorted by series and date; rows with an unreadable date or
    value are dropped. Raises ReferenceError when a column is missing or no row is usable."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    try:
        frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError, UnicodeDecodeError) as err:
        raise ReferenceError(f"could not read the reference as CSV ({err}); expected a CSV file with the "
                             f"columns date, series, value") from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ReferenceError(f"the reference has no column {', '.join(missing)} (columns found: "
                             f"{', '.join(frame.columns) or 'none'}); expected date, series, value")
    out = pd.DataFrame({
        "date": pd.to_datetime(frame["date"].str.strip(), errors="coerce", format="ISO8601"),
        "series": frame["series"].str.strip(),
        "value": pd.to_numeric(frame["value"].str.replace(",", "").str.strip(), errors="coerce"),
    }).dropna()
    out = out[out["series"] != ""]
    if out.empty:
        raise ReferenceError("the reference has no row with a date (YYYY-MM-DD), a series name and a number")
    return out.sort_values(["series", "date"]).reset_index(drop=True)


def series_categories(reference: pd.DataFrame) -> dict[str, str]:
    """series -> the figure category it is compared with."""
    return {s: SERIES_CATEGORY.get(s, s) for s in reference["series"].unique()}


def daily(reference: pd.DataFrame) -> pd.DataFrame:
    """The reference day by day: day (a date), series, category, reference, one row for every day
    on which ``reference_on`` gives the series a value, so a store joins its figures to it on
    (category, publication day) instead of looking back for the latest report."""
    parts = []
    for series, category in series_categories(reference).items():
        dates = reference.loc[reference["series"] == series, "date"]
        days = pd.Series(pd.date_range(dates.min(), dates.max() + pd.Timedelta(days=7), freq="D"))
        parts.append(pd.DataFrame({"day": days.dt.date, "series": series, "category": category,
                                   "reference": reference_on(reference, series, days).to_numpy()}))
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["day", "series", "category",
                                                                                     "reference"])
    return frame.dropna(subset=["reference"]).reset_index(drop=True)


def reference_on(reference: pd.DataFrame, series: str, dates: pd.Series) -> pd.Series:
    """The value of ``series`` on each of ``dates``: the latest value reported on or before that
    day (NaN before the series starts or more than 7 days after its last report)."""
    line = reference[reference["series"] == series][["date", "value"]].sort_values("date")
    wanted = pd.DataFrame({"when": pd.to_datetime(dates).astype("datetime64[ns]"), "order": range(len(dates))})
    known = wanted.dropna(subset=["when"]).sort_values("when")
    if line.empty or known.empty:
        return pd.Series([float("nan")] * len(dates), index=getattr(dates, "index", None), dtype=float)
    line = line.assign(date=line["date"].astype("datetime64[ns]"))
    matched = pd.merge_asof(known, line, left_on="when", right_on="date", direction="backward",
                            tolerance=pd.Timedelta(days=7))
    by_order = matched.set_index("order")["value"]
    values = [by_order.get(i, float("nan")) for i in range(len(dates))]
    return pd.Series(values, index=getattr(dates, "index", None), dtype=float)


def discrepancies(figures: pd.DataFrame, reference: pd.DataFrame, tolerance: float = 0.10) -> pd.DataFrame:
    """The figures (rows of ``queries.figure_points``) whose value differs from the reference on
    their publication date by more than ``tolerance`` (a share: 0.10 is 10%).

    Adds the columns series, reference (its value that day) and difference (value / reference - 1),
    largest differences first. A range figure differs only when the reference lies outside low..high
    widened by the tolerance; "more than X" only when the reference is below X less the tolerance,
    "less than X" only when it is above X plus the tolerance.
    """
    columns = list(figures.columns) + ["series", "reference", "difference"]
    if figures.empty or reference.empty:
        return pd.DataFrame(columns=columns)
    parts = []
    for series, category in series_categories(reference).items():
        rows = figures[figures["category"] == category]
        if rows.empty:
            continue
        ref = reference_on(reference, series, rows["published"])
        rows = rows.assign(series=series, reference=ref.to_numpy()).dropna(subset=["reference"])
        rows = rows[rows["reference"] > 0]
        if rows.empty:
            continue
        low = rows["low"].fillna(float("-inf"))
        high = rows["high"].fillna(float("inf"))
        below = rows["reference"] < low * (1 - tolerance)
        above = rows["reference"] > high * (1 + tolerance)
        rows = rows.assign(difference=rows["value"] / rows["reference"] - 1)
        parts.append(rows[below | above])
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True)
    return out.reindex(out["difference"].abs().sort_values(ascending=False).index).reset_index(drop=True)
