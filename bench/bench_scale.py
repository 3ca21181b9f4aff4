"""The 100,000-article build: time, rate, peak memory of the process tree, store size.

    python bench/bench_scale.py [--n 100000] [--workers 2] [--keep]

Generates the corpus with bench/generate.py (real Al Jazeera articles under fresh ids and dates)
into bench/out/, builds it, and prints the figures. With --keep the store stays in bench/out/
for bench/bench_dashboard.py.
"""

from __future__ import annotations

import argparse
import re

from common import ROOT, machine, newstally, run_measured
from generate import generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    print(machine())
    out_dir = ROOT / "bench" / "out"
    corpus = out_dir / f"aje-{args.n}.jsonl"
    if not corpus.exists():
        generate(args.n, corpus)
    store = out_dir / f"aje-{args.n}.duckdb"
    for leftover in out_dir.glob(f"aje-{args.n}.duckdb*"):
        leftover.unlink()
    seconds, peak, out = run_measured(
        newstally("build", str(corpus), "--store", str(store), "--workers", str(args.workers))
    )
    n = int(re.search(r"([\d,]+) articles", out).group(1).replace(",", ""))
    print(out.strip())
    print(f"\n{n:,} articles in {seconds:.1f} s = {n / seconds:.0f} articles/s with --workers {args.workers}")
    print(f"peak memory (build and its workers): {peak / 2**20:.0f} MB")
    print(f"input: {corpus.stat().st_size / 2**20:.0f} MB; store: {store.stat().st_size / 2**20:.0f} MB")
    if not args.keep:
        store.unlink()


if __name__ == "__main__":
    main()
