"""Runs every benchmark in turn and prints their figures (`make bench`). Takes a while: the
100,000-article build is the longest part."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [
    "bench_readers.py",
    "bench_figures.py",
    "bench_extract.py",
    "bench_hostile.py",
    "bench_build.py",
    "bench_scale.py --keep",
    "bench_dashboard.py",
]

if __name__ == "__main__":
    for line in BENCHMARKS:
        script, *args = line.split()
        print(f"\n=== {line} ===", flush=True)
        code = subprocess.call([sys.executable, str(HERE / script), *args], cwd=HERE)
        if code:
            sys.exit(code)
