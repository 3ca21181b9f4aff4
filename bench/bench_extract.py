"""The whole extraction (figures and statements) over the Al Jazeera corpus, on one core.

    python bench/bench_extract.py [--corpus PATH] [--limit N]

Prints the parser model's load time, then articles and words per second per core: the word rules
alone (no parse, as before the syntactic layer), the parse of the sentences that need it, and the
whole extraction as a build runs it (parse once, then figures and statements). CPU time of this
process, so that other work on the machine weighs less on the figures than on wall time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from common import ALJAZEERA, ROOT, machine

sys.path.insert(0, str(ROOT))

from newstally.rules import extract, sentences_to_parse  # noqa: E402
from newstally.rules.figures.extract import extract_figures  # noqa: E402
from newstally.rules.statements.extract import extract_statements  # noqa: E402
from newstally.rules.syntax import NO_SYNTAX, Syntax, nlp  # noqa: E402


def _words_only(text: str) -> None:
    extract_statements(text, NO_SYNTAX)
    extract_figures(text, NO_SYNTAX)


def _parse_only(text: str) -> None:
    Syntax(text, sentences_to_parse(text))


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
    started = time.perf_counter()
    nlp()
    print(f"parser model loaded in {time.perf_counter() - started:.2f} s (once per process)")
    extract(texts[0])  # loads the lexicons outside the timing
    words = sum(len(t.split()) for t in texts)
    parsed = sum(len(t[s:e].split()) for t in texts for s, e in sentences_to_parse(t))
    print(f"{words:,} words, {parsed:,} of them in sentences that need the parse ({parsed / words:.0%})")
    runs = (("word rules only", _words_only), ("parse only", _parse_only), ("both (extract)", extract))
    for name, fn in runs:
        started = time.process_time()
        for text in texts:
            fn(text)
        seconds = time.process_time() - started
        print(
            f"{name:16} {seconds:7.2f} s  {len(texts) / seconds:7.1f} articles/s per core  "
            f"{words / seconds:8,.0f} words/s  {1000 * seconds / len(texts):6.1f} ms per article"
        )


if __name__ == "__main__":
    main()
