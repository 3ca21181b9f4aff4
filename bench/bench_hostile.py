"""How long the inputs take whose time the tests only bound generously (tests/hostile.py): hostile
and oversized texts through the figure rules, the statement rules and the whole extraction, the
corpus-wide speaker merge at scale, and reading the real corpora.

    python bench/bench_hostile.py

The tests ask only that each finishes within tests/hostile.py's FINISHES_WITHIN (a bound a busy CI
machine never reaches); this prints the times, so a slowdown shows here long before it would there.
"""

from __future__ import annotations

import sys

from common import ROOT, SHARED, machine

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hostile import EXTRACT_INPUTS, FIGURE_INPUTS, FINISHES_WITHIN, STATEMENT_INPUTS, many_mentions, timed  # noqa: E402

from newstally.build.ingest import read_corpus  # noqa: E402
from newstally.rules import extract  # noqa: E402
from newstally.rules.figures.extract import extract_figures  # noqa: E402
from newstally.rules.speakers.merge import speakers  # noqa: E402
from newstally.rules.statements.extract import extract_statements  # noqa: E402


def main() -> None:
    print(machine())
    print(f"(the tests' bound for each: {FINISHES_WITHIN} s)\n")
    print(f"{'what':58} {'size':>10} {'seconds':>8}")
    extract("warm up: the lexicons load outside the timing")
    for rules, fn, inputs in (
        ("figures", extract_figures, FIGURE_INPUTS),
        ("statements", extract_statements, STATEMENT_INPUTS),
        ("extract", extract, EXTRACT_INPUTS),
    ):
        for name, make in inputs.items():
            text = make()
            print(f"{rules + ': ' + name:58} {len(text) / 2**20:8.1f} MB {timed(fn, text)[1]:8.2f}")
    mentions = many_mentions()
    print(f"{'speaker merge of many mentions':58} {len(mentions):>10,} {timed(speakers, mentions)[1]:8.2f}")
    for corpus in (SHARED / "corpus" / "aljazeera" / "articles.jsonl", SHARED / "corpus" / "ukraine"):
        if corpus.exists():
            records, took = timed(lambda c=corpus: list(read_corpus([c])))
            print(f"{'ingest: ' + str(corpus.relative_to(SHARED)):58} {len(records):>10,} {took:8.2f}")


if __name__ == "__main__":
    main()
