"""Figure extraction speed on the Al Jazeera corpus, side by side with quantulum3.

    python bench/bench_figures.py [CORPUS.jsonl] [--sample N]

quantulum3 is slow, so it runs on the first N articles only (default 200); newstally runs on
that same sample and on the whole corpus. Prints the machine, articles per second for each and
the ratio on the sample (the goal is newstally >= 20x quantulum3).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newstally.rules.figures.extract import extract_figures  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "aljazeera" / "articles.jsonl"


def _texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def _rate(extract, texts: list[str]) -> tuple[float, int]:
    """(articles per second, figures found) for ``extract`` over ``texts``."""
    started = time.perf_counter()
    found = sum(len(extract(text)) for text in texts)
    return len(texts) / (time.perf_counter() - started), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=200, help="articles given to quantulum3 (default 200)")
    args = parser.parse_args()

    texts = _texts(args.corpus)
    sample = texts[: args.sample]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    print(f"corpus: {args.corpus} ({len(texts)} articles, {sum(map(len, texts)) / len(texts):,.0f} chars on average)")

    extract_figures(sample[0])  # compile the patterns before timing
    ours_all, ours_all_found = _rate(extract_figures, texts)
    ours_sample, ours_found = _rate(extract_figures, sample)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as quantulum

        quantulum.parse(sample[0])  # load its models before timing
        theirs_sample, theirs_found = _rate(quantulum.parse, sample)

    print(
        f"newstally  whole corpus   {ours_all:8.1f} articles/s  ({ours_all_found} figures, "
        f"{1000 / ours_all:.2f} ms per article, one core)"
    )
    print(f"newstally  first {len(sample):<5}     {ours_sample:8.1f} articles/s  ({ours_found} figures)")
    print(f"quantulum3 first {len(sample):<5}     {theirs_sample:8.1f} articles/s  ({theirs_found} quantities)")
    print(f"ratio on the sample: newstally is {ours_sample / theirs_sample:.1f}x quantulum3 (goal >= 20x)")


if __name__ == "__main__":
    main()
