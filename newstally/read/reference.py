"""Reference series (e.g. the Gaza Ministry of Health's daily cumulative counts) and how the
reported figures compare with them.

A reference is any CSV with the columns date, series, value, and optionally place (the territory
it counts in) and since (the day its running totals start). A series is compared with the figures
of one category: ``killed_cum`` and ``injured_cum`` with killed and injured, any other series with
the category of the same name. The bundled series count in Gaza since 7 October 2023.

Only comparable figures are compared (``comparable``, and the same rule as SQL in
``comparable_condition``): the series' category, its place (when it names one), the whole
population (no subgroup), a running total for a cumulative series (``*_cum``) counted from the
series' start (or no start given), and a count (no share, money or time) that states a number (not
a vague amount: "thousands", "dozens" give an order of magnitude, no toll). A figure published on
day D is compared with the series from D - ``LAG_DAYS`` to D: a report quotes the latest count it had.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import cast

import pandas as pd

from newstally.contract.errors import NewstallyError
from newstally.contract.vocabulary import MEASURED_UNITS

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "reference" / "gaza_moh_daily.csv"
SERIES_CATEGORY = {"killed_cum": "killed", "injured_cum": "injured"}
CUMULATIVE_SUFFIX = "_cum"
COLUMNS = ("date", "series", "value")
LAG_DAYS = 3
SINCE_SLACK_DAYS = 2  # "since October 7" and a series starting on 8 October count from one start
VAGUE_RULE = "vague:"  # the rule of a figure read from a vague amount ("vague:thousands+...")


class ReferenceError(NewstallyError):
    """A reference CSV that cannot be read as date, series, value."""


def load_reference(source: str | Path | bytes | io.IOBase = BUNDLED) -> pd.DataFrame:
    """The reference at ``source`` (a path, CSV bytes or a file object) as date (datetime64),
    series (str), value (float), place (str, "" for any place), sorted by series and date; rows
    with an unreadable date or value are dropped. Raises ReferenceError when a column is missing
    or no row is usable."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    try:
        frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError, UnicodeDecodeError) as err:
        raise ReferenceError(
            f"could not read the reference as CSV ({err}); expected a CSV file with the columns date, series, value"
        ) from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ReferenceError(
            f"the reference has no column {', '.join(missing)} (columns found: "
            f"{', '.join(frame.columns) or 'none'}); expected date, series, value"
        )
    place = frame["place"].str.strip() if "place" in frame.columns else ""
    out = pd.DataFrame(
        {
            "date": pd.to_datetime(frame["date"].str.strip(), errors="coerce", format="ISO8601"),
            "series": frame["series"].str.strip(),
            "value": pd.to_numeric(frame["value"].str.replace(",", "").str.strip(), errors="coerce"),
        }
    ).dropna()
    out = out[out["series"] != ""].assign(place=place if isinstance(place, str) else place[out.index])
    if "since" in frame.columns:
        out = out.assign(
            since=pd.to_datetime(frame.loc[out.index, "since"].str.strip(), errors="coerce", format="ISO8601")
        )
    if out.empty:
        raise ReferenceError("the reference has no row with a date (YYYY-MM-DD), a series name and a number")
    return out.sort_values(["series", "date"]).reset_index(drop=True)


def series_categories(reference: pd.DataFrame) -> dict[str, str]:
    """series -> the figure category it is compared with."""
    return {s: SERIES_CATEGORY.get(s, s) for s in reference["series"].unique()}


def series_info(reference: pd.DataFrame) -> pd.DataFrame:
    """One row per series: series, category, place ("" for any place), cumulative (bool) and since
    (the day a cumulative series counts from: its ``since`` column, else its first date)."""
    rows = []
    for series, category in series_categories(reference).items():
        line = reference[reference["series"] == series]
        place = line["place"].iloc[0] if "place" in line else ""
        cumulative = series.endswith(CUMULATIVE_SUFFIX)
        since = line["since"].dropna().min() if "since" in line else pd.NaT
        since = (line["date"].min() if pd.isna(since) else since) if cumulative else pd.NaT
        rows.append((series, category, place or "", cumulative, since))
    return pd.DataFrame(rows, columns=["series", "category", "place", "cumulative", "since"])


