"""Build rate on the Al Jazeera corpus (4,316 articles) with each engine, and the rebuild.

    python bench/bench_build.py [--corpus PATH] [--skip-dask]

Prints one table: engine, seconds, articles/s, peak memory of the whole process tree; then the
rebuild of the unchanged corpus as a share of the first build.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from common import ALJAZEERA, machine, newstally, run_measured


def _articles(out: str) -> int:
    return int(re.search(r"([\d,]+) articles", out).group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ALJAZEERA)
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    print(machine())
    print(f"corpus: {args.corpus}")
    runs = [("serial (--workers 1)", ["--workers", "1"]), ("local (--workers 2)", ["--workers", "2"])]
    if not args.skip_dask:
        runs.append(("dask LocalCluster (2 workers)", ["--engine", "dask", "--workers", "2"]))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, flags in runs:
            store = Path(tmp) / f"{len(rows)}.duckdb"
            seconds, peak, out = run_measured(newstally("build", str(args.corpus), "--store", str(store), *flags))
            n = _articles(out)
            rows.append((name, seconds, n / seconds, peak))
            if flags == ["--workers", "2"]:
                first = seconds
                again, peak2, _ = run_measured(newstally("build", str(args.corpus), "--store", str(store), *flags))
                rebuild = (again, peak2)
        print(f"\n{'engine':32} {'seconds':>8} {'articles/s':>11} {'peak MB':>8}")
        for name, seconds, rate, peak in rows:
            print(f"{name:32} {seconds:8.1f} {rate:11.0f} {peak / 2**20:8.0f}")
        print(
            f"\nrebuild of the unchanged corpus (--workers 2): {rebuild[0]:.2f} s = "
            f"{100 * rebuild[0] / first:.1f}% of the first build ({first:.1f} s); peak {rebuild[1] / 2**20:.0f} MB"
        )
        print(f"articles: {n:,}; store size: {store.stat().st_size / 2**20:.1f} MB")


if __name__ == "__main__":
    main()
