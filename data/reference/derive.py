"""Derives gaza_moh_daily.csv from Tech for Palestine's casualties_daily.json.

    python data/reference/derive.py [SOURCE.json] [TARGET.csv]

SOURCE defaults to ../shared/reference/gaza_casualties_daily.json beside the repository, TARGET
to gaza_moh_daily.csv beside this script. Only the counts the Ministry of Health reported are
kept (``killed_cum``, ``injured_cum``); days on which a count was not reported are left out rather
than filled with the source's extrapolated ``ext_*`` values, so the reference is what was said.
Every row is placed in Gaza: the figures compared with it are those that count there.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parents[2] / "shared" / "reference" / "gaza_casualties_daily.json"
DEFAULT_TARGET = HERE / "gaza_moh_daily.csv"
SERIES = ("killed_cum", "injured_cum")
PLACE = "Gaza"


def rows(reports: list[dict]) -> list[tuple[str, str, int, str]]:
    """(date, series, value, place) for every reported value of SERIES, sorted by series then date."""
    out = [
        (r["report_date"], name, int(r[name]), PLACE)
        for r in reports
        for name in SERIES
        if r.get(name) is not None and r.get("report_date")
    ]
    return sorted(out, key=lambda row: (row[1], row[0]))


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    target = Path(argv[1]) if len(argv) > 1 else DEFAULT_TARGET
    derived = rows(json.loads(source.read_text(encoding="utf-8")))
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("date", "series", "value", "place"))
        writer.writerows(derived)
    print(f"{len(derived)} rows -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
