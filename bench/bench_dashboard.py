"""Server-side script time of the dashboard on a large store, measured with Streamlit's AppTest.

    python bench/bench_dashboard.py [--store bench/out/aje-100000.duckdb]

For each page: the first render (empty caches: what a new server's first visitor waits for),
a rerun with warm caches, and filter changes: each of the four commonest figure categories picked
in turn in the sidebar, then (categories cleared) each of the four most quoted speakers, then
(speakers cleared) four words typed into the search box. Every change asks for something not yet
cached; the median and the slowest are printed. Build the store
first with `python bench/bench_scale.py --keep`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from common import ROOT, machine

PAGES = ("overview", "figures", "speakers", "statements", "articles")
SEARCHES = ("ceasefire", "hospital", "Security Council", "humanitarian")


def _timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=ROOT / "bench" / "out" / "aje-100000.duckdb")
    args = parser.parse_args()
    if not args.store.is_file():
        sys.exit(f"no store at {args.store}: run `python bench/bench_scale.py --keep` first")
    os.environ["NEWSTALLY_STORE"] = str(args.store.resolve())
    os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")
    sys.path.insert(0, str(ROOT))
    import logging

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)

    from newstally.build.store import read

    counts = read(
        args.store,
        "SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM figures) f, "
        "(SELECT count(*) FROM statements) s, (SELECT count(*) FROM speakers) p",
    )
    print(machine())
    print(
        "store: {} ({:,} articles, {:,} figures, {:,} statements, {:,} speakers)".format(
            args.store, *[int(v) for v in counts.iloc[0]]
        )
    )
    top_speakers = list(read(args.store, "SELECT name FROM speakers ORDER BY n_statements DESC LIMIT 4")["name"])
    top_categories = list(
        read(args.store, "SELECT category FROM article_categories GROUP BY 1 ORDER BY sum(n_figures) DESC LIMIT 4")[
            "category"
        ]
    )
    print(f"categories picked: {', '.join(top_categories)}; speakers picked: {', '.join(top_speakers)}")
    print(
        f"\n{'page':12} {'first render':>13} {'warm rerun':>11} {'category: median':>17} {'max':>5} "
        f"{'speaker: median':>16} {'max':>5} {'search: median':>15} {'max':>5}   (seconds)"
    )
    worst = 0.0
    for page in PAGES:
        st.cache_data.clear()  # every page's first render starts cold
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
        at.switch_page(f"components/pages/{page}.py")
        first = _timed(at.run)
        warm = _timed(at.run)
        by_category = []
        for category in top_categories:
            at.sidebar.multiselect(key="category").set_value([category])
            by_category.append(_timed(at.run))
        at.sidebar.multiselect(key="category").set_value([]).run()
        by_speaker = []
        for speaker in top_speakers:
            at.sidebar.multiselect(key="speaker").set_value([speaker])
            by_speaker.append(_timed(at.run))
        at.sidebar.multiselect(key="speaker").set_value([]).run()
        by_search = []
        for words in SEARCHES:
            at.sidebar.text_input(key="q").input(words)
            by_search.append(_timed(at.run))
        failed = " (exception!)" if at.exception else ""
        worst = max(worst, *by_category, *by_speaker, *by_search)
        print(
            f"{page:12} {first:13.2f} {warm:11.2f} {statistics.median(by_category):17.2f} {max(by_category):5.2f} "
            f"{statistics.median(by_speaker):16.2f} {max(by_speaker):5.2f} "
            f"{statistics.median(by_search):15.2f} {max(by_search):5.2f}{failed}"
        )
    print(f"\nslowest filter change on any page: {worst:.2f} s")
    print(
        "\nfirst render starts with empty caches (the server's first visitor after a build);"
        "\nlater visitors and reruns get the warm figure; filter changes run uncached queries."
    )


if __name__ == "__main__":
    main()