def daily(reference: pd.DataFrame) -> pd.DataFrame:
    """The reference day by day: day (a date), series, category, place, cumulative, since,
    reference (its value that day), reference_low and reference_high (the least and greatest
    value over that day and the ``LAG_DAYS`` before), one row for every day on which
    ``reference_on`` gives the series a value, so a store joins its figures to it on
    (category, publication day) instead of looking back for the latest report."""
    parts = []
    for info in series_info(reference).itertuples(index=False):
        dates = reference.loc[reference["series"] == info.series, "date"]
        days = pd.Series(pd.date_range(dates.min(), dates.max() + pd.Timedelta(days=7), freq="D"))
        values = pd.Series(reference_on(reference, cast(str, info.series), days).to_numpy())
        window = values.rolling(LAG_DAYS + 1, min_periods=1)
        parts.append(
            pd.DataFrame(
                {
                    "day": days.dt.date,
                    "series": info.series,
                    "category": info.category,
                    "place": info.place,
                    "cumulative": info.cumulative,
                    "since": since.date() if not pd.isna(since := cast(pd.Timestamp, info.since)) else None,
                    "reference": values,
                    "reference_low": window.min(),
                    "reference_high": window.max(),
                }
            )
        )
    columns = [
        "day",
        "series",
        "category",
        "place",
        "cumulative",
        "since",
        "reference",
        "reference_low",
        "reference_high",
    ]
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
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
    matched = pd.merge_asof(
        known, line, left_on="when", right_on="date", direction="backward", tolerance=pd.Timedelta(days=7)
    )
    by_order = matched.set_index("order")["value"]
    values = [by_order.get(i, float("nan")) for i in range(len(dates))]
    return pd.Series(values, index=getattr(dates, "index", None), dtype=float)


def comparable_condition(figure: str = "fi", ref: str = "r") -> str:
    """The SQL condition under which the figure row ``figure`` (a figures row) is comparable with
    the row ``ref`` of ``daily`` (registered as a table): the rule of ``comparable``. The caller
    joins the day (``ref.day`` = the article's publication date) and passes no parameter."""
    return _comparable_sql(figure, *(f"{ref}.{c}" for c in ("category", "place", "cumulative", "since")))


ComparableSeries = tuple[str, str, bool, "date | None"]  # category, place, cumulative, since


def comparable_series(reference: pd.DataFrame) -> tuple[ComparableSeries, ...]:
    """What each series of ``reference`` counts (``series_info``), as a filter holds it: a chart
    drawn against the reference keeps the figures comparable with one of them."""
    info = series_info(reference)
    return tuple(
        (str(category), str(place), bool(cumulative), None if pd.isna(since) else pd.Timestamp(since).date())
        for category, place, cumulative, since in zip(
            info["category"], info["place"], info["cumulative"], info["since"]
        )
    )


def comparable_with(series: tuple[ComparableSeries, ...], params: list, figure: str = "fi") -> str:
    """The SQL condition under which the figure row ``figure`` is comparable with one of ``series``
    (``comparable_series``; the rule of ``comparable``) or of a category none of them counts, its
    values appended to ``params``."""
    categories = sorted({category for category, _, _, _ in series})
    params.extend(categories)
    for category, place, cumulative, since in series:
        params.extend([category, place, place, cumulative, since, since])  # in the order _comparable_sql uses them
    comparable = " OR ".join(_comparable_sql(figure, "?", "?", "?", "?::DATE") for _ in series)
    return f"({figure}.category NOT IN ({', '.join('?' * len(categories))}) OR {comparable})"


