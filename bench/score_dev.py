"""Scores the extractors on a gold file without building a store (a quick loop for rule work).

    python bench/score_dev.py GOLD.jsonl CORPUS [--show-misses [LAYER]]

CORPUS is a JSONL file (id, text) or a folder of .txt files. The speaker of a statement is the
article-level speaker name; ``newstally evaluate`` on a built store is the reference score.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newstally.evaluate import load_gold, score  # noqa: E402
from newstally.rules import extract  # noqa: E402


def _texts(corpus: Path, wanted: set[str]) -> dict[str, str]:
    if corpus.is_dir():
        return {p.stem: p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")) if p.stem in wanted}
    out = {}
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if str(record.get("id")) in wanted:
                out[str(record["id"])] = record["text"]
    return out


def predictions(texts: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figures and statements tables (the columns evaluate reads) for ``texts``."""
    figures, statements = [], []
    for aid, text in texts.items():
        result = extract(text)
        names = {s.key: s.name for s in result.speakers}
        figures += [dict(vars(f), article_id=aid) for f in result.figures]
        statements += [dict(vars(s), article_id=aid, speaker=names.get(s.speaker_key, "")) for s in result.statements]
    return pd.DataFrame(figures), pd.DataFrame(statements)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold")
    parser.add_argument("corpus")
    parser.add_argument(
        "--show-misses",
        nargs="?",
        const="",
        metavar="LAYER",
        help="print misses (optionally only one layer: 'figure missed', 'figure extra', "
        "'category', 'qualifier', 'statement missed', 'statement extra', 'speaker wrong')",
    )
    args = parser.parse_args()
    gold = load_gold(args.gold)
    texts = _texts(Path(args.corpus), {str(r["article_id"]) for r in gold})
    figures, statements = predictions(texts)
    report = score(gold, figures, statements, articles=set(texts))
    if args.show_misses is not None:
        for miss in report.misses:
            if not args.show_misses or miss["layer"] == args.show_misses:
                print(json.dumps(miss, ensure_ascii=False, default=str))
    print(report.table())


if __name__ == "__main__":
    main()
