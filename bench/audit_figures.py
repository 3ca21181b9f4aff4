"""Checks a store's figures against the reference at corpus scale: are the comparable death tolls
close to the Gaza Ministry of Health's series, and do killed or injured counts of a million or
more only appear where a text says so?

    python bench/audit_figures.py STORE [--reference CSV] [--tolerance 0.15] [--show N]

Prints, for each series of the reference (by default the bundled Gaza Ministry of Health one):
how many figures are comparable with it (``newstally.read.reference.comparable``: its category
and place, the whole population, a running total), how many of them lie within the tolerance of
the series on their publication day (with the few days' lag the comparison allows), and the
ones that do not, with their sentence; then every killed or injured figure of a million or more.
Rerunnable on any store built by this version.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newstally.read.reference import (  # noqa: E402
    BUNDLED,
    comparable,
    discrepancies,
    load_reference,
    reference_on,
    series_info,
)

MILLION = 1_000_000


def _figures(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(
        "SELECT fi.figure_id, fi.article_id, fi.text, fi.value, fi.low, fi.high, fi.qualifier, fi.unit, "
        "fi.category, fi.place, fi.subgroup, fi.scope, fi.since, fi.rule, fi.sentence, a.published "
        "FROM figures fi JOIN articles a USING (article_id) WHERE a.published IS NOT NULL"
    ).df()


def _line(row: pd.Series, width: int = 220) -> str:
    sentence = " ".join(str(row["sentence"]).split())
    head = f"  {row['published']:%Y-%m-%d} {row['article_id']} {row['text']!r} ({row['rule']})"
    return f"{head}\n      {sentence[:width]}"


def audit(store: str, reference_path: str, tolerance: float, show: int) -> int:
    """Prints the audit of ``store``; returns the number of figures outside the tolerance."""
    reference = load_reference(reference_path)
    with duckdb.connect(store, read_only=True) as con:
        figures = _figures(con)
        big = con.execute(
            "SELECT fi.article_id, fi.text, fi.value, fi.category, fi.rule, fi.sentence "
            "FROM figures fi WHERE fi.category IN ('killed', 'injured') AND fi.value >= ? "
            "ORDER BY fi.value DESC, fi.article_id",
            [MILLION],
        ).df()
    outside_total = 0
    for _, info in series_info(reference).iterrows():
        where = f"{info['place'] or 'any place'}, {info['category']}, whole population" + (
            ", cumulative" if info["cumulative"] else ""
        )
        compared = figures[comparable(figures, info)]
        one = reference[reference["series"] == info["series"]]
        differing = discrepancies(compared, one, tolerance)
        # a figure published before the series starts (or long after it ends) has nothing to be set against
        n_with_reference = _with_reference(compared, one)
        within = n_with_reference - len(differing)
        share = within / n_with_reference if n_with_reference else float("nan")
        print(
            f"{info['series']} ({where}): {len(compared)} comparable figures, {n_with_reference} dated within the "
            f"series; {within} within {tolerance:.0%} of it ({share:.1%}), {len(differing)} outside"
        )
        for _, row in differing.head(show).iterrows():
            print(f"{_line(row)}\n      reference {row['reference']:,.0f}, difference {row['difference']:+.0%}")
        outside_total += len(differing)
    print(f"\nkilled or injured figures of a million or more: {len(big)}")
    for _, row in big.iterrows():
        print(
            f"  {row['article_id']} {row['text']!r} {row['category']} ({row['rule']})\n"
            f"      {' '.join(str(row['sentence']).split())[:220]}"
        )
    return outside_total


def _with_reference(figures: pd.DataFrame, reference: pd.DataFrame) -> int:
    """How many of ``figures`` have a value of the series on their publication day."""
    series = reference["series"].iloc[0]
    return int(reference_on(reference, series, pd.to_datetime(figures["published"])).notna().sum())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store")
    parser.add_argument("--reference", default=str(BUNDLED), help="a reference CSV (default: the bundled one)")
    parser.add_argument("--tolerance", type=float, default=0.15, help="a share: 0.15 is 15%% (default)")
    parser.add_argument("--show", type=int, default=50, help="how many outside figures to list per series")
    args = parser.parse_args()
    audit(args.store, args.reference, args.tolerance, args.show)


if __name__ == "__main__":
    main()
