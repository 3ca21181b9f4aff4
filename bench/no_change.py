"""Proves a refactoring changed no output: builds every dev corpus with this checkout, scores it
with ``newstally evaluate`` and compares scores and stores with a baseline made by the old code.

    python bench/no_change.py BASELINE_DIR OUT_DIR [--workers N] [--only NAME ...]

BASELINE_DIR holds, per gold set, ``<gold>.eval.txt`` (what ``newstally evaluate`` printed) and
the store it scored (``<store>.duckdb``, named as in ``CORPORA``). Every corpus is given to the
build by the same absolute path the baseline used, so the ``path`` column compares too. Prints
a diff of each score table and ``compare_stores`` of each store; exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

import common
from common import newstally
from compare_stores import compare

# resolved: the baseline stores name their inputs by the real path, and so must the new ones
SHARED = common.SHARED.resolve()
# gold set -> (store name, corpus as the baseline build named it)
CORPORA = {
    "seed": ("seed", SHARED / "corpus" / "seed"),
    "aljazeera_dev": ("aljazeera", SHARED / "corpus" / "aljazeera" / "articles.jsonl"),
    "ggt_dev": ("ggt_dev", SHARED / "corpus" / "ggt_dev" / "articles.jsonl"),
    "newsquant_dev": ("newsquant_dev", SHARED / "corpus" / "newsquant_dev" / "articles.jsonl"),
    "guardian_dev": ("guardian_dev", SHARED / "corpus" / "guardian_dev" / "articles.jsonl"),
}


def _run(*args: str) -> str:
    done = subprocess.run(newstally(*args), capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"newstally {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("baseline", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--workers", default="2")
    parser.add_argument("--only", action="append", choices=sorted(CORPORA))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    differs = False
    built: set[str] = set()
    for gold, (store_name, corpus) in CORPORA.items():
        if args.only and gold not in args.only:
            continue
        store = args.out / f"{store_name}.duckdb"
        if store_name not in built:
            print(_run("build", str(corpus), "--store", str(store), "--fresh", "--workers", args.workers).strip())
            built.add(store_name)
        scores = _run("evaluate", str(SHARED / "gold" / f"{gold}.jsonl"), "--store", str(store))
        (args.out / f"{gold}.eval.txt").write_text(scores, encoding="utf-8")
        before = (args.baseline / f"{gold}.eval.txt").read_text(encoding="utf-8")
        diff = list(difflib.unified_diff(before.splitlines(), scores.splitlines(), "before", "after", lineterm=""))
        print(f"{gold}: scores {'identical' if not diff else 'DIFFER'}")
        if diff:
            print("\n".join(diff))
        lines = compare(str(args.baseline / f"{store_name}.duckdb"), str(store))
        print("\n".join(f"  {line}" for line in lines))
        differs = differs or bool(diff) or any(line.startswith(("DIFFERS", "MISSING")) for line in lines)
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
