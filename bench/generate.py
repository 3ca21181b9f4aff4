"""Scales the Al Jazeera corpus up to N articles for the scale benchmarks.

    python bench/generate.py 100000 bench/out/aje-100k.jsonl [--source ../shared/corpus/aljazeera/articles.jsonl]

Each output article is a real article of the source corpus under a fresh id and a shifted date
(copy k of an article moves k weeks later), so the text is never invented and every copy is
distinct for the store (ids) and for the cache (the text gets no change, the id does).
"""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta
from pathlib import Path

DEFAULT_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "aljazeera" / "articles.jsonl"


def generate(n: int, target: Path, source: Path = DEFAULT_SOURCE) -> Path:
    """Writes ``n`` articles to ``target`` (JSONL), cycling through ``source``."""
    originals = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as out:
        for i in range(n):
            record = dict(originals[i % len(originals)])
            copy = i // len(originals)
            record["id"] = f"{record['id']}~{copy}" if copy else record["id"]
            if copy and record.get("published"):
                try:
                    shifted = date.fromisoformat(record["published"][:10]) + timedelta(weeks=copy)
                    record["published"] = shifted.isoformat()
                except ValueError:
                    pass
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    print(generate(args.n, args.target, args.source))


if __name__ == "__main__":
    main()
