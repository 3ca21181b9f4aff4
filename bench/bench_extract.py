"""The whole extraction (figures and statements) over the Al Jazeera corpus, on one core.

    python bench/bench_extract.py [--corpus PATH] [--limit N]

Prints articles per second per core for figures alone, statements alone and both (the target
of issue 4 is >= 200 articles/s per core for both).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from common import ALJAZEERA, ROOT, machine

sys.path.insert(0, str(ROOT))

from newstally.rules import extract  # noqa: E402
from newstally.rules.figures.extract import extract_figures  # noqa: E402
from newstally.rules.statements.extract import extract_statements  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ALJAZEERA)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8")]
    if args.limit:
        texts = texts[: args.limit]
    print(machine())
    print(f"{len(texts):,} articles, {sum(map(len, texts)) / len(texts):,.0f} characters on average; one process")
    extract(texts[0])  # loads the lexicons outside the timing
    for name, fn in (("figures", extract_figures), ("statements", extract_statements), ("both (extract)", extract)):
        started = time.perf_counter()
        for text in texts:
            fn(text)
        seconds = time.perf_counter() - started
        print(
            f"{name:16} {seconds:7.2f} s  {len(texts) / seconds:8.0f} articles/s per core  "
            f"{1000 * seconds / len(texts):6.2f} ms per article"
        )


if __name__ == "__main__":
    main()
