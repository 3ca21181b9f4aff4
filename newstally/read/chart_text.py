"""Each chart in one line of text: its text alternative, shown under it for readers who cannot see
it (and for anyone who wants the gist). The same DataFrames in as the chart builders, a sentence
out; no plotly, no Streamlit."""

from __future__ import annotations

import pandas as pd

from newstally.contract.vocabulary import COUNT, PERCENT

from .measures import measure_label

LISTED = 3  # groups a summary names before "and N more"


def _counted(n: int, thing: str) -> str:
    """ "1 figure", "2 figures"."""
    return f"{n:,} {thing}" + ("" if n == 1 else "s")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.2f}".rstrip("0")


def _day(value) -> str:
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def _named(pairs: list[tuple[str, str]], total: int) -> str:
    """ "a (1), b (2) and 3 more"."""
    shown = ", ".join(f"{name} ({what})" for name, what in pairs[:LISTED])
    return shown + (f" and {total - LISTED:,} more" if total > LISTED else "")


def category_bars(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "No figures match these filters."
    ordered = frame.sort_values("figures", ascending=False)
    named = [(str(r["category"]), f"{int(r['figures']):,}") for r in ordered.to_dict("records")]
    return (
        f"{int(ordered['figures'].sum()):,} figures in {len(ordered):,} categories; most: {_named(named, len(named))}."
    )


def speaker_bars(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "No statements match these filters."
    named = [(str(r["speaker"]), f"{int(r['statements']):,}") for r in frame.to_dict("records")]
    return f"The {len(frame):,} most quoted speakers by statements: {_named(named, len(named))}."


def _busiest(frame: pd.DataFrame, column: str, bucket: str) -> str:
    # the first of the busiest periods
    peak = frame.sort_values([column, "period"], ascending=[False, True]).to_dict("records")[0]
    return f"most {column} ({int(peak[column]):,}) in the {bucket} of {_day(peak['period'])}"


def activity(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "No dated articles match these filters."
    bucket = frame.attrs.get("bucket", "period")
    return (
        f"{int(frame['articles'].sum()):,} articles and {int(frame['statements'].sum()):,} statements per {bucket} "
        f"from {_day(frame['period'].min())} to {_day(frame['period'].max())}; "
        f"{_busiest(frame, 'articles', bucket)}."
    )


def speaker_timeline(frame: pd.DataFrame, name: str) -> str:
    if frame.empty:
        return f"No dated statements by {name} match these filters."
    bucket = frame.attrs.get("bucket", "period")
    per = frame.groupby("period", as_index=False).agg(statements=("statements", "sum"))
    kinds = ", ".join(f"{int(n):,} {kind}" for kind, n in frame.groupby("kind")["statements"].sum().items())
    return (
        f"{int(per['statements'].sum()):,} statements by {name} ({kinds}) per {bucket} from "
        f"{_day(per['period'].min())} to {_day(per['period'].max())}; {_busiest(per, 'statements', bucket)}."
    )


def over_time(
    plotted: pd.DataFrame,
    dated: int,
    spread: pd.DataFrame,
    reference_tops: dict[str, float],
    above: pd.DataFrame,
    reference_name: str = "the reference",
) -> str:
    """The over-time chart: per panel how many figures, their dates and median (over all of them);
    how high the reference goes; how many figures lie above the axis."""
    if plotted.empty:
        return "No dated figures match these filters."
    stats = {(r["category"], r["measure"]): r for r in spread.to_dict("records")}
    parts = []
    for (category, measure), panel in plotted.groupby(["category", "measure"], sort=False):
        category, measure = str(category), str(measure)
        unit = "%" if measure == PERCENT else "" if measure == COUNT else f" {measure}"
        words = f"{category} ({measure_label(measure)})" if measure != COUNT else category
        known = stats.get((category, measure))
        n = int(known["figures"]) if known else len(panel)
        median = float(known["median"]) if known else float(panel["value"].median())
        parts.append(
            f"{words}: {_counted(n, 'figure')} from {_day(panel['published'].min())} to "
            f"{_day(panel['published'].max())}, median {_number(median)}{unit}"
        )
    text = (
        (f"{len(plotted):,} of {dated:,} dated figures drawn" if dated > len(plotted) else f"{dated:,} dated figures")
        + ". "
        + "; ".join(parts)
        + "."
    )
    for category, top in reference_tops.items():
        text += f" {reference_name} for {category} reaches {_number(top)}."
    n_above = int(above["figures"].sum()) if len(above) else 0
    if n_above:
        text += (
            f" Above the axis: {_counted(n_above, 'figure')}, the largest {_number(above['largest'].max())} "
            f"(the log scale shows them)."
        )
    return text


def reporters(frame: pd.DataFrame, category: str, measure: str) -> str:
    if frame.empty:
        return f"No {category} figures match these filters."
    named = [
        (str(r["reported_by"]), f"{int(r['figures']):,} figures, median {_number(r['median'])}")
        for r in frame.to_dict("records")
    ]
    what = category if measure == COUNT else f"{category} ({measure_label(measure)})"
    return (
        f"{what} as reported by the {len(frame):,} speakers or sources that gave most of them: "
        f"{_named(named, len(named))}."
    )


def co_quotation(pairs: pd.DataFrame, speakers: pd.DataFrame) -> str:
    if speakers.empty:
        return "No speakers are quoted under these filters."
    centre = speakers[speakers["centre"]]
    names = dict(zip(speakers["speaker_id"], speakers["name"].astype(str)))
    chosen = " and ".join(names[s] for s in centre["speaker_id"]) or "the chosen speakers"
    partners = speakers[~speakers["centre"] & (speakers["with_centre"] > 0)]
    if partners.empty:
        return f"{chosen}: quoted in no article together with another speaker under these filters."
    named = [(str(r["name"]), f"{int(r['with_centre']):,} articles") for r in partners.to_dict("records")]
    return f"Quoted in the same articles as {chosen} most often: {_named(named, len(named))}."
