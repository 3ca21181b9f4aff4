"""Server-side script time of the dashboard on a large store, measured with Streamlit's AppTest.

    python bench/bench_dashboard.py [--store bench/out/aje-100000.duckdb]

For each page: the first render (empty caches: what a new server's first visitor waits for),
a rerun with warm caches, and a filter change (a figure category picked in the sidebar, then a
speaker). Build the store first with `python bench/bench_scale.py --keep`.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from common import ROOT, machine

PAGES = ("overview", "figures", "speakers", "statements", "articles")


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

    from newstally.store import read

    counts = read(args.store, "SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM figures) f, "
                              "(SELECT count(*) FROM statements) s, (SELECT count(*) FROM speakers) p")
    print(machine())
    print("store: {} ({:,} articles, {:,} figures, {:,} statements, {:,} speakers)".format(
        args.store, *[int(v) for v in counts.iloc[0]]))
    top_speaker = read(args.store, "SELECT name FROM speakers ORDER BY n_statements DESC LIMIT 1")["name"][0]
    print(f"\n{'page':12} {'first render':>13} {'warm rerun':>11} {'category':>9} {'speaker':>8}   (seconds)")
    for page in PAGES:
        st.cache_data.clear()  # every page's first render starts cold
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
        at.switch_page(f"components/pages/{page}.py")
        first = _timed(at.run)
        warm = _timed(at.run)
        at.sidebar.multiselect(key="category").select("killed")
        category = _timed(at.run)
        at.sidebar.multiselect(key="speaker").select(top_speaker)
        speaker = _timed(at.run)
        failed = " (exception!)" if at.exception else ""
        print(f"{page:12} {first:13.2f} {warm:11.2f} {category:9.2f} {speaker:8.2f}{failed}")
    print("\nfirst render starts with empty caches (the server's first visitor after a build);"
          "\nlater visitors and reruns get the warm figure; filter changes run uncached queries.")


if __name__ == "__main__":
    main()