def _comparable_sql(figure: str, category: str, place: str, cumulative: str, since: str) -> str:
    # the arguments are SQL: a reference table's columns, or parameters in this order
    measured = ", ".join(f"'{u}'" for u in sorted(MEASURED_UNITS))
    return (
        f"({figure}.category = {category} AND (({place}) = '' OR {figure}.place = ({place})) "
        f"AND coalesce({figure}.subgroup, '') = '' "
        f"AND (NOT ({cumulative}) OR {figure}.scope = 'cumulative') "
        f"AND ({figure}.since IS NULL OR ({since}) IS NULL "
        f"OR abs(date_diff('day', {figure}.since, ({since}))) <= {SINCE_SLACK_DAYS}) "
        f"AND {figure}.value IS NOT NULL AND coalesce({figure}.unit, '') NOT IN ({measured}) "
        f"AND coalesce({figure}.rule, '') NOT LIKE '{VAGUE_RULE}%')"
    )


def comparable(figures: pd.DataFrame, info: pd.Series) -> pd.Series:
    """Which rows of ``figures`` (with category, place, subgroup, scope, since, unit, value) are
    comparable with the series ``info`` (a row of ``series_info``), as a boolean Series."""
    text = {
        c: figures[c].fillna("").astype(str) if c in figures else pd.Series("", index=figures.index)
        for c in ("category", "place", "subgroup", "scope", "unit")
    }
    ok = (text["category"] == info["category"]) & (text["subgroup"] == "") & ~text["unit"].isin(MEASURED_UNITS)
    ok &= figures["value"].notna()
    if "rule" in figures:
        ok &= ~figures["rule"].fillna("").astype(str).str.startswith(VAGUE_RULE)
    if info["place"]:
        ok &= text["place"] == info["place"]
    if info["cumulative"]:
        ok &= text["scope"] == "cumulative"
        if "since" in figures and not pd.isna(info["since"]):
            since = pd.to_datetime(figures["since"])
            ok &= since.isna() | ((since - info["since"]).abs() <= pd.Timedelta(days=SINCE_SLACK_DAYS))
    return ok


def discrepancies(figures: pd.DataFrame, reference: pd.DataFrame, tolerance: float = 0.10) -> pd.DataFrame:
    """The figures (rows with value, low, high, category, place, subgroup, scope, since, unit and
    published) comparable with a series of ``reference`` whose value differs from it by more than
    ``tolerance`` (a share: 0.10 is 10%) on every day from the publication date back ``LAG_DAYS``.

    Adds the columns series, reference (the value of that window nearest to the figure) and
    difference (value / reference - 1), largest differences first. A range figure differs only when
    the reference lies outside low..high widened by the tolerance; "more than X" only when the
    reference is below X less the tolerance, "less than X" only when it is above X plus the tolerance.
    """
    columns = list(figures.columns) + ["series", "reference", "difference"]
    if figures.empty or reference.empty:
        return pd.DataFrame(columns=columns)
    parts = []
    for _, info in series_info(reference).iterrows():
        rows = figures[comparable(figures, info)]
        if rows.empty:
            continue
        published = pd.to_datetime(rows["published"])
        ref = reference_on(reference, info["series"], published).to_numpy()
        earlier = [
            reference_on(reference, info["series"], published - pd.Timedelta(days=d)).to_numpy()
            for d in range(1, LAG_DAYS + 1)
        ]
        window = pd.DataFrame([ref] + earlier).T
        rows = rows.assign(
            series=info["series"],
            reference_day=ref,
            reference_low=window.min(axis=1).to_numpy(),
            reference_high=window.max(axis=1).to_numpy(),
        ).dropna(subset=["reference_day"])
        rows = rows[rows["reference_low"] > 0]
        low = rows["low"].fillna(float("-inf"))
        high = rows["high"].fillna(float("inf"))
        below = rows["reference_high"] < low * (1 - tolerance)
        above = rows["reference_low"] > high * (1 + tolerance)
        nearest = rows["reference_high"].where(below, rows["reference_low"])
        rows = rows.assign(reference=nearest, difference=rows["value"] / nearest - 1)
        parts.append(rows[below | above].drop(columns=["reference_day", "reference_low", "reference_high"]))
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True)
    return out.reindex(out["difference"].abs().sort_values(ascending=False).index).reset_index(drop=True)
